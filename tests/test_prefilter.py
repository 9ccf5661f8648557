"""The literal prefilter must find exactly what a full scan finds."""

from __future__ import annotations

import re

import pytest

import normalize.detect.rules as rules_mod
from normalize.detect.prefilter import (
    LineFinder,
    _trie_regex,
    ascii_lower,
    fast_source,
    opening_literals,
    required_literal_sets,
    required_literals,
)
from normalize.detect.rules import find_with_rules, load_rules


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"(?i)\bin (his|her) turn\b", (" turn",)),
        (r"(?i)\b(?:on the territory|against the background) of\b", ("against the background of", "on the territory of")),
        # Digits and quote marks are rare enough to select lines.
        (r"\d+,\d", tuple(f",{d}" for d in "0123456789")),
        (r"[“\"]\s*[–—]", ('"', "“")),
        (r"(?i)\b(?:the )?process of", ("process of",)),
        (r"(?:ab)?c", None),
        # A rare symbol outranks a common word; a two-letter word selects nothing.
        (r"(?i)\b(?:the|a) \d+ ?(?:percent|per cent|%) of", ("% of", "per cent of", "percent of")),
        (r"(?i)\b(?:the|a) \d+ of", tuple("0123456789")),  # "of" is on every line
        (r"(?i)\b(?:the|a) [\d,]+ of", None),  # nor is a comma rare
        # A letter in either case counts as that letter.
        (r"\b[Ss]igned\s+[Bb]y", ("signed",)),
    ],
)
def test_required_literals(pattern, expected):
    assert required_literals(re.compile(pattern)) == expected


def test_every_part_of_a_match_gives_a_literal_set():
    sets = required_literal_sets(re.compile(r"\b(?:[Ww]ill|could)\s+(?:sign|adopt)ed\s+the\b"))
    assert sets == (("adopted", "signed"), ("the",), ("could", "will"))


def test_trie_regex_matches_its_words_in_either_case_and_nothing_shorter():
    regex = re.compile(_trie_regex({"will", "would", "won", "can", "cannot"}) + r"\Z")
    for word in ("will", "Would", "WON", "can", "Can"):
        assert regex.match(word)
    for word in ("wil", "ca", "wo"):
        assert not regex.match(word)


@pytest.mark.parametrize(
    "source, rewritten",
    [
        (r"\b(?<!the )(?<!a )(?:will|[Cc]ould) sign", True),
        (r"(?m)(?<!the )(?<!a )\b(?:will|could) sign", True),
        (r"(?<=, )(?<!a )(?:will|could) sign", False),  # a positive lookbehind already fails fast
        (r"\b(?<!the )(?:will|could) sign", False),  # one lookbehind is cheap enough
        (r"(?<!the )(?<!a )\w+ly sign", False),  # no literal opens every match
    ],
)
def test_fast_source_adds_a_lookahead_only_where_it_helps(source, rewritten):
    fast = fast_source(source)
    assert (fast != source) == rewritten
    assert fast.startswith("(?m)") == source.startswith("(?m)")  # global flags stay first
    re.compile(fast)


def _with_case_variants(lines: list[str]) -> str:
    text = "\n".join(lines)
    return text + "\n" + text.upper() + "\n" + text.title()


def test_fast_source_changes_no_match_of_any_shipped_rule():
    """Each rewritten rule on its own examples and on every 7th example
    sentence of all rules (all of them, times every rewritten rule, grew
    with the packs to minutes of the suite), in three cases."""
    ruleset = load_rules()
    every = [s for r in ruleset.rules for e in r.examples for s in (e.bad, e.good, e.ok) if s]
    shared = every[::7]
    rewritten = [r for r in ruleset.rules if fast_source(r.source) != r.source]
    assert len(rewritten) > 20
    for rule in rewritten:
        own = [s for e in rule.examples for s in (e.bad, e.good, e.ok) if s]
        text = _with_case_variants(own + shared)
        original = [m.span() for m in re.compile(rule.source).finditer(text)]
        assert [m.span() for m in rule.pattern.finditer(text)] == original, rule.id


def test_ascii_lower_keeps_offsets():
    text = "İstanbul ŞOYGU Straße"
    assert len(ascii_lower(text)) == len(text)


