"""Spans of a document that are not prose: markup, addresses, code and data.

Press releases reach editors as HTML fragments, Markdown, e-mails and
spreadsheets pasted into text. No rule or model edit may touch a tag
(``<a href="…">``), an entity (``&ndash;``), a URL, an e-mail address, a
handle or hashtag, a file name, an identifier (``cfg_mgr``), inline or
fenced code, or a data line (CSV rows, tab-separated or space-aligned
tables, subtitle timecodes): read as words they drew "a" -> "" on ``<a``,
"href" -> "ref" and "ndash" -> "dash", and the unknown words made the model
take the whole document for a learner's.

:func:`protected_spans` finds them; :func:`mask` writes each one as
placeholder names of the same length, so the model reads the prose around
them with every offset unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Country domains that are also English words ("in", "by", "am") are left out.
_TLD = r"(?:com|org|net|gov|edu|int|mil|info|io|uk|ru|cn|eu|fr|kz|uz|ua|az|ir|tr|jp|kr|vn|au|ca)"
_INLINE = re.compile(
    "|".join(
        (
            r"<[A-Za-z!/?][^<>\n]*>",  # a tag or comment
            r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,31});",  # an entity
            r"\b(?:https?|ftp)://[^\s<>\"]+",  # a URL
            r"\bwww\.[^\s<>\"]+",
            r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # an e-mail address
            r"\b[\w-]+(?:\.[\w-]+)*\." + _TLD + r"(?:/[^\s<>\"]*)?(?![\w-])",  # a bare domain, maybe with a path
            r"(?<![\w@])[@#][A-Za-z_]\w*",  # a handle or hashtag
            r"\b[\w-]+\.(?i:pdf|docx?|xlsx?|csv|jpe?g|png|gif|txt|zip|pptx?|html?|json|xml|mp[34]|srt)\b",  # a file
            r"\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b",  # an identifier: snake_case
            r"`[^`\n]+`",  # inline code
            r"\]\([^)\s]+\)",  # a Markdown link's target
        )
    )
)
_TRAILING = ".,;:!?)]}'\"\u201d\u2019"
_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*?^[ \t]*(?:```|~~~)[^\n]*$", re.MULTILINE | re.DOTALL)
_LINE = re.compile(r"[^\r\n]+")
_TIMECODE = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_ALIGNED = re.compile(r"\S {3,}(?=\S)")
# A comma with no space after it that does not group thousands ("1,250"): CSV.
_TIGHT_COMMA = re.compile(r",(?! |\d{3}(?!\d))")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of ``text`` that are not prose."""
    spans = [_trimmed(text, m.start(), m.end()) for m in _INLINE.finditer(text)]
    spans += [m.span() for m in _FENCE.finditer(text)]
    spans += [m.span() for m in _LINE.finditer(text) if _data_line(m.group())]
    return _merged(s for s in spans if s[0] < s[1])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A URL or domain without the sentence's closing punctuation."""
    if text[start] in "<&`]":
        return start, end
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _data_line(line: str) -> bool:
    """A CSV row, a tab-separated or space-aligned table row, a Markdown
    table row, or a subtitle's number or timecode."""
    if _TIMECODE.match(line) or line.strip().isdigit() or _TABLE_ROW.match(line):
        return True
    if line.count("\t") >= 2 or len(_ALIGNED.findall(line.strip())) >= 2:
        return True
    tight = len(_TIGHT_COMMA.findall(line))
    return tight >= 3 and line.count(" ") <= tight


def _merged(spans) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


_RUN = re.compile(r"\S+")


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each word of each span written as a placeholder name
    ("Zzzz") of the same length: line breaks, spaces and offsets are kept,
    and the model takes the placeholder for a name it leaves alone."""
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(_RUN.sub(lambda m: "Z" + "z" * (len(m.group()) - 1), text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def touches(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Does the edit of ``start:end`` touch a protected span? An insertion
    (``start == end``) touches one it falls inside."""
    import bisect

    k = bisect.bisect_right(spans, (start, float("inf"))) - 1
    for s, e in spans[max(0, k) : k + 2]:
        if start == end:
            if s < start < e:
                return True
        elif start < e and s < end:
            return True
    return False
