"""Margin ranking and the `model_findings` integration point, on the tiny model."""

from __future__ import annotations

from pathlib import Path

from test_lm_support import tiny_model  # noqa: F401

import pytest

from normalize.candidates import Candidate
from normalize.rank import (
    DOC_MIN_SENTENCES, MARGINS, NOISY_MARGINS, _render, document_register, get_ranker, model_findings,
)
from normalize.types import Applicability, Finding, Severity


@pytest.fixture(autouse=True)
def learner_margins(tiny_model: Path):
    """The tiny model's sentences have no non-words, so the fluent-text margins
    (article insertion off) would apply; these tests exercise the mechanics
    with the learner-text margins."""
    ranker = get_ranker(str(tiny_model))
    ranker.margins = dict(NOISY_MARGINS)
    yield
    ranker.margins = dict(MARGINS)


def _apply(text: str, findings: list[Finding], unsafe: bool = False) -> str:
    edits = [f for f in findings if unsafe or f.applicability == Applicability.SAFE]
    out, pos = [], 0
    for f in sorted(edits, key=lambda f: (f.start, f.end)):
        out += [text[pos : f.start], f.suggestions[0]]
        pos = f.end
    return "".join(out) + text[pos:]


def test_model_fixes_a_dropped_article(tiny_model: Path) -> None:
    text = "The minister discussed new plan on Monday."
    found = model_findings(text, [(0, len(text))], model_dir=str(tiny_model))
    assert _apply(text, found, unsafe=True) == "The minister discussed the new plan on Monday."
    (f,) = [f for f in found if f.category == "article"]
    assert f.source == "model" and f.score and f.score > 0
    assert f.start == f.end == text.index("new")  # a minimal span: an insertion
    assert "prefers" in f.message


def test_fluent_text_gets_no_safe_findings(tiny_model: Path) -> None:
    text = "The minister discussed the new plan on Monday. The committee signed a joint statement last week."
    spans = [(0, 46), (47, len(text))]
    found = model_findings(text, spans, model_dir=str(tiny_model))
    assert [f for f in found if f.applicability == Applicability.SAFE] == []


def test_spans_index_the_whole_document(tiny_model: Path) -> None:
    text = "Intro line.\nThe minister discussed new plan on Monday.\n"
    start = text.index("The")
    end = text.index("\n", start)
    found = model_findings(text, [(start, end)], model_dir=str(tiny_model))
    fixed = _apply(text, found, unsafe=True)
    assert fixed.startswith("Intro line.\n") and fixed.endswith("Monday.\n")
    assert "the new plan" in fixed


def test_model_chooses_between_a_rules_suggestions(tiny_model: Path) -> None:
    text = "The minister discussed teh new plan on Monday."
    at = text.index("teh")
    rule = Finding("TEST001", "typo", Severity.WARNING, "typo", at, at + 3,
                   suggestions=("ten", "the"), applicability=Applicability.SAFE)
    found = model_findings(text, [(0, len(text))], rule_findings=[rule], model_dir=str(tiny_model))
    chosen = [f for f in found if f.rule == "TEST001"]
    assert len(chosen) == 1 and chosen[0].suggestions == ("the",)
    assert chosen[0].source == "model"


def test_accepted_terms_are_left_alone(tiny_model: Path) -> None:
    text = "The minister discussed new plan on Monday."
    found = model_findings(text, [(0, len(text))], accept=frozenset({"new plan"}),
                           model_dir=str(tiny_model))
    at = text.index("new plan")
    assert all(f.end <= at or f.start >= at + len("new plan") for f in found if f.start != f.end)


def test_render_applies_edits_in_sentence_order() -> None:
    edits = [Candidate(4, 4, "big ", "x"), Candidate(0, 3, "A", "x")]
    assert _render("The cat sat.", edits) == "A big cat sat."


def test_fluent_text_margins_are_stricter() -> None:
    for family in ("article:insert", "preposition", "comma:delete", "morphology"):
        fluent = MARGINS.get(family) or MARGINS[family.split(":")[0]]
        noisy = NOISY_MARGINS.get(family) or NOISY_MARGINS[family.split(":")[0]]
        assert fluent[0] > noisy[0]


