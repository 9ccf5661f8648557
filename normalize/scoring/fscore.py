"""Span-based edit comparison and F-beta, as ``errant_compare`` computes them.

Pure Python (no errant import): the hypothesis and reference edits of a sentence,
grouped by annotator, are compared; with several annotators the one that gives
the best *cumulative* corpus F-score so far is chosen, with errant_compare's
tie-breaks (higher TP, then lower FP, then lower FN) and its 4-decimal rounding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

# An edit as errant writes it to M2: (start, end, category, correction, coder).
RawEdit = tuple[int, int, str, str, int]
# For each coder, its edits keyed by (start, end, correction), valued by categories.
CoderEdits = dict[int, dict[tuple[int, int, str], list[str]]]

NOOP: RawEdit = (-1, -1, "noop", "-NONE-", 0)


def group_by_coder(edits: Iterable[RawEdit]) -> CoderEdits:
    """errant_compare's ``process_edits`` for span-based correction (its default)."""
    edits = list(edits) or [NOOP]
    grouped: CoderEdits = {}
    for start, end, category, correction, coder in edits:
        spans = grouped.setdefault(coder, {})
        if category == "UNK":  # UNK edits only count for detection
            continue
        spans.setdefault((start, end, correction), []).append(category)
    return grouped


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)


def compare_edits(hyp: dict, ref: dict) -> Counts:
    """TP/FP/FN of one hypothesis annotator against one reference annotator."""
    counts = Counts()
    for span, categories in hyp.items():
        if categories[0] == "noop":
            continue
        if span in ref:
            for category in ref[span]:
                counts.tp += 1
                counts.by_type.setdefault(category, [0, 0, 0])[0] += 1
        else:
            for category in categories:
                counts.fp += 1
                counts.by_type.setdefault(category, [0, 0, 0])[1] += 1
    for span, categories in ref.items():
        if categories[0] == "noop" or span in hyp:
            continue
        for category in categories:
            counts.fn += 1
            counts.by_type.setdefault(category, [0, 0, 0])[2] += 1
    return counts


def f_score(tp: float, fp: float, fn: float, beta: float = 0.5) -> tuple[float, float, float]:
    """Precision, recall, F-beta (0-1), unrounded; no FP means P = 1, no FN means R = 1."""
    p = tp / (tp + fp) if fp else 1.0
    r = tp / (tp + fn) if fn else 1.0
    f = (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0
    return p, r, f


def f_score_array(sums: np.ndarray, beta: float = 0.5) -> np.ndarray:
    """F-beta (0-1) of each row of ``[[tp, fp, fn], ...]``."""
    tp, fp, fn = sums[..., 0], sums[..., 1], sums[..., 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(fp > 0, tp / (tp + fp), 1.0)
        r = np.where(fn > 0, tp / (tp + fn), 1.0)
        f = (1 + beta**2) * p * r / (beta**2 * p + r)
    return np.where(p + r > 0, f, 0.0)


def _rounded_f(tp: int, fp: int, fn: int, beta: float) -> float:
    return round(f_score(tp, fp, fn, beta)[2], 4)


def best_counts(hyp: CoderEdits, ref: CoderEdits, running: Counts, beta: float = 0.5) -> Counts:
    """The hypothesis/reference annotator pair errant_compare picks for one sentence."""
    best = Counts()
    best_f = -1.0
    for hyp_edits in hyp.values():
        for ref_edits in ref.values():
            c = compare_edits(hyp_edits, ref_edits)
            f = _rounded_f(c.tp + running.tp, c.fp + running.fp, c.fn + running.fn, beta)
            if (f, c.tp, -c.fp, -c.fn) > (best_f, best.tp, -best.fp, -best.fn):
                best, best_f = c, f
    return best


def corpus_counts(
    hyp_edits: list[list[RawEdit] | None], ref_edits: list[list[RawEdit] | None], beta: float = 0.5
) -> list[Counts]:
    """Per-sentence chosen counts over a corpus, in order (the choice is cumulative).

    ``None`` marks a sentence errant skips (empty source): it counts nothing.
    """
    running = Counts()
    chosen: list[Counts] = []
    for hyp, ref in zip(hyp_edits, ref_edits):
        if hyp is None or ref is None:
            chosen.append(Counts())
            continue
        c = best_counts(group_by_coder(hyp), group_by_coder(ref), running, beta)
        running.tp, running.fp, running.fn = running.tp + c.tp, running.fp + c.fp, running.fn + c.fn
        chosen.append(c)
    return chosen
