"""Which singular nouns need an article, learned from the training corpus.

Translated wire copy drops the article of a sentence's subject ("Explosion
occurred near the village", "Chinese rescue team arrived in Myanmar"). The
n-gram model is weak at this decision (an article is one piece, and the noun
that decides it may be four words on), so the model directory carries a
table instead: for every singular noun, how often its noun phrase opens with
"a"/"an", with "the", or with nothing at all in the training text. A noun
that nearly always takes an article (a countable noun, or one definite by
nature like "government") needs one; a bare one at the head of
a subject is then a missing article.

Counting (training time) and detection (run time) share the chunker below,
so its blind spots bias both the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

NOUNS_VERSION = 3  # of the chunker: a new version recounts on `normalize train`
NOUNS_FILE = "nouns.tsv"
PROPER_FILE = "capitalised.txt"  # words mostly capitalised mid-sentence ("Ukrainian")
MIN_PROPER = 20

_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*|\S")
_FUNCTION = frozenset(
    """a an the this that these those my your his her its our their some any no every each
    all both either neither much many more most few less several such what which who whom
    whose where when why how whether if because although though while as than and or but nor
    so yet not to of in on at for with by from about into over during upon towards among
    between through under after before against within without via per since until i you he
    she it we they me him us them is are was were be been being am has have had do does did
    will would shall should can could may might must there here very also just only even too
    then now never always often already still again however""".split()
)
_DETERMINERS = frozenset(
    """a an the this that these those my your his her its our their some any no every each
    another whose which what whichever whatever either neither one such last next past""".split()
)
# Words inside a noun phrase that are not adjectives or nouns: "the most
# senior officer", "the first meeting".
_INNER = frozenset("most more very only least first second third other same former new own".split())
# Words that open an adverbial before the subject: "In Moscow region, ...",
# "According to the police, ...".
_INTRODUCERS = frozenset(
    """in on at during after before since over according following amid despite under
    within from by""".split()
)
# "-ing" words that are prepositions, not the head of a compound ("whale watching").
_ING_PREPOSITIONS = frozenset(
    "during according including following regarding concerning considering excluding pending".split()
)
# A number after a noun makes it a label ("Game four", "Phase two").
_LABEL_NUMBERS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
# Prepositions of repeated-noun idioms: "step by step", "hand in hand".
_IDIOM_LINKS = frozenset("by for in after on to upon".split())
# "-ly" words that are adjectives, and so can sit inside a noun phrase.
_LY_ADJECTIVES = frozenset("early daily weekly monthly yearly quarterly only friendly elderly likely".split())
_DASHES = frozenset("–—-")  # end a dateline: "MOSCOW, June 3 (TASS) – "
# Opening a sentence these quantify ("Most trade is..."); inside a phrase
# "most" is an adverb ("the most senior officer").
_QUANTIFIERS = frozenset("most more much many less few several".split())
# A subject after a comma counts only before one of these (", man was
# detained"): elsewhere a bare noun after a comma is mostly a list item.
_AUXILIARIES = frozenset("is was has had will would can could must should may might".split())
# After an opening noun these make it part of an adverbial, not a subject:
# "Right now, he is ..." never needs "The right now".
_ADVERBIAL_AFTER = frozenset("now then ago again enough".split())
# Verb forms that take a direct object: "signed memorandum" -> "signed a memorandum".
_OBJECT_TAGS = frozenset(("VB", "VBD", "VBP", "VBZ"))
# Prepositions before a bare object ("with delegation", "for creation of"),
# "of" too ("the signing of agreement"; "head of delegation" stays bare because
# the model must also prefer the article): on the tuned wire-copy sets "of"
# flagged 2 more faulty sentences and no clean one.
_OBJECT_PREPOSITIONS = frozenset(
    """in on at for with to from by about into against over under after before during
    through towards upon within without between among amid across of""".split()
)
# A capitalised adjective of nationality may open a bare object ("urged Chinese
# side to") when it is mostly capitalised in the training text.
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ese|ian|ean|ish|an|i|ic)")
# Verbs that report a clause: its subject follows "that" ("The minister noted
# that both countries has…", "said that agreement will be signed").
_REPORTING = frozenset(
    """said says noted notes stressed stresses emphasized emphasised emphasizes emphasises
    underlined underlines added adds stated states announced announces reported reports
    believes believed recalled recalls confirmed confirms explained explains pointed
    assured assures hopes hoped expects expected indicated indicates warned warns revealed
    reveals declared declares affirmed affirms argued argues insisted insists claimed claims
    clarified clarifies mentioned mentions highlighted highlights observed observes
    acknowledged acknowledges asserted asserts estimated estimates""".split()
)
# After a comma these close an attribution ("…, minister said.", '"…," spokesperson added').
_ATTRIBUTION = _REPORTING | frozenset("told tells wrote writes".split())
_CLOSING_QUOTES = frozenset('"\u201d\u2019\'')
MAX_MODIFIERS = 3
# Countable nouns English leaves bare after a preposition when they name the
# institution's purpose rather than a building: "taken to hospital", "in power".
_BARE_INSTITUTIONS = frozenset(
    "hospital school prison jail court church college university office power bed home work town sea class camp".split()
)
# Phrases after which English leaves a noun bare.
BARE_AFTER = frozenset({("regardless", "of"), ("irrespective", "of")})
# Common words that are also companies or brands news copy writes bare
# ("Target lowered its forecast", "Gap closed stores"): capitalised at a
# sentence's start they are the company, not a noun that lost its article.
# Words a translation often leaves bare as nouns ("Tower collapsed", "Match
# ended", "Next round of talks", "Visa was issued", "Shell hit a school") are
# not listed, and "of" after the word makes it a noun ("Target of the attack").
COMPANY_WORDS = frozenset(
    """Target Gap Apple Amazon Oracle Alphabet Meta Snap Zoom Slack Orange Continental
    Progressive Chase Genesis Puma Canon Boots Citizens Travelers Prudential Caterpillar
    Staples Sprint Dish Ford Nest Total""".split()
)
# A role after a passive "named", "elected"... is bare in English: "was named
# player of the month", "was elected chairman".
_ROLE_VERBS = frozenset("named elected appointed voted crowned declared proclaimed".split())
_PASSIVE_BE = frozenset("is are was were be been being".split())
# A singular noun needs an article when at most MAX_BARE of its noun phrases
# in the training text open with no determiner: countable nouns ("explosion")
# and nouns that are definite by nature ("government"), not mass nouns
# ("cooperation"). Calibrated on the wire-copy references (0 flagged) and
# 67k Wikipedia sentences (~0.4% flagged, mostly captions and fragments).
MIN_COUNT = 30
MAX_BARE = 0.35
# The subject of an attribution after a comma ("…, minister said."): nouns
# bare in up to this share of their uses elsewhere still need an article.
MAX_BARE_ATTRIBUTION = 0.6
MAX_CAPITALISED = 0.3  # "God", "Jack": mostly names when capitalised mid-sentence
# A noun written in lower case mid-sentence is no name there, whatever the
# corpus does with it ("the Summit of the Americas", "Olympic Medal"): its
# lower-case noun phrases decide. Above this share it is still too often part
# of names for those counts to be clean.
MAX_CAPITALISED_LOWER = 0.8


@dataclass(frozen=True)
class NounStats:
    total: int  # noun phrases headed by the noun opening with a/an, the or nothing
    indefinite: int
    definite: int
    capitalised: int  # occurrences capitalised mid-sentence (a name?)

    @property
    def bare(self) -> int:
        return self.total - self.indefinite - self.definite


class NounTable:
    """Singular nouns, the verb forms that are never nouns, and article statistics."""

    def __init__(
        self,
        stats: dict[str, NounStats],
        singular: frozenset[str],
        verbs: frozenset[str],
        proper: frozenset[str] = frozenset(),
        noun_forms: frozenset[str] = frozenset(),
        finite: frozenset[str] = frozenset(),
        participles: frozenset[str] = frozenset(),
    ) -> None:
        self.stats = stats
        self.singular = singular
        self.noun_forms = noun_forms or singular  # singular and plural
        self.verbs = verbs
        self.proper = proper  # lower case
        self.finite = finite  # verb forms that can take an object ("signed", "play")
        self.participles = participles  # past participles ("given", "signed")

    @classmethod
    def from_morph(
        cls,
        groups: Iterable[str],
        stats: dict[str, NounStats] | None = None,
        proper: frozenset[str] = frozenset(),
    ) -> "NounTable":
        """Word classes from ``morph.tsv`` lines ("NOUN\\tNN=method NNS=methods")."""
        singular: set[str] = set()
        nouns: set[str] = set()
        verbs: set[str] = set()
        finite: set[str] = set()
        participles: set[str] = set()
        for upos, tags in parse_morph(groups):
            for tag, form in tags:
                if upos == "NOUN":
                    nouns.add(form)
                    if tag == "NN":
                        singular.add(form)
                elif upos in ("VERB", "AUX"):
                    verbs.add(form)
                    if upos == "VERB" and tag in _OBJECT_TAGS:
                        finite.add(form)
                    if tag == "VBN":
                        participles.add(form)
        return cls(
            stats or {}, frozenset(singular), frozenset(verbs - nouns), proper, frozenset(nouns), frozenset(finite),
            frozenset(participles),
        )

    @classmethod
    def load(cls, model_dir: Path, morph_groups: list[str] | None = None) -> "NounTable | None":
        """The model's table; ``morph_groups``: the lines of its ``morph.tsv``
        when the caller has read them already (read here otherwise)."""
        table, morph = model_dir / NOUNS_FILE, model_dir / "morph.tsv"
        if not table.is_file() or not morph.is_file():
            return None  # a model trained before the table existed
        if morph_groups is None:
            morph_groups = morph.read_text(encoding="utf-8").splitlines()
        stats = {}
        for line in table.read_text(encoding="utf-8").splitlines():
            word, *numbers = line.split("\t")
            stats[word] = NounStats(*map(int, numbers))
        names = model_dir / PROPER_FILE
        proper = frozenset(names.read_text(encoding="utf-8").split()) if names.is_file() else frozenset()
        return cls.from_morph(morph_groups, stats, proper)

    def needs_article(self, word: str, *, written_lower: bool = False, max_bare: float = MAX_BARE) -> bool:
        """``written_lower``: the text has the noun in lower case mid-sentence,
        so it is not a name there ("won gold medal", "took part in summit").
        ``max_bare``: a looser share for a place where a bare noun is wrong
        even when the noun is often bare elsewhere ("served as minister")."""
        s = self.stats.get(word)
        if s is None or s.total < MIN_COUNT:
            return False
        most = MAX_CAPITALISED_LOWER if written_lower else MAX_CAPITALISED
        return s.bare <= max_bare * s.total and s.capitalised <= most * (s.total + s.capitalised)

    # ------------------------------------------------------------ chunking

    def is_head(self, word: str, following: str, after: str = "") -> bool:
        """``word`` (lower case) is a singular noun heading its phrase: not
        modifying the ``following`` word, and not in a "step by step" idiom."""
        if word not in self.singular or word in _FUNCTION:
            return False
        if following.islower() and (
            following in self.noun_forms
            or following.endswith("ing") and following not in _FUNCTION and following not in _ING_PREPOSITIONS
        ):
            return False  # "rescue team", "whale watching"
        if following[:1].isdigit() or following in ("-", "'", "’") or self._label_number(following, after):
            return False  # a label ("Article 104", "Game four"), a compound, a plural genitive
        return not (following in _IDIOM_LINKS and after.lower() == word)

    def _label_number(self, following: str, after: str) -> bool:
        """A number word after the noun that labels it ("Game four went"),
        not one counting what follows ("shot down plane two hours after")."""
        lower = after.lower()
        return following in _LABEL_NUMBERS and not self.plural(lower)

    def plural(self, word: str) -> bool:
        """Is the lower-case ``word`` a plural noun form ("sources", "allies")?"""
        return word in self.noun_forms and word not in self.singular

    def modifier(self, word: str) -> bool:
        """Can ``word`` stand between a determiner and its noun (an adjective, a noun)?"""
        lower = word.lower()
        if lower in _INNER:
            return True
        if lower in _FUNCTION or lower in self.verbs or not word[:1].isalpha():
            return False
        if self.plural(lower):
            return False  # a plural: "Israeli sources state that" has no noun phrase "sources state"
        return not lower.endswith("ly") or lower in self.noun_forms or lower in _LY_ADJECTIVES

    def bare_head(self, words: list[str], i: int, *, initial: bool) -> int | None:
        """The head of a determiner-less noun phrase starting at ``words[i]``, if any.

        ``initial``: ``words[i]`` opens the sentence, so its capital says nothing.
        """
        for j in range(i, min(i + MAX_MODIFIERS + 1, len(words))):
            word = words[j]
            if word[:1].isupper() and not (initial and j == i):
                return None  # part of a name or title
            if _determines(word) or (initial and j == i and word.lower() in _QUANTIFIERS):
                return None  # "Last year", "One soldier", "Henry's wedding", "Most trade"
            following = words[j + 1] if j + 1 < len(words) else ""
            if self.is_head(word.lower(), following, words[j + 2] if j + 2 < len(words) else ""):
                # Before a name it is a title: "Spokesperson Zhou Lixin said".
                return None if following[:1].isupper() else j
            if not self.modifier(word):
                return None
        return None


def parse_morph(groups: Iterable[str]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(part of speech, [(tag, form), ...]) of each ``morph.tsv`` line."""
    for line in groups:
        upos, _, rest = line.partition("\t")
        yield upos, [(tag, form) for tag, _, form in (item.rpartition("=") for item in rest.split())]


