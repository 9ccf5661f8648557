"""A title standing alone as a subject needs "the".

"Deputy Prime Minister held a meeting", "Crown Prince chaired the session",
"…, Agriculture Minister said.": a title before a name goes without an
article ("Prime Minister Narendra Modi said"), but a title used on its own
names an office, a common noun, and English gives it "the". Russian,
Chinese, Vietnamese and Arabic have no article to carry over, so
translations drop it. Rule packs list some titles before some verbs; this
reads any title before any finite verb, with the model's word classes.

Two places, both where nothing else can be meant:

- the start of a sentence (after a dateline): capitalised words ending in a
  title noun ("Russian Foreign Minister", "Head of State"), an optional "of"
  or "for" phrase ("Minister of Agriculture and Rural Development",
  "Governor of the region"), then a lower-case finite verb, after at most
  one adverb ("Prime Minister also stressed");
- an attribution after a comma: "…, Agriculture Minister said."

A name after the title ("Minister Lavrov said"), a possessive ("Prime
Minister's Office") or a verbless line (a heading) leaves it alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from normalize.nouns import _AUXILIARIES, _FUNCTION, _REPORTING, NounTable, _after_dateline

# Nouns that head a title. "King", "Chief", "Sheikh", "Emir" and "Judge" are
# left out: they are also surnames or stand before names as part of them.
TITLE_NOUNS = frozenset(
    """Minister President Premier Prince Princess Ambassador Governor Mayor Chairman Chairwoman
    Chairperson Spokesman Spokeswoman Spokesperson Secretary Secretary-General Speaker Commander
    Director Director-General Envoy Representative Consul Prosecutor Prosecutor-General Rector
    Commissioner Chancellor Vice-President Vice-Premier Ombudsman Akim Hokim Head""".split()
)
# Titles whose noun needs an "of" phrase to be a title at all ("Head of State").
# "King", "Emir", "Chief" and the like are also names ("Martin Luther King"),
# but not before "of" ("Emir of Kuwait accepted").
_ONLY_WITH_OF = frozenset("King Queen Emir Sheikh Sultan Chief Judge".split())
_NEEDS_OF = frozenset({"Head"}) | _ONLY_WITH_OF
# Lower-case titles that close a run of capitalised words ("Foreign Ministry
# spokesperson said") or stand alone in an attribution (", spokesperson said").
_LOWER_TITLES = frozenset("spokesperson spokesman spokeswoman".split())
_MAX_TITLE_WORDS = 4  # capitalised words up to the title noun: "First Deputy Prime Minister"
_MAX_OF_WORDS = 6
# A capitalised word in an "of" phrase is a portfolio ("Health", "Rural")
# when the model saw it this often in lower case, and not mostly as a name.
_MIN_COMMON = 100
_FINITE_AUXILIARIES = _AUXILIARIES | frozenset("are were have does did".split())
_ADVERBS = frozenset("also then later further personally recently again".split())
_ATTRIBUTING = _REPORTING | frozenset("told wrote".split())


def bare_titles(words: list[str], table: NounTable, counts: Mapping[str, int]) -> Iterator[int]:
    """Index of the first word of each bare title used as a subject;
    ``counts``: the model's lower-case word counts (a word it never saw in
    lower case is a name)."""
    start = _after_dateline(words)
    if len(words) >= 6 and words[-1] in (".", "!") and _title_subject(words, start, table, counts, attribution=False):
        yield start
    for k in range(start + 1, len(words) - 3):
        if words[k] == "," and _title_subject(words, k + 1, table, counts, attribution=True):
            yield k + 1


def _title_subject(words: list[str], i: int, table: NounTable, counts: Mapping[str, int], *, attribution: bool) -> bool:
    """Does a bare title open at ``i`` and a finite verb follow it (a
    reporting verb closing the sentence, when ``attribution``)?"""
    end = _title_end(words, i, table, counts)
    if end is None:
        return False
    while end < len(words) and words[end] in _ADVERBS:
        end += 1
    if end >= len(words):
        return False
    verb = words[end]
    if not attribution and verb == "," and end + 1 < len(words) and words[end + 1] == "who":
        return True  # "Minister, who took office in January, said"
    if attribution:
        return verb in _ATTRIBUTING and end + 1 < len(words) and words[end + 1] in (".", "on", "in", "at", "during")
    return verb in _FINITE_AUXILIARIES or verb in table.finite and verb not in table.noun_forms and verb.islower()


def _title_end(words: list[str], i: int, table: NounTable, counts: Mapping[str, int]) -> int | None:
    """The index after a bare title opening at ``i`` (and its "of" phrase), if one does."""
    title = None
    k, end = i, min(i + _MAX_TITLE_WORDS, len(words))
    while k < end and words[k][:1].isupper() and words[k].replace("-", "").isalpha() and words[k].lower() not in _FUNCTION:
        if words[k] in TITLE_NOUNS or words[k] in _ONLY_WITH_OF:
            title = k
        k += 1
    if title is None and k < len(words) and words[k] in _LOWER_TITLES:
        title = k  # "Foreign Ministry spokesperson", or a bare "spokesperson"
    if title is None or words[i].lower() in ("the", "a", "an"):
        return None
    k = title + 1
    if k < len(words) and words[k] in ("of", "for"):
        return _of_end(words, k + 1, table, counts)
    if words[title] in _NEEDS_OF or k >= len(words) or words[k][:1].isupper() or words[k] in ("'s", "’s", "'", "’"):
        return None  # "Minister Lavrov", "Prime Minister's Office"
    return k


def _of_end(words: list[str], k: int, table: NounTable, counts: Mapping[str, int]) -> int | None:
    """The index after the words of an "of" phrase ("Agriculture and Rural
    Development", "the region"): no comma, no verb, at most _MAX_OF_WORDS.
    None when it holds a name: "Minister of Health Khaled Abdel Ghaffar
    inspected" cannot be told from "Minister of Defence of Egypt said"."""
    for j in range(k, min(k + _MAX_OF_WORDS + 1, len(words))):
        word = words[j]
        if word[:1].isupper() and word.isalpha():
            lower = word.lower()
            if lower in table.proper or counts.get(lower, 0) < _MIN_COMMON:
                if words[j - 1] == "of" and j + 1 < len(words) and words[j + 1].islower() and words[j + 1] != "and":
                    return j + 1  # one place right after "of", then the verb: "President of Egypt said"
                return None  # a name or a place: the title may run into a person's name
            continue
        if word in ("the", "and", "of", "for"):
            continue
        if word.islower() and word in table.noun_forms and j > k and words[j - 1] == "the":
            continue  # "Governor of the region"
        return j if j > k else None
    return None
