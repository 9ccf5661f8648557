"""Subject–verb agreement between a subject and its auxiliary, the plural
after "one of the", and the number a determiner or numeral demands of its
noun ("these painting", "from 40 country").

Translated copy often lets the verb agree with the nearest noun or with the
source language's habit, not with the head of the subject: "Several companies
has expressed interest", "The main goal of the reforms are to…", "Each of
the countries have…", "noted that both countries has…". Russian, Chinese and
Turkish verbs do not mark number the way English auxiliaries do, and their
"one of the" takes a singular noun ("one of the main topic").

The check is narrow on purpose: the subject that opens the sentence (after a
dateline) or a clause reported after "said/noted that", its head noun found
with the model's noun table, at most a chain of prepositional phrases of lower-case
words, then one of is/are/was/were/has/have. It proposes the other form; the
fluency model confirms (``rank.MARGINS["agreement"]``). On 877k Wikipedia
sentences it fires 51 times (with the model's consent), nearly all real
disagreements ("Diplomatic relations between the two countries was
established"); the misses it avoids are collective nouns ("the band have"),
bare names ("Congress were"), gerund subjects and a singular subject that
agrees with its predicate ("Another example are…"). Relative clauses
("circles who is") and names joined by "and" were tried and dropped: their
antecedent is too often ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from normalize.nouns import (
    _DETERMINERS,
    _FUNCTION,
    _INTRODUCERS,
    MAX_MODIFIERS,
    NounTable,
    _after_dateline,
    name_run_end,
    reported_clauses,
)

AUXILIARY_SWAP = {"is": "are", "are": "is", "was": "were", "were": "was", "has": "have", "have": "has"}
_SINGULAR_AUXILIARIES = frozenset({"is", "was", "has"})
# Quantifiers that make the subject plural ("several companies") or singular
# ("each country", "each of the countries").
_PLURAL_QUANTIFIERS = frozenset("both several many few various numerous".split())
# "Seven miles is a long way", "Two years has passed": after a number the
# singular verb may read the phrase as an amount, so numbers open no subject here.
_NUMBERS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands millions".split())
_SINGULAR_QUANTIFIERS = frozenset("each every one".split())
# Heads whose verb follows the noun after "of", or the sense: "a number of
# people are", "the majority of voters were", "half of the budget is".
_PARTITIVES = frozenset(
    """number majority minority half part rest remainder total lot couple variety range series
    pair set handful bulk proportion percentage percent third thirds quarter quarters fifths
    tenths fraction plenty group
    kind type sort first second last former latter average""".split()
)
# Nouns whose number the noun table cannot tell, or that take either verb:
# "the police are", "the delegation are" (British), "news is", "data are/is".
_EITHER = frozenset(
    """people police personnel staff media data news series species means headquarters
    government delegation team committee council family crew audience public parliament
    cabinet board panel jury youth clergy cattle following studies communications politics
    economics physics statistics ethics mathematics aids deer sheep fish craft aircraft
    offspring military laity nobility aristocracy elite militia band club trio quartet studio
    gang population faculty army navy cavalry infantry congress company firm squad orchestra
    choir community spacecraft hovercraft salmon trout bison moose reindeer yen yuan won head
    taxis male female""".split()
)
# A plural measure takes a singular verb as an amount: "Two years is a long time".
MEASURES = frozenset(
    """years months weeks days hours minutes seconds dollars euros rubles roubles yuan tons
    tonnes kilometres kilometers miles metres meters percent litres liters hectares""".split()
)
_OPENING_QUOTES = frozenset('" “ « ‘ \''.split())
# Singular names that end in "s" like a plural ("Belarus are ready").
_SINGULAR_S_NAMES = frozenset(
    """belarus cyprus laos mauritius honduras barbados tunis damascus paris brussels texas kansas
    arkansas illinois""".split()
)
# Units of measure a figure counts before "of": "25,000 tons of wheat".
_UNIT_NOUNS = frozenset(
    """ton tonne barrel litre liter hectare acre metre meter kilometre kilometer kilogram gram gallon
    ounce dose""".split()
)
_MASS_ENDINGS = ("ment", "tion", "sion", "ity", "ness", "ism", "ance", "ence", "ship", "hood")
_TIMES = frozenset("times bits bytes votes points goals runs".split())  # counts read as an amount or an inversion
_PREPOSITIONS = frozenset("of in on at for from with between among across along over under".split())
_ADVERBS = frozenset("also already now still currently jointly reportedly again recently".split())
# Words that end a plain prepositional phrase: relatives, conjunctions,
# pronouns, and modals ("does" is also a noun, "doe"'s plural).
_STOP = frozenset(
    """who that which whose where when whom what how why and or but as than because if while
    although though since until so he she it they we i you do does did can could will would
    shall should may might must""".split()
)
# "one of the/its/these …": a plural must follow.
_ONE_OF_DETERMINERS = frozenset("the its their our his her these those my your whose".split())
# Determiners and numerals that fix the number of the noun they open: "these
# painting", "40 country", "this tendencies". Chinese, Japanese, Vietnamese,
# Korean and Indonesian mark no plural on the noun, so translations lose it.
# ("both" is left out: "both factory and store" coordinates singulars.)
_PLURAL_OPENERS = (
    _PLURAL_QUANTIFIERS - {"both"}
    | _NUMBERS
    | frozenset("these those multiple eleven twelve fifteen twenty thirty forty fifty".split())
)
# After "a", "another" or "every" these open a plural: "a few days", "a dozen eggs".
_PLURAL_AFTER_A = frozenset("few couple lot dozen hundred thousand million billion".split())
_SINGULAR_OPENERS = frozenset("this each every another a an".split())
# Spelled-out scales of a figure ("3 million", "2 billion"); candidates uses them too.
SCALE_WORDS = frozenset("hundred thousand million billion trillion".split())
# Before a numeral these make it a label or a compound's modifier: "a 14,000
# man force", "the top 40 album", "$175 million appropriation".
_LABEL_BEFORE = frozenset("a an the top no # + x × $ € £ ¥ - – / . (".split())
# Adjectives a measure phrase modifies ("3 foot tall").
_MEASURED = frozenset("tall long wide high deep old thick".split())
# Demonstratives and the number they give their noun.
_DEMONSTRATIVES = {"this": "sg", "that": "sg", "these": "pl", "those": "pl"}
# Adjectives and adverbs that open an inverted sentence: "Inside were 1,224
# pieces", "Notable among them were…".
INVERSION_OPENERS = frozenset("inside outside notable prominent typical present included important common".split())
# A singular subject that introduces a list may take "are" from it: "A
# notable exception are certain approaches", "Its main product are boomers".
_SPECIFYING = frozenset(
    """example exception case instance source product hazard use feature factor reason result
    problem cause consequence component ingredient""".split()
)
# Nouns that are adverbs of time as often: "Libraries today have…".
_TIME_ADVERBS = frozenset("today tomorrow yesterday tonight now".split())
_QUESTION_WORDS = frozenset("what which whose how why when where who whom".split())
_BE = frozenset({"is", "are", "was", "were"})
_PLURAL_AUXILIARIES = frozenset(AUXILIARY_SWAP) - _SINGULAR_AUXILIARIES
# Capitalised words that are plural in sense: "Police have", "Media were".
_PLURAL_SENSE = frozenset("police people personnel staff media data news cattle clergy youth military".split())
MAX_NAME_WORDS = 6
# Names of peoples ("the French", "the Japanese", "the British", "Israelis" end in -s anyway).
# Not nouns._DEMONYM: its "-an" would take "Kazakhstan", "Japan", "Iran".
_PEOPLE = re.compile(r"[A-Z][a-z]+(?:ese|ish|ch|ian|ean|ican|i|ic)")
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred""".split()
)
_CLAUSE_DETERMINERS = frozenset("the this these its their his her our".split())
# Words of the prepositional phrases after the head: two of them fit ("The
# quality of roads in the remote districts of the province have improved").
# From 6 to 14: 3 more hits on 289k Wikipedia sentences, all real slips ("Recent
# study of the determinants of aggregate economic growth have stressed"); none in
# the post-edits or the tuned references.
MAX_PHRASE = 14


def _number(word: str, table: NounTable) -> str | None:
    """"sg", "pl" or None (unknown, or either) for a lower-case noun."""
    if word in _EITHER or word not in table.noun_forms or word.endswith("fish"):
        return None  # "crayfish", "shellfish" are plural as they stand
    return "sg" if word in table.singular else "pl"