def _ends_phrase(word: str) -> bool:
    """Is ``word`` punctuation, a function word or a name, so that the word
    before it surely heads its phrase? ("research" in "joint research" is
    listed as a verb only.)"""
    return not word.isalpha() or word.lower() in _FUNCTION or not word.islower()


def _determines(word: str) -> bool:
    """A determiner, a genitive ("Russia's") or a number opens the phrase."""
    lower = word.lower()
    return lower in _DETERMINERS or lower.endswith(("'s", "’s")) or lower[:1].isdigit()


def _after_dateline(words: list[str]) -> int:
    """Where the text starts after a dateline ("MOSCOW, June 3 (TASS) - ..."), else 0."""
    if len(words) > 2 and words[0].isupper() and len(words[0]) > 1:
        for k, word in enumerate(words[1:16], start=1):
            if word in _DASHES:
                while k < len(words) and words[k] in _DASHES:  # Xinhua's "--"
                    k += 1
                return k if k < len(words) else 0
    return 0


def tokenize(sentence: str) -> list[re.Match[str]]:
    """Words (hyphenated ones whole), numbers and punctuation, with offsets."""
    return list(_WORD.finditer(sentence))


def name_run_end(words: list[str], i: int, most: int = 3) -> int:
    """The index after a run of at most ``most`` capitalised words from ``i``
    ("China", "United States", "Hamad Port"); ``i`` when none starts there."""
    k = i
    while k < len(words) and k - i < most and words[k][:1].isupper() and words[k].isalpha():
        k += 1
    return k


