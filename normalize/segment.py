"""Split a document into paragraphs and sentences, keeping character offsets.

A paragraph is one line of text (wire copy puts one paragraph on a line, and
`fix` must keep the line structure, so no sentence may cross a line end).
Sentences inside a line come from syntok, which copes with abbreviations
(``Mr.``, ``U.N.``) and datelines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from normalize.types import Sentence

_LINE = re.compile(r"[^\r\n]+")


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line, line ends excluded."""
    for match in _LINE.finditer(text):
        yield match.start(), match.end()


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text``, end-exclusive, trimmed of outer whitespace."""
    sentences: list[Sentence] = []
    for paragraph, (line_start, line_end) in enumerate(iter_lines(text)):
        line = text[line_start:line_end]
        if not line.strip():
            continue
        for start, end in _line_spans(line):
            sentences.append(Sentence(line_start + start, line_start + end, paragraph))
    return sentences


@lru_cache(maxsize=50_000)
def _line_spans(line: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of one line, cached: `fix` segments every unchanged line
    again on each of its passes."""
    from syntok import segmenter  # imported here: only needed when segmenting

    return tuple(_syntok_spans(segmenter, line))


def _syntok_spans(segmenter, line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for para in segmenter.analyze(line):
        for sent in para:
            if not sent:
                continue
            start = sent[0].offset
            end = sent[-1].offset + len(sent[-1].value)
            spans.append((start, end))
    # syntok normalises some tokens; guard against any span that does not
    # reproduce the original text by falling back to the whole line.
    if not spans or any(e > len(line) or s < 0 for s, e in spans):
        stripped = line.strip()
        left = line.index(stripped[0]) if stripped else 0
        return [(left, left + len(stripped))]
    return _join_after_semicolons(line, _extend_to_closing_quotes(line, spans))


def _join_after_semicolons(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin a sentence syntok split after a semicolon (it does before an
    opening quote: 'He wrote; "up to 15 years"'): a semicolon ends a clause,
    not a sentence, and what follows must not be capitalised as a new one."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and line[joined[-1][0] : joined[-1][1]].endswith(";"):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


_CLOSING = "\"'”’»)]"  # quotes and brackets that close a sentence


def _extend_to_closing_quotes(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Attach closing quotes/brackets that syntok left between sentences."""
    fixed: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(spans):
        limit = spans[i + 1][0] if i + 1 < len(spans) else len(line)
        while end < limit and line[end] in _CLOSING:
            end += 1
        fixed.append((start, end))
    return fixed


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing ``offset`` (binary search)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset:
        return sentences[lo]
    return None


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = set(".!?;:…,")
_HEADING_MAX_WORDS = 16
# "MOSCOW, June 3 (TASS) –", "GENEVA, 3 March -": a body paragraph opens so.
_DATELINE = re.compile(r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*,\s+(?:\(|\d|[A-Z][a-z]{2,8}\.?\s+\d)")
# What a headline does not have: a sentence end inside it, an opening
# pronoun, quotation mark or "According to", "was/were/had/will" or a closing
# "said" (headlines write "is held", "to visit", "minister says"): a sentence
# that lost its full stop.
_NOT_A_HEADLINE = re.compile(
    r"^(?:He|She|They|We|I|It|You)\s|^[\"“«'‘]|\b(?:was|were|had|will)\b|\bsaid\W*$|^According to\b"
)
_INNER_END = re.compile(r"\b(\w+)[.!?][\"”’]?\s+[\"“]?[A-Z]")
# Abbreviations before a name, whose stop ends no sentence ("Sen. Warren says").
_TITLES = frozenset(
    "mr mrs ms dr st gen sen gov rep col sgt capt prof rev jr sr inc corp ltd co lt maj adm cmdr pres amb dept no vs".split()
)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, blank ones too, its line break excluded;
    the next line starts where the break ends."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def heading_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each heading line: a short line on its own (the start
    of the text or a blank line before it; a blank line or a dateline after it,
    and more text below) that does not end or read as a sentence does.
    Headlines and subheads leave out articles by convention ("Minister says
    sanctions against country are illegal"), so article checks do not apply."""
    lines = line_spans(text)
    blank = [not text[s:e].strip() for s, e in lines]
    content = [i for i, b in enumerate(blank) if not b]
    if not content:
        return []
    first, last = content[0], content[-1]
    headings: list[tuple[int, int]] = []
    for i in content:
        if _MARKED_HEADING.match(text, lines[i][0], lines[i][1]):
            headings.append(lines[i])  # marked up as one: "<h1>…</h1>", "## …"
            continue
        if i == last or (i != first and not blank[i - 1]):
            continue
        if not blank[i + 1] and not _DATELINE.match(text[lines[i + 1][0] : lines[i + 1][1]].lstrip()):
            continue
        s, e = lines[i]
        line = text[s:e].strip()
        bare_end = line.rstrip(_CLOSING).rstrip()
        if (
            bare_end
            and bare_end[-1] not in _SENTENCE_END
            and len(line.split()) <= _HEADING_MAX_WORDS
            and not _DATELINE.match(line)
            and not _NOT_A_HEADLINE.search(line)
            and not _inner_sentence_end(line)
        ):
            headings.append((s, e))
    return headings


# One heading element alone on its line (not "<h1>…</h1><p>…</p>"), or a Markdown heading.
_MARKED_HEADING = re.compile(
    r"[ \t]*(?:<h([1-6])[\s>](?:(?!</h\1>)[^\r\n])*</h\1>[ \t]*$|#{1,6} )", re.IGNORECASE | re.MULTILINE
)


def _inner_sentence_end(line: str) -> bool:
    """A full stop inside the line after a lower-case word that is no title
    ("Talks lasted three hours. Sides discussed…", not "Sen. Warren says")."""
    return any(
        m.group(1)[1:].islower() and len(m.group(1)) >= 2 and m.group(1).lower() not in _TITLES
        for m in _INNER_END.finditer(line)
    )