def disagreeing_auxiliary(words: list[str], table: NounTable) -> tuple[int, str] | None:
    """(index of the auxiliary, the form that agrees) when the subject opening
    the sentence, or a clause reported after "said that", disagrees with it."""
    for i, initial in _clauses(words):
        found = _disagreement_from(words, i, table, initial=initial)
        if found is not None:
            return found
    return None


def wider_disagreement(words: list[str], table: NounTable) -> tuple[int, str] | None:
    """What ``disagreeing_auxiliary`` leaves out as maybe a name or an amount:
    a bare capitalised plural opening the sentence ("Rescuers has evacuated",
    and "Banks was born") and a subject counted by a number ("two civilians
    was wounded", and "Two years has passed" is left out by its measure)."""
    if disagreeing_auxiliary(words, table) is not None:
        return None
    return widened_disagreement(words, table)


def widened_disagreement(words: list[str], table: NounTable) -> tuple[int, str] | None:
    """``wider_disagreement`` for a sentence ``disagreeing_auxiliary`` has
    already found nothing in (so it is not asked twice)."""
    for i, initial in _clauses(words):
        found = _disagreement_from(words, i, table, initial=initial, wider=True)
        if found is not None:
            return found
    return None


# Plural nouns for people: counted, they are people, never an amount ("46
# residents was evacuated" is a slip; "Two seats was all the party won" is not).
PEOPLE_NOUNS = frozenset(
    """people persons residents civilians citizens servicemen soldiers troops children workers
    tourists passengers pilgrims migrants refugees rescuers volunteers students pupils teachers
    doctors athletes participants delegates deputies officers militants suspects victims patients
    fishermen miners sailors crew members employees villagers farmers visitors""".split()
)


def counted_people(words: list[str], k: int) -> bool:
    """Is the subject of the auxiliary at ``k`` a count of people ("46
    residents of the village was")? A count, at most two modifiers, a
    people noun, then at most a plain phrase up to the verb."""
    for m in range(max(0, k - 10), k):
        if _plain_count(words, m) and (m == 0 or not words[m - 1][:1].isdigit()):
            for h in range(m + 1, min(m + 4, k)):
                if words[h] in PEOPLE_NOUNS:
                    return all(w.isalpha() or w.isdigit() for w in words[h + 1 : k])
    return False


def _plain_count(words: list[str], i: int) -> bool:
    """A plain count opening a subject: "two", "15", "1,200" (not "1.5", a year or "2022-2023")."""
    word = words[i]
    if word.lower() in _NUMBERS:
        return True
    digits = word.replace(",", "")
    return word.isascii() and digits.isdigit() and not (len(digits) == 4 and digits[:2] in ("19", "20"))


def disagreeing_name_auxiliary(words: list[str], table: NounTable) -> tuple[int, str] | None:
    """The same for a subject that is a name ("The UAE have sent"): see
    ``_plural_verb_after_name``."""
    for i, _initial in _clauses(words):
        found = _plural_verb_after_name(words, i, table)
        if found is not None:
            return found
    return None


def _clauses(words: list[str]) -> list[tuple[int, bool]]:
    """(start, opens the sentence?) of each clause whose subject is checked:
    the sentence after a dateline, the main clause after an opening
    adverbial, and clauses reported after "said (that)"."""
    start = _after_dateline(words)
    while start < len(words) and words[start] in _OPENING_QUOTES:
        start += 1  # a quotation opening the sentence: '"China are willing to work…," Xi said'
    if start + 3 >= len(words) or words[-1] == "?" or words[start].lower() in _QUESTION_WORDS:
        return []  # a question inverts subject and verb
    later = (*_after_opening(words, start), *reported_clauses(words, start), *_said_clauses(words, start))
    return [(start, True)] + [(i, False) for i in later]


# Subject pronouns and the auxiliaries they cannot take: "he were
# hospitalized", "it have been", "they has". "I" and "you" are left out
# ("thank you is", "I were" is a subjunctive too often).
_PRONOUN_WRONG = {
    **dict.fromkeys(("he", "she", "it"), _PLURAL_AUXILIARIES),
    **dict.fromkeys(("they", "we"), _SINGULAR_AUXILIARIES),
}
# Before the pronoun these make the pair something else: an inversion ("had
# he", "does it have", "would it have"), an object ("let it have", "made it
# have"), a comparison ("than they").
_BEFORE_PRONOUN = frozenset(
    """is are was were am be been has have had do does did will would can could shall should
    may might must let lets make makes made help helps helped see sees saw watch hear
    heard than""".split()
)
# Before "he/she/it" with a plural verb, these may join a compound subject
# ("Ivanov and he were friends"); "…, and they has promised" is still a slip.
_COMPOUND = frozenset("and or nor".split())
# A "were" after these in its clause may be a subjunctive ("if he were",
# "as though it were", "wished she were", "would prefer he were"); so may "as it were".
_SUBJUNCTIVE = frozenset(
    """if though wish wished wishes unless whether suppose supposing imagine lest rather prefer
    prefers preferred""".split()
)
# A bare "have" after these in its clause is a mandative subjunctive
# ("ordered he have no contact", "essential she have access").
_MANDATIVE = frozenset(
    """that order orders ordered demand demands demanded insist insists insisted require requires
    required request requests requested recommend recommends recommended suggest suggests
    suggested propose proposes proposed urge urges urged ask asks asked essential vital important
    imperative necessary""".split()
)


def pronoun_disagreements(words: list[str]) -> list[tuple[int, str]]:
    """(index of an auxiliary, the form that agrees) right after a subject
    pronoun that cannot take it ("he were hospitalized", "they has")."""
    found = []
    for k in range(1, len(words) - 1):
        verb, pronoun = words[k], words[k - 1].lower()
        if verb not in _PRONOUN_WRONG.get(pronoun, ()) or not _clause_goes_on(words, k):
            continue
        before = words[k - 2].lower() if k >= 2 else ""
        if before in _BEFORE_PRONOUN or before in _COMPOUND and verb in _PLURAL_AUXILIARIES:
            continue
        if pronoun == "it" and before[:1].isalpha() and not _opens_clause(words, k - 2):
            continue
        if verb == "were" and subjunctive_were(words, k):
            continue
        if verb == "have" and _in_clause(words, k - 1, _MANDATIVE):
            continue
        found.append((k, AUXILIARY_SWAP[verb]))
    return found


# Words after which "it" is a subject, not an object ("said it has", "because
# it have"). Not "before", "after", "since" or "until", which are also
# prepositions ("the weeks before it were tense").
_CLAUSE_OPENERS = frozenset(
    """that because when while although though so but where which once earlier later now then
    today yesterday previously thus therefore however meanwhile also hence currently""".split()
)
# After a reporting verb "it" opens the reported clause ("said it has")
# unless the verb is itself in a relative clause ("analysts who said it were right").
_REPORTING = frozenset(
    """said says noted notes added adds stated states reported reports believes believe thinks think
    announced announces confirmed confirms""".split()
)


def _opens_clause(words: list[str], i: int) -> bool:
    word = words[i].lower()
    if word in _REPORTING:
        return i == 0 or words[i - 1].lower() not in ("who", "that", "which", "whom")
    return word in _CLAUSE_OPENERS


def subjunctive_were(words: list[str], k: int) -> bool:
    """May the "were" at ``words[k]`` be a subjunctive ("if he were", "suppose
    it were", "as it were")?"""
    return k >= 2 and words[k - 2].lower() == "as" or _in_clause(words, k, _SUBJUNCTIVE)


def _in_clause(words: list[str], end: int, wanted: frozenset[str]) -> bool:
    """Is one of ``wanted`` among the words of the clause before ``end``?"""
    for word in reversed(words[:end]):
        if word in (".", ";", ":", "!", "?"):
            return False
        if word.lower() in wanted:
            return True
    return False


