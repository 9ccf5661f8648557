"""Markup, addresses, code and data lines are never edited (normalize.protect)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.api import Options, check_text, fix_text
from normalize.protect import mask, protected_spans, touches


def protected(text: str) -> list[str]:
    return [text[s:e] for s, e in protected_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('See <a href="https://x.org/a">the plan</a> now.', ['<a href="https://x.org/a">', "</a>"]),
        ("Prices fell &ndash; again.", ["&ndash;"]),
        ("Details at https://www.gov.uk/news/x-y.", ["https://www.gov.uk/news/x-y"]),
        ("Write to press-service@mid.ru today.", ["press-service@mid.ru"]),
        ("Thanks @guardianeco and #rivers26!", ["@guardianeco", "#rivers26"]),
        ("Download halden_hpi_q4-2025.csv now.", ["halden_hpi_q4-2025.csv"]),
        ("Set `cfg_mgr` to one.", ["`cfg_mgr`"]),
        ("Visit leeds.gov.uk/eastcycle or mid.ru.", ["leeds.gov.uk/eastcycle", "mid.ru"]),
        ("See the [website](https://mid.ru/en/) now.", ["](https://mid.ru/en/)"]),
        # prose stays prose: abbreviations, figures, decimal commas, a stray full stop
        ("The U.S. and the U.N. met at 10.30 with 1,250 troops; growth was 3,5%.", []),
        ("The talks ended.In his turn, the minister left.", []),
    ],
)
def test_inline_spans(text: str, expected: list[str]) -> None:
    assert protected(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "region,avg_price_gbp,q_on_q_pct,y_on_y_pct",
        '"South East, excl. London",389000,0.2,1.1',
        "Region\tAverage price\tChange (q/q)\tChange (y/y)",
        "Revenue (m)              612.4       571.9       +7.1%",
        "00:01:02,500 --> 00:01:05,000",
        "12",
        "| Region | Price | Change |",
    ],
)
def test_data_lines_are_protected_whole(line: str) -> None:
    assert protected(line) == [line]


def test_a_markdown_table_row_keeps_its_layout_and_its_words_checked() -> None:
    row = "| 5 June  | Head of delegation congratulated the governor with the victory |"
    assert protected(row) == ["| ", "  | ", " |"]
    assert protected("|---|:---:|") == ["|---|:---:|"]


def test_a_fenced_code_block_is_protected() -> None:
    text = "Run this:\n```\nthe the cfg\n```\nDone."
    assert protected(text) == ["```\nthe the cfg\n```"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visit mfa.gov.by/en/press-service/news today.", ["mfa.gov.by/en/press-service/news"]),
        ('<a\n  href="https://x.org">Link</a>', ['<a\n  href="https://x.org">', "</a>"]),
        ('<p class="a>b">Text</p>', ['<p class="a>b">', "</p>"]),
        ("ASTANA&nbsp&ndash Meeting", ["&nbsp&ndash"]),  # adjacent spans merge
        ("<script>gtag('js', new Date());</script> Text.", ["<script>gtag('js', new Date());</script>"]),
        ("<!-- note\nrights -->", ["<!-- note\nrights -->"]),
        ("region;price;change;share", ["region;price;change;share"]),
        ('[caption id="a_1" align="center"]Reception[/caption] [sic]', ['[caption id="a_1" align="center"]', "[/caption]"]),
        ("{{cite news |title=Summit ends with declaration}} ok", ["{{cite news |title=Summit ends with declaration}}"]),
        ('"text": "Abu Dhabi.\\n\\nThe sides met."', ["\\n\\n"]),
    ],
)
def test_more_markup(text: str, expected: list[str]) -> None:
    assert protected(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a backtick for an apostrophe (Central Asian agency copy), LaTeX quotes
        ("ASTANA. Kazakhstan`s President congratulated him with the Day, the Akorda`s press service said.", []),
        ("He said ``we agreed'' and left.", []),
        # an address glued to the next sentence ends before it
        ("See www.mfa.kz.In his turn, he left.", ["www.mfa.kz"]),
        ("Write to press@mid.ru.In his turn, he left.", ["press@mid.ru"]),
        ("See https://mid.ru/en/news/1234,in his turn he left.", ["https://mid.ru/en/news/1234"]),
        # "<<" and ">>" as quotation marks are no tag
        ("He called it <<a victory>> on Monday.", []),
        ("In the 1990`s, Kazakhstan`s economy grew.", []),
        # angle brackets in prose are no tag
        ("Temperatures fell to <minus 5 degrees in the capital, while in Almaty they stayed >0 degrees.", []),
        ("<tr><td>5 June</td>\t<td>In his turn, he left.</td>\t</tr>", ["<tr><td>", "</td>", "<td>", "</td>", "</tr>"]),
    ],
)
def test_prose_next_to_odd_marks_stays_prose(text: str, expected: list[str]) -> None:
    assert protected(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "\t\t<p>In his turn, the minister left.</p>",  # tab-indented HTML: the tags only
        "\tASTANA.\tIn his turn, the minister left.",
        "MOSCOW,   June 5 (TASS).   In his turn, the minister left for talks in Geneva on Monday.",
        "MOSCOW,   June 5.   In his turn, he left.",
        "In his turn\tthe minister\tleft for talks in Geneva on Monday with the delegation.",
        "Meeting was attended by ministers of Azerbaijan,Armenia,Belarus,Kazakhstan,Kyrgyzstan,Russia,Uzbekistan.",
        "| In his turn, the minister left. |",
    ],
)
def test_lines_that_only_look_like_data_are_prose(line: str) -> None:
    assert not [text for text in protected(line) if "his turn" in text]


def test_a_wrapped_document_keeps_its_prose_and_its_tables() -> None:
    options = Options(strategy="rules")
    text = (
        "  In his turn, the minister said that the talks with the delegation of\n"
        "  the neighbouring country were held in a constructive atmosphere and\n"
        "  ended late on Monday evening after six hours of discussions.\n"
    )
    assert any(f.rule for f in check_text(text, options))
    table = (
        "The results were published on Monday and the ministry said that they\n"
        "were better than expected in most of the regions of the country.\n"
        "| region | change , % |\n"
        "| almaty | 3 |\n"
    )
    fixed = fix_text(table, options).text
    assert fixed.endswith("| region | change , % |\n| almaty | 3 |\n")


@pytest.mark.parametrize(
    "line",
    [
        "The ministers met, talked, agreed and left, officials said.",
        "Growth was 3,5 percent in March and 4,1 percent in April.",
        "The talks  lasted three hours.",
    ],
)
def test_prose_lines_are_not_data(line: str) -> None:
    assert protected(line) == []


@given(st.text(alphabet='ab <>&;:/.@#_`,"\t\n\r-|0123', max_size=80))
def test_mask_keeps_length_and_line_breaks(text: str) -> None:
    spans = protected_spans(text)
    masked = mask(text, spans)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
    # outside the spans nothing changes; inside, a placeholder letter or a blank
    inside = {i for s, e in spans for i in range(s, e)}
    assert all(m == c if i not in inside else m in "Zz \t\r\n" for i, (m, c) in enumerate(zip(masked, text)))
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert s1 < e1 < s2 < e2 or s1 < e1 <= s2


def test_touches_an_insertion_inside_but_not_at_the_edge() -> None:
    spans = [(10, 20)]
    assert touches(spans, 15, 15) and touches(spans, 5, 11) and touches(spans, 19, 25)
    assert not touches(spans, 10, 10) and not touches(spans, 20, 20) and not touches(spans, 0, 10)


HTML = (
    '<p class="dateline"><strong>LEEDS</strong> &ndash; The ambassador congratulated the governor with '
    'the successful holding of the <a href="https://innoprom.com/en/">INNOPROM</a> exhibition.</p>\n'
)


def test_markup_is_untouched_and_the_prose_still_checked() -> None:
    options = Options(strategy="rules")
    findings = check_text(HTML, options)
    assert any(HTML[f.start : f.end].startswith("with") for f in findings)  # "congratulated ... with" -> "on"
    spans = protected_spans(HTML)
    assert not any(touches(spans, f.start, f.end) for f in findings)
    fixed = fix_text(HTML, options).text
    for s, e in spans:
        assert HTML[s:e] in fixed


def test_a_line_that_goes_on_from_the_line_above_is_not_capitalised() -> None:
    from normalize.api import _continues_a_line
    from normalize.wrap import soft_breaks

    text = (
        "1\n00:00:01,000 --> 00:00:03,000\nResidents have been told to remove valuables\n"
        "from homes and vehicles.\n\n2\n00:00:04,000 --> 00:00:06,000\nOfficials said the rain would stop.\n"
        "More rain is due on Sunday.\n"
    )
    assert not soft_breaks(text)  # read line by line, not as wrapped prose
    assert not [f for f in check_text(text, Options()) if f.rule == "model-capitalisation"]
    second = text.index("from")
    assert _continues_a_line(text, second)
    # after a blank line, or after a sentence end, a line opens a sentence
    assert not _continues_a_line("Talks in Geneva\n\nthe talks ended.", 17)
    assert not _continues_a_line("The talks ended.\nthe sides left.", 17)
    # list items after "…;" go on in lower case, also inside blanked tags
    items = "<ul>\n  <li>a memorandum;</li>\n  <li>a programme for 2025.</li>\n</ul>\n"
    assert not [f for f in check_text(items, Options()) if f.rule == "model-capitalisation"]


def test_tags_are_blanked_for_the_model_and_other_spans_become_names() -> None:
    text = "<p>Head of delegation wrote to press@mid.ru today.</p>"
    masked = mask(text, protected_spans(text))
    assert masked.startswith("   Head of delegation wrote to Zzzzzzzzzzzz today.")
    assert masked.endswith("    ")
