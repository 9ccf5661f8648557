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

# Country domains that are also English words ("in", "by", "am") are left
# out of bare names; with a path ("mfa.gov.by/en/") any ending is a domain.
_TLD = r"(?:com|org|net|gov|edu|int|mil|info|io|uk|ru|cn|eu|fr|kz|uz|ua|az|ir|tr|jp|kr|vn|au|ca)"
# Lengths are bounded so that a long dotted string cannot make a scan quadratic.
_HOST = r"[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}"
_ENTITIES = "nbsp|ndash|mdash|amp|quot|lt|gt|laquo|raquo|ldquo|rdquo|lsquo|rsquo|hellip|copy|reg|shy"
_FILE = r"\.(?:pdf|docx?|xlsx?|csv|jpe?g|png|gif|txt|zip|pptx?|html?|json|xml|mp[34]|srt)\b"
# (what the text must hold for the pattern to be worth a scan: strings, or a
# pattern starting with "\." that a quick search finds; the pattern)
_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("<",), r"<(?:script|style)\b.*?</(?:script|style)\s*>"),  # a script or style block, code inside
    (("<",), r"<!--.*?-->"),  # a comment, over lines too
    # a tag, over lines too: a name, then attributes (name="value", name='value', name=value, name)
    (("<",), r"(?<!<)</?[A-Za-z][\w:-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>]+))?){0,40}\s*/?>(?!>)"),
    (("&",), r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,31});"),  # an entity
    (("&",), r"&(?:" + _ENTITIES + r")(?![A-Za-z;])"),  # ... written without its semicolon
    (("://",), r"\b(?:https?|ftp)://[^\s<>\"',]+"),  # a URL
    (("www.", "WWW."), r"\bwww\.[^\s<>\"',]+"),
    (("@",), r"\b[\w.+-]{1,64}@" + _HOST),  # an e-mail address
    (("/",), r"\b" + _HOST + r"\.[a-z]{2,6}/[^\s<>\"',]*"),  # a domain with a path
    ((r"\." + _TLD + r"(?![\w-])",), r"\b" + _HOST + r"\." + _TLD + r"(?![\w-])"),  # a bare domain
    (("@", "#"), r"(?<![\w@])[@#][A-Za-z_]\w*"),  # a handle or hashtag
    ((_FILE,), r"\b[\w-]+" + _FILE),  # a file
    (("_",), r"\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b"),  # an identifier: snake_case
    (("`",), r"(?<![A-Za-z])`[^`\s][^`\n]{0,60}?`"),  # inline code (not "Kazakhstan`s", an apostrophe)
    (("](",), r"\]\([^)\s]+\)"),  # a Markdown link's target
)
_INLINE = tuple((triggers, re.compile(pattern, re.DOTALL | re.IGNORECASE)) for triggers, pattern in _KINDS)
_QUICK = {t: re.compile(t, re.IGNORECASE) for triggers, _ in _KINDS for t in triggers if t.startswith("\\.")}


def _worth_a_scan(text: str, triggers: tuple[str, ...]) -> bool:
    return any(_QUICK[t].search(text) is not None if t in _QUICK else t in text for t in triggers)
_TRAILING = ".,;:!?)]}'\"\u201d\u2019"
# An address glued to the next sentence ("www.mfa.kz.In his turn") ends before it.
_GLUED_SENTENCE = re.compile(r"[.,](?=[A-Z][a-z])")
_FENCE = re.compile(r"^[ \t]*```[\w+-]*[ \t]*\r?\n.*?^[ \t]*```[ \t]*$", re.MULTILINE | re.DOTALL)
_LINE = re.compile(r"[^\r\n]+")
_TIMECODE = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_ALIGNED = re.compile(r" {3,}")
_CELL_WORDS = 5
# A comma with no space after it that does not group thousands ("1,250"): CSV.
_TIGHT_COMMA = re.compile(r",(?! |\d{3}(?!\d))")
_TABLE_ROW = re.compile(r"^\s*\|.*\|.*\|\s*$")
_CELL_EDGE = re.compile(r"\s*\|[\s:|-]*")
_OPENS_TAG = re.compile(r"<[A-Za-z/!]")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of ``text`` that are not prose."""
    spans = [
        _trimmed(text, m.start(), m.end())
        for triggers, pattern in _INLINE
        if _worth_a_scan(text, triggers)
        for m in pattern.finditer(text)
    ]
    spans += [m.span() for m in _FENCE.finditer(text)]
    for line in _LINE.finditer(text):
        if _TABLE_ROW.match(line.group()) and _prose_cell(line.group()):
            # A Markdown table row with a sentence in it: its pipes and padding, not its words.
            spans += [(line.start() + m.start(), line.start() + m.end()) for m in _CELL_EDGE.finditer(line.group())]
        elif _data_line(line.group()):
            spans.append(line.span())
    return _merged(s for s in spans if s[0] < s[1])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """An address without the sentence's closing punctuation or the sentence
    glued after it."""
    if text[start] in "<&`]":
        return start, end
    glued = _GLUED_SENTENCE.search(text, start, end)
    if glued is not None:
        end = glued.start()
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _data_line(line: str) -> bool:
    """A CSV row, a tab-separated or space-aligned table row, a Markdown
    table row, or a subtitle's number or timecode."""
    if _TIMECODE.match(line) or line.strip().isdigit() or _TABLE_ROW.match(line):
        return True
    inner = line.strip()
    if _OPENS_TAG.search(inner):
        return False  # markup laid out with tabs ("<td>5 June</td>\t<td>…</td>"): its tags are protected
    if inner.count("\t") >= 2 or _aligned_cells(inner):
        return True
    if inner.endswith((".", "!", "?")):
        return False  # a sentence, maybe with a list typed without spaces ("Russia,China,India")
    tight = len(_TIGHT_COMMA.findall(line)) + line.count(";")
    return tight >= 3 and line.count(" ") <= tight


def _prose_cell(row: str) -> bool:
    """Does a table row hold a cell of more than a few words?"""
    return any(len(cell.split()) > _CELL_WORDS for cell in row.split("|"))


def _aligned_cells(line: str) -> bool:
    """Three or more short cells lined up by runs of spaces ("Revenue (m)
    612.4    571.9"); not prose with padded datelines ("MOSCOW,   June 5.   The")."""
    cells = _ALIGNED.split(line)
    return len(cells) >= 3 and all(len(cell.split()) <= _CELL_WORDS for cell in cells)


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
