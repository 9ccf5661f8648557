"""Detection scoring, worked out by hand on the fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalize.errors import InputError
from normalize.scoring import ScoreOptions, load_corpus, load_flags, load_system, score
from normalize.scoring.detection import Flag, parse_flags, touched_tokens

FIXTURES = Path(__file__).parent / "fixtures" / "scoring"


@pytest.fixture(scope="module")
def report():
    corpus = load_corpus(FIXTURES / "src.txt", [FIXTURES / "ref0.txt", FIXTURES / "ref1.txt"])
    systems = [load_system(FIXTURES / h, corpus) for h in ("hyp_a.txt", "hyp_b.txt")]
    systems.append(load_flags(FIXTURES / "flags.txt", corpus))
    return score(corpus, systems, ScoreOptions(metrics=("detection",), samples=200))


def test_sentence_level(report) -> None:
    # Sentences 1-4 need flags (ref1 rewrites 3), 5 is clean.
    # hyp_a changes 1, 2, 4, 5: TP 3, FP 1 (the clean one), FN 1 -> P = R = F = 0.75.
    a = report.system("hyp_a.txt").scores["det-sentence"]
    assert (a.details["tp"], a.details["fp"], a.details["fn"]) == (3, 1, 1)
    assert a.score == pytest.approx(75.0)
    assert (a.details["clean_sentences"], a.details["false_alarm_rate"]) == (1, 100.0)
    # hyp_b changes 1, 2, 4: P 1, R 0.75, F0.5 = 1.25 * 0.75 / (0.25 + 0.75).
    b = report.system("hyp_b.txt").scores["det-sentence"]
    assert b.score == pytest.approx(100 * 1.25 * 0.75 / 1.0)


def test_token_level(report) -> None:
    # hyp_a touches {1}, {1}, -, {2}, {3}; best references give gold {1}, {1,3}, -, {2,6}, -:
    # TP 3, FP 1, FN 2.
    a = report.system("hyp_a.txt").scores["det-token"]
    assert (a.details["tp"], a.details["fp"], a.details["fn"]) == (3, 1, 2)
    assert a.score == pytest.approx(100 * 0.5625 / 0.7875)


def test_flags_system(report) -> None:
    # flags.txt: "3:5" = "go" (token 1) in 1; blank in 2; "*" in 3; blank in 4; "0:4 8:10" in 5.
    flags = report.system("flags.txt").scores
    assert set(flags) == {"det-sentence", "det-token"}
    s = flags["det-sentence"].details
    assert (s["tp"], s["fp"], s["fn"]) == (2, 1, 2)
    t = flags["det-token"].details
    assert (t["tp"], t["fp"], t["fn"]) == (1, 2, 4)


def test_no_edit_flags_nothing(report) -> None:
    base = report.system("no-edit").scores["det-sentence"]
    assert (base.score, base.details["tp"], base.details["fp"], base.details["fn"]) == (0.0, 0, 0, 4)


def test_touched_tokens_insertion_marks_next_token() -> None:
    assert touched_tokens("a b c".split(), "a x b c".split()) == {1}
    assert touched_tokens("a b c".split(), "a b c d".split()) == {3}
    assert touched_tokens("a b c".split(), "a c".split()) == {1}


def test_parse_flags() -> None:
    src = ["ab cd ef"]
    assert parse_flags(["3:5"], src) == [Flag(True, frozenset({1}))]
    assert parse_flags(["2:2"], src) == [Flag(True, frozenset({1}))]
    assert parse_flags([""], src) == [Flag(False)]
    with pytest.raises(InputError, match="outside"):
        parse_flags(["0:99"], src)
    with pytest.raises(InputError, match="start:end"):
        parse_flags(["x"], src)
