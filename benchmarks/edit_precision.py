"""Does each kind of edit move MLQE-PE machine translations towards their post-edits?

    python benchmarks/edit_precision.py --split train --markdown benchmarks/edit_precision.md
    python benchmarks/edit_precision.py --split dev --limit 200

Every model candidate family and every rule is tried alone, one edit at a
time, on each machine-translated line (detokenised as in model_eval.py, the
edit projected back onto the tokenised line), and the TER edit count of that
line against the professional post-edit is compared with the unedited line's.
Model edits are those the ranker proposes with the fluent (edited-copy)
margin table, unsafe margins lowered to 0 so that every edit with a positive
gain is counted; rows are cumulative by gain ("gain >= 2" includes 3, 4...).
An edit family helps TER only where "better" outnumbers "worse".
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from model_eval import DATA, _rule_findings, project  # noqa: E402
from sacrebleu.metrics import TER  # noqa: E402

GAIN_STEPS = (0, 1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Trial:
    kind: str  # "model-<family>" or "rule-<safe|unsafe>"
    gain: float
    delta: float  # TER edits of the line with this edit minus without


def _edits(ter: TER, hyp: str, ref: str) -> float:
    return ter.sentence_score(hyp, [ref]).score * max(1, len(ref.split())) / 100


def trials(mt: list[str], pe: list[str]) -> list[Trial]:
    from normalize.lm.text import normalise
    from normalize.rank import get_ranker

    ranker = get_ranker()
    ranker.margins = {
        f: (safe, unsafe if f.startswith("rule") else 0.0) for f, (safe, unsafe) in ranker.margins.items()
    }
    ter = TER()
    out: list[Trial] = []
    for k, (src, ref) in enumerate(zip(mt, pe)):
        plain = normalise(src)
        base = _edits(ter, src, ref)
        tried: list[tuple[str, float, str]] = []
        for f in _rule_findings(plain):
            if f.suggestions:
                new = plain[: f.start] + f.suggestions[0] + plain[f.end :]
                tried.append((f"rule-{f.applicability.value}", 0.0, new))
        for applied in ranker.correct(plain, noisy=False):
            c = applied.cand
            tried.append((f"model-{c.family}", applied.gain, c.apply(plain)))
        for kind, gain, new in tried:
            out.append(Trial(kind, gain, _edits(ter, project(src, plain, new), ref) - base))
        if (k + 1) % 500 == 0:
            print(f"  {k + 1}/{len(mt)} lines", file=sys.stderr, flush=True)
    return out


def table(found: list[Trial]) -> list[str]:
    rows: dict[tuple[str, int], list[float]] = defaultdict(lambda: [0, 0.0, 0, 0])
    for t in found:
        for step in GAIN_STEPS:
            if t.gain < step or (t.kind.startswith("rule") and step):
                continue
            row = rows[t.kind, step]
            row[0] += 1
            row[1] += t.delta
            row[2] += t.delta < 0
            row[3] += t.delta > 0
    lines = ["| edit kind | gain >= | edits | net TER edits | better | worse |", "|---|---|---|---|---|---|"]
    for (kind, step), (n, net, better, worse) in sorted(rows.items()):
        if n >= 3:
            lines.append(f"| {kind} | {step} | {n} | {net:+.0f} | {better} | {worse} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--markdown", help="write the table here")
    args = parser.parse_args()
    d = DATA / "mlqe-pe-ru-en" / args.split
    if not (d / "mt.en").is_file():
        print(f"no data at {d}", file=sys.stderr)
        return 1
    mt = (d / "mt.en").read_text(encoding="utf-8").splitlines()
    pe = (d / "pe.en").read_text(encoding="utf-8").splitlines()
    if args.limit:
        mt, pe = mt[: args.limit], pe[: args.limit]
    lines = table(trials(mt, pe))
    print("\n".join(lines))
    if args.markdown:
        command = f"python benchmarks/edit_precision.py --split {args.split}" + (
            f" --limit {args.limit}" if args.limit else ""
        )
        head = (
            f"# Which edits move MLQE-PE ru-en {args.split} towards the post-edits\n\n"
            f"Command: `{command} --markdown {args.markdown}` ({len(mt)} lines). Each edit is tried "
            "alone; `net` is the summed change in TER edits against the post-edit (negative = "
            "closer). Model rows are cumulative by the model's gain in log10 probability.\n\n"
        )
        Path(args.markdown).write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