def _plural_verb_after_name(words: list[str], start: int, table: NounTable) -> tuple[int, str] | None:
    """A singular name as the subject with a plural auxiliary: "The UAE have
    sent", "Typhoon Yagi have left", "The National Bank of Ukraine have
    lowered". Agency copy gives a country, a body or a storm a singular verb.
    Names that look plural ("the Philippines", "Armed Forces") and words
    that are plural in sense ("Police", "Media") are left alone."""
    i = start + 1 if words[start] in ("The", "the") else start
    k = i
    while k < len(words) and (_name_word(words[k]) or words[k] == "of" and k > i and k + 1 < len(words) and _name_word(words[k + 1])):
        k += 1
    if k == i or k - i > MAX_NAME_WORDS or k + 1 >= len(words):
        return None
    # The name's head: the word before "of" ("Armed Forces of Kazakhstan").
    head = words[words.index("of", i) - 1] if "of" in words[i:k] else words[k - 1]
    plural_looking = head.endswith("s") and not head.isupper() and head.lower() not in _SINGULAR_S_NAMES
    if words[k] not in _PLURAL_AUXILIARIES or plural_looking or head.lower() in _PLURAL_SENSE:
        return None
    after = words[k + 1]
    if after in _ADVERBS and k + 2 < len(words):
        after = words[k + 2]  # "Vietnam have already administered"
    if not (after.isalpha() and after.islower()) or after in _FUNCTION:
        return None
    if after in table.noun_forms and after not in table.participles and not after.endswith("ing"):
        return None  # "The Sikarii are fanatics": a predicate noun, and maybe a people's name
    if k == i + 1 and _people_or_number(words[i], table):
        return None  # "The French were", "Four are elected": a people or a number, plural
    if i == start and k == i + 1 and words[i].lower() in table.noun_forms:
        return None  # "Yeast were termed": a sentence's first word is capitalised anyway
    return k, AUXILIARY_SWAP[words[k]]


def _people_or_number(word: str, table: NounTable) -> bool:
    """A people ("French", "Japanese", "Māori", "Sami") or a spelled number ("Twenty-seven")."""
    lower = word.lower()
    return (
        bool(_PEOPLE.fullmatch(word))
        or lower.split("-")[0] in _NUMBER_WORDS
        or not word.isupper() and lower not in table.proper and lower not in table.noun_forms
    )


def _name_word(word: str) -> bool:
    """A capitalised word of a name ("Bank", "UAE", "MS-27")."""
    return word[:1].isupper() and word.replace("-", "").isalnum() and word.lower() not in _FUNCTION


def _after_opening(words: list[str], start: int) -> list[int]:
    """Where the main clause starts after an opening adverbial and its comma
    ("Over the past five years, bilateral trade have doubled", "As a result
    of the flooding, 46 residents was…"), or after a year with no comma
    ("Since 2019 the joint venture have produced")."""
    first = words[start].lower()
    if first == "as" and words[start + 1 : start + 3] == ["a", "result"]:
        first = "after"  # "As a result of X," opens like "After X,"
    if first not in _INTRODUCERS:
        return []
    year = words[start + 1] if start + 1 < len(words) else ""
    if year.isdigit() and len(year) == 4 and start + 2 < len(words) and words[start + 2] in ("the", "a", "an", "this", "its", "their"):
        return [start + 2]
    if "," not in words[start:]:
        return []
    comma = words.index(",", start)
    return [comma + 1] if comma + 4 < len(words) else []


def _said_clauses(words: list[str], start: int) -> list[int]:
    """Clauses reported after "said" with no "that" ("said the Chinese economy
    has great potential"): "said" takes no noun object, so a determiner
    after it opens a clause."""
    return [
        i for i in range(start + 2, len(words) - 3)
        if words[i - 1] in ("said", "says") and words[i].lower() in _CLAUSE_DETERMINERS
    ]


def singular_after_one_of(words: list[str], table: NounTable) -> list[int]:
    """Heads of "one of the main topic"-type phrases: after "one of" with a
    determiner English needs the plural ("one of the main topics")."""
    heads = []
    for i in range(len(words) - 3):
        if words[i].lower() != "one" or words[i + 1] != "of" or words[i + 2].lower() not in _ONE_OF_DETERMINERS:
            continue
        head = _head(words, i + 3, table, initial=False)
        if head is None or words[head + 1] in ("'", "’", "and", "or", ","):  # "orchestra and band instruments"
            continue
        noun = words[head]
        if _number(noun, table) == "sg" and noun not in _PARTITIVES:
            heads.append(head)
    return heads


# Quantities whose noun after "of" is plural when it is countable: "a series
# of measures", "dozens of companies" ("a series of measure" copies a source
# with no plural after a measure word).
_PLURAL_PARTITIVES = frozenset("series number range variety host couple dozens hundreds thousands millions".split())
_SINGULAR_PARTITIVES = frozenset("series number range variety host couple".split())
MIN_INDEFINITE = 0.3


def singular_after_partitive(words: list[str], table: NounTable) -> list[int]:
    """Heads of "a series of measure"-type phrases: a countable singular
    (one the noun table says is rarely bare) after a quantity of many."""
    heads = []
    for i in range(len(words) - 3):
        lower = words[i].lower()
        if lower not in _PLURAL_PARTITIVES or words[i + 1] != "of":
            continue
        if lower in _SINGULAR_PARTITIVES and (i == 0 or words[i - 1].lower() not in ("a", "an")):
            continue  # "the series of the show", "a wide range of": only "a series of"
        head = _head(words, i + 2, table, initial=False)
        if head is None or words[head + 1] in ("'", "’", "and", "or", ",", "-"):
            continue
        after = words[head + 1]
        if after.isalpha() and after.lower() not in _FUNCTION and not (after in table.verbs and after not in table.noun_forms):
            continue  # maybe a compound's first word: "a variety of computer hardware"
        noun = words[head]
        if _number(noun, table) == "sg" and noun not in _PARTITIVES and _countable(noun, table):
            heads.append(head)
    return heads


def _the_number(words: list[str], head: int) -> bool:
    """"The number of visitors … was": unlike "a number of", "the number" is
    one figure and takes a singular verb."""
    return words[head].lower() == "number" and head > 0 and words[head - 1].lower() == "the" and words[head + 1] == "of"


def _countable(noun: str, table: NounTable) -> bool:
    """Does ``noun`` take "a/an" in at least MIN_INDEFINITE of its noun
    phrases in the training text ("measure" 41%, "expert" 52%; "rice" 1%,
    "motion" 11%)? Mass nouns rarely do."""
    stats = table.stats.get(noun)
    return stats is not None and stats.total >= 30 and stats.indefinite / stats.total >= MIN_INDEFINITE


def _disagreement_from(
    words: list[str], start: int, table: NounTable, *, initial: bool, wider: bool = False
) -> tuple[int, str] | None:
    """See ``disagreeing_auxiliary``; ``wider`` also reads a subject opened by
    a number and a bare capitalised plural opening the sentence (see
    ``wider_disagreement``)."""
    first = words[start]
    i, number, counted = start, None, False
    lower = first.lower()
    if lower in INVERSION_OPENERS:
        return None
    if lower in _NUMBERS or lower[:1].isdigit():
        if not wider or not _plain_count(words, start):
            return None
        number, i, counted = "pl", i + 1, True
    if initial and first[:1].islower() or lower.endswith("ing"):
        return None  # a fragment; a gerund's phrase ("Listing points is…") is singular whatever follows
    if lower in _SINGULAR_QUANTIFIERS and words[i + 1].lower() in _NUMBERS | SCALE_WORDS:
        return None  # "One hundred milligrams of bromine are…"
    if lower in _PLURAL_QUANTIFIERS:
        number, i = "pl", i + 1
    elif lower in _SINGULAR_QUANTIFIERS:
        number, i = "sg", i + 1
    elif lower in _DETERMINERS:
        i += 1
        if words[i].lower() in _PREPOSITIONS:
            return None  # "Some of the…", "Most of…": the number comes from after "of"
    if number and words[i] == "of":
        i += 2 if words[i + 1].lower() in _DETERMINERS else 1  # "each of the countries"
    quantified = number is not None  # set by "each/several…", not read off the noun
    head = _head(words, i, table, initial=initial and i == start)
    mass = head is None and _mass_noun(words[i], table, initial=initial and i == start)
    if mass:
        head = i  # "Unemployment in the republic have decreased"
    if head is None:
        return None
    noun = words[head].lower()
    if (noun in _PARTITIVES and not _the_number(words, head)) or noun in _TIME_ADVERBS:
        return None
    if noun.endswith("ing") and (not table.plural(noun + "s") or head > 0 and table.plural(words[head - 1].lower())):
        return None  # a gerund ("Listing points is…"), a participle ("historians living in…"); "the travel warning have" is a noun
    own = "sg" if mass else _number(noun, table)
    if counted and (own != "pl" or noun in _TIMES):
        return None  # "Op. 135 quartet was", "Four times has the artist": not a counted subject
    opener = _DEMONSTRATIVES.get(lower) or (number if quantified and i == start + 1 else None)
    if opener is not None and own not in (None, opener):
        return None  # "These ceremony were", "Every year thousands of tourists are": the noun is the question
    number = number or own
    if number is None or (number == "pl" and noun in MEASURES):
        return None
    if initial and head == start and number == "pl" and not wider and words[head + 1] not in _PREPOSITIONS:
        # "Banks was born in…": a capitalised plural opening the sentence may
        # be a name, but hardly one with a phrase after it ("Hospitals in the city has").
        return None
    k = _auxiliary_after(words, head, table)
    if k is None or not _clause_goes_on(words, k):
        return None
    after = words[k + 1]
    if words[k] in _BE and (
        after.lower() in _DETERMINERS or after == "present"  # "Present at the talks were the ministers…"
        or table.plural(after)  # "Common also were attacks by…"
    ):
        return None  # an inversion: the subject follows the verb
    singular_verb = words[k] in _SINGULAR_AUXILIARIES
    if (number == "sg") == singular_verb:
        return None
    if number == "sg" and initial and i == start and k == head + 1:
        return None  # "Salmon are", "Congress were": a bare opening noun may be a name or a plural
    if number == "sg" and not quantified and words[k] in _BE and (
        noun in _SPECIFYING or after[:1].isupper() or table.plural(after)
    ):
        return None  # "Another example are Gaussian integers": agreeing with the predicate
    return k, AUXILIARY_SWAP[words[k]]