def reported_clauses(words: list[str], start: int = 0) -> list[int]:
    """Where each clause reported after "said/noted … that" starts: also after
    a time between the verb and "that" ("said on Friday that", "said Monday
    that") and after "and that" once a clause has been reported."""
    out: list[int] = []
    for i in range(start + 2, len(words) - 3):
        if words[i - 1] != "that":
            continue
        if _reports(words, i - 2) or _reports_at_a_time(words, i - 2) or (out and words[i - 2] == "and"):
            out.append(i)
    return out


_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today".split())


def _reports_at_a_time(words: list[str], k: int) -> bool:
    """Does "said on Friday" / "said Monday" / "said last week" end at ``words[k]``?"""
    lower = words[k].lower()
    if lower in _DAYS:
        k -= 2 if k >= 2 and words[k - 1] == "on" else 1
    elif lower in ("week", "month") and k >= 2 and words[k - 1] == "last":
        k -= 2
    else:
        return False
    return k >= 0 and _reports(words, k)


def _reports(words: list[str], k: int) -> bool:
    """Does a reporting verb end at ``words[k]`` ("noted", "pointed out")?"""
    lower = words[k].lower()
    return lower in _REPORTING or lower == "out" and k > 0 and words[k - 1].lower() == "pointed"


def company_at(words: list[str], i: int) -> bool:
    """Is ``words[i]`` a company's name (COMPANY_WORDS) rather than the noun ("Target of the attack")?"""
    return words[i] in COMPANY_WORDS and (i + 1 == len(words) or words[i + 1] != "of")


