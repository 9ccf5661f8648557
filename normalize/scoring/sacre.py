"""BLEU, chrF and TER through sacrebleu's API, with its paired bootstrap test.

Scores, confidence intervals and p-values come from ``sacrebleu.significance.
PairedTest`` (``test_type="bs"``); numpy values are converted to plain floats.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

SACRE_METRICS = ("bleu", "chrf", "ter")


@dataclass(frozen=True)
class SacreResult:
    """One system's score on one sacrebleu metric, from a paired test."""

    score: float
    mean: float | None
    ci: float | None
    p_value: float | None
    signature: str


def make_metric(name: str, tokenize: str | None = None) -> Any:
    """A sacrebleu metric object; ``tokenize`` only applies to BLEU."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    if name == "bleu":
        return BLEU(tokenize=tokenize) if tokenize else BLEU()
    if name == "chrf":
        return CHRF()
    if name == "ter":
        return TER()
    raise ValueError(f"not a sacrebleu metric: {name}")


def display_name(name: str) -> str:
    return {"bleu": "BLEU", "chrf": "chrF2", "ter": "TER"}[name]


@contextmanager
def _sacrebleu_seed(seed: int) -> Iterator[None]:
    """sacrebleu reads its bootstrap seed from ``SACREBLEU_SEED`` only."""
    previous = os.environ.get("SACREBLEU_SEED")
    os.environ["SACREBLEU_SEED"] = str(seed)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SACREBLEU_SEED", None)
        else:
            os.environ["SACREBLEU_SEED"] = previous


def paired_scores(
    names: list[str],
    baseline: tuple[str, list[str]],
    systems: list[tuple[str, list[str]]],
    references: list[list[str]],
    *,
    samples: int,
    seed: int,
    tokenize: str | None = None,
) -> dict[str, dict[str, SacreResult]]:
    """``{metric: {system: result}}`` for the baseline and every system.

    The baseline's entry has no p-value. ``seed`` must be positive: sacrebleu treats
    0 as "do not seed".
    """
    from sacrebleu.significance import PairedTest

    metrics = {display_name(n): make_metric(n, tokenize) for n in names}
    with _sacrebleu_seed(seed):
        test = PairedTest(
            [baseline, *systems], metrics, references, test_type="bs", n_samples=samples
        )
        signatures, table = test()
    out: dict[str, dict[str, SacreResult]] = {}
    system_names = table.pop("System")
    for key, results in table.items():
        metric = _metric_key(key)
        signature = str(signatures[key])
        out[metric] = {
            name: SacreResult(
                score=float(r.score),
                mean=_float(r.mean),
                ci=_float(r.ci),
                p_value=_float(r.p_value),
                signature=signature,
            )
            for name, r in zip(system_names, results)
        }
    return out


def _metric_key(sacre_name: str) -> str:
    lowered = sacre_name.lower()
    if lowered.startswith("bleu"):
        return "bleu"
    if lowered.startswith("chrf"):
        return "chrf"
    return "ter"


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]
