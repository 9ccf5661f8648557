"""A sentence whose main clause lost its verb.

Translated copy often builds a sentence from a subject and the parts that
should hang on its verb, and forgets the verb: "The new electronic system,
which allows citizens to receive 200 services online." (Russian and Chinese
relative clauses can carry the sentence), "The new high-speed railway, with a
total length of 415 km and a designed speed of 350 km per hour." (Chinese
"全长…"), "The delegation…, having held talks with Indonesian counterparts."
(a Russian adverbial participle). The check reads the sentence in its comma
segments: an opening adverbial, the subject, relative clauses, participle
and prepositional phrases, and an attribution ("…, the police said"). When no
word of the main clause can be a finite verb, one of these repairs makes it
a sentence, and the fluency model weighs it:

- ", which allows" -> " allows": the relative clause was the predicate;
- ", with a total length" -> " has a total length";
- ", having held talks" -> " held talks";
- "…, during the meeting, emphasizing" -> "emphasized": an -ing form after
  a parenthesis.

A sentence with a quotation, a semicolon or a colon, or whose subject opens
with neither a determiner nor a name, is left alone; so is one whose main
clause has any word that could be a verb ("The railway, built in 2010,
opened…").
"""

from __future__ import annotations

from normalize.agreement import _head, _number
from normalize.nouns import _DETERMINERS, _FUNCTION, _ING_PREPOSITIONS, _INTRODUCERS, _REPORTING, NounTable, _after_dateline
from normalize.predicates import _MODALS, VerbForms, _may_be_finite

_RELATIVES = frozenset("which who".split())
_SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
_VERB_ADVERBS = frozenset("often also always usually never still already now then later soon".split())
_QUOTES = frozenset('" “ ” « »'.split())
_STOPS = frozenset("; : ( ) — –".split())
_ATTRIBUTING = _REPORTING | frozenset("told wrote".split())
# Opening phrases: a preposition or a participle up to the first comma.
_OPENERS = _INTRODUCERS | frozenset("following according as to with for about through among".split())
_MIN_WORDS = 8
_COUNTS = frozenset("more over about nearly some almost around".split())


def lost_main_verbs(words: list[str], table: NounTable, verbs: VerbForms) -> list[tuple[int, int, str]]:
    """(first word, end word, replacement) of the repair for a main clause
    with no verb, as word indices (end exclusive); at most one a sentence."""
    if len(words) < _MIN_WORDS or words[-1] != "." or _QUOTES.intersection(words) or _STOPS.intersection(words):
        return []
    start = _main_start(words, _after_dateline(words), table, verbs)
    if start is None or not (words[start].lower() in _DETERMINERS or words[start][:1].isupper()):
        return []
    segments = _segments(words, start, table, verbs)
    main = [k for a, b, kind in segments if kind == "main" for k in range(a, b)]
    if any(_finite(words, k, table, verbs) for k in main):
        return []
    if any(kind == "main" and n and _verb_form(words[a], verbs) for n, (a, _b, kind) in enumerate(segments)):
        return []  # "…, who is described as a god, walks in the middle": "walks" is the verb
    return _repair(words, start, segments, table, verbs)


def _main_start(words: list[str], start: int, table: NounTable, verbs: VerbForms) -> int | None:
    """The index where the subject starts: after an opening phrase and its
    comma, if any; None when the sentence opens otherwise (an adverb, a
    subordinate clause) or its opening holds a verb ("In 1951 they started…")."""
    if start >= len(words):
        return None
    first = words[start].lower()
    if first in _OPENERS or first.endswith(("ing", "ly")) or first in verbs.past:
        comma = next((k for k in range(start + 1, len(words)) if words[k] == ","), None)
        if comma is None or any(_finite(words, k, table, verbs) for k in range(start + 1, comma)):
            return None
        return comma + 1
    if first in _COUNTS and (words[start + 1] == "than" or words[start + 1][:1].isdigit()):
        return start  # "More than 3,000 athletes…"
    if first in _FUNCTION and first not in _DETERMINERS:
        return None  # "When interviewing…, it was decided", "Not bad, it seems"
    return start


def _segments(words: list[str], start: int, table: NounTable, verbs: VerbForms) -> list[tuple[int, int, str]]:
    """The comma segments from ``start``: (first, end, kind), where kind is
    "main", "relative", "participle", "phrase" or "attribution"."""
    bounds = [start] + [k + 1 for k in range(start, len(words) - 1) if words[k] == ","]
    out = []
    for n, a in enumerate(bounds):
        b = bounds[n + 1] - 1 if n + 1 < len(bounds) else len(words) - 1
        kind = "main" if n == 0 else _kind(words, a, b, verbs)
        if kind in ("phrase", "participle") and any(_clear_verb(words, k, table, verbs) for k in range(a + 1, b)):
            kind = "main"  # "…, in aquatic ecosystems DDT is absorbed…": a clause after all
        out.append((a, b, kind))
    return out


def _kind(words: list[str], a: int, b: int, verbs: VerbForms) -> str:
    first = words[a].lower()
    if first in _RELATIVES or first == "the" and "which" in words[a:b] and "of" in words[a:b]:
        return "relative"
    if first in _MODALS or first in verbs.past or first in verbs.third or first in _SUBJECT_PRONOUNS:
        return "main"  # the predicate after a parenthesis ("…, which lasted five hours, ended late"), a new clause
    if first in _ING_PREPOSITIONS:
        return "phrase"  # "during the meeting", "according to"
    if first.endswith("ing") or first == "having" or first.endswith("ly") and a + 1 < b and words[a + 1].endswith("ing"):
        return "participle"
    if first in _FUNCTION and first not in _DETERMINERS:
        return "phrase"
    if b == len(words) - 1 and any(w in _ATTRIBUTING for w in words[a:b]):
        return "attribution"  # "…, the police said."
    return "main"


