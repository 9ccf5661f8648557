"""Experiment: apply the ranker's unsafe model suggestions only where the tagger flags the span.

python benchmarks/detector/ged_gate.py MODEL_DIR
Prints corpus TER per set (tuned calibration sets, then held-out sets, aggregate
only) for no edits, safe edits, all suggestions, and tagger-gated suggestions,
each applied in one pass; and clean rows changed.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ged_eval import GROUPS, Tagger, load, span_prob
from model_eval import apply_safe, line_findings
from sacrebleu.metrics import TER
tagger = Tagger(Path(sys.argv[1]))
taus = [0.5, 0.7, 0.8, 0.9]
ter = TER()
for g, names in GROUPS.items():
    res = {}
    for name in names:
        rows = load(name)
        srcs = [r["source"] for r in rows]; refs = [r["reference"] for r in rows]
        fs = line_findings(srcs, "rules+model")
        probs = tagger.word_probs(srcs)
        outs = {"none": srcs, "safe": [], "unsafe": []} | {f"gate{t}": [] for t in taus}
        for line, f, p in zip(srcs, fs, probs):
            outs["safe"].append(apply_safe(line, f))
            outs["unsafe"].append(apply_safe(line, f, True))
            pmax = span_prob(line, p)
            for t in taus:
                keep = [x for x in f if x.applicability.value == "safe" or (x.source == "model" and pmax(x.start, x.end) >= t)]
                outs[f"gate{t}"].append(apply_safe(line, keep, True))
        for k, v in outs.items():
            res.setdefault(k, []).append(round(ter.corpus_score(v, [refs]).score, 2))
        clean_changed = {k: sum(o != s for o, s, r in zip(v, srcs, refs) if s == r) for k, v in outs.items()}
        res.setdefault("clean_changed", []).append(clean_changed)
    print("==", g, names)
    for k, v in res.items():
        print(k, v)
