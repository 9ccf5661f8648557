"""Comma splices: two main clauses joined by a comma alone.

Russian, Chinese, Arabic and Persian punctuation join main clauses with a
comma where English needs a full stop, a semicolon or "and": "The vessel was
sailing under the flag of Panama, its crew consisted of 14 sailors", "Heavy
rains caused flooding in Casablanca, no casualties were reported". Rule
packs catch a few fixed shapes of it; this reads the shape itself, with the
model's word classes in place of word lists.

The check is narrow on purpose, because a comma before a noun phrase is
mostly right (an apposition, a list, an attribution):

- the sentence holds no quotation (quoted speech punctuates by its own rules);
- the first clause opens with its subject, after at most an opening phrase
  with no verb ("As a result of the accident, …"), and holds a finite verb
  and no subordinating word that its comma could close ("When the talks
  ended, …"), no semicolon, colon, dash or bracket;
- after its comma (and a connective such as "however") a new subject
  follows: a personal pronoun, "there", a determiner and a few words, a
  count ("about 400 trucks"), a bare plural, or a name; then, after at most
  an adverb, a finite verb that is no attribution ("…, the ministry said")
  and no participle of an absolute phrase ("…, its pilot killed by the
  blast", "…, the first completed in 1956");
- no later comma opens "and", "or", "but" or "while" (clauses in a series).

The edit is a semicolon, suggested only: editors also write ", and" or a
full stop, and the choice is theirs.
"""

from __future__ import annotations

from normalize.nouns import (
    _AUXILIARIES,
    _DETERMINERS,
    _FUNCTION,
    _INTRODUCERS,
    _REPORTING,
    NounTable,
    _after_dateline,
    name_run_end,
)
from normalize.predicates import VerbForms

_QUOTES = frozenset('" “ ” « » „'.split())
# Words whose clause a comma may close: the comma then ends a subordinate
# clause or an opening phrase, not a main clause.
_SUBORDINATING = frozenset(
    """if when whenever while whilst although though because as since after before once unless
    until whereas whether where wherever lest whatever whoever whichever however matter provided
    given assuming supposing""".split()
)
# Prepositions and adverbs that open an adverbial, not a subject ("Apart from
# his work, Jones will be remembered", "Along with the question…, there is").
_PHRASE_OPENERS = frozenset(
    """along apart aside together contrary prior thanks due owing regardless irrespective unlike like
    beyond throughout toward across around behind alongside amid amongst near outside inside
    next close""".split()
)
# Participles that are adjectives: "…, Premier Microsystems located near Croydon".
_ADJECTIVE_PARTICIPLES = frozenset("located based situated headquartered named called known born".split())
_MIN_FIRST_WORDS = 4  # "The fact is, the …": an idiom, not a clause
# Sentence adverbs that open no subject ("Therefore, compared to humans, they have").
_ADVERB_OPENERS = frozenset(
    """therefore however thus hence meanwhile moreover furthermore nevertheless nonetheless
    instead otherwise still yet also besides then now today yesterday tomorrow earlier later
    finally first second third last""".split()
)
# Connectives that may follow the splicing comma: "…, however, no agreement was reached".
_CONNECTIVES = frozenset(
    "however therefore meanwhile moreover nevertheless nonetheless thus hence besides furthermore consequently".split()
)
# Punctuation that ends a first clause before the comma: the comma then belongs to a later clause.
_CLAUSE_MARKS = frozenset("; : — – ( ) [ ]".split())
# Finite forms that are no lexical verb's past or present: auxiliaries and
# modals, with the forms of "be" and "have" that _AUXILIARIES leaves out.
_FINITE_AUXILIARIES = _AUXILIARIES | frozenset("are were have shall does did do".split())
_BE = frozenset("is are was were".split())
_PRONOUNS = frozenset("it he she they we".split())
_QUANTIFIERS = frozenset("several many both all most few".split())
# Determiners that open the second clause's subject ("its crew", "no
# casualties"); "that", "which", "what" open relatives and questions instead.
_SUBJECT_DETERMINERS = frozenset("the a an this these those its their his her our another each no all some".split())
# Function words that may stand inside a subject before its noun ("the next round").
_INNER = frozenset("next last first second third other same new own most more only main such".split())
# Subject heads of an absolute phrase: "…, the first completed in 1956".
_ABSOLUTE_HEADS = frozenset("first second third last latter former rest remainder other others remaining".split())
# Words before a number that open a counted subject: "about 400 trucks are waiting".
_COUNT_OPENERS = frozenset("about around nearly almost over some up".split())
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands".split())
# Verbs that close a sentence as its source: "…, the ministry said", "…,
# official data showed", "…, a survey found".
_ATTRIBUTING = _REPORTING | frozenset(
    """told tells wrote writes quoted cites cited according showed shows found finds suggested suggests
    projected forecast predicted""".split()
)
# After an ambiguous -ed form these make it a participle: "its pilot killed
# by the blast", "its hull badly damaged".
_PARTICIPLE_NEXT = frozenset("by , . ; :".split())
_PHRASE_PREPOSITIONS = frozenset("of with in on at for from to".split())
_RELATIVES = frozenset("which whom whose that what who".split())
_SUBJECT_ADVERBS = frozenset("also then later further still already now again currently reportedly".split())
_MAX_SUBJECT_WORDS = 3
_MAX_PHRASE_WORDS = 4


