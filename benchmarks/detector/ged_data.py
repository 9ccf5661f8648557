"""Experiment: training data for a token-level error detector (not shipped).

Each example is a sentence as written plus, per sentencepiece piece, 1 when an
editor's correction changes that word (or inserts a word just before it).
Sources: Wikipedia sentences with synthetic article / preposition / agreement /
number / order errors; MLQE-PE train MT -> post-edit; the tuned wire-copy sets
(faulty -> reference, clean rows, references), except the calibration sets.
"""
from __future__ import annotations

import csv
import difflib
import random
import re
import sys
from pathlib import Path

import numpy as np
import sentencepiece as spm

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from normalize.lm.text import iter_sentences, normalise  # noqa: E402

HERE = ROOT
DATA = ROOT.parent / "shared" / "data"
SP = spm.SentencePieceProcessor(model_file=str(HERE / "normalize/models/default/spm.model"))
CALIBRATION = {"wirecopy-own14.tsv", "wirecopy-own16.tsv"}  # and wirecopy-dev
HELD_OUT = {f"wirecopy-own{n}.tsv" for n in (2, 5, 9, 15, 17, 18, 19, 20, 21, 22)}

ARTICLES = {"the", "a", "an"}
PREPS = {"in": ("on", "at", "for"), "on": ("in", "at", "about"), "at": ("in", "on"), "for": ("to", "of", "on"),
         "to": ("for", "in"), "of": ("for", "on"), "by": ("with", "from"), "with": ("by", "to"),
         "from": ("of", "by"), "about": ("of", "on"), "into": ("in",), "during": ("in",)}
AUX = {"is": "are", "are": "is", "was": "were", "were": "was", "has": "have", "have": "has"}
WORD = re.compile(r"^[a-z]+$")


def corrupt(words: list[str], rnd: random.Random) -> list[str] | None:
    w = list(words)
    kind = rnd.choice(("art_del", "art_del", "art_ins", "art_sub", "prep_sub", "prep_sub", "prep_del",
                       "aux", "number", "order"))
    idx = list(range(len(w)))
    rnd.shuffle(idx)
    for i in idx:
        low = w[i].lower()
        if kind == "art_del" and low in ARTICLES and i + 1 < len(w):
            nxt = w[i + 1]
            if i == 0:
                nxt = nxt[:1].upper() + nxt[1:]
            return w[:i] + [nxt] + w[i + 2:]
        if kind == "art_ins" and i > 0 and WORD.match(w[i]) and w[i - 1].lower() in PREPS:
            return w[:i] + [rnd.choice(("the", "the", "a"))] + w[i:]
        if kind == "art_sub" and low in ARTICLES:
            new = "the" if low != "the" else ("an" if w[i + 1:i + 2] and w[i + 1][:1].lower() in "aeiou" else "a")
            return w[:i] + [new if w[i].islower() else new.capitalize()] + w[i + 1:]
        if kind == "prep_sub" and w[i] in PREPS:
            return w[:i] + [rnd.choice(PREPS[w[i]])] + w[i + 1:]
        if kind == "prep_del" and w[i] in PREPS and 0 < i < len(w) - 1:
            return w[:i] + w[i + 1:]
        if kind == "aux" and w[i] in AUX:
            return w[:i] + [AUX[w[i]]] + w[i + 1:]
        if kind == "number" and WORD.match(w[i]) and len(w[i]) > 4 and i > 0 and w[i - 1].lower() in ARTICLES | {"these", "those", "many", "several"}:
            if w[i].endswith("s") and not w[i].endswith("ss"):
                return w[:i] + [w[i][:-1]] + w[i + 1:]
            return w[:i] + [w[i] + "s"] + w[i + 1:]
        if kind == "order" and i + 1 < len(w) and WORD.match(w[i]) and WORD.match(w[i + 1]):
            return w[:i] + [w[i + 1], w[i]] + w[i + 2:]
    return None


def word_labels(src: list[str], ref: list[str]) -> list[int]:
    """1 on each source word the correction replaces or deletes, or inserts before."""
    lab = [0] * len(src)
    sm = difflib.SequenceMatcher(a=[x.lower() for x in src], b=[x.lower() for x in ref], autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal":
            continue
        if a1 > a0:
            for k in range(a0, a1):
                lab[k] = 1
        elif src:
            lab[min(a0, len(src) - 1)] = 1
    return lab


def encode(words: list[str], labels: list[int]) -> tuple[list[int], list[int]]:
    ids, labs = [SP.bos_id()], [2]
    for piece_ids, lab in zip(SP.encode(words), labels):
        ids.extend(piece_ids)
        labs.extend([lab] * len(piece_ids))
    ids.append(SP.eos_id())
    labs.append(2)
    return ids, labs


def pairs_from_tsv(path: Path):
    with path.open(encoding="utf-8", newline="") as h:
        for r in csv.DictReader(h, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield r["source"], r["reference"]


def main(out: str, n_wiki: int) -> None:
    rnd = random.Random(0)
    ids: list[int] = []
    labs: list[int] = []
    src_mlqe: list[bool] = []
    counts = {}

    def add(src: str, ref: str, tag: str, times: int = 1) -> None:
        s, r = normalise(src).split(), normalise(ref).split()
        if not s or len(s) > 80:
            return
        i, l = encode(s, word_labels(s, r))
        for _ in range(times):
            ids.extend(i)
            labs.extend(l)
            src_mlqe.extend([tag == "mlqe"] * len(i))
        counts[tag] = counts.get(tag, 0) + times

    # Real pairs first (their share is reported).
    mlqe = DATA / "mlqe-pe-ru-en" / "train"
    for mt, pe in zip((mlqe / "mt.en").read_text().splitlines(), (mlqe / "pe.en").read_text().splitlines()):
        add(mt, pe, "mlqe", 2)
    sets = sorted((HERE / "benchmarks/data").glob("wirecopy-own*.tsv"))
    for path in sets:
        if path.name in HELD_OUT or path.name in CALIBRATION:
            continue  # wirecopy-dev (in ../shared/data) is a calibration set too
        for src, ref in pairs_from_tsv(path):
            add(src, ref, "wire", 8)
            if src != ref:
                add(ref, ref, "wire-ref", 4)
    n = 0
    for k, sentence in enumerate(iter_sentences([DATA / "english-corpus"])):
        if k % 100 == 0:
            continue  # the LM's held-out sentences
        words = sentence.split()
        if len(words) > 80:
            continue
        bad = None
        if rnd.random() < 0.5:
            bad = corrupt(words, rnd)
            if bad is not None and rnd.random() < 0.3:
                bad = corrupt(bad, rnd) or bad
        written, tag = (words, "wiki-ok") if bad is None else (bad, "wiki-bad")
        i, l = encode(written, word_labels(written, words))
        ids.extend(i)
        labs.extend(l)
        counts[tag] = counts.get(tag, 0) + 1
        n += 1
        if n >= n_wiki:
            break
    a = np.array(ids, np.uint16)
    lab = np.array(labs, np.uint8)
    mlqe_mask = np.zeros(len(a), bool)
    mlqe_mask[: len(src_mlqe)] = src_mlqe
    np.savez_compressed(out, ids=a, ones=np.packbits(lab == 1), ignore=np.packbits(lab == 2), n=len(a),
                        mlqe=np.packbits(mlqe_mask))
    print(counts, len(a), "pieces", float((lab == 1).mean()), "positive share")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
