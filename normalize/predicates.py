"""Broken predicates a grammar check can see without a parser.

Two kinds, both common in translated copy:

- A clause whose -ing verb has lost its auxiliary: "The minister stressing on
  the importance of…", "noted that the measures taken to support small
  businesses already yielding results". Russian, Chinese and Turkish have no
  progressive auxiliary to carry over, so the translation keeps only the
  participle and the clause has no finite verb at all.
- A to-infinitive after a verb that takes only the -ing form: "considered to
  raise", "postponed to hold", "envisages to build". The source languages use
  an infinitive after these verbs.

The first check is narrow on purpose: the clause must open the sentence or
follow a reporting verb and "that" ("noted that"), its subject head is found
with the model's noun table, and the whole rest of the sentence must hold no
word that could be a finite verb (an auxiliary or modal, a past form, a
third-person form that is no noun, a base form after a pronoun, a noun or an
adverb). Reduced relatives ("the people living in the area are…") therefore
keep their verb and are left alone. The fix inserts an auxiliary before the
-ing verb (or before the adverbs in front of it); the fluency model picks is,
are, was or were of the subject's number, and it is only ever suggested.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from normalize.agreement import _ADVERBS, _PLURAL_QUANTIFIERS, _after_opening, _head, _number
from normalize.nouns import _DETERMINERS, _FUNCTION, _ING_PREPOSITIONS, NounTable, _after_dateline, parse_morph, reported_clauses

# Verbs that take the -ing form and never a to-infinitive. Verbs that take
# both ("start", "continue", "propose", "stop" with another sense) are left out.
# ("consider" is left out: "which some considered to include" extracts its
# object; "mind", "practice" and "delay" are nouns as often: "a mind to".)
GERUND_VERBS = frozenset(
    """avoid finish enjoy suggest postpone risk deny quit resist imagine involve mention
    appreciate discuss complete envisage envision contemplate anticipate justify tolerate
    recommend""".split()
)
_MODALS = frozenset(
    """is are was were be been am has have had will would can could may might must should
    shall does did do 's ’s""".split()
)
_PRONOUNS = frozenset("i we you they he she it who which".split())
# Words after which a verb takes its bare form ("to build", "will build").
BARE_INFINITIVE_BEFORE = frozenset("to will would can could may might must should".split())
# After these the verb-looking word is a noun: "from start to finish".
_NOUN_BEFORE = frozenset("of in on at for with by to from about into over under after before during".split())
MAX_SUBJECT = 12  # words from the subject's head to its -ing verb


# Verbs with two accepted participles (or pasts): "has got"/"gotten", "has
# proved"/"proven", "fit"/"fitted".
_BOTH_PARTICIPLES = frozenset(
    """got gotten proved proven disproved disproven fit fitted hewed hewn swelled swollen mowed
    mown sawed sawn sewed sewn showed shown shaved shaven beat beaten strove striven dove dived
    lit lighted woke waked""".split()
)


@dataclass(frozen=True)
class VerbForms:
    """Verb forms by tag, from the model's ``morph.tsv`` groups."""

    past: frozenset[str]  # VBD (and the VBN written the same)
    third: frozenset[str]  # VBZ
    base: frozenset[str]  # VB/VBP
    gerund_of: dict[str, str]  # base form -> -ing form
    forms_of: dict[str, frozenset[str]]  # base form -> its other finite forms (VBD, VBZ)
    # Irregular verbs whose past and participle differ: "underwent" <-> "undergone".
    participle_of: dict[str, str] = field(default_factory=dict)  # VBD -> VBN
    past_of: dict[str, str] = field(default_factory=dict)  # VBN -> VBD

    @classmethod
    def from_morph(cls, groups: Iterable[str]) -> "VerbForms":
        past: set[str] = set()
        third: set[str] = set()
        base: set[str] = set()
        gerund_of: dict[str, str] = {}
        forms_of: dict[str, frozenset[str]] = {}
        participle_of: dict[str, str] = {}
        past_of: dict[str, str] = {}
        vbns: set[str] = set()
        sets = {"VBD": past, "VBZ": third, "VB": base, "VBP": base}
        for upos, tags in parse_morph(groups):
            if upos != "VERB":
                continue
            for tag, form in tags:
                sets.get(tag, set()).add(form)
            by_tag = dict(tags)
            if "VB" in by_tag:
                if "VBG" in by_tag:
                    gerund_of.setdefault(by_tag["VB"], by_tag["VBG"])
                forms_of.setdefault(by_tag["VB"], frozenset(f for t, f in tags if t in ("VBD", "VBZ")))
            pasts = {f for t, f in tags if t == "VBD"}
            participles = {f for t, f in tags if t == "VBN"}
            if len(pasts) == 1 and len(participles) == 1 and pasts.isdisjoint(participles):
                (vbd,), (vbn,) = pasts, participles
                participle_of.setdefault(vbd, vbn)
                past_of.setdefault(vbn, vbd)
                vbns.add(vbn)
            vbns.update(f for t, f in tags if t == "VBN" and len(participles) > 1)
        # Forms that are also the other tag, or a base, of any verb ("come",
        # "got"/"gotten", "broadcast(ed)") are no evidence either way.
        participle_of = {d: n for d, n in participle_of.items() if d not in vbns | _BOTH_PARTICIPLES and n not in base}
        past_of = {n: d for n, d in past_of.items() if n not in past | base | _BOTH_PARTICIPLES and d not in vbns}
        return cls(frozenset(past), frozenset(third), frozenset(base), gerund_of, forms_of, participle_of, past_of)

    @cached_property
    def gerunds(self) -> frozenset[str]:
        return frozenset(self.gerund_of.values())

    @cached_property
    def base_of(self) -> dict[str, str]:
        """A finite form's base: "trains" -> "train", "built" -> "build"."""
        out: dict[str, str] = {}
        for base, forms in self.forms_of.items():
            for form in forms:
                out.setdefault(form, base)
        return out

    def past_form(self, base: str) -> str | None:
        """The simple past of ``base`` ("build" -> "built"), if known."""
        return next((f for f in sorted(self.forms_of.get(base, ())) if f in self.past), None)

    def third_form(self, base: str) -> str | None:
        """The third-person present of ``base`` ("build" -> "builds"), if known."""
        return next((f for f in sorted(self.forms_of.get(base, ())) if f in self.third), None)

    def participle(self, base: str) -> str:
        """The past participle of ``base`` ("build" -> "built", "see" -> "seen")."""
        past = self.past_form(base) or base + "ed"
        return self.participle_of.get(past, past)

    @cached_property
    def base_of_gerund(self) -> dict[str, str]:
        """An -ing form's base: "building" -> "build"."""
        return {ing: base for base, ing in self.gerund_of.items()}

    def all_forms(self, base: str) -> frozenset[str]:
        """Every form of ``base``: itself, its finite forms and its -ing form."""
        return frozenset({base, *self.forms_of.get(base, ()), self.gerund_of.get(base, base)})

    @cached_property
    def gerund_verb_forms(self) -> frozenset[str]:
        """Every form of GERUND_VERBS but the -ing one ("considering to" is a different slip)."""
        return GERUND_VERBS.union(*(self.forms_of.get(v, ()) for v in GERUND_VERBS))


