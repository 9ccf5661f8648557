"""Score rewrites against reference corrections: GLEU, ERRANT F0.5, BLEU/chrF/TER, detection.

Usage::

    from normalize.scoring import ScoreOptions, load_corpus, load_system, score

    corpus = load_corpus(source="dev.src", references=["dev.ref0", "dev.ref1"])
    report = score(corpus, [load_system("out.txt", corpus)], ScoreOptions(metrics=("gleu", "bleu")))
    report.system("out.txt").scores["gleu"].score

The API returns :class:`ScoreReport` objects and prints nothing; heavy libraries
(errant, spaCy) are imported only when their metric is requested.
"""

from normalize.scoring.api import (
    DEFAULT_METRICS,
    METRICS,
    Corpus,
    ScoreOptions,
    System,
    load_corpus,
    load_flags,
    load_system,
    score,
)
from normalize.scoring.base import BASELINE_NAME, Comparison, MetricScore, ScoreReport, Signature, SystemResult

__all__ = [
    "BASELINE_NAME",
    "DEFAULT_METRICS",
    "METRICS",
    "Comparison",
    "Corpus",
    "MetricScore",
    "ScoreOptions",
    "ScoreReport",
    "Signature",
    "System",
    "SystemResult",
    "load_corpus",
    "load_flags",
    "load_system",
    "score",
]
