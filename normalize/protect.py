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

import bisect
import re
from collections.abc import Sequence

# Country domains that are also English words ("in", "by", "am") are left
# out of bare names; with a path ("mfa.gov.by/en/") any ending is a domain.
_TLD = r"(?:com|org|net|gov|edu|int|mil|info|io|uk|ru|cn|eu|fr|kz|uz|ua|az|ir|tr|jp|kr|vn|au|ca)"
# Lengths are bounded so that a long dotted string cannot make a scan quadratic.
_HOST = r"[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}"
_ENTITIES = "nbsp|ndash|mdash|amp|quot|lt|gt|laquo|raquo|ldquo|rdquo|lsquo|rsquo|hellip|copy|reg|shy"
_FILE = r"\.(?:pdf|docx?|xlsx?|csv|jpe?g|png|gif|txt|zip|pptx?|html?|json|xml|mp[34]|srt)\b"
# (what the text must hold for the pattern to be worth a scan: strings, or
# compiled patterns a quick search tries; the pattern). Every repeat is
# bounded, so that no line of stray marks makes a scan quadratic.
_KINDS: tuple[tuple[tuple[str | re.Pattern[str], ...], str], ...] = (
    # a script or style block, code inside; a comment, over lines too
    ((re.compile(r"</(?:script|style)", re.IGNORECASE),), r"<(script|style)\b.{0,20000}?</\1\s*>"),
    (("-->",), r"<!--.{0,20000}?-->"),
    # a tag, over lines too: a name, then attributes (name="value", name='value', name=value, name)
    (("<",), r"(?<!<)</?[A-Za-z][\w:-]{0,40}(?:\s{1,40}[\w:.-]{1,60}(?:\s*=\s*(?:\"[^\"]{0,2000}\"|'[^']{0,2000}'|[^\s\"'<>]{1,2000}))?){0,40}\s{0,40}/?>(?!>)"),
    (("&",), r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),  # an entity
    (("&",), r"&(?:" + _ENTITIES + r")(?![A-Za-z;])"),  # ... written without its semicolon
    (("://",), r"\b(?:https?|ftp)://[^\s<>\"',]{1,2000}"),  # a URL
    (("www.", "WWW."), r"\bwww\.[^\s<>\"',]{1,2000}"),
    (("@",), r"\b[\w.+-]{1,64}@" + _HOST),  # an e-mail address
    (("/",), r"\b" + _HOST + r"\.[a-z]{2,6}/[^\s<>\"',]{0,2000}"),  # a domain with a path
    ((re.compile(r"\." + _TLD + r"(?![\w-])", re.IGNORECASE),), r"\b" + _HOST + r"\." + _TLD + r"(?![\w-])"),  # a bare domain
    (("@", "#"), r"(?<![\w@])[@#][A-Za-z_]\w{0,60}"),  # a handle or hashtag
    ((re.compile(_FILE, re.IGNORECASE),), r"\b[\w-]{1,200}" + _FILE),  # a file
    (("_",), r"\b[A-Za-z0-9]{1,60}(?:_[A-Za-z0-9]{1,60}){1,20}\b"),  # an identifier: snake_case
    # inline code; not "Kazakhstan`s" or "1990`s", a backtick for an apostrophe
    (("`",), r"(?<!\w)`[^`\s][^`\n]{0,60}?`(?!\w)"),
    (("](",), r"\]\([^)\s]{1,500}\)"),  # a Markdown link's target
    # a shortcode with attributes or its closing tag ([caption id="x"], [/caption]); not "[sic]"
    (("[",), r"\[[a-z_]{1,30}\s[^\]\n]{0,500}=[^\]\n]{0,500}\]|\[/[a-z_]{1,30}\]"),
    (("{{",), r"\{\{[^{}]{0,2000}\}\}"),  # a wiki template
    (("\\",), r"\\[nrtu\"/\\]"),  # an escape in JSON or code ("\n\nThe sides")
)
_INLINE = tuple((triggers, re.compile(pattern, re.DOTALL | re.IGNORECASE)) for triggers, pattern in _KINDS)


def _worth_a_scan(text: str, triggers: tuple[str | re.Pattern[str], ...]) -> bool:
    return any(t in text if isinstance(t, str) else t.search(text) is not None for t in triggers)


