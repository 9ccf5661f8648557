"""Check a draft rule pack before it joins rules/: examples, false alarms, hits.

Usage: python benchmarks/check_pack.py DRAFT_DIR [TARGET.tsv]
(DRAFT_DIR holds only the new .yaml; TARGET: a wire-copy set whose faulty
sentences the pack is meant to catch.)

Reports example problems, hits on the correct sentences of the tuned
wire-copy sets (references and clean rows: must be none), on MLQE-PE
post-edits and on 100k Wikipedia sentences (read them), and on tuned faulty
sentences. Never reads the held-out sets own2, own5, own9, own15, own17, own18, own19, own20, own21, own22, own29, own31, own33, own35, own37, own39, own44, own50, own55, own59, own63, own67 and own68-own71.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import sys
from collections import defaultdict
from pathlib import Path

from wirecopy_eval import DEFAULT, load_pairs, tuned_sets

from normalize.apply import apply_edits
from normalize.detect.rules import Rule, RuleSet, find_with_rules, load_rules
from normalize.lm.text import corpus_files, iter_sentences

DATA = DEFAULT.parents[1]
WIKI_SENTENCES = 100_000


def _fix_with(rule: Rule, text: str, passes: int = 4) -> str:
    """Apply the rule's first suggestions until nothing changes, as `fix` (and
    tests/test_rule_examples.py) do."""
    for _ in range(passes):
        new = apply_edits(text, [f.best_edit() for f in find_with_rules(text, RuleSet((rule,))) if f.best_edit()])
        if new == text:
            break
        text = new
    return text


def example_problems(rules: tuple[Rule, ...], shipped: set[str]) -> list[str]:
    """What tests/test_rule_examples.py would reject once the pack is shipped."""
    problems = [f"{r.id}: id already used by a shipped rule" for r in rules if r.id in shipped]
    for r in rules:
        one = RuleSet((r,))
        for ex in r.examples:
            if ex.bad is not None and not find_with_rules(ex.bad, one):
                problems.append(f"{r.id}: does not fire on bad example {ex.bad!r}")
            elif ex.bad is not None and ex.good is not None and r.replacements:
                fixed = _fix_with(r, ex.bad)
                if fixed != ex.good:
                    problems.append(f"{r.id}: bad example fixes to {fixed!r}, not {ex.good!r}")
            for clean in (ex.good, ex.ok):
                if clean is not None and find_with_rules(clean, one):
                    problems.append(f"{r.id}: fires on {clean!r}")
        if not any(e.bad is not None and e.good is not None for e in r.examples):
            problems.append(f"{r.id}: needs a bad -> good example")
        if not any(e.ok is not None for e in r.examples):
            problems.append(f"{r.id}: needs a good-stays-good example")
    return problems


def hits(lines: list[str], ruleset: RuleSet) -> dict[str, list[str]]:
    """Rule id -> the lines it fires on (checked 2,000 lines at a time)."""
    found: dict[str, list[str]] = defaultdict(list)
    for at in range(0, len(lines), 2000):
        chunk = lines[at : at + 2000]
        starts = list(itertools.accumulate((len(line) + 1 for line in chunk), initial=0))
        for f in find_with_rules("\n".join(chunk), ruleset):
            found[f.rule].append(chunk[bisect.bisect_right(starts, f.start) - 1])
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", help="folder holding only the draft pack")
    parser.add_argument("target", nargs="?", type=Path, help="a wire-copy TSV the pack should catch")
    parser.add_argument("--show", type=int, default=1, metavar="N", help="hits to print per rule and corpus")
    args = parser.parse_args()
    rules = load_rules(args.draft).rules
    ruleset = RuleSet(rules)
    problems = example_problems(rules, {r.id for r in load_rules().rules})
    print(f"{len(rules)} rules; example problems: {len(problems)}")
    for problem in problems:
        print("  ", problem)

    pairs = [row for path in tuned_sets() if path.exists() for row in load_pairs(path)]
    print("\nFALSE ALARMS on the tuned sets' correct sentences (must be 0):")
    for rid, lines in sorted(hits([r["reference"] for r in pairs], ruleset).items()):
        for line in lines[:3]:
            print(f"  {rid}: {line}")
    post_edits = (DATA / "mlqe-pe-ru-en" / "train" / "pe.en").read_text(encoding="utf-8").splitlines()
    wiki = list(itertools.islice(iter_sentences(corpus_files([DATA / "english-corpus"])), WIKI_SENTENCES))
    for title, lines in (
        ("MLQE-PE post-edits (7000 human-edited lines; keep to a handful, read them)", post_edits),
        (f"{WIKI_SENTENCES:,} Wikipedia sentences (keep <= 3 per rule; read them)", wiki),
    ):
        print(f"\nHits on {title}:")
        for rid, found in sorted(hits(lines, ruleset).items()):
            print(f"  {rid}: {len(found)}  e.g. {found[0][:160]}")
            for line in found[1 : args.show]:
                print(f"        {line[:160]}")
    faulty = hits([r["source"] for r in pairs if r["source"] != r["reference"]], ruleset)
    print(f"\nTuned faulty sentences hit (information only): {sum(map(len, faulty.values()))}")
    for rid, found in sorted(faulty.items()):
        print(f"  {rid}: {len(found)}")
    if args.target:
        target = [r["source"] for r in load_pairs(args.target) if r["source"] != r["reference"]]
        caught = {line for found in hits(target, ruleset).values() for line in found}
        print(f"\nTarget {args.target}: {len(caught)} of {len(target)} faulty sentences hit by this pack")
    return 0


if __name__ == "__main__":
    sys.exit(main())
