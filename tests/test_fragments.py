"""Candidate generation never raises on fragments.

The readers behind the candidate families look ahead and behind a word
("Yesterday, Russia and" once ran off the end of the sentence and made
`check` exit with an internal error). Line-wrapped copy, headlines and
truncated captions give them every kind of fragment, so every word prefix,
suffix and one-word deletion of these sentences goes through `generate` with
the shipped model's word tables.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.candidates import Lexicon, generate

SENTENCES = [
    "In 2022, the volume of trade between Turkey and Russia grew by a third.",
    "Fifty years ago, China and Malaysia establish diplomatic relations.",
    "Yesterday, the minister says that the talks will be continued in Geneva.",
    "The exhibition will open on Friday and lasted until October 31.",
    "The terminal can be handled 40 million passengers a year.",
    "The delegation has been arrived to Moscow on Monday.",
    "If the rain will continue, the roads will be closed.",
    "He is in Muscat since Sunday and is waiting for the answer for three months already.",
    "The Russian and Chinese navies is holding a joint exercise.",
    "A series of measure was adopted, and 500 expert and scholars took part.",
    "The harvest reached 3.5 million tonne, the ministry said.",
    "As soon as decisions adopted in Astana will have progress is, the chances will increase.",
    "“We agreed on all what we discussed”, – said the Minister Defence.",
    "The elections are scheduled to hold in the spring.",
    "At the meeting were discussed the issues of regional security.",
    "Never before the country had such a harvest, he noted in his turn.",
    "The parties exchanged views on the territory of the republic against the background of tension.",
    "Mr. Lavrov met with the U.N. Special Envoy on Syria in Hague.",
    "The number of the tourists visiting the region has increased by 12,5 percent.",
    "It is planned to build until 2030 three new plants, which will be allowed to create jobs.",
]


def _fragments(sentence: str) -> list[str]:
    words = sentence.split()
    prefixes = [" ".join(words[:k]) for k in range(1, len(words) + 1)]
    suffixes = [" ".join(words[k:]) for k in range(1, len(words))]
    drops = [" ".join(words[:k] + words[k + 1 :]) for k in range(len(words))]
    return prefixes + suffixes + drops


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_fragment_of_a_sentence_gives_candidates_without_error(sentence: str, shipped_lexicon: Lexicon) -> None:
    for fragment in _fragments(sentence):
        for cand in generate(fragment, shipped_lexicon):
            assert 0 <= cand.start <= cand.end <= len(fragment), fragment


# Words the readers key on: openers, times, auxiliaries, conjunctions, nouns
# that need an article, names, numbers and punctuation.
TRIGGERS = (
    "Yesterday , In 2022 Fifty years ago Since Sunday last year already for three months "
    "and or but if when as soon will would can be been being is are was were has have had "
    "not the a an of to in on at by with from between Russia China Turkey minister delegation "
    "talks measures series dozens expert scholars million tonne 3.5 12,5 500 said says noted "
    "open opened lasted handled held hold established establish waiting growing it there which that “ ” – ."
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRIGGERS), min_size=1, max_size=14))
def test_random_runs_of_trigger_words_give_candidates_without_error(shipped_lexicon: Lexicon, words: list[str]) -> None:
    fragment = " ".join(words)
    for cand in generate(fragment, shipped_lexicon):
        assert 0 <= cand.start <= cand.end <= len(fragment)