def test_prefiltered_scan_equals_full_scan(monkeypatch):
    ruleset = load_rules()
    examples = []
    for rule in ruleset.rules:
        for e in rule.examples:
            examples.extend(s for s in (e.bad, e.good, e.ok) if s)
    text = "\r\n".join(examples) + "\n"
    while len(text) < rules_mod.PREFILTER_MIN_CHARS * 2:
        text += text
    fast = find_with_rules(text, ruleset)
    monkeypatch.setattr(rules_mod, "PREFILTER_MIN_CHARS", len(text) + 1)
    slow = find_with_rules(text, ruleset)
    assert fast == slow and fast


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"(?i)\b(?:in|on) the territory of\b", ("in", "on")),  # the alternatives, not what follows
        (r"(?<!the )\b[Ss]igned by", ("signed by",)),
        (r"(?:the )?process of", None),  # may start at "the" or at "process"
        (r"\d+,\d", None),
        (r"\ba (?:test|trial)", ("a t",)),  # re factors "test|trial" as "t(?:est|rial)"
        (r"\b(?:a|the) test", None),  # "a" is too short to be worth finding
    ],
)
def test_opening_literals(pattern, expected):
    assert opening_literals(pattern) == expected


def test_searching_from_openings_equals_scanning(monkeypatch):
    ruleset = load_rules()
    anchored = [r for r in ruleset.rules if r.openings]
    assert len(anchored) > len(ruleset.rules) / 2
    examples = [s for r in ruleset.rules for e in r.examples for s in (e.bad, e.good, e.ok) if s]
    text = "\n".join(examples) + "\r" + "\r\n".join(examples).upper() + "\n" + "\n".join(examples).title()
    assert len(text) > rules_mod.PREFILTER_MIN_CHARS
    monkeypatch.setattr("normalize.detect.prefilter.ANCHOR_DENSITY", 0)  # always search from openings
    from_openings = find_with_rules(text, ruleset, jobs=1)
    monkeypatch.setattr(LineFinder, "openings_in", lambda self, openings, spans: None)
    scanned = find_with_rules(text, ruleset, jobs=1)
    assert from_openings == scanned and scanned


def test_parallel_matching_equals_serial(monkeypatch):
    ruleset = load_rules()
    text = "\n".join(e.bad for r in ruleset.rules for e in r.examples if e.bad) + "\n"
    monkeypatch.setattr(rules_mod, "PARALLEL_MIN_CHARS", 0)
    parallel = find_with_rules(text, ruleset, jobs=2)
    serial = find_with_rules(text, ruleset, jobs=1)
    assert parallel == serial and parallel


@pytest.mark.parametrize("text", ["", "one line, no break", "a\nb\n", "\n\n\n", "x" * 50 + "\n" + "y\n" * 30 + "z" * 40])
@pytest.mark.parametrize("count", [1, 3, 8])
def test_pieces_cover_the_text_at_line_breaks(text, count):
    pieces = rules_mod._pieces(text, count)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(s < e for s, e in pieces) and len(pieces) <= count
    assert all(text[e - 1] == "\n" for s, e in pieces[:-1])


def test_parallel_matching_keeps_accepted_phrases(monkeypatch):
    ruleset = load_rules()
    bad = [e.bad for r in ruleset.rules for e in r.examples if e.bad][:400]
    text = "\n".join(bad) + "\n"
    found = find_with_rules(text, ruleset, jobs=1)
    accept = frozenset(text[f.start : f.end] for f in found[::40] if text[f.start : f.end].strip())
    monkeypatch.setattr(rules_mod, "PARALLEL_MIN_CHARS", 0)
    parallel = find_with_rules(text, ruleset, accept, jobs=2)
    assert parallel == find_with_rules(text, ruleset, accept, jobs=1)
    assert len(parallel) < len(found)  # the phrases do keep findings out


def test_declared_literals_must_be_lower_case_text(tmp_path):
    from normalize.errors import RulePackError

    pack = tmp_path / "p.yaml"
    pack.write_text(
        "family: t\nrules:\n  - id: WZ001\n    category: article\n    message: m\n"
        "    pattern: '(?<=from )X'\n    requires: [From]\n", encoding="utf-8"
    )
    with pytest.raises(RulePackError, match="lower case"):
        load_rules(str(tmp_path))


