"""The literal prefilter must find exactly what a full scan finds."""

from __future__ import annotations

import re

import pytest

import normalize.detect.rules as rules_mod
from normalize.detect.prefilter import ascii_lower, required_literals
from normalize.detect.rules import find_with_rules, load_rules


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"(?i)\bin (his|her) turn\b", (" turn",)),
        (r"(?i)\b(?:on the territory|against the background) of\b", ("against the background", "on the territory")),
        (r"\d+,\d", None),
        (r"(?i)\b(?:the )?process of", ("process of",)),
        (r"(?:ab)?c", None),
        # A rare symbol selects few lines even alone; a common word does not.
        (r"(?i)\b(?:the|a) \d+ ?(?:percent|per cent|%) of", ("%", "per cent", "percent")),
        (r"(?i)\b(?:the|a) \d+ of", None),
    ],
)
def test_required_literals(pattern, expected):
    assert required_literals(re.compile(pattern)) == expected


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


def test_parallel_matching_equals_serial(monkeypatch):
    ruleset = load_rules()
    text = "\n".join(e.bad for r in ruleset.rules for e in r.examples if e.bad) + "\n"
    monkeypatch.setattr(rules_mod, "PARALLEL_MIN_CHARS", 0)
    parallel = find_with_rules(text, ruleset, jobs=2)
    serial = find_with_rules(text, ruleset, jobs=1)
    assert parallel == serial and parallel


def test_declared_literals_must_be_lower_case_text(tmp_path):
    from normalize.errors import RulePackError

    pack = tmp_path / "p.yaml"
    pack.write_text(
        "family: t\nrules:\n  - id: WZ001\n    category: article\n    message: m\n"
        "    pattern: '(?<=from )X'\n    requires: [From]\n", encoding="utf-8"
    )
    with pytest.raises(RulePackError, match="lower case"):
        load_rules(str(tmp_path))
