"""A main clause that lost its verb (normalize.main_clause), with the shipped model's tables."""

from __future__ import annotations

import pytest

from normalize.candidates import Lexicon, generate
from normalize.main_clause import lost_main_verbs
from normalize.nouns import tokenize


def repaired(sentence: str, lex: Lexicon) -> list[str]:
    """The sentence with each repair the check proposes."""
    words = list(tokenize(sentence))
    texts = [m.group() for m in words]
    return [
        sentence[: words[a].start()] + replacement + sentence[words[b - 1].end() :]
        for a, b, replacement in lost_main_verbs(texts, lex.nouns, lex.verbs)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The new electronic system, which allows citizens to receive more than 200 public services online.",
            "The new electronic system allows citizens to receive more than 200 public services online.",
        ),
        (
            "The terrorist attack in the city of Quetta, which killed 12 people and wounded 30 others, the police said.",
            "The terrorist attack in the city of Quetta killed 12 people and wounded 30 others, the police said.",
        ),
        (
            "The new container terminal at Hamad Port, which will handle up to 2 million TEU a year.",
            "The new container terminal at Hamad Port will handle up to 2 million TEU a year.",
        ),
        (
            "The new high-speed railway, with a total length of 415 km and a designed speed of 350 km per hour.",
            "The new high-speed railway has a total length of 415 km and a designed speed of 350 km per hour.",
        ),
        (
            "More than 3,000 athletes from 45 countries and regions to compete in 64 events during the Games, which open on Friday.",
            "More than 3,000 athletes from 45 countries and regions will compete in 64 events during the Games, which open on Friday.",
        ),
        (
            "The minister of foreign affairs, during the meeting with his counterpart, greatly emphasizing the importance of water.",
            "The minister of foreign affairs, during the meeting with his counterpart, greatly emphasized the importance of water.",
        ),
        (
            "During the visit, the delegation of the ministry, having held talks with Indonesian counterparts on rice supplies.",
            "During the visit, the delegation of the ministry held talks with Indonesian counterparts on rice supplies.",
        ),
    ],
)
def test_a_lost_main_verb_is_given_back(shipped_lexicon: Lexicon, sentence: str, expected: str) -> None:
    assert repaired(sentence, shipped_lexicon) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        # the verb follows the relative clause or the parenthesis
        "The talks, which lasted more than five hours, ended late on Thursday without a joint statement.",
        "The railway, built in 2010, opened to traffic last year after a long delay.",
        "The project, with a total investment of 12 billion yuan, is expected to be completed in 2026.",
        "In the poem, the god, who is described as wise and powerful, walks in the middle of the roads.",
        # the verb is in the opening or in a segment after a comma
        "In 1951 they started development work on Meg, the successor, which would include a floating point unit.",
        "Due to its properties, in aquatic ecosystems the compound is absorbed by organisms, leaving little of it.",
        # a verb after a name, a figure, an adverb or a pronoun
        "Benin uses the CFA franc, which is pegged to the euro.",
        "Elementary school pupils often use workbooks, which are published with blanks to be filled in.",
        "This conflicts with the general stigma surrounding the genre, which thrives on violence.",
        # "to" after a subject that is no count, inside a sentence with a verb
        "The history of computing hardware covers the developments from simple devices to aid calculation to computers.",
        # a quotation is left alone
        "“The new system, which allows citizens to receive services online,” the minister said.",
    ],
)
def test_sentences_with_a_main_verb_are_left_alone(shipped_lexicon: Lexicon, sentence: str) -> None:
    assert repaired(sentence, shipped_lexicon) == []


def test_the_repair_is_a_predicate_candidate(shipped_lexicon: Lexicon) -> None:
    sentence = "The new high-speed railway, with a total length of 415 km and a designed speed of 350 km per hour."
    found = generate(sentence, shipped_lexicon, families=["main"])
    assert [(c.family, c.replacement) for c in found] == [("predicate:main", " has")]


def test_the_repair_does_not_join_a_rule_that_repairs_the_clause_another_way() -> None:
    from normalize.api import Options, fix_text

    sentence = (
        "The forum, which was jointly hosted by the Ministry of Commerce and the Shaanxi provincial "
        "government and attracted more than 1,200 guests from 60 countries and regions.\n"
    )
    fixed = fix_text(sentence, Options(strategy="rules+model")).text
    assert fixed in (
        sentence.replace("government and attracted", "government, attracted"),
        sentence.replace("The forum, which was", "The forum was"),
    )