_DECIMAL = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CURRENCY_SIGNS = frozenset("$ € £ ¥ ₽ US$".split())


def _plural_conjunct(words: list[str], k: int, table: NounTable) -> bool:
    """Is ``words[k]`` a lone lower-case plural noun closing a pair ("expert
    and scholars from")?"""
    if k >= len(words) or not words[k].isalpha() or not words[k].islower() or not table.plural(words[k]):
        return False
    after = words[k + 1] if k + 1 < len(words) else ""
    return not (after.isalpha() and after.islower() and after in table.noun_forms)


def quantity_disagreements(words: list[str], table: NounTable) -> list[tuple[int, str]]:
    """(index of a head noun, the number it should have: "sg"/"pl") where a
    determiner or numeral opening its phrase fixes the other number ("these
    painting", "from 40 country", "this tendencies")."""
    found = []
    for i, word in enumerate(words[:-2]):
        want = _opener_number(words, i, table)
        scaled = _DECIMAL.fullmatch(word) is not None and words[i + 1].lower() in SCALE_WORDS
        if want is None and not scaled:
            continue
        if i and words[i - 1] in _CURRENCY_SIGNS:
            continue  # "a $27 million federally-funded freeway": an amount of money modifying the noun
        want = want or "pl"  # "3.5 million tonne"
        j = i + 1
        if want == "pl" and (words[j].lower() in SCALE_WORDS or words[j].lower() == "dozen"):
            scaled = scaled or word[:1].isdigit()
            j += 1  # "3 million ton", "several dozen"
        if len(words[j]) <= 2 or not words[j].replace("-", "").isalpha() or words[j].endswith("th"):
            continue  # a unit ("50 kg category"), "of" ("two of them"), "the 250 millionth visitor"
        if want == "sg" and (words[j].lower() in _PLURAL_OPENERS or _opens_plural(words, i, j)):
            continue  # "every four years", "another few weeks", "a good many people"
        head = _head(words, j, table, initial=False)
        if head is None or word.lower() in ("a", "an") and not _plain_indefinite(words, i, head):
            continue
        if any(words[m].lower() in table.noun_forms for m in range(j, head)):
            continue  # "every page debts", "30 year difference": the noun before the head is a modifier
        noun, after = words[head], words[head + 1]
        if scaled and after in ("of", ",") and words[j - 2][:1].isdigit():
            pass  # "3.5 million tonne, the ministry said", "2 million barrel of oil": no list, no genitive
        elif want == "pl" and after == "and" and _plural_conjunct(words, head + 2, table):
            pass  # "more than 500 expert and scholars": the other noun shows the number
        elif want == "pl" and after == "of" and noun.lower() in _UNIT_NOUNS and word[:1].isdigit():
            pass  # "25,000 ton of wheat": a unit counted by a figure, not a genitive
        elif after in ("'", "’", "-", "of", ",", "and", "or", ")") or after.lower() in _MEASURED or noun in _PARTITIVES:
            continue  # a genitive, a list ("many animal, plant and mineral"), a measure ("3 foot tall")
        if after.isalpha() and after.islower() and after not in _FUNCTION and after not in table.verbs:
            continue  # maybe a compound's first noun: "128 bit processor", "a 22 man squad"
        if words[i][:1].isdigit() and after not in _FUNCTION and after not in (".", ";", ":", "!", "?") and not (
            scaled and (after in (",", "of") or after in table.verbs and after not in table.noun_forms)
        ):
            continue  # a measure before a name or a quote: "a 55,000 tonne "Kuznetsov"-class carrier"
        if head == j and (noun.lower() in table.finite or noun.endswith("ing")) and after not in AUXILIARY_SWAP:
            continue  # the opener is a pronoun: "This marks the first time", "Those living in the area"
        number = _number(noun, table)
        if number is None or number == want or _verb_agrees(words, head, number, table):
            continue  # "This tendencies are worrying": the determiner may be the slip, not the noun
        found.append((head, want))
    return found


def much_before_plural(words: list[str], table: NounTable) -> list[int]:
    """Indices of "much" right before a plural count noun ("much efforts",
    "too much problems"): countable plurals take "many". Russian "много" and
    Chinese "很多" serve both. A plural that is also a verb is left alone
    ("much remains to be done", "much depends on")."""
    found = []
    for i in range(len(words) - 2):
        if words[i].lower() != "much" or i > 0 and words[i - 1].lower() in ("very", "how", "as"):
            continue  # "how much buyers value", "as much ministries as jobs": a degree
        noun = words[i + 1]
        if not noun.islower() or _number(noun, table) != "pl" or noun in table.finite or noun in MEASURES | _STOP:
            continue
        found.append(i)
    return found


def _opens_plural(words: list[str], i: int, j: int) -> bool:
    """Does the phrase after the singular opener ``words[i]`` count a plural
    ("a few", "a good many", "every other week")?"""
    word = words[j].lower()
    if word in _PLURAL_AFTER_A:
        return True
    if word in ("good", "great") and j + 1 < len(words) and words[j + 1].lower() == "many":
        return True
    return word == "other" and words[i].lower() == "every"


def _plain_indefinite(words: list[str], i: int, head: int) -> bool:
    """Is ``words[i]`` the article "a"/"an" of a phrase that ends at its head
    ("an important roles in")? Not the letter ("Serie A giants"), "a
    cappella", or a plural modifier before another noun ("a graphics editing program")."""
    if words[i] == "A" and i > 0 or words[i + 1].lower() == "cappella":
        return False
    after = words[head + 1]
    return not (after.isalpha() and after.islower() and after not in _FUNCTION)


def _verb_agrees(words: list[str], head: int, number: str, table: NounTable) -> bool:
    """Is the head followed by an auxiliary of its own number?"""
    k = _auxiliary_after(words, head, table)
    return k is not None and (words[k] in _SINGULAR_AUXILIARIES) == (number == "sg")


def _auxiliary_after(words: list[str], head: int, table: NounTable) -> int | None:
    """Index of the auxiliary that follows the head after an optional plain
    prepositional phrase and adverbs ("the goal of the reforms now is"), if any."""
    k = _after_phrase(words, head + 1, table)
    if k is None:
        return None
    while k < len(words) and words[k] in _ADVERBS:
        k += 1
    return k if k < len(words) and words[k] in AUXILIARY_SWAP else None


