"""Headlines and subheads leave out articles by convention: no article check there."""

from __future__ import annotations

from normalize.api import Options, _outside_headings, check_text, fix_text
from normalize.segment import heading_lines
from normalize.types import Applicability, Finding, Severity


def _headings(text: str) -> list[str]:
    return [text[s:e] for s, e in heading_lines(text)]


def test_a_headline_and_a_subhead_are_headings() -> None:
    text = "Minister visits region\n\nMOSCOW, June 3 – The minister arrived.\n\nAid promised\n\nMore text.\n"
    assert _headings(text) == ["Minister visits region", "Aid promised"]


def test_headings_marked_up_as_such_need_no_blank_lines() -> None:
    text = '<div>\n<h1 class="t">Council approves new cycle network for east side</h1>\n<p>Text.</p>\n## Minister visits region\nBody.\n'
    assert _headings(text) == [
        '<h1 class="t">Council approves new cycle network for east side</h1>',
        "## Minister visits region",
    ]
    assert _headings("<p>Minister visits region</p>\n<p>Body text.</p>\n") == []
    # minified: a heading and a paragraph on one line is no heading
    assert _headings("<h1>Minister visits region</h1><p>Talks began.</p><h2>More</h2>\n<p>Body text.</p>\n") == []


def test_crlf_and_leading_blank_lines() -> None:
    assert _headings("\r\n\r\nTitle line\r\n\r\nBody.\r\n") == ["Title line"]


def test_a_headline_right_above_its_dateline() -> None:
    text = "Minister visits region\nMOSCOW, June 3 (TASS) – The minister arrived.\n"
    assert _headings(text) == ["Minister visits region"]


def test_a_sentence_that_lost_its_full_stop_is_no_heading() -> None:
    for line in (
        "Talks lasted three hours. Sides discussed situation in region",  # a sentence end inside
        "GENEVA, 3 March - Leaders agreed on ceasefire",  # a dateline opens body text
        'He said: "We are ready to sign agreement on Friday"',  # a pronoun opens it
        "\u201cIt is important step for our country\u201d",  # a quotation
        "Meeting was held at headquarters of company",  # a past auxiliary
        "Situation in region remains tense, minister said",  # a closing attribution
        "According to him, situation is under control",
        "Drills will last until end of month",  # headlines write "to last"
        "Sides discussed cooperation in energy sector and signed agreement on gas supplies with partners in Minsk last week",  # too long
    ):
        assert _headings(line + "\n\nBody.") == [], line


def test_a_title_abbreviation_or_a_list_of_names_is_still_a_headline() -> None:
    assert _headings("Sen. Warren says Pentagon hid costs\n\nBody.") == ["Sen. Warren says Pentagon hid costs"]
    assert _headings("US, EU say Pentagon hid costs\n\nBody.") == ["US, EU say Pentagon hid costs"]


def test_what_is_not_a_heading() -> None:
    assert _headings("One line without a full stop") == []
    assert _headings("Title with nothing below\n\n") == []
    assert _headings("A body line\nTitle-like line\n\nBody.") == []  # not on its own
    assert _headings("A sentence that ends.\n\nBody.") == []
    assert _headings("He said it was “over.”\n\nBody.") == []  # the stop inside the quote
    assert _headings(" ".join(["word"] * 17) + "\n\nBody.") == []
    assert _headings(" ".join(["word"] * 16) + "\n\nBody.") == [" ".join(["word"] * 16)]
    assert _headings("") == []


def _finding(rule: str, category: str, start: int, end: int, *suggestions: str) -> Finding:
    return Finding(rule, category, Severity.WARNING, "m", start, end, suggestions, Applicability.SAFE)


def test_only_article_insertions_and_model_judgments_go_in_a_heading() -> None:
    text = "Talks held in capital\n\nTalks were held in capital.\n"
    at = text.index("capital")
    body = text.rindex("capital")
    talks = 0  # "Talks" opens the headline
    kept = _outside_headings(
        [
            _finding("model-article", "article", talks, talks + 5, "The talks"),
            _finding("model-article", "article", at, at, "the "),
            _finding("WC999", "article", at, at + 7, "the capital"),
            _finding("WC998", "preposition", at - 3, at - 1, "at"),
            _finding("model-preposition", "preposition", at - 3, at - 1, "at"),
            _finding("model-article", "article", body, body, "the "),
        ],
        text,
    )
    assert [(f.rule, f.start) for f in kept] == [("WC998", at - 3), ("model-article", body)]


def test_an_article_form_fix_stays_in_a_heading() -> None:
    text = "President makes a official visit\n\nThe visit began.\n"
    at = text.index("a official")
    kept = _outside_headings([_finding("model-article", "article", at, at + 1, "an")], text)
    assert len(kept) == 1


def test_fix_leaves_a_headlines_articles_alone_but_not_the_body() -> None:
    text = (
        "Minister says sanctions against country are illegal\n\n"
        "MOSCOW, June 3 (TASS) – The minister said that sanctions against country are illegal.\n"
    )
    fixed = fix_text(text, Options(strategy="rules+model")).text
    head, body = fixed.split("\n\n")
    assert head == "Minister says sanctions against country are illegal"
    assert "against the country" in body
    findings = check_text(text, Options(strategy="rules+model"))
    assert not [f for f in findings if f.end <= len(head) and f.category == "article"]
