"""The Python API: check and fix text. Returns objects, prints nothing."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from normalize.apply import apply_edits, resolve_overlaps, select_edits
from normalize.errors import InputError, NormalizeError
from normalize.segment import heading_lines
from normalize.types import Applicability, Edit, Finding, Progress

STRATEGIES = ("rules", "model", "rules+model")
DEFAULT_STRATEGY = "rules+model"
MAX_FIX_PASSES = 20  # each pass re-checks only changed lines; nested quotes need one pass a level


@dataclass(frozen=True)
class Options:
    strategy: str = DEFAULT_STRATEGY
    accept: frozenset[str] = frozenset()
    rules_dir: str | None = None
    enable: frozenset[str] = frozenset()
    disable: frozenset[str] = frozenset()
    model_dir: str | None = None
    languagetool_url: str | None = None  # a LanguageTool server to ask as well

    def __post_init__(self) -> None:
        if self.strategy not in STRATEGIES:
            raise NormalizeError(
                f"unknown strategy {self.strategy!r} (choose from {', '.join(STRATEGIES)})"
            )


@dataclass
class FixResult:
    text: str
    edits: list[Edit] = field(default_factory=list)  # applied, in order, per pass
    passes: int = 0


def check_text(
    text: str,
    options: Options = Options(),
    *,
    line_cache: dict[str, list[Finding]] | None = None,
    progress: Progress | None = None,
) -> list[Finding]:
    """All findings for ``text`` under ``options.strategy``, sorted by position.

    ``line_cache`` (line text -> rule findings with offsets into the line)
    lets repeated checks of an edited text match rules on changed lines only.
    A hard-wrapped text is read with its soft line breaks as spaces
    (``normalize.wrap``); no finding then covers one.
    ``progress`` hears how many sentences the model has done (the slow part).
    """
    from normalize.load import lone_surrogate
    from normalize.protect import protected_spans
    from normalize.wrap import covers_break, soft_breaks, unwrap

    surrogate = lone_surrogate(text)
    if surrogate is not None:
        raise NormalizeError(f"the text holds a lone surrogate (U+{ord(text[surrogate]):04X} at character {surrogate})")

    # Markup, addresses, code and data lines are no prose: found in the file
    # as it is (a wrapped table is still a table), and never edited.
    protected = protected_spans(text)
    breaks = soft_breaks(text)
    if not breaks:
        return _check(text, options, line_cache, progress, protected)
    # Hard-wrapped: read each paragraph as one line, and edit within lines only.
    flat = unwrap(text, breaks)
    flat_protected = [(flat.flat(s), flat.flat(e)) for s, e in protected]
    moved = (
        replace(f, start=flat.original(f.start), end=flat.original(f.end))
        for f in _check(flat.text, options, line_cache, progress, flat_protected)
    )
    return [f for f in moved if not covers_break(f.start, f.end, breaks)]


def _check(
    text: str,
    options: Options,
    line_cache: dict[str, list[Finding]] | None,
    progress: Progress | None,
    protected: list[tuple[int, int]],
) -> list[Finding]:
    from normalize.protect import mask, touches

    sources = set(options.strategy.split("+"))
    findings: list[Finding] = []
    if "rules" in sources:
        if line_cache is None:
            findings.extend(_rule_findings(text, options))
        else:
            findings.extend(_rule_findings_by_line(text, options, line_cache))
    # Nothing edits a protected span; the model reads the prose with tags
    # blanked and other spans as placeholder names.
    findings = _one_mend_per_junction([f for f in findings if not touches(protected, f.start, f.end)], text)
    fluent = "rules" in sources and near_fluent(text, findings)
    prose = mask(text, protected) if "model" in sources else text
    if "model" in sources:
        findings = _with_model(prose, findings, options, progress)
    if options.languagetool_url:
        from normalize.detect.grammar import languagetool_findings

        findings.extend(_outside_accepted(languagetool_findings(text, options.languagetool_url), text, options))
    findings = [
        f for f in findings
        if not touches(protected, f.start, f.end)
        and not (f.rule == "model-capitalisation" and _continues_a_line(prose, f.start))
    ]
    findings = _outside_headings(findings, text)
    if fluent:
        findings = style_suggested_only(findings)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return _without_nested_flags(_one_auxiliary_per_verb(_one_per_edit(findings), text))


# A document where the rules find something on under 5% of its lines is
# near-fluent (MT output a post-editor only checks for meaning: MLQE-PE train
# 1.7%, dev 1.3%; translated wire copy 53-60%, the seed release 86%). There a
# calque or redundant phrase is left to the editor: MLQE-PE's post-editors
# kept "against the background of", "It should be noted that", "on the
# territory of", "the process of" in every line `fix` rewrote them.
NEAR_FLUENT_SHARE = 0.05
NEAR_FLUENT_MIN_LINES = 10
STYLE_CATEGORIES = frozenset({"calque", "redundancy"})
# House-style rewrites the same post-editors never made either (MLQE-PE
# train, lines closer / further from the post-edits when applied): "of the
# Novosibirsk Region" for "of Novosibirsk Region" (WC136, 0 / 5), "3650
# roubles" for "3650р." (WQ817, 0 / 4, 2 unchanged), a semicolon for a
# comma splice (WP109, 0 / 2, 1 unchanged).
STYLE_RULES = frozenset({"WC136", "WQ817", "WP109"})


def near_fluent(text: str, rule_findings: list[Finding]) -> bool:
    """Do the rules find something on under NEAR_FLUENT_SHARE of the lines
    of ``text`` (at least NEAR_FLUENT_MIN_LINES of them)?"""
    from itertools import accumulate

    parts = text.replace("\r", "\n").split("\n")  # same offsets; CR ends count as line ends
    lines = sum(1 for part in parts if part.strip())
    if lines < NEAR_FLUENT_MIN_LINES:
        return False
    starts = list(accumulate((len(part) + 1 for part in parts[:-1]), initial=0))
    flagged = {bisect.bisect_right(starts, f.start) for f in rule_findings}
    return len(flagged) < NEAR_FLUENT_SHARE * lines


def style_suggested_only(findings: list[Finding]) -> list[Finding]:
    """``findings`` with calque, redundancy and house-style rewrites made
    suggestions (for near-fluent text)."""
    return [
        replace(f, applicability=Applicability.UNSAFE)
        if f.category in STYLE_CATEGORIES or f.rule in STYLE_RULES else f
        for f in findings
    ]


_SENTENCE_END_MARKS = tuple(".!?…")
_CLOSERS = "\"'”’»)]"


def _continues_a_line(text: str, start: int) -> bool:
    """Does the line that opens at ``start`` go on from the line above, which
    ends with no sentence end (a subtitle's second line, a wrapped list item)?"""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    if text[line_start:start].strip() or line_start == 0:
        return False
    above = text[: line_start]
    above = above[:-2] if above.endswith("\r\n") else above[:-1]  # this line's break only, not blank lines
    above = above[max(above.rfind("\n"), above.rfind("\r")) + 1 :].strip()
    # a list item after "…;" or "includes:" goes on in lower case too
    return bool(above) and not above.rstrip(_CLOSERS).endswith(_SENTENCE_END_MARKS)


# The fluency model learnt from running text; a headline's missing articles
# make its preposition judgments there unreliable.
_HEADLINE_UNRELIABLE = ("model-preposition",)
_ARTICLES = ("the", "a", "an")


def _outside_headings(findings: list[Finding], text: str) -> list[Finding]:
    """Findings less those that would write an article into a headline or
    subhead, which leave them out by convention (segment.heading_lines), and
    less the model's preposition judgments there."""
    headings = heading_lines(text)
    if not headings:
        return findings
    starts = [s for s, _ in headings]

    def in_heading(f: Finding) -> bool:
        k = bisect.bisect_right(starts, f.start) - 1
        return k >= 0 and f.end <= headings[k][1]

    return [
        f for f in findings
        if not (in_heading(f) and (f.rule in _HEADLINE_UNRELIABLE or _adds_article(text[f.start : f.end], f)))
    ]


def _adds_article(original: str, f: Finding) -> bool:
    """Whether every suggestion only puts an article before ``original``."""
    words = original.lower().split()
    return bool(f.suggestions) and all(
        (w := s.lower().split())[:1] and w[0] in _ARTICLES and w[1:] == words for s in f.suggestions
    )


def _one_per_edit(findings: list[Finding]) -> list[Finding]:
    """Findings in order, less those that repeat an earlier one's span and
    suggestions: packs written apart sometimes catch one error twice, and an
    editor should see it once. A safe one replaces an unsafe twin, so `fix`
    applies what it would have applied."""
    out: list[Finding] = []
    seen: dict[tuple[int, int, tuple[str, ...]], int] = {}
    for f in findings:
        key = (f.start, f.end, f.suggestions)
        k = seen.get(key) if f.suggestions else None
        if k is None:
            if f.suggestions:
                seen[key] = len(out)
            out.append(f)
        elif f.applicability is Applicability.SAFE and out[k].applicability is not Applicability.SAFE:
            out[k] = f
    return out


def _one_mend_per_junction(findings: list[Finding], text: str) -> list[Finding]:
    """Findings less a punctuation rewrite that starts where an earlier one
    ends, with only spaces between: packs written apart mend one comma
    splice twice, one with a semicolon and one with "and" after the comma,
    and both applied give "extinguished; and no casualties were reported"."""
    out: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        if f.category == "punctuation" and f.suggestions:
            if last_end >= 0 and last_end <= f.start and not text[last_end : f.start].strip(" "):
                continue
            last_end = f.end
        out.append(f)
    return out


_AUXILIARIES = frozenset("has have had is are was were will".split())


def _inserted_auxiliary(f: Finding, text: str) -> str | None:
    """The auxiliary ``f``'s first suggestion puts before its span ("" ->
    "has ", "received" -> "has received"), if that is all it does."""
    if not f.suggestions:
        return None
    head, _, rest = f.suggestions[0].partition(" ")
    if head.lower() in _AUXILIARIES and rest == text[f.start : f.end]:
        return head.lower()
    return None


def _one_auxiliary_per_verb(findings: list[Finding], text: str) -> list[Finding]:
    """Findings less one that puts the same auxiliary in again a word later:
    a rule inserts "has" before an adverb and the model before the verb
    ("the city has accumulatively has received")."""
    out: list[Finding] = []
    last: tuple[str, int] | None = None  # the auxiliary kept last, and where it goes
    for f in findings:
        aux = _inserted_auxiliary(f, text)
        if aux is not None and last is not None and last[0] == aux and re.fullmatch(r"\s*(?:[\w-]+\s*)?", text[last[1] : f.start]):
            continue
        if aux is not None:
            last = (aux, f.start)
        out.append(f)
    return out


def _without_nested_flags(findings: list[Finding]) -> list[Finding]:
    """Findings less each flag-only one (no suggestion) whose span lies inside
    another flag-only finding of the same category: several packs flag one
    inverted clause ("At the meeting were discussed the issues") and an
    editor should read one explanation of it, not four. Nothing a finding
    marks is lost, since the one kept covers it."""
    flags = sorted(
        (i for i, f in enumerate(findings) if not f.suggestions),
        key=lambda i: (findings[i].start, -findings[i].end, findings[i].rule),
    )
    reach: dict[str, int] = {}  # category -> furthest end of a flag seen so far
    nested: set[int] = set()
    for i in flags:
        f = findings[i]
        if f.end <= reach.get(f.category, -1):
            nested.add(i)
        else:
            reach[f.category] = f.end
    return [f for i, f in enumerate(findings) if i not in nested]


def fix_text(
    text: str, options: Options = Options(), unsafe: bool = False, *, progress: Progress | None = None
) -> FixResult:
    """Apply edits until nothing more changes (at most MAX_FIX_PASSES passes).

    Several passes let edits that overlapped in one pass apply in the next, and
    make ``fix`` idempotent: its own output has nothing left to fix. Only the
    first pass reports ``progress``: later ones redo just the edited sentences.
    """
    result = FixResult(text)
    line_cache: dict[str, list[Finding]] = {}
    # Every text a pass produced (by its hash: a long document's passes need
    # not all stay in memory), with how many edits and passes led to it: two
    # edits that undo each other (a rule's insertion and the model's deletion,
    # mostly among unsafe ones) would otherwise swing to the pass limit, and
    # the output would depend on whether that limit is odd or even.
    seen: dict[int, tuple[int, int]] = {hash(text): (0, 0)}
    for number in range(MAX_FIX_PASSES):
        findings = check_text(
            result.text, options, line_cache=line_cache, progress=progress if number == 0 else None
        )
        edits = resolve_overlaps(select_edits(findings, unsafe))
        if not edits:
            break
        new_text = apply_edits(result.text, edits)
        if new_text == result.text:
            break
        if len(new_text) > 2 * len(text) + 1000:
            # Only a rule that matches its own replacement grows a text like
            # this ("turn" -> "turn turn"); every pass would double it.
            raise NormalizeError(
                f"the edits keep growing the text ({len(text):,} -> {len(new_text):,} characters "
                f"after {number + 1} passes): a rule matches its own replacement"
            )
        if hash(new_text) in seen:
            # A cycle: stop at its first text, with the edits that led there.
            n_edits, result.passes = seen[hash(new_text)]
            result.text, result.edits = new_text, result.edits[:n_edits]
            break
        result.text = new_text
        result.edits.extend(edits)
        result.passes += 1
        seen[hash(new_text)] = (len(result.edits), result.passes)
    return result


def read_accept_list(path: str | None) -> frozenset[str]:
    """Names or phrases, one a line; blank lines and ``#`` comments ignored."""
    if not path:
        return frozenset()
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: accept list not found")
    try:
        lines = file.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{path}: accept list is not valid UTF-8") from None
    return frozenset(
        line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


def _outside_accepted(findings: list[Finding], text: str, options: Options) -> list[Finding]:
    """Drop backend findings that touch an accepted name or phrase."""
    if not options.accept:
        return findings
    from normalize.detect.rules import Protector

    protector = Protector(text, options.accept)
    return [f for f in findings if protector.allows(f.start, f.end, names=True)]


def _rule_findings(text: str, options: Options) -> list[Finding]:
    from normalize.detect.rules import find_with_rules, load_rules

    ruleset = load_rules(options.rules_dir)
    if options.enable or options.disable:
        ruleset = ruleset.select(set(options.enable), set(options.disable))
    return find_with_rules(text, ruleset, options.accept)


def _with_model(
    text: str, rule_findings: list[Finding], options: Options, progress: Progress | None = None
) -> list[Finding]:
    try:
        from normalize.rank import model_findings
    except ImportError as exc:
        raise NormalizeError(f"the model strategy is not available ({exc})") from None
    from normalize.segment import split_sentences

    sentences = [(s.start, s.end) for s in split_sentences(text)]
    model = model_findings(
        text,
        sentences,
        rule_findings=rule_findings,
        accept=options.accept,
        model_dir=options.model_dir,
        progress=progress,
    )
    if options.strategy == "model":
        return list(model)
    return _merge(rule_findings, model)


def _merge(rule_findings: Iterable[Finding], model: Iterable[Finding]) -> list[Finding]:
    """Rule findings plus model findings; the model's choice wins on overlap.

    Where the model judged a rule's own suggestion (same rule, same span), the
    two are one finding: the rule's explanation, then the model's verdict.
    """
    from itertools import accumulate

    rule_findings = list(rule_findings)
    explained = {(f.rule, f.start, f.end): f.message for f in rule_findings}
    model = sorted((_explain(m, explained) for m in model), key=lambda m: m.start)
    starts = [m.start for m in model]
    same_span = {(m.rule, m.start, m.end) for m in model}
    # reach[i]: the furthest end among the first i model findings, so one
    # bisection tells whether any model finding starting before f.end reaches past f.start.
    reach = [-1, *accumulate((m.end for m in model), max)]
    kept = [
        f
        for f in rule_findings
        if reach[bisect.bisect_left(starts, f.end)] <= f.start and (f.rule, f.start, f.end) not in same_span
    ]
    return kept + model


def _explain(model_finding: Finding, rule_messages: dict[tuple[str, int, int], str]) -> Finding:
    """A model verdict on a rule's suggestion, with the rule's explanation first."""
    why = rule_messages.get((model_finding.rule, model_finding.start, model_finding.end))
    if why is None or model_finding.message.startswith(why):
        return model_finding  # no rule's, or already the rule's (a choice between its suggestions)
    verdict = model_finding.message
    return replace(model_finding, message=f"{why.rstrip()} {verdict[:1].upper()}{verdict[1:]}.")


def _rule_findings_by_line(text: str, options: Options, cache: dict[str, list[Finding]]) -> list[Finding]:
    """Rule findings of ``text``, matching only lines not in ``cache``.

    Rules see each line alone (``detect.rules.Lines``), so a line's findings
    depend on the line alone. The lines not yet seen are matched together, each as its own
    paragraph, and their findings are stored relative to the line.
    """
    from normalize.segment import iter_lines

    lines = [(start, text[start:end]) for start, end in iter_lines(text)]
    missing = list(dict.fromkeys(line for _, line in lines if line not in cache))
    if missing:
        starts, pos = [], 0
        for line in missing:
            starts.append(pos)
            pos += len(line) + 2
        for line in missing:
            cache[line] = []
        for f in _rule_findings("\n\n".join(missing), options):
            k = bisect.bisect_right(starts, f.start) - 1
            cache[missing[k]].append(replace(f, start=f.start - starts[k], end=f.end - starts[k]))
    return [
        replace(f, start=f.start + start, end=f.end + start) for start, line in lines for f in cache[line]
    ]

