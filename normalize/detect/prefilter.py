"""Literal prefilters: run a rule's regex only on lines that could match.

Python's ``re`` scans every position of the text for every rule, which is slow
for hundreds of case-insensitive patterns. Most rule patterns contain literal
text that every match must include ("in his turn", "territory"). We derive,
from the parsed pattern, a short list of literals of which any match contains
at least one, find those with ``str.find`` (fast, in C) on an ASCII-lowercased
copy of the text, and run the regex only on the lines where they occur.
A pattern with no such literal is scanned in full, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

try:  # Python 3.11+
    import re._constants as C
    import re._parser as P
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_MIN_USEFUL = 3  # literals shorter than this select too many lines to help


def ascii_lower(text: str) -> str:
    """Lowercase ASCII letters only, so offsets stay the same."""
    return text.translate(_ASCII_LOWER)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals (lowercase) of which every match contains one, or None."""
    try:
        parsed = P.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except Exception:  # noqa: BLE001 - an unusual pattern simply gets no prefilter
        return None
    found = _required(list(parsed))
    if not found or min(_selectivity(s) for s in found) < _MIN_USEFUL:
        return None
    return tuple(sorted(set(found)))


def _required(items: list) -> list[str] | None:
    candidates: list[list[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(["".join(run)])
            run.clear()

    for op, av in items:
        if op is C.LITERAL:
            char = chr(av)
            if not char.isascii() and char.lower() != char.upper():
                close_run()  # non-ASCII letters may match in another case
                continue
            run.append(char.lower())
            continue
        close_run()
        sub = _required_of(op, av)
        if sub:
            candidates.append(sub)
    close_run()
    if not candidates:
        return None
    # The most selective requirement: the best worst literal, then fewest alternatives.
    return max(candidates, key=lambda c: (min(_selectivity(s) for s in c), -len(c)))


# Literals made only of these words occur on nearly every line of prose, so a
# prefilter on them saves nothing; any content word is a better choice.
_COMMON = frozenset(
    "the of in on at to a an and for that with by is was are were be as it from or "
    "this has have had will not".split()
)


# Symbols rare enough in prose that a line holding one is worth scanning.
_RARE_SYMBOLS = frozenset("%$€£¥№§")


def _selectivity(literal: str) -> int:
    if any(c in _RARE_SYMBOLS for c in literal):
        return max(len(literal), _MIN_USEFUL)
    words = literal.split()
    if not words or all(w in _COMMON for w in words):
        return min(len(literal), 2)  # still usable, but below any content word
    return len(literal)


def _required_of(op, av) -> list[str] | None:
    if op is C.SUBPATTERN:
        return _required(list(av[-1]))
    if op is C.BRANCH:
        alternatives: list[str] = []
        for alt in av[1]:
            got = _required(list(alt))
            if not got:
                return None
            alternatives.extend(got)
        return alternatives
    if op in _REPEATS:
        low, _high, body = av
        return _required(list(body)) if low >= 1 else None
    return None  # classes, anchors, lookarounds, backreferences: no literal


class LineFinder:
    """Line spans of a text that contain given literals.

    All the literals of a rule set are found in one pass (an Aho-Corasick
    automaton, pyahocorasick): a ``str.find`` loop per literal costs more
    than the regexes it saves on a long text with common literals.
    """

    def __init__(self, text: str, literals: Iterable[str] = ()) -> None:
        import numpy as np

        self.lower = ascii_lower(text)
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        self.length = len(text)
        self._lines: dict[str, np.ndarray] = {}
        self._index(sorted(set(literals)))

    def _index(self, literals: list[str]) -> None:
        import ahocorasick
        import numpy as np

        if not literals:
            return
        automaton = ahocorasick.Automaton()
        for number, literal in enumerate(literals):
            automaton.add_word(literal, number)
        automaton.make_automaton()
        ends: list[int] = []
        numbers: list[int] = []
        for end, number in automaton.iter(self.lower):
            ends.append(end)
            numbers.append(number)
        line = np.searchsorted(np.asarray(self.starts), np.asarray(ends, dtype=np.int64), side="right") - 1
        keys = np.unique(np.asarray(numbers, dtype=np.int64) * (len(self.starts) + 1) + line)
        found, lines = np.divmod(keys, len(self.starts) + 1)
        bounds = np.searchsorted(found, np.arange(len(literals) + 1))
        for number, literal in enumerate(literals):
            self._lines[literal] = lines[bounds[number] : bounds[number + 1]]

    def lines_with(self, literals: tuple[str, ...]) -> Iterator[tuple[int, int]]:
        """(start, end) of each line holding a literal, in order; end includes the line break."""
        import numpy as np

        missing = sorted({lit for lit in literals if lit not in self._lines})
        if missing:  # literals not given at construction: one more pass for them alone
            self._index(missing)
        hits = np.unique(np.concatenate([self._lines[lit] for lit in literals] + [np.empty(0, np.int64)]))
        starts = self.starts
        for line in hits.tolist():
            end = starts[line + 1] if line + 1 < len(starts) else self.length
            yield starts[line], end
