"""Rewrite candidates for one sentence, by edit family.

Each :class:`Candidate` replaces ``sentence[start:end]`` (offsets into the
sentence string) and is tagged with its family, because each family has its
own acceptance margin (NOTES-MODEL.md: one global margin either misses
spelling fixes or over-inserts articles). The language model decides; these
generators only have to cover the likely fix.

Word tables (``vocab.tsv`` counts, ``morph.tsv`` inflection groups) come from
the model directory, built at training time, so nothing here loads
lemminflect or a spelling dictionary at run time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from normalize import nouns, tenses
from normalize.collocations import CollocationTable, odd_collocations
from normalize.frames import FrameTable, bare_frames
from normalize.names import ALSO_A_COMPANY, NameTable, bare_names
from normalize.agreement import (
    AUXILIARY_SWAP,
    INVERSION_OPENERS,
    MEASURES,
    SCALE_WORDS,
    disagreeing_auxiliary,
    disagreeing_name_auxiliary,
    compound_disagreement,
    counted_people,
    collective_plural,
    distant_disagreement,
    much_before_plural,
    pronoun_disagreements,
    quantity_disagreements,
    singular_after_one_of,
    singular_after_partitive,
    subjunctive_were,
    widened_disagreement,
)
from normalize.nouns import NounTable
from normalize.types import LINE_BREAKS
from normalize.predicates import (
    VerbForms,
    bare_verbs_after_names,
    infinitive_slips,
    infinitives_after_gerund_verbs,
    missing_auxiliaries,
    missing_copulas,
    participles_as_past,
    pasts_after_have,
    passives_with_objects,
    relatives_without_be,
)
from normalize.main_clause import lost_main_verbs
from normalize.object_order import late_objects
from normalize.splices import comma_splices
from normalize.titles import bare_titles

ARTICLES = ("a", "an", "the")

# Prepositions that non-native writers and MT systems confuse most.
PREPOSITIONS = (
    "in", "on", "at", "for", "to", "of", "with", "by", "from", "about", "into", "over",
    "during", "upon", "towards", "among", "between", "through",
)
# Words before which an article cannot go (closed-class words).
_NO_ARTICLE_BEFORE = frozenset(
    """a an the this that these those my your his her its our their some any no every each
    all both either neither much many more most few less least several such what which who
    whom whose where when why how whether if because although though while as than and or but
    nor so yet not n't to of in on at for with by from about into over during upon towards among
    between through i you he she it we they me him us them is are was were be been being am
    has have had do does did will would shall should can could may might must there here very
    also just only even too then now never always often already still again however
    one two three four five six seven eight nine ten""".split()
)
_NO_COMMA_AFTER = frozenset(ARTICLES + PREPOSITIONS) | frozenset(
    "this that these those my your his her its our their some any no every each and or".split()
)
_ADVERBS = frozenset(
    """also already still often always never only even just now usually currently recently
    actively significantly successfully jointly again soon mainly mostly really""".split()
)
_DETERMINERS = frozenset(
    "a an the this that these those my your his her its our their some any no every each".split()
)
# Informal or run-together tokens learners write (NOTES-MODEL.md: worth ~+0.5 GLEU).
_INFORMAL = {
    "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't",
    "wont": "won't", "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't",
    "werent": "weren't", "havent": "haven't", "hasnt": "hasn't", "couldnt": "couldn't",
    "wouldnt": "wouldn't", "shouldnt": "shouldn't", "im": "I'm", "ive": "I've",
    "thats": "that's", "theres": "there's", "u": "you", "ur": "your", "r": "are",
    "i": "I", "alot": "a lot", "wanna": "want to", "gonna": "going to", "cuz": "because",
    "coz": "because", "tho": "though", "pls": "please", "plz": "please", "ppl": "people",
    "becouse": "because", "infront": "in front", "eachother": "each other",
}
# Redundant padding in translated wire copy: deleted outright. Not "in the
# process of absorbing" (an -ing word after it: the phrase means "while"),
# "the field of" or "the city of": wire editors kept them in 14 of 17 sentences of
# the tuned sets. Before a determiner most of these nouns are literal ("the level of the
# Caspian Sea", "the course of the river"), so only "process" is deleted there.
_REDUNDANT = re.compile(
    r"\b(?:the process of (?!\w+ing\b)|"
    # "held talks at the level of deputy ministers": a rank, not padding.
    # "within the framework of" is padding; "a disregard for the framework of" is not.
    r"(?:(?<!\bat )(?<!\bon )(?<!\bto )the level|the (?:sphere|course)|(?<=\bin )the framework|(?<=\bwithin )the framework) of "
    r"(?!(?:the|a|an|its|their|this|that|these|those|his|her|our)\b)|"
    r"the carrying out of |carrying out of (?:the )?|in the period (?:of )?)",
    re.IGNORECASE,
)
# Letters are any Unicode letters: an ASCII-only class would cut "Şoygu" into
# "Ş" + "oygu" and let the speller "correct" half a name.
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|'[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_SUFFIXES = (
    ("s", ("",)), ("es", ("", "e")), ("ed", ("", "e")), ("d", ("",)), ("ing", ("", "e")),
    ("er", ("", "e")), ("est", ("", "e")), ("ly", ("", "le")), ("ies", ("y",)), ("ied", ("y",)),
    ("ier", ("y",)), ("iest", ("y",)), ("ily", ("y",)), ("ness", ("",)), ("ment", ("",)),
    ("ful", ("",)), ("less", ("",)), ("able", ("", "e")),
)
_PREFIXES = ("de", "re", "un", "pre", "non", "over", "under", "co", "anti", "counter",
             "inter", "multi", "post", "sub", "super", "mis", "dis", "semi", "cross", "self")


@dataclass(frozen=True)
class Candidate:
    start: int  # into the sentence string
    end: int
    replacement: str
    family: str  # "family" or "family:operation", e.g. "article:insert"
    rule: str = ""  # the rule id, for candidates taken from a rule finding
    category: str = ""  # the rule's category; else the family decides
    # A span elsewhere whose form decided this edit (an agreement's subject
    # head): an edit there conflicts with this one, or both would "fix" one slip.
    anchor: tuple[int, int] | None = None

    def apply(self, sentence: str) -> str:
        return sentence[: self.start] + self.replacement + sentence[self.end :]


class Token(NamedTuple):
    text: str
    start: int
    end: int
    # Stored, not computed: the candidate families ask for them about a
    # million times on a long document.
    lower: str
    is_word: bool


class Lexicon:
    """Word counts and inflection groups shipped with a model."""

    def __init__(
        self,
        counts: dict[str, int],
        morph: dict[str, tuple[tuple[str, str], ...]],
        bases: frozenset[str] = frozenset(),
        nouns: NounTable | None = None,
        verbs: VerbForms | None = None,
        names: NameTable | None = None,
        frames: FrameTable | None = None,
        collocations: CollocationTable | None = None,
    ) -> None:
        self.counts = counts
        self.morph = morph  # word -> ((other form, kind), ...)
        self._bases = bases  # verbs' base forms
        self.nouns = nouns  # which nouns need an article (absent in older models)
        self.verbs = verbs  # verb forms by tag, for the predicate checks
        self.names = names  # names that take "the" (absent in older models)
        self.frames = frames  # nouns that take "the" before "of" (absent in older models)
        self.collocations = collocations  # light verbs and their nouns (absent in older models)

    @classmethod
    def load(cls, model_dir: Path) -> "Lexicon":
        counts: dict[str, int] = {}
        vocab = model_dir / "vocab.tsv"
        if vocab.is_file():
            for line in vocab.read_text(encoding="utf-8").splitlines():
                word, _, count = line.partition("\t")
                counts[word] = int(count)
        morph: dict[str, dict[str, str]] = {}
        bases: set[str] = set()
        table = model_dir / "morph.tsv"
        groups = table.read_text(encoding="utf-8").splitlines() if table.is_file() else []
        for line in groups:
            upos, _, rest = line.partition("\t")
            tags: dict[str, set[str]] = {}
            for item in rest.split():
                tag, _, form = item.rpartition("=")
                tags.setdefault(form, set()).add(tag or upos)
                if tag == "VB":
                    bases.add(form)
            for form, own in tags.items():
                for alt, other in tags.items():
                    # Two forms with the same tags, participles ("borne"/"born"),
                    # differ in meaning or spelling, never in grammar.
                    if alt != form and not (own == other and "VBN" in own):
                        morph.setdefault(form, {})[alt] = _morph_kind(upos, own, other)
        return cls(
            counts,
            {w: tuple(sorted(alts.items())) for w, alts in morph.items()},
            frozenset(bases),
            NounTable.load(model_dir, groups),
            VerbForms.from_morph(groups) if groups else None,
            NameTable.load(model_dir),
            FrameTable.load(model_dir),
            CollocationTable.load(model_dir),
        )

    def known(self, word: str) -> bool:
        return word.lower() in self.counts

    def morph_is_base(self, word: str) -> bool:
        """True if ``word`` is some verb's base form (it has VB among its tags)."""
        return word in self._bases

    def plausible(self, word: str) -> bool:
        """Known, or a known word behind a productive prefix ("demined")."""
        lower = word.lower()
        if lower in self.counts:
            return True
        if any(
            lower.startswith(p) and len(lower) - len(p) >= 4 and lower[len(p) :] in self.counts
            for p in _PREFIXES
        ):
            return True
        # An inflection or derivation of a common word ("sharpens", "scariest").
        for suffix, restore in _SUFFIXES:
            if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
                stem = lower[: len(lower) - len(suffix)]
                if any(self._stem_fits(stem + r, suffix) for r in restore):
                    return True
        # A compound of two common words ("bathhouse").
        return any(
            self.counts.get(lower[:i], 0) >= 1000 and self.counts.get(lower[i:], 0) >= 1000
            for i in range(3, len(lower) - 2)
        )

    def _stem_fits(self, stem: str, suffix: str) -> bool:
        """A common stem that takes this suffix: verb endings need a verb
        ("discused" is not "discus" + "ed")."""
        if self.counts.get(stem, 0) < 50:
            return False
        if suffix in ("ed", "d", "ing", "ied") and self._bases:
            return stem in self._bases
        return True

    def count(self, word: str) -> int:
        return self.counts.get(word.lower(), 0)


def tokenize(sentence: str) -> list[Token]:
    return [
        Token(text, m.start(), m.end(), text.lower(), text[0].isalpha())
        for m in _TOKEN.finditer(sentence)
        for text in (m.group(),)
    ]


