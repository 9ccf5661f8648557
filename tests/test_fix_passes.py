"""`fix` re-checks its own output; rule findings of unchanged lines are reused."""

from __future__ import annotations

import normalize.api as api
from normalize.api import Options, check_text, fix_text

TEXT = (
    "In his turn, the minister noted that all what was agreed is being done.\r\n"
    "The sides discussed the issues of regional security.\r\n"
    "\r\n"
    "In his turn, the minister noted that all what was agreed is being done.\r\n"
)
RULES = Options(strategy="rules")


def test_matching_by_line_equals_matching_the_whole_text() -> None:
    assert check_text(TEXT, RULES, line_cache={}) == check_text(TEXT, RULES)


def test_later_passes_match_only_changed_lines(monkeypatch) -> None:
    seen: list[str] = []
    original = api._rule_findings

    def spy(text: str, options: Options):
        seen.append(text)
        return original(text, options)

    monkeypatch.setattr(api, "_rule_findings", spy)
    cache: dict = {}
    check_text(TEXT, RULES, line_cache=cache)
    assert len(seen) == 1 and seen[0].count("In his turn") == 1  # a repeated line is matched once
    check_text(TEXT.replace("regional", "global"), RULES, line_cache=cache)
    assert seen[1] == "The sides discussed the issues of global security."


def test_fix_with_the_cache_is_what_repeated_checks_give() -> None:
    fixed = fix_text(TEXT, RULES).text
    assert fixed.count("\r\n") == TEXT.count("\r\n")
    assert "all what" not in fixed and "In his turn" not in fixed
    assert fix_text(fixed, RULES).text == fixed


TWIN_PACK = """
rules:
  - id: XT101
    category: calque
    message: Two packs catch this calque.
    pattern: '\\bin his turn\\b'
    replace: ['for his part']
    applicability: unsafe
    examples:
      - bad: 'He said in his turn that it was done.'
        good: 'He said for his part that it was done.'
      - ok: 'He said for his part that it was done.'
  - id: XT102
    category: calque
    message: The same calque, from another pack, sure of its fix.
    pattern: '\\bin his turn\\b'
    replace: ['for his part']
    applicability: safe
    examples:
      - bad: 'He said in his turn that it was done.'
        good: 'He said for his part that it was done.'
      - ok: 'He said for his part that it was done.'
  - id: XT103
    category: calque
    message: A third rule with another fix is a finding of its own.
    pattern: '\\bin his turn\\b'
    replace: ['in turn']
    applicability: unsafe
    examples:
      - bad: 'He said in his turn that it was done.'
        good: 'He said in turn that it was done.'
      - ok: 'He said in turn that it was done.'
"""


def test_one_edit_found_by_two_rules_is_reported_once_and_stays_safe(tmp_path) -> None:
    (tmp_path / "twins.yaml").write_text(TWIN_PACK, encoding="utf-8")
    options = Options(strategy="rules", rules_dir=str(tmp_path))
    found = check_text("He said in his turn that it was done.\n", options)
    assert [f.rule for f in found] == ["XT102", "XT103"]  # XT103 narrows its edit to deleting "his "
    assert fix_text("He said in his turn that it was done.\n", options).text == "He said for his part that it was done.\n"


def test_edits_that_undo_each_other_stop_at_the_first_text(tmp_path) -> None:
    # Two safe rules that swing a word back and forth: `fix` must not run to
    # its pass limit and return whichever side an odd or even limit lands on.
    (tmp_path / "swing.yaml").write_text(
        """family: swing
rules:
  - id: WZ901
    category: typography
    message: One way.
    pattern: '\\bfoo\\b'
    replace: [bar]
    applicability: safe
    examples: [{bad: 'a foo b', good: 'a bar b'}, {ok: 'a b'}]
  - id: WZ902
    category: typography
    message: The other way.
    pattern: '\\bbar\\b'
    replace: [foo]
    applicability: safe
    examples: [{bad: 'a bar b', good: 'a foo b'}, {ok: 'a b'}]
""",
        encoding="utf-8",
    )
    options = Options(strategy="rules", rules_dir=str(tmp_path))
    result = fix_text("They said foo twice.\n", options)
    assert result.text == "They said foo twice.\n" and result.edits == [] and result.passes == 0


