"""Experiment: train a bidirectional token tagger (error detector) on ged_data.npz.

python benchmarks/detector/ged_train.py DATA.npz OUT --minutes 6 [--init normalize/models/default] [--dim 192]
Writes OUT/transformer.npz (+ head) and OUT/transformer.json.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from normalize.lm.transformer import _weights, pack_weights  # noqa: E402
from normalize.lm.transformer_train import Shape, block_type  # noqa: E402


def pack(ids: np.ndarray, labels: np.ndarray, bos: int, context: int):
    starts = np.flatnonzero(ids == bos)
    ends = np.append(starts[1:], len(ids))
    lens = np.minimum(ends - starts, context)
    rows, fill = [], context
    for i, n in enumerate(lens):
        if fill + n > context:
            rows.append([])
            fill = 0
        rows[-1].append(i)
        fill += int(n)
    tok = np.zeros((len(rows), context), np.int32)
    pos = np.full((len(rows), context), -1, np.int32)
    lab = np.full((len(rows), context), 2, np.int8)
    for r, members in enumerate(rows):
        at = 0
        for i in members:
            n = int(lens[i])
            s = starts[i]
            tok[r, at:at + n] = ids[s:s + n]
            pos[r, at:at + n] = np.arange(n)
            lab[r, at:at + n] = labels[s:s + n]
            at += n
    return tok, pos, lab


def build(vocab: int, dim: int, layers: int, heads: int, context: int) -> nn.Module:
    Block = block_type(Shape(vocab=vocab, dim=dim, layers=layers, heads=heads, context=context))

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = nn.Embedding(vocab, dim)
            self.pos = nn.Embedding(context, dim)
            self.blocks = nn.ModuleList(Block() for _ in range(layers))
            self.ln = nn.LayerNorm(dim)
            self.head = nn.Linear(dim, 1)
            nn.init.normal_(self.embed.weight, std=0.02)
            nn.init.normal_(self.pos.weight, std=0.01)

        def forward(self, tokens, positions):
            valid = positions >= 0
            seg = torch.cumsum((positions == 0).int(), dim=1)
            mask = (seg[:, :, None] == seg[:, None, :]) & valid[:, None, :]
            mask = mask | torch.eye(tokens.shape[1], dtype=torch.bool, device=tokens.device)
            x = self.embed(tokens) + self.pos(positions.clamp(min=0))
            for block in self.blocks:
                x = block(x, mask[:, None])
            return self.head(self.ln(x))[..., 0]

    return Tagger()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("out")
    p.add_argument("--minutes", type=float, default=6.0)
    p.add_argument("--init", default="")
    p.add_argument("--dim", type=int, default=192)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--max-steps", type=int, default=0)
    p.add_argument("--save-at", default="", help="comma list of steps to export at")
    p.add_argument("--no-mlqe", action="store_true")
    a = p.parse_args()
    torch.manual_seed(0)
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    z = np.load(a.data)
    n = int(z["n"])
    ids = z["ids"].astype(np.int32)
    lab = np.unpackbits(z["ones"])[:n].astype(np.int8)
    lab[np.unpackbits(z["ignore"])[:n] == 1] = 2
    if a.no_mlqe:
        keep = np.unpackbits(z["mlqe"])[:n] == 0
        ids, lab = ids[keep], lab[keep]
    tok, pos, tgt = pack(ids, lab, 1, 128)
    gen = np.random.default_rng(0)
    perm = gen.permutation(len(tok))
    held = perm[: len(perm) // 100]
    train = perm[len(perm) // 100:]
    model = build(16000, a.dim, a.layers, a.heads, 128).to(dev)
    if a.init:
        w = _weights(Path(a.init) / "transformer.npz")
        state = model.state_dict()
        loaded = 0
        for k in state:
            if k in w and tuple(w[k].shape) == tuple(state[k].shape):
                state[k] = torch.from_numpy(w[k])
                loaded += 1
        model.load_state_dict(state)
        print("initialised", loaded, "tensors from", a.init, flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.05, betas=(0.9, 0.98))
    budget = a.minutes * 60
    start = time.monotonic()
    step, cursor = 0, 0
    order = gen.permutation(train)
    while True:
        frac = (time.monotonic() - start) / budget
        if frac >= 1 or (a.max_steps and step >= a.max_steps):
            break
        lr = a.lr * min(1.0, (step + 1) / 200) * (0.1 + 0.45 * (1 + math.cos(math.pi * frac)))
        for g in opt.param_groups:
            g["lr"] = lr
        if cursor + a.batch > len(order):
            order, cursor = gen.permutation(train), 0
        pick = order[cursor:cursor + a.batch]
        cursor += a.batch
        tk = torch.from_numpy(tok[pick]).to(dev)
        ps = torch.from_numpy(pos[pick]).to(dev)
        y = torch.from_numpy(tgt[pick]).to(dev)
        with torch.autocast(device_type=dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
            logit = model(tk, ps)
        keep = y != 2
        loss = F.binary_cross_entropy_with_logits(logit.float()[keep], y[keep].float())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        if a.save_at and str(step) in a.save_at.split(","):
            export(model, a, tok, pos, tgt, held, dev, step, start, Path(a.out) / f"s{step}")
        if step % 500 == 0:
            print(json.dumps({"step": step, "min": round((time.monotonic() - start) / 60, 2),
                              "loss": round(float(loss.detach()), 4)}), flush=True)
    export(model, a, tok, pos, tgt, held, dev, step, start, Path(a.out))


def export(model, a, tok, pos, tgt, held, dev, step, start, out) -> None:
    model.eval()
    tot, cnt, tp, fp, fn = 0.0, 0, 0, 0, 0
    with torch.no_grad():
        for i in range(0, len(held), 256):
            pick = held[i:i + 256]
            tk = torch.from_numpy(tok[pick]).to(dev)
            ps = torch.from_numpy(pos[pick]).to(dev)
            y = torch.from_numpy(tgt[pick]).to(dev)
            logit = model(tk, ps).float()
            keep = y != 2
            tot += float(F.binary_cross_entropy_with_logits(logit[keep], y[keep].float(), reduction="sum"))
            cnt += int(keep.sum())
            pr = logit[keep] > 0
            yy = y[keep] == 1
            tp += int((pr & yy).sum()); fp += int((pr & ~yy).sum()); fn += int((~pr & yy).sum())
    card = {"shape": {"vocab": 16000, "dim": a.dim, "layers": a.layers, "heads": a.heads, "context": 128},
            "steps": step, "minutes": round((time.monotonic() - start) / 60, 2), "init": a.init,
            "heldout_loss": round(tot / cnt, 4), "heldout_p": round(tp / max(tp + fp, 1), 3),
            "heldout_r": round(tp / max(tp + fn, 1), 3), "rows": len(tok)}
    out.mkdir(parents=True, exist_ok=True)
    arrays = {k: v.detach().float().cpu().numpy() for k, v in model.state_dict().items()}
    np.savez(out / "transformer.npz", **pack_weights(arrays, int8=True))
    (out / "transformer.json").write_text(json.dumps(card, indent=2) + "\n")
    print(json.dumps(card), flush=True)
    model.train()


if __name__ == "__main__":
    main()