def missing_auxiliaries(words: list[str], nouns: NounTable, verbs: VerbForms) -> list[tuple[int, str]]:
    """(index to insert an auxiliary before, the subject's number "sg"/"pl")
    for each clause whose -ing verb has no auxiliary and no other verb."""
    if len(words) < 6 or words[-1] not in (".", "!"):
        return []
    clauses = _clause_starts(words, len(words), nouns, verbs)
    found = []
    for i in clauses:
        named = _named_subject(words, i, nouns)
        if named is not None:
            head, number = named
        else:
            if words[i].lower() not in _DETERMINERS | _PLURAL_QUANTIFIERS:
                continue  # a bare or named subject may be a heading or a list ("Toad hunting to nuts")
            head = _head(words, i + 1, nouns, initial=False)
            if head is None:
                continue
            if words[i].lower() in ("this", "that") and head == i + 1 and words[head].lower() in verbs.third:
                continue  # "this causes lasting damage": a singular pronoun and its verb, not "this" + a plural noun
            number = _number(words[head].lower(), nouns)
        verb = _bare_participle(words, head, nouns, verbs)
        if number is None or verb is None:
            continue
        # Any word that may be a verb keeps the clause out ("the horseman
        # representing famine rides"), except that after an adverb + participle
        # ("already yielding tangible results") a noun-or-verb word is its object.
        adverb = words[verb - 1] in _ADVERBS
        if any(
            _may_be_finite(words, j, nouns, verbs, strict=adverb and j > verb)
            and not (j < verb and words[j - 1].lower() in ("who", "which"))  # "citizens who remain … continuing"
            and not _compound_noun(words, j, verb, nouns, verbs)
            for j in range(i, len(words))
        ):
            continue
        insert = verb
        while insert - 1 > head and words[insert - 1] in _ADVERBS:
            insert -= 1
        found.append((insert, number))
    return found


# Titles that head a subject on their own ("The Minister of Foreign Affairs of
# Kazakhstan, during the meeting, emphasizing"): a person, so singular.
_SUBJECT_TITLES = frozenset(
    "Minister President Premier Ambassador Governor Mayor Chairman Spokesman Spokesperson Secretary Envoy".split()
)
_MIN_NAMED_WORDS = 8  # a shorter line with a name may be a heading or a caption


def _named_subject(words: list[str], i: int, nouns: NounTable) -> tuple[int, str] | None:
    """(head, number) of a subject that opens with a name: "Syrian Arab Army
    units" (capitalised words, then a lower-case noun) or "The Minister of …"
    (a title). Only in a full sentence of some length."""
    if len(words) < _MIN_NAMED_WORDS or not words[i][:1].isupper():
        return None
    if words[i] == "The" and i + 1 < len(words) and words[i + 1] in _SUBJECT_TITLES:
        return i + 1, "sg"
    j = i
    while j < min(i + 5, len(words)) and words[j][:1].isupper() and words[j].isalpha() and words[j].lower() not in _FUNCTION:
        j += 1
    if j == i or j >= len(words) or not words[j].isalpha() or not words[j].islower():
        return None
    number = _number(words[j], nouns)
    return (j, number) if number is not None else None


def _clause_starts(words: list[str], end: int, nouns: NounTable, verbs: VerbForms) -> list[int]:
    """Where the clauses whose predicate is checked start: the sentence
    after a dateline, clauses reported after "said that" (before ``end``),
    and the main clause after an opening adverbial ("According to the
    ministry, the rate…") unless the part before the comma has a verb of its
    own ("In 86 he founded the Games, a contest comprising…")."""
    start = _after_dateline(words)
    if not words[start][:1].isupper():
        return []
    opening = [
        i for i in _after_opening(words, start)
        if not any(_may_be_finite(words, j, nouns, verbs) for j in range(start + 1, i - 1))
    ]
    return [start, *(i for i in reported_clauses(words, start) if i < end), *opening]


def _compound_noun(words: list[str], j: int, verb: int, nouns: NounTable, verbs: VerbForms) -> bool:
    """Is ``words[j]``, right before the -ing verb, the second noun of a
    compound ("the conflict zone continuing")? A base form after a singular
    noun cannot be its finite verb; "the specimens exhibit distinguishing
    features" keeps its verb."""
    if j != verb - 1 or j < 1:
        return False
    lower = words[j].lower()
    return lower not in verbs.third and lower not in verbs.past and _number(words[j - 1].lower(), nouns) == "sg"


