"""Light verbs with the wrong noun: "hold research", "reach progress", "make
measures", "give attention".

Each language pairs its nouns with its own light verbs: Russian "проводить
исследование" is "hold research" word for word where English conducts it,
"достичь прогресса" is "reach progress" where English makes it. Rule packs
list the pairs their authors met; this table counts, on the training text,
which light verb governs each noun as its object (the verb, at most a
determiner and two modifiers, then the noun heading its phrase). A pair the
text never uses, for a noun it often uses with one other light verb, is
flagged, and that verb is suggested (never applied: a 17-million-word corpus
misses formal pairs) in the same form ("held research" -> "conducted research").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from normalize.nouns import _DETERMINERS, _FUNCTION, NounTable, tokenize
from normalize.predicates import VerbForms

COLLOCATIONS_FILE = "collocations.tsv"
COLLOCATIONS_VERSION = 1  # of the counting rules: a new version recounts on `normalize train`
LIGHT_VERBS = frozenset(
    """give make take do hold reach carry conduct render provide achieve pay perform put play lay
    draw raise bring commit undertake""".split()
)
# The light verbs translations misuse ("hold research", "reach progress",
# "do efforts", "held a speech"); the others have literal senses that pair
# with any noun ("reach the villages", "raise funds") and are alternatives only.
# ("render" and "undertake" are left out: "rendered services", "undertook a
# visit" are formal English the training text happens not to hold.)
_OFTEN_WRONG = frozenset("hold reach do conduct perform commit".split())
# Objects no light verb governs as a collocation: times and particles.
_NOT_OBJECTS = frozenset(
    """year years day days week weeks month months time times today tonight yesterday tomorrow
    home down up out back away off place""".split()
)
MIN_ALTERNATIVE_COUNT = 20
MIN_NOUN_COUNT = 40  # light-verb uses of the noun before its pairs are judged
MAX_SHARE = 0.0  # the pair's share of the noun's light-verb uses at most: never seen
MIN_ALTERNATIVE = 0.35  # the other verb's share at least
KEEP_COUNT = 3  # pairs written to the table
_MAX_MODIFIERS = 2


def count_collocations(sentences: Iterable[str], nouns: NounTable, verbs: VerbForms) -> Counter[tuple[str, str]]:
    """(light verb's base, object noun) -> uses, over ``sentences``."""
    lemma = _light_forms(verbs)
    counts: Counter[tuple[str, str]] = Counter()
    for sentence in sentences:
        words = [m.group() for m in tokenize(sentence)]
        for verb, noun in _pairs(words, lemma, nouns):
            counts[lemma[words[verb]], words[noun]] += 1
    return counts


# Built once per verb table: the rewrite family asks for it on every sentence.
_LIGHT_FORMS: dict[int, tuple[VerbForms, dict[str, str]]] = {}


def _light_forms(verbs: VerbForms) -> dict[str, str]:
    """Every finite, -ing and participle form of a light verb -> its base."""
    cached = _LIGHT_FORMS.get(id(verbs))
    if cached is None or cached[0] is not verbs:
        forms = {form: base for base in LIGHT_VERBS for form in verbs.all_forms(base) | {verbs.participle(base)}}
        cached = _LIGHT_FORMS[id(verbs)] = (verbs, forms)
    return cached[1]


def _pairs(words: list[str], lemma: Mapping[str, str], nouns: NounTable) -> Iterator[tuple[int, int]]:
    """(verb index, noun index) of each light verb and the noun heading its object."""
    for i, word in enumerate(words[:-1]):
        if word not in lemma or i and words[i - 1].lower() in ("as", "so", "than"):
            continue  # "as does its melting point": an inversion, not an object
        j = i + 1
        if words[j].endswith("ly") or words[j] in ("well", "clear", "over", "under", "about", "around"):
            continue  # "reached well over 325,000", "held clear of the ground"
        if word.endswith("ing") and words[j].lower() not in _DETERMINERS and i and words[i - 1].lower() in _DETERMINERS:
            continue  # "a series of individual holding actions": a modifier
        if lemma[word] == "carry" and words[j] == "out":
            j += 1
        if j < len(words) and words[j].lower() in _DETERMINERS:
            j += 1
        # The object's head: the last of at most three plain words before a
        # function word or punctuation ("conducted research on", "paid special
        # attention to"); the noun table leaves out mass nouns like these.
        k = j
        while k < len(words) and k - j <= _MAX_MODIFIERS and words[k].islower() and words[k].isalpha() and words[k] not in _FUNCTION:
            k += 1
        if k > j and k < len(words) and (words[k] in _FUNCTION or not words[k].isalnum()) and words[k - 1] not in lemma:
            yield i, k - 1


class CollocationTable:
    """(light verb, noun) -> uses, read from a model's TSV file."""

    def __init__(self, counts: Mapping[tuple[str, str], int]) -> None:
        self.counts = dict(counts)
        self.by_noun: dict[str, dict[str, int]] = {}
        for (verb, noun), n in self.counts.items():
            self.by_noun.setdefault(noun, {})[verb] = n
        self.totals = {noun: sum(uses.values()) for noun, uses in self.by_noun.items()}

    @classmethod
    def write(cls, counts: Counter[tuple[str, str]], model_dir: Path) -> None:
        rows = sorted(f"{v}\t{n}\t{c}\n" for (v, n), c in counts.items() if c >= KEEP_COUNT)
        (model_dir / COLLOCATIONS_FILE).write_text("".join(rows), encoding="utf-8")

    @classmethod
    def load(cls, model_dir: Path) -> "CollocationTable | None":
        path = model_dir / COLLOCATIONS_FILE
        if not path.is_file():
            return None  # a model trained before the table existed
        counts = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            verb, noun, n = line.split("\t")
            counts[verb, noun] = int(n)
        return cls(counts)

    def better_verb(self, verb: str, noun: str) -> str | None:
        """The light verb English uses with ``noun`` where ``verb`` is odd, if one stands out."""
        uses = self.by_noun.get(noun)
        if not uses or verb not in _OFTEN_WRONG or noun in _NOT_OBJECTS:
            return None
        total = self.totals[noun]
        if total < MIN_NOUN_COUNT or uses.get(verb, 0) > MAX_SHARE * total:
            return None
        best, n = max(uses.items(), key=lambda item: item[1])
        return best if best != verb and n >= max(MIN_ALTERNATIVE * total, MIN_ALTERNATIVE_COUNT) else None


def odd_collocations(
    words: list[str], table: CollocationTable, nouns: NounTable, verbs: VerbForms
) -> list[tuple[int, int, str]]:
    """(first and end index of the verb, the better verb in the same form)
    for each odd pair; the verb's span holds "out" after "carry"."""
    lemma = _light_forms(verbs)
    found = []
    for verb, noun in _pairs(words, lemma, nouns):
        base = lemma[words[verb]]
        better = table.better_verb(base, words[noun])
        form = _same_form(words[verb], base, better, verbs) if better else None
        if form:
            end = verb + 2 if base == "carry" and words[verb + 1] == "out" else verb + 1
            found.append((verb, end, form + " out" if better == "carry" else form))
    return found


def _same_form(word: str, base: str, other: str, verbs: VerbForms) -> str | None:
    """``other`` in the form ``word`` has as a form of ``base``."""
    if word == base:
        return other
    if word == verbs.gerund_of.get(base):
        return verbs.gerund_of.get(other)
    if word in verbs.third:
        return verbs.third_form(other)
    if word == verbs.participle(base) and word not in verbs.past:
        return verbs.participle(other)
    if word in verbs.past:
        return verbs.past_form(other)
    return None