def _opener_number(words: list[str], i: int, table: NounTable) -> str | None:
    """The number the word at ``i`` demands of the noun after it, if it is a
    determiner or a plain numeral (not a year, an ordinal or a label)."""
    word, lower = words[i], words[i].lower()
    if lower in _SINGULAR_OPENERS:
        return "sg"
    # ASCII only: "²" and other digit-like characters are no numerals here.
    numeral = word.isascii() and word.replace(",", "").isdigit() and word[:1].isdigit() and word not in ("0", "1")
    if numeral and (word.isdigit() and 1000 <= int(word) <= 2100 or words[i + 1] in ("th", "st", "nd", "rd")):
        return None  # a year ("the 2022 election"), an ordinal ("the 14th consecutive year")
    if not numeral and lower not in _PLURAL_OPENERS:
        return None
    if i > 0:
        before = words[i - 1]
        if before[:1].isupper() or before.lower() in _LABEL_BEFORE or before.lower() in table.noun_forms:
            return None  # "Type 92 submarine", "group 8 element", "the number three man"
    return "pl"


def _head(words: list[str], i: int, table: NounTable, *, initial: bool) -> int | None:
    """The head noun of the phrase starting at ``words[i]``: the last of a run
    of modifiers and nouns ("the main goal", "foreign direct investments")."""
    for j in range(i, min(i + MAX_MODIFIERS + 1, len(words) - 1)):
        word = words[j]
        if "-" in word and word.islower() and word.replace("-", "").isalpha():
            continue  # a compound modifier: "two short-range ballistic missile"
        if _nationality(words, j, table):
            continue  # "The Russian and Chinese navies is": adjectives, not a name
        if not word.isalpha() or (word[:1].isupper() and not (initial and j == i)):
            return None  # a name or a figure: its number is not ours to judge
        lower = word.lower()
        if lower in _FUNCTION:
            return None  # "At the meeting were…": no subject opens the sentence
        nxt = words[j + 1].lower()
        if j > i and lower in table.participles and (
            lower not in table.noun_forms or lower.endswith(("ed", "en")) and nxt in _PREPOSITIONS
        ):
            return None  # "the accounts given of him were", "figures given for the resistance are": a participle after the noun
        if lower in table.noun_forms and nxt not in table.noun_forms:
            return j
        if j == i and lower.endswith("ing") and nxt in table.noun_forms and words[j + 1].islower():
            continue  # "each of the participating teams": an -ing form modifying the noun
        if lower in table.verbs and lower not in table.noun_forms:
            return None
    return None


def _mass_noun(word: str, table: NounTable, *, initial: bool) -> bool:
    """A singular abstract noun the noun table leaves out because it has no
    plural ("unemployment", "cooperation"): known by its ending."""
    if not word.isalpha() or word[:1].isupper() and not initial or word[1:] != word[1:].lower():
        return False
    lower = word.lower()
    return len(lower) >= 7 and lower.endswith(_MASS_ENDINGS) and lower not in table.noun_forms and lower not in table.verbs


def _nationality(words: list[str], j: int, table: NounTable) -> bool:
    """Is ``words[j]`` an adjective of nationality inside a noun phrase
    ("Russian", mostly capitalised in the training text), or the "and"
    between two ("Russian and Chinese")? A lower-case noun must follow."""
    def adjective(k: int) -> bool:
        word = words[k] if 0 <= k < len(words) else ""
        return bool(_PEOPLE.fullmatch(word)) and word.lower() in table.proper

    if words[j] == "and":
        return adjective(j - 1) and adjective(j + 1)
    nxt = words[j + 1] if j + 1 < len(words) else ""
    return adjective(j) and (nxt == "and" or nxt.islower() and nxt in table.noun_forms)


def _after_phrase(words: list[str], k: int, table: NounTable) -> int | None:
    """Index after an optional prepositional phrase ("of the reforms"), or
    None when what follows is not a plain phrase (a clause, a list, a quote)."""
    if k >= len(words) or words[k] not in _PREPOSITIONS:
        return k
    for j in range(k + 1, min(k + 1 + MAX_PHRASE, len(words))):
        word = words[j]
        if word in AUXILIARY_SWAP or word in _ADVERBS:
            return j
        lower = word.lower()
        if word[:1].isupper():
            after_name = _name_run_end(words, j)
            if word.isalpha() and j > k + 1 or j == k + 1 and after_name is not None:
                return after_name  # "A court in Istanbul have", "The talks with the United States has"
        if not word.replace("-", "").isalnum() or lower in _STOP or not word.islower() and not word.isdigit():
            return None  # a clause, a list, or a name ("House of Representatives elections were")
        if lower in table.verbs and lower not in table.noun_forms:
            return None  # "the decision of the ministers made on…"
    return None


def _name_run_end(words: list[str], j: int) -> int | None:
    """Index of the auxiliary right after a name of up to three capitalised
    words closing a phrase ("in Istanbul have"), or None: a name followed by
    more words may be a modifier ("House of Representatives elections")."""
    k = name_run_end(words, j)
    return k if k > j and k < len(words) and words[k] in AUXILIARY_SWAP else None


def _clause_goes_on(words: list[str], k: int) -> bool:
    """The auxiliary heads a clause, not a tag or a list item."""
    return k + 1 < len(words) and words[k + 1] not in (",", ".", ";", ":", "?", "!")


# ------------------------------------------------------------ distant subjects
#
# What ``disagreeing_auxiliary`` leaves out on purpose because the n-gram
# model cannot see the head: a subject whose verb comes after names, figures
# and "and" inside its prepositional phrases ("The results of the talks
# between the Russian and Chinese delegations in Beijing on Tuesday has"),
# after a parenthesis between commas ("The new railway line, which connects
# …, are expected"; "The Prime Minister, accompanied by …, were received"),
# after a participle's phrase ("the sanctions imposed by the United States
# violates"), a title or a body as the head ("The Ministry of Health … have"),
# and a present-tense verb that is no auxiliary ("the level of air pollution …
# exceed"). The grammar decides; the model only confirms
# (``rank.GRAMMAR_MARGINS["agreement:distant"]``).

# Prepositions a subject's phrase may run through.
_PHRASE_PREPOSITIONS = _PREPOSITIONS | frozenset(
    "during within near into towards toward by per via amid through throughout across around against about to".split()
)
# Words that open a parenthesis between commas after the subject.
_PARENTHESIS_OPENERS = frozenset(
    """which who whose where accompanied together along including despite like unlike according
    as in on at for with during after before since under from amid headed led chaired codenamed
    known named called dubbed""".split()
)
_MAX_PARENTHESIS = 25
_MAX_SUBJECT = 30
_CLAUSE_END = frozenset(". ; : ! ? ( ) “ ” \" « » — –".split())
# Plural nouns that modify another noun ("arms sales", "goods traffic"), so a
# plural before a verb-looking plural is not its subject ("sales figures").
_PLURAL_MODIFIERS = frozenset(
    """arms goods sales savings sports customs communications operations services securities
    futures humanities affairs rights weapons drugs jobs emissions fisheries systems parts
    earnings awards games nations states""".split()
)
_DO_FORMS = {"does": "do", "do": "does"}
_PARTICLES = frozenset("out up off down over".split())  # "carried out by", "set up in"
_THAT_VERBS = frozenset(
    "show shows suggest suggests indicate indicates confirm confirms prove proves reveal reveals demonstrate demonstrates mean means".split()
)
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_PADDING = ("", "", "", "", "")
# A word's other forms and their kinds, from the model's tables
# (``candidates.Lexicon.morph``: "plans" -> ("plan", "agreement"), ...).
Morph = Mapping[str, tuple[tuple[str, str], ...]]


def _agreeing(verb: str, morph: Morph) -> str | None:
    """A present-tense verb's other number ("plans" -> "plan"), if known."""
    return next((form for form, kind in morph.get(verb, ()) if kind == "agreement"), None)


def distant_disagreement(
    words: list[str], table: NounTable, morph: Morph
) -> tuple[int, str, int] | None:
    """(index of the verb, the form that agrees with the head of the
    subject, index of that head) for the subjects described above."""
    return _first_reading(words, lambda padded, start: _distant_from(padded, start, table, morph), mandative=True)


# Bodies that British English may make plural ("the delegation are") but
# agency copy keeps singular: 47 singular verbs to 1 plural after them in the
# tuned references.
COLLECTIVES = frozenset(
    "government delegation team committee council company firm board cabinet panel parliament".split()
)