def _bare_participle(words: list[str], head: int, nouns: NounTable, verbs: VerbForms) -> int | None:
    """The first -ing verb after the subject's head, if a noun or an adverb
    comes right before it and no punctuation lies between ("the measures
    taken to support businesses already yielding"), or it follows at once
    one parenthesis between commas."""
    gerunds = verbs.gerunds
    for j in range(head + 1, min(head + 1 + MAX_SUBJECT, len(words))):
        word = words[j]
        if word == ",":
            # One parenthesis between commas ("…, during the meeting with his
            # counterpart, emphasizing"), then the -ing verb at once.
            close = next((k for k in range(j + 2, min(j + 14, len(words))) if words[k] == ","), None)
            if close is None or close + 1 >= len(words):
                return None
            nxt = words[close + 1].lower()
            ok = nxt in gerunds and nxt not in nouns.noun_forms and nxt not in _ING_PREPOSITIONS
            return close + 1 if ok and all(w.replace("-", "").isalnum() for w in words[j + 1 : close]) else None
        if not word.replace("-", "").isalnum():
            return None
        lower = word.lower()
        verb_use = lower not in nouns.noun_forms or j + 1 < len(words) and words[j + 1].lower() in _DETERMINERS
        if lower in gerunds and verb_use and lower not in _ING_PREPOSITIONS:
            before = words[j - 1].lower()
            return j if before in _ADVERBS or before in nouns.noun_forms and before not in _FUNCTION else None
    return None


def _may_be_finite(words: list[str], j: int, nouns: NounTable, verbs: VerbForms, *, strict: bool = False) -> bool:
    """Could ``words[j]`` be a finite verb? Generous on purpose: every yes
    keeps the clause out of the check. ``strict``: a word that may also be a
    noun is no verb."""
    lower = words[j].lower()
    if lower in _MODALS:
        return True
    before = words[j - 1].lower() if j else ""
    if lower in verbs.past:
        return before not in _DETERMINERS  # "the united front" is no verb
    if lower in verbs.third or lower in verbs.base:
        if before == "to":
            return False  # an infinitive
        if lower not in nouns.noun_forms:
            return True
        if strict:
            return False
        # "results", "plans": a verb after a subject-like word
        return before in _PRONOUNS or before in _ADVERBS or before in nouns.noun_forms or (
            j > 1 and words[j - 1][:1].isupper()
        )
    return False


def infinitives_after_gerund_verbs(words: list[str], verbs: VerbForms) -> list[tuple[int, int, str]]:
    """(index of "to", index of the verb after it, that verb's -ing form)
    where "to" + base form follows a verb that takes only the -ing form
    ("considered to raise" -> "considered raising")."""
    found = []
    lemmas = verbs.gerund_verb_forms
    for i in range(1, len(words) - 2):
        if words[i].lower() != "to" or words[i - 1].lower() not in lemmas:
            continue
        nxt = words[i + 1].lower()
        form = verbs.gerund_of.get(nxt)
        if form is None or nxt in ("be", "have"):
            continue  # "considered to be", "considered to have been": a passive report
        verb, before = words[i - 1].lower(), words[i - 2]
        if verb in verbs.past and not (before.lower() in _PRONOUNS or before[:1].isupper() and i > 2):
            continue  # "steps suggested to lower the risk", "is often recommended to": a passive
        if not words[i + 1].islower():
            continue  # "suggested to King Afonso"
        if before.lower() in _DETERMINERS or before.lower() in _NOUN_BEFORE:
            continue  # a noun: "from start to finish to", "some risk to"
        found.append((i, i + 1, form))
    return found


# A base-form verb right after a named subject and before its object's
# determiner ("President Jokowi inaugurate the toll road") lost its ending:
# Indonesian, Thai, Vietnamese and Chinese verbs have none to carry over.
_OBJECT_OPENERS = frozenset("the a an his her its their this these those our".split())
# Lower-case words a name or title may hold ("Ministry of Health", "Abdullah bin Zayed").
_IN_NAMES = frozenset("of for the de al bin ibn van von da".split())


def bare_verbs_after_names(words: list[str], verbs: VerbForms) -> list[int]:
    """Indices of base-form verbs whose subject, opening the sentence, is a
    person named by a title ("President Jokowi inaugurate the", "The Prime
    Minister chair the"): a finite verb is meant, its tense the editor's
    choice. A base form that is also a past or third-person form ("cut",
    "put") is no evidence, nor is a subject joined by "and" (a plural)."""
    start = _after_dateline(words)
    k = start
    while k < len(words) and (words[k][:1].isupper() or (k > start and words[k] in _IN_NAMES)):
        k += 1
    if k == start or k + 1 >= len(words) or words[k - 1] in _IN_NAMES or k - start > 8:
        return []
    verb, last = words[k], words[k - 1]
    if not verb.islower() or verb not in verbs.base or verb in verbs.past or verb in verbs.third or verb in _FUNCTION:
        return []
    heads = [last] + [words[j - 1] for j in range(start + 1, k) if words[j] in ("of", "for")]
    if any(w.endswith("s") and not w.endswith("ss") for w in heads) or verb in _ALSO_PREPOSITIONS:
        # a plural ("Officials expect the", "Members of the council include"),
        # or a name we cannot tell from one; "Station near the" is no verb
        return []
    if any(w.lower() in verbs.past or w.lower() in verbs.gerunds for w in words[start:k]):
        return []  # an opening participle ("Enraged over the death of …", "Traveling down the")
    if words[k + 1] not in _OBJECT_OPENERS:
        return []  # ("film The Grand Budapest Hotel": a title, not an object)
    first = words[start].lower()
    if first in _FUNCTION - {"the"} or first in _NOT_A_SUBJECT or k - start < (3 if first == "the" else 2):
        return []  # "Among Czech people the…", "May God give the…"
    if not any(w in _TITLES for w in words[start:k]):
        # Only one person, named by a title ("President Jokowi", "The Prime
        # Minister"), is judged: a one-word subject may be a plural ("Algae
        # lack the"), and British copy gives teams and bodies plural verbs
        # ("Real Madrid host the holders", "The Metropolitan Police urge").
        return []
    return [k]


