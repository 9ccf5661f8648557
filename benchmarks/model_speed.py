"""Speed and memory of the fluency model, end to end and in parts.

    python benchmarks/model_speed.py [--markdown benchmarks/model_speed.md]

* `normalize fix` over a ~15k-word wire-copy document, per strategy, as a
  fresh process (start-up, model load and rules included): words/s and peak
  RSS (`/usr/bin/time`).
* Model load time and peak memory of a process that only loads it.
* Raw scorer throughput: distinct candidate windows scored per second.

The document is assembled at run time from ../shared/data (wirecopy-dev
sources, then MLQE-PE dev machine translations detokenised) plus the seed
press release, and is never written into the repository.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TARGET_WORDS = 15_000


def build_document() -> str:
    from normalize.lm.text import normalise

    with open(DATA / "wirecopy-dev" / "pairs.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    paragraphs = [r["source"] for r in rows]
    seed = ROOT / "seeds" / "shoigu-de-mistura.txt"
    if seed.is_file():
        paragraphs.append(seed.read_text(encoding="utf-8"))
    words = sum(len(p.split()) for p in paragraphs)
    for line in (DATA / "mlqe-pe-ru-en" / "dev" / "mt.en").read_text(encoding="utf-8").splitlines():
        if words >= TARGET_WORDS:
            break
        paragraphs.append(normalise(line))
        words += len(line.split())
    return "\n\n".join(paragraphs) + "\n"


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stdout) of a fresh process."""
    fmt = "%e %M"
    res = subprocess.run(["/usr/bin/time", "-f", fmt, *cmd], capture_output=True, text=True,
                         env=env or os.environ.copy())
    if res.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed: {res.stderr[-2000:]}")
    seconds, kb = res.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1024, res.stdout


def scorer_throughput() -> float:
    from normalize.lm.scorer import load_scorer

    scorer = load_scorer()
    doc = build_document().split()
    windows = [" ".join(doc[i : i + 10]) for i in range(0, min(len(doc) - 10, 20000))]
    start = time.perf_counter()
    for i in range(0, len(windows), 500):
        scorer.score(windows[i : i + 500])
    return len(windows) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--markdown")
    parser.add_argument("--strategies", nargs="*", default=["rules", "model", "rules+model"])
    parser.add_argument("--runs", type=int, default=3, help="runs per strategy (the median is reported)")
    args = parser.parse_args()
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "wire.txt"
        doc.write_text(build_document(), encoding="utf-8")
        words = len(doc.read_text(encoding="utf-8").split())
        lines.append(f"Document: {words:,} words. Machine: {platform.processor() or platform.machine()}, "
                     f"{len(os.sched_getaffinity(0))} CPU threads, load average "
                     f"{os.getloadavg()[0]:.1f} at start.\n")
        lines.append(f"Median of {args.runs} runs per strategy, strategies alternated run by run "
                     "(this machine's timings vary by 20-30% from run to run).\n")
        lines.append("| what | seconds | words/s | peak RSS MB |\n|---|---|---|---|")
        runs: dict[str, list[tuple[float, float]]] = {s: [] for s in args.strategies}
        for _ in range(args.runs):
            for strategy in args.strategies:
                seconds, mb, _ = timed(["normalize", "fix", str(doc), "--strategy", strategy,
                                        "--output", str(Path(tmp) / "out.txt")])
                runs[strategy].append((seconds, mb))
        for strategy in args.strategies:
            seconds = statistics.median(t for t, _ in runs[strategy])
            mb = max(m for _, m in runs[strategy])
            lines.append(f"| `normalize fix --strategy {strategy}` | {seconds:.1f} | "
                         f"{words / seconds:,.0f} | {mb:.0f} |")
            print(lines[-1], flush=True)
        code = ("import time; t = time.perf_counter(); from normalize.rank import get_ranker; "
                "get_ranker(); print(time.perf_counter() - t)")
        seconds, mb, out = timed([sys.executable, "-c", code])
        lines.append(f"| load model + word tables (Python API) | {float(out):.2f} | | {mb:.0f} |")
        print(lines[-1], flush=True)
    rate = scorer_throughput()
    lines.append(f"\nScorer: {rate:,.0f} distinct 10-word windows scored per second (batches of 500, "
                 "uncached, one process).")
    print(lines[-1])
    if args.markdown:
        Path(args.markdown).write_text(
            "# Fluency model: speed and memory\n\n`python benchmarks/model_speed.py --markdown "
            f"{args.markdown}` ({time.strftime('%Y-%m-%d')}).\n\n" + "\n".join(lines) + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