def _clear_verb(words: list[str], k: int, table: NounTable, verbs: VerbForms) -> bool:
    """Is ``words[k]`` plainly a finite verb: a modal or auxiliary, a third-person
    form that is no noun, or a past form not after a determiner or "having"?"""
    word, before = words[k], words[k - 1].lower()
    if word in _MODALS:
        return word not in ("been", "be") and before != "having"
    if word in verbs.third and word not in table.noun_forms:
        return True
    return word in verbs.past and before not in _DETERMINERS and before not in ("having", "being", "been")


def _verb_form(word: str, verbs: VerbForms) -> bool:
    """A finite form, also when hyphenated ("re-enlisted")."""
    last = word.lower().rsplit("-", 1)[-1]
    return word in _MODALS or last in verbs.past or last in verbs.third


def _finite(words: list[str], k: int, table: NounTable, verbs: VerbForms) -> bool:
    """Could ``words[k]`` be the main clause's finite verb?"""
    word = words[k]
    if word in _MODALS:
        return True
    if word[:1].isupper() and k:
        return False  # a name mid-sentence ("Hamad Port")
    if "-" in word and word.islower() and _verb_form(word, verbs):
        return True  # "re-enlisted", "co-chaired"
    nxt = words[k + 1] if k + 1 < len(words) else ""
    before = words[k - 1].lower() if k else ""
    verb_form = word in verbs.past or word in verbs.third or word in verbs.base
    if before in ("this", "that") and (k < 2 or not words[k - 2].isalpha()) and verb_form:
        return True  # "This removed their weight", "This conflicts with": a pronoun
    if verb_form and before not in _DETERMINERS and (
        before in _SUBJECT_PRONOUNS or before in _VERB_ADVERBS or before.endswith("ly")
        or words[k - 1][:1].isupper() or words[k - 1][:1].isdigit()
    ):
        return True  # "he stopped by chance", "pupils often use", "Benin uses", "Bluetooth 4.0 uses"
    if word in verbs.past and nxt == "by":
        return False  # "headed by": a participle
    if word in verbs.base and word in table.noun_forms and before in table.singular and word not in verbs.third:
        return False  # "the terrorist attack": a singular noun takes no bare verb
    return _may_be_finite(words, k, table, verbs)


def _repair(
    words: list[str], start: int, segments: list[tuple[int, int, str]], table: NounTable, verbs: VerbForms
) -> list[tuple[int, int, str]]:
    """The first repair that applies after the subject, if any."""
    subject_end = segments[0][1]
    to = next((k for k in range(start + 1, subject_end - 1) if words[k] == "to" and words[k + 1] in verbs.base), None)
    if to is not None and _plain_subject(words, start, to, table):
        return [(to, to + 1, "will")]  # "More than 3,000 athletes to compete in 64 events" (a headline's future)
    # A first segment that is more than a subject ("athletes to compete in
    # events during the Games, which…"): a relative after it may belong to its phrase.
    clause = any(w == "to" or w.endswith("ing") and w in verbs.gerunds for w in words[start:subject_end])
    for n, (a, b, kind) in enumerate(segments[1:], start=1):
        comma = a - 1
        if kind == "relative" and words[a].lower() in _RELATIVES and a + 1 < b and not clause:
            verb = words[a + 1]
            if verb in _MODALS or verb in verbs.past or verb in verbs.third and verb not in table.noun_forms:
                return [(comma, a + 1, "")]  # ", which allows" -> " allows"
            return []
        if kind == "phrase" and words[a] == "with" and words[a + 1].lower() in ("a", "an", "the") and n == 1:
            number = _subject_number(words, start, comma, table)
            return [(comma, a + 1, " has" if number != "pl" else " have")] if number else []
        if kind == "participle" and words[a] == "having" and n == 1:
            past = _past(words[a + 1], verbs)
            return [(comma, a + 2, f" {past}")] if past else []
        if kind == "participle" and n == 2 and segments[1][2] == "phrase" and words[start].lower() in _DETERMINERS:
            k = a + 1 if words[a].endswith("ly") and a + 1 < b else a  # "…, greatly shortening"
            past = _past_of_gerund(words[k], verbs) if words[k].endswith("ing") else None
            return [(k, k + 1, past)] if past else []  # "…, during the meeting, emphasizing" -> "emphasized"
    return []


def _plain_subject(words: list[str], start: int, end: int, table: NounTable) -> bool:
    """Is ``words[start:end]`` a plain noun phrase opened by a count ("More
    than 3,000 athletes from 45 countries")?"""
    first = words[start].lower()
    if not (first in _COUNTS or words[start][:1].isdigit()):
        return False
    return all(w.replace(",", "").replace(".", "").isalnum() for w in words[start:end]) and any(
        table.plural(w) or w in table.singular for w in words[start:end]
    )


def _subject_number(words: list[str], start: int, end: int, table: NounTable) -> str | None:
    """"sg" or "pl" of the subject's head noun (None when it cannot tell)."""
    i = start + 1 if words[start].lower() in _DETERMINERS else start
    head = _head(words[:end] + ["."], i, table, initial=False)
    return _number(words[head].lower(), table) if head is not None else None


def _past(participle: str, verbs: VerbForms) -> str | None:
    """The past form of a past participle ("held" -> "held", "taken" -> "took")."""
    if participle in verbs.past_of:
        return verbs.past_of[participle]
    return participle if participle in verbs.past else None


def _past_of_gerund(gerund: str, verbs: VerbForms) -> str | None:
    """The past form of the verb whose -ing form is ``gerund``."""
    base = verbs.base_of_gerund.get(gerund)
    return verbs.past_form(base) if base else None