def collective_plural(words: list[str], table: NounTable, morph: Morph) -> tuple[int, str, int] | None:
    """(index of the verb, its singular, index of the head) where a subject
    headed by a body (``COLLECTIVES``) takes a plural verb ("The delegation,
    headed by the minister, are expected", "the government always attach")."""
    if COLLECTIVES.isdisjoint(words):
        return None  # most sentences: no second read of their subjects
    return _first_reading(
        words, lambda padded, start: _distant_from(padded, start, table, morph, collective=True), mandative=True
    )


def _first_reading(words: list[str], read, *, mandative: bool = False):
    """The first clause's reading by ``read(padded words, clause start)``
    whose verb is not the sentence's last word. The readers look a few words
    ahead, so they get the words padded with empty strings. ``mandative``:
    skip a clause after "demanded", "essential" and the like ("demanded that
    the ministry withdraw" is a subjunctive)."""
    padded = [*words, *_PADDING]
    for start, _initial in _clauses(words):
        if mandative and start and _in_clause(words[max(0, start - 20) :], min(start, 20), _MANDATIVE - {"that"}):
            continue
        found = read(padded, start)
        if found is not None and found[0] < len(words) - 1:
            return found
    return None


def _distant_from(
    words: list[str], start: int, table: NounTable, morph: Morph, *, collective: bool = False
) -> tuple[int, str, int] | None:
    i, number = start, None
    lower = words[i].lower()
    if lower.endswith("ing") and lower not in table.proper:
        return None  # a gerund's phrase is singular: "Collecting branches for a bonfire is" (not "Beijing")
    if lower == "only" and words[i + 1].lower() == "one":
        i, lower = i + 1, "one"
    if lower in _SINGULAR_QUANTIFIERS and (lower != "one" or words[i + 1] == "of"):
        number, i = "sg", i + 1  # "each of the agreements", "every citizen", "one of the candidates"
        if words[i] == "of":
            i += 2 if words[i + 1].lower() in _DETERMINERS else 1
    elif lower in _DETERMINERS and lower not in ("a", "an", "one", "another", "either", "neither"):
        i += 1
    elif words[i][:1].islower():
        return None
    found = _distant_head(words, i, table, morph, initial=i == start)
    if found is None:
        return None
    head, verb_next = found
    noun = words[head].lower()
    own = _number(noun, table)
    if collective:
        if noun not in COLLECTIVES or not words[head].islower():
            return None
        own = "sg"  # read as a singular; only a plural verb is reported below
    if words[head][:1].isupper() and (own != "sg" or noun in table.proper and i == start):
        return None  # a name: "The United States", "The Maldives"; "The Ministry of Health" is a body
    if (noun in _PARTITIVES and not _the_number(words, head)) or noun in _TIME_ADVERBS or noun.endswith("ing") or noun in _SPECIFYING or noun == "whole":
        return None
    if number and (own == "pl" or noun in _TIME_NOUNS):
        return None  # "Every households": the noun may be the slip; "Every year in Russia are trained": a time
    number = number or own
    if number is None or number == "pl" and noun in MEASURES:
        return None
    relative = _relative_verb(words, head + 1, table, morph) if words[head + 1] == "," else None
    if relative is not None and _clause_goes_on(words, relative):
        agreed = _verb_number(words, relative, table, morph)
        if agreed is not None and (number == "sg") != agreed[0]:
            return relative, agreed[1], head  # "The collection, which include 300 items,": the head is the antecedent
        if collective:
            return None  # "The team, which are …": the plural is the clause's, read no further
    found = (head + 1, False) if verb_next else _verb_after_subject(words, head, table, morph, opened=i > start)
    if found is None and collective:
        k = head + 1
        while k < len(words) - 1 and _adverb(words[k]):
            k += 1
        if words[k] in AUXILIARY_SWAP:
            found = (k, False)  # "The team were knocked out": read here, as no other check reads a body
    if found is None:
        return None
    k, compound = found
    if not _clause_goes_on(words, k):
        return None
    agreed = _verb_number(words, k, table, morph)
    if agreed is None:
        return None
    singular, other = agreed
    if (number == "sg") == singular or compound and (not singular or words[k].lower() in table.noun_forms):
        return None  # "The name of the organization and details of its structure were"
    if _compound_before(words, k, table, singular):
        return None
    return k, other, head


def _compound_before(words: list[str], k: int, table: NounTable, singular: bool) -> bool:
    """Does the verb at ``k`` agree with a compound's head just before it
    ("The great Church of England missionary societies were", "Age of
    consent laws vary"), which may be the subject's head after all?"""
    j = k - 1
    while j > 0 and _adverb(words[j]):
        j -= 1
    last = words[j].lower()
    if words[j][:1].isupper() and (last in _PLURAL_SENSE or last in _EITHER):
        return True  # "The University of Texas Police operate"
    if not words[j].islower() or _number(last, table) is None or (_number(last, table) == "sg") != singular:
        return False
    first = j
    while first > 0 and words[first - 1].replace("-", "").isalpha() and words[first - 1].lower() not in _FUNCTION:
        first -= 1
    # A run of two or more words opened by a name or right after a preposition.
    return first < j and (words[first][:1].isupper() or words[first - 1] in _PHRASE_PREPOSITIONS)


def _verb_number(words: list[str], k: int, table: NounTable, morph: Morph) -> tuple[bool, str] | None:
    """(is the verb at ``k`` singular?, its other form), or None where its
    number says nothing (an inversion, a subjunctive)."""
    verb = words[k]
    if verb in AUXILIARY_SWAP:
        if verb in _BE and (words[k + 1].lower() in _DETERMINERS or table.plural(words[k + 1]) or words[k + 1][:1].isupper()):
            return None  # an inversion, or agreement with the predicate
        if verb == "were" and subjunctive_were(words, k):
            return None
        return verb in _SINGULAR_AUXILIARIES, AUXILIARY_SWAP[verb]
    if verb in _DO_FORMS:
        return verb == "does", _DO_FORMS[verb]
    other = _agreeing(verb, morph)
    if other is None or verb.endswith("s") == other.endswith("s"):
        return None
    return verb.endswith("s"), other


def _distant_head(
    words: list[str], i: int, table: NounTable, morph: Morph, *, initial: bool
) -> tuple[int, bool] | None:
    """(the head noun of the subject opening at ``i``, is the verb right
    after it?): the last noun of a run of up to five modifiers and nouns,
    after an opening possessive ("the country's refineries"). A plural
    before a plural that reads as a verb ends the run ("The authorities
    plans to"); a head that reads as a verb after a noun of the other number
    ("advancements help", "season runs") leaves the subject unread."""
    head = None
    for j in range(i, min(i + MAX_MODIFIERS + 2, len(words) - 1)):
        word, lower = words[j], words[j].lower()
        if j == i and lower.endswith(("'s", "’s")) and lower[:-2].isalpha():
            continue  # a possessive opens the phrase
        if "-" in word and word.replace("-", "").isalpha():
            head = j if lower.rsplit("-", 1)[-1] in table.noun_forms else None
            continue
        if not word.isalpha() or lower in _FUNCTION:
            break
        if lower in table.verbs and lower not in table.noun_forms and not (word[:1].isupper() and initial and j == i):
            break  # "The authorities say…": the verb ends the phrase
        if j > i and lower.endswith("ed") and head is None and words[j - 1].lower() not in _DETERMINERS:
            return None  # "The cattle affected by": an unknown noun, then a participle
        participle = j > i and (lower in table.participles or lower.endswith("ed") and head is not None)
        if lower not in table.noun_forms or participle:
            if head is not None or participle:
                break  # "the measures adopted by": what follows the head is no modifier
            continue
        if lower in _NOT_HEADS or lower in _LATIN_PLURALS:
            return None  # "Up to 95% of…", "Some bacteria with…": no countable head
        if head is not None and _agreeing(lower, morph) and _number(words[head].lower(), table) not in (None, _number(lower, table)):
            return None
        if head is not None and table.plural(words[head].lower()) and words[head].lower() not in _PLURAL_MODIFIERS:
            break  # "Some aloes native to", "Features specific to": a plural ends its phrase
        if (
            i > 0 and words[i - 1].lower() in _DETERMINERS and table.plural(lower) and lower not in _PLURAL_MODIFIERS
            and words[j + 1].endswith("s") and words[j + 2] != "that" and _verb_like(words, j + 1, table)
        ):
            return j, True
        head = j
    return None if head is None else (head, False)


