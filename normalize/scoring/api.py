"""Score systems against references: the entry point of :mod:`normalize.scoring`.

The source is always scored as the ``no-edit`` system; every other system gets
its delta against it, a 95% bootstrap interval and a paired bootstrap p-value,
and every pair of systems is compared too. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from normalize.errors import NormalizeError
from normalize.scoring import io, sacre
from normalize.scoring.base import (
    BASELINE_NAME,
    Comparison,
    MetricScore,
    ResamplableMetric,
    ScoreReport,
    SystemResult,
)
from normalize.scoring.bootstrap import DEFAULT_SAMPLES, DEFAULT_SEED, Resampled, draw_counts
from normalize.scoring.detection import Flag, flags_from_hypotheses
from normalize.scoring.tokenize import (
    TOKENIZE_CHOICES,
    mismatch_warnings,
    sacrebleu_tokenize,
    signature_tok,
    text_tokenizer,
)
from normalize.types import Progress

METRICS = ("gleu", "errant", "bleu", "chrf", "ter", "detection")
DEFAULT_METRICS = ("gleu", "bleu", "chrf", "ter")
# "detection" expands to these two report columns.
DETECTION_KEYS = ("det-sentence", "det-token")


@dataclass(frozen=True)
class Corpus:
    """Sources, one reference stream per annotator, and the M2 file if refs came from one."""

    sources: list[str]
    references: list[list[str]]
    m2: list[io.M2Sentence] | None = None
    warnings: tuple[str, ...] = ()

    @property
    def n_refs(self) -> int:
        return len(self.references)


@dataclass(frozen=True)
class System:
    """A system to score: rewritten sentences, or only detection flags."""

    name: str
    hypotheses: list[str] | None = None
    flags: list[Flag] | None = None


@dataclass(frozen=True)
class ScoreOptions:
    metrics: tuple[str, ...] = DEFAULT_METRICS
    tokenize: str = "auto"
    gleu_iterations: int = 500
    gleu_seed: int = 0
    gleu_order: int = 4
    samples: int = DEFAULT_SAMPLES
    seed: int = DEFAULT_SEED
    beta: float = 0.5
    spacy_model: str | None = None
    by_type: bool = False  # keep ERRANT's per-type breakdown in the results
    jobs: int | None = None  # ERRANT worker processes; None: one per core (at most 4)


def load_corpus(
    source: Path | str | None = None,
    references: list[Path] | list[str] | tuple = (),
    pairs: Path | str | None = None,
    ref_m2: Path | str | None = None,
) -> Corpus:
    """Read a corpus from a source file plus reference files, a TSV, or an M2 file."""
    given = sum(x is not None and x != () and x != [] for x in (references, pairs, ref_m2))
    if given != 1:
        raise NormalizeError("give references with exactly one of --ref, --pairs or --ref-m2")
    if pairs is not None:
        if source is not None:
            raise NormalizeError("--pairs carries its own sources: drop --source")
        sources, refs = io.read_pairs_tsv(pairs)
        return Corpus(sources, [refs])
    if ref_m2 is not None:
        return _m2_corpus(ref_m2, source)
    if source is None:
        raise NormalizeError("--source is required with --ref")
    sources = io.read_lines(source, "source")
    streams = [io.read_lines(path, "reference") for path in references]
    io.check_same_length({f"reference {p}": s for p, s in zip(references, streams)}, len(sources), f"source {source}")
    return Corpus(sources, streams)


def _m2_corpus(ref_m2: Path | str, source: Path | str | None) -> Corpus:
    sentences = io.read_m2(ref_m2)
    sources, streams, padded = io.m2_references(sentences)
    if source is not None:
        given = io.read_lines(source, "source")
        io.check_same_length({f"source {source}": given}, len(sources), f"M2 file {ref_m2}")
        for number, (a, b) in enumerate(zip(given, sources), 1):
            if a.split() != b.split():
                raise NormalizeError(f"source {source} line {number} differs from the S line of M2 file {ref_m2}")
    warnings = ("some M2 sentences lack an annotator; the source stands in as that annotator's reference",) if padded else ()
    return Corpus(sources, streams, m2=sentences, warnings=warnings)


def load_system(path: Path | str, corpus: Corpus, name: str | None = None) -> System:
    lines = io.read_lines(path, "hypothesis")
    io.check_same_length({f"hypothesis {path}": lines}, len(corpus.sources), "the source")
    return System(name or Path(path).name, hypotheses=lines)


def load_flags(path: Path | str, corpus: Corpus, name: str | None = None) -> System:
    from normalize.scoring.detection import parse_flags

    lines = io.read_lines(path, "flags file", allow_blank=True)
    io.check_same_length({f"flags file {path}": lines}, len(corpus.sources), "the source")
    return System(name or Path(path).name, flags=parse_flags(lines, corpus.sources, str(path)))


def expand_metrics(metrics: tuple[str, ...] | list[str]) -> list[str]:
    """Report keys in order, ``detection`` expanded into its two levels."""
    out: list[str] = []
    for metric in metrics:
        if metric not in METRICS:
            raise NormalizeError(f"unknown metric {metric!r}; choose from {', '.join(METRICS)}")
        for key in DETECTION_KEYS if metric == "detection" else (metric,):
            if key not in out:
                out.append(key)
    return out


def score(
    corpus: Corpus,
    systems: list[System],
    options: ScoreOptions = ScoreOptions(),
    *,
    progress: Progress | None = None,
    annotator: Any = None,
) -> ScoreReport:
    """Score the no-edit baseline and ``systems``; see the module docstring."""
    _validate(corpus, systems, options)
    keys = expand_metrics(options.metrics)
    baseline = System(BASELINE_NAME, hypotheses=list(corpus.sources))
    everyone = [baseline, *systems]
    warnings = list(corpus.warnings)
    warnings += mismatch_warnings(
        corpus.references, {s.name: s.hypotheses for s in systems if s.hypotheses is not None}, options.tokenize
    )
    scores: dict[str, dict[str, MetricScore]] = {s.name: {} for s in everyone}
    comparisons: list[Comparison] = []
    resampled_metrics = [k for k in keys if k not in sacre.SACRE_METRICS]
    if resampled_metrics:
        prepared = _Prepared.build(corpus, everyone, options.tokenize)
        counts = draw_counts(len(corpus.sources), options.samples, options.seed)
        for key in resampled_metrics:
            metric = _build_metric(key, corpus, prepared, options, progress, annotator)
            comparisons += _score_resampled(key, metric, everyone, prepared, counts, scores, options.by_type)
    sacre_keys = [k for k in keys if k in sacre.SACRE_METRICS]
    if sacre_keys:
        comparisons += _score_sacre(sacre_keys, corpus, everyone, options, scores)
    results = [
        SystemResult(s.name, {k: scores[s.name][k] for k in keys if k in scores[s.name]}, s is baseline)
        for s in everyone
    ]
    comparisons.sort(key=lambda c: keys.index(c.metric))
    return ScoreReport(
        systems=results,
        comparisons=comparisons,
        metrics=keys,
        n_sentences=len(corpus.sources),
        n_refs=corpus.n_refs,
        bootstrap_samples=options.samples,
        seed=options.seed,
        warnings=warnings,
    )


def _validate(corpus: Corpus, systems: list[System], options: ScoreOptions) -> None:
    if not corpus.sources:
        raise NormalizeError("the source has no sentences")
    if not corpus.references:
        raise NormalizeError("no references given")
    names = [BASELINE_NAME] + [s.name for s in systems]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise NormalizeError(f"system name {duplicates[0]!r} is used twice; name systems with --name")
    if options.tokenize not in TOKENIZE_CHOICES:
        raise NormalizeError(f"unknown --tokenize {options.tokenize!r}; choose from {', '.join(TOKENIZE_CHOICES)}")
    if options.seed <= 0:
        raise NormalizeError("--seed must be a positive integer (sacrebleu treats 0 as unseeded)")
    if options.samples < 40:
        raise NormalizeError("--bootstrap must be at least 40 resamples for a 95% interval")
    if options.gleu_iterations < 1:
        raise NormalizeError("--gleu-iterations must be at least 1")
    for system in systems:
        lines = system.hypotheses if system.hypotheses is not None else system.flags
        if lines is None or len(lines) != len(corpus.sources):
            raise NormalizeError(
                f"system {system.name} has {0 if lines is None else len(lines)} lines but the source has "
                f"{len(corpus.sources)}"
            )
    if any(s.flags is not None for s in systems) and options.tokenize not in ("auto", "none"):
        raise NormalizeError("--flags spans refer to the raw source: use them with --tokenize none")


@dataclass
class _Prepared:
    """Texts tokenised for GLEU, ERRANT and detection."""

    sources: list[str]
    references: list[list[str]]
    hypotheses: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, corpus: Corpus, systems: list[System], tokenize: str) -> "_Prepared":
        tok = text_tokenizer(tokenize)
        return cls(
            [tok(s) for s in corpus.sources],
            [[tok(r) for r in stream] for stream in corpus.references],
            {s.name: [tok(h) for h in s.hypotheses] for s in systems if s.hypotheses is not None},
        )


def _build_metric(
    key: str, corpus: Corpus, prepared: _Prepared, options: ScoreOptions, progress: Progress | None, annotator: Any
) -> ResamplableMetric:
    tok = signature_tok(options.tokenize)
    if key == "gleu":
        from normalize import __version__ as version
        from normalize.scoring.gleu import Gleu

        return Gleu(
            prepared.sources, prepared.references, order=options.gleu_order,
            iterations=options.gleu_iterations, seed=options.gleu_seed, tokenize=tok,
            version=f"normalize-{version}",
        )
    if key == "errant":
        return _build_errant(corpus, prepared, options, progress, annotator)
    from normalize.scoring.detection import Detection

    level = key.split("-", 1)[1]
    return Detection(prepared.sources, prepared.references, level=level, beta=options.beta, tokenize=tok)


def _build_errant(
    corpus: Corpus, prepared: _Prepared, options: ScoreOptions, progress: Progress | None, annotator: Any
) -> ResamplableMetric:
    from normalize.scoring.errant_f05 import ErrantAnnotator, ErrantF05

    annotator = annotator or ErrantAnnotator(options.spacy_model, jobs=options.jobs)
    kw: dict[str, Any] = {
        "n_refs": corpus.n_refs, "beta": options.beta, "tokenize": signature_tok(options.tokenize),
        "progress": progress,
    }
    if corpus.m2 is None:
        return ErrantF05(annotator, prepared.sources, references=prepared.references, **kw)
    edits = [
        [(e.start, e.end, e.category, e.correction, e.coder) for e in s.edits] if s.source.strip() else None
        for s in corpus.m2
    ]
    return ErrantF05(annotator, prepared.sources, reference_edits=edits, **kw)


def _system_input(key: str, system: System, prepared: _Prepared) -> Any:
    """What a resampled metric scores for ``system``; None if it cannot."""
    if key.startswith("det-"):
        if system.flags is not None:
            return system.flags
        return flags_from_hypotheses(prepared.sources, prepared.hypotheses[system.name])
    return prepared.hypotheses.get(system.name)


def _score_resampled(
    key: str,
    metric: ResamplableMetric,
    systems: list[System],
    prepared: _Prepared,
    counts: np.ndarray,
    scores: dict[str, dict[str, MetricScore]],
    by_type_wanted: bool = False,
) -> list[Comparison]:
    resampled: dict[str, Resampled] = {}
    prepare = getattr(metric, "prepare", None)
    if prepare is not None:
        prepare([h for s in systems if (h := _system_input(key, s, prepared)) is not None])
    for system in systems:
        data = _system_input(key, system, prepared)
        if data is None:
            continue
        stats = metric.sentence_stats(data)
        result = metric.corpus_score(stats)
        resampled[system.name] = Resampled(result.score, metric.resample(stats, counts))
        mean, ci = resampled[system.name].interval()
        by_type = result.by_type if by_type_wanted else None
        scores[system.name][key] = replace(
            result, mean=mean, ci=ci, higher_is_better=metric.higher_is_better, by_type=by_type
        )
    return _add_comparisons(key, resampled, scores)


def _add_comparisons(
    key: str, resampled: dict[str, Resampled], scores: dict[str, dict[str, MetricScore]]
) -> list[Comparison]:
    names = list(resampled)
    base = resampled[BASELINE_NAME]
    for name in names[1:]:
        delta, p = resampled[name].compare(base)
        scores[name][key] = replace(scores[name][key], delta=delta, p_value=p)
    out = []
    for i, a in enumerate(names[1:], 1):
        for b in names[i + 1 :]:
            delta, p = resampled[b].compare(resampled[a])
            out.append(Comparison(key, a, b, delta, p))
    return out


def _score_sacre(
    keys: list[str], corpus: Corpus, systems: list[System], options: ScoreOptions,
    scores: dict[str, dict[str, MetricScore]],
) -> list[Comparison]:
    named = [(s.name, s.hypotheses) for s in systems if s.hypotheses is not None]
    tok = sacrebleu_tokenize(options.tokenize)
    kw = {"samples": options.samples, "seed": options.seed, "tokenize": tok}
    results = sacre.paired_scores(keys, named[0], named[1:], corpus.references, **kw)
    base_name = named[0][0]
    for key, by_system in results.items():
        base = by_system[base_name].score
        for name, r in by_system.items():
            is_base = name == base_name
            scores[name][key] = MetricScore(
                metric=sacre.display_name(key), score=r.score, signature=r.signature,
                higher_is_better=key != "ter", mean=r.mean, ci=r.ci,
                delta=None if is_base else r.score - base, p_value=None if is_base else r.p_value,
            )
    out: list[Comparison] = []
    for i in range(1, len(named) - 1):
        pair = sacre.paired_scores(keys, named[i], named[i + 1 :], corpus.references, **kw)
        for key, by_system in pair.items():
            a = named[i][0]
            for name, r in by_system.items():
                if name != a:
                    out.append(Comparison(key, a, name, r.score - by_system[a].score, r.p_value or 1.0))
    return out