def subject_heads(words: list[str], table: NounTable) -> Iterator[tuple[int, int, bool]]:
    """(phrase start, head, opens the text?) of each bare subject whose noun needs an article.

    Five places only, where English almost never leaves such a noun bare:
    the start of a full sentence ("Explosion occurred ..."), the first word
    after an opening adverbial ("According to the police, number of deaths
    fell"), a clause after a comma whose verb follows at once (", man was
    detained"), an attribution after a comma or a closing quote ('…,"
    spokesperson said.'), and a clause reported after "said that" whose verb
    follows, at once or after a short prepositional phrase ("said that
    agreement will be signed", "said on Friday that agreement with Armenia
    could be signed").
    """
    sentence = len(words) >= 8 and words[-1] in (".", "!")
    start = _after_dateline(words)
    if sentence and words[start][:1].isupper() and not words[start].isupper() and not company_at(words, start):
        head = table.bare_head(words, start, initial=True)
        # A bare phrase before a comma is an adverbial or a heading, not a subject.
        if (
            head is not None
            and table.needs_article(words[head].lower(), written_lower=_common_use(words, start, head, table))
            and (words[head + 1] not in (",", "and", "or") or _parenthesis_after_people(words, start, head))  # "Snow and ice will": generic
            and words[head + 1].lower() not in _ADVERBIAL_AFTER
            and not _modifies_a_plural_subject(words, head, table)
            and not _title_before_name(words, head, table)
            and _predicate_after(words, head + 1, table)
        ):
            yield start, head, True
    first_comma = words.index(",", start) if "," in words[start:] else -1
    opening = sentence and words[start].lower() in _INTRODUCERS
    for i in range(start + 1, len(words) - 2):
        quoted = words[i - 1] in _CLOSING_QUOTES and i >= 2 and words[i - 2] == ","
        if (words[i - 1] != "," and not quoted) or not words[i].islower() or words[i] in _FUNCTION:
            continue
        compound = _attribution_compound(words, i)
        if compound is not None:
            # "…, provincial tourism department said.": the last noun before
            # the reporting verb heads it, whatever the words before it are.
            if table.needs_article(words[compound], written_lower=True, max_bare=MAX_BARE_ATTRIBUTION):
                yield i, compound, False
            continue
        head = table.bare_head(words, i, initial=False)
        if head is None or head + 1 >= len(words):
            continue
        if _attributes(words, head + 1):
            # "…, minister said.": a subject that bare is wrong even for a noun
            # often bare elsewhere ("served as minister").
            if table.needs_article(words[head], written_lower=True, max_bare=MAX_BARE_ATTRIBUTION):
                yield i, head, False
            continue
        if not table.needs_article(words[head].lower()):
            continue
        after_opening = opening and i - 1 == first_comma and words[head + 1] not in (",", "and", "or")
        if after_opening or words[head + 1] in _AUXILIARIES:
            yield i, head, False
    # Clauses reported with no "that" ("said country will build") are read
    # only where the noun's verb follows at once (an auxiliary or a finite verb).
    bare_reports = [
        i for i in range(start + 2, len(words) - 3)
        if words[i - 1] in _REPORTING and words[i].islower() and words[i] not in _FUNCTION and words[i - 2] not in _DETERMINERS
    ]
    for i in (*reported_clauses(words, start), *bare_reports):
        first = i
        if _DEMONYM.fullmatch(words[i]) and words[i].lower() in table.proper and words[i + 1].islower():
            first = i + 1  # "noted that Belarusian economy has adapted": judged from the noun phrase
        elif not words[i].islower() or words[i] in _FUNCTION:
            continue
        head = table.bare_head(words, first, initial=False)
        if head is None or head + 1 >= len(words) or not table.needs_article(words[head].lower()):
            continue  # a noun closing the text has no verb after it
        if _verb_after(words, head + 1, table) if words[i - 1] == "that" else _is_verb(words[head + 1], table):
            yield i, head, False


