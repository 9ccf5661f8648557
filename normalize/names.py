"""Which capitalised names take "the", learned from the training corpus.

Translated copy drops the article before names that English always gives
one: "delivered from United States", "visited Supreme Court of Uzbekistan",
"statement by Turkish Armed Forces". The noun table (:mod:`normalize.nouns`)
leaves capitalised words alone, and rules can only list the names their
authors thought of. This table counts, for every run of capitalised words in
the training text (with "of" when the name goes on after it: "Ministry of",
"Supreme Court of"), how often "the" stands before it and how often nothing
does. A name that takes "the" in at least MIN_SHARE of at least MIN_COUNT
uses needs it ("United States" 93%, "Armed Forces" 93%, "Pentagon" 93%);
"Congress" (24%), "Parliament" (32%) and "Hamas" (10%) do not.

Counting (training time) and detection (run time) share the tokenizer and
the rules below for what counts as a bare use, so both see the same runs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from normalize.nouns import _DETERMINERS, _FUNCTION, NounTable, tokenize
from normalize.the_counts import TheCounts

NAMES_FILE = "names.tsv"
NAMES_VERSION = 1  # of the counting rules: a new version recounts on `normalize train`
MIN_COUNT = 30  # uses with "the" or with nothing before the name
MIN_SHARE = 0.8  # of them with "the"
MAX_WORDS = 4  # longer capitalised runs are titles, headlines or lists
# Sentence-initial words that are not part of a name run.
_OPENERS = frozenset({"The", "A", "An", "I"})
# Determiners that replace "the" ("its Armed Forces") and words that share
# one article across a list ("the Netherlands and Belgium").
_OTHER_BEFORE = frozenset(
    """the a an this that these those its his her their our my your whose which what each
    every any some no another and or nor""".split()
)
_POSSESSIVE = ("'s", "\u2019s")
# "two Amazon", "one Supreme Court": a number takes the article's place.
_NUMBERS = frozenset("one two three four five six seven eight nine ten several many".split())
# Names the training text (Wikipedia) mostly gives "the" as places, that
# news copy also uses bare as companies ("a contract with Amazon"): their
# "the" is only suggested (candidates.definite_names).
ALSO_A_COMPANY = frozenset({"Amazon"})
# A capitalised adjective of nationality before a name that takes "the"
# ("Japanese Coast Guard" is judged as "Coast Guard").
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ese|ian|ean|ish|an|i|ic)")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha() and word not in _OPENERS


def _runs(words: list[str]) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, key, next word) of each run of capitalised words; the key
    ends in " of" when the name goes on after "of" ("Ministry of"), and the
    next word is then the one after the whole name."""
    n, i = len(words), 0
    while i < n:
        if not _capitalised(words[i]):
            i += 1
            continue
        j = i
        while j + 1 < n and _capitalised(words[j + 1]):
            j += 1
        key, after = " ".join(words[i : j + 1]), j + 1
        if after + 1 < n and words[after] == "of" and _capitalised(words[after + 1]):
            key += " of"
            after += 1
            while after < n and _capitalised(words[after]):
                after += 1
        if j - i < MAX_WORDS:
            yield i, j + 1, key, words[after] if after < n else ""
        i = j + 1


def _bare_before(words: list[str], i: int) -> bool:
    """Does nothing take the place of "the" before ``words[i]``?"""
    if i == 0:
        return False
    prev = words[i - 1]
    if prev in (";", ":") and ":" in words[1:3]:
        return False  # a list after a label: "Source: Ministry of National Economy; Bureau of Statistics."
    if prev in (";", "(", ":"):
        return True
    if prev == "s" and i > 1 and words[i - 2] in ("'", "\u2019"):
        return False  # a tokenised genitive: "Bangladesh 's Supreme Court"
    return (
        prev[:1].islower()
        and prev.lower() not in _OTHER_BEFORE
        and prev.lower() not in _NUMBERS
        and not prev.endswith(_POSSESSIVE)
    )


def _ends_name(word: str) -> bool:
    """Is ``word`` after the name no part of it (and no possessive)?"""
    return bool(word) and not word[:1].isupper() and word not in _POSSESSIVE and word not in ("'", "\u2019", "&")


def count_names(sentences: Iterable[str]) -> Counter[tuple[str, bool]]:
    """(name, with "the"?) -> uses, over ``sentences``."""
    counts: Counter[tuple[str, bool]] = Counter()
    for sentence in sentences:
        words = [m.group() for m in tokenize(sentence)]
        for start, _end, key, after in _runs(words):
            if not _ends_name(after) or start == 0:
                continue
            if words[start - 1] in ("the", "The"):
                counts[key, True] += 1
            elif _bare_before(words, start):
                counts[key, False] += 1
    return counts


class NameTable(TheCounts):
    """Names and how often the training text gives them "the"."""

    FILE = NAMES_FILE

    def takes_the(self, run: list[str], key: str) -> float | None:
        """The share of "the" for the name (or, after a demonym, for the rest of it)."""
        share = self.share(key, MIN_COUNT)
        if share is None and len(run) > 1 and self._demonym(run):
            share = self.share(key.split(" ", 1)[1], MIN_COUNT)
        return share if share is not None and share >= MIN_SHARE else None

    def _demonym(self, run: list[str]) -> bool:
        """Does the name open with a people's adjective ("Russian Navy"), not
        with a place that ends like one ("Taiwan Island", "Hainan Island")?"""
        if not _DEMONYM.fullmatch(run[0]) or run[-1] in _BARE_AFTER_A_PLACE:
            return False
        if not run[0].endswith("an"):
            return True  # "Taiwanese", "Russian", "Israeli": no place ends so
        own = self.share(run[0], MIN_COUNT)
        return own is None or own >= MIN_DEMONYM_SHARE