def comma_splices(words: list[str], table: NounTable, verbs: VerbForms) -> list[int]:
    """Index of the comma that splices two main clauses, if any (one a sentence)."""
    if _QUOTES.intersection(words) or len(words) < 8:
        return []
    start = _clause_start(words, _after_dateline(words), table, verbs)
    if start is None:
        return []
    comma = next((k for k in range(start + 2, len(words)) if words[k] == ","), None)
    if comma is None or comma + 3 >= len(words):
        return []
    if comma - start < _MIN_FIRST_WORDS or any(
        words[k].lower() in _SUBORDINATING or _clause_mark(words, k) or _second_clause_opens(words, k)
        for k in range(start, comma)
    ):
        return []
    if words[comma - 1].lower() in _ATTRIBUTING:
        return []
    if not any(_finite(words, k, table, verbs) for k in range(start + 1, comma)):
        return []
    i = comma + 1
    if words[i].lower() in _CONNECTIVES:
        i += 2 if words[i + 1] == "," else 1
    verb = _subject_end(words, i, table)
    if verb is None:
        return []
    if i == comma + 1 and words[i].islower() and words[i] not in _SUBJECT_DETERMINERS and table.plural(words[comma - 1].lower()):
        return []  # "attended by ministers, ambassadors accredited to…": a list goes on
    while verb < len(words) and words[verb] in _SUBJECT_ADVERBS:
        verb += 1
    if verb >= len(words) - 1 or not _finite(words, verb, table, verbs):
        return []
    after = words[verb + 1]
    if words[verb] not in _FINITE_AUXILIARIES and (after in _FINITE_AUXILIARIES or after in verbs.past or after in verbs.third):
        verb += 1  # "the regional headquarters reported": the first was a noun after all
    if words[i] == "there" and words[verb] not in _BE:
        return []
    if words[i].lower() in ("a", "an") and words[verb] not in _FINITE_AUXILIARIES:
        return []  # "…, a project expected to raise…": an apposition with a participle
    if words[verb] not in _FINITE_AUXILIARIES and words[verb + 1] == "to" and words[i] not in _PRONOUNS:
        return []  # "…, the vessel scheduled to arrive…"
    if _reported_phrase(words, start, comma, table, verbs):
        return []
    if _attribution(words, i, verb) or _series_after(words, verb):
        return []
    return [comma]


def _second_clause_opens(words: list[str], k: int) -> bool:
    """Does a coordinated clause open at ``k`` whose opening phrase the comma
    may close ("… but by the 2002 Olympics, the majority…")?"""
    if words[k] == "but":
        return True
    return words[k] in ("and", "or", "so") and k + 1 < len(words) and (
        words[k + 1].lower() in _INTRODUCERS or words[k + 1] == "then"
    )