def test_line_finder_answers_literals_and_openings_given_late():
    text = "In his turn he spoke.\r\nNothing here.\nAt the end of 2020 in his turn.\rlast"
    finder = LineFinder(text, ["in his turn"], ["at the end"])
    lines = list(finder.lines_with((("in his turn",),)))
    assert [text[s:e] for s, e in lines] == ["In his turn he spoke.\r\n", "At the end of 2020 in his turn.\r"]
    # "nothing" was not indexed at construction: found by a second pass of its own
    assert [text[s:e] for s, e in finder.lines_with((("nothing",), ("here",)))] == ["Nothing here.\n"]
    assert list(finder.lines_with((("nothing",), ("turn",)))) == []  # no line holds both
    assert finder.openings_in(("at the end",), None) == [(text.index("At the end"), len(text))]
    assert finder.openings_in(("last",), None) == [(len(text) - 4, len(text))]  # opening given late
    assert finder.openings_in(("absent",), None) == []


def test_hard_wrapped_text_gives_the_same_findings_either_way(monkeypatch):
    ruleset = load_rules()
    text = "The negotiations, which lasted during two\nweeks, ended on Friday.\n" + "Filler words here.\n" * 200
    monkeypatch.setattr(rules_mod, "PREFILTER_MIN_CHARS", 10**9)
    scanned = find_with_rules(text, ruleset, jobs=1)
    monkeypatch.setattr(rules_mod, "PREFILTER_MIN_CHARS", 0)
    by_line = find_with_rules(text, ruleset, jobs=1)
    assert by_line == scanned


def test_a_line_gets_the_findings_it_gets_alone():
    """Rules see each line alone: a lookaround never reaches into the next or
    the previous line, so a line's findings do not depend on its neighbours."""
    ruleset = load_rules()
    lines = [
        "The talks lasted during two",
        "weeks, he noted that all what we agreed is fulfilled.",
        "In his turn, the minister said",
        "Moscow region is calm",
    ]
    text = "\n".join(lines)
    together = [(f.rule, f.start, f.end) for f in find_with_rules(text, ruleset, jobs=1)]
    alone, offset = [], 0
    for line in lines:
        alone += [(f.rule, f.start + offset, f.end + offset) for f in find_with_rules(line, ruleset, jobs=1)]
        offset += len(line) + 1
    assert sorted(together) == sorted(alone)
    assert together  # the lines have findings to compare


def test_letters_that_case_insensitive_patterns_equate_with_ascii_pass_the_prefilter(monkeypatch):
    """(?i) matches "ı", "İ", "ſ" and the Kelvin sign to i, i, s and k: the
    prefilter's lowercasing must too, or a full scan and a line scan differ."""
    text = "The talks lasted dur\u0131ng two weeks.\nIt rained during the day.\n" + "Filler words here.\n" * 120
    ruleset = load_rules()
    monkeypatch.setattr(rules_mod, "PREFILTER_MIN_CHARS", 10**9)
    scanned = find_with_rules(text, ruleset, jobs=1)
    monkeypatch.setattr(rules_mod, "PREFILTER_MIN_CHARS", 0)
    assert find_with_rules(text, ruleset, jobs=1) == scanned
    assert ascii_lower("D\u0130\u017f\u212a") == "disk"


def test_other_scripts_digits_pass_a_prefilter_on_digits():
    """``\\d`` matches "٣" as well as "3": a line holding only such digits
    must reach a rule whose prefilter asks for a digit."""
    pattern = re.compile(r"\d+,\d")
    text = "No figures here.\nGrowth was \u0663,\u0665 per cent.\n"
    literals = required_literals(pattern)
    assert literals is not None and pattern.search(text)
    assert LineFinder(text, literals).line_numbers_with((literals,)) == [1]


def test_a_pattern_with_another_scripts_digit_still_finds_its_lines():
    """The prefilter reads "١" as "0" in the text, so it must read the
    pattern's literal the same way, or the rule never runs."""
    pattern = re.compile("rose by \u0661\u0665 ?%")
    literals = required_literals(pattern)
    text = "Nothing here.\nExports rose by \u0661\u0665% this year.\n"
    assert pattern.search(text) and literals is not None
    assert LineFinder(text, literals).line_numbers_with((literals,)) == [1]
    assert ascii_lower("A \u0661\u0665 B") == "a 00 b" and ascii_lower("A 15") == "a 15"


def test_a_fast_source_opening_with_another_scripts_digit_still_matches_it():
    """Openings read "١" as "0" like the text they are searched in; the
    lookahead fast_source writes runs on the text itself, so its "0" must
    accept "١" too."""
    source = "(?<!a )(?<!b )\u0661\u0665 ?%"
    assert re.search(fast_source(source), "rose \u0661\u0665%")
