"""Tenses that clash with a time expression in the same clause.

Six checks a 5-gram window cannot make, because the verb and the time
expression that decides its tense are often ten words apart:

- A present perfect with a finished past time: "The rocket has been launched
  from Plesetsk on Monday" -> "was launched"; after a past reporting verb
  "said the delegation has arrived in Baku the previous evening" -> "had
  arrived". Russian, Chinese and Arabic have no perfect of their own, and
  translators reach for it for any completed action.
- A present (or, after an opening "Since 2020,", a simple past) where
  "since" and a point in time say the state runs up to now: "The minister is
  in Muscat since Sunday" -> "has been", "trains under a Japanese coach
  since 2021" -> "has trained". Russian and French use the present here.
- "will" in a clause of condition or time: "if the rainfall will continue" ->
  "continues". English uses the present for the future there.
- The main clause's first verb after an opening past time: "Yesterday, the
  President receives" -> "received", "On Monday, X had visited" -> "visited".
- A present with a time that can only be past later in its clause: "Trade
  is growing by 25 percent last year" -> "grew", "The harvest is 3 million
  tonnes three years ago" -> "was".
- A past after "and" that shares "will" with the verb before it: "will open
  on Friday and lasted until October" -> "last".

Each check reads plain word tokens (``normalize.nouns.tokenize``) and names
the span to rewrite and its replacements; the fluency model picks among them
and confirms (``rank.GRAMMAR_MARGINS``: "tense:perfect", "tense:since",
"tense:condition", "tense:opening", "tense:finished", "tense:coordinate").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from normalize.agreement import _number
from normalize.nouns import _DETERMINERS, NounTable
from normalize.predicates import BARE_INFINITIVE_BEFORE, VerbForms

_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_YEAR = re.compile(r"(19|20)\d\d$")
_LAST_UNITS = _WEEKDAYS | _MONTHS | frozenset(
    "week month year night weekend spring summer autumn fall winter season decade century".split()
)
_AGO_COUNTS = frozenset(
    """two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred several a few many""".split()
)
_PREVIOUS_UNITS = frozenset("day evening night morning week month year weekend afternoon".split())
_AGO_UNITS = frozenset(
    "years year months month weeks week days day hours hour minutes decades decade ago".split()
)
# Words between a perfect and its time expression that show the time belongs
# to another verb ("has agreed to hold talks on Monday", "has said it will").
_OTHER_VERB = frozenset(
    """to will would can could may might must should shall that which who whom whose when where while
    after before until since because if as and but or so than nor""".split()
)
# A perfect with these up to the time expression runs up to now ("has risen
# since", "has been held every year since 2005", "so far in 2024").
_UP_TO_NOW = frozenset("since far date now already yet ever recently lately".split())
_PAST_REPORTING = frozenset(
    """said told noted stressed added announced stated reported confirmed explained emphasized
    emphasised recalled informed indicated pointed underlined underscored revealed wrote""".split()
)
# "has called for a strike on Monday": after "for" the time may be the strike's.
_FINITE_STOP = frozenset("has have had is are was were between for".split())
_CLAUSE_STOP = frozenset(". ; : ! ? ( ) “ ” \" « » — –".split())
# A perfect or a modal: the clause's verb is no simple present or past.
_NOT_SIMPLE = frozenset("has have had".split()) | (BARE_INFINITIVE_BEFORE - {"to"})
_BE_PRESENT = {"is": "has been", "are": "have been", "am": "have been"}
_BE_PAST = {"was": "has been", "were": "have been"}
# Words that open a verb's object: "supply more than", "affected the state".
_OBJECT_OPENERS = frozenset("more over about nearly almost some all its their his her our up".split())
# Before a past form, words that make it a participle or a perfect already.
_AUXILIARIES = frozenset("has have had having been be being is are was were am".split())
# Before "since", words that make it part of a noun phrase, not a clause's
# time: "its lowest level since 2008", "the first visit since", "in the
# years since independence", "ten years since".
_SUPERLATIVE_LIKE = frozenset("first only last most least highest lowest biggest worst best record".split())
_TIME_PLURALS = frozenset("years months weeks days decades centuries hours".split())


@dataclass(frozen=True)
class TenseEdit:
    start: int  # first word index of the span to rewrite
    end: int  # index after the span's last word
    replacements: tuple[str, ...]


def finished_time(words: list[str], i: int) -> int:
    """Length of a finished past time expression starting at ``i`` (0: none):
    "yesterday", "last week", "on Monday", "on 12 March", "in 2019", "in
    March", "three days ago", "the previous evening", "at 10 a.m."."""
    n = len(words)
    w = words[i].lower()
    nxt = words[i + 1].lower() if i + 1 < n else ""
    if w == "yesterday":
        return 1
    if w == "last" and nxt in _LAST_UNITS and not (i and words[i - 1].lower() in ("the", "over", "during", "for", "within", "in")):
        return 2  # not "over the last month": up to now
    if w == "the" and nxt in ("previous", "preceding") and i + 2 < n and words[i + 2].lower() in _PREVIOUS_UNITS:
        return 3
    if w == "the" and nxt == "day" and i + 2 < n and words[i + 2].lower() == "before":
        return 3
    named = i + 1 < n and words[i + 1][:1].isupper()  # "on Monday", not "on march"
    if w == "on" and nxt in _WEEKDAYS and named:
        return 2
    if w == "on" and nxt.isdigit() and i + 2 < n and words[i + 2].lower() in _MONTHS:
        return 3  # "on 12 March"
    if w == "on" and nxt in _MONTHS and named and i + 2 < n and words[i + 2].isdigit():
        return 3  # "on March 12"
    if w == "in" and _YEAR.match(nxt) and not (i + 2 < n and words[i + 2] in ("-", "–")):
        return 2
    if w == "in" and nxt in _MONTHS and named and (i + 2 >= n or words[i + 2].lower() not in ("and", "or")):
        return 2
    if w.isdigit() or w in _AGO_COUNTS:
        j = i + 1
        if j < n and words[j].lower() == "few":
            j += 1
        if j + 1 < n and words[j].lower() in _AGO_UNITS and words[j + 1].lower() == "ago":
            return j + 2 - i
    return 0