def _parenthesis_after_people(words: list[str], start: int, head: int) -> bool:
    """"Brazilian delegation, composed of…": a nationality and its noun, then
    a participle or a relative clause after the comma: a subject, no heading."""
    after = words[head + 2] if head + 2 < len(words) else ""
    return (
        words[head + 1] == "," and head == start + 1 and bool(_DEMONYM.fullmatch(words[start]))
        and (after in ("which", "who") or after.islower() and after.endswith(("ed", "ing")))
    )


def _title_before_name(words: list[str], head: int, table: NounTable) -> bool:
    """Is the noun part of a title running into a name ("Consultant paediatric
    oncologist Dr Amir Haddad said")? A name straight after a lower-case noun;
    not after a preposition or a verb ("Explosion near Kamenka killed",
    "Pakistan cricket team defeated New Zealand")."""
    for k in range(head + 1, min(head + 4, len(words))):
        before = words[k - 1]
        if (
            words[k][:1].isupper()
            and words[k].lower() not in _DAYS
            and words[k] not in MONTHS
            and not before.endswith("ly") and before not in ("earlier", "later")  # "Embassy earlier Tuesday said"
            and before.isalpha()
            and before.islower()
            and before not in _FUNCTION
            and before not in _NAME_PREPOSITIONS
            and before not in table.verbs
            and before not in table.finite
        ):
            return True  # after a noun, not a verb ("team defeated New Zealand")
    return False