def _clause_mark(words: list[str], k: int) -> bool:
    """A semicolon, colon, dash or bracket (not the colon of "04:30")."""
    if words[k] == ":" and 0 < k < len(words) - 1:
        return not (words[k - 1].isdigit() and words[k + 1].isdigit())
    return words[k] in _CLAUSE_MARKS


def _reported_phrase(words: list[str], start: int, comma: int, table: NounTable, verbs: VerbForms) -> bool:
    """Does the comma close an opening phrase of a clause reported after
    "that" ("claimed that at the age of 8, he had declared")?"""
    that = max((k for k in range(start, comma) if words[k] == "that"), default=None)
    return that is not None and not any(_finite(words, k, table, verbs) for k in range(that + 1, comma))


def _clause_start(words: list[str], start: int, table: NounTable, verbs: VerbForms) -> int | None:
    """Where the first main clause opens with its subject: at ``start``, or
    after an opening phrase with no verb and its comma ("According to
    Razvozhayev, air defence worked…"); None when it opens otherwise."""
    if start >= len(words):
        return None
    if _opens_with_subject(words, start, table, verbs):
        return start
    if words[start].lower() not in _INTRODUCERS | _PHRASE_OPENERS | {"as"} or (
        words[start].lower() == "as" and words[start + 1 : start + 3] != ["a", "result"]
    ):
        return None
    comma = next((k for k in range(start + 1, len(words)) if words[k] == ","), None)
    if comma is None or any(_finite(words, k, table, verbs) for k in range(start + 1, comma)):
        return None
    return comma + 1 if _opens_with_subject(words, comma + 1, table, verbs) else None


def _opens_with_subject(words: list[str], start: int, table: NounTable, verbs: VerbForms) -> bool:
    """Does a noun phrase, pronoun or name open at ``start`` (not an
    adverbial, a subordinate clause or a participle)?"""
    if start >= len(words):
        return False
    word = words[start]
    lower = word.lower()
    if not word[:1].isalpha():
        return False
    if lower in _DETERMINERS or lower in _PRONOUNS or lower in _QUANTIFIERS:
        return lower not in ("which", "what", "whose", "that", "one", "last", "next", "past")
    if lower in _COUNT_OPENERS or lower == "more":
        return _subject_end(words, start, table) is not None  # "More than 1.2 million residents have…"
    if lower in _FUNCTION or lower in _ADVERB_OPENERS or lower in _PHRASE_OPENERS or lower.endswith(("ly", "ing")):
        return False
    if lower in verbs.past or lower in verbs.base and lower not in table.noun_forms:
        return False  # "Asked about…, he", "Take the road…": no subject opens the sentence
    return True


def _finite(words: list[str], k: int, table: NounTable, verbs: VerbForms) -> bool:
    """Is ``words[k]`` surely a finite verb: an auxiliary, a modal, or a past
    or third-person form that is no noun ("signed", not "talks")?"""
    word = words[k]
    if word in _FINITE_AUXILIARIES:
        return True
    if not word.islower() or word in table.noun_forms:
        return False
    if word in verbs.third:
        return True
    if word not in verbs.past or word in _ADJECTIVE_PARTICIPLES:
        return False
    before = words[k - 1].lower() if k else ""
    if before in _DETERMINERS or before in ("be", "been", "being", "is", "are", "was", "were"):
        return False  # "the signed agreement", "was signed": a participle
    nxt = words[k + 1] if k + 1 < len(words) else "."
    return nxt not in _PARTICIPLE_NEXT and not nxt.endswith("ly")