def _document(lines: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text = "\n".join(lines)
    spans, pos = [], 0
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return text, spans


def test_register_is_decided_per_document(tiny_model: Path) -> None:
    ranker = get_ranker(str(tiny_model))
    clean = "The minister discussed the new plan on Monday."
    typo = "The minister discused the new plan on Monday."
    # Too short to tell: each sentence decides.
    text, spans = _document([clean, typo])
    assert document_register(text, spans, ranker, frozenset()) is None
    # Learner-like: many sentences with a non-word the model corrects.
    text, spans = _document([typo, clean] * DOC_MIN_SENTENCES)
    assert document_register(text, spans, ranker, frozenset()) is True
    # Edited copy with one odd word in twenty sentences: not learner text.
    text, spans = _document([clean] * (2 * DOC_MIN_SENTENCES - 1) + [typo])
    assert document_register(text, spans, ranker, frozenset()) is False


def test_in_edited_copy_a_repeated_non_word_is_a_term(tiny_model: Path) -> None:
    ranker = get_ranker(str(tiny_model))
    ranker.margins = dict(MARGINS)
    clean = "The minister discussed the new plan on Monday."
    typo = "The minister discused the new plan on Monday."
    # Used twice: a transliterated term or a name ("akim"), not a typo.
    text, spans = _document([clean] * (3 * DOC_MIN_SENTENCES - 2) + [typo, typo])
    found = [f for f in model_findings(text, spans, model_dir=str(tiny_model)) if f.category == "spelling"]
    assert found == []
    # A learner repeats misspellings too: there they are still fixed.
    text, spans = _document([typo, clean] * DOC_MIN_SENTENCES)
    found = [f for f in model_findings(text, spans, model_dir=str(tiny_model)) if f.category == "spelling"]
    assert found and all(f.suggestions == ("discussed",) for f in found)


def test_in_edited_copy_a_non_word_is_only_suggested(tiny_model: Path) -> None:
    ranker = get_ranker(str(tiny_model))
    ranker.margins = dict(MARGINS)  # the fluent-text table, as shipped
    clean = "The minister discussed the new plan on Monday."
    typo = "The minister discused the new plan on Monday."
    text, spans = _document([clean] * (2 * DOC_MIN_SENTENCES - 1) + [typo])
    found = [f for f in model_findings(text, spans, model_dir=str(tiny_model)) if f.category == "spelling"]
    assert [f.suggestions for f in found] == [("discussed",)]
    assert found[0].applicability == Applicability.UNSAFE
    # The same sentence in a learner-like document is fixed.
    text, spans = _document([typo, clean] * DOC_MIN_SENTENCES)
    found = [f for f in model_findings(text, spans, model_dir=str(tiny_model)) if f.category == "spelling"]
    assert found and all(f.applicability == Applicability.SAFE for f in found)


def test_batched_priming_changes_no_finding(tiny_model: Path, monkeypatch) -> None:
    import normalize.rank as rank

    lines = [
        "The minister discussed new plan on Monday.",
        "Delegation visited factory in the region.",
        "The committee signed a joint statement last week.",
        "He said that talks was useful for both side.",
    ]
    text = " ".join(lines)
    spans, pos = [], 0
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    ranker = get_ranker(str(tiny_model))

    def fresh(block: int) -> list[Finding]:
        rank._MEMO.clear()
        ranker.scorer._cache.clear()
        monkeypatch.setattr(rank, "PRIME_SENTENCES", block)
        return model_findings(text, spans, model_dir=str(tiny_model))

    calls = ranker.scorer.calls
    one_at_a_time = fresh(1)
    batched = fresh(100)
    assert batched == one_at_a_time and batched
    assert ranker.scorer.calls > calls


class _Recorder:
    def __init__(self) -> None:
        self.starts: list[tuple[str, int]] = []
        self.done = 0

    def start(self, description: str, total: int) -> None:
        self.starts.append((description, total))

    def advance(self, n: int = 1) -> None:
        self.done += n


def test_fix_reports_the_models_sentences_once(tiny_model: Path, monkeypatch) -> None:
    import normalize.rank as rank
    from normalize.api import Options, fix_text

    monkeypatch.setattr(rank, "PRIME_SENTENCES", 2)  # several blocks
    text = "The minister discussed new plan on Monday.\n\nThe committee met.\n\nHe spoke. She left. They agreed.\n"
    recorder = _Recorder()
    result = fix_text(text, Options(model_dir=str(tiny_model)), unsafe=True, progress=recorder)
    assert result.passes >= 1
    assert recorder.starts == [("fluency model: sentences", 5)]  # the first pass only
    assert recorder.done == 5


def test_a_rule_insertion_at_the_very_end_of_a_sentence_is_still_judged(tiny_model: Path) -> None:
    text = "The minister discussed the new plan on Monday"
    end = len(text)
    rule = Finding(
        rule="WT999", category="punctuation", severity=Severity.WARNING, message="m",
        start=end, end=end, suggestions=(".", "!"), applicability=Applicability.SAFE,
    )
    found = model_findings(text, [(0, end)], rule_findings=[rule], model_dir=str(tiny_model))
    assert [(f.rule, f.start, f.end) for f in found if f.rule == "WT999"] == [("WT999", end, end)]


def test_a_model_verdict_on_a_rules_suggestion_is_one_finding_with_both_reasons() -> None:
    from normalize.api import _merge

    rule = Finding("WC130", "article", Severity.WARNING, "Needs “the”.", 30, 30, ("the ",))
    verdict = Finding(
        "WC130", "article", Severity.WARNING, "fluency model prefers: insert “the” (+1.8 log10 probability)",
        30, 30, ("the ",), Applicability.SAFE, "model", 1.8,
    )
    other = Finding("WC999", "article", Severity.WARNING, "Another rule.", 40, 45, ("x",))
    merged = _merge([rule, other], [verdict])
    assert [f.rule for f in merged] == ["WC999", "WC130"]
    assert merged[1].message == "Needs “the”. Fluency model prefers: insert “the” (+1.8 log10 probability)."
    assert merged[1].applicability == Applicability.SAFE


def test_a_choice_between_a_rules_suggestions_keeps_its_message_and_other_rules_stay() -> None:
    from normalize.api import _merge

    rule = Finding("WX236", "calque", Severity.WARNING, "Not English.", 10, 18, ("specified", "explained"))
    choice = Finding(
        "WX236", "calque", Severity.WARNING, "Not English. (the model picks the first suggestion)",
        10, 18, ("specified",), Applicability.SAFE, "model", 3.5,
    )
    other = Finding("WC130", "article", Severity.WARNING, "Needs “the”.", 30, 30, ("the ",))
    model = Finding("model-article", "article", Severity.WARNING, "fluency model prefers: insert “a”", 30, 30, ("a ",))
    merged = _merge([rule, other], [choice, model])
    assert [f.message for f in merged if f.rule == "WX236"] == ["Not English. (the model picks the first suggestion)"]
    assert {f.rule for f in merged} == {"WX236", "WC130", "model-article"}  # another rule's insertion stays


def test_every_margin_is_a_pair_and_every_explanation_text() -> None:
    # An explanation written into the margin tables (session 28) was
    # silently overridden there and missing from the findings' messages.
    from normalize import rank

    for table in (rank.MARGINS, rank.NOISY_MARGINS, rank.NETWORK_MARGINS, rank.GRAMMAR_MARGINS):
        for family, margins in table.items():
            assert isinstance(margins, tuple) and len(margins) == 2, family
            assert all(isinstance(m, float | int) for m in margins), family
    assert all(isinstance(text, str) for text in rank._EXPLANATIONS.values())
    for family in ("article:title", "predicate:main", "collocation:verb", "word-order:object", "agreement:counted"):
        assert family in rank._EXPLANATIONS, family