def _modifies_a_plural_subject(words: list[str], head: int, table: NounTable) -> bool:
    """Is the "head" a noun modifying a plural through a participle, before
    an auxiliary ("Maximum sustained winds have increased")? Not a subject,
    its verb and its object ("Ministry condemned attacks carried out by"):
    there the word after the plural is no auxiliary."""
    if head + 3 >= len(words):
        return False
    participle, plural, verb = words[head + 1], words[head + 2].lower(), words[head + 3]
    return (
        participle.endswith("ed")
        and table.plural(plural)
        and verb in AUXILIARIES_AFTER_PLURAL
    )


# The verb a plural subject opens with when a participle modified it.
AUXILIARIES_AFTER_PLURAL = frozenset("are were have had will would can could may might must should".split())


def _common_use(words: list[str], start: int, head: int, table: NounTable) -> bool:
    """Is the noun opening a sentence a common noun here, not a name, though
    often capitalised elsewhere? It is alone before a verb ("Ministry urged
    motorists", "Museum has digitised", "Ministry strongly urged"): a name would be longer
    ("Ministry of Health"). A capitalised word before it may be a name
    ("Catania airport reopened"), so a longer phrase is not judged."""
    if head + 2 >= len(words):
        return False
    if head != start:
        # "Railway department will add": the capital is the sentence's, the
        # first word a common noun, and the head is written in lower case.
        first = words[start].lower()
        return (
            head == start + 1 and words[head].islower() and first in table.noun_forms
            and first not in table.proper and _is_verb(words[head + 1], table)
        )
    after = words[head + 1]
    if after.endswith("ly") and after.islower():  # "Ministry strongly urged"
        after = words[head + 2]
    return _is_verb(after, table)


def _attribution_compound(words: list[str], i: int) -> int | None:
    """The last word before an attribution's verb when two to four lower-case
    content words run from ``words[i]`` to it ("provincial tourism
    department said."); a name, number or function word among them, or no
    attribution, gives None."""
    for k in range(i + 2, min(i + 5, len(words))):
        if _attributes(words, k):
            run = words[i:k]
            if all(w.isalpha() and w.islower() and w not in _FUNCTION and not _determines(w) for w in run):
                return k - 1
            return None
        if not (words[k].isalpha() and words[k].islower()):
            return None
    return None


def _attributes(words: list[str], k: int) -> bool:
    """Does an attribution's verb stand at ``words[k]`` and close the clause
    ("…, minister said." / "…," spokesperson added, "…")?"""
    return (
        k + 1 < len(words)
        and words[k] in _ATTRIBUTION
        and (not words[k + 1][:1].isalnum() or words[k + 1] in ("on", "in", "at", "during", "after"))
    )


def _predicate_after(words: list[str], k: int, table: NounTable) -> bool:
    """Is there a verb anywhere from ``words[k]`` on? A verbless line is a
    heading or a caption ("Lecture from the course ..."), which English
    writes without an article."""
    return any(_is_verb(w, table) for w in words[k:])


def _verb_after(words: list[str], k: int, table: NounTable) -> bool:
    """Does a verb follow at ``words[k]``, or after a short prepositional
    phrase ("said that delegation of Uzbekistan arrived", "said that peace
    agreement with Armenia could be signed", "that first unit of the plant
    will be")? The phrase holds no comma, verb or clause opener."""
    if k < len(words) and words[k] in _PHRASE_PREPOSITIONS:
        for j in range(k + 1, min(k + 6, len(words))):
            if _is_verb(words[j], table):
                return j > k + 1
            if not words[j].isalnum() or words[j] in _CLAUSE_OPENERS:
                return False
        return False
    return k < len(words) and _is_verb(words[k], table)


