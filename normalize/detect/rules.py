"""Rule packs: YAML data in ``rules/``, compiled once, matched over a document.

A pack is one YAML file per family::

    family: calques
    rules:
      - id: WC301
        category: calque
        severity: warning          # error | warning | info (default warning)
        message: Why this reads as translated, and what a native writer says.
        pattern: '(?i)\\bin (his|her|their) turn,?\\s'
        replace: ['For \\1 part, ']  # Python match.expand templates; [] = flag only;
                                   # \\u\\1 / \\l\\1: group 1 with its first letter upper/lowercased;
                                   # \\a\\1: group 1, an auxiliary, in the other number (is <-> are)
        applicability: unsafe      # safe = applied by `fix`; unsafe = suggestion only
        names: false               # may the match touch capitalised names? (default no)
        exceptions: ['regex', ...] # a match covered by one of these is skipped
        examples:
          - {bad: "...", good: "..."}
          - {ok: "..."}

Patterns are Python ``re`` regular expressions matched against each line of
the raw text alone: ``^`` and ``$`` mean the line's start and end, and no
match or lookaround reaches into another line. Exceptions are matched
against the match's line alone too.
"""

from __future__ import annotations

import bisect
import marshal
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import accumulate
from importlib import resources
from pathlib import Path
from typing import Any

from normalize.detect.prefilter import (
    LineFinder,
    _vocabulary,
    ascii_lower,
    fast_source,
    opening_literals,
    required_literal_sets,
)
from normalize.detect.regex_cache import compile_pattern, load_saved, write_cache
from normalize.errors import RulePackError
from normalize.nouns import indefinite_article
from normalize.types import LINE_BREAKS, Applicability, Finding, Severity

CATEGORIES = frozenset(
    {
        "article", "preposition", "calque", "word-order", "tense", "agreement",
        "predicate", "redundancy", "collocation", "punctuation", "typography",
        "spelling", "fluency",
    }
)
_RULE_KEYS = frozenset(
    {"id", "category", "severity", "message", "pattern", "replace", "applicability",
     "names", "exceptions", "examples", "preserve_case", "note", "requires"}
)
_ID = re.compile(r"^[A-Z]{2,4}\d{3}$")


@dataclass(frozen=True)
class Example:
    bad: str | None = None
    good: str | None = None
    ok: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    category: str
    severity: Severity
    message: str
    source: str  # the regular expression, compiled on first use
    replacements: tuple[str, ...]
    applicability: Applicability
    names: bool = False
    preserve_case: bool = True
    exception_sources: tuple[str, ...] = ()
    examples: tuple[Example, ...] = field(default=(), compare=False)
    # Literals of which every match holds one (None: no prefilter), from the
    # pack index or computed at load; lets a rule be skipped uncompiled.
    literals: tuple[str, ...] | None = field(default=None, compare=False)
    # Further literal sets every match also holds one of: a line must have all.
    also: tuple[tuple[str, ...], ...] = field(default=(), compare=False)
    # The pattern with a lookahead that lets re skip ahead (prefilter.fast_source),
    # worked out when the index is written; None: compile ``source`` as it is.
    fast: str | None = field(default=None, compare=False)
    # Texts one of which every match starts with (prefilter.opening_literals):
    # a long text is searched only from where one occurs. None: scanned.
    openings: tuple[str, ...] | None = field(default=None, compare=False)

    @property
    def literal_groups(self) -> tuple[tuple[str, ...], ...]:
        """Every literal set a match holds one of; empty when there is no prefilter."""
        return (self.literals, *self.also) if self.literals is not None else ()

    @cached_property
    def line_groups(self) -> tuple[tuple[str, ...], ...]:
        """The literal sets worth looking up line by line in a long text: a
        set with a one- or two-letter literal ("he", "in", "at") is on nearly
        every line, and such literals were two fifths of the automaton's hits
        on 100k words of wire copy. Short marks ("%", "km", "–") stay: they
        are rare, and so are non-ASCII letters ("º")."""
        return tuple(g for g in self.literal_groups if not any(len(x) < LINE_LITERAL_MIN and x.isascii() and x.isalpha() for x in g))

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return compile_pattern(self.fast or self.source)

    @cached_property
    def exceptions(self) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_pattern(e) for e in self.exception_sources)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def select(self, enable: set[str] | None = None, disable: set[str] | None = None) -> "RuleSet":
        """Keep rules whose id or family matches ``enable`` and not ``disable``.

        Entries may be full ids (``WC301``), prefixes (``WC3``) or family names.
        """

        def hit(rule: Rule, keys: set[str]) -> bool:
            return any(rule.id.startswith(k) or rule.family == k for k in keys)

        # A typo would silently select nothing (or ignore nothing): refuse it.
        # ("model-…" ids name the model's families, which no rule matches.)
        for key in sorted((enable or set()) | (disable or set())):
            if not key.startswith("model") and not any(hit(r, {key}) for r in self.rules):
                raise RulePackError(f"--select/--ignore {key!r} matches no rule id, id prefix or family")

        chosen = [
            r for r in self.rules
            if (not enable or hit(r, enable)) and not (disable and hit(r, disable))
        ]
        return RuleSet(tuple(chosen))


