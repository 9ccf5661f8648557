"""Detection scoring: did a system flag the sentences and tokens the references changed?

Sentence level: a sentence needs flagging when any reference differs from its
source (token by token); a system flags it when its output differs from the
source, or when a flags file marks it. Token level follows ``errant_compare -dt``:
each source token a reference replaces or deletes is an error, an insertion marks
the token to its right, and with several references the one giving the best
cumulative F is chosen per sentence. Alignment is difflib's on whitespace tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from normalize.errors import InputError
from normalize.scoring.base import MetricScore, Signature
from normalize.scoring.fscore import RawEdit, corpus_counts, f_score, f_score_array


@dataclass(frozen=True)
class Flag:
    """What a system flagged in one sentence: the sentence, and which source tokens."""

    sentence: bool
    tokens: frozenset[int] = frozenset()


def touched_tokens(source: list[str], target: list[str]) -> frozenset[int]:
    """Source token indices that ``target`` changes (insertions mark the next token)."""
    touched: set[int] = set()
    matcher = SequenceMatcher(a=source, b=target, autojunk=False)
    for op, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        touched.update(range(i1, i2) if i2 > i1 else (i1,))
    return frozenset(touched)


def flags_from_hypotheses(sources: list[str], hypotheses: list[str]) -> list[Flag]:
    """A rewrite flags every sentence and token it changed."""
    out = []
    for source, hyp in zip(sources, hypotheses):
        s, h = source.split(), hyp.split()
        out.append(Flag(s != h, touched_tokens(s, h) if s != h else frozenset()))
    return out


def parse_flags(lines: list[str], sources: list[str], path: str = "flags file") -> list[Flag]:
    """Read a flags file: one line a sentence.

    A blank line flags nothing; ``*`` flags the sentence without spans; otherwise
    whitespace-separated ``start:end`` character spans (end-exclusive) into the
    source line flag the sentence and every whitespace token they overlap.
    """
    return [_parse_flag_line(line, source, path, n) for n, (line, source) in enumerate(zip(lines, sources), 1)]


def _parse_flag_line(line: str, source: str, path: str, number: int) -> Flag:
    text = line.strip()
    if not text:
        return Flag(False)
    if text == "*":
        return Flag(True)
    tokens: set[int] = set()
    bounds = _token_bounds(source)
    for item in text.split():
        try:
            start_s, end_s = item.split(":")
            start, end = int(start_s), int(end_s)
        except ValueError:
            raise InputError(f"{path} line {number}: expected start:end spans or '*', got {item!r}") from None
        if not 0 <= start <= end <= len(source):
            raise InputError(f"{path} line {number}: span {item} is outside the {len(source)}-character source")
        tokens.update(_overlapping(bounds, start, end))
    return Flag(True, frozenset(tokens))


def _token_bounds(text: str) -> list[tuple[int, int]]:
    bounds, position = [], 0
    for token in text.split():
        start = text.index(token, position)
        position = start + len(token)
        bounds.append((start, position))
    return bounds


def _overlapping(bounds: list[tuple[int, int]], start: int, end: int) -> list[int]:
    if start == end:  # an insertion point marks the token it precedes
        return [next((i for i, (s, _e) in enumerate(bounds) if s >= start), len(bounds))]
    return [i for i, (s, e) in enumerate(bounds) if s < end and start < e]


def _as_edits(tokens: frozenset[int], coder: int) -> list[RawEdit]:
    return [(i, i + 1, "T", "", coder) for i in sorted(tokens)]


class Detection:
    """Sentence- or token-level detection F-beta against the references."""

    higher_is_better = True

    def __init__(
        self, sources: list[str], references: list[list[str]], *, level: str = "sentence", beta: float = 0.5,
        tokenize: str = "none",
    ) -> None:
        if level not in ("sentence", "token"):
            raise ValueError(level)
        self.level = level
        self.beta = beta
        self.tokenize = tokenize
        self.n_refs = len(references)
        self.name = f"Det-{level[0].upper()} F{beta:g}"
        src_tokens = [s.split() for s in sources]
        per_sentence = list(zip(*references))
        self.needs_flag = np.array(
            [any(r.split() != s for r in refs) for s, refs in zip(src_tokens, per_sentence)], dtype=bool
        )
        self._gold: list[list[RawEdit]] = []
        for s, refs in zip(src_tokens, per_sentence):
            edits: list[RawEdit] = []
            for coder, ref in enumerate(refs):
                touched = touched_tokens(s, ref.split())
                edits.extend(_as_edits(touched, coder) if touched else [(-1, -1, "noop", "-NONE-", coder)])
            self._gold.append(edits)

    def signature(self) -> Signature:
        return Signature.of(nrefs=self.n_refs, level=self.level, beta=f"{self.beta:g}", align="difflib",
                            tok=self.tokenize)

    def sentence_stats(self, flags: list[Flag]) -> np.ndarray:
        """``(sentences, 4)``: TP, FP, FN, TN for sentences; TP, FP, FN, 0 for tokens."""
        if self.level == "sentence":
            flagged = np.array([f.sentence for f in flags], dtype=bool)
            gold = self.needs_flag
            return np.stack(
                [flagged & gold, flagged & ~gold, ~flagged & gold, ~flagged & ~gold], axis=1
            ).astype(np.float64)
        hyp = [_as_edits(f.tokens, 0) for f in flags]
        counts = corpus_counts(hyp, self._gold, self.beta)
        return np.array([[c.tp, c.fp, c.fn, 0] for c in counts], dtype=np.float64).reshape(-1, 4)

    def corpus_score(self, stats: np.ndarray) -> MetricScore:
        tp, fp, fn, tn = (int(x) for x in stats.sum(axis=0))
        p, r, f = f_score(tp, fp, fn, self.beta)
        details: dict[str, float | int] = {"tp": tp, "fp": fp, "fn": fn, "precision": 100 * p, "recall": 100 * r}
        if self.level == "sentence":
            clean = fp + tn
            details["clean_sentences"] = clean
            details["false_alarm_rate"] = 100 * fp / clean if clean else 0.0
        return MetricScore(metric=self.name, score=100 * f, signature=str(self.signature()), details=details)

    def resample(self, stats: np.ndarray, counts: np.ndarray) -> np.ndarray:
        return 100.0 * f_score_array(counts @ stats[:, :3], self.beta)
