"""An object placed after an adverbial phrase: "lost in the Kursk direction
over the past day more than 200 servicemen", "plans to build in the new
capital 20 hospitals", "have invested in Cambodia more than 10 billion
dollars".

Russian, Ukrainian and Kazakh order words by what is new, not by their
role, and put the object last; English keeps a verb and its object together
and lets the adverbials follow. The check reads a verb, one or two
prepositional phrases of plain words (at most five each), and right after
the last one's noun a second noun phrase opened by a count or a determiner
("more than 200 servicemen", "the draft law") that ends the sentence or meets
a comma or a preposition. Two noun phrases side by side after a preposition
are no English phrase, unless the second is a clause's subject ("said on
Monday the talks would resume", left alone: reporting verbs and a noun
phrase followed by a verb are skipped) or a date runs on ("in March 2024").
The suggestion moves the object before the adverbials.
"""

from __future__ import annotations

from normalize.nouns import _DETERMINERS, _FUNCTION, _REPORTING, MONTHS, NounTable
from normalize.predicates import _MODALS, VerbForms

# "with" is left out: "discussed with the ambassador the preparations for the visit" is good English.
_PREPOSITIONS = frozenset("in on at to for during over from within near inside across along".split())
_STOP_WORDS = frozenset("outside beyond toward towards despite amid via with without between among".split())
_IDIOM_HEADS = frozenset("time moment end beginning least most once same point".split())
_OBJECT_DETERMINERS = frozenset("the a an its their his her our this these those".split())
_COUNT_OPENERS = frozenset("more over about nearly almost around some up".split())
_ENDS = frozenset(", . ; :".split()) | _PREPOSITIONS | frozenset("by until since before after".split())
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve dozens hundreds thousands several".split())
_MAX_PHRASE = 5
_MAX_OBJECT = 8
_NOT_OBJECTS = frozenset(
    """time times year years day days week weeks month months hours hour minutes seconds degrees
    percent kilometres kilometers km metres meters""".split()
)
_DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def late_objects(words: list[str], table: NounTable, verbs: VerbForms) -> list[tuple[int, int, int]]:
    """(first word of the adverbials, first word of the object, end of the
    object) for each object placed after its verb's adverbial phrases."""
    found = []
    for v in range(1, len(words) - 4):
        if not _verb(words, v, table, verbs) or words[v + 1] not in _PREPOSITIONS:
            continue
        k = _phrase_end(words, v + 1, table, verbs)
        if k is not None and k < len(words) and words[k] in _PREPOSITIONS and words[k] != words[v + 1]:
            k = _phrase_end(words, k, table, verbs) or k  # a second phrase: "in the Kursk direction over the past day"
        if k is None or k >= len(words) - 1:
            continue
        end = _object_end(words, k, table, verbs)
        if end is not None:
            found.append((v + 1, k, end))
    return found


def _verb(words: list[str], v: int, table: NounTable, verbs: VerbForms) -> bool:
    """A verb that takes an object: a past or present form that is no noun,
    or a base form after "to" or a modal; no reporting verb."""
    word = words[v]
    if not word.islower() or word in _REPORTING or word in _MODALS:
        return False
    before = words[v - 1].lower()
    if word in verbs.base and (before == "to" or before in _MODALS):
        return True
    return (word in verbs.past or word in verbs.third) and word not in table.noun_forms and before not in _DETERMINERS


def _phrase_end(words: list[str], p: int, table: NounTable, verbs: VerbForms) -> int | None:
    """The index after a prepositional phrase at ``p`` of plain words ending in a noun or a name."""
    last_noun = None
    nxt = words[p + 1] if p + 1 < len(words) else ""
    if words[p] == "to" and (nxt in verbs.base or nxt in ("minus", "plus") or nxt.endswith("ly")):
        return None  # an infinitive ("agreed to set up", "to adequately model"), "dropped to minus 18 degrees"
    for j in range(p + 1, min(p + 1 + _MAX_PHRASE, len(words))):
        word = words[j]
        lower = word.lower()
        if lower in ("that", "which", "what", "whose") or lower.endswith("ing") or lower in verbs.past or lower in _STOP_WORDS:
            break  # a clause, a participle or another preposition inside the phrase
        if word[:1].isupper() and word.isalpha() or lower in table.noun_forms:
            last_noun = j
            continue
        if last_noun is not None and (lower in _OBJECT_DETERMINERS or lower in _COUNT_OPENERS or lower in _COUNT_WORDS or word[:1].isdigit()):
            break  # a second noun phrase starts: "to the region the first batch"
        if lower in _DETERMINERS or lower == "of" or word.islower() and word.isalpha() and lower not in _FUNCTION:
            continue  # a determiner, "of", a modifier
        break
    if last_noun is None or words[last_noun].lower() in _IDIOM_HEADS:
        return None  # "at the time", "for a time": an idiom, not a place for the object
    return last_noun + 1


def _object_end(words: list[str], k: int, table: NounTable, verbs: VerbForms) -> int | None:
    """The end of an object noun phrase opening at ``k`` with a count or a
    determiner, if it ends the clause and no verb follows it."""
    first, before = words[k].lower(), words[k - 1]
    if before in MONTHS or before in _DAYS or words[k - 1].isdigit():
        return None  # "in March 2024", "on Monday the…"
    if words[k][:1].isdigit() and (before[:1].isupper() or before.lower() in table.singular):
        return None  # "amounted to SAR 217,430 million", "in chapter 21", "in the year 138": a label
    if before.lower() in ("terms", "detail", "principle", "particular", "general", "full", "person", "turn", "return"):
        return None  # "condemned in the strongest terms the storming": an idiom between verb and object
    if first in _COUNT_OPENERS:
        if not (k + 2 < len(words) and (words[k + 1] == "than" and words[k + 2][:1].isdigit() or words[k + 1][:1].isdigit())):
            return None
    elif not (first in _OBJECT_DETERMINERS or words[k][:1].isdigit() or first in _COUNT_WORDS):
        return None
    head = None
    for j in range(k + 1, min(k + 1 + _MAX_OBJECT, len(words))):
        word = words[j]
        if word in _ENDS and head is not None:
            if word == "." and j != len(words) - 1:
                return None  # an abbreviation inside the phrase ("U.S. dollars")
            break
        if word in _MODALS or word in verbs.past or word in verbs.third and word not in table.noun_forms:
            return None  # a clause's subject: "said on Monday the talks would resume"
        if word.lower() in table.noun_forms or word[:1].isupper():
            head = j
    else:
        return None
    if head is None or words[head].lower() in _NOT_OBJECTS:
        return None
    return head + 1