def _reported(words: list[str], k: int) -> bool:
    """Is the clause at ``k`` reported after a past reporting verb?"""
    return any(w.lower() in _PAST_REPORTING for w in words[max(0, k - 25) : k])


def _participle_at(words: list[str], k: int, verbs: VerbForms, nouns: NounTable) -> bool:
    word = words[k]
    if not word.isalpha() or not word.islower():
        return False
    return word in nouns.participles or word in verbs.past


def perfects_with_finished_time(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[TenseEdit]:
    """A present perfect whose clause names a finished past time."""
    found = []
    n = len(words)
    opening = _opening_time(words)
    for i, word in enumerate(words):
        lower = word.lower()
        if lower not in ("has", "have") or (i and words[i - 1].lower() in BARE_INFINITIVE_BEFORE):
            continue
        k = i + 1
        adverbs = []
        while k < n and words[k].lower().endswith("ly") and words[k].isalpha() or k < n and words[k].lower() in ("also", "already", "just", "now", "not", "never"):
            adverbs.append(words[k])
            k += 1
        if k >= n or any(a.lower() in ("already", "just", "now", "never", "not") for a in adverbs):
            continue  # "has already been delivered in May" reads as up to now in much copy
        been = words[k].lower() == "been"
        verb = k + 1 if been else k
        if verb >= n or not _participle_at(words, verb, verbs, nouns):
            continue
        if not been and words[verb] in nouns.noun_forms and words[verb] not in nouns.participles:
            continue
        if not (opening and opening <= i and _first_verb_of_main_clause(words, opening, i, verbs)) and not _time_after(words, verb + 1, verbs):
            continue
        reported = _reported(words, i)
        middle = " ".join(adverbs)
        if reported:
            form = " ".join(["had", *adverbs, "been"] if been else ["had", *adverbs])
            found.append(TenseEdit(i, k + 1 if been else k, (form,)))
        elif been:
            aux = "was" if lower == "has" else "were"
            found.append(TenseEdit(i, k + 1, (f"{aux} {middle}".strip(),)))
        else:
            past = verbs.past_of.get(words[verb], words[verb])
            found.append(TenseEdit(i, verb + 1, (f"{middle} {past}".strip(),)))
    return found


def _time_after(words: list[str], k: int, verbs: VerbForms) -> bool:
    """Does a finished time follow in the same clause, with no other verb
    (or a mark of "up to now") between?"""
    skipped = 0
    for j in range(k, min(len(words), k + 14 + 6)):
        if _clock_token(words, j):
            skipped += 1
            continue  # "at 2:30 p.m. on Saturday": a clock time is no clause stop
        if j - k - skipped >= 14:
            return False
        w = words[j].lower()
        if w == "from" and "to" in words[j + 1 : j + 8] or j > k and w in verbs.past and words[j].islower():
            return False  # a span ("from 15 in 2002 to 44 in 2006"), or another verb ("governments formed in 1972")
        if words[j] in _CLAUSE_STOP or words[j] == "," or w in _OTHER_VERB or w in _UP_TO_NOW or w in _FINITE_STOP:
            return False  # another clause or finite verb, or a mark of "up to now"
        if w.endswith("ing") and w not in ("during", "including", "following", "morning", "evening", "meeting", "building"):
            return False
        if finished_time(words, j):
            return not any(x.lower() in _UP_TO_NOW for x in words[j : j + 6])
    return False


def _clock_token(words: list[str], j: int) -> bool:
    """Is ``words[j]`` part of a clock time ("2", ":", "30", "p", ".", "m", ".")?"""
    w = words[j]
    n = len(words)
    if w == ":" and 0 < j < n - 1:
        return words[j - 1].isdigit() and words[j + 1].isdigit()
    if w in ("a", "p", "m") and j + 1 < n - 1 and words[j + 1] == ".":
        return w != "a" or j + 2 < n and words[j + 2] == "m"
    if w == "." and j < n - 1 and j > 0 and words[j - 1] in ("a", "p", "m"):
        return words[j - 1] != "a" or j + 1 < n and words[j + 1] == "m"
    return False


def _opening_time(words: list[str]) -> int:
    """Index after an opening finished time and its comma ("On Monday, …",
    "Last year, …", "In 2019, …"), or 0."""
    size = finished_time(words, 0) if words else 0
    if size == 0:
        return 0
    return size + 1 if size < len(words) and words[size] == "," else 0


def _first_verb_of_main_clause(words: list[str], start: int, i: int, verbs: VerbForms) -> bool:
    """Is the perfect at ``i`` the first verb after the opening time ending at ``start``?"""
    return not any(
        w in _CLAUSE_STOP or w == "," or w.lower() in _OTHER_VERB or w.lower() in verbs.past or w.lower() in _PAST_REPORTING
        for w in words[start:i]
    )


# ---------------------------------------------------------------- since

def _since_time(words: list[str], k: int) -> bool:
    """Does "since" at ``k`` name a point in time (not "since it began",
    "since the talks failed")?"""
    n = len(words)
    j = k + 1
    if j >= n:
        return False
    w = words[j].lower()
    if w in ("then", "yesterday") or _YEAR.match(w) or w in _WEEKDAYS or w in _MONTHS:
        return True
    if w in ("early", "late", "mid", "mid-") and j + 1 < n and (_YEAR.match(words[j + 1]) or words[j + 1].lower() in _MONTHS):
        return True
    if w == "last" and j + 1 < n and words[j + 1].lower() in _LAST_UNITS:
        return True
    if w.isdigit() and j + 1 < n and words[j + 1].lower() in _MONTHS:
        return True
    if w == "the" and j + 2 < n and words[j + 1].lower() in ("beginning", "start", "end", "outbreak", "onset") and words[j + 2] == "of":
        return True
    return False


_DURATION_UNITS = frozenset("years decades months weeks days".split())
_DURATION_OPENERS = frozenset("more over almost nearly".split())


def _up_to_now_duration(words: list[str], k: int) -> bool:
    """Does "for" at ``k`` open a span that runs up to now: "for more than
    30 years", "for over a decade", "for 15 years now", "for the past five
    years"? (A bare "for 30 years" may lie ahead: "the lease runs for 30 years".)"""
    j, n = k + 1, len(words)
    lead = words[j].lower() if j < n else ""
    if lead == "the" and j + 1 < n and words[j + 1].lower() in ("past", "last"):
        j, lead = j + 2, "past"
    elif lead in _DURATION_OPENERS:
        j += 2 if lead == "more" and j + 1 < n and words[j + 1].lower() == "than" else 1
    count = words[j].lower() if j < n else ""
    if not (count.isdigit() or count in ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "a")):
        return False
    unit = words[j + 1].lower() if j + 1 < n else ""
    if unit not in _DURATION_UNITS and not (count == "a" and unit in ("decade", "year", "month")):
        return False
    now = j + 2 < n and words[j + 2].lower() in ("now", "already")
    return lead in _DURATION_OPENERS or lead == "past" or now


