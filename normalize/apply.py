"""Apply edits to text: sorted, non-overlapping, nothing outside their spans."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from normalize.types import Applicability, Edit, Finding


def select_edits(findings: Iterable[Finding], unsafe: bool = False) -> list[Edit]:
    """The edits ``fix`` would apply: safe ones, plus unsafe ones on request."""
    edits = []
    for finding in findings:
        if finding.applicability is Applicability.UNSAFE and not unsafe:
            continue
        edit = finding.best_edit()
        if edit is not None:
            edits.append(edit)
    return edits


def resolve_overlaps(edits: Iterable[Edit]) -> list[Edit]:
    """Keep a set of non-overlapping edits, earliest (then longest) first.

    Two insertions at one point, or an insertion inside a replaced span, also
    conflict: the later one is dropped and may apply on the next pass.
    """
    chosen: list[Edit] = []
    last_end = -1
    last_start = -1
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start), e.rule)):
        if edit.start < last_end or (edit.start == last_start and last_start == last_end):
            continue
        if edit.start == last_end and edit.start == edit.end and chosen and chosen[-1].end == edit.start:
            continue  # insertion right where the previous edit ends: ambiguous order
        chosen.append(edit)
        last_start, last_end = edit.start, edit.end
    return chosen


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping ``edits`` to ``text`` (overlaps are dropped)."""
    pieces: list[str] = []
    cursor = 0
    for edit in resolve_overlaps(edits):
        pieces.append(text[cursor:edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff that keeps each line's own line end, split where `patch`
    and `git apply` split: after "\\n" only (a CR-only file is one line to them,
    and so are lines joined by U+2028)."""
    a = _patch_lines(before)
    b = _patch_lines(after)
    lines = difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def _patch_lines(text: str) -> list[str]:
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    return out + [lines[-1]] if lines[-1] else out