def test_a_rule_that_matches_its_own_replacement_is_stopped(tmp_path) -> None:
    import pytest

    from normalize.errors import NormalizeError

    (tmp_path / "grow.yaml").write_text(
        """family: grow
rules:
  - id: WZ903
    category: typography
    message: Grows.
    pattern: '\\bturn\\b'
    replace: ['turn turn']
    applicability: safe
    examples: [{bad: 'a turn', good: 'a turn turn'}, {ok: 'a b'}]
""",
        encoding="utf-8",
    )
    with pytest.raises(NormalizeError, match="a rule matches its own replacement"):
        fix_text("In his turn, he left.\n", Options(strategy="rules", rules_dir=str(tmp_path)))


def test_a_calque_in_near_fluent_text_is_suggested_not_applied() -> None:
    """Where the rules find something on under 5% of the lines (MT output a
    post-editor only checks for meaning), calque and redundancy rewrites are
    left to the editor; in translated copy they are applied."""
    options = Options(strategy="rules")
    calque = "Prices rose against the background of the sanctions.\n"
    fluent = "".join(f"The council met on day {i} and approved the budget.\n" for i in range(30))
    translated = "".join(f"He said about the plan number {i}.\n" for i in range(30))
    assert fix_text(fluent + calque, options).text == fluent + calque
    found = [f for f in check_text(fluent + calque, options) if f.category == "calque"]
    assert found and all(f.applicability.value == "unsafe" for f in found)
    assert fix_text(translated + calque, options).text.endswith("Prices rose amid the sanctions.\n")
    # a short text is not judged: the rule's own applicability stands
    assert fix_text(calque, options).text == "Prices rose amid the sanctions.\n"


def test_a_house_style_rewrite_in_near_fluent_text_is_suggested_not_applied() -> None:
    """"of Novosibirsk Region" -> "of the Novosibirsk Region" is house style:
    applied in translated copy, suggested in near-fluent text."""
    options = Options(strategy="rules")
    region = "The Ministry of Labor of Novosibirsk Region will spend 1.7 million roubles on camps.\n"
    fluent = "".join(f"The council met on day {i} and approved the budget.\n" for i in range(30))
    translated = "".join(f"He said about the plan number {i}.\n" for i in range(30))
    found = [f for f in check_text(fluent + region, options) if f.rule == "WC136"]
    assert found and all(f.applicability.value == "unsafe" for f in found)
    assert fix_text(fluent + region, options).text == fluent + region
    assert fix_text(translated + region, options).text.endswith("of the Novosibirsk Region will spend 1.7 million roubles on camps.\n")


def test_one_auxiliary_is_inserted_per_verb() -> None:
    """A rule puts "has" before the adverb, the model before the verb: the
    text gets one "has" ("the city has accumulatively received")."""
    from normalize.api import _one_auxiliary_per_verb
    from normalize.types import Applicability, Finding, Severity

    text = "Since May the city accumulatively received 12 million visits and has grown."
    adverb = text.index("accumulatively")
    verb = text.index("received")

    def finding(rule: str, start: int, end: int, suggestion: str) -> Finding:
        return Finding(rule, "tense", Severity.WARNING, "m", start, end, (suggestion,), Applicability.SAFE)

    rule = finding("WA404", adverb, adverb, "has ")
    model = finding("model-tense", verb, verb + len("received"), "has received")
    assert _one_auxiliary_per_verb([rule, model], text) == [rule]
    far = finding("model-tense", text.index("grown"), text.index("grown") + 5, "has grown")
    assert _one_auxiliary_per_verb([rule, far], text) == [rule, far]
    assert fix_text("Since May the city accumulatively received 12 million visits.\n", Options()).text.count(" has ") <= 1