# ---------------------------------------------------------------- loading


def default_rules_dir() -> Path:
    """The shipped packs: ``normalize/rules`` in an installed wheel, or the
    top-level ``rules/`` of a source checkout (which ``python -m pytest`` in
    the checkout imports instead of the installed package)."""
    package = Path(str(resources.files("normalize")))
    installed = package / "rules"
    if installed.is_dir():
        return installed
    return package.parent / "rules"


@lru_cache(maxsize=8)
def load_rules(directory: str | None = None) -> RuleSet:
    """Load every ``*.yaml`` pack in ``directory`` (default: the shipped packs)."""
    folder = Path(directory) if directory else default_rules_dir()
    if folder.is_file():
        raise RulePackError(f"{folder}: is a file; --rules takes the folder that holds the *.yaml packs")
    if not folder.is_dir():
        raise RulePackError(f"{folder}: rule folder not found")
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise RulePackError(f"{folder}: no rule packs (*.yaml) in this folder")
    load_saved(folder)
    saved = _saved_packs(folder)
    index: dict[str, dict] | None = None
    packs: dict[str, dict] = {}
    for path in files:
        entry = saved.get(path.name)
        if entry is not None and entry[0] == _digest(path.read_bytes()):
            pack_rules = [_rule_from_record(record) for record in entry[1]]
        else:  # a pack edited since the cache was written, or a user's own
            if index is None:
                index, packs = read_index(folder)
            pack_rules = load_pack(path, index, packs)
        for rule in pack_rules:
            if rule.id in seen:
                raise RulePackError(f"{path.name}: rule id {rule.id} already used in {seen[rule.id]}")
            seen[rule.id] = path.name
            rules.append(rule)
    return RuleSet(tuple(rules))


INDEX_NAME = "_index.json"
INDEX_VERSION = 5