_TITLES = frozenset(
    """President Minister Chairman Chairwoman Governor Mayor King Queen Prince Princess Emir
    Sheikh Sultan Secretary Ambassador Premier Chancellor Speaker Commander General Senator
    Pope Patriarch Governor-General Vice-President""".split()
)


_ALSO_PREPOSITIONS = frozenset("near like round past down up out off over".split())
_NOT_A_SUBJECT = frozenset("may might can could will would shall should must let please later next then also oh en".split())


# ------------------------------------------------------------ lost copulas
#
# A clause that lost its "be" before a predicative adjective or a passive
# participle: "Kazakhstan ready to expand cooperation", "The Chinese company
# Sinopec interested in participating", "Inflation expected to slow", "Three
# suspects detained by the State Committee on charges of…", "The talks held
# in a friendly atmosphere, the agency reported". Russian, Chinese, Arabic
# and Turkish need no copula there (or put the passive in the verb itself).
# The same check as ``missing_auxiliaries``: no other word of the clause may
# be a finite verb, so "the companies interested in the tender must apply"
# keeps its verb. A trailing attribution (", the ministry said.") is no part
# of the clause.

# Adjectives that need "be" to predicate, with the words that follow them.
PREDICATIVES = {
    **dict.fromkeys(
        """ready willing able unable likely unlikely keen eager determined due scheduled
        expected supposed obliged""".split(),
        ("to",),
    ),
    **dict.fromkeys("interested rich".split(), ("in",)),
    **dict.fromkeys("grateful responsible".split(), ("to", "for")),
    **dict.fromkeys("confident aware convinced".split(), ("of", "that")),
    "concerned": ("about", "over"),
    "open": ("to",),
    "capable": ("of",),
}
# Participles that, with an agent or a place after them, are a passive here:
# a finite past of these takes an object ("The ministers held talks").
PASSIVE_PARTICIPLES = frozenset(
    """held signed attended detained arrested killed injured wounded elected appointed received
    provided allocated invited delivered financed funded built constructed adopted approved
    organized organised hosted chaired seized accompanied welcomed awarded granted supported
    conducted""".split()
)
_AGENT_OPENERS = frozenset("the a an his her its their this these by".split())
_PLACE_PREPOSITIONS = frozenset("by in at under within".split())
_ATTRIBUTION = frozenset(
    """said says reported reports noted notes added adds stated states announced told
    according quoted informed wrote confirmed""".split()
)


def missing_copulas(words: list[str], nouns: NounTable, verbs: VerbForms) -> list[tuple[int, str]]:
    """(index to insert "is/are/was/were" before, the subject's number) for
    each clause above."""
    end = _before_attribution(words)
    if end < 5 or words[-1] not in (".", "!"):
        return []
    clauses = _clause_starts(words, end, nouns, verbs)
    found = []
    for i in clauses:
        subject = _copula_subject(words, i, end, nouns)
        if subject is None:
            continue
        head, number = subject
        k = _predicate_after(words, head, end, nouns, verbs)
        if k is None:
            continue
        # After the predicate a word that may also be a noun is one ("member
        # states", "mass riots"); before it, any verb-like word keeps the
        # clause out; an infinitive's "be" is no finite verb.
        if any(
            j != k and words[j - 1] != "to"
            and (_may_be_finite(words, j, nouns, verbs, strict=j > k) or j > k and _verb_with_object(words, j, verbs))
            for j in range(i, end)
        ):
            continue
        found.append((k, number))
    return found


_OBJECT_AFTER = frozenset("a an the its their his her this these that them it us".split())


def _verb_with_object(words: list[str], j: int, verbs: VerbForms) -> bool:
    """A present verb that is also a noun, read as the clause's verb: with an
    object after it, an adverb before it, or (an -s form) between a name and
    a preposition ("The survey conducted by the bureau shows a rise", "The
    bridge built by the Romans still stands", "built by the Normans stands on")."""
    lower = words[j].lower()
    if lower not in verbs.third and lower not in verbs.base:
        return False
    nxt = words[j + 1].lower() if j + 1 < len(words) else ""
    return nxt in _OBJECT_AFTER or words[j - 1].lower() in _ADVERBS or lower in verbs.third and words[j - 1][:1].isupper() and nxt in _NOUN_BEFORE


def _predicate_after(words: list[str], head: int, end: int, nouns: NounTable, verbs: VerbForms) -> int | None:
    """Index of the predicative adjective or passive participle after the
    subject's head: right after it, after a name in apposition ("The
    Chinese company Sinopec interested in"), after adverbs, or after a
    prepositional phrase ("Financing for the project provided by")."""
    k = head + 1
    names = 0
    while k < end and words[k][:1].isupper() and words[k].isalpha() and names < 3:
        k, names = k + 1, names + 1
    if k < end and words[k] in _NOUN_BEFORE and not names:
        for j in range(k + 1, min(end, k + 9)):
            if _predicative(words, j, nouns, verbs) and words[j - 1].lower() not in _DETERMINERS:
                return j
            if not words[j].replace("-", "").isalnum() or _may_be_finite(words, j, nouns, verbs, strict=True):
                return None
        return None
    while k < end and words[k] in _ADVERBS:
        k += 1
    return k if k + 1 < end and _predicative(words, k, nouns, verbs) else None


