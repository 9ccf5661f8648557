"""Hard-wrapped text: line breaks that only wrap a paragraph.

normalize takes a line for a paragraph (wire copy puts one on a line, and
`fix` keeps the line structure). A release pasted from e-mail is wrapped at
some 72 characters instead, and read line by line each wrapped line would
start a sentence: "of de-\\nescalation" -> "Escalation", "do not require\\na
serious response" -> "A serious response". So a document whose lines break
mid-sentence is read with those breaks as spaces: the same text, the same
length, every offset unchanged. No finding may cover such a break, so `fix`
still keeps every line where it was.
"""

from __future__ import annotations

import bisect
import re

# A break between two non-empty lines, with the last character before it and
# the first after it (CR line ends are "\r" or "\r\n").
_BREAK = re.compile(r"(?<=[^\r\n])(\r\n|\r|\n)(?=[^\r\n])")
_ENDS_SENTENCE = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*[ \t]*$")
_CONTINUES = re.compile(r"[ \t]*[a-z0-9(]")
WRAPPED_SHARE = 0.3  # of the breaks between non-empty lines, those mid-sentence


def soft_breaks(text: str) -> list[int]:
    """Sorted offsets of the line-break characters that only wrap a paragraph.

    A document counts as hard-wrapped when at least ``WRAPPED_SHARE`` of its
    breaks between non-empty lines fall mid-sentence (the line ends without a
    full stop and the next goes on in lower case). In such a document every
    break after a line that does not end a sentence is soft; a break after a
    full stop stays a line end, which changes nothing where a sentence ends
    anyway. One sentence (or paragraph) a line has no soft break.
    """
    if "\n" not in text and "\r" not in text:
        return []
    breaks = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
    if not breaks:
        return []
    unfinished = [(s, e) for s, e in breaks if not _ENDS_SENTENCE.search(text, _line_start(text, s), s)]
    continuing = sum(1 for _, e in unfinished if _CONTINUES.match(text, e))
    if continuing == 0 or continuing < WRAPPED_SHARE * len(breaks):
        return []
    return [i for s, e in unfinished for i in range(s, e)]


def _line_start(text: str, end: int) -> int:
    return max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1


def unwrap(text: str, breaks: list[int]) -> str:
    """``text`` with the characters at ``breaks`` read as spaces."""
    if not breaks:
        return text
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)


def covers_break(start: int, end: int, breaks: list[int]) -> bool:
    """Does the span [start, end) hold one of ``breaks``?"""
    k = bisect.bisect_left(breaks, start)
    return k < len(breaks) and breaks[k] < end