_PHRASE_PREPOSITIONS = frozenset("of in with between for on at from near along across".split())
MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
# Words before a name that make it an object, not the end of a title ("Explosion near Kamenka").
_NAME_PREPOSITIONS = _OBJECT_PREPOSITIONS | _PHRASE_PREPOSITIONS | frozenset("outside inside off beyond".split())


def after_that_through_phrase(words: list[str], start: int, head: int, table: NounTable) -> bool:
    """Is this the subject of a clause after "that" whose verb comes after a
    phrase (see :func:`_verb_after`: "said that peace agreement with Armenia
    could be")? "That" may then be a pointing word ("said that meeting with
    the minister was productive"). The short shape "that delegation of
    Uzbekistan arrived" is not counted."""
    if start == 0 or words[start - 1] != "that" or head + 1 >= len(words) or words[head + 1] not in _PHRASE_PREPOSITIONS:
        return False
    short = (
        words[head + 1] == "of" and head + 3 < len(words) and words[head + 2] not in _FUNCTION
        and _is_verb(words[head + 3], table)
    )
    return not short


_CLAUSE_OPENERS = frozenset("that which who whom whose where when while and or but".split())


def _is_verb(word: str, table: NounTable) -> bool:
    """An auxiliary, or a finite verb form that is no noun ("signed", not "talks")."""
    return word in _AUXILIARIES or word in table.finite and word not in table.noun_forms


def object_heads(words: list[str], table: NounTable) -> Iterator[tuple[int, int]]:
    """(phrase start, head) of each bare object whose noun needs an article.

    An object follows a verb that takes one ("signed memorandum of
    understanding") or a preposition ("for creation of"). Such a noun is
    often bare in fixed phrases ("by phone", "in response"), so these are
    only candidates: the model must also prefer the article (see
    ``rank.MARGINS["article:object"]``).
    """
    for i in range(2, len(words) - 1):
        before, previous = words[i - 2].lower(), words[i - 1]
        lower = previous.lower()
        if previous != lower or _determines(before) or _determines(previous):
            continue  # a name; a modifying participle ("the signed agreement"); "last week"
        if i >= 3 and before.endswith("ly") and _determines(words[i - 3].lower()):
            continue  # "the newly created position": the participle modifies, after its adverb
        if words[i] == before:
            continue  # "month on month", "day by day"
        if lower in _ROLE_VERBS and before in _PASSIVE_BE:
            continue  # "was named player of the month"
        if (before, lower) in BARE_AFTER and words[i + 1] != "of":
            continue  # "regardless of destination", not "regardless of outcome of the talks"
        if lower not in _OBJECT_PREPOSITIONS and (lower not in table.finite or lower.endswith("ing")):
            continue
        start = i
        if _DEMONYM.fullmatch(words[i]) and words[i].lower() in table.proper and words[i + 1].islower():
            start = i + 1  # judged from the noun phrase after the adjective
        elif not words[i].islower() or words[i] in _FUNCTION:
            continue
        head = table.bare_head(words, start, initial=False)
        if head is None or head + 1 >= len(words) or not table.needs_article(words[head], written_lower=True):
            continue
        if "-" in words[head + 1] and table.plural(words[head + 1].rsplit("-", 1)[-1].lower()):
            continue  # "led to penalty shoot-outs": the plural compound is the head
        if lower in _OBJECT_PREPOSITIONS and (words[head] in _BARE_INSTITUTIONS or words[start] == "pole"):
            continue  # "sent to hospital", "remains in power", "start from pole position"
        if lower == "to" and head == start and _infinitive(words, start, table):
            continue  # "to end the conflict": a verb, not a noun
        if not table.needs_article(words[head]) and not _ends_phrase(words[head + 1]):
            continue  # a noun that is often a name may be an adjective here: "joint research"
        yield i, head


# ("that" after the word opens a relative clause more often than an object:
# "referred to report that the ministry published".)
REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())
_OBJECTS_AFTER_VERB = REFLEXIVES | frozenset(
    """the a an this these those his her its their our my your some any all me us him them it""".split()
)