def _copula_subject(words: list[str], i: int, end: int, nouns: NounTable) -> tuple[int, str] | None:
    """(head, number) of the subject opening at ``i``: a determiner's or
    quantifier's noun ("The talks", "Both leaders", "Three suspects"), or a
    bare capitalised name or noun of one or two words ("Kazakhstan",
    "Inflation") in a sentence long enough to be no headline."""
    first = words[i].lower()
    counted = first in _PLURAL_QUANTIFIERS or first in _COUNT_WORDS or first.isdigit()
    if counted or first in _DETERMINERS:
        head = _head(words, i + 1, nouns, initial=False)
        if head is None:
            return None
        number = "pl" if counted else _number(words[head].lower(), nouns)
        return None if number is None else (head, number)
    if not words[i][:1].isupper() or first in _FUNCTION or end - i < 8:
        return None
    head = i + 1 if words[i + 1][:1].isupper() and words[i + 1].isalpha() else i
    if not words[head].isalpha():
        return None
    lower = words[head].lower()
    if lower in nouns.noun_forms:
        number = _number(lower, nouns)
        return None if number is None else (head, number)
    return head, "sg"  # a name: "Kazakhstan", "Mongolia"


_COUNT_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands".split())


def _predicative(words: list[str], k: int, nouns: NounTable, verbs: VerbForms) -> bool:
    """Does a predicative adjective with its preposition, or a passive
    participle with its agent or place, stand at ``k``?"""
    lower, after = words[k].lower(), words[k + 1].lower()
    if after in PREDICATIVES.get(lower, ()):
        return True
    if lower not in PASSIVE_PARTICIPLES or after not in _PLACE_PREPOSITIONS:
        return False
    return k + 2 < len(words) and (words[k + 2].lower() in _AGENT_OPENERS or words[k + 2][:1].isupper())


def _before_attribution(words: list[str]) -> int:
    """Where the clause ends before a closing attribution (", the ministry
    said.", ", according to the ministry.", ", the agency reported, citing
    …"), else the sentence's last word. The attribution's verb opens or
    closes its part, which runs to the end or is followed by a participle's."""
    last = len(words) - 1
    commas = [j for j in range(last - 1, max(0, last - 16), -1) if words[j] == ","][:2]
    for j in commas:
        stop = next((c for c in range(j + 1, last) if words[c] == ","), last)
        segment = [w.lower() for w in words[j + 1 : stop]]
        if not segment or stop != last and not segment[0].endswith("ing"):
            continue  # a clause between commas ("which represent 40 member states") is no attribution
        if segment[0] in _ATTRIBUTION or segment[-1] in _ATTRIBUTION:
            return j  # ", said the minister", ", the ministry said", ", according to …"
        if stop == last and any(w in _ATTRIBUTION for w in segment[1:5]) and words[j + 1][:1].isupper():
            return j  # ", Foreign Minister said during a press conference in Ankara."
    return last


# ------------------------------------------------------------ past or participle
#
# Irregular verbs keep two forms apart that the source languages do not:
# "has underwent", "have forbade", "have been overcame" put the past after
# "have"; "the vessel, which sunk off Lesbos" puts the participle where the
# past belongs. Only verbs whose two forms differ (the model's tables) are read.

_PERFECT = frozenset("has have had having been".split())
_BETWEEN = frozenset("already now also just recently successfully finally not never all both since".split())
_PAST_SUBJECTS = frozenset("which who he she they we".split())
# "has he sunk", "was it begun": a participle after these two words back is right.
_BEFORE_A_PASSIVE = _PERFECT | frozenset("is are was were be get got".split())


