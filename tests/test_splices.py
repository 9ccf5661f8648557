"""Comma splices (normalize.splices) with the shipped model's word tables."""

from __future__ import annotations

import pytest

from normalize.candidates import Lexicon, generate
from normalize.nouns import tokenize
from normalize.splices import comma_splices


def splices(sentence: str, lex: Lexicon) -> list[str]:
    """The text after each comma the check reads as a splice."""
    words = [m.group() for m in tokenize(sentence)]
    return [" ".join(words[k + 1 : k + 3]) for k in comma_splices(words, lex.nouns, lex.verbs)]


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        # a determiner and a noun, a lexical past form
        ("The vessel was sailing under the flag of Panama, its crew consisted of 14 sailors from Ukraine.", "its crew"),
        # a bare plural with a modifier
        ("The storm caused power cuts in several villages in Dhofar Governorate, emergency teams worked throughout the night.", "emergency teams"),
        # a pronoun and a modal
        ("The new terminal is expected to handle 25 million passengers a year, it will help ease the overload.", "it will"),
        # "there is" after an opening phrase
        ("The fire was completely put out at 04:30 Moscow time, there are no victims among the residents.", "there are"),
        # after an opening phrase, "no" opening the subject, a passive that is not an attribution
        ("As a result of the heavy rains, several roads were closed in the north, no casualties were reported.", "no casualties"),
        # a connective after the comma
        ("The negotiations in Dushanbe lasted six hours, however, no agreement was reached on water distribution.", "however ,"),
        # a count opening the subject
        ("The ferry crossing stopped its work due to the storm, about 400 trucks are waiting in the queue.", "about 400"),
        # a reporting verb with a clause after it is a new clause, not an attribution
        ("The minister inaugurated the new terminal at the airport, he said it will raise the airport's capacity.", "he said"),
    ],
)
def test_splices_are_found(shipped_lexicon: Lexicon, sentence: str, after: str) -> None:
    assert splices(sentence, shipped_lexicon) == [after]


@pytest.mark.parametrize(
    "sentence",
    [
        # an attribution closing the sentence
        "The talks will continue next week in Geneva, the Foreign Ministry said on Monday.",
        "The Turkish side is ready to provide more assistance to the affected provinces, the minister said during a press conference.",
        "Clashes broke out in the north of the country overnight, it was reported.",
        "Consumer prices rose 2 percent in May from a year earlier, official data showed.",
        # an apposition, with or without a participle
        "Kazakhstan and China agreed to build a third railway crossing on their border, a project expected to raise freight capacity.",
        "He was born in a small village near Kazan in 1950, the year the war in Korea began.",
        # an absolute phrase
        "Six locomotives of the new type were built in the plant, the first completed in 1956.",
        "The plane crashed shortly after take-off from the airfield, its pilot killed by the blast.",
        # a subordinate clause closed by the comma
        "When the talks ended in the evening, the ministers held a joint press conference.",
        "The minister said that if the talks fail next week, the sides will meet again in March.",
        # a list goes on, and clauses in a series
        "The ceremony was attended by a number of ministers, ambassadors accredited to the State and officials.",
        "The first ship was sold in 1990, the second was scrapped, and the third sank off the coast.",
        # a participle after the comma
        "The Bank of Japan raised its policy rate on July 31, saying wages and prices were moving in line.",
        # quoted speech punctuates by its own rules
        "“The harvest this year is good, the farmers have fulfilled their plans,” the governor said.",
        # an opening phrase that is no subject, an idiom, a subordinate clause after the comma
        "Apart from his own vast array of published work, Jones will be remembered as a mentor.",
        "The fact is, the Secretary of Defense is an obstacle to the reform.",
        "The abundance of deuterium is a similar fraction of hydrogen, wherever hydrogen is found in nature.",
        "The report found a low risk of disruption from lifting the ban, provided time was given for training.",
        # a list whose last items share the verb, an adjectival participle
        "Careful attention to reflected light, shadows and highlights can result in a realistic image.",
        "The operating system was produced by a third-party supplier, Premier Microsystems located near Croydon.",
        # a coordinated clause whose opening phrase the comma closes
        "Skiers used long skis in the 1980s but by the 2002 Winter Olympics, the majority were using short ones.",
        # a semicolon already
        "The talks lasted more than three hours; the next round will take place in Geneva in March.",
    ],
)
def test_commas_that_join_no_main_clauses_are_left_alone(shipped_lexicon: Lexicon, sentence: str) -> None:
    assert splices(sentence, shipped_lexicon) == []


def test_a_splice_is_a_semicolon_candidate(shipped_lexicon: Lexicon) -> None:
    sentence = "The talks lasted more than three hours, the next round will take place in Geneva in March."
    found = [c for c in generate(sentence, shipped_lexicon, families=["splice"])]
    assert [(c.apply(sentence), c.family) for c in found] == [
        ("The talks lasted more than three hours; the next round will take place in Geneva in March.", "comma:splice")
    ]
