from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from normalize.segment import sentence_at, split_sentences


def _texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_dateline_and_abbreviations_stay_in_one_sentence():
    text = "MOSCOW, June 3 (TASS) – Mr. Lavrov met the U.N. envoy in Geneva. The U.S. side agreed."
    assert _texts(text) == [
        "MOSCOW, June 3 (TASS) – Mr. Lavrov met the U.N. envoy in Geneva.",
        "The U.S. side agreed.",
    ]


def test_headline_is_its_own_sentence_and_lines_are_paragraphs():
    text = "Lavrov Meets de Mistura\r\n\r\nThey met today. They talked.\r\n"
    sentences = split_sentences(text)
    assert _texts(text) == ["Lavrov Meets de Mistura", "They met today.", "They talked."]
    assert [s.paragraph for s in sentences] == [0, 1, 1]


def test_closing_quote_stays_with_its_sentence():
    text = "“We agreed. We will continue.” He left."
    texts = _texts(text)
    assert texts[-2].endswith("continue.”")
    assert texts[-1] == "He left."


def test_a_semicolon_before_a_quote_ends_no_sentence():
    # syntok splits there, and the model then capitalised "up"
    assert _texts('He wrote; "up to 15 years" and left. They met.') == [
        'He wrote; "up to 15 years" and left.',
        "They met.",
    ]


@given(st.text(alphabet="ab .,!?;\n\r“”'Mr", max_size=60))
def test_spans_are_ordered_inside_text_and_never_cross_lines(text):
    prev_end = 0
    for s in split_sentences(text):
        assert prev_end <= s.start < s.end <= len(text)
        assert "\n" not in text[s.start:s.end] and "\r" not in text[s.start:s.end]
        assert sentence_at(split_sentences(text), s.start) == s
        prev_end = s.end
