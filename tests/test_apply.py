"""Edit application: properties that must hold for any text and any edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.apply import apply_edits, resolve_overlaps, unified_diff
from normalize.types import Edit

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)


@st.composite
def text_and_edits(draw):
    text = draw(TEXT)
    edits = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        rep = draw(st.text(alphabet="abc XYZ", max_size=5))
        edits.append(Edit(a, b, rep, "T001", "typography", "m"))
    return text, edits


@given(text_and_edits())
@settings(max_examples=300, deadline=None)
def test_text_outside_edits_is_untouched(case):
    text, edits = case
    chosen = resolve_overlaps(edits)
    out = apply_edits(text, chosen)
    # Rebuild the expected output from untouched slices and replacements.
    cursor, pieces = 0, []
    for e in chosen:
        assert e.start >= cursor, "chosen edits overlap"
        pieces += [text[cursor:e.start], e.replacement]
        cursor = e.end
    pieces.append(text[cursor:])
    assert out == "".join(pieces)


@given(text_and_edits())
@settings(max_examples=200, deadline=None)
def test_chosen_edits_never_overlap(case):
    _, edits = case
    chosen = resolve_overlaps(edits)
    for left, right in zip(chosen, chosen[1:]):
        assert left.end <= right.start
        assert not (left.start == left.end == right.start == right.end)


@given(TEXT)
def test_no_edits_is_identity(text):
    assert apply_edits(text, []) == text


def test_insertion_and_replacement():
    text = "in Hague today"
    edits = [Edit(3, 3, "The ", "A", "article", "m"), Edit(9, 14, "now", "B", "fluency", "m")]
    assert apply_edits(text, edits) == "in The Hague now"


def test_diff_marks_changed_lines_only():
    diff = unified_diff("a\r\nb\r\n", "a\r\nc\r\n", "f.txt")
    assert "-b\r\n" in diff and "+c\r\n" in diff and "--- a/f.txt" in diff


def test_diff_lines_split_where_patch_splits():
    # `patch` and `git apply` split lines after "\n" only: a CR-only file is one line to them.
    diff = unified_diff("a\rb\r", "a\rc\r", "f.txt")
    assert "-a\rb\r\n\\ No newline at end of file\n" in diff and "+a\rc\r\n" in diff
