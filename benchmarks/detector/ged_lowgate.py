"""Experiment: the ranker's candidates below its suggestion margins, kept where the tagger flags their span.

python benchmarks/detector/ged_lowgate.py MODEL_DIR LOW PIPELINE_FLAGS.json
LOW: the suggestion margin (log10) each model family is lowered to (not
spelling, and not the families suggested only from 90 up).
PIPELINE_FLAGS.json: the cache `ged_eval.py --cache` writes (the pipeline's
own flags per set). Prints sentences flagged, tuned calibration sets and
held-out sets (aggregate counts only).
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import normalize.rank as rank
LOW = float(sys.argv[2])
for k, (a, s) in list(rank.MARGINS.items()):
    if s > LOW and s < 90 and not k.startswith("spelling"):
        rank.MARGINS[k] = (a, LOW)
from ged_eval import GROUPS, Tagger, load, span_prob
from model_eval import line_findings
tagger = Tagger(Path(sys.argv[1]))
cache = json.loads(Path(sys.argv[3]).read_text())
taus = [0.3, 0.5, 0.7, 0.9]
for g, names in GROUPS.items():
    tot = {k: [0] * (len(taus) + 2) for k in ("faulty", "clean", "refs")}; n = {k: 0 for k in tot}
    for name in names:
        rows = load(name)
        kinds = {"faulty": [r["source"] for r in rows if r["source"] != r["reference"]],
                 "clean": [r["source"] for r in rows if r["source"] == r["reference"]],
                 "refs": [r["reference"] for r in rows if r["source"] != r["reference"]]}
        for kind, lines in kinds.items():
            base = cache[f"{name}:{kind}"]
            fs = line_findings(lines, "rules+model", merge=False)
            probs = tagger.word_probs(lines)
            n[kind] += len(lines); tot[kind][0] += sum(base)
            low_any = []
            gated = {t: [] for t in taus}
            for line, f, p in zip(lines, fs, probs):
                pm = span_prob(line, p)
                low = [x for x in f if x.source == "model" and x.suggestions]
                low_any.append(bool(low))
                for t in taus:
                    gated[t].append(any(pm(x.start, x.end) >= t for x in low))
            tot[kind][1] += sum(b or l for b, l in zip(base, low_any))
            for i, t in enumerate(taus):
                tot[kind][i + 2] += sum(b or l for b, l in zip(base, gated[t]))
    print("==", g, n)
    for i, label in enumerate(["pipeline", f"+all model findings at suggest {LOW}"] + [f"+gated tagger>={t}" for t in taus]):
        print(f"{label:36}", *(f"{tot[k][i]:5} ({100*tot[k][i]/n[k]:.1f}%)" for k in ("faulty", "clean", "refs")))
