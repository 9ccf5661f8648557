"""Result types of the scoring API: signatures, per-metric scores, reports.

The API returns these objects and prints nothing; renderers turn them into text,
JSON or Markdown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

BASELINE_NAME = "no-edit"


@dataclass(frozen=True)
class Signature:
    """An ordered ``key:value|key:value`` description of how a score was computed."""

    fields: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, **values: object) -> "Signature":
        return cls(tuple((key, _text(value)) for key, value in values.items()))

    @classmethod
    def parse(cls, text: str) -> "Signature":
        pairs = (item.split(":", 1) for item in text.split("|") if item)
        return cls(tuple((key, value) for key, value in pairs))

    def with_fields(self, **values: object) -> "Signature":
        """A copy with ``values`` replaced in place or appended before ``version``."""
        current = dict(self.fields)
        new = {k: _text(v) for k, v in values.items()}
        items = [(k, new.pop(k, v)) for k, v in current.items() if k != "version"]
        items.extend(new.items())
        if "version" in current:
            items.append(("version", current["version"]))
        return Signature(tuple(items))

    def __str__(self) -> str:
        return "|".join(f"{key}:{value}" for key, value in self.fields)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True)
class MetricScore:
    """One metric's score for one system, on a 0-100 scale.

    ``mean`` and ``ci`` come from bootstrap resampling (``ci`` is the half-width
    of the 95% interval around ``mean``, as sacrebleu reports it); ``delta`` and
    ``p_value`` compare the system with the no-edit baseline.
    """

    metric: str
    score: float
    signature: str
    higher_is_better: bool = True
    mean: float | None = None
    ci: float | None = None
    delta: float | None = None
    p_value: float | None = None
    details: dict[str, float | int] = field(default_factory=dict)
    by_type: dict[str, dict[str, float | int]] | None = None


@dataclass(frozen=True)
class SystemResult:
    name: str
    scores: dict[str, MetricScore]
    is_baseline: bool = False


@dataclass(frozen=True)
class Comparison:
    """A paired bootstrap test between two systems on one metric."""

    metric: str
    baseline: str
    system: str
    delta: float
    p_value: float


@dataclass
class ScoreReport:
    """Everything ``normalize score`` measured; the no-edit system comes first."""

    systems: list[SystemResult]
    comparisons: list[Comparison]
    metrics: list[str]
    n_sentences: int
    n_refs: int
    bootstrap_samples: int
    seed: int
    warnings: list[str] = field(default_factory=list)

    def system(self, name: str) -> SystemResult:
        for system in self.systems:
            if system.name == name:
                return system
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: plain floats only (no numpy scalars, no NaN)."""
        return _plain(
            {
                "n_sentences": self.n_sentences,
                "n_refs": self.n_refs,
                "baseline": BASELINE_NAME,
                "bootstrap_samples": self.bootstrap_samples,
                "seed": self.seed,
                "metrics": self.metrics,
                "systems": [
                    {
                        "name": s.name,
                        "is_baseline": s.is_baseline,
                        "scores": {m: _score_dict(v) for m, v in s.scores.items()},
                    }
                    for s in self.systems
                ],
                "comparisons": [vars(c) for c in self.comparisons],
                "warnings": self.warnings,
            }
        )


def _score_dict(score: MetricScore) -> dict[str, Any]:
    out = {
        "score": score.score,
        "mean": score.mean,
        "ci95": score.ci,
        "delta_vs_no_edit": score.delta,
        "p_value_vs_no_edit": score.p_value,
        "signature": score.signature,
        "higher_is_better": score.higher_is_better,
    }
    out.update(score.details)
    if score.by_type is not None:
        out["by_type"] = score.by_type
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        number = float(value)
        return None if math.isnan(number) or math.isinf(number) else number
    return value


class ResamplableMetric(Protocol):
    """A metric computed from per-sentence statistics, so it can be bootstrapped.

    ``stats`` is whatever :meth:`sentence_stats` returns for one system;
    ``resample`` gets a ``(samples, sentences)`` matrix of draw counts and returns
    one score per sample.
    """

    name: str
    higher_is_better: bool

    def signature(self) -> Signature: ...

    def sentence_stats(self, hypotheses: list[str]) -> Any: ...

    def corpus_score(self, stats: Any) -> MetricScore: ...

    def resample(self, stats: Any, counts: np.ndarray) -> np.ndarray: ...
