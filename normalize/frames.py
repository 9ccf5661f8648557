"""Nouns that take "the" before "of", learned from the training corpus.

Russian and Chinese have no articles, and "the N of" frames lose theirs in
translation: "envisages construction of a bridge", "with participation of
7,000 troops", "agreed on development of cooperation". Many of these nouns
are often bare elsewhere ("development is slow"), so the noun table
(:mod:`normalize.nouns`) does not flag them; before "of", English gives
them "the" almost always. This table counts, for every singular noun
followed by "of", how often "the" stands before it and how often a
preposition or a verb does with nothing between ("on development of").
A noun with at least MIN_COUNT such uses, MIN_SHARE of them with "the"
("beginning" 99.9%, "importance" 99%, "development" 95%), needs it there;
fixed phrases that are bare ("in front of", "on top of", "as part of",
"in support of") fall below the share by themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from normalize.nouns import _DETERMINERS, _FUNCTION, _INNER, _OBJECT_PREPOSITIONS, NounTable, tokenize
from normalize.predicates import BARE_INFINITIVE_BEFORE
from normalize.the_counts import TheCounts

FRAMES_FILE = "of_frames.tsv"
FRAMES_VERSION = 1  # of the counting rules: a new version recounts on `normalize train`
MIN_COUNT = 50
MIN_SHARE = 0.95
_PRONOUNS = frozenset("he she it they we i who which that".split())
# Words before a bare "N of" that leave no room for a determiner.
_PREPOSITIONS = _OBJECT_PREPOSITIONS - {"of"}


def _bare_slot(words: list[str], i: int, nouns: NounTable) -> bool:
    """Is ``words[i]`` right after a preposition or a past/present verb
    ("on", "envisaged", "envisages"), with no determiner between?"""
    prev = words[i - 1]
    lower = prev.lower()
    if lower in _PREPOSITIONS:
        return True
    if prev not in nouns.finite or not prev.endswith(("ed", "es")) or i < 2:
        return False
    # A verb after its subject ("NATO envisaged construction of"), not a
    # participle used as an adjective ("the stated purpose of", "internationally
    # accepted length of", "the author's desired balance of").
    subject = words[i - 2]
    if subject.lower() in _PRONOUNS:
        return True
    if subject.lower() in _FUNCTION or subject.lower() in _DETERMINERS or subject.lower() in _INNER:
        return False  # "The updated list of", "the first scheduled exercise of"
    return subject in nouns.noun_forms or subject[:1].isupper() and subject[1:].islower()


def _bare_elsewhere(words: list[str], i: int) -> bool:
    """Does the noun at ``words[i]`` appear earlier in the sentence without a
    determiner? The writer is using it as a bare mass term."""
    noun = words[i].lower()
    return any(
        words[k].lower() == noun and words[k - 1].lower() not in _DETERMINERS and words[k + 1] != "of"
        for k in range(1, i - 1)
    )  # not an opening "Security of the region depends on security of": that one is bare too


def count_frames(sentences: Iterable[str], nouns: NounTable) -> Counter[tuple[str, bool]]:
    """(noun, with "the"?) -> uses before "of", over ``sentences``."""
    counts: Counter[tuple[str, bool]] = Counter()
    for sentence in sentences:
        words = [m.group() for m in tokenize(sentence)]
        for i in range(1, len(words) - 2):
            if words[i + 1] != "of" or words[i] not in nouns.singular:
                continue
            if words[i - 1] == "the":
                counts[words[i], True] += 1
            elif _bare_slot(words, i, nouns):
                counts[words[i], False] += 1
    return counts


class FrameTable(TheCounts):
    """Nouns and how often the training text gives them "the" before "of"."""

    FILE = FRAMES_FILE

    def takes_the(self, noun: str) -> bool:
        share = self.share(noun, MIN_COUNT)
        return share is not None and share >= MIN_SHARE


def bare_frames(words: list[str], table: FrameTable, nouns: NounTable) -> list[int]:
    """Indices of nouns before "of" that need "the" and have nothing there
    ("envisages construction of" -> "envisages the construction of")."""
    found = []
    for i in range(1, len(words) - 2):
        if words[i + 1] != "of" or not table.takes_the(words[i]):
            continue
        if i >= 2 and words[i - 2].lower() == words[i]:
            continue  # "step by step of"
        if words[i] == "last" and words[i - 1].lower() == "at":
            continue  # "Free at last of…": the idiom
        if _bare_elsewhere(words, i):
            continue  # "all property and interests in property of those": a mass term, bare throughout
        if _bare_slot(words, i, nouns) or _after_base_verb(words, i, nouns):
            found.append(i)
    return found


# Verbs whose bare "N of" is a role or an idiom: "to become leader of", "take
# advantage of", "lose sight of", "gain control of".
_IDIOM_VERBS = frozenset("become remain elect appoint name serve act stay make take lose gain keep regain".split())


def _after_base_verb(words: list[str], i: int, nouns: NounTable) -> bool:
    """Is ``words[i]`` the object of a verb after "to" or a modal ("to boost
    development of", "will speed up construction of")? Detection only: the
    table was counted after prepositions and past or present verbs, and its
    share of "the" holds after any verb that takes an object."""
    k = i - 1
    if k >= 1 and words[k].lower() in ("up", "out") and words[k - 1].islower():
        k -= 1  # a particle: "speed up construction of"
    if k < 1 or not words[k].islower() or words[k] not in nouns.finite or words[k] in _IDIOM_VERBS:
        return False
    return words[k - 1].lower() in BARE_INFINITIVE_BEFORE