def read_index(folder: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    """What compiling each pattern told us last time: literals, groups.

    Patterns found in the index are trusted (the test suite compiles every
    shipped pattern) and compiled only when a text could match them, which
    keeps a one-sentence `check` from compiling hundreds of regexes. Patterns
    not in it (a user's own packs, an edited rule) are compiled and checked
    at load. `normalize rules --write-index` refreshes it.
    """
    import json

    try:
        data = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, {}
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        return {}, {}
    return data.get("patterns", {}), data.get("packs", {})


def write_index(folder: Path) -> int:
    """Compile every pattern in ``folder`` and record the index; returns its size."""
    import json

    load_rules.cache_clear()
    patterns: dict[str, dict] = {}
    packs: dict[str, dict] = {}
    for path in sorted(folder.glob("*.yaml")):
        raw = path.read_bytes()
        packs[path.name] = {"sha256": _digest(raw), "data": _parse_yaml(path.name, raw)}
        for rule in load_pack(path, {}, packs):  # parses nothing twice: the entry above matches
            patterns[rule.source] = _describe(re.compile(rule.source))
            for source in rule.exception_sources:
                patterns[source] = _describe(re.compile(source))
    body = {"version": INDEX_VERSION, "patterns": dict(sorted(patterns.items())), "packs": packs}
    (folder / INDEX_NAME).write_text(json.dumps(body, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    load_rules.cache_clear()
    _write_saved_packs(folder)
    loaded = load_rules(str(folder)).rules
    load_rules.cache_clear()
    # What rules compile: the fast variant the index now records, and exceptions.
    write_cache(folder, {s for rule in loaded for s in (rule.fast or rule.source, *rule.exception_sources)})
    return len(patterns)


# The parsed rules of each pack, saved by `write_index` with the pack's digest:
# parsing 4,600 rules from the index took a one-sentence `check` 0.4 s, and
# rebuilding them from plain tuples (marshal) takes a tenth of that.
RULES_CACHE = "_rules.bin"
_RULES_CACHE_KEY = (1, INDEX_VERSION, marshal.version)


def _rule_record(rule: Rule) -> tuple:
    return (
        rule.id, rule.family, rule.category, rule.severity.value, rule.message, rule.source,
        rule.replacements, rule.applicability.value, rule.names, rule.preserve_case,
        rule.exception_sources, tuple((e.bad, e.good, e.ok) for e in rule.examples),
        rule.literals, rule.also, rule.fast, rule.openings,
    )


def _rule_from_record(record: tuple) -> Rule:
    (rule_id, family, category, severity, message, source, replacements, applicability, names,
     preserve_case, exception_sources, examples, literals, also, fast, openings) = record
    return Rule(
        rule_id, family, category, Severity(severity), message, source, replacements,
        Applicability(applicability), names, preserve_case, exception_sources,
        tuple(Example(*e) for e in examples), literals, also, fast, openings,
    )


def _saved_packs(folder: Path) -> dict[str, tuple[str, list[tuple]]]:
    """Pack name -> (its digest, its rules as records); empty when there is
    no cache or it is unreadable or of another format."""
    try:
        data = marshal.loads((folder / RULES_CACHE).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("key") != _RULES_CACHE_KEY or not isinstance(data.get("packs"), dict):
        return {}
    return data["packs"]


def _write_saved_packs(folder: Path) -> None:
    index, packs = read_index(folder)
    saved = {
        path.name: (_digest(path.read_bytes()), [_rule_record(rule) for rule in load_pack(path, index, packs)])
        for path in sorted(folder.glob("*.yaml"))
    }
    (folder / RULES_CACHE).write_bytes(marshal.dumps({"key": _RULES_CACHE_KEY, "packs": saved}))


def _describe(pattern: re.Pattern[str]) -> dict:
    sets = required_literal_sets(pattern)
    return {
        "literals": list(sets[0]) if sets else None,
        "also": [list(s) for s in sets[1:]],
        "fast": fast if (fast := fast_source(pattern.pattern)) != pattern.pattern else None,
        "openings": list(found) if (found := opening_literals(pattern.pattern)) else None,
        "groups": pattern.groups,
        "names": sorted(pattern.groupindex),
    }


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _parse_yaml(name: str, raw: bytes) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(raw.decode("utf-8"), Loader=loader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        detail = " ".join(str(exc).split())
        raise RulePackError(f"{name}: not valid YAML ({detail[:160]})") from None


def load_pack(
    path: Path, index: dict[str, dict] | None = None, packs: dict[str, dict] | None = None
) -> list[Rule]:
    # The index keeps each pack already parsed (YAML parsing is slow in
    # Python); a pack whose bytes changed since is parsed afresh.
    raw = path.read_bytes()
    cached = (packs or {}).get(path.name)
    if cached and cached.get("sha256") == _digest(raw):
        data = cached["data"]
    else:
        data = _parse_yaml(path.name, raw)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulePackError(f"{path.name}: a rule pack needs a top-level 'rules:' list")
    family = str(data.get("family") or path.stem)
    return [_parse_rule(path.name, family, i, raw, index or {}) for i, raw in enumerate(data["rules"])]


def _parse_rule(pack: str, family: str, index: int, raw: Any, known: dict[str, dict]) -> Rule:
    where = f"{pack}: rule #{index + 1}"
    if not isinstance(raw, dict):
        raise RulePackError(f"{where}: must be a mapping")
    rule_id = str(raw.get("id", ""))
    if not _ID.match(rule_id):
        raise RulePackError(f"{where}: id {rule_id!r} must look like WC101")
    where = f"{pack}: {rule_id}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("category", "message", "pattern"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RulePackError(f"{where}: '{key}' is required and must be text")
    category = raw["category"]
    if category not in CATEGORIES:
        raise RulePackError(f"{where}: unknown category {category!r}")
    source = raw["pattern"]
    shape = known.get(source) or _describe(_compile(where, source))
    replacements = raw.get("replace", [])
    if isinstance(replacements, str):
        replacements = [replacements]
    if not isinstance(replacements, list) or not all(isinstance(r, str) for r in replacements):
        raise RulePackError(f"{where}: 'replace' must be text or a list of text")
    for template in replacements:
        _check_template(where, shape, template)
    exceptions = raw.get("exceptions", []) or []
    if isinstance(exceptions, str):
        exceptions = [exceptions]  # as 'replace' takes one template bare
    if not isinstance(exceptions, list) or not all(isinstance(e, str) for e in exceptions):
        raise RulePackError(f"{where}: 'exceptions' must be a regular expression or a list of them")
    exceptions = tuple(exceptions)
    for exception in exceptions:
        if exception not in known:
            _compile(where, exception)
    literals = shape.get("literals")
    if raw.get("requires") is not None:
        literals = _declared_literals(where, raw["requires"])
    return Rule(
        id=rule_id,
        family=family,
        category=category,
        severity=_enum(where, Severity, raw.get("severity", "warning")),
        message=" ".join(raw["message"].split()),
        source=source,
        replacements=tuple(replacements),
        applicability=_enum(where, Applicability, raw.get("applicability", "unsafe")),
        names=bool(raw.get("names", False)),
        preserve_case=bool(raw.get("preserve_case", True)),
        exception_sources=exceptions,
        examples=_parse_examples(where, raw.get("examples")),
        literals=tuple(literals) if literals is not None else None,
        also=tuple(tuple(s) for s in shape.get("also", ())),
        fast=shape.get("fast"),
        openings=tuple(shape["openings"]) if shape.get("openings") else None,
    )


def _declared_literals(where: str, raw: Any) -> list[str]:
    """A rule author's ``requires``: text of which every match contains one
    (lower case), for patterns whose literals sit in lookarounds, where the
    prefilter cannot find them. tests/test_prefilter.py checks that
    prefiltered and full scans agree on every example."""
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) and x for x in raw):
        raise RulePackError(f"{where}: 'requires' must be a list of text")
    if any(x != x.lower() for x in raw):
        raise RulePackError(f"{where}: 'requires' must be lower case (the prefilter lowercases the text)")
    return [ascii_lower(x) for x in raw]  # as the prefilter reads the text: "٣" is "0"


def _compile(where: str, source: Any) -> re.Pattern[str]:
    if not isinstance(source, str):
        raise RulePackError(f"{where}: patterns must be text")
    try:
        return re.compile(source)
    except re.error as exc:
        raise RulePackError(f"{where}: bad regular expression ({exc})") from None


_TEMPLATE_ESCAPE = re.compile(r"\\(?:\d+|g<\w+>|[\\ntr]|[ula](?=\\(?:\d+|g<\w+>)))")


def _check_template(where: str, shape: dict, template: str) -> None:
    stray = _TEMPLATE_ESCAPE.sub("", template)
    if "\\" in stray:
        raise RulePackError(f"{where}: replacement has an unknown escape near {stray[stray.index(chr(92)):][:4]!r}")
    refs = re.findall(r"\\(\d+)|\\g<(\w+)>", template)
    for number, name in refs:
        ref = number or name
        if ref.isdigit() and int(ref) > shape["groups"]:
            raise RulePackError(f"{where}: replacement refers to missing group \\{ref}")
        if not ref.isdigit() and ref not in shape["names"]:
            raise RulePackError(f"{where}: replacement refers to missing group <{ref}>")


def _enum(where: str, enum: type, value: Any):
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise RulePackError(f"{where}: {value!r} is not one of {choices}") from None


def _parse_examples(where: str, raw: Any) -> tuple[Example, ...]:
    if not isinstance(raw, list) or not raw:
        raise RulePackError(f"{where}: needs 'examples' (a bad/good pair and an ok sentence)")
    examples = []
    for item in raw:
        if not isinstance(item, dict) or not set(item) <= {"bad", "good", "ok"}:
            raise RulePackError(f"{where}: each example is {{bad, good}} or {{ok}}")
        examples.append(Example(item.get("bad"), item.get("good"), item.get("ok")))
    if not any(e.bad is not None for e in examples) or not any(e.ok is not None for e in examples):
        raise RulePackError(f"{where}: needs at least one bad example and one ok example")
    return tuple(examples)


# ---------------------------------------------------------------- matching


class Protector:
    """Decides which character positions rules may not touch.

    Accepted phrases (``--accept``) are never touched by any rule.  Capitalised
    words that do not start a sentence are taken as names, and only rules that
    declare ``names: true`` (rules about titles and place names) may edit them.
    """

    def __init__(self, text: str, accept: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.accepted: list[tuple[int, int]] = []
        for phrase in accept:
            pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
            self.accepted.extend(m.span() for m in pattern.finditer(text))
        self.accepted.sort()

    def allows(self, start: int, end: int, names: bool) -> bool:
        if any(s < max(end, start + 1) and start < e for s, e in self.accepted):
            return False
        if names:
            return True
        return not self._touches_name(start, end)

    def _touches_name(self, start: int, end: int) -> bool:
        text = self.text
        for i in range(start, end):
            ch = text[i]
            if ch.isupper() and (i == 0 or not text[i - 1].isalnum()):
                if not self._sentence_initial(i):
                    return True
        return False

    def _sentence_initial(self, i: int) -> bool:
        j = i - 1
        text = self.text
        dash = -1
        while j >= 0 and text[j] in " \t\"'“‘«(–—-":
            if text[j] in "–—-" and dash < 0:
                dash = j
            j -= 1
        if j < 0 or text[j] in ".!?:;\r\n":
            return True
        # The first word after a dateline's dash opens the story's sentence:
        # "ASTANA, March 3 (Kazinform) – In his turn, ..."
        line_start = max(text.rfind("\n", 0, i), text.rfind("\r", 0, i)) + 1
        return dash > 0 and _DATELINE.match(text, line_start, dash) is not None


# A dateline before its dash: a place in capitals, maybe a date, maybe the
# agency in brackets ("MOSCOW, June 3 (TASS)", "ASTANA (Kazinform)", "SANA").
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z'’.\- ]*[A-Z.](?:,[^–—()\n]{1,30})?(?:\s*\([^()\n]{1,40}\))?\s*$|\s*\([^()\n]{1,40}\)\s*$"
)


# From here on each rule runs only on the lines holding its literals (found in
# one Aho-Corasick pass); below, a rule whose literals occur anywhere runs on
# every line. Rules see each line alone either way, so this is only a question
# of speed (benchmarks/model_speed.md).
PREFILTER_MIN_CHARS = 2_000
LINE_LITERAL_MIN = 3  # shorter literals do not narrow a long text's lines: see Rule.line_groups


PARALLEL_MIN_CHARS = 200_000  # below this, forking workers costs more than it saves


def find_with_rules(
    text: str, ruleset: RuleSet, accept: frozenset[str] = frozenset(), jobs: int | None = None
) -> list[Finding]:
    """Every finding of every rule in ``ruleset`` over ``text``.

    Long texts are matched by several processes, each taking every n-th rule
    (``jobs``: default one per core, at most 4; ``NORMALIZE_JOBS`` overrides).
    """
    # Python's (?m)^ and $ know only "\n": with CR line ends (old Mac files)
    # a rule anchored to a line start would not see one. "\r" -> "\n" keeps
    # every offset, and no match or rewrite ever holds a line end.
    text = text.replace("\r", "\n")
    jobs = _jobs(jobs) if len(text) >= PARALLEL_MIN_CHARS else 1
    if jobs > 1:
        findings = _parallel_findings(text, ruleset, accept, jobs)
    else:
        findings = _findings_for(text, ruleset.rules, accept)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


class Lines:
    """The lines of a text whose line ends are all "\\n". A rule matches each
    line as if it were the whole text: a lookahead stops at the line's end, a
    lookbehind at its start, and ``^``/``$`` match there. So a line's findings
    depend on the line alone, however long the document and whichever lines
    the prefilter picks, and `fix` may re-check only the lines it changed."""

    def __init__(self, text: str) -> None:
        self.texts = text.split("\n")
        self.starts = list(accumulate((len(line) + 1 for line in self.texts[:-1]), initial=0))

    def number(self, pos: int) -> int:
        """The number of the line holding position ``pos``."""
        return bisect.bisect_right(self.starts, pos) - 1


def _findings_for(text: str, rules: Iterable[Rule], accept: frozenset[str]) -> list[Finding]:
    rules = list(rules)
    protector, finder, lines = _shared_state(text, rules, accept)
    lower = finder.lower if finder is not None else ascii_lower(text)
    every_line = range(len(lines.texts))
    findings: list[Finding] = []
    for rule in rules:
        numbers: Sequence[int] = every_line
        if rule.literals is not None:
            if finder is not None:
                if rule.line_groups:
                    numbers = finder.line_numbers_with(rule.line_groups)
            elif not all(any(lit in lower for lit in g) for g in rule.literal_groups):
                numbers = []
        if not numbers:
            continue  # no match is possible: not even compiled
        places = None
        if finder is not None and rule.openings:
            spans = None if numbers is every_line else finder.spans_of(numbers)
            places = finder.openings_in(rule.openings, spans)
        matches = _matches(rule, lines, numbers) if places is None else _matches_at(rule, lines, places)
        findings.extend(_rule_findings(rule, protector, matches))
    return findings


def _shared_state(text: str, rules: list[Rule], accept: frozenset[str]) -> tuple[Protector, LineFinder | None, Lines]:
    """What every rule's matching needs: protected spans, the lines, and
    (on a long text) the lines holding each literal."""
    lines = Lines(text)
    finder = LineFinder(text, *_prefilter_words(rules), starts=lines.starts) if len(text) >= PREFILTER_MIN_CHARS else None
    return Protector(text, accept), finder, lines


def _prefilter_words(rules: Iterable[Rule]) -> tuple[frozenset[str], frozenset[str]]:
    """The literals the line prefilter looks up and the openings matches start with."""
    rules = list(rules)
    return (
        frozenset(lit for rule in rules for group in rule.line_groups for lit in group),
        frozenset(opening for rule in rules for opening in rule.openings or ()),
    )


def _jobs(requested: int | None) -> int:
    import os

    if requested is None:
        env = os.environ.get("NORMALIZE_JOBS", "")
        requested = int(env) if env.isdigit() else min(4, os.cpu_count() or 1)
    return max(1, requested)


# Inherited by forked workers: the text, the rules, the accept list and the
# line-aligned pieces of the text they match.
_WORK: tuple[str, tuple[Rule, ...], frozenset[str], list[tuple[int, int]]] | None = None
CHUNKS_PER_JOB = 2  # workers take pieces as they finish: shares even out (more pieces cost more in all)


def _worker(index: int) -> list[Finding]:
    assert _WORK is not None
    text, rules, accept, pieces = _WORK
    start, end = pieces[index]
    found = _findings_for(text[start:end], rules, accept)
    return [replace(f, start=f.start + start, end=f.end + start) for f in found]


def _pieces(text: str, count: int) -> list[tuple[int, int]]:
    """About ``count`` (start, end) spans of similar length that cover
    ``text`` and end just after a line break (the last at the text's end)."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for k in range(1, count + 1):
        end = len(text) if k == count else text.find("\n", max(start, k * len(text) // count)) + 1
        if end <= start:  # no line break left: the rest is one piece
            end = len(text)
        if end > start:
            pieces.append((start, end))
        start = end
    return pieces


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and reports it
    in one line (each worker would otherwise print its own traceback), and die
    quietly on SIGTERM (the parent's handler, inherited by the fork, raises)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _parallel_findings(text: str, ruleset: RuleSet, accept: frozenset[str], jobs: int) -> list[Finding]:
    """The findings of ``_findings_for``, from workers that each match every
    rule on a piece of the text. A rule sees one line at a time (``Lines``)
    and a name or an accepted phrase lies within a line, so a piece cut at
    line breaks finds what the whole text finds there; each piece's prefilter
    pass is then done in parallel too."""
    import multiprocessing

    global _WORK
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: match in this process
        return _findings_for(text, ruleset.rules, accept)
    rules = ruleset.rules
    _vocabulary(*_prefilter_words(rules))  # the prefilter's automaton, built once here and inherited by every worker
    pieces = _pieces(text, jobs * CHUNKS_PER_JOB)
    _WORK = (text, rules, accept, pieces)
    try:
        with context.Pool(jobs, initializer=_ignore_interrupts) as pool:
            parts = pool.map(_worker, range(len(pieces)), chunksize=1)
    finally:
        _WORK = None
    return [f for part in parts for f in part]


LineMatch = tuple[int, str, re.Match[str]]  # the line's start, the line, a match in it


def _matches(rule: Rule, lines: Lines, numbers: Iterable[int]) -> Iterator[LineMatch]:
    """The rule's matches in the numbered lines, in order."""
    finditer = rule.pattern.finditer
    for number in numbers:
        start, line = lines.starts[number], lines.texts[number]
        for match in finditer(line):
            yield start, line, match


def _matches_at(rule: Rule, lines: Lines, places: list[tuple[int, int]]) -> Iterator[LineMatch]:
    """The matches ``_matches`` finds, trying only the places where one of the
    rule's openings starts: every match starts at one, and ``re`` at a given
    place of a line finds what its scan of the line would."""
    match_at = rule.pattern.match
    after = -1  # like finditer, no match starts inside the previous one
    start, line, next_start = 0, "", -1  # the line of the last place; places come in order
    for place, _ in places:
        if place < after:
            continue
        if not start <= place < next_start:
            number = lines.number(place)
            start, line = lines.starts[number], lines.texts[number]
            next_start = start + len(line) + 1
        match = match_at(line, place - start)
        if match is not None:
            after = max(start + match.end(), place + 1)
            yield start, line, match


def _rule_findings(
    rule: Rule, protector: Protector, matches: Iterable[LineMatch]
) -> list[Finding]:
    out: list[Finding] = []
    excepted: dict[int, list[tuple[int, int]]] = {}  # line start -> exception spans
    for offset, line, match in matches:
        m_start = offset + match.start()
        matched = match.group(0)
        if not LINE_BREAKS.isdisjoint(matched):
            continue
        if _excepted(rule, line, offset, match.span(), excepted):
            continue
        suggestions = [_render(rule, match, t) for t in rule.replacements]
        suggestions = [s for s in suggestions if s != matched and LINE_BREAKS.isdisjoint(s)]
        if rule.replacements and not suggestions:
            continue  # every rewrite equals the text: nothing to say
        start, end, trimmed = _minimal_span(m_start, matched, suggestions)
        if not protector.allows(start, end, rule.names):
            continue
        if rule.category == "article" and _inserts_article(matched, suggestions) and _in_headline(line):
            continue  # headlines drop articles by convention: "Putin meets Erdogan in Sochi"
        out.append(
            Finding(
                rule=rule.id,
                category=rule.category,
                severity=rule.severity,
                message=rule.message,
                start=start,
                end=end,
                suggestions=tuple(trimmed),
                applicability=rule.applicability,
            )
        )
    return out


_ARTICLE_WORDS = frozenset({"a", "an", "the"})
_LINE_END = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*\s*$")


def _inserts_article(matched: str, suggestions: list[str]) -> bool:
    """Does some suggestion only add "a", "an" or "the" to the matched words?"""
    have = matched.lower().split()
    for s in suggestions:
        words = s.lower().split()
        added = [w for w in words if w not in have or words.count(w) > have.count(w)]
        if added and set(added) <= _ARTICLE_WORDS:
            return True
    return False


def _in_headline(line: str) -> bool:
    """Is this a line of at most 20 words with no closing punctuation?"""
    return len(line.split()) <= 20 and not _LINE_END.search(line)


def _excepted(
    rule: Rule, line: str, line_start: int, span: tuple[int, int], cache: dict[int, list[tuple[int, int]]]
) -> bool:
    """Is the match (``span`` in ``line``) covered by one of the rule's
    exceptions? Their spans are found once per line (``cache``): a line with
    many matches would otherwise run every exception over it again for each one."""
    if not rule.exceptions:
        return False
    spans = cache.get(line_start)
    if spans is None:
        # Exceptions see the line alone, so ^ and $ mean its start and end.
        spans = cache[line_start] = [m.span() for exception in rule.exceptions for m in exception.finditer(line)]
    start, end = span
    return any(s <= start and end <= e for s, e in spans)


_CASE_OP = re.compile(r"\\([ul])(?=\\(?:\d+|g<\w+>))")
_NUMBER_OP = re.compile(r"\\a\\(?:(\d+)|g<(\w+)>)")
# One agreement rule covers every auxiliary: "\a\2" writes group 2 in the other number.
_OTHER_NUMBER = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't",
                 "hasn't": "haven't", "doesn't": "don't"}
_OTHER_NUMBER.update({plural: singular for singular, plural in list(_OTHER_NUMBER.items())})
_UPPER, _LOWER = "\x00U", "\x00L"
_CASE_MARK = re.compile("\x00([UL])(.?)", re.DOTALL)


def _render(rule: Rule, match: re.Match[str], template: str) -> str:
    own_article = _TEMPLATE_ARTICLE.search(template) is not None
    if "\\a" in template:
        template = _NUMBER_OP.sub(lambda m: _other_number(match.group(_group_ref(m))), template)
    # \u\1 / \l\1 change the case of the first letter of a group's text, so a
    # moved sentence-initial word can be lowercased ("Significantly ..." -> "... significantly").
    if "\\u" in template or "\\l" in template:
        template = _CASE_OP.sub(lambda m: _UPPER if m.group(1) == "u" else _LOWER, template)
    out = match.expand(template)
    if "\x00" in out:
        out = _CASE_MARK.sub(lambda m: m.group(2).upper() if m.group(1) == "U" else m.group(2).lower(), out)
    if own_article:
        out = _ARTICLE_BEFORE_WORD.sub(_agreeing_article, out)
    matched = match.group(0)
    if rule.preserve_case and matched[:1].isupper() and out[:1].islower():
        out = out[0].upper() + out[1:]
    return out


# A template's own "a"/"an" before a group ("A \l\1") agrees with the word the
# group brings: "Explosion occurred" -> "An explosion occurred", not "A explosion".
_TEMPLATE_ARTICLE = re.compile(r"(?<![\w\\])[Aa]n? (?=\\(?:[ul]\\)?(?:\d|g<))")
# Lower case anywhere, "A"/"An" only opening the text ("Group A and" is a label).
_ARTICLE_BEFORE_WORD = re.compile(r"(?:^([Aa])|\b(a))(n?) (?=([\w-]+))")


def _agreeing_article(m: re.Match[str]) -> str:
    word = m.group(4)
    if len(word) < 2 or not word[0].isalpha() or word[:2].isupper():
        return m.group(0)  # figures ("an 18 percent"), letters and acronyms ("a UNESCO site") as written
    return (m.group(1) or m.group(2)) + indefinite_article(word)[1:] + " "


def _group_ref(m: re.Match[str]) -> int | str:
    return int(m.group(1)) if m.group(1) else m.group(2)


def _other_number(word: str | None) -> str:
    """An auxiliary in the other number, keeping a capital; other words unchanged."""
    word = word or ""
    other = _OTHER_NUMBER.get(word.lower(), word)
    other = other[:1].upper() + other[1:] if word[:1].isupper() else other
    return other.replace("\\", "\\\\")


def _minimal_span(offset: int, matched: str, suggestions: list[str]) -> tuple[int, int, list[str]]:
    """Shrink the match to the part that any suggestion changes.

    Keeps edits from touching text they do not change, so neighbouring rules
    conflict less and nothing outside an edit can move.
    """
    if not suggestions:
        return offset, offset + len(matched), []
    prefix = min(_common_prefix(matched, s) for s in suggestions)
    suffix = min(_common_suffix(matched[prefix:], s[prefix:]) for s in suggestions)
    # Snap cuts that fall inside a word to its edge, so a finding reads
    # "fulfil -> fulfilled", not "+led".
    texts = [matched, *suggestions]
    while prefix > 0 and _cut_inside_word(texts, prefix, from_end=False):
        prefix -= 1
    while suffix > 0 and _cut_inside_word(texts, suffix, from_end=True):
        suffix -= 1
    start = offset + prefix
    end = offset + len(matched) - suffix
    trimmed = [s[prefix:len(s) - suffix] for s in suggestions]
    return start, end, trimmed


def _cut_inside_word(texts: list[str], keep: int, from_end: bool) -> bool:
    """Is a cut that keeps ``keep`` shared characters inside a word in any text?

    The shared side is identical in every text; the other side differs, so it
    is checked text by text.
    """
    shared = texts[0][-keep] if from_end else texts[0][keep - 1]
    if not shared.isalnum():
        return False
    for t in texts:
        other = len(t) - keep - 1 if from_end else keep
        if 0 <= other < len(t) and t[other].isalnum():
            return True
    return False


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i
