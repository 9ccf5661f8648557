"""Paired bootstrap resampling, the way sacrebleu does it.

The sentence draws are ``numpy.random.default_rng(seed).choice(n, (samples, n))``,
exactly sacrebleu's, so with the same seed GLEU, ERRANT F0.5 and detection are
resampled on the same pseudo-corpora as sacrebleu's BLEU/chrF/TER. The 95% interval
and the p-value follow sacrebleu's ``estimate_ci`` and ``_compute_p_value``
(after Koehn 2004 and MultEval).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

DEFAULT_SAMPLES = 1000
DEFAULT_SEED = 12345


@lru_cache(maxsize=8)
def draw_counts(n_sentences: int, samples: int, seed: int) -> np.ndarray:
    """``counts[b, d]``: how often sentence ``d`` is drawn in resample ``b``."""
    rng = np.random.default_rng(seed)
    idxs = rng.choice(n_sentences, size=(samples, n_sentences), replace=True)
    flat = idxs + np.arange(samples)[:, None] * n_sentences
    counts = np.bincount(flat.ravel(), minlength=samples * n_sentences)
    counts = counts.reshape(samples, n_sentences).astype(np.float64)
    counts.setflags(write=False)
    return counts


def estimate_ci(scores: np.ndarray) -> tuple[float, float]:
    """Mean of the resampled scores and the half-width of their 95% interval."""
    ordered = np.sort(np.asarray(scores, dtype=np.float64))
    n = len(ordered)
    lower_idx = n // 40
    upper_idx = n - lower_idx - 1
    return float(ordered.mean()), float(0.5 * (ordered[upper_idx] - ordered[lower_idx]))


def p_value(baseline_scores: np.ndarray, system_scores: np.ndarray, real_difference: float) -> float:
    """Two-sided paired bootstrap p-value of ``|system - baseline|``."""
    sample_diffs = np.abs(np.asarray(system_scores) - np.asarray(baseline_scores))
    centred = sample_diffs - sample_diffs.mean()
    count = int(np.sum(centred > abs(real_difference)))
    return (count + 1) / (len(centred) + 1)


@dataclass(frozen=True)
class Resampled:
    """A system's resampled scores on one metric, kept for pairwise tests."""

    score: float
    samples: np.ndarray

    def interval(self) -> tuple[float, float]:
        return estimate_ci(self.samples)

    def compare(self, baseline: "Resampled") -> tuple[float, float]:
        """``(delta, p_value)`` of this system against ``baseline``."""
        delta = self.score - baseline.score
        return delta, p_value(baseline.samples, self.samples, delta)
