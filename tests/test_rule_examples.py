"""Every example of every shipped rule: bad -> good, ok stays ok."""

from __future__ import annotations

import re

import pytest

from normalize.apply import apply_edits
from normalize.detect.rules import RuleSet, find_with_rules, load_rules

RULES = load_rules().rules


def _only(rule) -> RuleSet:
    return RuleSet((rule,))


def _fix_with(rule, text: str, passes: int = 4) -> str:
    """Apply the rule's first suggestions until nothing changes, as `fix` does."""
    for _ in range(passes):
        edits = [f.best_edit() for f in find_with_rules(text, _only(rule)) if f.best_edit()]
        new = apply_edits(text, edits)
        if new == text:
            break
        text = new
    return text


def test_enough_rules_shipped():
    assert len(RULES) >= 120, f"only {len(RULES)} rules shipped"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_bad_good_and_ok_examples(rule):
    assert any(e.bad is not None and e.good is not None for e in rule.examples), f"{rule.id}: no bad->good example"
    assert any(e.ok is not None for e in rule.examples), f"{rule.id}: no good-stays-good example"


def test_rule_ids_unique_and_families_named():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.family for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_bad_examples_become_good(rule):
    for example in rule.examples:
        if example.bad is None:
            continue
        findings = find_with_rules(example.bad, _only(rule))
        assert findings, f"{rule.id} does not fire on {example.bad!r}"
        if example.good is not None and rule.replacements:
            # A flag-only rule (word order, a rewrite no template can make)
            # documents its correction; test_good_examples_are_clean_for_the_rule
            # checks that the correction is clean.
            assert _fix_with(rule, example.bad) == example.good


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_ok_examples_stay_ok(rule):
    for example in rule.examples:
        if example.ok is not None:
            hits = find_with_rules(example.ok, _only(rule))
            assert not hits, f"{rule.id} fires on ok example {example.ok!r}: {hits}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_good_examples_are_clean_for_the_rule(rule):
    for example in rule.examples:
        if example.good is not None:
            assert not find_with_rules(example.good, _only(rule)), (
                f"{rule.id} fires again on its own correction {example.good!r}"
            )


def test_pack_index_is_up_to_date():
    """rules/_index.json must describe every shipped pattern exactly as compiling it does
    (run `normalize rules --write-index` after editing a pack)."""
    import re as _re

    from normalize.detect.rules import _describe, default_rules_dir, read_index

    index, packs = read_index(default_rules_dir())
    for rule in RULES:
        assert index.get(rule.source) == _describe(_re.compile(rule.source)), f"{rule.id}: stale _index.json"
        for source in rule.exception_sources:
            assert index.get(source) == _describe(_re.compile(source)), f"{rule.id}: stale _index.json"
    assert set(packs) == {p.name for p in default_rules_dir().glob("*.yaml")}


def test_headlines_keep_their_dropped_articles():
    """Headlinese drops articles by convention; article rules that only insert
    one stay quiet on a short line with no closing punctuation."""
    rules = load_rules()

    def inserted(text: str) -> list[str]:
        return [f.rule for f in find_with_rules(text, rules) if f.category == "article"]

    headline = "Barbie makers to release hijab doll for first time"
    assert inserted(headline) == []
    assert inserted(headline + ".") != []
    # A headline above body text is judged on its own line.
    assert inserted(headline + "\nThe company will release the doll for first time.") != []
    assert all(f.start > len(headline) for f in find_with_rules(
        headline + "\nThe company will release the doll for first time.", rules) if f.category == "article")


_ARTICLES = {"The", "A", "An"}  # capitalised after a dateline ("HANOI (VNA) – The"), never names


def _names_and_figures(text: str) -> list[str]:
    """Runs of digits, and capitalised words not opening the text or a sentence.

    A figure is its digits, not the word around it: "a 30-years-old man" ->
    "a 30-year-old man" keeps the figure, and so does "3,5" -> "3.5".
    """
    from normalize.detect.rules import Protector

    opens = Protector(text)._sentence_initial  # as the name guard reads it: "ASTANA (Kazinform) - On the ..."
    words = list(re.finditer(r"[\w’'-]+", text))
    names = [m.group() for i, m in enumerate(words)
             if i and m.group()[0].isupper() and m.group() not in _ARTICLES and not any(c.isdigit() for c in m.group())
             and not opens(m.start())]
    return names + re.findall(r"\d+", text)


# Typography rewrites figures ("05.03.2024" -> "5 March 2024") and calques may
# swap a name for the English one ("Corona" -> "COVID-19"); other rules never
# drop a name, a date or a figure.
_MAY_REWORD_NAMES = {"typography", "calque"}


_KEEPING = [r for r in RULES if r.category not in _MAY_REWORD_NAMES]


@pytest.mark.parametrize("rule", _KEEPING, ids=[r.id for r in _KEEPING])
def test_fixes_keep_every_name_and_figure(rule):
    for example in rule.examples:
        if example.bad is not None and example.good is not None:
            # Case aside: a moved word may lose its capital ("Was held" -> "was held").
            lost = [w for w in _names_and_figures(example.bad) if w.lower() not in example.good.lower()]
            assert not lost, f"{rule.id}: the fix of {example.bad!r} loses {lost}"


def test_other_number_template_flips_the_auxiliary_and_keeps_its_capital(tmp_path):
    """``\\a\\N`` writes group N in the other number; a word that is not an
    auxiliary comes back unchanged."""
    (tmp_path / "r.yaml").write_text(
        "family: t\nrules:\n  - id: WT999\n    category: agreement\n    message: m\n"
        "    pattern: '\\b(Both sides) (is|Was|agree)\\b'\n    replace: ['\\1 \\a\\2']\n    applicability: safe\n"
        "    names: true\n    examples: [{bad: 'Both sides is', good: 'Both sides are'}, {ok: 'x'}]\n",
        encoding="utf-8",
    )
    rules = load_rules(tmp_path)
    suggestions = [f.suggestions for f in find_with_rules("Both sides is. Both sides Was. Both sides agree.", rules)]
    assert suggestions == [("are",), ("Were",)]


def test_an_article_a_template_writes_agrees_with_the_word_after_it():
    """"A \\l\\1" on "Explosion occurred" writes "An explosion", not "A explosion";
    figures and acronyms keep the article as written ("a UNESCO site")."""
    from normalize.detect.rules import _agreeing_article, _ARTICLE_BEFORE_WORD

    def agree(text: str) -> str:
        return _ARTICLE_BEFORE_WORD.sub(_agreeing_article, text)

    assert agree("A explosion") == "An explosion"
    assert agree("An bus") == "A bus"
    assert agree("with a unit") == "with a unit"
    assert agree("with a engineer") == "with an engineer"
    assert agree("a UNESCO site, a 8-year high, a U.S. team") == "a UNESCO site, a 8-year high, a U.S. team"
    assert agree("Group A and B") == "Group A and B"
    found = [f for f in find_with_rules("Explosion occurred near the station.", RuleSet(tuple(r for r in RULES if r.id == "WC132")))]
    assert found and found[0].suggestions[0] == "An explosion"
