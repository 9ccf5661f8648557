"""Detection and fix quality on a wire-copy TSV (id, category, source, reference).

Usage: python benchmarks/wirecopy_eval.py [PAIRS.tsv] [--strategy rules] [--show-misses] [--show-false-alarms]

Prints: share of faulty sentences flagged, share of clean sentences flagged,
TER of the unedited source and of `fix` output against the references
(sacrebleu), share of clean sentences changed, and whether a second `fix`
changes anything. Defaults to ../shared/data/wirecopy-dev/pairs.tsv.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import sys
from dataclasses import replace
from pathlib import Path

from sacrebleu.metrics import TER

from normalize.api import Options, check_text, fix_text
from normalize.types import Finding

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "wirecopy-dev" / "pairs.tsv"
OWN_SETS = Path(__file__).resolve().parent / "data"
# Kept out of rule writing and tuning: the independent check in quality.py.
HELD_OUT = frozenset(f"wirecopy-own{n}.tsv" for n in (2, 5, 9, 15, 17, 18, 19, 20, 21, 22, 29, 31, 33, 35, 37, 39, 44, 50, 55, 59, 63, 67, 68, 69, 70, 71))


def load_pairs(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def tuned_sets() -> list[Path]:
    """wirecopy-dev and the project's own sets that rules were tuned on (never a held-out one)."""
    return [DEFAULT] + sorted(p for p in OWN_SETS.glob("wirecopy-own*.tsv") if p.name not in HELD_OUT)


def findings_by_line(lines: list[str], options: Options) -> list[list[Finding]]:
    """`check` of ``lines`` as one document, one a line: each line's
    findings, with offsets into that line."""
    text = "\n".join(lines) + "\n"
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    out: list[list[Finding]] = [[] for _ in lines]
    for f in check_text(text, options):
        k = bisect.bisect_right(starts, f.start) - 1
        out[k].append(replace(f, start=f.start - starts[k], end=f.end - starts[k]))
    return out


def evaluate(rows: list[dict], options: Options, unsafe: bool = False) -> dict:
    """Detection and fix figures for one data set under one strategy.

    The sources are checked and fixed as one document, one sentence a line,
    as `normalize check FILE` and `normalize fix FILE` see such a file.
    """
    faulty = [r for r in rows if r["source"] != r["reference"]]
    clean = [r for r in rows if r["source"] == r["reference"]]
    sources = [r["source"] for r in rows]
    text = "\n".join(sources) + "\n"
    flagged = {r["id"]: bool(found) for r, found in zip(rows, findings_by_line(sources, options))}
    once = fix_text(text, options, unsafe=unsafe).text
    lines = once.split("\n")[: len(rows)]
    if len(lines) != len(rows):
        raise SystemExit("fix changed the number of lines")
    fixed = {r["id"]: line for r, line in zip(rows, lines)}
    twice = fix_text(once, options, unsafe=unsafe).text
    refixed = sum(a != b for a, b in zip(once.split("\n"), twice.split("\n")))
    refs = [[r["reference"] for r in rows]]
    ter = TER()
    return {
        "faulty": len(faulty),
        "clean": len(clean),
        "faulty_flagged": sum(flagged[r["id"]] for r in faulty) / max(1, len(faulty)),
        "clean_flagged": sum(flagged[r["id"]] for r in clean) / max(1, len(clean)),
        "clean_changed": sum(fixed[r["id"]] != r["source"] for r in clean) / max(1, len(clean)),
        "ter_before": ter.corpus_score([r["source"] for r in rows], refs).score,
        "ter_after": ter.corpus_score([fixed[r["id"]] for r in rows], refs).score,
        "refixed": refixed,
        "flagged": flagged,
        "fixed": fixed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--strategy", default="rules")
    parser.add_argument("--unsafe", action="store_true", help="apply unsafe fixes too")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-false-alarms", action="store_true")
    parser.add_argument("--show-edits", action="store_true")
    args = parser.parse_args()
    if not args.pairs.is_file():
        print(f"no data at {args.pairs}", file=sys.stderr)
        return 2
    rows = load_pairs(args.pairs)
    options = Options(strategy=args.strategy)
    result = evaluate(rows, options, args.unsafe)
    flagged, fixed = result["flagged"], result["fixed"]
    faulty = [r for r in rows if r["source"] != r["reference"]]
    clean = [r for r in rows if r["source"] == r["reference"]]
    print(f"sentences: {result['faulty']} faulty, {result['clean']} clean")
    print(f"faulty flagged: {result['faulty_flagged']:.1%}")
    print(f"clean flagged:  {result['clean_flagged']:.1%}")
    print(f"clean changed by fix: {result['clean_changed']:.1%}")
    print(f"TER no edits: {result['ter_before']:.2f}   TER after fix: {result['ter_after']:.2f}")
    print(f"sentences a second fix changes: {result['refixed']}")
    if args.show_misses:
        for r in faulty:
            if not flagged[r["id"]]:
                print(f"MISS {r['id']} [{r['category']}]\n  src: {r['source']}\n  ref: {r['reference']}")
    if args.show_false_alarms:
        for r in clean:
            for f in check_text(r["source"], options):
                print(f"FALSE {r['id']} {f.rule}: {r['source'][f.start:f.end]!r} -> {f.suggestions}")
    if args.show_edits:
        for r in rows:
            if fixed[r["id"]] != r["source"]:
                print(f"EDIT {r['id']}\n  src: {r['source']}\n  fix: {fixed[r['id']]}\n  ref: {r['reference']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
