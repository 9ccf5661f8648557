"""An editor reads one explanation per problem: repeated and nested flags are dropped."""

from __future__ import annotations

from normalize.api import Options, _one_mend_per_junction, _without_nested_flags, check_text
from normalize.api import fix_text
from normalize.types import Applicability, Finding, Severity


def _flag(rule: str, start: int, end: int, category: str = "word-order", suggestions: tuple[str, ...] = ()) -> Finding:
    return Finding(rule, category, Severity.WARNING, "msg", start, end, suggestions, Applicability.UNSAFE)


def test_a_flag_inside_another_flag_of_its_category_is_dropped() -> None:
    outer, inner, overlapping = _flag("W1", 0, 30), _flag("W2", 5, 20), _flag("W3", 14, 61)
    assert _without_nested_flags([outer, inner, overlapping]) == [outer, overlapping]


def test_the_same_span_twice_keeps_the_first_rule_only() -> None:
    first, second = _flag("WA", 0, 30), _flag("WB", 0, 30)
    assert _without_nested_flags([second, first]) == [first]


def test_other_categories_and_suggestions_are_kept() -> None:
    outer = _flag("W1", 0, 30)
    other_category = _flag("W2", 5, 20, category="article")
    with_suggestion = _flag("W3", 5, 20, suggestions=("the",))
    assert _without_nested_flags([outer, other_category, with_suggestion]) == [outer, other_category, with_suggestion]


def test_an_inverted_passive_gets_no_nested_word_order_flags() -> None:
    text = "At the meeting were discussed the issues of regional security.\n"
    flags = [f for f in check_text(text, Options(strategy="rules")) if f.category == "word-order" and not f.suggestions]
    assert flags, "the inversion is flagged"
    for f in flags:
        assert not any(g is not f and g.start <= f.start and f.end <= g.end for g in flags)


def test_one_comma_splice_gets_one_mend() -> None:
    text = "The fire was extinguished, no casualties were reported."
    comma = text.index(",")
    semicolon = _flag("WA", comma, comma + 1, category="punctuation", suggestions=(";",))
    conjunction = _flag("WB", comma + 2, comma + 2, category="punctuation", suggestions=("and ",))
    article = _flag("WC", comma + 2, comma + 2, category="article", suggestions=("the ",))
    assert _one_mend_per_junction([conjunction, semicolon, article], text) == [semicolon, article]
    apart = _flag("WD", comma + 5, comma + 6, category="punctuation", suggestions=("",))
    assert _one_mend_per_junction([semicolon, apart], text) == [semicolon, apart]


def test_a_splice_after_an_incident_is_not_mended_twice() -> None:
    text = (
        "The fire which broke out at the warehouse in Sabail district was fully extinguished, "
        "no casualties were reported, the Ministry of Emergency Situations said.\n"
    )
    fixed = fix_text(text, Options(strategy="rules")).text
    assert "; and" not in fixed and ", and and" not in fixed
    assert fixed != text