def pasts_after_have(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[tuple[int, str]]:
    """(index, the participle) for a past after "have/has/had/been"."""
    found = []
    for i, word in enumerate(words[:-1]):
        if word.lower() not in _PERFECT:
            continue
        k = i + 1
        while k < len(words) - 1 and words[k].lower() in _BETWEEN:
            k += 1
        verb = words[k]
        form = verbs.participle_of.get(verb)
        if form is None or not verb.islower():
            continue
        after = words[k + 1] if k + 1 < len(words) else ""
        if verb in nouns.noun_forms and after.isalpha() and after.islower() and after not in _FUNCTION:
            continue  # "has rose gardens", "had saw blades": a noun
        found.append((k, form))
    return found


def participles_as_past(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[tuple[int, str]]:
    """(index, the past) for a participle right after a subject pronoun or a
    relative ("which sunk off the coast", "they begun")."""
    found = []
    for k in range(1, len(words) - 1):
        form = verbs.past_of.get(words[k])
        if form is None or words[k - 1].lower() not in _PAST_SUBJECTS:
            continue
        if k >= 2 and words[k - 2].lower() in _BEFORE_A_PASSIVE:
            continue
        if words[k + 1].lower() in nouns.noun_forms:
            continue  # "in which known practitioners": an adjective
        if words[k + 1].lower() in _NOUN_BEFORE or words[k + 1].lower() == "as":
            continue  # "which given to the Romans", "which known as": a passive that lost its "was"
        found.append((k, form))
    return found


# ------------------------------------------------------- infinitive slips
#
# Verbs that take a to-infinitive: after them "to" + an -ing form is a slip
# ("continues to growing", "decided to establishing"). Turkish, Russian and
# Arabic mark the verbal noun and the infinitive alike, and MT output mixes
# the two.
INFINITIVE_VERBS = frozenset(
    """decide agree plan intend hope want seek refuse promise expect fail manage pledge vow try aim
    need offer attempt threaten strive undertake wish prepare arrange choose resolve continue
    begin start""".split()
)
# Of those, the ones that never take an -ing object: "decided building" is a
# slip, "continue growing", "try adding", "need updating" are not.
_NO_GERUND_OBJECT = frozenset("decide agree plan hope want seek refuse promise expect fail manage pledge vow threaten strive choose".split())
# Words after "is/are" + one of these that need "to": "is expected bring".
_TO_ADJECTIVES = frozenset("expected scheduled due supposed able unable likely unlikely going ready set slated poised".split())
_BE_FORMS = {"is": "sg", "are": "pl", "was": "sg", "were": "pl"}
# Base forms that are adjectives or participles as often ("is open", "is
# complete", "is set", "is free").
_ADJECTIVE_VERBS = frozenset(
    """open close clear free complete present separate perfect correct mean clean dry empty
    slow quiet calm secure level equal double busy right wrong ready due well better worse
    like near own live last even still upset welcome content""".split()
)
_RELATIVES = frozenset("which who that".split())


# "he refused saying that…", "declined adding that…": a comma the writer left
# out before a participle of saying, not an infinitive.
_REPORTING_PARTICIPLES = frozenset("saying adding noting stating explaining claiming arguing insisting stressing".split())


def infinitive_slips(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[tuple[int, int, tuple[str, ...]]]:
    """(first index, index after the last, replacements) for:
    "continues to growing" -> "grow"; "decided establishing" -> "to
    establish"; "is connect" -> "connects" / "is connecting"; "is expected
    bring" -> "expected to bring"."""
    found: list[tuple[int, int, tuple[str, ...]]] = []
    infinitive_forms = _forms(INFINITIVE_VERBS, verbs)
    no_object_forms = _forms(_NO_GERUND_OBJECT, verbs)
    base_of_gerund = verbs.base_of_gerund
    n = len(words)
    for k in range(1, n - 1):
        word, lower, before = words[k], words[k].lower(), words[k - 1].lower()
        if lower in base_of_gerund and word.islower():
            base = base_of_gerund[lower]
            if before == "to" and k >= 2 and _infinitive_to(words, k - 1, infinitive_forms, verbs):
                found.append((k, k + 1, (base,)))
            elif before in no_object_forms and _verb_read(words, k - 1, nouns) and _gerund_object(words, k, nouns) and lower not in _REPORTING_PARTICIPLES:
                found.append((k, k + 1, (f"to {base}",)))
        elif before == "be" and k >= 2 and words[k - 2].lower() in BARE_INFINITIVE_BEFORE and _bare_verb(words, k, verbs, nouns) and _object_next(words, k, nouns):
            # "is expected to be create about 3,000 jobs": drop "be", or the passive
            found.append((k - 1, k + 1, (words[k], f"be {verbs.participle(lower)}")))
        elif before in no_object_forms and before.endswith("ed") and _verb_read(words, k - 1, nouns) and _base_with_object(words, k, verbs, nouns):
            found.append((k, k, ("to ",)))  # "decided extend the ban"
        elif before in _BE_FORMS and _bare_verb(words, k, verbs, nouns) and (words[k + 1].lower() in _OBJECT_AFTER or words[k + 1].isdigit()):
            # An object must follow: "is connect the ports", not "is full",
            # "are appropriate for" (adjectives the tables list as verbs).
            number = _BE_FORMS[before]
            finite = _finite(lower, verbs, number, past=before in ("was", "were"))
            if finite is not None and not any(w.lower() in ("do", "does", "did", "done") for w in words[max(0, k - 8) : k]):
                found.append((k - 1, k + 1, (finite, f"{words[k - 1]} {verbs.gerund_of.get(lower, lower)}")))
        elif before in _TO_ADJECTIVES and k >= 2 and words[k - 2].lower() in _BE_FORMS and words[k + 1].lower() != "to" and (
            # "is ready further to develop": the infinitive has its "to" already
            _bare_verb(words, k, verbs, nouns) or before in ("able", "unable") and _base_with_object(words, k, verbs, nouns)
        ):
            found.append((k, k, ("to ",)))
    return found


def _object_next(words: list[str], k: int, nouns: NounTable) -> bool:
    """Does an object (a determiner, a number, a noun) follow the verb at ``k``?"""
    nxt = words[k + 1].lower() if k + 1 < len(words) else ""
    return nxt in _OBJECT_AFTER or nxt.isdigit() or nxt in ("about", "more", "over", "new") or nxt in nouns.noun_forms


def _base_with_object(words: list[str], k: int, verbs: VerbForms, nouns: NounTable) -> bool:
    """A bare verb at ``k`` (even one that is also a noun: "increase", "extend")
    followed by its object's determiner or adjective ("extend the ban",
    "increase bilateral trade")."""
    lower = words[k].lower()
    if not words[k].islower() or lower not in verbs.base or lower in verbs.past or lower in _ADJECTIVE_VERBS or lower in _FUNCTION:
        return False
    nxt = words[k + 1].lower() if k + 1 < len(words) else ""
    return nxt in _OBJECT_AFTER or nxt.isdigit() or nxt.isalpha() and nxt not in nouns.noun_forms and nxt not in _FUNCTION and not nxt.endswith("ly")


def _forms(bases: frozenset[str], verbs: VerbForms) -> frozenset[str]:
    return frozenset().union(*(verbs.all_forms(b) for b in bases))


def _infinitive_to(words: list[str], to: int, infinitive_forms: frozenset[str], verbs: VerbForms) -> bool:
    """Does "to" at ``to`` follow a verb that takes the to-infinitive
    ("continues to"), or repeat an earlier infinitive's "to" after "and"
    ("urged citizens to get vaccinated and to avoiding")?"""
    before = words[to - 1].lower()
    if before in infinitive_forms:
        return True
    if before not in ("and", "or"):
        return False
    for j in range(to - 2, max(0, to - 16), -1):
        if words[j].lower() == "to" and j + 1 < len(words):
            nxt = words[j + 1].lower()
            return nxt in verbs.base and nxt not in verbs.base_of_gerund
    return False


def _verb_read(words: list[str], k: int, nouns: NounTable) -> bool:
    """Is the form at ``k`` a verb here, not a noun ("the plans", "hopes")?"""
    lower = words[k].lower()
    if lower.endswith("ing") or lower.endswith("ed") or lower in ("sought", "chose", "chosen"):
        return words[k - 1].lower() not in _DETERMINERS
    before = words[k - 1].lower()
    return lower not in nouns.noun_forms or before in _PRONOUNS or before in BARE_INFINITIVE_BEFORE


def _gerund_object(words: list[str], k: int, nouns: NounTable) -> bool:
    """Is the -ing word at ``k`` a verb with its object ("planning building
    50 schools"), not a noun or compound ("planning meetings")?"""
    lower = words[k].lower()
    if lower in nouns.noun_forms:
        nxt = words[k + 1].lower() if k + 1 < len(words) else ""
        return nxt in _DETERMINERS or nxt.isdigit() or nxt in ("next", "new", "more")
    return True


def _bare_verb(words: list[str], k: int, verbs: VerbForms, nouns: NounTable) -> bool:
    """A verb's bare form that is no noun, adjective or participle ("connect")."""
    lower = words[k].lower()
    return (
        words[k].islower() and lower in verbs.base and lower not in nouns.noun_forms and lower not in nouns.participles
        and lower not in verbs.past and lower not in _ADJECTIVE_VERBS and lower not in _FUNCTION and lower.isalpha()
    )


def _finite(base: str, verbs: VerbForms, number: str, *, past: bool) -> str | None:
    if past:
        return verbs.past_form(base)
    return base if number == "pl" else verbs.third_form(base)


def relatives_without_be(words: list[str], nouns: NounTable, verbs: VerbForms) -> list[tuple[int, str]]:
    """(index to insert "is/are/was/were" before, the antecedent's number) for
    "which expected to open", "who scheduled to arrive": a relative clause
    that lost its "be" before "expected/scheduled/… to"; and "which hidden
    among", "who injured by the blast": "which/who" and a participle that
    cannot be a simple past, or a past form before "by" and its agent."""
    found = []
    for k in range(1, len(words) - 2):
        relative = words[k].lower()
        if relative not in _RELATIVES:
            continue
        nxt = words[k + 1].lower()
        lost_be = nxt in _TO_ADJECTIVES - {"able", "unable", "ready", "going", "due", "likely", "unlikely"} and words[k + 2] == "to"
        if not lost_be and relative != "that":  # "that seen in lightning" is a pronoun
            lost_be = nxt in verbs.past_of or _past_before_agent(words, k + 1, verbs)
        if not lost_be:
            continue
        j = k - 1 if words[k - 1] != "," else k - 2
        if j < 0 or not words[j].isalpha():
            continue
        number = _number(words[j].lower(), nouns) or ("sg" if words[j][:1].isupper() else None)
        if number is not None:
            found.append((k + 1, number))
    return found


# Verbs whose "by" after a relative pronoun is no agent ("who lived by
# farming", "who ruled by decree", "which stood by the river").
_BY_NOT_AGENT = frozenset("abided lived stood swore passed went started ended ruled served stopped dropped came".split())


def _past_before_agent(words: list[str], k: int, verbs: VerbForms) -> bool:
    """Is ``words[k]`` a regular past form followed by "by" and a noun phrase
    ("which damaged by the flood")? A relative whose verb has an agent is
    passive and needs its "be"."""
    if k + 2 >= len(words) or words[k + 1].lower() != "by":
        return False
    lower, after = words[k].lower(), words[k + 2]
    if lower not in verbs.past or not lower.endswith("ed") or lower in _BY_NOT_AGENT:
        return False
    return after.lower() in _OBJECT_DETERMINERS or after[:1].isupper() or after[:1].isdigit()


# ---------------------------------------------------- a passive with an object

# Participles whose passive does take an object or a complement: the
# indirect-object verbs ("was given a medal", "were offered jobs"), naming
# and judging ("was named the best player", "is considered the largest"),
# reporting ("It is reported the minister resigned") and measures ("was
# delayed two hours", "is located 30 km from", "was suspended 10 games"),
# or a complement ("was confirmed the winner").
_PASSIVE_WITH_OBJECT = frozenset(
    """given awarded granted offered shown sent told asked promised allowed denied paid fined
    sentenced charged handed issued assigned allocated allotted named called elected appointed
    considered deemed declared made crowned dubbed voted ranked rated priced valued estimated
    located situated delayed postponed extended raised reduced cut lowered increased decreased
    expected scheduled set taught lent left spared refused served fed saved cost billed credited
    owed reported said believed known thought announced understood feared alleged rumoured
    rumored claimed regarded seen heard found born placed listed labelled labeled titled
    termed nicknamed renamed presented provided supplied accorded afforded guaranteed forgiven
    spent taken kept held brought built worth earned won lost scored created designated christened
    proclaimed ruled judged cited numbered renumbered denoted gifted prescribed classified counted
    mentioned used pushed changed done founded delivered married argued described suggested noted
    stated hidden read dealt penalised penalized docked towed tonsured ordained consecrated
    baptised baptized knighted enthroned sworn confirmed reelected re-elected recognised recognized
    certified chosen selected picked hailed acclaimed suspended banned barred""".split()
)
_OBJECT_DETERMINERS = frozenset("the a an its their his her this these those our".split())
_TIME_WORDS = frozenset(
    """year years day days week weeks month months morning evening night afternoon same following
    next previous last first time times hours hour minutes minute decade decades century season
    weekend km kilometres kilometers metres meters miles percent per % centuries thousands hundreds
    millions once twice multiple several many great distances nautical points votes goals runs
    seats places positions spots games matches races laps rounds innings""".split()
)
_NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    sixty seventy eighty ninety hundred""".split()
)
_NOT_OBJECTS = frozenset(
    """world estimated most least more less other latter former bit long way generation lot little
    while third final second further""".split()
)
_MONTH_NAMES = frozenset(
    "January February March April May June July August September October November December".split()
)
# Words before the auxiliary that show an inversion ("At the meeting were
# discussed the issues", "Also was discussed"): its subject follows, and
# dropping "be" would not mend it.
_NO_SUBJECT_BEFORE = frozenset(
    """also where there here it what which that who in on at during among within under then so
    thus now today yesterday""".split()
)
_PARTICLES = frozenset("up down out off over back away into onto in on at by for to from with as".split())


def _object_at(words: list[str], k: int, nouns: NounTable) -> bool:
    """Does a direct object open at ``k`` ("more than 3,000 relics", "the
    agreement", "services", "power outages"), not a time or a measure?"""
    n = len(words)
    if k >= n:
        return False
    word, lower = words[k], words[k].lower()
    following = words[k + 1].lower() if k + 1 < n else ""
    if lower == "more" and following == "than":
        k += 2
        word = words[k] if k < n else ""
        following = words[k + 1].lower() if k + 1 < n else ""
    if word[:1].isdigit() or lower in _NUMBER_WORDS:
        return (
            following not in _TIME_WORDS and following not in (".", ",", ")", "to", "and", "or")
            and not following[:1].isdigit() and (k + 1 >= n or words[k + 1] not in _MONTH_NAMES)
            and following not in ("–", "-", "—")  # a score: "defeated 1–0"
        )
    if lower in _OBJECT_DETERMINERS:
        # "the same day", "the hardest", "the world over", "an estimated 2 million"
        if any(w.lower() in _TIME_WORDS for w in words[k + 1 : k + 4]):
            return False  # "a number of times", "a few weeks earlier": how often, how long or when, not what
        return following.isalpha() and following not in _TIME_WORDS | _NOT_OBJECTS and not following.endswith("est")
    if not word.isalpha() or not word.islower() or lower in _TIME_WORDS:
        return False
    # A lone plural may be a participle's noun ("must be registered voters",
    # "had been strained relations"); a compound is an object ("power outages").
    return lower in nouns.noun_forms and not nouns.plural(lower) and nouns.plural(following)


def passives_with_objects(words: list[str], verbs: VerbForms, nouns: NounTable) -> list[tuple[int, int, str]]:
    """(first word, end, active form) where a passive has a direct object after
    it, which a passive cannot have ("The terminal can be handled 40 million
    passengers" -> "can handle", "The museum is displayed more than 3,000
    relics" -> "displays", "has been caused power outages" -> "has caused").
    Chinese marks neither voice nor object the English way, and translators
    add "be" to verbs that are active in the source."""
    found = []
    for j in range(1, len(words) - 1):
        part = words[j]
        if not part.islower() or part in _PASSIVE_WITH_OBJECT or part not in nouns.participles and part not in verbs.past:
            continue
        if words[j + 1].lower() in _PARTICLES or not _object_at(words, j + 1, nouns):
            continue
        base = verbs.base_of.get(part) or verbs.base_of.get(verbs.past_of.get(part, ""))
        if base is None:
            continue
        aux = words[j - 1].lower()
        before = words[j - 2].lower() if j >= 2 else ""
        if j < 2 or not words[j - 2].isalpha() or before in _NO_SUBJECT_BEFORE or before in _PARTICLES:
            continue  # an inversion or no subject before the verb: "At the meeting were discussed the issues"
        if "there" in (w.lower() for w in words[max(0, j - 3) : j - 1]):
            continue  # "there may be hidden partitions", "There have been repeated claims"
        if _opens_with_place(words, j - 1):
            continue  # "In the Zhambyl region was opened a new plant": an inversion, its subject after the verb
        if aux in _BE_FORMS and words[j + 1].isalpha() and words[j + 1].islower() and words[j + 1] not in _OBJECT_DETERMINERS | {"more"}:
            continue  # "are registered trademarks": a participle as an adjective before a noun
        if _finite_ahead(words, j + 1):
            continue  # "when a marriage is performed a libation is made": the noun opens the next clause
        form = _active_form(aux, before, part, base, verbs)
        if form:
            found.append((j - 1, j + 1, form))
    return found


# Auxiliaries that open a clause of their own after a noun ("a libation is made").
_CLAUSE_AUXILIARIES = frozenset(_BE_FORMS) | frozenset("has have had will would can could".split())


def _finite_ahead(words: list[str], k: int) -> bool:
    """Is there a finite auxiliary within four words of ``k``, before any punctuation?"""
    for word in words[k : k + 5]:
        if not word.isalnum() or word in _RELATIVES or word in ("and", "or"):
            return False  # "has been caused power outages that have": a relative clause's own verb
        if word in _CLAUSE_AUXILIARIES:
            return True
    return False


def _active_form(aux: str, before: str, part: str, base: str, verbs: VerbForms) -> str | None:
    """The active verb that replaces ``aux`` + ``part`` ("can be handled" ->
    "handle", "has been caused" -> "caused", "is displayed" -> "displays")."""
    if aux == "be" and before in BARE_INFINITIVE_BEFORE:
        return base
    if aux == "been" and before in ("has", "have", "had"):
        return part
    if aux in ("is", "are"):
        return verbs.third_form(base) if aux == "is" else base
    if aux in ("was", "were"):
        return verbs.past_form(base)
    return None


_PLACE_OPENERS = frozenset("in at on during within among before after also under over from near to".split())


def _opens_with_place(words: list[str], aux: int) -> bool:
    """Does the clause of the auxiliary at ``aux`` open with a prepositional
    phrase and no subject of its own ("At the meeting were discussed …",
    "On his headstone are inscribed …")?"""
    start = max((k + 1 for k in range(aux) if words[k] in (",", ";", ":", "(", "“", '"')), default=0)
    if start < len(words) and words[start].lower() == "and":
        start += 1
    return start < aux and words[start].lower() in _PLACE_OPENERS
