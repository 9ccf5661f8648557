"""Compiled regular expressions saved beside the rule packs.

Python compiles a pattern in two steps: it parses the pattern and emits the
regex engine's code in pure Python (about 0.7 ms a pattern, 3.5 s for the
5,300 patterns of the shipped packs), then builds the matcher from that code
in C (about 5 µs). The code depends only on the pattern's text and the
interpreter, so `normalize rules --write-index` saves it in ``_compiled.bin``
and loading a pattern skips the first step. A cache written by another
interpreter (other engine opcodes) is ignored, and a pattern not in it (a
user's own pack, an edited rule) is compiled by ``re`` as usual.
tests/test_rule_examples.py checks that every cached pattern is what ``re``
compiles.
"""

from __future__ import annotations

import marshal
import re
import sys
import zlib
from array import array
from pathlib import Path

CACHE_NAME = "_compiled.bin"
FORMAT = 1

# (flags, groups, group names, the engine's code as zlib-packed machine words)
Entry = tuple[int, int, tuple[tuple[str, int], ...], bytes]


def interpreter_key() -> tuple:
    """What the saved code is valid for: the interpreter and its regex engine."""
    import _sre

    return (FORMAT, sys.implementation.name, sys.version_info[:2], _sre.MAGIC, _sre.CODESIZE)


# Saved entries of every rule folder loaded so far, by pattern text (the
# same text compiles to the same code whichever pack it comes from).
_SAVED: dict[str, Entry] = {}


def load_saved(folder: Path) -> int:
    """Add the cache in ``folder`` to the saved patterns; returns how many it
    held (0 when absent, unreadable or written by another interpreter)."""
    try:
        data = marshal.loads((folder / CACHE_NAME).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return 0
    if not isinstance(data, dict) or data.get("key") != interpreter_key() or not isinstance(data.get("patterns"), dict):
        return 0
    _SAVED.update(data["patterns"])
    return len(data["patterns"])


def compile_pattern(source: str) -> re.Pattern[str]:
    """``re.compile(source)``, from saved engine code where there is some."""
    entry = _SAVED.get(source)
    if entry is not None:
        try:
            return _from_code(source, entry)
        except (RuntimeError, TypeError, ValueError, zlib.error):  # a damaged entry: compile afresh
            _SAVED.pop(source, None)
    return re.compile(source)


def _from_code(source: str, entry: Entry) -> re.Pattern[str]:
    import _sre

    flags, groups, names, packed = entry
    code = array("I" if _sre.CODESIZE == 4 else "H", zlib.decompress(packed)).tolist()
    groupindex = dict(names)
    indexgroup = [None] * (groups + 1)
    for name, number in names:
        indexgroup[number] = name
    return _sre.compile(source, flags, code, groups, groupindex, tuple(indexgroup))


def engine_code(source: str) -> Entry | None:
    """What ``re`` compiles ``source`` to, as a cache entry; None where this
    interpreter's ``re`` has no separate parse and code steps to reuse."""
    try:
        import _sre
        from re import _compiler, _parser  # Python 3.11+
    except ImportError:
        return None
    parsed = _parser.parse(source, 0)
    code = _compiler._code(parsed, 0)
    names = tuple(sorted(parsed.state.groupdict.items(), key=lambda item: item[1]))
    packed = zlib.compress(array("I" if _sre.CODESIZE == 4 else "H", code).tobytes(), 6)
    return (parsed.state.flags, parsed.state.groups - 1, names, packed)


def write_cache(folder: Path, sources: set[str]) -> int:
    """Save the engine code of every pattern in ``sources``; returns how many."""
    entries = {s: e for s in sorted(sources) if (e := engine_code(s)) is not None}
    path = folder / CACHE_NAME
    if not entries:
        path.unlink(missing_ok=True)
        return 0
    path.write_bytes(marshal.dumps({"key": interpreter_key(), "patterns": entries}))
    return len(entries)
