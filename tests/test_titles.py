"""A title alone as a subject (normalize.titles) with the shipped model's tables."""

from __future__ import annotations

import pytest

from normalize.candidates import Lexicon, generate
from normalize.nouns import tokenize
from normalize.titles import bare_titles


def titles(sentence: str, lex: Lexicon) -> list[str]:
    words = [m.group() for m in tokenize(sentence)]
    return [words[k] for k in bare_titles(words, lex.nouns, lex.counts)]


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        ("Deputy Prime Minister held a meeting with representatives of Japanese companies.", "Deputy"),
        ("Crown Prince chaired the meeting of the Council of Ministers in Jeddah.", "Crown"),
        ("Russian Foreign Minister also stressed the importance of the talks in Geneva.", "Russian"),
        ("Head of State received the chairman of the board of the national fund.", "Head"),
        ("Governor of the region visited the flooded villages on Tuesday.", "Governor"),
        ("Minister of Agriculture and Rural Development will attend the fair in Hanoi.", "Minister"),
        ("MOSCOW, June 3 (TASS) – Defence Minister inspected the units stationed in the region.", "Defence"),
        ("Belarus is ready to increase supplies of dairy products to Azerbaijan, Agriculture Minister said.", "Agriculture"),
        # one place after "of", then the verb
        ("Minister of Education of Tajikistan said that 112 new schools will be opened.", "Minister"),
        ("Minister, who took office in January, said the reform would not raise tariffs.", "Minister"),
        ("The government attaches great importance to safety, Foreign Ministry spokesperson said.", "Foreign"),
        ("The talks were useful, spokesperson said.", "spokesperson"),
        ("Emir of Kuwait accepted the government's resignation.", "Emir"),
    ],
)
def test_bare_titles_are_found(shipped_lexicon: Lexicon, sentence: str, first: str) -> None:
    assert titles(sentence, shipped_lexicon) == [first]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian Foreign Minister Sergei Lavrov said the talks in Geneva were useful.",
        "Minister of Health Khaled Abdel Ghaffar inspected the new hospital in Sohag.",
        "Minister of Foreign Affairs of Japan Yoko Kamikawa will visit Central Asia next month.",
        "Foreign Ministry spokesperson Mao Ning said the talks were useful.",
        "King Abdullah of Jordan received the envoy in Amman.",
        "Martin Luther King said the march would go ahead.",
        "Federal Minister for Planning Ahsan Iqbal said the second phase will focus on industry.",
        "The Deputy Prime Minister held a meeting with representatives of Japanese companies.",
        "Prime Minister's Office said the visit would take place in May.",
        "Head of the delegation",  # a heading: no verb, no full stop
        "The talks will continue next week, Foreign Minister Sergei Lavrov said.",
    ],
)
def test_titles_before_names_or_after_the_are_left_alone(shipped_lexicon: Lexicon, sentence: str) -> None:
    assert titles(sentence, shipped_lexicon) == []


def test_a_bare_title_gets_the(shipped_lexicon: Lexicon) -> None:
    sentence = "Crown Prince chaired the meeting of the Council of Ministers in Jeddah."
    found = generate(sentence, shipped_lexicon, families=["title"])
    assert [c.apply(sentence) for c in found] == ["The Crown Prince chaired the meeting of the Council of Ministers in Jeddah."]
