"""Literal prefilters: run a rule's regex only on lines that could match.

Python's ``re`` scans every position of the text for every rule, which is slow
for hundreds of case-insensitive patterns. Most rule patterns contain literal
text that every match must include ("in his turn", "territory"). From the
parsed pattern we derive up to three sets of literals such that every match
holds one literal of each set, find all rules' literals in one Aho-Corasick
pass over an ASCII-lowercased copy of the text, and run each regex only on the
lines that hold a literal of every one of its sets. A pattern with no such
literal is scanned in full. ``fast_source`` separately rewrites patterns that
open with lookbehinds so that ``re`` fails fast where no match can start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

try:  # Python 3.11+
    import re._constants as C
    import re._parser as P
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

# ASCII letters lowercased, plus the four other letters that ``re``'s (?i)
# matches to an ASCII one (dotless ı and dotted İ to i, long ſ to s, the Kelvin
# sign to k): one character for one, so offsets stay the same.
_ASCII_LOWER = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ\u0131\u0130\u017f\u212a", "abcdefghijklmnopqrstuvwxyzi" "isk"
)
# ``\d`` also matches other scripts' digits ("٣"): they read as "0", so a line
# holding only those still passes a prefilter on the digits 0-9. The table of
# them takes 50 ms to build, so only a text that has one pays for it.
_OTHER_DIGIT = re.compile(r"[^\D0-9]")
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_MIN_USEFUL = 2  # literals less selective than this select nearly every line


def ascii_lower(text: str) -> str:
    """Lowercase ASCII letters (and the letters (?i) equates with them), and
    read every script's digits as ASCII "0" (see _OTHER_DIGIT); offsets stay
    the same."""
    if not text.isascii() and _OTHER_DIGIT.search(text):
        return text.translate(_with_other_digits())
    return text.translate(_ASCII_LOWER)


@lru_cache(maxsize=1)
def _with_other_digits() -> dict[int, int]:
    return {**_ASCII_LOWER, **{c: ord("0") for c in range(0x80, 0x110000) if chr(c).isdecimal()}}


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals (lowercase) of which every match contains one, or None."""
    sets = required_literal_sets(pattern)
    return sets[0] if sets else None


MAX_SETS = 3  # more rarely narrows the lines further