# Words that open a verb's object and no noun compound: "include more than
# 40,000 items", "cover 20 cities", "involve several ministries".
_OBJECT_OPENERS = frozenset(
    """that the a an its their his her all both more less fewer over about nearly almost
    around approximately roughly some several many most no these those such each every""".split()
)


def _verb_like(words: list[str], k: int, table: NounTable) -> bool:
    """Is the word at ``k`` used as a verb: followed by "to" and a verb,
    "that", a determiner or quantifier that opens its object, or a figure?"""
    if k + 2 >= len(words):
        return False
    after = words[k + 1].lower()
    if after == "to":
        return words[k + 2].lower() in table.verbs
    return after in _OBJECT_OPENERS or after in _NUMBER_WORDS or after[:1].isdigit() and after.replace(",", "").replace(".", "").isdigit()


def _relative_verb(words: list[str], comma: int, table: NounTable, morph: Morph) -> int | None:
    """Index of the verb of a "which/who" clause opening at the comma right
    after a subject's head ("The national team, which include 42 athletes,"),
    whose antecedent can only be that head."""
    if words[comma + 1].lower() not in ("which", "who"):
        return None
    k = comma + 2
    while k < len(words) - 1 and _adverb(words[k]):
        k += 1
    if words[k] in AUXILIARY_SWAP or _verb_after_parenthesis(words, k, table, morph):
        return k
    return None


def _verb_after_subject(
    words: list[str], head: int, table: NounTable, morph: Morph, *, opened: bool
) -> tuple[int, bool] | None:
    """Index of the subject's finite verb after its head: through prepositional phrases (names,
    figures and "and" allowed inside them), a participle's phrase, one or
    two parentheses between commas, and adverbs. Something must stand
    between the head and its verb (``disagreeing_auxiliary`` reads the rest),
    and nothing else may."""
    k, end, parentheses = head + 1, min(len(words) - 1, head + 1 + _MAX_SUBJECT), 0
    phrase, compound = "", False
    while k < end:
        word, lower = words[k], words[k].lower()
        if word in AUXILIARY_SWAP or word in _DO_FORMS:
            return (k, compound) if k > head + 1 else None
        if _present_verb(words, k, table, morph):
            # Right after the head only a word that is no noun and takes an
            # object: "The authorities says that" (not "The civil air
            # transport in Albania", "The relative ease of").
            adjacent = k == head + 1
            if adjacent and not (opened and lower not in table.noun_forms and _verb_like(words, k, table)):
                return None
            return k, compound
        if word in _ADVERBS or lower.endswith("ly") and lower.isalpha() and lower not in table.noun_forms:
            k += 1
        elif word == "to" and (after_verb := _infinitive_end(words, k, table)) is not None:
            k, phrase = after_verb, "to"  # "efforts to attract investment into … has"
        elif word in _PHRASE_PREPOSITIONS:
            k, phrase = k + 1, word
        elif (_participle(lower, table) or lower.endswith("ing") and lower not in _ING_NOUNS) and words[k + 1] in _PHRASE_PREPOSITIONS:
            k += 1  # "the sanctions imposed by", "citizens working on"
        elif _participle(lower, table) and words[k + 1] in _PARTICLES and words[k + 2] in _PHRASE_PREPOSITIONS:
            k += 2  # "the inspection carried out by"
        elif word == ",":
            close = _parenthesis_end(words, k, table)
            if close is None or parentheses == 2:
                return None
            k, parentheses, phrase = close + 1, parentheses + 1, ""
            while k < end and _adverb(words[k]):
                k += 1
            if k < end and _verb_after_parenthesis(words, k, table, morph):
                return k, compound  # "The exhibition, which features 300 works, attract thousands"
            if k < end and words[k] != "," and words[k] not in AUXILIARY_SWAP and words[k] not in _DO_FORMS and not _present_verb(words, k, table, morph):
                return None  # a list goes on after the comma: "including A, B and C, have"
        elif phrase and lower in ("and", "or"):
            # Names joined inside a phrase ("between Russia and China", "in
            # Gaza and the West Bank") are not a second subject; "Control of
            # marriage and the meanings of legitimacy were" may be, and "and
            # the length was" may open a clause.
            nxt, determined = words[k + 1], False
            if nxt.lower() in _DETERMINERS or nxt.lower().endswith(("'s", "’s")):
                nxt, determined = words[k + 2], True
            if phrase not in ("between", "among"):
                if nxt[:1].islower() and determined:
                    return None  # "and the meanings of", "and the length was": a second subject or a clause
                last = words[k - 1]
                # "of the second and third power units": "and" joins two modifiers, not two nouns
                compound = compound or last[:1].isupper() or last.lower() in table.noun_forms and last.lower() not in _ORDINALS or not last.isalpha()
            k += 1
        elif phrase and _phrase_word(words, k, table, morph):
            k += 1
        else:
            return None
    return None


# Verbs whose past is their base: "read", "put", "set".
_SAME_PAST = frozenset("read put set cut let hit cost hurt quit spread shut bet beat split shed burst cast".split())
# Adverbs and prepositions the noun table also lists as nouns ("ups", "outs").
_NOT_HEADS = frozenset("up down out off over back near like past round inside outside".split())
# Plurals without -s that the noun table may count as singular.
_LATIN_PLURALS = frozenset(
    "bacteria criteria phenomena media data alumni fungi cacti nuclei stimuli algae larvae antennae formulae vertebrae".split()
)
_NEGATED_MODALS = frozenset("cannot can't won't don't doesn't didn't shouldn't wouldn't couldn't mustn't".split())
_TIME_NOUNS = frozenset("year month week day time morning evening night season decade century hour".split())
# -ing words that are nouns more often than verbs in a subject's phrase.
_ING_NOUNS = frozenset("meeting building training funding housing spending shipping hearing".split())
# Words the model's tables list as verbs that in a subject's phrase are an
# ordinal, a preposition or an adjective ("the third", "near", "like", "own").
_NOT_VERBS = frozenset(
    """first second third fourth fifth last next past near like unlike own live present absent
    empty open close clear free short long well better worse even still back down up off out
    round double level total average mean outside inside due plus minus per via upper lower separate
    further former latter above below top bottom""".split()
)


def _adverb(word: str) -> bool:
    """An adverb between a subject and its verb ("also", "currently")."""
    return word in _ADVERBS or word.endswith("ly") and word.isalpha()


def _infinitive_end(words: list[str], to: int, table: NounTable) -> int | None:
    """Index after "to", its adverbs and its verb ("to easily synthesize",
    "to do"), or None when "to" opens no infinitive."""
    k = to + 1
    while k < len(words) - 1 and words[k].endswith("ly") and words[k].isalpha():
        k += 1
    verb = words[k].lower()
    if verb in AUXILIARY_SWAP or verb in _DO_FORMS or verb in ("be", "have") or verb in table.verbs and verb not in table.noun_forms:
        return k + 1
    return None


def _participle(word: str, table: NounTable) -> bool:
    """A past participle that is no noun ("adopted", "given", "built")."""
    return word not in table.noun_forms and (word in table.participles or word.endswith("ed") and word in table.verbs)


# What follows a numbered noun ("school No. 42", "Unit #3"): no verb takes it.
_NUMBER_SIGNS = frozenset(("No", "№", "#", "Nos"))


