"""Names that take "the" (normalize.names): counting, the table file, detection."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.names import MIN_COUNT, NameTable, bare_names, count_names
from normalize.nouns import NounTable, tokenize

NOUNS = NounTable.from_morph(
    [
        "NOUN\tNN=official NNS=officials",
        "NOUN\tNN=rocket NNS=rockets",
        "NOUN\tNN=delegation NNS=delegations",
        "NOUN\tNN=ally NNS=allies",
        "VERB\tVB=visit VBD=visited VBG=visiting VBP=visit VBZ=visits",
        "VERB\tVB=create VBD=created VBG=creating VBP=create VBZ=creates",
        "VERB\tVB=say VBD=said VBG=saying VBP=say VBZ=says",
    ],
    proper=frozenset({"iraqi"}),
)
TABLE = NameTable(
    {
        "United States": (90, 10),
        "Supreme Court of": (40, 2),
        "Ministry of": (90, 5),
        "Ministry": (90, 5),
        "Coast Guard": (60, 10),
        "Congress": (25, 75),  # mostly bare: no article needed
        "Kremlin": (20, 1),  # too few uses to judge
        "Iraqis": (80, 10),
        "Island": (90, 8),
        "Navy": (85, 15),
        "Russian": (40, 60),  # a people: "the Russian side"
        "Taiwan": (3, 97),  # a place that ends like a demonym
        "Allies": (300, 20),  # the Second World War's in the training text
        "Amazon": (190, 31),  # the river in the training text; a company in the news
    }
)


def flagged(sentence: str) -> list[str]:
    words = [m.group() for m in tokenize(sentence)]
    return [words[k] for k, _share in bare_names(words, TABLE, NOUNS)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The missiles were delivered from United States last year.", ["United"]),
        ("The delegation visited Supreme Court of Uzbekistan and met judges.", ["Supreme"]),
        ("Officials of Japanese Coast Guard said so.", ["Japanese"]),  # judged as "Coast Guard"
        ("United States said it would respond.", ["United"]),  # a two-word name opening the sentence
        ("Ministry of Health announced new rules for clinics on Monday.", ["Ministry"]),  # "X of Y" opening
        # a genitive name before an adjective: the adjective is not a noun it modifies
        ("He praised Supreme Court of Uzbekistan's effective work.", ["Supreme"]),
        # an adverb after the name is no noun it modifies
        ("Sanctions were imposed by United States alone.", ["United"]),
        # judged by the rest of the name after a demonym
        ("Sailors of Russian Navy arrived in the port on Monday.", ["Russian"]),
    ],
)
def test_a_name_that_takes_the_is_flagged_when_bare(sentence: str, expected: list[str]) -> None:
    assert flagged(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The missiles were delivered from the United States last year.",
        "The missiles were delivered from the mainland United States.",  # "the" before a modifier
        "It went to the newly created United States.",  # ... and before a participle
        "Congress passed the bill.",
        "He said Congress would vote.",  # mostly bare in the training text
        "The report reached Kremlin officials.",  # too few uses; and a modifier
        "Coast Guard officials said so.",  # a modifier of "officials"
        "It was crucial to Coast Guard navigation.",  # ... and of a mass noun the table lacks
        "It was sold to the rocket United States.",  # an appositive after a common noun
        "Trade between United States and Canada grew.",  # a list sharing one article
        "America's and United States' interests.",
        "Japan's Coast Guard said so.",  # a genitive takes the article's place
        "He met two Coast Guard members.",
        "Many ordinary Iraqis said so.",  # a people
        "He praised its Supreme Court of Appeal.",
        "Ministry of Health",  # a heading, not a sentence
        "Ministry officials announced new rules for clinics on Monday.",  # a modifier
        "Ministry announced new rules for clinics on Monday afternoon.",  # one word: capitalised anyway
        "We condemn the cyber activities directed against Allies in recent months.",  # a capitalised common plural
        "The ship sailed near Taiwan Island on Monday.",  # a place before "Island", not a demonym
        "Source: United States; Supreme Court of Uzbekistan.",  # a list after a label
        "The navy held drills around Hainan Island on Monday.",  # ... and "Island" is bare after a name
    ],
)
def test_names_with_an_article_or_a_modifier_role_are_left_alone(sentence: str) -> None:
    assert flagged(sentence) == []


def test_counting_and_the_table_file_round_trip(tmp_path: Path) -> None:
    sentences = ["He flew to the United States on Monday."] * MIN_COUNT + [
        "He flew to United States on Monday.",
        "Congress met on Monday.",  # sentence-initial: neither with nor without
        "The law passed Congress easily.",
    ]
    counts = count_names(sentences)
    assert counts["United States", True] == MIN_COUNT
    assert counts["United States", False] == 1
    assert counts["Congress", False] == 1 and counts["Congress", True] == 0
    NameTable.write(counts, tmp_path)
    table = NameTable.load(tmp_path)
    assert table is not None
    assert table.counts["United States"] == (MIN_COUNT, 1)
    assert "Congress" not in table.counts  # too rare to keep
    assert NameTable.load(tmp_path / "missing") is None


def test_a_place_that_is_also_a_company_is_only_suggested() -> None:
    from normalize.api import Options, check_text

    place = "Deforestation in Amazon fell by 22 percent last year.\n"
    found = [f for f in check_text(place, Options(strategy="rules+model")) if f.suggestions == ("the ",)]
    assert found and all(f.applicability.value == "unsafe" for f in found)
    assert "as a company never" in found[0].message
    company = "The contract with Amazon was signed on Friday.\n"
    found = [f for f in check_text(company, Options(strategy="rules+model")) if f.suggestions == ("the ",)]
    assert all(f.applicability.value == "unsafe" for f in found)  # never applied


def test_the_name_family_proposes_the_article() -> None:
    from normalize.candidates import Lexicon, generate

    lex = Lexicon({}, {}, nouns=NOUNS, names=TABLE)
    sentence = "The missiles were delivered from United States last year."
    (cand,) = generate(sentence, lex, families=["name"])
    assert cand.family == "article:name"
    assert cand.apply(sentence) == "The missiles were delivered from the United States last year."
    sentence = "United States said it would respond."
    (cand,) = generate(sentence, lex, families=["name"])
    assert cand.apply(sentence) == "The United States said it would respond."


WORDS = st.sampled_from(
    "the a United States Supreme Court of Coast Guard Japanese Congress and said from to , . ( ) ; "
    "'s ’ s officials two Iraqis".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=20))
def test_arbitrary_words_never_crash(words: list[str]) -> None:
    for k, share in bare_names(words, TABLE, NOUNS):
        assert 0 <= k < len(words) and 0.8 <= share <= 1.0
    count_names([" ".join(words)])
