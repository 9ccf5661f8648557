"""Light verbs and their nouns (normalize.collocations)."""

from __future__ import annotations

from collections import Counter

import pytest

from normalize.candidates import Lexicon, generate
from normalize.collocations import CollocationTable, count_collocations, odd_collocations
from normalize.nouns import NounTable, tokenize
from normalize.predicates import VerbForms

GROUPS = [
    "VERB\tVB=conduct VBD=conducted VBG=conducting VBN=conducted VBP=conduct VBZ=conducts",
    "VERB\tVB=hold VBD=held VBG=holding VBN=held VBP=hold VBZ=holds",
    "VERB\tVB=make VBD=made VBG=making VBN=made VBP=make VBZ=makes",
    "VERB\tVB=reach VBD=reached VBG=reaching VBN=reached VBP=reach VBZ=reaches",
    "NOUN\tNN=survey NNS=surveys",
]


def test_pairs_are_counted_from_the_verb_to_the_head_of_its_object(tmp_path) -> None:
    nouns, verbs = NounTable.from_morph(GROUPS), VerbForms.from_morph(GROUPS)
    text = ["Scientists conducted joint research on the glacier.", "They made substantial progress in May.",
            "The team held a survey of voters.", "As does its melting point, the figure reached well over 300."]
    counts = count_collocations(text, nouns, verbs)
    assert counts == Counter({("conduct", "research"): 1, ("make", "progress"): 1, ("hold", "survey"): 1})
    CollocationTable.write(counts + counts + counts, tmp_path)
    assert CollocationTable.load(tmp_path).counts[("conduct", "research")] == 3


def test_an_odd_pair_gets_the_usual_verb_in_the_same_form() -> None:
    nouns, verbs = NounTable.from_morph(GROUPS), VerbForms.from_morph(GROUPS)
    table = CollocationTable({("make", "progress"): 90, ("conduct", "research"): 60, ("hold", "research"): 0})
    words = [m.group() for m in tokenize("The sides reached substantial progress and will hold research on the glacier.")]
    found = [(words[a], form) for a, _b, form in odd_collocations(words, table, nouns, verbs)]
    assert found == [("reached", "made"), ("hold", "conduct")]
    # a pair the text uses often, or a noun it rarely pairs with light verbs, is left alone
    assert odd_collocations([m.group() for m in tokenize("They made progress.")], table, nouns, verbs) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The sides reached substantial progress on the draft agreement.", "The sides made substantial progress on the draft agreement."),
        ("Scientists of the institute will hold research on the glacier.", "Scientists of the institute will conduct research on the glacier."),
    ],
)
def test_the_shipped_table_knows_translated_pairs(shipped_lexicon: Lexicon, sentence: str, expected: str) -> None:
    found = generate(sentence, shipped_lexicon, families=["collocation"])
    assert [c.apply(sentence) for c in found] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The rescuers reached the villages cut off by the flood.",
        "Its density lies between those of curium and californium, as does its melting point.",
        "The combined strength of the services reached well over 325,000 troops.",
        "The scientists conducted research on the glacier during the summer.",
    ],
)
def test_literal_senses_and_usual_pairs_are_left_alone(shipped_lexicon: Lexicon, sentence: str) -> None:
    assert generate(sentence, shipped_lexicon, families=["collocation"]) == []
