"""Hard-wrapped text: line breaks that only wrap a paragraph.

normalize takes a line for a paragraph (wire copy puts one on a line, and
`fix` keeps the line structure). A release pasted from e-mail is wrapped at
some 72 characters instead, and read line by line each wrapped line would
start a sentence: "of de-\\nescalation" -> "Escalation", "do not require\\na
serious response" -> "A serious response". So a document whose lines break
mid-sentence is read with those breaks as spaces (a CRLF break as one space,
so rules see "two weeks" either way) and findings are mapped back to the
file's offsets. No finding may cover such a break, so `fix` still keeps
every line where it was.
"""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass, field
from functools import cached_property

from normalize.segment import line_spans

_CLOSERS = "[\"'\u201d\u2019\u00bb)\\]]*[ \\t]*\\Z"
_ENDS_CLAUSE = re.compile(r"[.!?:;\u2026]" + _CLOSERS)
_ENDS_SENTENCE = re.compile(r"[.!?\u2026]" + _CLOSERS)
# A full stop that ends an abbreviation rather than a sentence: "the U.S.", "10 a.m.", "Mr."
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|vs|etc|Gen|Col|Lt|Sgt|Prof|Rep|Sen|Gov|Jr|Sr"
    r"|approx|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)[ \t]*\Z"
)
_LOWER_START = re.compile(r"[ \t]*[a-z0-9(]")
WRAPPED_SHARE = 0.3  # of the breaks between non-empty lines, those that go on in lower case
FULL_LINE = 0.75  # a line this share of the wrap width long was filled by the wrap
WIDEST_LINE = 1.25  # no wrapped document has many lines much wider than its wrap


def soft_breaks(text: str) -> list[int]:
    """Sorted offsets of the line-break characters that only wrap a paragraph.

    A document counts as hard-wrapped when at least ``WRAPPED_SHARE`` of its
    breaks between non-empty lines go on in lower case (mid-sentence), and
    its lines are no wider than the lines so broken (paragraphs a line and
    a short lower-case list are not wrapped). Then a break is soft where the
    next line goes on in lower case, or where the line before was filled to
    the wrap width and ends mid-sentence; a short line (a headline, the end
    of a paragraph) or the first line of a block (a headline) keeps its break
    unless the next line goes on in lower case. One sentence or paragraph a
    line has no soft break.
    """
    if "\n" not in text and "\r" not in text:
        return []
    lines = line_spans(text)
    contents = [text[s:e] for s, e in lines]
    filled = [bool(c.strip()) for c in contents]
    joins = [i for i in range(len(lines) - 1) if filled[i] and filled[i + 1]]
    if not joins:
        return []
    continuing = [i for i in joins if _goes_on(contents[i], contents[i + 1])]
    if not continuing or len(continuing) < WRAPPED_SHARE * len(joins):
        return []
    width = statistics.median(len(contents[i]) for i in continuing)
    lengths = sorted(len(c) for c, f in zip(contents, filled) if f)
    if lengths[int(0.9 * (len(lengths) - 1))] > WIDEST_LINE * width:
        return []
    soft = set(continuing)
    for i in joins:
        first_of_block = i == 0 or not filled[i - 1]
        if (
            not first_of_block
            and len(contents[i]) >= FULL_LINE * width
            and not _ENDS_CLAUSE.search(contents[i])
        ):
            soft.add(i)
    return [p for i in sorted(soft) for p in range(lines[i][1], lines[i + 1][0])]


def _goes_on(line: str, following: str) -> bool:
    """Does ``following`` carry on the sentence of ``line``: it starts in lower
    case, and ``line`` does not end a sentence (an abbreviation's full stop,
    a colon or semicolon do not)?"""
    if not _LOWER_START.match(following):
        return False
    return not _ENDS_SENTENCE.search(line) or bool(_ABBREVIATION.search(line))


@dataclass(frozen=True)
class Unwrapped:
    """A text read with its soft breaks as spaces, and the way back."""

    text: str
    removed: list[int] = field(default_factory=list)  # where each "\r\n" read as one space is, in ``text``

    def original(self, offset: int) -> int:
        """The offset in the file of ``offset`` in ``text``. A span that
        starts or ends at the space read for a "\r\n" starts or ends before
        its CR, so it covers the whole break or none of it: no offset maps
        between a CR and its LF."""
        return offset + bisect.bisect_left(self.removed, offset)

    def flat(self, offset: int) -> int:
        """The offset in ``text`` of ``offset`` in the file (an offset
        between a CR and its LF lands on the space read for them)."""
        return offset - bisect.bisect_left(self._removed_crs, offset)

    @cached_property
    def _removed_crs(self) -> list[int]:
        """Each removed CR's offset in the file."""
        return [r + k for k, r in enumerate(self.removed)]


def unwrap(text: str, breaks: list[int]) -> Unwrapped:
    """``text`` with each soft break (``breaks``, from ``soft_breaks``) read as
    one space: "\\n", "\\r" and "\\r\\n" alike."""
    if not breaks:
        return Unwrapped(text)
    parts: list[str] = []
    removed: list[int] = []
    pos = 0
    for i in breaks:
        if i < pos:
            continue  # the LF of a CRLF already read
        parts.append(text[pos:i])
        parts.append(" ")
        if text.startswith("\r\n", i):
            removed.append(i - len(removed))  # where the next character lands in the new text
            pos = i + 2
        else:
            pos = i + 1
    parts.append(text[pos:])
    return Unwrapped("".join(parts), removed)


def covers_break(start: int, end: int, breaks: list[int]) -> bool:
    """Does the span [start, end) hold one of ``breaks``?"""
    k = bisect.bisect_left(breaks, start)
    return k < len(breaks) and breaks[k] < end