_TRAILING = ".,;:!?)]}'\"\u201d\u2019"
# An address glued to the next sentence ("www.mfa.kz.In his turn") ends before it.
_GLUED_SENTENCE = re.compile(r"[.,](?=[A-Z][a-z])")
_FENCE = re.compile(r"^[ \t]*```[\w+-]*[ \t]*\r?\n.{0,200000}?^[ \t]*```[ \t]*$", re.MULTILINE | re.DOTALL)
_LINE = re.compile(r"[^\r\n]+")
_TIMECODE = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_ALIGNED = re.compile(r" {3,}")
_CELL_WORDS = 5
# A comma with no space after it that does not group thousands ("1,250"): CSV.
_TIGHT_COMMA = re.compile(r",(?! |\d{3}(?!\d))")
_OPENS_TAG = re.compile(r"<[A-Za-z/!]")
_CELL_PADDING = " \t:-|"


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of ``text`` that are not prose."""
    spans = [
        _trimmed(text, m.start(), m.end())
        for triggers, pattern in _INLINE
        if _worth_a_scan(text, triggers)
        for m in pattern.finditer(text)
    ]
    if "```" in text:
        spans += [m.span() for m in _FENCE.finditer(text)]
    for line in _LINE.finditer(text):
        if _table_row(line.group()) and _prose_cell(line.group()):
            # A Markdown table row with a sentence in it: its pipes and padding, not its words.
            spans += [(line.start() + s, line.start() + e) for s, e in _cell_edges(line.group())]
        elif _data_line(line.group()):
            spans.append(line.span())
    return _merged(s for s in spans if s[0] < s[1])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """An address without the sentence's closing punctuation or the sentence
    glued after it."""
    if text[start] in "<&`][{\\":
        return start, end  # markup ends where its pattern ends
    glued = _GLUED_SENTENCE.search(text, start, end)
    if glued is not None:
        end = glued.start()
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _data_line(line: str) -> bool:
    """A CSV row, a tab-separated or space-aligned table row, a Markdown
    table row, or a subtitle's number or timecode."""
    if _TIMECODE.match(line) or line.strip().isdigit() or _table_row(line):
        return True
    inner = line.strip()
    if _OPENS_TAG.search(inner):
        return False  # markup laid out with tabs ("<td>5 June</td>\t<td>…</td>"): its tags are protected
    if _short_cells(inner.split("\t")) or _short_cells(_ALIGNED.split(inner)):
        return True
    if inner.endswith((".", "!", "?")):
        return False  # a sentence, maybe with a list typed without spaces ("Russia,China,India")
    tight = len(_TIGHT_COMMA.findall(line)) + line.count(";")
    return tight >= 3 and line.count(" ") <= tight


def _table_row(line: str) -> bool:
    """A Markdown table row: "| a | b |"."""
    inner = line.strip()
    return len(inner) > 1 and inner[0] == "|" and inner[-1] == "|" and inner.count("|") >= 3


def _cell_edges(row: str) -> list[tuple[int, int]]:
    """The pipes of a table row with the padding and rule marks around them."""
    edges: list[tuple[int, int]] = []
    for i, char in enumerate(row):
        if char != "|" or edges and i < edges[-1][1]:
            continue
        start, end = i, i + 1
        while start > 0 and row[start - 1] in " \t":
            start -= 1
        while end < len(row) and row[end] in _CELL_PADDING:
            end += 1
        edges.append((start, end))
    return edges


def _prose_cell(row: str) -> bool:
    """Does a table row hold a cell of more than a few words?"""
    return any(len(cell.split()) > _CELL_WORDS for cell in row.split("|"))


def _short_cells(cells: list[str]) -> bool:
    """Three or more short cells, split by tabs or runs of spaces ("Revenue
    (m)    612.4    571.9"), and no sentence: not prose with tabs or padded
    datelines ("MOSCOW,   June 5.   Talks ended on Monday.")."""
    return (
        len(cells) >= 3
        and all(len(cell.split()) <= _CELL_WORDS for cell in cells)
        and not (cells[-1].rstrip().endswith((".", "!", "?")) and len(cells[-1].split()) >= 3)
    )


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
    ("Zzzz") of the same length, and tags and entities as spaces: line
    breaks and offsets are kept, and the model takes a placeholder for a
    name it leaves alone."""
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        if text[start] in "<&" or not any(char.isalnum() for char in text[start:end]):
            # Tags, entities and table pipes are no words: blank, so "<p>Head of delegation" opens a sentence.
            parts.append(_RUN.sub(lambda m: " " * len(m.group()), text[start:end]))
        else:
            parts.append(_RUN.sub(lambda m: "Z" + "z" * (len(m.group()) - 1), text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def touches(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Does the edit of ``start:end`` touch a protected span? An insertion
    (``start == end``) touches one it falls inside."""
    k = bisect.bisect_right(spans, (start, float("inf"))) - 1
    for s, e in spans[max(0, k) : k + 2]:
        if start == end:
            if s < start < e:
                return True
        elif start < e and s < end:
            return True
    return False