# A place's generic word after its name, bare in English: "Hainan Island",
# "Qinghai Lake", "Jiangxi Province".
_BARE_AFTER_A_PLACE = frozenset("Island Lake Province County City Bay Prefecture".split())
# Demonyms take "the" in a third or more of their uses ("the Russian side");
# places ending like one hardly ever ("Taiwan" 3%, "Iran" 7%).
MIN_DEMONYM_SHARE = 0.15


def _article_further_back(words: list[str], start: int, nouns: NounTable) -> bool:
    """Does "the" open the phrase a few words before the name ("the newly
    created United Nations"), rather than a clause ("The delegation visited")?"""
    for k in range(start - 1, max(-1, start - 4), -1):
        word = words[k].lower()
        if word == "the":
            return True
        if not words[k].islower() or word in _FUNCTION:
            return False
        if word in nouns.verbs and k > 0 and (words[k - 1].lower() in nouns.noun_forms or words[k - 1][:1].isupper()):
            return False  # a subject and its verb: "The delegation visited"
    return False


def _full_sentence(words: list[str]) -> bool:
    """Not a heading or a title ("History of Ukraine :")."""
    return len(words) >= 8 and words[-1] in (".", "!")


def _people(word: str, nouns: NounTable) -> bool:
    """A plural whose singular is a capitalised word: "Iraqis", "Mongols",
    "Habsburgs" (also "Philippines": country names have their own rules)."""
    return word.endswith("s") and word[:-1].lower() in nouns.proper


def _common_plural(word: str, nouns: NounTable) -> bool:
    """A plural whose lower-case form is a common noun ("Allies", "Ministers")."""
    lower = word.lower()
    return lower.endswith("s") and nouns.plural(lower)


def _common_noun(word: str, nouns: NounTable) -> bool:
    return word in nouns.noun_forms and word not in nouns.verbs and word not in _FUNCTION


def _last_word(words: list[str], end: int, key: str) -> str:
    """The name's last word, past "of Y" when the key goes on ("Ministry of")."""
    if key.endswith(" of"):
        end += 1
        while end < len(words) and _capitalised(words[end]):
            end += 1
    return words[end - 1]


# Lower-case words after a name that are no noun it could modify.
# The noun table lists only nouns and verbs, so prepositions and adverbs it
# lacks are named here ("by European Union alone", "to United States soon").
_NOT_MODIFIED = frozenset(
    """yesterday today tomorrow tonight last next earlier later recently now again too also amid amidst
    despite toward towards across along alongside around throughout beyond below above beneath behind
    beside besides off onto unlike whilst whereby wherein lest alone itself themselves therefore thus
    hence meanwhile moreover nevertheless nonetheless furthermore otherwise likewise abroad overseas
    overnight ahead apart aside soon late once twice almost together instead rather quite nearby""".split()
)


def _mass_noun(word: str, nouns: NounTable) -> bool:
    """A lower-case word the noun table lacks (it lists countable nouns) that
    is no verb, adverb or function word: most likely a mass noun the name
    modifies ("Atlantic navigation", "House music")."""
    return (
        word.isalpha()
        and word.islower()
        and word not in nouns.noun_forms
        and word not in nouns.verbs
        and word not in _FUNCTION
        and word not in _NOT_MODIFIED
        and not word.endswith(("ly", "ed", "ing"))  # an adverb, or a verb the table may lack
    )


def _shares_article(words: list[str], key: str, end: int) -> bool:
    """Is the name one of a list that shares its article ("and Belgium")?"""
    after = end + key.endswith(" of")
    while after < len(words) and _capitalised(words[after]):
        after += 1  # past "of Uzbekistan"
    following = words[after + 1] if after + 1 < len(words) else ""
    return following[:1].isupper() or following.lower() in _DETERMINERS


def bare_names(words: list[str], table: NameTable, nouns: NounTable) -> list[tuple[int, float]]:
    """(index of the first word, share of "the" in the training text) of each
    name that takes "the" but has none here."""
    found = []
    for start, end, key, after in _runs(words):
        if not _ends_name(after):
            continue
        if after in ("and", "or") and _shares_article(words, key, end):
            continue  # "the Netherlands and Belgium", "Belt and Road"
        possessive = _last_word(words, end, key).endswith(_POSSESSIVE)  # "Republic of Korea's effective support"
        if (_common_noun(after.lower(), nouns) and after.lower() not in _DETERMINERS) or (
            not possessive and _mass_noun(after, nouns)
        ):
            continue  # a modifier: "Coast Guard officials", "Ministry of Commerce spokesperson", "Atlantic navigation"
        if start == 0:
            if end - start == 1 and not (key.endswith(" of") and _full_sentence(words)):
                continue  # a sentence's first word is capitalised anyway ("Ministry of" is a name)
        elif not _bare_before(words, start) or words[start - 1] == "(":
            continue
        elif _article_further_back(words, start, nouns):
            continue  # "the northern Gaza Strip": "the" is there, before an adjective
        elif _common_noun(words[start - 1].lower(), nouns):
            continue  # an appositive name: "the rocket Dragon", "the ship Titanic"
        if end - start == 1 and _common_plural(words[start], nouns):
            continue  # a capitalised common noun: NATO's "against Allies", "Ministers agreed"
        if _people(words[end - 1], nouns):
            continue  # a people, bare when general: "ordinary Iraqis", "Chagatai Mongols came"
        share = table.takes_the(words[start:end], key)
        if share is not None:
            found.append((start, share))
    return found
