"""Nouns that take "the" before "of" (normalize.frames): counting, the table file, detection."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.frames import MIN_COUNT, FrameTable, bare_frames, count_frames
from normalize.nouns import NounTable, tokenize

NOUNS = NounTable.from_morph(
    [
        "NOUN\tNN=development NNS=developments",
        "NOUN\tNN=participation",
        "NOUN\tNN=front NNS=fronts",
        "NOUN\tNN=list NNS=lists",
        "NOUN\tNN=step NNS=steps",
        "NOUN\tNN=agency NNS=agencies",
        "VERB\tVB=envisage VBD=envisaged VBG=envisaging VBP=envisage VBZ=envisages",
        "VERB\tVB=update VBD=updated VBG=updating VBP=update VBZ=updates",
        "VERB\tVB=boost VBD=boosted VBG=boosting VBP=boost VBZ=boosts",
        "VERB\tVB=speed VBD=sped VBG=speeding VBP=speed VBZ=speeds",
        "VERB\tVB=become VBD=became VBG=becoming VBP=become VBZ=becomes",
        "NOUN\tNN=leader NNS=leaders",
    ]
)
TABLE = FrameTable({"development": (95, 3), "participation": (60, 2), "front": (10, 90), "list": (80, 1), "step": (70, 2)})


def flagged(sentence: str) -> list[str]:
    words = [m.group() for m in tokenize(sentence)]
    return [words[k] for k in bare_frames(words, TABLE, NOUNS)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The sides agreed on development of cooperation in energy.", ["development"]),
        ("The drill was held with participation of 7,000 troops.", ["participation"]),
        ("The agency envisaged development of the port.", ["development"]),  # a verb after its subject
        ("It envisages development of the port.", ["development"]),
        # the object of a verb after "to" or a modal, a particle between
        ("The plan aims to boost development of the port.", ["development"]),
        ("The agency will speed up development of the port.", ["development"]),
    ],
)
def test_a_bare_noun_before_of_that_takes_the_is_flagged(sentence: str, expected: list[str]) -> None:
    assert flagged(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The sides agreed on the development of cooperation in energy.",
        "They stood in front of the building.",  # mostly bare before "of" in the training text
        "The updated list of companies was published.",  # a participle as adjective
        "The agency's updated list of companies was published.",
        "The internationally updated list of companies was published.",
        "Progress came step by step of course.",
        "They agreed on development plans.",  # no "of"
        "He hopes to become leader of the agency.",  # a role after "become"
        "Its boost development of the port.",  # no "to" or modal before the verb
        # the noun is bare earlier in the sentence too: a mass term throughout
        "All development and interests in development of the port are frozen.",
    ],
)
def test_determined_fixed_or_adjectival_uses_are_left_alone(sentence: str) -> None:
    assert flagged(sentence) == []


def test_counting_and_the_table_file_round_trip(tmp_path: Path) -> None:
    sentences = ["They welcomed the development of trade."] * MIN_COUNT + [
        "They agreed on development of trade.",
        "They stood in front of the building.",
    ] * 20
    counts = count_frames(sentences, NOUNS)
    assert counts["development", True] == MIN_COUNT
    assert counts["development", False] == 20
    assert counts["front", False] == 20
    FrameTable.write(counts, tmp_path)
    table = FrameTable.load(tmp_path)
    assert table is not None and table.counts["development"] == (MIN_COUNT, 20)
    assert not table.takes_the("development")  # 71% is not enough
    assert FrameTable.load(tmp_path / "missing") is None


def test_the_frame_family_proposes_the_article() -> None:
    from normalize.candidates import Lexicon, generate

    lex = Lexicon({}, {}, nouns=NOUNS, frames=TABLE)
    sentence = "The sides agreed on development of cooperation in energy."
    (cand,) = generate(sentence, lex, families=["frame"])
    assert cand.family == "article:of"
    assert cand.apply(sentence) == "The sides agreed on the development of cooperation in energy."


WORDS = st.sampled_from("the a on of development participation front list envisaged updated It . , step by".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=20))
def test_arbitrary_words_never_crash(words: list[str]) -> None:
    for k in bare_frames(words, TABLE, NOUNS):
        assert words[k + 1] == "of"
    count_frames([" ".join(words)], NOUNS)
