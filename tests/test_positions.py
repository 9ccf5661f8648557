from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from normalize.load import decode_document, encode_document
from normalize.report.positions import LineIndex

TEXT = st.lists(st.sampled_from(list("ab Ş“”\r\n\t.😀") + ["\r\n"]), max_size=40).map("".join)


@given(TEXT, st.data())
def test_line_column_round_trips_to_offset(text, data):
    offset = data.draw(st.integers(0, len(text)))
    line, column = LineIndex(text).line_col(offset)
    lines = re.split(r"\r\n|\r|\n", text)
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    assert starts[line - 1] + column - 1 == offset
    assert column - 1 <= len(lines[line - 1]) + 2


@given(TEXT, st.booleans())
def test_decode_encode_round_trip(text, bom):
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    doc = decode_document(raw, "x")
    assert doc.text == text and encode_document(doc) == raw
