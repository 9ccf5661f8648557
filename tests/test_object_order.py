"""An object after its verb's adverbials (normalize.object_order), with the shipped model's tables."""

from __future__ import annotations

import pytest

from normalize.candidates import Lexicon, generate
from normalize.nouns import tokenize
from normalize.object_order import late_objects


def late(sentence: str, lex: Lexicon) -> list[tuple[str, str]]:
    words = [m.group() for m in tokenize(sentence)]
    return [(" ".join(words[a:b]), " ".join(words[b:c])) for a, b, c in late_objects(words, lex.nouns, lex.verbs)]


@pytest.mark.parametrize(
    ("sentence", "adverbials", "obj"),
    [
        (
            "Ukraine's Armed Forces lost in the Kursk direction over the past day more than 200 servicemen, the ministry said.",
            "in the Kursk direction over the past day",
            "more than 200 servicemen",
        ),
        ("The ministry will send to the region the first batch of medical supplies.", "to the region", "the first batch of medical supplies"),
        ("The Turkish Armed Forces neutralized in northern Iraq five terrorists.", "in northern Iraq", "five terrorists"),
    ],
)
def test_late_objects_are_found(shipped_lexicon: Lexicon, sentence: str, adverbials: str, obj: str) -> None:
    assert late(sentence, shipped_lexicon) == [(adverbials, obj)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said on Monday the talks would resume next week.",  # a clause's subject
        "The company opened in March 2024 a new plant.",  # a date runs on
        "Temperatures in the north dropped to minus 58 degrees overnight.",
        "The sides agreed to set up a direct hotline before the end of the year.",  # an infinitive
        "The trial is recounted in chapter 21 of the book.",  # a label
        "The Ministry condemned in the strongest terms the storming of the mosque.",  # an idiom
        "Chinese companies have invested in Cambodia more than 10 billion U.S. dollars over the past decade.",  # an abbreviation inside
    ],
)
def test_other_orders_are_left_alone(shipped_lexicon: Lexicon, sentence: str) -> None:
    assert late(sentence, shipped_lexicon) == []


def test_the_object_is_moved_next_to_its_verb(shipped_lexicon: Lexicon) -> None:
    sentence = "Ukraine's Armed Forces lost in the Kursk direction over the past day more than 200 servicemen, the ministry said."
    found = generate(sentence, shipped_lexicon, families=["object-order"])
    assert [c.apply(sentence) for c in found] == [
        "Ukraine's Armed Forces lost more than 200 servicemen in the Kursk direction over the past day, the ministry said."
    ]