def is_tokenised(sentence: str) -> bool:
    """JFLEG/MLQE-style text puts spaces before punctuation and clitics."""
    return bool(re.search(r" [.,!?;:]\s*$| n't\b| '(?:s|re|ve|ll|m|d)\b| , ", sentence))


def _match_case(word: str, like: str) -> str:
    if like[:1].isupper() and not word[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_an = nouns.indefinite_article


# -------------------------------------------------------------- families


def articles(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if _in_compound(sentence, tok):
            continue  # "state-of-the-art", "day-by-day"
        if tok.lower in ARTICLES and nxt is not None and nxt.is_word:
            if tok.start and sentence[tok.start - 1].isalnum():
                continue  # "a KC-30A tanker": a letter of a designation, not an article
            if i and tok.text[:1].isupper() and tokens[i - 1].is_word and not tokens[i - 1].text.isupper():
                continue  # "Ireland A and Women", "at The Hague": part of a name (not "FROM THE" in capitals)
            yield from _article_swaps(sentence, tokens, i, lex)
        elif tok.is_word and tok.lower not in _NO_ARTICLE_BEFORE and not _after_determiner(tokens, i):
            if tok.text[:1].isupper() and i > 0:
                continue  # a name mid-sentence
            if _time_from_now(tokens, i):
                continue  # "until next month" is not "until the next month"
            if tok.lower == "last" and i and tokens[i - 1].lower == "at" and (nxt is None or not nxt.is_word or nxt.lower in nouns._FUNCTION):
                continue  # "Free at last of…": the idiom, not "at the last"
            if i >= 2 and (tokens[i - 2].lower, tokens[i - 1].lower) in nouns.BARE_AFTER and (nxt is None or nxt.lower != "of"):
                continue  # "regardless of destination", not "regardless of outcome of the talks"
            if _infinitive_with_object(tokens, i, lex):
                continue  # "to end the conflict", "to prostitute themselves": a verb
            arts = ("the",) if _plural_ahead(tokens, i, lex) else ("the", _an(tok.text))
            if i == 0:
                if nxt is not None and nxt.text == ":":
                    continue  # a label: "Headline: Oil prices rise", "Source: Reuters"
                # "Cosmonauts said" -> "The cosmonauts said"
                if (
                    not _opens_noun_phrase(tokens, lex) or nouns.company_at([t.text for t in tokens[:2]], 0)
                    or _opens_with_metric(tokens) or _opens_with_plural(tokens, lex)
                ):
                    continue
                rest = tok.text[:1].lower() + tok.text[1:]
                for art in arts:
                    yield Candidate(tok.start, tok.end, f"{art.capitalize()} {rest}", "article:insert")
            else:
                for art in arts:
                    yield Candidate(tok.start, tok.start, f"{art} ", "article:insert")


# Figures wire copy reports bare at a sentence's start ("Net profit rose to",
# "Retail sales fell", "Revenue grew"): not a noun that lost its article.
_METRICS = frozenset(
    """profit profits income revenue revenues sales earnings output production inflation growth
    loss losses turnover spending investment exports imports unemployment""".split()
)


def _opens_with_plural(tokens: list[Token], lex: Lexicon) -> bool:
    """Is the opening phrase's head a plural ("Talks between the ministers",
    "Tourist arrivals rose", "Honeybees can count", "Warmer waters are")?
    A bare plural opening a sentence is mostly generic or already known: on
    the tuned wire-copy sets no "The" the model offered there was right, and
    four were on references or clean rows."""
    if lex.nouns is None:
        return False
    table = lex.nouns
    for k in range(min(6, len(tokens) - 1)):
        word, after = tokens[k].lower, tokens[k + 1]
        if tokens[k].text == "-" or after.text == "-":
            continue  # a hyphenated modifier: "Life-threatening storm surge"
        if not tokens[k].is_word:
            return False
        modifies = after.is_word and (after.lower in table.noun_forms or _participle_before_noun(tokens, k + 1, table))
        if modifies and table.plural(word) and word not in _PLURAL_MODIFIERS and _finite_verb(after.lower, lex):
            return True  # "Power outages hit several provinces": "hit" is the verb, not a noun
        if word in table.noun_forms and not modifies:
            # the head; coordinated heads are generic too ("Snow and ice will", "storm surge and winds")
            return table.plural(word) or tokens[k + 1].lower in ("and", "or")
    return False


# Plurals that modify a noun after them ("arms deal", "sales tax", "rights
# group"): before a word that may be a verb they are still no phrase's head.
_PLURAL_MODIFIERS = frozenset(
    """arms sales goods savings sports news customs operations communications weapons ratings securities
    services systems futures means series species works parks rights human affairs relations""".split()
)


def _finite_verb(word: str, lex: Lexicon) -> bool:
    """Can ``word`` be a verb's past or plain present ("hit", "rose", "rise")?"""
    return lex.verbs is not None and (word in lex.verbs.past or word in lex.verbs.base)


def _participle_before_noun(tokens: list[Token], k: int, table: "nouns.NounTable") -> bool:
    """Is ``tokens[k]`` a participle modifying the noun after it, which an
    auxiliary follows ("Maximum sustained winds have")? Not a verb with its
    object ("Ministry condemned attacks carried out")."""
    return (
        tokens[k].lower.endswith(("ed", "ing"))
        and k + 2 < len(tokens)
        and tokens[k + 1].lower in table.noun_forms
        and tokens[k + 2].lower in nouns.AUXILIARIES_AFTER_PLURAL
    )


def _opens_with_metric(tokens: list[Token]) -> bool:
    """Is the opening phrase's head a figure ("Revenue rose", "Net profit
    rose")? Not a noun before "in/of" one ("Rise in inflation", "Head of sales")."""
    return tokens[0].lower in _METRICS or (len(tokens) > 1 and tokens[1].lower in _METRICS)


_TIME_UNITS = frozenset(
    """week weekend month year season spring summer autumn fall winter time decade century
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def _time_from_now(tokens: list[Token], i: int) -> bool:
    """"next week", "last year": a time counted from now, which takes no article
    ("the last week of June" is not one)."""
    return (
        tokens[i].lower in ("next", "last")
        and i + 1 < len(tokens)
        # "by last month's floods": the possessive is the same time
        and re.sub(r"['’]s$", "", tokens[i + 1].lower) in _TIME_UNITS
        and (i + 2 >= len(tokens) or tokens[i + 2].lower != "of")
    )


def _infinitive_with_object(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Is the word at ``i`` a base verb after "to" with its object after it?"""
    if i == 0 or tokens[i - 1].lower != "to" or i + 1 >= len(tokens) or not lex.morph_is_base(tokens[i].lower):
        return False
    following = tokens[i + 1].lower
    # "that"/"which" after the word open a relative clause ("referred to report that ...").
    return (following in _IMPERATIVE_NEXT and following not in _RELATIVES) or following in nouns.REFLEXIVES


_RELATIVES = frozenset({"that", "which", "what", "whose"})


def _plural_ahead(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Is the word at ``i`` a plural noun, or a modifier of one ("heavier
    isotopes")? Then "a"/"an" cannot open the phrase."""
    if lex.nouns is None:
        return False
    table = lex.nouns

    def plural_head(k: int) -> bool:
        """A plural heading its phrase, not modifying a noun after it ("arms deal")."""
        word = tokens[k].lower
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        modifies = after is not None and after.is_word and after.lower in table.noun_forms
        return table.plural(word) and not modifies

    if plural_head(i):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return tokens[i].lower not in table.noun_forms and nxt is not None and nxt.is_word and plural_head(i + 1)


# After a base verb these make the opening word an imperative ("Take part
# in the study", "Follow his example"), not a noun that lost its article.
_IMPERATIVE_NEXT = _DETERMINERS | frozenset("me us him them it to part care up out off".split())


def _opens_noun_phrase(tokens: list[Token], lex: Lexicon) -> bool:
    """Can the sentence's first word open a noun phrase that lost its
    article? Not an adverb ("Boldly, openly"), an imperative ("Take part"),
    or a participle or adjective with no noun after it ("Wrecked the
    applause")."""
    if lex.nouns is None:
        return True
    first = tokens[0].lower
    nxt = tokens[1].lower if len(tokens) > 1 and tokens[1].is_word else ""
    nouns = lex.nouns.noun_forms
    if first.endswith("ly") and first not in nouns:
        return False
    if lex.morph_is_base(first) and nxt in _IMPERATIVE_NEXT:
        return False
    return first in nouns or nxt in nouns


@lru_cache(maxsize=64)
def _noun_words(sentence: str) -> tuple[tuple[re.Match[str], ...], list[str]]:
    """The word tokens of :mod:`normalize.nouns` (with offsets) and their
    texts: six families read them (never change them), for the same sentence,
    on every pass."""
    words = tuple(nouns.tokenize(sentence))
    return words, [m.group() for m in words]


def bare_subjects(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """An article for a noun that needs one heading a bare subject ("Explosion
    occurred" -> "An explosion occurred"): see :mod:`normalize.nouns`."""
    if lex.nouns is None:
        return
    words, texts = _noun_words(sentence)
    for start, head, opens in nouns.subject_heads(texts, lex.nouns):
        if head + 1 < len(texts) and texts[head + 1] == ":":
            continue  # a label: "Headline: Oil prices rise", "Source: Reuters"
        first = words[start]
        text = first.group()
        if opens:
            # "Ukrainian drone attacked" -> "A Ukrainian drone", not "A ukrainian";
            # acronyms keep their case ("The NATO-led mission"); a hyphenated
            # word is judged by its first part.
            stem = text.split("-")[0]
            common = stem[1:].islower() and stem.lower() not in lex.nouns.proper and lex.count(stem) >= 20
            rest = text[:1].lower() + text[1:] if common else text
            for art in _articles_before(text, stem):
                yield Candidate(first.start(), first.end(), f"{art.capitalize()} {rest}", "article:subject")
        else:
            # "said that meeting with the minister was": "that" may point; only suggested
            through = nouns.after_that_through_phrase(texts, start, head, lex.nouns)
            family = "article:subject:that" if through else "article:subject"
            for art in _articles_before(text):
                yield Candidate(first.start(), first.start(), f"{art} ", family)


def bare_title_subjects(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """"the" for a title used alone as a subject ("Deputy Prime Minister held
    a meeting", "…, Agriculture Minister said"): see :mod:`normalize.titles`."""
    if lex.nouns is None:
        return
    words, texts = _noun_words(sentence)
    for k in bare_titles(texts, lex.nouns, lex.counts):
        first = words[k]
        opens = k == 0 or texts[k - 1] != ","
        yield Candidate(first.start(), first.start(), "The " if opens else "the ", "article:title")


def agreement(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """The other auxiliary where it disagrees with the head of the subject
    opening the sentence or a reported clause ("Several companies has"), the
    plural after "one of the" ("one of the main topic"), and the number a
    determiner or numeral demands ("these painting", "40 country"): see
    :mod:`normalize.agreement`."""
    if lex.nouns is None:
        return
    words, texts = _noun_words(sentence)
    found = disagreeing_auxiliary(texts, lex.nouns)
    family = "agreement:subject"
    if found is None:
        found, family = widened_disagreement(texts, lex.nouns), "agreement:wider"
        if found is not None and counted_people(texts, found[0]):
            family = "agreement:counted"
    if found is None:
        found, family = disagreeing_name_auxiliary(texts, lex.nouns), "agreement:name"
    anchor = None
    if found is None:
        found, family = compound_disagreement(texts, lex.nouns, lex.morph), "agreement:distant"
    if found is None:
        distant = distant_disagreement(texts, lex.nouns, lex.morph)
        if distant is not None:
            k, form, head = distant
            found, family, anchor = (k, form), "agreement:distant", (words[head].start(), words[head].end())
    if found is None:
        body = collective_plural(texts, lex.nouns, lex.morph)
        if body is not None:
            k, form, head = body
            found, family, anchor = (k, form), "agreement:collective", (words[head].start(), words[head].end())
    if found is not None:
        k, form = found
        verb = words[k]
        yield Candidate(verb.start(), verb.end(), _match_case(form, verb.group()), family, anchor=anchor)
    for k, form in pronoun_disagreements(texts):
        if found is None or k != found[0]:
            yield Candidate(words[k].start(), words[k].end(), form, "agreement:pronoun")
    for k in much_before_plural(texts, lex.nouns):
        yield Candidate(words[k].start(), words[k].end(), _match_case("many", words[k].group()), "agreement:much")
    heads = [(k, "agreement:one-of", False) for k in singular_after_one_of(texts, lex.nouns)]
    heads += [(k, "agreement:one-of", True) for k in singular_after_partitive(texts, lex.nouns)]
    heads += [(k, "agreement:quantity", False) for k, _want in quantity_disagreements(texts, lex.nouns)]
    for k, family, partitive in heads:
        noun = words[k]
        for form, kind in lex.morph.get(noun.group(), ()):
            # After "a series of" a noun that is also a verb ("measure") lists its
            # plural as the verb's -s form.
            if kind == "number" or partitive and kind == "agreement" and lex.nouns.plural(form):
                yield Candidate(noun.start(), noun.end(), form, family)


def definite_names(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """"the" for a name that nearly always takes it ("from United States",
    "Supreme Court of Uzbekistan"): see :mod:`normalize.names`."""
    if lex.names is None or lex.nouns is None:
        return
    words, texts = _noun_words(sentence)
    for k, _share in bare_names(texts, lex.names, lex.nouns):
        if _opened_by_determiner(texts, k, lex):
            continue  # "a separate Supreme Court", "an entirely appointed House of Lords": a new one, not the name
        first = words[k]
        family = "article:name:company" if texts[k] in ALSO_A_COMPANY else "article:name"
        if k == 0:
            yield Candidate(first.start(), first.end(), f"The {first.group()}", family)
        else:
            yield Candidate(first.start(), first.start(), "the ", family)


def _opened_by_determiner(texts: list[str], k: int, lex: Lexicon) -> bool:
    """Do one to three modifiers before ``texts[k]`` follow a determiner ("a
    reduced", "an entirely appointed")? Not across a noun or a function
    word ("a team from University of", "a mass when Eucharist")."""
    j, modifiers = k - 1, 0
    while j >= 0 and modifiers < 3 and _modifier(texts[j], lex):
        j, modifiers = j - 1, modifiers + 1
    return modifiers > 0 and j >= 0 and texts[j].lower() in _DETERMINERS


def _modifier(word: str, lex: Lexicon) -> bool:
    """A lower-case adjective, participle or adverb: no noun, no function word."""
    if not word.isalpha() or not word.islower() or word in _DETERMINERS or word in PREPOSITIONS or word in _CLAUSE_OPENERS:
        return False
    if word.endswith(("ly", "ed")):
        return True
    return lex.nouns is not None and word not in lex.nouns.noun_forms


def of_frames(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """"the" for a noun that nearly always takes it before "of" ("envisages
    construction of" -> "the construction of"): see :mod:`normalize.frames`."""
    if lex.frames is None or lex.nouns is None:
        return
    words, texts = _noun_words(sentence)
    for k in bare_frames(texts, lex.frames, lex.nouns):
        yield Candidate(words[k].start(), words[k].start(), "the ", "article:of")


def predicates(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """An auxiliary for a clause left with a bare -ing verb ("The minister
    stressing on" -> "is stressing"), and the -ing form after a verb that takes
    no to-infinitive ("envisages to build" -> "envisages building"): see
    :mod:`normalize.predicates`. The model picks the auxiliary's tense."""
    if lex.nouns is None or lex.verbs is None:
        return
    words, texts = _noun_words(sentence)
    lost_be = [
        *((k, number, "predicate:auxiliary") for k, number in missing_auxiliaries(texts, lex.nouns, lex.verbs)),
        *((k, number, "predicate:copula") for k, number in missing_copulas(texts, lex.nouns, lex.verbs)),
        *((k, number, "predicate:copula") for k, number in relatives_without_be(texts, lex.nouns, lex.verbs)),
    ]
    for k, number, family in lost_be:
        at = words[k].start()
        for aux in ("is", "was") if number == "sg" else ("are", "were"):
            yield Candidate(at, at, f"{aux} ", family)
    for to, verb, form in infinitives_after_gerund_verbs(texts, lex.verbs):
        yield Candidate(words[to].start(), words[verb].end(), form, "predicate:gerund")
    for k, form in pasts_after_have(texts, lex.verbs, lex.nouns) + participles_as_past(texts, lex.verbs, lex.nouns):
        yield Candidate(words[k].start(), words[k].end(), form, "predicate:form")
    for first, end, forms in infinitive_slips(texts, lex.verbs, lex.nouns):
        start, stop = words[first].start(), words[end - 1].end() if end > first else words[first].start()
        for form in forms:
            yield Candidate(start, stop, form, "predicate:infinitive")
    for first, end, form in passives_with_objects(texts, lex.verbs, lex.nouns):
        yield Candidate(words[first].start(), words[end - 1].end(), form, "predicate:passive")
    for k in bare_verbs_after_names(texts, lex.verbs):
        for form in sorted(lex.verbs.forms_of.get(texts[k], ())):
            yield Candidate(words[k].start(), words[k].end(), form, "predicate:finite")


def main_clauses(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """A verb for a main clause that lost it ("The new system, which allows"
    -> "The new system allows", ", with a total length" -> " has a total
    length"): see :mod:`normalize.main_clause`."""
    if lex.nouns is None or lex.verbs is None:
        return
    words, texts = _noun_words(sentence)
    for first, end, replacement in lost_main_verbs(texts, lex.nouns, lex.verbs):
        # Anchored on the rest of the sentence: a rule that gives the clause its
        # verb another way ("… government and attracted" -> ", attracted")
        # must not join this repair.
        start = words[first].start()
        yield Candidate(start, words[end - 1].end(), replacement, "predicate:main", anchor=(start, len(sentence)))


def object_order(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """The object moved before the adverbials that separate it from its verb
    ("lost in the Kursk direction more than 200 servicemen" -> "lost more than
    200 servicemen in the Kursk direction"): see :mod:`normalize.object_order`."""
    if lex.nouns is None or lex.verbs is None:
        return
    words, texts = _noun_words(sentence)
    for first, obj, end in late_objects(texts, lex.nouns, lex.verbs):
        start, stop = words[first].start(), words[end - 1].end()
        adverbials = sentence[start : words[obj - 1].end()]
        moved = sentence[words[obj].start() : stop]
        yield Candidate(start, stop, f"{moved} {adverbials}", "word-order:object")


def collocations(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """The light verb English pairs with the noun ("held research" ->
    "conducted research"): see :mod:`normalize.collocations`."""
    if lex.collocations is None or lex.nouns is None or lex.verbs is None:
        return
    words, texts = _noun_words(sentence)
    for first, end, form in odd_collocations(texts, lex.collocations, lex.nouns, lex.verbs):
        yield Candidate(words[first].start(), words[end - 1].end(), form, "collocation:verb")


def splices(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """A semicolon for a comma that joins two main clauses ("…under the flag
    of Panama, its crew consisted of…"): see :mod:`normalize.splices`."""
    if lex.nouns is None or lex.verbs is None:
        return
    words, texts = _noun_words(sentence)
    for k in comma_splices(texts, lex.nouns, lex.verbs):
        yield Candidate(words[k].start(), words[k].end(), ";", "comma:splice")


def tense_clashes(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """A tense that clashes with a time expression in its clause ("has been
    launched on Monday", "is in Muscat since Sunday", "if the rain will
    continue"): see :mod:`normalize.tenses`. The model picks and confirms."""
    if lex.nouns is None or lex.verbs is None:
        return
    words, texts = _noun_words(sentence)
    checks = (
        (tenses.perfects_with_finished_time, "tense:perfect"),
        (tenses.presents_since, "tense:since"),
        (tenses.wills_in_conditions, "tense:condition"),
        (tenses.presents_after_past_time, "tense:opening"),
        (tenses.presents_with_past_time, "tense:finished"),
        (tenses.pasts_after_will_and, "tense:coordinate"),
        (tenses.presents_in_past_narrative, "tense:narrative"),
    )
    for find, family in checks:
        for edit in find(texts, lex.verbs, lex.nouns):
            start, end = words[edit.start].start(), words[edit.end - 1].end()
            for form in edit.replacements:
                yield Candidate(start, end, _match_case(form, sentence[start:end]), family)


def bare_objects(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """An article for a noun that needs one heading a bare object ("signed
    memorandum" -> "signed a memorandum"); the model decides whether and which."""
    if lex.nouns is None:
        return
    words, texts = _noun_words(sentence)
    for start, head in nouns.object_heads(texts, lex.nouns):
        first = words[start]
        # "restored order to number of villages" wants "a number of", "increase
        # number of flights" "the number of": the model cannot tell the two.
        ambiguous = texts[head].lower() == "number" and head + 1 < len(texts) and texts[head + 1] == "of"
        for art in _articles_before(first.group()):
            yield Candidate(first.start(), first.start(), f"{art} ", "article:object:number" if ambiguous else "article:object")


_DEFINITE_ONLY = frozenset("same only own other".split())


def _articles_before(word: str, sound: str | None = None) -> tuple[str, ...]:
    """The articles that can open a phrase starting with ``word`` ("the same
    day", never "a same day"); ``sound``: the part that decides a/an."""
    if word.lower() in _DEFINITE_ONLY:
        return ("the",)
    return ("the", _an(sound or word))


def _after_determiner(tokens: list[Token], i: int) -> bool:
    """Does a determiner open the phrase ``tokens[i]`` ends: right before it,
    or before one modifier, or before an adverb and a modifier ("the newly
    created position", which must not become "the newly created the position")?"""
    if i > 0 and (tokens[i - 1].lower in _DETERMINERS or tokens[i - 1].text in ("'s", "’s")):
        return True
    if i < 2 or not tokens[i - 1].is_word or not tokens[i - 1].text.islower():
        return False
    if tokens[i - 2].lower in _DETERMINERS:
        return True
    return i >= 3 and tokens[i - 2].lower.endswith("ly") and tokens[i - 2].is_word and tokens[i - 3].lower in _DETERMINERS


def _article_deletion(i: int, opens: bool, tok: Token, nxt: Token) -> Iterator[Candidate]:
    capital = tok.text[:1].isupper()
    if opens and capital and not nxt.text[:1].isupper():
        # Deleting a sentence's opening article capitalises the next word.
        yield Candidate(tok.start, nxt.start + 1, nxt.text[:1].upper(), "article:delete")
    elif i == 0 and capital:
        return  # an article before a name stays ("A Long March-2F rocket")
    else:
        # Before a capitalised word the article is mostly part of a name ("the
        # Statistics Agency", "the Irkutsk region"): its own, higher margin.
        family = "article:delete-name" if nxt.text[:1].isupper() else "article:delete"
        yield Candidate(tok.start, nxt.start, "", family)


# Below this count the model knows too little of a real word to judge its
# article: "A pastafarian driver's licence" must not lose its "A". A word it
# has never seen is mostly a misspelling ("the knowlegde"): the speller's fix
# comes first and the deletion is judged again beside the corrected word.
MIN_COUNT_TO_DELETE_ARTICLE = 20


# An article these words keep: "the" before a superlative ("the worst I've
# seen"), "a" in "a record 15 times" (native copy where the model proposed deleting them).
_SUPERLATIVES = frozenset(
    """best worst most least largest biggest highest lowest greatest strongest longest oldest
    newest youngest latest fastest smallest deepest richest poorest hottest coldest heaviest
    widest closest nearest furthest farthest finest cheapest safest shortest tallest toughest
    weakest busiest earliest easiest hardest""".split()
)
_KEEPS_ARTICLE = {"the": _SUPERLATIVES, "a": frozenset({"record"})}


def _before_amount(tokens: list[Token], i: int) -> bool:
    """Does "a" open an amount through a modifier ("rose a seasonally adjusted
    0.7%", "a further 10 percent", "a whopping $3 billion")? Then it stays,
    unless the modifier is an approximation ("a more than 500 workers": the
    translator's "a"). (Straight before a figure no article is judged.)"""
    for k in range(i + 1, min(i + 5, len(tokens))):
        tok = tokens[k]
        if tok.text[:1].isdigit() or tok.text in ("$", "\u20ac", "\u00a3"):
            return k + 1 == len(tokens) or tokens[k + 1].text not in ("st", "nd", "rd", "th")
        if not (tok.text.islower() or tok.text == "-") or tok.text in _ROUGHLY:
            return False
    return False


_ROUGHLY = frozenset("more less fewer than over under about nearly almost around some up to approximately roughly at least".split())


def _inside_a_name(tokens: list[Token], i: int) -> bool:
    """Is the article at ``i`` inside a multiword name: "Organization of the
    Petroleum Exporting Countries"?"""
    return (
        i >= 2 and tokens[i - 1].lower == "of" and tokens[i - 2].text[:1].isupper()
        and i + 3 < len(tokens) and all(t.text[:1].isupper() for t in tokens[i + 1 : i + 4])
    )  # three capitalised words: "the Foreign Affairs of Uzbekistan" keeps its candidate


def _article_swaps(sentence: str, tokens: list[Token], i: int, lex: Lexicon) -> Iterator[Candidate]:
    tok, nxt = tokens[i], tokens[i + 1]
    barely_known = lex.counts and nxt.text.isalpha() and 0 < lex.count(nxt.text) < MIN_COUNT_TO_DELETE_ARTICLE
    keeps = nxt.lower in _KEEPS_ARTICLE.get(tok.lower, ()) or (tok.lower in ("a", "an") and _before_amount(tokens, i))
    # A capital after a quote, dash or colon opens a sentence ('"The situation',
    # "NEW YORK — A federal judge"): deleting it capitalises the next word.
    opens = i == 0 or tok.text[:1].isupper() and not tokens[i - 1].is_word
    if not keeps and not barely_known and not _inside_a_name(tokens, i):
        yield from _article_deletion(i, opens, tok, nxt)
    for art in ("the", _an(nxt.text)):
        if art == tok.lower:
            continue
        if nxt.text[:1].isupper() and "the" in (art, tok.lower) and not (art == "the" and _name_takes_the(sentence, nxt, lex)):
            # "an Oilers practice", "a Catuvellauni settlement", a title ("A Fall
            # of Moondust"): before a name only a/an is judged, not which article,
            # unless the name table says the name takes "the" ("A Security
            # Council will meet"). On the tuned wire-copy sets no applied swap
            # stood before a capital; on 20k Wikipedia sentences 5 of the 19
            # applied stood there, all wrong.
            continue
        yield Candidate(tok.start, tok.end, _match_case(art, tok.text), "article:swap")


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)*")


def _name_takes_the(sentence: str, nxt: Token, lex: Lexicon) -> bool:
    """Does the run of capitalised words from ``nxt`` (or its start) name
    something the name table gives "the" ("Security Council", "Pentagon")?"""
    run = _CAPITALISED_RUN.match(sentence, nxt.start)
    if run is None or lex.names is None:
        return False
    words = run.group().split()
    return any(lex.names.takes_the(words[:k], " ".join(words[:k])) is not None for k in range(len(words), 0, -1))


def _in_compound(sentence: str, tok: Token) -> bool:
    """Is ``tok`` glued by a hyphen to the word before or after it?"""
    return sentence[tok.start - 1 : tok.start] == "-" or sentence[tok.end : tok.end + 1] == "-"


def prepositions(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    for i, tok in enumerate(tokens):
        if tok.lower not in PREPOSITIONS or _shouting(tok.text):
            continue
        if i > 0 and tok.text[:1].isupper():
            continue  # a name mid-sentence ("To Lam", "Of Montreal")
        if _in_compound(sentence, tok):
            continue  # "day-by-day", "face-to-face"
        if tok.lower in _APPROXIMATORS and _quantity_at(tokens, i + 1):
            continue  # "about 300 people", "over a third": an adverb, and the meaning
        if _governed(tokens, i):
            continue  # "associate dharma with the caste system": the verb, out of the model's sight, chose it
        if tok.lower == "between" and _and_closes_between(tokens, i, lex):
            continue  # "between the 1960s and the 1980s": the "and" the window cannot see makes it right
        if tok.lower == "on" and _on_idiom(tokens, i):
            continue  # "arrested on treason charges", "on suspicion of", "on condition of anonymity"
        if tok.lower == "on" and _time_on(tokens, i):
            continue  # "a decade on, the town ...": later, not a preposition
        if tok.lower in _SPAN_ENDS and i + 1 < len(tokens) and _year(tokens[i + 1].text):
            continue  # "the slave trade through 1807": an end date, which "in" would change
        for prep in PREPOSITIONS:
            if prep != tok.lower:
                # "of", the commonest preposition, is the n-gram model's default
                # guess ("investigation over" -> "of"): its own margin.
                family = "preposition:of" if prep == "of" else "preposition:swap"
                yield Candidate(tok.start, tok.end, _match_case(prep, tok.text), family)
        if i + 1 < len(tokens) and i > 0 and not sentence[tok.end : tokens[i + 1].start].strip():
            # Only a space may go with it: "of _ UA" in a handle is not "of" before "UA".
            yield Candidate(tok.start, tokens[i + 1].start, "", "preposition:delete")


def _verb_words(lex: Lexicon) -> frozenset[str]:
    """Every verb form the noun table knows (none in older models)."""
    return lex.nouns.verbs if lex.nouns is not None else frozenset()


def _and_closes_between(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Is there an "and" within eight words after "between", before any
    comma or verb that would end its phrase ("between other things, trade
    and energy" has none of its own)?"""
    verbs = _verb_words(lex)
    for t in tokens[i + 2 : i + 10]:
        if t.lower == "and":
            return True
        if t.text in (",", ";", ":") or t.lower in verbs or t.lower in _BE_FORMS:
            return False
    return False


_SPAN_ENDS = frozenset("through until till since".split())


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in ("15", "16", "17", "18", "19", "20")


def _time_on(tokens: list[Token], i: int) -> bool:
    """Is "on" an adverb after a span of time ("a decade on,", "Ten years on.")?"""
    ends = i + 1 == len(tokens) or not tokens[i + 1].is_word
    return ends and i > 0 and tokens[i - 1].lower in _SPANS


_SPANS = frozenset("hour hours day days week weeks month months year years decade decades century centuries".split())


def _on_idiom(tokens: list[Token], i: int) -> bool:
    """Does "on" open a fixed phrase ("on treason charges", "on suspicion
    of"), reached through words alone? "On charge of" is "in charge of"."""
    if i + 2 < len(tokens) and tokens[i + 1].lower == "charge" and tokens[i + 2].lower == "of":
        return False
    for t in tokens[i + 1 : i + 4]:
        if t.lower in _ON_IDIOM_HEADS:
            return True
        if not t.is_word or t.lower in PREPOSITIONS:
            return False
    return False


# Nouns that "on" introduces in fixed phrases a word or two before them.
_ON_IDIOM_HEADS = frozenset("charge charges suspicion grounds behalf condition accusations allegations".split())


# Verbs that choose the preposition after their object ("associate X with Y",
# "protect X from Y"): the object can push the verb out of the n-gram
# window, and the model then prefers the commonest preposition.
_GOVERNING = {
    prep: re.compile(rf"(?:{words})\Z")
    for prep, words in {
        "with": r"associat\w*|combin\w*|compar\w*|equip\w*|replac\w*|provid\w*|connect\w*|link\w*|confus\w*|"
        r"identif\w*|suppl(?:y|ies|ied|ying)|shar(?:e|es|ed|ing)|credit\w*|charg(?:e|es|ed|ing)|present(?:s|ed|ing)",
        "from": r"protect\w*|distinguish\w*|separat\w*|exempt\w*|free(?:s|d|ing)?|rescu\w*|sav(?:e|es|ed|ing)|"
        r"deriv\w*|differ(?:s|ed|ing)?",
        "to": r"attribut\w*|compar\w*|link\w*|connect\w*|introduc\w*|dedicat\w*|devot\w*|transfer\w*|appoint\w*",
        "for": r"blam\w*|thank\w*|criticis\w*|criticiz\w*|prais\w*|punish\w*|forgiv\w*|award\w*|nominat\w*|fin(?:e|es|ed|ing)",
        "of": r"accus\w*|inform(?:s|ed|ing)?|remind\w*|depriv\w*|convinc\w*|assur\w*|rob(?:s|bed|bing)?|"
        r"suspect(?:s|ed|ing)?|warn\w*|notif\w*",
        "on": r"congratulat\w*|focus\w*|concentrat\w*|impos\w*|spen[dt]\w*|bas(?:e|es|ed|ing)",
    }.items()
}


# "prevent X from doing": "from" is the verb's only before an -ing form
# ("prevent the damage from torrential rain" is another "from").
_GOVERNING_BEFORE_ING = {"from": re.compile(r"(?:prevent\w*|ban(?:s|ned|ning)?|bar(?:s|red|ring)?|stop\w*|prohibit\w*)\Z")}


def _governed(tokens: list[Token], i: int) -> bool:
    """Does a verb up to four words before ``tokens[i]`` choose this preposition?"""
    before = tokens[max(0, i - 4) : i]
    verb = _GOVERNING.get(tokens[i].lower)
    if verb is not None and any(verb.match(t.lower) for t in before):
        return True
    verb = _GOVERNING_BEFORE_ING.get(tokens[i].lower)
    ing = i + 1 < len(tokens) and tokens[i + 1].lower.endswith("ing")
    return verb is not None and ing and any(verb.match(t.lower) for t in before)


# Before a quantity these mean "approximately" or "more than": deleting or
# swapping them changes the figure a reader is told ("in about 1977" -> "in
# 1977", "by about a factor of three"), which no fluency gain justifies.
_APPROXIMATORS = frozenset({"about", "over"})
_QUANTITY_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand million billion trillion dozen dozens hundreds thousands "
    "millions billions half quarter third twice".split()
)


def _quantity_at(tokens: list[Token], i: int) -> bool:
    """Does a figure or a spelled-out quantity start at ``tokens[i]`` ("300",
    "$5", "half", "a third", "a factor of")?"""
    words = [t.lower for t in tokens[i : i + 2]]
    if not words:
        return False
    if words[0] in ("$", "€", "£"):
        words = words[1:]
    first = words[0] if words else ""
    if first[:1].isdigit() or first in _QUANTITY_WORDS:
        return True
    return first in ("a", "an") and len(words) > 1 and (words[1] in _QUANTITY_WORDS or words[1] == "factor")


_PRESENT, _PAST = frozenset({"VBZ", "VBP"}), frozenset({"VBD"})
_MODALS = frozenset("will would can could shall should may might must".split())
# Right after one of these an adverb is in English's own mid position.
_MID_POSITION_AFTER = _MODALS | frozenset("has have had is are was were am do does did".split())
_BASE_BEFORE = _MODALS | frozenset("do does did to".split())
_BE_FORMS = frozenset("is are was were be been being am".split())
_PARTICIPLE_BEFORE = _BE_FORMS | frozenset("has have had having get gets got".split())


def _morph_kind(upos: str, own: set[str], other: set[str]) -> str:
    """How two inflections of a lemma differ: number, agreement, tense, form."""
    if upos == "NOUN":
        return "number"
    if own & _PRESENT and other & _PRESENT or own & _PAST and other & _PAST:
        return "agreement"  # is/are, was/were, develops/develop
    if own & (_PRESENT | _PAST) and other & (_PRESENT | _PAST):
        return "tense"
    return "form"


def morphology(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """Verb form and noun number: other inflections of the same lemma.

    Sub-families get their own margins: a bare verb after "did"/"to"/a
    modal, or a participle after "has"/"was", is nearly always the fix,
    while present <-> past is usually a change of meaning.
    """
    for i, tok in enumerate(tokens):
        if not tok.is_word or (i > 0 and tok.text[:1].isupper()) or _shouting(tok.text):
            continue
        prev = _previous_word(tokens, i)
        if prev == "to" and _attributive(tokens, i, lex):
            continue  # "access to blocked sites": "to" is a preposition there
        if prev == "to" and tok.lower.endswith("ing") and _prepositional_to(tokens, i):
            continue  # "committed to completing", "devoted their lives to ending", "and to continuing"
        if prev == "to" and tok.lower.endswith("ing") and _closes_a_range(tokens, i, lex):
            continue  # "charges ranging from tax violations to providing support": a range, "to" its preposition
        if tok.lower == "be" and prev not in _BASE_BEFORE and _MANDATIVE.search(sentence[: tok.start]):
            continue  # "proposed that changes be made", "recommended changes be made": a subjunctive
        if prev == "to" and tok.lower in _FINITE_AUXILIARIES:
            continue  # "the people they were talking to were terrorists": "to" ends a clause
        if prev == "to" and _plural_noun_object(tokens, i, lex):
            continue  # "burners to forges built out of cans": a noun after "to"
        if prev == "to" and not lex.morph_is_base(tok.lower) and not tok.lower.endswith("ing") and _stranded_to(tokens, i - 1, lex):
            continue  # "the people the aid was delivered to thanked": the main verb, not an infinitive
        base_expected = prev in _BASE_BEFORE and lex.morph_is_base(tok.lower)
        after = [t.lower for t in tokens[i + 1 : i + 3]]
        nxt = after[1] if len(after) > 1 and after[0].endswith("ly") else (after[0] if after else "")
        for form, kind in lex.morph.get(tok.lower, ()):
            if base_expected and not lex.morph_is_base(form):
                continue  # "does this mean" is right; never "does this means"
            if tok.lower in _PAST_BE and form in _PRESENT_BE and _another_past(tokens, i, lex):
                continue  # "When heraldry developed …, not much was known": a past narrative keeps its past
            if kind in ("tense", "form", "agreement") and prev in _BASE_BEFORE and lex.morph_is_base(form):
                kind = "modal" if _after_modal(tokens, i, lex) else "base"
            elif kind == "number" and _uncountable(tok.lower, form, lex) and not _counted(tokens, i):
                kind = "uncountable"  # counted ("two separate liberations"), it stays a plain number swap
            elif kind == "agreement" and AUXILIARY_SWAP.get(tok.lower) == form and _subject_in_window(tokens, i):
                kind = "auxiliary"
            elif (
                kind in ("tense", "form")
                and prev in _PARTICIPLE_BEFORE
                and form.endswith(("ed", "en", "n", "t"))
                and not tok.lower.endswith("ed")  # "to be petted" is a participle already; "pet" is not one
                and not (prev in _BE_FORMS and tok.lower.endswith("ing") and nxt != "by")
            ):  # "is organising" is a progressive; "was adopting by parliament" a broken passive
                kind = "participle"
            yield Candidate(tok.start, tok.end, _match_case(form, tok.text), f"morphology:{kind}")


def _closes_a_range(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Does the "to" before ``tokens[i]`` close a from…to range: "from" among
    the ten words before it, and no verb right before "to" ("residents from
    the flooded areas were forced to leaving" has one)?"""
    if _word_before_to(tokens, i) in _verb_words(lex):
        return False
    return any(t.lower == "from" for t in tokens[max(0, i - 11) : i - 1])


# After these "to" is a preposition, and an -ing form after it is right.
_TO_IS_A_PREPOSITION_AFTER = frozenset(
    """committed commitment dedicated dedication devoted forward contribute contributes contributed
    contributing contribution key object objects objected opposed opposition used accustomed view
    addition prior approach attention paid given priority emphasis respect regard related close
    closer due thanks owing alternative solution answer response reaction access resistance
    preference adapted adapt adjusted limited confined restricted lead leads led leading aid aids
    obstacle obstacles barrier barriers prelude""".split()
)
_MANDATIVE = re.compile(
    r"\b(?:that|recommend\w*|demand\w*|insist\w*|propos\w*|suggest\w*|requir\w*|request\w*|urg\w*|"
    r"order\w*|mandat\w*|essential|vital|imperative)\b",
    re.IGNORECASE,
)
_FINITE_AUXILIARIES = frozenset("is are was were am has had does did".split())
_PAST_BE = frozenset(("was", "were"))
_PRESENT_BE = frozenset(("is", "are"))


def _another_past(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Does the sentence have a past-tense verb besides ``tokens[i]``? Then
    "was" is the narrative's tense, not a slip for "is"."""
    past = lex.verbs.past if lex.verbs is not None else frozenset()
    return any(
        k != i and t.is_word and (t.lower in ("was", "were", "had", "did") or (t.lower in past and t.lower.endswith("ed")))
        for k, t in enumerate(tokens)
    )


def _prepositional_to(tokens: list[Token], i: int) -> bool:
    """Is the "to" before the -ing word ``tokens[i]`` a preposition: after a
    word that governs one, right before it or with its object between
    ("devoted their lives to ending", "looks forward to"), or a second "to"
    in a pair ("to getting to know you and to continuing")?"""
    if _word_before_to(tokens, i) in _TO_IS_A_PREPOSITION_AFTER:
        return True
    window = [t.lower for t in tokens[max(0, i - 5) : i - 1]]
    if any(w in _GOVERNS_TO_ACROSS_OBJECT for w in window):
        return True
    if i >= 2 and tokens[i - 2].lower in ("and", "or"):
        return any(
            tokens[k].lower == "to" and tokens[k + 1].lower.endswith("ing") for k in range(i - 2)
        )
    return False


# Verbs whose prepositional "to" comes after their object ("devoted their
# lives to ending", "dedicated his career to building") or an adverb
# ("look forward to").
_GOVERNS_TO_ACROSS_OBJECT = frozenset(
    "devote devotes devoted devoting dedicate dedicates dedicated dedicating commit commits committed forward".split()
)


def _word_before_to(tokens: list[Token], i: int) -> str:
    """The word before the "to" at ``tokens[i - 1]``, past a reflexive
    ("committed themselves to")."""
    j = i - 2
    if j >= 1 and tokens[j].lower in nouns.REFLEXIVES:
        j -= 1
    return tokens[j].lower if j >= 0 else ""


def _plural_noun_object(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Is ``tokens[i]`` (after "to") a plural noun rather than a verb: a noun
    form, with no object after it ("to forges built", not "to strengthens the")?"""
    if lex.nouns is None or not tokens[i].lower.endswith("s") or tokens[i].lower not in lex.nouns.noun_forms:
        return False
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return nxt not in _DETERMINERS and nxt != "all"


def _stranded_to(tokens: list[Token], to: int, lex: Lexicon) -> bool:
    """Does the "to" at ``tokens[to]`` end a relative clause with no
    relative pronoun, its object moved to the noun before it ("the people
    the aid was delivered to", "the hospital he was taken to")? A lower-case
    noun is followed at once by a new subject, and that subject's verb comes
    before the "to". Then the word after "to" is the sentence's main verb, and
    its past form is right. A word before the "to" that takes an infinitive
    ("agreed to", "forced to") makes it an infinitive's, whatever came before."""
    if to < 1 or tokens[to - 1].lower in _BEFORE_AN_INFINITIVE:
        return False
    start = to
    while start > 0 and tokens[start - 1].lower not in _CLAUSE_BREAKS:
        start -= 1
    for k in range(start + 1, to - 1):
        before, word = tokens[k - 1], tokens[k]
        if word.lower not in _CLAUSE_SUBJECTS or not before.is_word or before.lower in _NOT_A_NOUN_BEFORE_SUBJECT:
            continue
        # Lower case only: "said Monday the company", "However the minister" are no relative clauses.
        if not before.text.islower() or lex.nouns is None or before.lower not in lex.nouns.noun_forms:
            continue
        between = tokens[k + 1 : to]
        if any(t.lower == "to" for t in between):
            continue  # "the man she had been talking to agreed to helped": the stranded "to" was the first
        if any(t.lower in _FINITE_AUXILIARIES or t.lower in ("had", "have") for t in between):
            return True
    return False


# More verbs and adjectives after which "to" marks an infinitive (with
# _INFINITIVE_TO_AFTER, in _BEFORE_AN_INFINITIVE).
_TAKES_AN_INFINITIVE = frozenset(
    """agreed agree agrees decided decide decides forced asked ordered likely unlikely ready
    prepared expected due refused refuse promised promise planned plan plans tried try
    tries managed failed fail continued began started intended aimed sought allowed permitted
    invited urged told called vowed pledged threatened offered hoped hope hopes wishes wished
    chose chosen seemed seems appeared appears set designed meant supposed obliged willing
    reluctant eager keen determined""".split()
)


# Before these "to" marks an infinitive ("have to reduced sulfur" is a verb
# in the wrong form), not a preposition ("access to blocked sites").
_INFINITIVE_TO_AFTER = frozenset(
    "have has had having ought used going got able unable want wants wanted need needs needed".split()
)
_BEFORE_AN_INFINITIVE = _INFINITIVE_TO_AFTER | _TAKES_AN_INFINITIVE


def _attributive(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Is ``tokens[i]``, after "to", a participle used as an adjective before
    its noun ("led to increased tensions", "access to blocked sites")?"""
    if not tokens[i].lower.endswith("ed") or i + 1 >= len(tokens) or lex.nouns is None:
        return False
    if i >= 2 and tokens[i - 2].lower in _INFINITIVE_TO_AFTER:
        return False
    following = tokens[i + 1].text
    return following.islower() and following in lex.nouns.noun_forms and not lex.morph_is_base(following)


# Before "will", "can", "must"… these make the modal a noun: "the will", "a can", "political will".
_MODAL_AS_NOUN_AFTER = frozenset(
    """the a an this that his her its their our my your whose political good free own popular
    general strong divine last iron sovereign collective public natural tin at military economic
    naval living ill national trash garbage""".split()
)
_DO_FORMS = frozenset({"does", "did"})
_SUBJECT_DETERMINERS = frozenset(
    "the this these that those its their our his her some many all both several most".split()
)
# Modals that are also nouns ("a will", "might", "a can"): only after a subject.
_MODAL_NOUNS = frozenset({"will", "might", "can"})
# Before an auxiliary, a phrase opened by one of these puts a noun next to the
# verb that is not its subject; :mod:`normalize.agreement` finds the head there.
_PHRASE_PREPOSITIONS = frozenset(
    """of in on at for from with between among by about under over after before since until during
    through against within without into""".split()
)
_SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
_CLAUSE_SUBJECTS = _SUBJECT_PRONOUNS | frozenset("the a an this that these those his her its their our my your".split())
_NOT_A_NOUN_BEFORE_SUBJECT = frozenset(ARTICLES + PREPOSITIONS) | _CLAUSE_SUBJECTS | _FINITE_AUXILIARIES
_CLAUSE_BREAKS = frozenset(", ; : ( ) \" “ ” — – and or but".split())


# An abstract noun the training text uses this often, and its plural in under
# 0.5% of those uses, is uncountable ("legislation", "independence",
# "cooperation"): "cooperations", "independences" copy French, Russian or Spanish
# plurals. Only abstract suffixes: "firsts", "actives", "insides" are the
# rare plurals of words mostly used as adjectives.
UNCOUNTABLE_MIN_COUNT = 200
UNCOUNTABLE_MAX_SHARE = 0.005
_PLURAL_COUNTERS = frozenset(
    "two three four five six seven eight nine ten several many these those both various numerous multiple".split()
)
_ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ancy", "ency", "ity", "ism", "ness", "dge")


def _uncountable(plural: str, singular: str, lex: Lexicon) -> bool:
    """Is ``plural`` the rare plural of an uncountable ``singular`` (by the corpus counts)?"""
    if lex.nouns is None or plural in lex.nouns.singular or singular not in lex.nouns.singular:
        return False
    if not singular.endswith(_ABSTRACT_SUFFIXES):
        return False
    base = lex.count(singular)
    return base >= UNCOUNTABLE_MIN_COUNT and lex.count(plural) < UNCOUNTABLE_MAX_SHARE * base


def _counted(tokens: list[Token], i: int) -> bool:
    """Is the noun at ``tokens[i]`` counted by a word just before it ("two
    separate liberations", "several immigrations", "these precisions")? Then
    its plural is meant, and its verb agrees with it."""
    return any(
        t.lower in _PLURAL_COUNTERS or t.text[:1].isdigit() for t in tokens[max(0, i - 3) : i]
    )


def _subject_in_window(tokens: list[Token], i: int) -> bool:
    """Is the auxiliary at ``tokens[i]`` likely to have its subject in the
    model's window ("The meeting were held")? Where it does not, the swap
    keeps the general "agreement" margins."""
    prev = _previous_word(tokens, i)
    if prev in ("and", "or", "but"):
        return False  # "three people received injuries and were hospitalised": the subject is further back
    if tokens[0].lower in INVERSION_OPENERS:
        return False  # "Present at the ceremony were the governor and…": the subject follows
    if any(t.lower in _PHRASE_PREPOSITIONS for t in tokens[max(0, i - 4) : i]):
        return False  # "the authors of the 2020 strategy are": the window sees the wrong noun
    if i > 0 and tokens[i - 1].lower in _SUBJECT_PRONOUNS | MEASURES:
        return False  # "who said it were right" (agreement.pronoun_disagreements judges pronouns), "Two years has passed"
    # "Suppose he were wrong", "as it were"
    return not (tokens[i].lower == "were" and subjunctive_were([t.text for t in tokens], i))


def _after_modal(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Is ``tokens[i]`` a finite form right after a modal or "did/does not",
    as in "will provides", "will discussed", "did not signed"? English allows
    only the bare verb there, whatever the model says."""
    if lex.morph_is_base(tokens[i].lower) or tokens[i].lower.endswith("ing"):
        return False  # an -ing form may follow an ellipsis ("as soon as it can, helping…")
    j = _previous_index(tokens, i)
    modal = tokens[j].lower if j >= 0 else ""
    if modal not in _MODALS | _DO_FORMS or not tokens[j].text.islower():
        return False  # "May", "Will Smith", or "to", also a preposition ("the hospital he was taken to confirmed")
    before = tokens[j - 1].lower if j > 0 else ""
    if before in _MODAL_AS_NOUN_AFTER or before.endswith(("'s", "’s")):
        return False  # "the will", "Nobel's will allocated", "at will", "military might"
    if before in ("who", "that", "which", "as"):
        return False  # "those who could left", "as many as could escaped": an ellipsis
    word = tokens[i].lower
    is_noun = lex.nouns is not None and word in lex.nouns.noun_forms
    if modal in _MODAL_NOUNS and not _subject_before(tokens, j, lex):
        return False  # "a forged will surfaced", "Chinese might dominates", "a petrol can stored"
    if modal in _DO_FORMS:
        # Only "did not signed" is sure: "the work she did helped" has "did" as its verb.
        return j < i - 1 and tokens[j + 1].lower in ("not", "n't") and not is_noun and word not in _BE_FORMS
    return not (modal == "can" and is_noun)  # "many can designs"


def _subject_before(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Does a plain subject end right before the modal at ``tokens[j]`` (a
    pronoun or a lower-case noun after a determiner: "it will", "the company
    can"), so that the modal is not itself a noun ("his new will", "sheer might")?"""
    before = tokens[j - 1] if j > 0 else None
    if before is None or before.lower in _SUBJECT_PRONOUNS:
        return before is not None
    if lex.nouns is None or not before.text.islower() or before.lower not in lex.nouns.noun_forms:
        return False
    # "The company can" but not "a petrol can", "a watering can": a noun then a noun.
    if j >= 2 and tokens[j - 2].lower in _SUBJECT_DETERMINERS:
        return True
    # Up to two adjectives may stand between ("the new law will allows"), but
    # then only before an -s form: after a past form the modal is more likely
    # a noun ("his strong human will kept him alive", "the empty beer can rolled").
    k = j - 2
    while k >= max(0, j - 3) and _adjective_like(tokens[k], lex):
        k -= 1
    after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    return k < j - 2 and k >= 0 and tokens[k].lower in _SUBJECT_DETERMINERS and after.endswith("s")


def _adjective_like(token: Token, lex: Lexicon) -> bool:
    """A lower-case word that is neither a noun nor a function word ("new", "national")."""
    return (
        token.is_word
        and token.text.islower()
        and token.lower not in _SUBJECT_DETERMINERS
        and token.lower not in _NOT_A_NOUN_BEFORE_SUBJECT
        and lex.nouns is not None
        and token.lower not in lex.nouns.noun_forms
    )


def _previous_index(tokens: list[Token], i: int) -> int:
    """Index of the word before ``tokens[i]``, past a negation or a mid adverb (-1 if none)."""
    j = i - 1
    while j >= 0 and tokens[j].lower in ("not", "n't", "also", "never", "already"):
        j -= 1
    return j


def _previous_word(tokens: list[Token], i: int) -> str:
    j = _previous_index(tokens, i)
    return tokens[j].lower if j >= 0 else ""


def _shouting(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


def _deletes_transposes(word: str) -> list[str]:
    deletes = [word[:i] + word[i + 1 :] for i in range(len(word))]
    transposes = [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]
    return deletes + transposes


@lru_cache(maxsize=20000)
def _corrections(word: str, lex: Lexicon, limit: int = 6) -> tuple[tuple[str, int], ...]:
    """(known word, edit distance) pairs one edit away, else two; most frequent first.

    Corrections shorter than three letters are skipped: the word counts hold
    clitic fragments ("ll", "ve") that no typo should turn into.
    """
    first = _edits1(word)
    near = [w for w in first if w in lex.counts and len(w) >= 3]
    distance = 1
    if not near and 3 <= len(word) <= 14:
        # Two edits, the second a deletion or transposition only: covers
        # "cigarrets" -> "cigarettes" at ~2% of the cost of full distance 2.
        distance = 2
        near = list(
            {w2 for w1 in first for w2 in _deletes_transposes(w1) if w2 in lex.counts and len(w2) >= 3}
        )
    near.sort(key=lambda w: (-lex.counts[w], w))  # ties by spelling: the same pool on every run
    return tuple((w, distance) for w in near[:limit])


# After a figure or a spelled-out scale ("375,000 tenge", "2 billion tenge")
# an unknown word is nearly always a currency or unit ("tenge", "som",
# "kyat"), so only these corrections are offered there.
_NUMBER_WORDS = SCALE_WORDS | frozenset(
    "percent per cent times tons tonnes kilometres kilometers metres meters hectares dollars euros "
    "people years".split()
)
_ALPHA_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{3,}(?![\w'’-])")


def recurring_unknown_words(text: str, lex: Lexicon, times: int = 2) -> frozenset[str]:
    """Words the lexicon does not know that occur at least ``times`` in ``text``.

    A typo is rarely repeated letter for letter, while a transliterated term
    ("akim", "akimat", "mpox") or a name usually is: in edited text and MT
    output such a word is left alone, as if it were on the accept list.
    """
    seen: dict[str, list[str]] = {}
    for match in _ALPHA_WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if lex.count(lower) < 2:
            seen.setdefault(lower, []).append(word)
    return frozenset(form for forms in seen.values() if len(forms) >= times for form in forms)


MAX_SPELLING_LENGTH = 40  # longer "words" are codes or junk, and their edits cost O(length)


def spelling(sentence: str, tokens: list[Token], lex: Lexicon, accept: frozenset[str]) -> Iterator[Candidate]:
    """Non-words only, never capitalised words (names) or accepted terms."""
    if not lex.counts:
        return
    for i, tok in enumerate(tokens):
        word = tok.text
        if not word.isalpha() or not 3 <= len(word) <= MAX_SPELLING_LENGTH or tok.text in accept or lex.count(word) >= 2:
            continue  # seen at least twice in the training corpus; or no word at all
        if word[:1].isupper():
            continue  # names and acronyms, at the start of a sentence too
        if tok.start > 0 and sentence[tok.start - 1] in "-'’":
            continue  # second part of a compound or name: "Jae-geun", "al-Sisi"
        if _inside_address(sentence, tok.start, tok.end):
            continue  # part of a web or e-mail address: "clck.ru", "mid.ru/en"
        # Words only in the dictionary lists (count 1 in vocab.tsv) or that
        # look like a rare inflection or compound of known words ("sharpens",
        # but also "discused") get their own, higher margin. So do fixes two
        # edits away: in MT output an unknown word is more often a
        # transliteration ("majorno") than a typo, and a far fix is a guess.
        rare = lex.plausible(word)
        after_number = i > 0 and (tokens[i - 1].text[:1].isdigit() or tokens[i - 1].text.lower() in SCALE_WORDS)
        for fix, distance in _corrections(word.lower(), lex):
            if after_number and fix not in _NUMBER_WORDS:
                continue  # "375,000 tenge", "300 som": a currency or unit, unless it is "milion"
            family = "spelling:rare" if rare else "spelling:word" if distance == 1 else "spelling:far"
            yield Candidate(tok.start, tok.end, _match_case(fix, word), family)
        # Run-together words: "infact" -> "in fact".
        for cut in range(1, len(word)):
            left, right = word[:cut].lower(), word[cut:].lower()
            if lex.count(left) >= 1000 and lex.count(right) >= 1000:
                yield Candidate(tok.start, tok.end, _match_case(f"{left} {right}", word), "spelling:split")


def _inside_address(sentence: str, start: int, end: int) -> bool:
    """Is the word glued by '.', '/', '@' or ':' to more text on either side?"""
    after = sentence[end:end + 2]
    before = sentence[max(0, start - 2):start]
    glued_after = len(after) == 2 and after[0] in "./@:" and after[1].isalnum()
    glued_before = len(before) == 2 and before[1] in "./@:" and before[0].isalnum()
    return glued_after or glued_before


def informal(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    tokenised = is_tokenised(sentence)
    for tok in tokens:
        fix = _INFORMAL.get(tok.lower)
        if fix is None or (tok.text == "I"):
            continue
        if tokenised:
            fix = re.sub(r"(n't|'[a-z]+)$", r" \1", fix)
            fix = fix.replace("ca n't", "ca n't").replace("won 't", "wo n't")
        yield Candidate(tok.start, tok.end, _match_case(fix, tok.text), "informal")


def capitalisation(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    first = next((t for t in tokens if t.is_word), None)
    if first is None or not first.text[:1].islower():
        return
    if any(c in "([" for c in sentence[: first.start]):
        return  # "(tr. by Legge)", "[held that]": a bracket's words keep their case
    if first.text[1:] != first.text[1:].lower() or len(first.text) == 1 and first.lower not in ("a", "i"):
        return  # "iPhone", "hDuke", a variable "f": written so on purpose
    if not _PROSE_SENTENCE_END.search(sentence) or sentence[first.end : first.end + 1] in (":", "=", '"', "-"):
        return  # a key, a list item, a code or a label ('"id": "x",', "date: 2025", "<li>a memorandum;")
    yield Candidate(first.start, first.start + 1, first.text[0].upper(), "capitalisation")


# A sentence that ends as prose does, maybe inside quotes or brackets: only
# there does a lower-case first word lack its capital.
_PROSE_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")


def _serial_comma(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Is the comma at ``i`` (before and/or) the last of a list: another comma
    at most five words back, with a list item and no preposition or verb
    between ("Moscow, Beijing, and New Delhi"; not "Last year, the trade
    between China, and Russia")?"""
    verbs = _verb_words(lex)
    for j in range(i - 1, max(-1, i - 6), -1):
        t = tokens[j]
        if t.text == ",":
            return j < i - 1
        if t.lower in PREPOSITIONS or t.lower in verbs:
            return False
    return False


_INTERRUPTERS = frozenset("or and but perhaps if".split())


def _interruption_after_preposition(tokens: list[Token], i: int) -> bool:
    """Does the comma at ``i``, right after a preposition, open an
    interruption ("Despite, or perhaps because of, its size") or close one
    that began with ", or/and/but" a few words back? "Born in, 1956" does not."""
    if i == 0 or not (tokens[i - 1].lower in PREPOSITIONS or tokens[i - 1].lower in ("despite", "notwithstanding")):
        return False
    if i + 1 < len(tokens) and tokens[i + 1].lower in _INTERRUPTERS:
        return True
    return any(
        tokens[k].text == "," and tokens[k + 1].lower in _INTERRUPTERS for k in range(max(0, i - 7), i - 1)
    )


def commas(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    comma = " ," if is_tokenised(sentence) else ","
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if tok.text == ",":
            if i and tokens[i - 1].is_word and tokens[i - 1].lower == nxt.lower:
                continue  # "very, very", "no, no": a repetition keeps its commas
            if nxt.lower in ("and", "or") and _serial_comma(tokens, i, lex):
                continue  # a serial comma ("Lübeck, Hamburg, and Bremen"): house style, not an error
            if _interruption_after_preposition(tokens, i):
                continue  # "Despite, or perhaps because of, its size": a parenthetical opens and closes there
            # Tokenised text drops " ,"; raw text drops "," and keeps the space.
            spaced = sentence[tok.start - 1 : tok.start] == " "
            yield Candidate(tok.start - 1 if spaced else tok.start, tok.end, "", "comma:delete")
        elif tok.is_word and nxt.is_word and tok.lower not in _NO_COMMA_AFTER:
            yield Candidate(tok.end, tok.end, comma, "comma:insert")


def redundancy(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    for m in _REDUNDANT.finditer(sentence):
        text = m.group()
        if any(w[:1].isupper() for w in text.split()[m.start() == 0 :]):
            continue  # "the Course of General Linguistics": a title
        before = sentence[: m.start()].split()[-1:]
        prev = before[0].lower() if before else ""
        if text.lower().startswith("the course") and prev not in _OVER_TIME:
            continue  # "setting the course of theory": a direction, not a period
        if text.lower().startswith("the level") and prev in _LEVEL_IS_A_DEGREE_AFTER:
            continue  # "rising to the level of hatred", "talks at the level of ministers"
        if text.lower().startswith("in the period"):
            yield from _period(sentence, m)
            continue
        if text.lower().startswith("carrying") and prev not in _OBJECT_SLOT_BEFORE:
            continue  # "ensure timely carrying out of the sowing": an adjective needs its noun
        yield _phrase_deletion(sentence, m)
    for a, b in zip(tokens, tokens[1:]):
        if (
            a.is_word
            and a.lower == b.lower
            and a.lower not in _GRAMMATICAL_REPEATS
            and not b.text[:1].isupper()  # "Rin Tin Tin", "Bora Bora": a name
            and not _rare(a.lower, lex)
        ):
            yield Candidate(a.start, b.start, "", "redundancy:repeat")


# "the the" is a slip; "had had" (past perfect of "have"), "that that"
# ("said that that was wrong"), "on on" ("what is going on on Petrovka"),
# "is is" ("what it is is") and "her her" ("cost her her job") are grammar;
# "ha ha", "no, no", "very very" are said on purpose.
_GRAMMATICAL_REPEATS = frozenset(
    "had that on is her ha ho he hee la na da bye no yes oh ah very blah bla tut knock hip boo bang chop wow yeah".split()
)
# "During the course of the talks" is "during the talks"; elsewhere "the
# course of" is a direction or a programme of study.
_OVER_TIME = frozenset({"during", "in", "over", "throughout"})
# Where "carrying out of" can go and leave a noun phrase: after a preposition or a verb's slot.
_OBJECT_SLOT_BEFORE = frozenset(
    "for to in on of during after before about with by into through upon ensure ensured ensures ensuring".split()
)
_LEVEL_IS_A_DEGREE_AFTER = frozenset({"to", "at", "up", "for", "by", "reach", "reached", "reaches", "reaching"})
_PERIOD_DELETED_BEFORE = frozenset({"from", "between", "since", "after", "before", "following", "up"})


def _phrase_deletion(sentence: str, m: re.Match[str]) -> Candidate:
    """Delete a matched phrase; at the start of the sentence the next word
    takes its capital."""
    if m.start() == 0:
        after = sentence[m.end() : m.end() + 1]
        return Candidate(m.start(), m.end() + 1, after.upper(), "redundancy:phrase")
    return Candidate(m.start(), m.end(), "", "redundancy:phrase")


def _period(sentence: str, m: re.Match[str]) -> Iterator[Candidate]:
    """"in the period from 2015" -> "from 2015"; "in the period 2015-2020" ->
    "in 2015-2020" (deleting all of it would leave "received 2015-2020")."""
    following = sentence[m.end() :].split(maxsplit=1)
    word = following[0].lower() if following else ""
    if word in _PERIOD_DELETED_BEFORE:
        yield _phrase_deletion(sentence, m)
    elif word[:1].isdigit() or word.capitalize() in nouns.MONTHS:
        yield Candidate(m.start(), m.end(), m.group()[:3], "redundancy:phrase")


# A doubled word this rare is a name or a Latin binomial ("Cricetus
# cricetus", "Equus ferus ferus"), not a slip.
MIN_COUNT_OF_REPEATED_WORD = 100


def _rare(word: str, lex: Lexicon) -> bool:
    return bool(lex.counts) and lex.count(word) < MIN_COUNT_OF_REPEATED_WORD


# An adverb never lands right after a preposition ("to" before a verb takes
# one: "to partially lift"), and never moves across a word that opens a clause.
_NO_ADVERB_AFTER = frozenset(PREPOSITIONS) - {"to"}
_CLAUSE_OPENERS = frozenset("why what how when where who whom which whether if because and or but nor".split())
_COORDINATORS = frozenset({"and", "or", "but", "nor"})
# Words in -ly that are adjectives, not adverbs to move ("ever-more-unlikely
# secret weapons"): the noun table's list and more. ("only", in that list, is
# in _ADVERBS, which is checked first.)
_LY_ADJECTIVES = nouns._LY_ADJECTIVES | frozenset(
    "unlikely costly lonely lovely deadly holy ugly silly lively timely".split()
)


def word_order(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """Move an adverb one or two words left or right: "also was" -> "was also"."""
    nouns = lex.nouns.noun_forms if lex.nouns is not None else frozenset()
    for i, tok in enumerate(tokens):
        if tok.lower not in _ADVERBS and not (
            tok.lower.endswith("ly") and len(tok.text) > 4 and tok.lower not in _LY_ADJECTIVES and tok.lower not in nouns
        ):
            continue
        if i and tok.text[:1].isupper():
            continue  # "Temir Zholy", "Italy": a name, not an adverb
        if i and tokens[i - 1].lower in _MID_POSITION_AFTER:
            continue  # "can partly be explained", "would also like to", "has also signed": in place
        if i and tokens[i - 1].lower in _COORDINATORS:
            continue  # "fatty acids and also glycerol": in place
        for j in (i - 2, i - 1, i + 1, i + 2):
            if not 0 <= j < len(tokens):
                continue
            lo, hi = min(i, j), max(i, j)
            span = tokens[lo : hi + 1]
            if not all(t.is_word for t in span):
                continue
            if any(t.text[:1].isupper() for k, t in enumerate(span, lo) if k and k != i):
                continue  # never reorder the words of a name
            if any(t.lower in _CLAUSE_OPENERS for k, t in enumerate(span, lo) if k != i):
                continue  # "precisely why" is not "why precisely"
            if j < i and i and tokens[i - 1].lower == "to":
                continue  # out of "to actually implement" it would modify another word
            if j < i and lo == 0:
                continue  # "Buckwheat grows widely" never becomes "Widely buckwheat grows"
            landing = tokens[hi] if j > i else (tokens[lo - 1] if lo else None)
            if landing is not None and landing.lower in _NO_ADVERB_AFTER:
                continue  # never "lifted in partially government-controlled regions"
            words = [t.text for t in span]
            moved = words[1:] + words[:1] if j > i else words[-1:] + words[:-1]
            if lo == 0 and words[0] != "I":
                # The old first word loses its capital, the new one gains it.
                moved = [w[:1].lower() + w[1:] if w is words[0] else w for w in moved]
                moved[0] = moved[0][:1].upper() + moved[0][1:]
            yield Candidate(tokens[lo].start, tokens[hi].end, " ".join(moved), "word-order")


_BE = frozenset({"is", "are", "was", "were"})
_IRREGULAR_PARTICIPLES = frozenset(
    "held made taken given seen shown sent signed built brought found kept left met paid put "
    "read set sold spent told thought won".split()
)
_CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?", "”", '"'})


def inversions(sentence: str, tokens: list[Token], lex: Lexicon) -> Iterator[Candidate]:
    """Put an inverted subject back before its passive verb.

    Russian-style word order puts the subject after the verb: "At the talks
    were discussed the issues of security." -> "At the talks, the issues of
    security were discussed." The subject is taken to run from the
    determiner after the participle to the end of the clause.
    """
    for i in range(len(tokens) - 3):
        be, participle, det = tokens[i], tokens[i + 1], tokens[i + 2]
        if be.lower not in _BE or det.lower not in _DETERMINERS:
            continue
        if not (participle.lower.endswith(("ed", "en")) or participle.lower in _IRREGULAR_PARTICIPLES):
            continue
        end = i + 3
        while end < len(tokens) and tokens[end].text not in _CLAUSE_END:
            end += 1
        if end == i + 3 or end - (i + 2) > 12:
            continue  # no subject, or too long a clause to move safely
        if not _adverbial_lead(tokens, i):
            continue  # "The plan was approved the next day": the subject is already there
        subject = sentence[det.start : tokens[end - 1].end]
        verb = sentence[be.start : participle.end]
        if i == 0:
            # "Were discussed the issues." -> "The issues were discussed."
            replacement = f"{subject[:1].upper()}{subject[1:]} {verb[:1].lower()}{verb[1:]}"
            yield Candidate(be.start, tokens[end - 1].end, replacement, "word-order:inversion")
            continue
        left = sentence[: be.start].rstrip()
        comma = "" if left.endswith(",") else ","
        yield Candidate(len(left), tokens[end - 1].end, f"{comma} {subject} {verb}", "word-order:inversion")


def _adverbial_lead(tokens: list[Token], i: int) -> bool:
    """Is the clause before token ``i`` empty or an adverbial ("At the talks", "Yesterday,")?"""
    first = i
    while first > 0 and tokens[first - 1].text not in _CLAUSE_END:
        first -= 1
    if first == i:
        return True
    lead = tokens[first].lower
    return lead in PREPOSITIONS or lead in ("yesterday", "today", "also", "then", "later", "earlier")



Family = Callable[[str, list[Token], Lexicon], Iterable[Candidate]]
FAMILIES: dict[str, Family] = {
    # Before "article": a bare subject's article is the same edit as an
    # article insertion, and deduplication keeps the first family's.
    "subject": bare_subjects,
    "title": bare_title_subjects,
    "object": bare_objects,
    "name": definite_names,
    "frame": of_frames,
    "agreement": agreement,
    "predicate": predicates,
    "tense": tense_clashes,
    "article": articles,
    "preposition": prepositions,
    "morphology": morphology,
    "informal": informal,
    "capitalisation": capitalisation,
    "comma": commas,
    "splice": splices,
    "main": main_clauses,
    "collocation": collocations,
    "object-order": object_order,
    "redundancy": redundancy,
    "word-order": word_order,
    "inversion": inversions,
}


def generate(
    sentence: str,
    lex: Lexicon,
    *,
    accept: frozenset[str] = frozenset(),
    families: Iterable[str] | None = None,
) -> list[Candidate]:
    """Every candidate of the chosen families (all by default), deduplicated.

    Candidates touching an accepted term are dropped: accepted names and
    phrases are never rewritten.
    """
    chosen = set(families) if families is not None else set(FAMILIES) | {"spelling"}
    chosen |= {f.split(":")[0] for f in chosen}
    tokens = tokenize(sentence)
    out: dict[tuple[int, int, str], Candidate] = {}
    for name in FAMILIES:
        if name in chosen:
            for cand in FAMILIES[name](sentence, tokens, lex):
                out.setdefault((cand.start, cand.end, cand.replacement), cand)
    if "spelling" in chosen:
        for cand in spelling(sentence, tokens, lex, accept):
            out.setdefault((cand.start, cand.end, cand.replacement), cand)
    protected = _protected_spans(sentence, accept)
    return [
        c for c in out.values()
        if sentence[c.start : c.end] != c.replacement
        and LINE_BREAKS.isdisjoint(sentence[c.start : c.end])
        and not any(c.start < e and s < c.end or s < c.start < e for s, e in protected)
    ]


# A short quoted phrase inside a sentence ("called “a quantum leap”", the
# operation "Dawn"): somebody's exact words or a name, not the writer's prose.
_QUOTED_PHRASE = re.compile(
    r"(?<=[\w,:] )(?:“[^“”\n]{1,60}”|\"[^\"\n]{1,60}\")(?!\w)"
)
_QUOTED_WORDS = 6


def _protected_spans(sentence: str, accept: frozenset[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = [
        (m.start(), m.end()) for m in _QUOTED_PHRASE.finditer(sentence) if len(m.group().split()) <= _QUOTED_WORDS
    ]
    for term in accept:
        for m in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?!\w)", sentence):
            spans.append((m.start(), m.end()))
    return spans
