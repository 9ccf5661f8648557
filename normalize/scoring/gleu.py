"""GLEU exactly as JFLEG's official script computes it.

Napoles et al. (2015, revised 2016) GLEU: n-gram precision against a reference
where n-grams the hypothesis copies from the source but the reference dropped are
penalised, clipped at zero per sentence, times a brevity penalty. With several
references the official script samples one reference per sentence in each of
``iterations`` rounds (round ``j`` seeded with ``j * 101`` through Python's
``random``) and reports the mean corpus score over rounds. A single reference
means a single round.

``seed=0`` reproduces the script's draws; another seed shifts every round's seed
by that amount. The PyPI ``gleu`` package (``gleu -f``) gives the same numbers; the
tests check this.
"""

from __future__ import annotations

import random
from collections import Counter
from functools import lru_cache

import numpy as np

from normalize.scoring.base import MetricScore, Signature

DEFAULT_ITERATIONS = 500
DEFAULT_ORDER = 4

NgramCounts = list[Counter[tuple[str, ...]]]


def ngram_counts(tokens: list[str], order: int) -> NgramCounts:
    """Counters of 1..order-grams."""
    return [
        Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        for n in range(1, order + 1)
    ]


@lru_cache(maxsize=4)
def reference_indices(iterations: int, n_sentences: int, n_refs: int, seed: int = 0) -> np.ndarray:
    """Which reference each round uses for each sentence, as the official script draws them.

    Python 2's ``random.randint(0, r - 1)`` is ``int(random() * r)``; integer seeding
    is the same in Python 2 and 3, so this replays the official draws.
    """
    rng = random.Random()
    rows = []
    for j in range(iterations):
        rng.seed(seed + j * 101)
        rows.append([int(rng.random() * n_refs) for _ in range(n_sentences)])
    indices = np.array(rows, dtype=np.intp).reshape(iterations, n_sentences)
    indices.setflags(write=False)
    return indices


def gleu_from_stats(stats: np.ndarray, order: int = DEFAULT_ORDER) -> np.ndarray:
    """GLEU (0-1) from summed statistics ``[hyp_len, ref_len, num_1, den_1, ...]``.

    Works on any leading shape. Any zero statistic gives 0, as in the official script.
    """
    stats = np.asarray(stats, dtype=np.float64)
    hyp_len, ref_len = stats[..., 0], stats[..., 1]
    nums, dens = stats[..., 2::2], stats[..., 3::2]
    has_zero = (stats == 0).any(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_precision = (np.log(nums) - np.log(dens)).sum(axis=-1) / order
        log_bp = np.minimum(0.0, 1.0 - ref_len / hyp_len)
        score = np.exp(log_bp + log_precision)
    return np.where(has_zero, 0.0, score)


def sentence_stats(
    hyp: list[str], source: NgramCounts, ref: NgramCounts, ref_len: int, order: int
) -> list[int]:
    """The official script's per-sentence statistics for one reference."""
    hyp_counts = ngram_counts(hyp, order)
    out = [len(hyp), ref_len]
    for n in range(order):
        h, s, r = hyp_counts[n], source[n], ref[n]
        match = sum(min(count, r[gram]) for gram, count in h.items() if gram in r)
        penalty = sum(min(count, s[gram]) for gram, count in h.items() if gram not in r and gram in s)
        out.append(max(match - penalty, 0))
        out.append(max(len(hyp) + 1 - (n + 1), 0))
    return out


class Gleu:
    """GLEU for one source and reference set; scores any number of systems.

    Texts must already be tokenised: tokens are whitespace-separated.
    """

    name = "GLEU"
    higher_is_better = True

    def __init__(
        self,
        sources: list[str],
        references: list[list[str]],
        *,
        order: int = DEFAULT_ORDER,
        iterations: int = DEFAULT_ITERATIONS,
        seed: int = 0,
        tokenize: str = "none",
        version: str = "",
    ) -> None:
        self.order = order
        self.n_refs = len(references)
        self.iterations = iterations if self.n_refs > 1 else 1
        self.seed = seed
        self.tokenize = tokenize
        self.version = version
        self._source = [ngram_counts(s.split(), order) for s in sources]
        self._refs = [
            [(ngram_counts(stream[d].split(), order), len(stream[d].split())) for stream in references]
            for d in range(len(sources))
        ]
        self._indices = reference_indices(self.iterations, len(sources), self.n_refs, seed)

    def signature(self) -> Signature:
        sig = Signature.of(
            nrefs=self.n_refs, iter=self.iterations, seed=self.seed, n=self.order, tok=self.tokenize
        )
        return sig.with_fields(version=self.version) if self.version else sig

    def sentence_stats(self, hypotheses: list[str]) -> np.ndarray:
        """``(iterations, sentences, 2 + 2n)`` statistics for the sampled references."""
        per_ref = np.array(
            [
                [sentence_stats(hyp.split(), src, ref, ref_len, self.order) for ref, ref_len in refs]
                for hyp, src, refs in zip(hypotheses, self._source, self._refs)
            ],
            dtype=np.float64,
        ).reshape(len(hypotheses), self.n_refs, 2 + 2 * self.order)
        rows = np.arange(len(hypotheses))
        return per_ref[rows[None, :], self._indices]

    def round_scores(self, stats: np.ndarray) -> np.ndarray:
        """Corpus GLEU (0-100) of each sampling round."""
        return 100.0 * gleu_from_stats(stats.sum(axis=1), self.order)

    def corpus_score(self, stats: np.ndarray) -> MetricScore:
        rounds = self.round_scores(stats)
        return MetricScore(
            metric=self.name,
            score=float(rounds.mean()),
            signature=str(self.signature()),
            details={"iterations": self.iterations, "round_std": float(rounds.std())},
        )

    def resample(self, stats: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Mean-over-rounds GLEU (0-100) of each bootstrap resample."""
        iterations, sentences, width = stats.shape
        flat = stats.transpose(1, 0, 2).reshape(sentences, iterations * width)
        summed = (counts @ flat).reshape(len(counts), iterations, width)
        return 100.0 * gleu_from_stats(summed, self.order).mean(axis=1)
