"""Experiment: score sentences with a trained tagger (numpy) and count flags.

python benchmarks/detector/ged_eval.py MODEL_DIR [--heldout]
Prints, per threshold, sentences flagged by the pipeline alone and by the
pipeline or the tagger: faulty, clean rows, references; per set group.
Held-out sets give aggregate counts only.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import numpy as np
import sentencepiece as spm

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from normalize.lm.text import iter_sentences, normalise  # noqa: E402
from normalize.lm.transformer import TransformerLM  # noqa: E402

HERE = ROOT
DATA = ROOT.parent / "shared" / "data"
SP = spm.SentencePieceProcessor(model_file=str(HERE / "normalize/models/default/spm.model"))
CAL = ["wirecopy-dev", "own14", "own16"]
HELD = ["own2", "own5", "own9", "own15", "own17", "own18", "own19", "own20", "own21", "own22"]
GROUPS = {"cal": CAL, "held": HELD}


class Tagger:
    def __init__(self, folder: Path) -> None:
        self.lm = TransformerLM(folder)
        self.hw = self.lm.w["head.weight"][0]
        self.hb = float(self.lm.w["head.bias"][0])

    def word_probs(self, sentences: list[str], batch: int = 32) -> list[np.ndarray]:
        out: list[np.ndarray] = []
        for at in range(0, len(sentences), batch):
            chunk = sentences[at:at + batch]
            rows, owners = [], []
            for s in chunk:
                words = normalise(s).split() or ["."]
                ids, own = [SP.bos_id()], [-1]
                for k, p in enumerate(SP.encode(words)):
                    ids.extend(p)
                    own.extend([k] * len(p))
                ids.append(SP.eos_id())
                own.append(-1)
                rows.append(ids[:128])
                owners.append((own[:128], len(words)))
            t = max(len(r) for r in rows)
            tok = np.zeros((len(rows), t), np.int64)
            bias = np.full((len(rows), 1, 1, t), -1e9, np.float32)
            for i, r in enumerate(rows):
                tok[i, :len(r)] = r
                bias[i, 0, 0, :len(r)] = 0
            lm = self.lm
            x = lm.w["embed.weight"][tok] + lm.w["pos.weight"][np.arange(t)][None]
            states, _ = lm._blocks(x.astype(np.float32), bias)
            logit = states @ self.hw + self.hb
            prob = 1 / (1 + np.exp(-logit))
            for i, (own, nwords) in enumerate(owners):
                wp = np.zeros(nwords, np.float32)
                for j, k in enumerate(own):
                    if k >= 0:
                        wp[k] = max(wp[k], prob[i, j])
                out.append(wp)
        return out


def span_prob(line: str, probs: np.ndarray):  # noqa: ANN201
    """A function giving the tagger's highest word probability over a
    character span of ``line``; 0 where the tagger's words (of the
    normalised line) do not line up with the line's own."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]
    same = normalise(line) == line.strip() and len(words) == len(probs)

    def at(start: int, end: int) -> float:
        if not same:
            return 0.0
        hit = [probs[i] for i, (a, b) in enumerate(words) if a < max(end, start + 1) + 1 and b > start]
        return max(hit) if hit else 0.0

    return at


def load(name: str) -> list[dict]:
    path = DATA / "wirecopy-dev" / "pairs.tsv" if name == "wirecopy-dev" else HERE / f"benchmarks/data/wirecopy-{name}.tsv"
    with path.open(encoding="utf-8", newline="") as h:
        return list(csv.DictReader(h, delimiter="\t", quoting=csv.QUOTE_NONE))


def pipeline_flags(lines: list[str]) -> list[bool]:
    from wirecopy_eval import findings_by_line
    from normalize.api import Options
    return [bool(f) for f in findings_by_line(lines, Options(strategy="rules+model"))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--heldout", action="store_true")
    ap.add_argument("--cache", default="", help="JSON file to keep the pipeline's flags in between runs")
    a = ap.parse_args()
    tagger = Tagger(Path(a.model))
    cache = json.loads(Path(a.cache).read_text()) if a.cache and Path(a.cache).exists() else {}
    groups = {"cal": CAL} | ({"held": HELD} if a.heldout else {})
    taus = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97]
    for gname, names in groups.items():
        tot = {k: [0] * (len(taus) + 1) for k in ("faulty", "clean", "refs")}
        alone = {k: [0] * len(taus) for k in ("faulty", "clean", "refs")}
        n = {"faulty": 0, "clean": 0, "refs": 0}
        for name in names:
            rows = load(name)
            faulty = [r["source"] for r in rows if r["source"] != r["reference"]]
            clean = [r["source"] for r in rows if r["source"] == r["reference"]]
            refs = [r["reference"] for r in rows if r["source"] != r["reference"]]
            for kind, lines in (("faulty", faulty), ("clean", clean), ("refs", refs)):
                key = f"{name}:{kind}"
                if key not in cache:
                    cache[key] = pipeline_flags(lines)
                base = cache[key]
                probs = [float(p.max()) for p in tagger.word_probs(lines)]
                n[kind] += len(lines)
                tot[kind][0] += sum(base)
                for i, tau in enumerate(taus):
                    tot[kind][i + 1] += sum(b or p >= tau for b, p in zip(base, probs))
                    alone[kind][i] += sum(p >= tau for p in probs)
        print(f"== {gname} ({', '.join(names)}): faulty {n['faulty']}, clean {n['clean']}, refs {n['refs']}")
        print("setting  faulty  clean  refs")
        for i, label in enumerate(["pipeline"] + [f"+tagger>={t}" for t in taus]):
            print(f"{label:14} {tot['faulty'][i]:5} ({100 * tot['faulty'][i] / n['faulty']:.1f}%)  "
                  f"{tot['clean'][i]:4} ({100 * tot['clean'][i] / max(n['clean'], 1):.1f}%)  "
                  f"{tot['refs'][i]:4} ({100 * tot['refs'][i] / n['refs']:.1f}%)")
        print("tagger alone:", {t: (alone['faulty'][i], alone['clean'][i], alone['refs'][i]) for i, t in enumerate(taus)})
    if a.cache:
        Path(a.cache).write_text(json.dumps(cache))
    # Correct English: Wikipedia held-out sentences and MLQE-PE dev post-edits.
    wiki = [s for k, s in zip(range(300_000), iter_sentences([DATA / "english-corpus"])) if k % 100 == 0][:2000]
    pe = (DATA / "mlqe-pe-ru-en/dev/pe.en").read_text().splitlines()[:1000]
    for label, lines in (("wikipedia", wiki), ("mlqe-dev-pe", pe)):
        probs = [float(p.max()) for p in tagger.word_probs(lines)]
        print(label, len(lines), {t: sum(p >= t for p in probs) for t in taus})


if __name__ == "__main__":
    main()