def _present_verb(words: list[str], k: int, table: NounTable, morph: Morph) -> bool:
    """A present-tense lexical verb at ``k`` (not an auxiliary, not a past
    form: "fell" is "fall"'s past before it is a verb of its own)."""
    word, before = words[k], words[k - 1].lower()
    if not word.isalpha() or not word.islower() or word in _FUNCTION or word in _NOT_VERBS:
        return False
    if before in _FUNCTION or before in _NEGATED_MODALS or before.endswith(("'s", "’s")):
        return False  # "of the dam", "cannot exceed": a noun the tables do not count, or no finite verb
    if words[k - 1].isalpha() and words[k - 1].islower() and before not in table.noun_forms and not before.endswith("ly") and before not in _ADVERBS:
        return False  # "major international traffic arteries": an adjective before it, so a noun
    if before.endswith("ly") and k >= 2 and words[k - 2].lower() in _DETERMINERS:
        return False  # "a nearly complete hindlimb"
    if word in _EITHER or not word.endswith("s") and word in _SAME_PAST:
        return False  # "the pop punk band", "Each man on board read": a noun, or a past
    j = k + 1
    while j + 1 < len(words) and words[j].endswith("ly") and words[j].isalpha():
        j += 1
    after = words[j]
    if after in _NUMBER_SIGNS:
        return False  # "Pupil of Tbilisi school No. 42 won": a numbered noun
    showing = after.lower() == "that" and word in _THAT_VERBS  # "The results of the inspection … shows that"
    if not showing and (
        not (after.isalnum() or after in ("%", "“", '"', "«")) or after.lower() in _STOP or after in table.verbs and after not in table.noun_forms
    ):
        return False  # "Maiden shame lasts", "air travel globally increased": a verb follows, so this is none
    if not word.endswith("s") and after.islower() and after in table.noun_forms and after not in _DETERMINERS:
        return False  # "hate speech", "research companies": a compound's first noun
    other = _agreeing(word, morph)
    if other is None or not (word.endswith("s") or other.endswith("s")):
        return False
    if not word.endswith("s") and _past_form(word, morph):
        return False
    if word in table.noun_forms:
        return _verb_like(words, k, table) and (before in table.noun_forms or words[k - 1][:1].isupper())
    return word in table.verbs and word not in table.participles


def _verb_after_parenthesis(words: list[str], k: int, table: NounTable, morph: Morph) -> bool:
    """A present-tense lexical verb right after a parenthesis closes
    ("…, attract thousands", "…, involves more than"): there a word the
    tables also list as a noun is the verb, not a compound's first noun."""
    word = words[k]
    if not word.isalpha() or not word.islower() or word in _FUNCTION or word in _NOT_VERBS or word not in table.verbs:
        return False
    if word in table.participles or _past_form(word, morph) or not word.endswith("s") and word in _SAME_PAST:
        return False
    other = _agreeing(word, morph)
    if other is None or word.endswith("s") == other.endswith("s"):
        return False
    after = words[k + 1]
    return after.isalnum() and not (after in table.verbs and after not in table.noun_forms) and after.lower() not in ("of", "and", "or", ",")


def _past_form(word: str, morph: Morph) -> bool:
    """Is ``word`` another verb's past ("saw" of "see", "fell" of "fall")?"""
    own = _agreeing(word, morph)
    return any(kind == "tense" and form.endswith("s") and form != own for form, kind in morph.get(word, ()))


def _phrase_word(words: list[str], k: int, table: NounTable, morph: Morph) -> bool:
    """A word a subject's prepositional phrase may hold."""
    word, lower = words[k], words[k].lower()
    if lower in _ORDINALS:
        return True  # "of the second and third power units"
    if lower in _DETERMINERS or lower in ("of", "'s", "%") or word[:1].isdigit():
        return lower not in ("which", "what", "whose", "whichever", "whatever", "that")
    if lower in _FUNCTION or lower in _STOP or lower in _NEGATED_MODALS or word.islower() and _past_form(lower, morph):
        return False  # "English mediation in 1661 saw the Netherlands": a verb, no phrase (not "the United States")
    stripped = word.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    if not stripped.isalnum():
        return False
    return word[:1].isupper() or lower not in table.verbs or lower in table.noun_forms


def _parenthesis_end(words: list[str], comma: int, table: NounTable) -> int | None:
    """Index of the comma closing a parenthesis that opens at ``comma``: a
    relative clause, a participle's phrase, "together with …", or an
    apposition ("The head of the delegation, Minister X, has")."""
    first = words[comma + 1] if comma + 1 < len(words) else ""
    lower = first.lower()
    if not (lower in _PARENTHESIS_OPENERS or _participle(lower, table) or lower.endswith("ing") or lower in ("the", "a", "an") or first[:1].isupper()):
        return None
    for j in range(comma + 2, min(len(words), comma + 2 + _MAX_PARENTHESIS)):
        if words[j] == ",":
            after = words[j + 1].lower() if j + 1 < len(words) else ""
            return None if after in ("and", "or", "but") else j
        if words[j] in _CLAUSE_END:
            return None
    return None


# ------------------------------------------------------------ compound subjects
#
# Two subjects joined by "and" take a plural verb: "Foreign Minister Sergey
# Lavrov and his Turkish counterpart Hakan Fidan was expected", "The European
# Union, the United States and Japan has pledged", "Both the Ministry of
# Finance and the Central Bank is working". Read only where the second
# subject has a determiner of its own or the subjects are a list of three, so
# that one thing with two names ("The chairman and chief executive", "Bosnia
# and Herzegovina", "the Ministry of Industry and Trade") is left alone.

_SECOND_OPENERS = frozenset("the his her its their our this these a an".split())


def compound_disagreement(words: list[str], table: NounTable, morph: Morph) -> tuple[int, str] | None:
    """(index of a singular verb, its plural) after a compound subject."""
    return _first_reading(words, lambda padded, start: _compound_from(padded, start, table, morph))


def _compound_from(words: list[str], start: int, table: NounTable, morph: Morph) -> tuple[int, str] | None:
    both = words[start].lower() == "both"
    k = start + 1 if both else start
    lower = words[k].lower()
    if lower in ("each", "every", "neither", "either", "one", "a", "an", "and", "or", "but") or words[k][:1].islower() and lower not in _DETERMINERS and not both:
        return None
    items, joined, size, end = 1, False, 0, min(len(words) - 1, start + _MAX_SUBJECT)
    named = False
    while k < end:
        word, lower = words[k], words[k].lower()
        if lower == "and" or word == "," and words[k + 1].lower() != "and":
            nxt, last = words[k + 1], words[k - 1]
            if joined or not (last[:1].isupper() or last.lower() in table.noun_forms):
                return None  # "Berkeley and Locke, Hume", "slopes forward and the body": no list of subjects
            if lower == "and" and not (both or nxt.lower() in _SECOND_OPENERS or items >= 2 and nxt[:1].isupper()):
                return None  # "The chairman and chief executive", "Bosnia and Herzegovina"
            if word == "," and nxt.lower() not in _SECOND_OPENERS:
                return None  # "The Education, Learning and Leisure Service": one name
            joined, items, size, k = lower == "and", items + 1, 0, k + 1
            continue
        if word in AUXILIARY_SWAP or word in _DO_FORMS or _present_verb(words, k, table, morph):
            if not joined or words[k - 1] in (",", "and"):
                return None
            agreed = _verb_number(words, k, table, morph)
            if agreed is None or not agreed[0] or _a_title(words, start, k):
                return None
            if named and not _named_second(words, k):
                return None  # "The Department of Health and the Environment is": maybe one name
            return k, agreed[1]
        if lower == "of" and not (both or joined) and words[k - 1][:1].isupper() and words[k + 1][:1].isupper():
            named = True  # "The Ministry of Foreign Affairs and the Ministry of Economy has": two bodies' names
        elif lower in _PHRASE_PREPOSITIONS and not (both or joined):
            return None  # "Freedom of expression and the press is": "and" may join inside the phrase
        if not joined and k > start and word.islower() and _agreeing(lower, morph) and lower.endswith("s") and words[k - 1].isalpha() and words[k - 1].lower() not in _FUNCTION:
            return None  # "The ilium slopes forward and the body is": a verb, so two clauses
        if size > 4 and not (both or joined) or not (lower in _ADVERBS or lower in _PHRASE_PREPOSITIONS or _phrase_word(words, k, table, morph)):
            return None
        k, size = k + 1, size + 1
    return None


def _named_second(words: list[str], k: int) -> bool:
    """Is the last part of a compound before the verb at ``k`` a body's name
    of two or more capitalised words after its determiner ("and the General
    Directorate of Civil Defence")?"""
    j = k - 1
    while j > 0 and words[j].lower() != "and":
        j -= 1
    part = words[j + 2 : k] if words[j + 1].lower() in _SECOND_OPENERS else []
    return sum(w[:1].isupper() for w in part) >= 2


def _a_title(words: list[str], start: int, k: int) -> bool:
    """Is the compound a title of one word per part: "The Prince and the
    Pauper", "The Good, the Bad and the Ugly", "The Tortoise and the Hare"?"""
    parts = " ".join(words[start:k]).replace(" , ", " and ").split(" and ")
    return all(len(p.split()) == 2 and p.split()[0].lower() == "the" and p.split()[1][:1].isupper() for p in parts)