def _infinitive(words: list[str], i: int, table: NounTable) -> bool:
    """Can ``words[i]`` (after "to") be a base verb taking the object after it?"""
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    return words[i] in table.finite and following in _OBJECTS_AFTER_VERB


# ------------------------------------------------------------ training


@dataclass
class Counts:
    """What training counts: article statistics and mid-sentence capitals."""

    nouns: dict[str, NounStats]
    capitalised: Counter[str]  # lower-cased word -> capitalised mid-sentence
    lower: Counter[str]  # word -> in lower case mid-sentence


def count_noun_phrases(sentences: Iterable[str], table: NounTable) -> Counts:
    """Article statistics of every singular noun head in ``sentences``."""
    total: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    indefinite: Counter[str] = Counter()
    definite: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for sentence in sentences:
        words = _WORD.findall(sentence)
        for j, word in enumerate(words):
            if j > 0 and words[j - 1] not in (".", '"', "“", ":"):
                if word[:1].isupper() and not word.isupper():
                    capitalised[word.lower()] += 1
                elif word.islower():
                    lower[word] += 1
            # A sentence's first word counts too ("Explosion occurred"): that
            # is where detection looks, so the table must see bare ones there.
            head = word.lower() if j == 0 and word[1:].islower() else word
            following = words[j + 1] if j + 1 < len(words) else ""
            if not head.islower() or not table.is_head(head, following, words[j + 2] if j + 2 < len(words) else ""):
                continue
            word = head
            det = _determiner(words, j, table)
            if det in ("a", "an"):
                indefinite[word] += 1
            elif det == "the":
                definite[word] += 1
            elif det:
                continue  # "this", "their", "one": says nothing about a/the
            total[word] += 1
    return Counts(
        {w: NounStats(n, indefinite[w], definite[w], capitalised[w]) for w, n in total.items()},
        capitalised,
        lower,
    )


def _determiner(words: list[str], head: int, table: NounTable) -> str:
    """The determiner opening the head's noun phrase: "a", "an", "the", ""
    for none, or "other" (another determiner, or the walk cannot tell)."""
    k = head - 1
    while k >= 0 and head - k <= MAX_MODIFIERS + 1:
        word = words[k]
        lower = word.lower()
        if _determines(word):
            return lower if lower in ("a", "an", "the") else "other"
        if word in ("'", "’"):
            return "other"  # a plural genitive: "the ministers' meeting"
        if not table.modifier(word):
            # A participle may be an adjective ("the united team"): unknown.
            return "other" if lower in table.verbs and lower.endswith(("ed", "en", "ing")) else ""
        k -= 1
    return "" if k < 0 else "other"  # the sentence start, or too many modifiers to tell


def write_tables(counts: Counts, model_dir: Path) -> None:
    """``nouns.tsv`` (nouns seen MIN_COUNT times) and ``capitalised.txt``."""
    rows = sorted((w, s) for w, s in counts.nouns.items() if s.total >= MIN_COUNT)
    (model_dir / NOUNS_FILE).write_text(
        "".join(f"{w}\t{s.total}\t{s.indefinite}\t{s.definite}\t{s.capitalised}\n" for w, s in rows),
        encoding="utf-8",
    )
    proper = sorted(w for w, n in counts.capitalised.items() if n >= MIN_PROPER and n > counts.lower[w])
    (model_dir / PROPER_FILE).write_text("".join(f"{w}\n" for w in proper), encoding="utf-8")


def indefinite_article(word: str) -> str:
    """"a" or "an" before ``word``, by how it is read aloud."""
    if 1 < len(word) <= 3 and word.isupper() and word.isalpha():
        # A short acronym is read letter by letter: "an EU-led", "a UN-backed"
        # (longer ones mostly as words: "a NATO-led").
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    lower = word.lower()
    # "uni-" is read "you-" ("a union") except in "un-" + "i..." words ("an unidentified man").
    un_i = lower.startswith(("unid", "unim", "unin"))
    vowel = lower[:1] in set("aeiou") and (
        un_i or not lower.startswith(("uni", "unan", "use", "usu", "eu", "one", "uk", "ura", "uro", "uti", "u."))
    )
    return "an" if vowel or lower.startswith(("hour", "honest", "honou")) else "a"