def required_literal_sets(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Sets of literals (lowercase) such that every match contains one literal
    of each set, most selective set first; empty when none is useful.

    A rule like "will/could ... signed/agreed ... the" has common words in
    each part, but lines holding a word of *every* part are few.
    """
    try:
        parsed = P.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except Exception:  # noqa: BLE001 - an unusual pattern simply gets no prefilter
        return ()
    usable = {tuple(sorted(set(c))) for c in _requirements(list(parsed)) if _worst(c) >= _MIN_USEFUL}
    return tuple(sorted(usable, key=lambda c: (-_worst(c), len(c), c))[:MAX_SETS])


def _worst(candidate: list[str] | tuple[str, ...]) -> int:
    return min(_selectivity(s) for s in candidate)


def _requirements(items: list) -> list[list[str]]:
    """Every literal set a match of this sequence must contain one of."""
    candidates: list[list[str]] = []
    run: set[str] = set()  # what the current stretch of literal text can be

    def close_run() -> None:
        if run and all(run):
            candidates.append(sorted(run))
        run.clear()

    for op, av in items:
        char = _single_char(op, av)
        words = [char] if char is not None else _literal_alternatives(op, av) or _class_chars(op, av)
        if words is not None and len(run or {""}) * len(words) <= _MAX_SPELLINGS:
            grown = {r + w for r in (run or {""}) for w in words}
            run.clear()
            run.update(grown)  # "(sign|adopt)ed" is "signed" or "adopted"
            continue
        if run and op is C.BRANCH:
            # "ha(?:s|ve|d(?=...))", as re factors "has|have|had": each match
            # holds the run and one alternative's opening letters.
            openings = {r + _opening(list(alt)) for r in run for alt in av[1]}
            if len(openings) <= _MAX_SPELLINGS:
                candidates.append(sorted(openings))
        close_run()
        if words is not None:
            candidates.append(sorted(words))
        elif op is C.SUBPATTERN:  # matched exactly once: each of its parts is required
            candidates.extend(_requirements(list(av[-1])))
        elif op in _REPEATS and av[0] >= 1:
            candidates.extend(_requirements(list(av[2])))
        elif op is C.BRANCH:
            alternatives: list[str] = []
            for alt in av[1]:
                got = _best(_requirements(list(alt)))
                if not got:
                    break
                alternatives.extend(got)
            else:
                candidates.append(alternatives)
        # classes, anchors, lookarounds, backreferences: no literal
    close_run()
    return candidates


_MAX_SPELLINGS = 64


def _literal_alternatives(op, av) -> list[str] | None:
    """The texts an alternation of plain words can match ("will|could"), or None."""
    if op is C.SUBPATTERN:
        inner = list(av[-1])
        return _literal_alternatives(*inner[0]) if len(inner) == 1 else _literal_text(inner)
    if op is not C.BRANCH:
        return None
    texts = [_literal_text(list(alt)) for alt in av[1]]
    return None if any(t is None for t in texts) else [t[0] for t in texts]  # type: ignore[index]


def _opening(items: list) -> str:
    """The literal letters a sequence starts with ("" if none)."""
    chars = []
    for op, av in items:
        char = _single_char(op, av)
        if char is None:
            break
        chars.append(char)
    return "".join(chars)


def _literal_text(items: list) -> list[str] | None:
    """[the text] when every item is one literal character, else None."""
    text = _opening(items)
    return [text] if len(text) == len(items) else None


_DIGITS = "0123456789"
_MAX_CLASS = 12  # larger classes ("[a-z]") select nothing anyway


def _class_chars(op, av) -> list[str] | None:
    """The characters a class of non-letters can match ("[”\"]", "\\d"), or None."""
    if op is not C.IN or not av or av[0][0] is C.NEGATE:
        return None
    chars: set[str] = set()
    for kind, value in av:
        if kind is C.LITERAL and not chr(value).isalpha():
            chars.add(ascii_lower(chr(value)))
        elif kind is C.CATEGORY and value is C.CATEGORY_DIGIT:
            chars.update(_DIGITS)
        elif kind is C.RANGE and ord("0") <= value[0] <= value[1] <= ord("9"):
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return sorted(chars) if len(chars) <= _MAX_CLASS else None


def _best(candidates: list[list[str]]) -> list[str] | None:
    """The most selective requirement: the best worst literal, then fewest alternatives."""
    return max(candidates, key=lambda c: (_worst(c), -len(c))) if candidates else None


def _single_char(op, av) -> str | None:
    """The lowercase character this item matches, when it is one letter in
    either case ("w", "[Ww]") or one caseless character; else None."""
    if op is C.IN and all(o is C.LITERAL for o, _ in av):
        chars = {chr(code) for _, code in av}
        lowered = {c.lower() for c in chars}
        if len(lowered) == 1 and chars <= {next(iter(lowered)), next(iter(lowered)).upper()}:
            op, av = C.LITERAL, ord(next(iter(lowered)))
    if op is not C.LITERAL:
        return None
    char = chr(av)
    if not char.isascii() and char.lower() != char.upper():
        return None  # non-ASCII letters may match in another case
    return ascii_lower(char.lower())  # another script's digit reads as "0"


# Literals made only of these words occur on nearly every line of prose, so a
# prefilter on them saves nothing; any content word is a better choice.
_COMMON = frozenset(
    "the of in on at to a an and for that with by is was are were be as it from or "
    "this has have had will not".split()
)


# Symbols rare enough in prose that a line holding one is worth scanning.
_RARE_SYMBOLS = frozenset("%$€£¥№§;«»„°℃，、（）“”\"–—" + _DIGITS)


def _selectivity(literal: str) -> int:
    if any(c in _RARE_SYMBOLS for c in literal):
        return max(len(literal), 3)  # as selective as a short content word
    if len(literal.strip()) < 3:
        return 1  # "in", "th", "e ": on every line, and costly to index
    words = literal.split()
    if all(w in _COMMON for w in words):
        return 2  # still narrows a little, but below any content word
    return len(literal)


_ZERO_WIDTH = frozenset({C.AT, C.ASSERT, C.ASSERT_NOT})
_LEADING_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))*")
MIN_OPENING = 2  # shorter openings ("a", a digit) start at too many places to pay


def opening_literals(source: str) -> tuple[str, ...] | None:
    """Texts (lowercase) one of which every match of ``source`` starts with,
    or None: a long text is then searched only where one of them occurs."""
    try:
        prefixes = _prefixes(list(P.parse(source)))
    except Exception:  # noqa: BLE001 - an unusual pattern is simply scanned in full
        return None
    if not prefixes or min(len(p) for p in prefixes) < MIN_OPENING:
        return None
    return tuple(sorted(prefixes))


def fast_source(source: str) -> str:
    """``source`` with a lookahead for the words every match starts with, when
    the pattern opens with negative lookarounds.

    ``re`` skips ahead by first character only when a pattern starts by
    consuming text; one opening with ``\\b(?<!the )(?<!a )...`` runs every
    lookbehind at every word boundary. A leading ``(?=(?i:will|would|...))``
    fails at once where no match can start, and never changes what matches.
    """
    try:
        items = list(P.parse(source))
    except Exception:  # noqa: BLE001 - left for re.compile to report
        return source
    if not _costly_opening(items):
        return source
    prefixes = _prefixes(items)
    if not prefixes or min(len(p) for p in prefixes) < 2:
        return source
    flags = _LEADING_FLAGS.match(source).end()  # global flags must stay first
    return f"{source[:flags]}(?={_trie_regex(prefixes)}){source[flags:]}"


def _trie_regex(words: set[str]) -> str:
    """A regex matching any of ``words`` in either case, factored as a trie
    so each alternative opens with one character class and fails at once."""
    trie: dict = {}
    for word in sorted(words, key=len):
        node = trie
        for char in word:
            if node.get("") is True:
                break  # a shorter word already covers this one
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = True
    return _emit(trie)


def _emit(node: dict) -> str:
    branches = [_either_case(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _either_case(char: str) -> str:
    if char.isascii() and char.isalpha():
        return f"[{char}{char.upper()}]"
    if char == "0":  # also any other script's digit, which _single_char reads as "0"
        return r"[^\D1-9]"
    return re.escape(char)


def _costly_opening(items: list) -> bool:
    """Does the match open with two or more negative lookarounds and no
    positive lookbehind? (A positive lookbehind such as ``(?<=, )`` already
    fails fast; measured on the shipped rules, the lookahead then costs more.)"""
    negative = 0
    for op, av in _leading(items):
        if op is C.ASSERT and av[0] < 0:
            return False
        negative += op is C.ASSERT_NOT
    return negative >= 2


def _leading(items: list) -> list:
    """The zero-width items before the first consuming one."""
    out = []
    for op, av in items:
        if op is C.SUBPATTERN:
            return out + _leading(list(av[-1]))
        if op not in _ZERO_WIDTH:
            break
        out.append((op, av))
    return out


def _prefixes(items: list) -> set[str] | None:
    """Texts (lowercase) one of which starts every match of this sequence, or None."""
    run: list[str] = []
    for op, av in items:
        char = _single_char(op, av)
        if char is not None:
            run.append(char)
            continue
        if run:
            break
        if op in _ZERO_WIDTH:
            continue
        if op is C.SUBPATTERN:
            return _prefixes(list(av[-1]))
        if op in _REPEATS and av[0] >= 1:
            return _prefixes(list(av[2]))
        if op is C.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                got = _prefixes(list(alternative))
                if not got:
                    return None
                found |= got
            return found
        return None
    return {"".join(run)} if run else None


class LineFinder:
    """Line spans of a text that contain given literals, and where given
    openings occur.

    All the literals of a rule set are found in one pass (an Aho-Corasick
    automaton, pyahocorasick): a ``str.find`` loop per literal costs more
    than the regexes it saves on a long text with common literals. The
    automaton and its word numbering are built once per set of words
    (``_vocabulary``), so a short text pays only for its own hits.
    """

    def __init__(
        self,
        text: str,
        literals: Iterable[str] = (),
        openings: Iterable[str] = (),
        starts: list[int] | None = None,
    ) -> None:
        """``starts``: the text's line starts, when the caller has them."""
        self.lower = ascii_lower(text)
        self.starts = starts if starts is not None else [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        self.length = len(text)
        self._hits: list[_Hits] = []
        self._literals: set[str] = set()  # literals and openings indexed so far
        self._openings: set[str] = set()
        self._present: set[str] = set()  # those that occur in the text
        self._add(frozenset(literals), frozenset(openings))

    def _add(self, literals: frozenset[str], openings: frozenset[str]) -> None:
        if literals or openings:
            hits = _Hits(_vocabulary(literals, openings), self.lower, self.starts)
            self._hits.append(hits)
            self._literals |= literals
            self._openings |= openings
            self._present |= hits.present

    def _find(self, word: str, opening: bool) -> tuple[_Hits, int] | None:
        for hits in self._hits:
            number = hits.vocab.number.get(word)
            if number is not None and (hits.vocab.opening[number] if opening else hits.vocab.literal[number]):
                return hits, number
        return None

    def lines_with(self, groups: tuple[tuple[str, ...], ...]) -> Iterator[tuple[int, int]]:
        """(start, end) of each line holding a literal of every group, in
        order; end includes the line break."""
        yield from self.spans_of(self.line_numbers_with(groups))

    def line_numbers_with(self, groups: tuple[tuple[str, ...], ...]) -> list[int]:
        """The numbers of the lines holding a literal of every group, in order."""
        import numpy as np

        missing = frozenset(lit for group in groups for lit in group if lit not in self._literals)
        if missing:  # literals not given at construction: one more pass for them alone
            self._add(missing, frozenset())
        if any(self._present.isdisjoint(group) for group in groups):
            return []  # the common case on a short text, decided without numpy
        hits = self._lines_of(groups[0])
        for group in groups[1:]:
            if not len(hits):
                break
            hits = np.intersect1d(hits, self._lines_of(group), assume_unique=True)
        return hits.tolist()

    def spans_of(self, numbers: Iterable[int]) -> list[tuple[int, int]]:
        """(start, end) of each numbered line; end includes the line break."""
        starts = self.starts
        return [(starts[n], starts[n + 1] if n + 1 < len(starts) else self.length) for n in numbers]

    def openings_in(
        self, openings: tuple[str, ...], spans: list[tuple[int, int]] | None
    ) -> list[tuple[int, int]] | None:
        """(where an opening starts, end of its span) for each place one of
        ``openings`` starts inside ``spans`` (None: the whole text), in order;
        None when they start at so many places that scanning costs less."""
        import numpy as np

        missing = frozenset(o for o in openings if o not in self._openings)
        if missing:
            self._add(frozenset(), missing)
        if self._present.isdisjoint(openings):
            return []
        places = _sorted_set(
            np.concatenate([self._starts_of(o) for o in openings if o in self._present] + [np.empty(0, np.int64)])
        )
        if spans is None:
            if len(places) * ANCHOR_DENSITY > self.length:
                return None
            return [(p, self.length) for p in places.tolist()]
        bounds = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
        if len(places) * ANCHOR_DENSITY > int((bounds[:, 1] - bounds[:, 0]).sum()):
            return None
        k = np.searchsorted(bounds[:, 0], places, side="right") - 1
        inside = (k >= 0) & (places < bounds[np.maximum(k, 0), 1])
        return list(zip(places[inside].tolist(), bounds[k[inside], 1].tolist()))

    def _lines_of(self, literals: tuple[str, ...]):
        import numpy as np

        parts = []
        for literal in literals:
            if literal not in self._present:
                continue
            hits, number = self._find(literal, False)  # type: ignore[misc]
            parts.append(hits.lines[hits.line_bounds[number] : hits.line_bounds[number + 1]])
        return _sorted_set(np.concatenate(parts + [np.empty(0, np.int64)]))

    def _starts_of(self, opening: str):
        hits, number = self._find(opening, True)  # type: ignore[misc]
        ends = hits.ends[hits.end_bounds[number] : hits.end_bounds[number + 1]]
        return ends - (len(opening) - 1)


class _Vocabulary:
    """Words numbered in sorted order, the automaton that finds them, and
    which of them are literals (line filters) and which openings."""

    def __init__(self, literals: frozenset[str], openings: frozenset[str]) -> None:
        import ahocorasick
        import numpy as np

        self.words = sorted(literals | openings)
        self.number = {word: k for k, word in enumerate(self.words)}
        self.literal = np.array([w in literals for w in self.words], dtype=bool)
        self.opening = np.array([w in openings for w in self.words], dtype=bool)
        self.automaton = ahocorasick.Automaton()
        for number, word in enumerate(self.words):
            self.automaton.add_word(word, number)
        self.automaton.make_automaton()


@lru_cache(maxsize=8)
def _vocabulary(literals: frozenset[str], openings: frozenset[str]) -> _Vocabulary:
    return _Vocabulary(literals, openings)


class _Hits:
    """One automaton pass over a text: for each word, the lines holding it
    (literals) and where it ends (openings), grouped by word number."""

    def __init__(self, vocab: _Vocabulary, lower: str, line_starts: list[int]) -> None:
        import numpy as np

        self.vocab = vocab
        ends: list[int] = []
        numbers: list[int] = []
        for end, number in vocab.automaton.iter(lower):
            ends.append(end)
            numbers.append(number)
        found_ends = np.asarray(ends, dtype=np.int64)
        found = np.asarray(numbers, dtype=np.int64)
        self.present = {vocab.words[n] for n in set(numbers)}
        every_word = np.arange(len(vocab.words) + 1)
        # Lines only for the literals' hits: openings can have many more.
        mine = vocab.literal[found] if len(found) else np.zeros(0, dtype=bool)
        line = np.searchsorted(np.asarray(line_starts), found_ends[mine], side="right") - 1
        keys = _sorted_set(found[mine] * (len(line_starts) + 1) + line)
        which, self.lines = np.divmod(keys, len(line_starts) + 1)
        self.line_bounds = np.searchsorted(which, every_word)
        order = np.argsort(found, kind="stable")  # the automaton reports ends in order
        self.ends = found_ends[order]
        self.end_bounds = np.searchsorted(found[order], every_word)


# Search from each place an opening occurs only where they are sparser than
# one per this many characters: at more places, calling ``re`` at each costs
# more than letting it scan (measured on the shipped rules, 100k words).
ANCHOR_DENSITY = 10


def _sorted_set(values):
    """``np.unique`` for integers, by sorting: numpy's hash-based unique is
    several times slower on the many small arrays the matcher asks for."""
    import numpy as np

    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values
