"""Properties of `fix` with the shipped rules, on generated wire copy."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize.api import Options, check_text, fix_text

FRAGMENTS = [
    "“We agreed on this”, – said the minister.", "In his turn, the envoy said", " that ",
    "the Minister Defence", " met with ", "the UN Special Envoy on Syria", " in Hague", " 3,5 per cent",
    " 1,250 people", " .", " ,", "all what we agreed", "against the background of", " the process of the talks",
    "Şoygu", "de Mistura", " Staffan ", "violation cases", " hold research", " has great results", "\r\n",
    "\n", "\r", " ", "Mr. Lavrov", " U.N.", " – ", "“", "”", "the level of violence", "on the territory of Syria",
]
DOC = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join)
RULES = Options(strategy="rules")
LINE_ENDS = re.compile(r"\r\n|\r|\n")


@given(DOC)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fix_is_idempotent(text):
    once = fix_text(text, RULES, unsafe=True).text
    assert fix_text(once, RULES, unsafe=True).text == once


@given(DOC)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fix_keeps_line_structure_and_line_ends(text):
    out = fix_text(text, RULES, unsafe=True).text
    assert LINE_ENDS.findall(out) == LINE_ENDS.findall(text)


@given(DOC)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_findings_are_valid_spans_with_explanations(text):
    for f in check_text(text, RULES):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.message and f.rule and f.category
        assert all("\n" not in s and "\r" not in s for s in f.suggestions)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c"])
def test_fix_never_touches_a_unicode_line_separator(separator: str) -> None:
    """str.splitlines() and some editors end a line at these: `\\s` in a
    pattern matches them, so a rule deleting spaces must leave them alone."""
    text = f"Inflation rose to 3,5 percent{separator} , the minister said{separator}.\n"
    for strategy in ("rules", "rules+model"):
        out = fix_text(text, Options(strategy=strategy)).text
        assert out.count(separator) == text.count(separator)
        assert len(out.splitlines()) == len(text.splitlines())


def test_rules_anchored_to_a_line_start_see_cr_line_ends() -> None:
    """Old Mac files end lines with CR alone: check must report what fix applies."""
    text = "x\rOn his part, the ambassador thanked the hosts.\r"
    options = Options(strategy="rules")
    found = check_text(text, options)
    assert any(f.start == 2 for f in found)
    assert fix_text(text, options).text.startswith("x\rFor his part")


@pytest.mark.parametrize(
    "text",
    [
        "He said: «They told us: „We heard: «The losses amounted to 5 mln rub.»“»\n",
        " ".join(["the"] * 17) + " talks.\n",
    ],
)
def test_long_chains_of_edits_still_reach_a_fixed_point(text: str) -> None:
    once = fix_text(text, Options(strategy="rules")).text
    assert fix_text(once, Options(strategy="rules")).text == once