def _subject_end(words: list[str], i: int, table: NounTable) -> int | None:
    """Index of the word after a subject opening at ``words[i]``, if one opens there."""
    if i >= len(words) - 1:
        return None
    word = words[i]
    lower = word.lower()
    if word in _PRONOUNS or word == "there":
        return i + 1
    if lower in _SUBJECT_DETERMINERS:
        if words[i + 1][:1].isupper():
            end = _name_end(words, i + 1)  # "…, the Monetary Policy Committee stated that…"
        else:
            end = _phrase_end(words, i + 1, table, need_plural=False)
    elif lower in _COUNT_OPENERS or lower == "more" and words[i + 1] == "than" or _count(word):
        k = i + (0 if _count(word) else 2 if lower in ("more", "up") else 1)
        end = _phrase_end(words, k + 1, table, need_plural=True, counted=True) if k < len(words) and _count(words[k]) else None
    elif word.islower():
        end = None if lower in _FUNCTION or lower.endswith("ing") else _phrase_end(words, i, table, need_plural=True, most=2)
        if end is None and lower not in _FUNCTION and not lower.endswith("ing"):
            # A bare singular before an auxiliary: "…, traffic was fully restored".
            end = _phrase_end(words, i, table, need_plural=False, most=2)
            if end is not None and words[end] not in _FINITE_AUXILIARIES:
                end = None
    else:
        end = _name_end(words, i)
    return _after_phrase(words, end, table) if end is not None else None


def _count(word: str) -> bool:
    return word.replace(",", "").isdigit() or word in _COUNT_WORDS


def _phrase_end(
    words: list[str], i: int, table: NounTable, *, need_plural: bool, most: int = _MAX_SUBJECT_WORDS, counted: bool = False
) -> int | None:
    """The index after a run of lower-case words ending in a noun (a plural
    when ``need_plural``), if the run is at most ``most`` words long; after a
    count, a second plural may join it ("300 rescuers and volunteers")."""
    for j in range(i, min(i + most, len(words) - 1)):
        word = words[j]
        if not (word.islower() and word.replace("-", "").isalpha()) or word in _ABSOLUTE_HEADS:
            return None
        if word in _FUNCTION and word not in _INNER or word in _SUBORDINATING or word in _CONNECTIVES:
            return None
        if word.endswith("ing") and word not in table.noun_forms:
            return None  # "…, saying delays were": a participle, not a modifier
        head = table.plural(word) if need_plural else word in table.noun_forms
        if counted and head and words[j + 1] == "and" and j + 2 < len(words) - 1 and table.plural(words[j + 2]):
            return j + 3  # "more than 300 rescuers and volunteers are"
        if head and words[j + 1] not in table.noun_forms:
            return j + 1
    return None


def _name_end(words: list[str], i: int) -> int | None:
    """The index after a name of up to three capitalised words ("China topped")."""
    k = name_run_end(words, i)
    return k if k > i and k < len(words) and words[k].islower() else None


def _after_phrase(words: list[str], k: int, table: NounTable) -> int:
    """The index after a short prepositional phrase closing the subject ("the
    connection with it is", "its cost of construction is"), or ``k``."""
    if k >= len(words) or words[k] not in _PHRASE_PREPOSITIONS:
        return k
    for j in range(k + 1, min(k + 1 + _MAX_PHRASE_WORDS, len(words))):
        word = words[j]
        if word in _FINITE_AUXILIARIES:
            return j
        if not word.isalnum() or word in _RELATIVES or word in _FUNCTION and word not in _DETERMINERS and word not in ("it", "them"):
            return k  # a clause, not a phrase: "a group of mammals that was…"
    return k


def _attribution(words: list[str], subject: int, verb: int) -> bool:
    """Is the clause after the comma an attribution ("…, the ministry said",
    "…, he told reporters", "…, it was reported")?"""
    word = words[verb].lower()
    if word in _ATTRIBUTING:
        # A reporting verb with a clause or an object after it is no attribution:
        # "…, he said it will raise", "…, he also stressed the importance of…".
        nxt = words[verb + 1] if verb + 1 < len(words) else "."
        return not (nxt == "that" or nxt in _PRONOUNS or nxt.lower() in _SUBJECT_DETERMINERS)
    nxt = words[verb + 1].lower() if verb + 1 < len(words) else ""
    return words[subject] == "it" and (nxt in _ATTRIBUTING or nxt == "been" and words[verb + 2].lower() in _ATTRIBUTING)


def _series_after(words: list[str], verb: int) -> bool:
    """Does a later comma open "and", "or", "but" or "while": clauses in a
    series, which English may join with commas?"""
    return any(
        words[k] == "," and k + 1 < len(words) and words[k + 1].lower() in ("and", "or", "but", "while")
        for k in range(verb, len(words))
    )