def presents_since(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[TenseEdit]:
    """A present (or, after an opening "Since …,", a past) where "since" and
    a point in time, or "for more than 30 years", need the present perfect."""
    found = []
    for k, word in enumerate(words):
        if word.lower() == "for" and k > 0 and _up_to_now_duration(words, k):
            edit = _verb_before_since(words, k, verbs, nouns)
            if edit is not None:
                found.append(edit)
            continue
        if word.lower() != "since" or not _since_time(words, k):
            continue
        before = [w.lower() for w in words[max(0, k - 4) : k]]
        if any(w in _SUPERLATIVE_LIKE or w.endswith("est") and len(w) > 5 for w in before) or before and before[-1] in _TIME_PLURALS:
            continue  # "its lowest level since 2008", "in the years since"
        if k == 0 or k == 1 and words[0] in ("Ever", "And", "But"):
            edit = _opening_since(words, k, verbs, nouns)
        else:
            edit = _verb_before_since(words, k, verbs, nouns, past_too=True)
        if edit is not None:
            found.append(edit)
    return found


def _opening_since(words: list[str], k: int, verbs: VerbForms, nouns: NounTable) -> TenseEdit | None:
    comma = next((j for j in range(k + 2, min(len(words), k + 12)) if words[j] == ","), None)
    if comma is None and k + 2 < len(words) and _YEAR.match(words[k + 1]) and words[k + 2].lower() in ("the", "a", "an"):
        comma = k + 1  # "Since 2019 the plant supply": a year, then the clause with no comma
    if comma is None:
        return None
    for j in range(comma + 1, min(len(words), comma + 16)):
        w = words[j]
        if w in _CLAUSE_STOP or w == ",":
            return None
        lower = w.lower()
        if lower in _NOT_SIMPLE:
            return None
        if lower in ("when", "which", "who", "that", "where", "after", "before", "as"):
            return None  # "Since 2019, when the law was adopted": the past belongs to that clause
        if lower in _BE_PAST and j + 1 < len(words) and _participle_at(words, j + 1, verbs, nouns):
            return TenseEdit(j, j + 1, (_BE_PAST[lower],))  # "were repaired" -> "have been repaired"
        edit = _present_edit(words, j, verbs, nouns) or _past_edit(words, j, verbs, nouns)
        if edit is not None:
            return edit
        if w.islower() and lower in verbs.base and lower not in verbs.past and _base_after_singular(words, j, verbs, nouns):
            return TenseEdit(j, j + 1, (f"has {verbs.participle(lower)}",))  # "the plant supply" -> "has supplied"
    return None


def _verb_before_since(
    words: list[str], k: int, verbs: VerbForms, nouns: NounTable, past_too: bool = False
) -> TenseEdit | None:
    """The finite verb of the clause "since" ends: the nearest before it, with
    no clause boundary between. ``past_too``: a simple past is wrong there
    as well ("the rains that affected the state since last Monday"), which a
    span ("worked there for 30 years") does not make it."""
    for j in range(k - 1, max(-1, k - 14), -1):
        w = words[j]
        lower = w.lower()
        if w in _CLAUSE_STOP or w == "," or lower in ("that", "which", "who", "when", "where", "and", "but", "while", "after", "before"):
            return None
        if w.islower() and _inside_name(words, j):
            continue  # part of a name: "Rio Grande do Sul"
        if lower == "to" and j + 1 < k and words[j + 1].lower() in _DETERMINERS:
            continue  # a preposition: "a response to its proposals … for three months already"
        if lower in _NOT_SIMPLE or lower in ("been", "to"):
            return None
        if lower in verbs.gerunds and words[j - 1].lower() in ("is", "are") and j > 0:
            have = "has" if words[j - 1].lower() == "is" else "have"
            return TenseEdit(j - 1, j + 1, (f"{have} been {w}",))  # "is waiting … for three months" -> "has been waiting"
        if lower in verbs.gerunds or lower in nouns.participles:
            return None  # "has been working with Chinese partners … since": the finite verb lies further back
        edit = _present_edit(words, j, verbs, nouns)
        if edit is not None:
            return edit
        if lower in ("was", "were") or lower in verbs.past:
            return _past_before_since(words, j, k, verbs, nouns) if past_too and lower in verbs.past else None
    return None


def _past_before_since(words: list[str], j: int, k: int, verbs: VerbForms, nouns: NounTable) -> TenseEdit | None:
    """A simple past at ``j`` whose clause "since" at ``k`` ends: not a
    participle ("have been evacuated", "from flooded areas"), and no
    superlative between ("fell to its lowest level … since")."""
    if j == 0 or words[j - 1] in (",", "(") or any(w.lower() in _AUXILIARIES for w in words[max(0, j - 3) : j]):
        return None  # "had not received", "has more than doubled"; ", suspended since": a participle
    if words[j].lower() in ("was", "were") or not _object_follows(words, j):
        # Only a verb with its object ("affected the state", "registered
        # 1,243 cases"): a participle followed by a preposition is mostly a
        # reduced relative ("stories published by Thomas since 1934").
        return None
    if any(w.lower() in _SUPERLATIVE_LIKE or w.lower().endswith("est") and len(w) > 5 for w in words[j + 1 : k]):
        return None
    if words[j - 1].lower() in ("that", "which", "who"):
        # A relative clause's verb ("the rains that affected the state since
        # last Monday"); _past_edit would read "that" as a determiner.
        base = verbs.base_of.get(words[j].lower())
        if base is None:
            return None
        part = verbs.participle(base)
        return TenseEdit(j, j + 1, _perfects(part, _clause_subject_number(words, j - 1, nouns)))
    return _past_edit(words, j, verbs, nouns)


def _present_edit(words: list[str], j: int, verbs: VerbForms, nouns: NounTable) -> TenseEdit | None:
    """The present perfect of a present-tense verb at ``j`` ("is" -> "has
    been", "are working" -> "have been working", "trains" -> "has trained")."""
    w, lower = words[j], words[j].lower()
    if lower in _BE_PRESENT:
        if j + 1 < len(words) and words[j + 1].lower() in ("expected", "due", "set", "scheduled", "likely", "going", "able", "the", "a", "an"):
            return None  # "is expected since" is odd; "is the first since": a noun phrase
        return TenseEdit(j, j + 1, (_BE_PRESENT[lower],))
    if not w.isalpha() or not w.islower() or j == 0:
        return None
    prev = words[j - 1].lower()
    if prev in _DETERMINERS or prev in ("of", "in", "on", "at", "for", "to", "with", "by", "from"):
        return None  # a noun: "the trains since"
    if lower in verbs.third and (lower not in nouns.noun_forms or _verb_use(words, j) and not _verb_before(words, j, verbs, nouns)):
        base = verbs.base_of.get(lower)
        if base is None:
            return None
        return TenseEdit(j, j + 1, (f"has {verbs.participle(base)}",))
    if lower in verbs.base and lower not in nouns.noun_forms and lower not in verbs.past and not _inside_name(words, j) and (
        words[j - 1][:1].isupper() or prev in ("they", "we") or nouns.plural(prev)
    ):
        return TenseEdit(j, j + 1, (f"have {verbs.participle(lower)}",))  # "Kazakhstan and Russia cooperate … for more than 30 years"
    return None


def _verb_before(words: list[str], j: int, verbs: VerbForms, nouns: NounTable) -> bool:
    """Is there a verb earlier in the clause ("has been working with Chinese
    partners"), so that a noun-or-verb word at ``j`` is a noun?"""
    for w in reversed(words[:j]):
        lower = w.lower()
        if w in _CLAUSE_STOP or w == ",":
            return False
        if lower in ("is", "are", "was", "were", "has", "have", "had", "will", "would") or lower in verbs.gerunds or (
            lower in verbs.past and lower not in nouns.noun_forms
        ):
            return True
    return False


def _object_follows(words: list[str], j: int) -> bool:
    """Does an object open right after ``words[j]`` (a determiner, a figure,
    "more than")? Then a base form there is a verb, not a noun ("the plant
    supply more than", "output reach 77.9 million")."""
    after = words[j + 1].lower() if j + 1 < len(words) else ""
    return after in _DETERMINERS or after[:1].isdigit() or after in _OBJECT_OPENERS


def _base_after_singular(words: list[str], j: int, verbs: VerbForms, nouns: NounTable) -> bool:
    """Is the base form at ``j`` a verb after a singular noun, its object
    following ("the plant supply more than")? A base form is no present for
    a singular subject, so the tense edit mends the agreement too."""
    prev = words[j - 1]
    return (
        _object_follows(words, j) and prev.islower() and prev in nouns.singular
        and prev not in verbs.past and prev not in verbs.third
    )


def _inside_name(words: list[str], j: int) -> bool:
    """Does ``words[j]`` stand between two capitalised words ("Rio Grande do Sul")?"""
    return 0 < j < len(words) - 1 and words[j - 1][:1].isupper() and words[j + 1][:1].isupper()


def _verb_use(words: list[str], j: int) -> bool:
    """A form that may be a plural noun ("trains", "heads") used as a verb:
    a determiner or preposition follows, and a name or noun precedes."""
    after = words[j + 1].lower() if j + 1 < len(words) else ""
    prev = words[j - 1]
    return (after in _DETERMINERS or after in ("under", "in", "at", "for", "with", "on")) and (
        prev[:1].isupper() or prev.lower() in ("he", "she", "it")
        or prev.isalpha() and prev.islower() and not prev.endswith(("al", "ic", "ive", "ous", "ful", "ed", "ing"))
    )


def _past_edit(words: list[str], j: int, verbs: VerbForms, nouns: NounTable) -> TenseEdit | None:
    """The present perfect of a simple past after an opening "Since …,"."""
    w, lower = words[j], words[j].lower()
    if not w.isalpha() or not w.islower() or lower not in verbs.past or lower in nouns.noun_forms:
        return None
    if words[j - 1].lower() in _DETERMINERS or words[j - 1].lower() in ("of", "in", "on", "by", "with"):
        return None  # "the planned", "by trained staff": a participle as an adjective
    if j + 1 < len(words) and words[j + 1].lower() in ("is", "are", "was", "were", "has", "have"):
        return None  # "most new servers linked are anycast": a participle, the verb follows
    base = verbs.base_of.get(lower)
    if base is None:
        return None
    part = verbs.participle(base)
    return TenseEdit(j, j + 1, _perfects(part, _clause_subject_number(words, j, nouns)))


_HEAD_STOPS = frozenset("of from in at on for with by to under near along across".split())


def _clause_subject_number(words: list[str], j: int, nouns: NounTable) -> str | None:
    """The number of the subject before the verb at ``j``: the last word of
    the clause's start (after the last comma) before its first preposition
    ("rescuers of the Emergencies Ministry" -> "rescuers": plural)."""
    start = next((i + 1 for i in range(j - 1, -1, -1) if words[i] in (",", ";", "(")), 0)
    return _head_number(words, start, j, nouns, _HEAD_STOPS)


def _perfects(part: str, number: str | None) -> tuple[str, ...]:
    """The present perfect in the subject's number, or both forms when the
    subject is unclear (the model then picks). The model's window often
    sees the nearest noun, not the subject ("rescuers of the Emergencies
    Ministry has evacuated")."""
    if number is None:
        return (f"has {part}", f"have {part}")
    return (f"have {part}",) if number == "pl" else (f"has {part}",)


# ----------------------------------------------------------- if ... will

_CONDITION_OPENERS = frozenset("if unless once when until".split())
_TIME_PREPOSITIONS = frozenset(("after", "before"))
_CLAUSE_PRONOUNS = frozenset("he she it they we".split())
# "asked if he will", "unclear when the plant will open": an indirect
# question, where "will" is right.
_ASKING = frozenset(
    """ask asks asked asking know knows knew see sees saw decide decides decided clear unclear sure
    unsure wonder wonders wondered check determine question whether tell told say said announce
    announced report reported confirm confirmed inform informed discuss discussed specify specified
    known""".split()
)
_SUBJECT_PRONOUNS = {"he": "sg", "she": "sg", "it": "sg", "they": "pl", "we": "pl", "you": "pl", "i": "pl"}


def wills_in_conditions(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[TenseEdit]:
    """"will" + a bare verb in a clause opened by "if", "unless", "once",
    "as soon as", "until" or (opening the sentence) "when", or by "after" or
    "before" with a pronoun subject ("after it will pass inspection")."""
    found = []
    n = len(words)
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in _TIME_PREPOSITIONS:
            # "after"/"before" are prepositions too ("After the visit the sides
            # will sign"): a clause only when a subject pronoun and "will" follow.
            if not (i + 2 < n and words[i + 1].lower() in _CLAUSE_PRONOUNS and words[i + 2].lower() == "will"):
                continue
        elif lower == "as" and i >= 2 and words[i - 1].lower() == "soon" and words[i - 2].lower() == "as":
            pass  # "as soon as it will open"
        elif lower not in _CONDITION_OPENERS or lower == "when" and i != 0 or lower == "until" and i != 0:
            continue
        if i and (words[i - 1].lower() in _ASKING or words[i - 1].lower() == "even" and lower == "if"):
            continue
        if lower == "if" and i + 1 < n and words[i + 1].lower() in ("any", "so", "not", "necessary", "needed", "possible", "at"):
            continue
        will = next((j for j in range(i + 2, min(n, i + 10)) if words[j].lower() == "will"), None)
        if will is None or any(w in _CLAUSE_STOP or w == "," or w.lower() in _OTHER_VERB - {"to"} for w in words[i + 1 : will]):
            continue
        if _contracted_is(words, i + 1, will, nouns):
            continue  # "When the cat's away the mice will play": the clause has its verb; "will" is the main clause's
        if will + 1 >= n:
            continue
        verb = words[will + 1].lower()
        number = _subject_number(words, i + 1, will, nouns)
        if number is None:
            continue
        if verb == "be":
            form = "is" if number == "sg" else "are"
        elif verb in verbs.forms_of and verb.islower():
            third = verbs.third_form(verb)
            if third is None:
                continue
            form = third if number == "sg" else verb
        else:
            continue
        found.append(TenseEdit(will, will + 2, (form,)))
    return found


def _contracted_is(words: list[str], start: int, end: int, nouns: NounTable) -> bool:
    """Is there an "'s" standing for "is" between ``start`` and ``end`` (not a
    possessive: no noun follows it)?"""
    for k in range(start, end):
        word = words[k]
        split = word == "s" and k > start and words[k - 1] in ("'", "’")  # tokenised text: "cat 's"
        if split or word in ("'s", "’s") or word.endswith(("'s", "’s")) and len(word) > 2:
            after = words[k + 1].lower() if k + 1 < len(words) else ""
            if after.isalpha() and after not in nouns.noun_forms and after not in ("new", "own", "main", "first", "last"):
                return True
    return False


_CONDITION_HEAD_STOPS = frozenset("of in on at for with from".split())


def _subject_number(words: list[str], start: int, end: int, nouns: NounTable) -> str | None:
    """Number of the subject between a condition's opener and "will"."""
    if end - start == 1 and words[start].lower() in _SUBJECT_PRONOUNS:
        return _SUBJECT_PRONOUNS[words[start].lower()]
    if words[start].lower() not in _DETERMINERS and not words[start][:1].isupper():
        return None
    return _head_number(words, start, end, nouns, _CONDITION_HEAD_STOPS)


def _head_number(words: list[str], start: int, end: int, nouns: NounTable, stops: frozenset[str]) -> str | None:
    """The number of the last word between ``start`` and ``end`` before the
    first of ``stops`` (a preposition that ends the subject's head)."""
    head = None
    for j in range(start, end):
        if words[j].lower() in stops:
            break
        if words[j].isalpha():
            head = j
    return _number(words[head].lower(), nouns) if head is not None else None


# ------------------------------------------------- opening past time

# Openings that can only mean the past ("On Monday" may be next Monday).
_PAST_ONLY = frozenset({"yesterday", "last", "ago", "previous", "day"})


def presents_after_past_time(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[TenseEdit]:
    """The main clause's first verb after an opening finished time: a
    present after "Yesterday," or "Last week," ("Yesterday, the President
    receives" -> "received"), a past perfect after any ("On Monday, the
    Prime Minister had visited" -> "visited")."""
    start = _opening_time(words)
    if not start:
        return []
    past_only = any(w.lower() in _PAST_ONLY for w in words[: start - 1])
    # A day, not a year: "In 1995, Albania had been accepted" may be before a later event.
    dated = past_only or words[1].lower() in _WEEKDAYS
    # "The day before", "The previous evening": a time before a past event, where the past perfect is right.
    relative = words[0].lower() == "the"
    for j in range(start, min(len(words), start + 12)):
        w, lower = words[j], words[j].lower()
        if w == "and" and j + 1 < len(words) and words[j - 1][:1].isupper() and words[j + 1][:1].isupper():
            continue  # a compound subject: "China and Malaysia"
        if w in _CLAUSE_STOP or w == "," or lower in _OTHER_VERB or lower in _PAST_REPORTING:
            return []
        if lower == "had" and dated and not relative and j + 1 < len(words) and words[j + 1] != "been" and _participle_at(words, j + 1, verbs, nouns) and words[j + 1] not in nouns.noun_forms:
            past = verbs.past_of.get(words[j + 1], words[j + 1])
            return [TenseEdit(j, j + 2, (past,))]
        if lower in verbs.past or lower in ("was", "were", "has", "have", "will", "would"):
            return []
        if past_only and lower in ("is", "are"):
            return [TenseEdit(j, j + 1, ("was" if lower == "is" else "were",))]
        compound = j >= 2 and words[j - 1][:1].isupper() and words[j - 2] == "and"  # "China and Malaysia establish"
        prev = words[j - 1].lower()
        if past_only and j > start and w.islower() and lower in verbs.base and (compound or lower not in nouns.noun_forms and (
            prev in ("they", "we") or nouns.plural(prev)
        ) or _base_after_singular(words, j, verbs, nouns)):
            # "Last year, the grain output reach 77.9 million tonnes": a base
            # form after a singular noun is no present either; the past mends both.
            past = verbs.past_form(lower)  # "Fifty years ago, China and Malaysia establish" -> "established"
            return [TenseEdit(j, j + 1, (past,))] if past else []
        if past_only and j > start and lower in verbs.third and (lower not in nouns.noun_forms or _verb_use(words, j)):
            past = verbs.past_form(verbs.base_of.get(lower, ""))
            return [TenseEdit(j, j + 1, (past,))] if past else []
    return []


# ------------------------------------------------- present ... last year

# Before a past time these make it a point of comparison, not the clause's
# time: "sales are up 5 percent from last year", "higher than last year".
_COMPARED = frozenset("from than over on against versus vs since of to until till as like".split())


def _past_only_time(words: list[str], j: int) -> bool:
    """A time at ``j`` that can only be past: "yesterday", "last week",
    "three days ago", "the previous day" ("on Monday" may be next Monday)."""
    size = finished_time(words, j)
    return bool(size) and any(w.lower() in _PAST_ONLY for w in words[j : j + size])


def _past_time_after(words: list[str], k: int, verbs: VerbForms) -> bool:
    """Does a past-only time follow ``k`` in the same clause, with no other
    verb, comparison or mark of "up to now" between?"""
    for j in range(k, min(len(words), k + 14)):
        w = words[j].lower()
        if words[j] in _CLAUSE_STOP or words[j] == "," or w in _OTHER_VERB or w in _UP_TO_NOW or w in _FINITE_STOP:
            return False
        if j > k and (w in verbs.past or w in verbs.gerunds) and words[j].islower():
            return False  # another verb: "is reviewing the budget approved last year"
        if _past_only_time(words, j):
            return words[j - 1].lower() not in _COMPARED
    return False


def presents_with_past_time(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[TenseEdit]:
    """A present ("is", "are", "is growing", "grows") whose clause names a
    time that can only be past: "The volume of trade is growing by 25 percent
    last year" -> "grew"/"was growing"."""
    found = []
    for i, w in enumerate(words[:-1]):
        lower = w.lower()
        if i == 0 or lower not in ("is", "are") and not (lower in verbs.third and lower not in nouns.noun_forms and w.islower()):
            continue
        if words[i - 1].lower() in _DETERMINERS or words[i - 1].lower() in _COMPARED or words[i - 1] == "-":
            continue
        if lower in ("is", "are"):
            nxt = words[i + 1].lower()
            if nxt in verbs.gerunds and nxt != "being":
                if not _past_time_after(words, i + 2, verbs):
                    continue
                base = verbs.base_of_gerund.get(nxt)
                past = verbs.past_form(base) if base else None
                aux = "was" if lower == "is" else "were"
                forms = ((past,) if past else ()) + (f"{aux} {words[i + 1]}",)
                found.append(TenseEdit(i, i + 2, forms))
            elif nxt in nouns.participles and nxt not in nouns.noun_forms or not _past_time_after(words, i + 1, verbs):
                continue  # a passive: "is expected … last year" is odd, and its fix is the editor's
            else:
                found.append(TenseEdit(i, i + 1, ("was" if lower == "is" else "were",)))
            continue
        if not _past_time_after(words, i + 1, verbs):
            continue
        past = verbs.past_form(verbs.base_of.get(lower, ""))
        if past:
            found.append(TenseEdit(i, i + 1, (past,)))
    return found


# ------------------------------------------------ will V … and V-ed

_WILL = frozenset("will would".split())
# Words that open another clause between "will V" and "and".
_SECOND_CLAUSE = frozenset("that which who when where while but or after before as because if since".split())
_FINITE_AUXILIARIES = frozenset("is are was were has have had".split())
# Past-looking words after "and" that are no simple past of a second verb.
_NO_SECOND_VERB = _NOT_SIMPLE | {"was", "were"}


def pasts_after_will_and(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[TenseEdit]:
    """A bare past after "and" that shares "will" with the verb before it:
    "The exhibition will open on Friday and lasted until October" -> "last".
    The second verb of a pair takes the first one's auxiliary; a past there
    copies the source's tense of the event, not English grammar."""
    found = []
    n = len(words)
    for i, w in enumerate(words[:-2]):
        if w.lower() not in _WILL or words[i + 1] not in verbs.base or words[i + 1] in ("be", "have", "not"):
            continue  # "will be renamed and restructured": participles share the "be"
        for j in range(i + 2, min(n - 1, i + 16)):
            word = words[j]
            lower = word.lower()
            if word in _CLAUSE_STOP or word == "," or lower in _SECOND_CLAUSE:
                break
            if lower in _WILL or lower in _FINITE_AUXILIARIES:
                break  # another finite verb
            if lower != "and":
                continue
            verb = words[j + 1]
            if not verb.islower() or verb not in verbs.past or verb in nouns.noun_forms or verb in _NO_SECOND_VERB:
                break
            prev = words[j - 1]
            if not (prev[:1].isdigit() or prev[:1].isupper() or prev.lower() in nouns.noun_forms):
                break  # "will provide free and automated certificates": adjectives, not two verbs
            nxt = words[j + 2].lower() if j + 2 < n else ""
            if nxt == "by" or _past_time_after(words, j + 2, verbs):
                break  # "and supported by": a participle; "and hired 200 workers last year": its own past
            base = verbs.base_of.get(verb)
            if base:
                found.append(TenseEdit(j + 1, j + 2, (base,)))
            break
    return found


# ------------------------------------------------- a present in a past narrative

# Verbs whose present tells a state that may hold now, inside a past report
# ("said on Monday that the company plans to…"): left alone.
_STATIVE = frozenset(
    """is are am has have remains remain continues continue plans plan intends intend expects expect
    hopes hope believes believe considers consider needs need wants want seems seem appears appear
    includes include contains contain consists consist provides provide requires require means mean
    depends depend belongs belong knows know lies lie stands stand holds hold lasts last covers
    cover amounts amount totals total exceeds exceed stays stay""".split()
)
# Words that open a subordinate clause: its present may be the writer's now.
_SUBORDINATE = frozenset("that which who whom whose if when whether where because while as than so".split())
_NOT_VERBS = frozenset("near thanks like round past plus minus worth due less over under headquarters".split())


def presents_in_past_narrative(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[TenseEdit]:
    """A present in a main clause that the sentence places in the past twice
    over: a finished time in the clause ("on Tuesday", "on Saturday evening")
    and a past verb elsewhere in the sentence ("…, where the two leaders
    discussed", "… and held talks", "…, the agency said"). "On Tuesday,
    President Erdogan receives the Prime Minister of Hungary…, where the two
    leaders discussed energy" -> "received"."""
    if any(w.lower() in ("will", "would", "shall") for w in words):
        return []  # a scheduled event: "arrives in Minsk on Monday and will hold talks"
    pasts = [k for k in range(1, len(words)) if _past_verb(words, k, verbs, nouns)]
    if not pasts:
        return []
    times = [t for t in range(len(words)) if finished_time(words, t)]
    if not times:
        return []
    found = []
    for i in range(1, len(words) - 1):
        base = _present_verb(words, i, verbs, nouns)
        if base is None or not any(_same_clause(words, i, t) for t in times) or not any(k > i for k in pasts):
            continue  # a past before the verb may be a participle: "A map published in 2010 suggests"
        past = verbs.past_form(base)
        if past:
            found.append(TenseEdit(i, i + 1, (past,)))
    return found[:1]


def _past_verb(words: list[str], k: int, verbs: VerbForms, nouns: NounTable) -> bool:
    """A past verb after its subject or "and" ("the leaders discussed", "and
    held talks"), or a past reporting verb, not a participle ("signed by")."""
    word = words[k]
    if word.lower() in _PAST_REPORTING:
        return False  # "…, the ministry said": a report of a scheduled event is past too
    if word not in verbs.past or (k + 1 < len(words) and words[k + 1] == "by"):
        return False
    before = words[k - 1]
    return before.lower() in _CLAUSE_PRONOUNS or before == "and" or before.islower() and before in nouns.noun_forms


def _present_verb(words: list[str], i: int, verbs: VerbForms, nouns: NounTable) -> str | None:
    """The base of the present verb at ``i`` in a main clause, after its subject, if it is one."""
    word, before = words[i], words[i - 1]
    if not word.islower() or word in _STATIVE or word in _NOT_VERBS or word in verbs.past or words[i + 1] == "of":
        return None  # "near the border", "thanks to", "the first intercepts of": no verbs
    if not (before[:1].isupper() or before.lower() in _CLAUSE_PRONOUNS or before.islower() and before in nouns.noun_forms):
        return None
    if before.lower() in _DETERMINERS:
        return None
    if word in verbs.third and word not in nouns.noun_forms:
        base = verbs.base_of.get(word)
    elif word in verbs.base and word not in nouns.noun_forms and (before.lower() == "they" or nouns.plural(before.lower())):
        base = word
    else:
        return None
    window = range(max(0, i - 8), i)
    if any(
        words[k].lower() in BARE_INFINITIVE_BEFORE
        or words[k].lower() in _SUBORDINATE and not (words[k] == "that" and k and words[k - 1].lower() in _PAST_REPORTING)
        for k in window
    ):
        return None  # a subordinate clause (but a clause reported after "said that"), an infinitive or a modal before
    return base


def _same_clause(words: list[str], i: int, t: int) -> bool:
    """Is the time at ``t`` in the clause of the verb at ``i``: between them
    no comma or clause opener, or the time opens the sentence ("On Tuesday, …")?"""
    if t < i and finished_time(words, t) and (t == 0 or words[t - 1] in ("-", "–", ")")) and "," in words[t:i]:
        return words.index(",", t) < i and not any(w in _SUBORDINATE for w in words[words.index(",", t) + 1 : i])
    lo, hi = (t, i) if t < i else (i, t)
    if hi - lo > 14:
        return False
    return not any(w in _CLAUSE_STOP or w == "," or w.lower() in _SUBORDINATE for w in words[lo + 1 : hi])
