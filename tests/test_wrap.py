"""Hard-wrapped documents: soft line breaks are read as spaces, never edited."""

from __future__ import annotations

import textwrap

from normalize.api import Options, check_text, fix_text
from normalize.wrap import covers_break, soft_breaks, unwrap

RULES = Options(strategy="rules")
PARAGRAPH = (
    "The violation cases that we register from both the opposition and the government forces "
    "are not of a catastrophic character and do not require a serious response from the forces "
    "that are engaged in monitoring the ceasefire regime. The negotiations, which lasted during "
    "two weeks, ended on Friday, and in his turn the envoy said that all what was agreed is done."
)
WRAPPED = "Shoigu meets de Mistura\n\n" + textwrap.fill(PARAGRAPH, 60) + "\n"


def test_a_wrapped_paragraph_has_soft_breaks_and_keeps_its_length() -> None:
    breaks = soft_breaks(WRAPPED)
    assert breaks and all(WRAPPED[i] == "\n" for i in breaks)
    flat = unwrap(WRAPPED, breaks).text
    assert len(flat) == len(WRAPPED)
    assert flat.split("\n\n")[1].strip() == PARAGRAPH  # one line again
    assert flat.startswith("Shoigu meets de Mistura\n\n")  # the headline stays a line


def test_one_sentence_a_line_has_no_soft_break() -> None:
    text = "In his turn, the minister spoke.\nThe sides discussed the issues.\nPutin meets Erdogan\nMOSCOW, June 3 – Talks began.\n"
    assert soft_breaks(text) == []


def test_crlf_soft_breaks_cover_both_characters_and_read_as_one_space() -> None:
    crlf = WRAPPED.replace("\n", "\r\n")
    breaks = soft_breaks(crlf)
    assert breaks and {crlf[i] for i in breaks} == {"\r", "\n"}
    assert len(breaks) == 2 * len(soft_breaks(WRAPPED))
    flat = unwrap(crlf, breaks)
    assert flat.text.split("\r\n\r\n")[1].strip() == PARAGRAPH
    for offset, char in enumerate(flat.text):  # every character maps back to itself
        if char != " ":
            assert crlf[flat.original(offset)] == char
            assert flat.flat(flat.original(offset)) == offset  # and the way there


def test_crlf_and_lf_wrapped_text_get_the_same_findings() -> None:
    text = "The talks, which lasted during two\nweeks, showed that all\nwhat was agreed is done, and the\nsides noted about the need for calm.\n"
    crlf = text.replace("\n", "\r\n")
    lf_found = [(f.rule, text[f.start : f.end]) for f in check_text(text, RULES)]
    crlf_found = [(f.rule, crlf[f.start : f.end]) for f in check_text(crlf, RULES)]
    assert lf_found and lf_found == crlf_found


def test_an_insertion_at_a_crlf_break_goes_before_the_cr() -> None:
    text = "Palestinian President Mahmoud Abbas called\r\nthe international community to intervene.\r\n"
    fixed = fix_text(text, RULES).text
    assert fixed.count("\r\n") == 2 and "\r" not in fixed.replace("\r\n", "")
    assert fixed.splitlines() == [line for line in fixed.split("\r\n") if line]


def test_check_reads_across_a_soft_break_but_never_spans_one() -> None:
    text = "The negotiations, which lasted during two\nweeks, ended on Friday, as the\nsides had agreed.\n"
    findings = check_text(text, RULES)
    breaks = soft_breaks(text)
    assert any(f.rule == "WC948" for f in findings)  # "lasted during two weeks" reads across the break
    assert not any(covers_break(f.start, f.end, breaks) for f in findings)


def test_fix_of_a_wrapped_release_keeps_its_lines_and_lowercase_line_starts() -> None:
    for text in (WRAPPED, WRAPPED.replace("\n", "\r\n")):
        fixed = fix_text(text, Options()).text
        before, after = text.splitlines(keepends=True), fixed.splitlines(keepends=True)
        assert len(before) == len(after)
        assert fixed.count("\r\n") == text.count("\r\n") and fixed.count("\n") == text.count("\n")
        # A wrapped line goes on mid-sentence: its first letter is not capitalised.
        assert not [(a, b) for a, b in zip(before, after) if a[:1].islower() and b[:1].isupper()]
        assert "all what" not in fixed and "violation cases" not in fixed
        assert fix_text(fixed, Options()).text == fixed


def test_breaking_a_line_mid_sentence_finds_what_the_whole_line_finds() -> None:
    one_line = PARAGRAPH + "\n"
    wrapped = textwrap.fill(PARAGRAPH, 60) + "\n"
    breaks = soft_breaks(wrapped)
    whole = {(f.rule, f.start, f.end) for f in check_text(one_line, RULES)}
    split = {(f.rule, f.start, f.end) for f in check_text(wrapped, RULES)}
    assert split <= whole  # nothing new appears at a wrap
    assert split == {x for x in whole if not covers_break(x[1], x[2], breaks)}


def test_a_headline_above_a_wrapped_body_stays_a_headline() -> None:
    for gap in ("\n", "\n \n"):
        text = "President signs decree on creation of new agency" + gap + textwrap.fill(PARAGRAPH, 60) + "\n"
        assert fix_text(text, RULES).text.splitlines()[0] == "President signs decree on creation of new agency"


def test_a_wrapped_line_ending_in_an_abbreviation_or_colon_goes_on() -> None:
    body = textwrap.fill(PARAGRAPH, 60)
    for end in ("with the U.S.", "at 10 a.m.", "the following:"):
        text = body + "\nThe minister said he would discuss " + end + "\na number of issues that are of interest to both sides today.\n"
        assert "\na number of issues" in fix_text(text, Options()).text


def test_paragraphs_a_line_with_a_lower_case_list_are_not_wrapped() -> None:
    text = (
        "The agreement, signed in Moscow on Friday by the two ministers after long talks, provides for:\n"
        "creation of a joint venture;\n"
        "construction of a plant in the Tula region.\n"
        "The sides also agreed to meet again in the autumn to review the progress made under the agreement.\n"
    )
    assert soft_breaks(text) == []
