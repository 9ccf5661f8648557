"""Train a small causal transformer over sentencepiece pieces (needs torch).

The fluency model's n-gram tables score thousands of candidates per sentence;
this network is the second opinion the ranker asks about the few edits that
survive, where a 5-piece window cannot see the whole clause. It reads the
corpus with the n-gram model's own tokenizer and sentence splitter (every
100th sentence held out, as for the n-gram model) and trains one sentence per
attention segment, so scoring a lone sentence at run time sees exactly what
training saw. Weights are written as ``transformer.npz`` (int8 rows with
float16 scales; float16 for vectors) for :mod:`normalize.lm.transformer`,
which needs only numpy.

Training stops after ``minutes`` with a cosine learning rate laid over that
time, so the same command fits a GPU lease or a CPU night; with ``max_steps``
the cosine follows the steps when they run out first, so a step-capped run
does not depend on how busy the machine is.
``normalize train-network`` is the command; ``python -m
normalize.lm.transformer_train IDS.npy HELDOUT.npy OUT`` trains on piece ids
encoded beforehand (how the GPU run in benchmarks/model_network.md was fed).
"""

from __future__ import annotations

import argparse
import json
import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Shape:
    vocab: int = 16000
    dim: int = 256
    layers: int = 4
    heads: int = 4
    context: int = 128

    @property
    def ff(self) -> int:
        return 4 * self.dim


def pack_sentences(ids: np.ndarray, bos: int, context: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``context`` pieces made of whole sentences (cut at ``context``).

    Returns (tokens, positions); padding has position -1. Each sentence starts
    at position 0, so a row never lets one sentence see another.
    """
    starts = np.flatnonzero(ids == bos)
    ends = np.append(starts[1:], len(ids))
    lens = np.minimum(ends - starts, context)
    rows: list[list[int]] = []
    row_fill = context  # force a new row first
    for i, n in enumerate(lens):
        if row_fill + n > context:
            rows.append([])
            row_fill = 0
        rows[-1].append(i)
        row_fill += int(n)
    tokens = np.zeros((len(rows), context), np.int32)
    positions = np.full((len(rows), context), -1, np.int32)
    for r, members in enumerate(rows):
        at = 0
        for i in members:
            n = int(lens[i])
            tokens[r, at : at + n] = ids[starts[i] : starts[i] + n]
            positions[r, at : at + n] = np.arange(n)
            at += n
    return tokens, positions


def encode_corpus(model_dir: Path, corpus: list[Path], progress=None) -> tuple[np.ndarray, np.ndarray]:  # noqa: ANN001
    """(train, held-out) piece ids of ``corpus``, ``<s>`` ... ``</s>`` per
    sentence, with the tokenizer in ``model_dir``."""
    import sentencepiece as spm

    from normalize.lm.text import iter_sentences
    from normalize.lm.train import HELDOUT_EVERY

    sp = spm.SentencePieceProcessor(model_file=str(model_dir / "spm.model"))
    parts: tuple[list[np.ndarray], list[np.ndarray]] = ([], [])
    batch: list[str] = []
    n = 0

    def flush(first: int) -> None:
        for k, ids in enumerate(sp.encode(batch), start=first):
            parts[k % HELDOUT_EVERY == 0].append(np.array([sp.bos_id(), *ids, sp.eos_id()], np.uint16))
        batch.clear()

    for n, sentence in enumerate(iter_sentences(corpus), start=1):
        batch.append(sentence)
        if len(batch) == 20_000:
            flush(n - len(batch) + 1)
            if progress is not None:
                progress(n)
    flush(n - len(batch) + 1)
    if not parts[0] or not parts[1]:
        raise ValueError(f"the corpus has too few sentences ({n}; at least {HELDOUT_EVERY} are needed)")
    return np.concatenate(parts[0]), np.concatenate(parts[1])


def block_type(shape: Shape):  # noqa: ANN202 - torch types stay local to this module
    """The transformer block of ``shape`` (pre-norm attention and feed-forward;
    the attention mask is the caller's): the LM here, and the error tagger of
    benchmarks/detector, which starts from the LM's weights."""
    from torch import nn
    from torch.nn import functional as F

    class Block(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.ln1 = nn.LayerNorm(shape.dim)
            self.qkv = nn.Linear(shape.dim, 3 * shape.dim)
            self.proj = nn.Linear(shape.dim, shape.dim)
            self.ln2 = nn.LayerNorm(shape.dim)
            self.up = nn.Linear(shape.dim, shape.ff)
            self.down = nn.Linear(shape.ff, shape.dim)

        def forward(self, x, mask):  # noqa: ANN001, ANN202
            b, t, d = x.shape
            h = shape.heads
            q, k, v = self.qkv(self.ln1(x)).split(d, dim=-1)
            q, k, v = (z.view(b, t, h, d // h).transpose(1, 2) for z in (q, k, v))
            a = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
            x = x + self.proj(a.transpose(1, 2).reshape(b, t, d))
            return x + self.down(F.gelu(self.up(self.ln2(x)), approximate="tanh"))

    return Block


def _build(shape: Shape):  # noqa: ANN202 - torch types stay local to this module
    import torch
    from torch import nn

    Block = block_type(shape)

    class LM(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = nn.Embedding(shape.vocab, shape.dim)
            self.pos = nn.Embedding(shape.context, shape.dim)
            self.blocks = nn.ModuleList(Block() for _ in range(shape.layers))
            self.ln = nn.LayerNorm(shape.dim)
            nn.init.normal_(self.embed.weight, std=0.02)
            nn.init.normal_(self.pos.weight, std=0.01)

        def forward(self, tokens, positions):  # noqa: ANN001, ANN202
            valid = positions >= 0
            seg = torch.cumsum((positions == 0).int(), dim=1)
            same = seg[:, :, None] == seg[:, None, :]
            causal = torch.ones(tokens.shape[1], tokens.shape[1], dtype=torch.bool, device=tokens.device).tril()
            # A padded query still needs one visible key or softmax gives NaN.
            mask = (same & causal & valid[:, None, :]) | torch.eye(tokens.shape[1], dtype=torch.bool, device=tokens.device)
            x = self.embed(tokens) + self.pos(positions.clamp(min=0))
            for block in self.blocks:
                x = block(x, mask[:, None])
            return self.ln(x) @ self.embed.weight.T

    return LM()


def _targets(tokens, positions):  # noqa: ANN001, ANN202
    """Next piece within the same sentence; -100 (ignored) elsewhere."""
    import torch

    nxt = torch.full_like(tokens, -100)
    same = (positions[:, 1:] == positions[:, :-1] + 1) & (positions[:, :-1] >= 0)
    nxt[:, :-1] = torch.where(same, tokens[:, 1:], torch.full_like(tokens[:, 1:], -100))
    return nxt.long()


def evaluate(model, tokens: np.ndarray, positions: np.ndarray, device: str, batch: int = 256) -> float:  # noqa: ANN001
    """Held-out perplexity per piece (every piece after ``<s>``, ``</s>`` included)."""
    import torch
    from torch.nn import functional as F

    total, count = 0.0, 0
    model.eval()
    with torch.no_grad():
        for i in range(0, len(tokens), batch):
            tk = torch.from_numpy(tokens[i : i + batch]).to(device)
            ps = torch.from_numpy(positions[i : i + batch]).to(device)
            logits = model(tk, ps).float()
            tgt = _targets(tk, ps)
            loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), tgt.view(-1), ignore_index=-100, reduction="sum")
            total += float(loss)
            count += int((tgt != -100).sum())
    model.train()
    return math.exp(total / max(count, 1))


def export(model, shape: Shape, out: Path, card: dict, quantise: bool) -> None:  # noqa: ANN001
    """``transformer.npz`` (see :func:`normalize.lm.transformer.pack_weights`) and its card."""
    from normalize.lm.transformer import pack_weights

    arrays = {name: t.detach().float().cpu().numpy() for name, t in model.state_dict().items()}
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "transformer.npz", **pack_weights(arrays, int8=quantise))
    (out / "transformer.json").write_text(json.dumps({"shape": asdict(shape), **card}, indent=2) + "\n")


@dataclass(frozen=True)
class Settings:
    shape: Shape = Shape()
    batch: int = 256  # rows of ``context`` pieces per step
    lr: float = 1e-3
    warmup: int = 300
    minutes: float = 5.0
    max_steps: int = 0  # 0: until ``minutes``
    seed: int = 0
    log_every: int = 200
    int8: bool = True
    device: str = "auto"


def train_arrays(
    ids: np.ndarray, heldout: np.ndarray, out: Path, settings: Settings, bos: int = 1,
    log=print, reference: bool = False,  # noqa: ANN001
) -> dict:
    """Train on piece ids, write ``out/transformer.npz`` and ``.json``; the card."""
    import torch

    torch.manual_seed(settings.seed)
    device = settings.device
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    shape = settings.shape
    tokens, positions = pack_sentences(ids.astype(np.int32), bos, shape.context)
    held_t, held_p = pack_sentences(heldout.astype(np.int32), bos, shape.context)
    model = _build(shape).to(device)
    params = sum(p.numel() for p in model.parameters())
    decay = [p for p in model.parameters() if p.ndim == 2]
    other = [p for p in model.parameters() if p.ndim < 2]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": 0.1}, {"params": other, "weight_decay": 0.0}],
        lr=settings.lr, betas=(0.9, 0.98),
    )
    gen = np.random.default_rng(settings.seed)
    budget = settings.minutes * 60.0
    start = time.monotonic()
    step, seen, history = 0, 0, []
    order = gen.permutation(len(tokens))
    cursor = 0
    batch = min(settings.batch, len(tokens))
    while True:
        frac = (time.monotonic() - start) / budget
        if frac >= 1.0 or (settings.max_steps and step >= settings.max_steps):
            break
        # Warm-up, then a cosine over the time budget (or over max_steps, when
        # those run out first) down to a tenth. A schedule by steps makes a
        # step-capped run the same however busy the machine is.
        done = max(frac, step / settings.max_steps) if settings.max_steps else frac
        lr = settings.lr * min(1.0, (step + 1) / settings.warmup) * (0.1 + 0.45 * (1 + math.cos(math.pi * done)))
        for group in opt.param_groups:
            group["lr"] = lr
        if cursor + batch > len(order):
            order, cursor = gen.permutation(len(tokens)), 0
        pick = order[cursor : cursor + batch]
        cursor += batch
        tk = torch.from_numpy(tokens[pick]).to(device, non_blocking=True)
        ps = torch.from_numpy(positions[pick]).to(device, non_blocking=True)
        with torch.autocast(device_type=device, dtype=torch.bfloat16, enabled=device == "cuda"):
            logits = model(tk, ps)
        tgt = _targets(tk, ps)
        loss = torch.nn.functional.cross_entropy(logits.float().view(-1, shape.vocab), tgt.view(-1), ignore_index=-100)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        seen += int((tgt != -100).sum())
        if step % settings.log_every == 0:
            entry = {"step": step, "minutes": round((time.monotonic() - start) / 60, 2),
                     "loss": round(float(loss.detach()), 4), "pieces_seen": seen, "lr": lr}
            history.append(entry)
            log(json.dumps(entry))
    minutes = (time.monotonic() - start) / 60
    ppl = evaluate(model, held_t, held_p, device)
    card = {
        "parameters": params, "steps": step, "pieces_seen": seen,
        "epochs": round(seen / max(int((positions > 0).sum()), 1), 2),
        "train_minutes": round(minutes, 2), "device": torch.cuda.get_device_name() if device == "cuda" else "cpu",
        "heldout_perplexity_per_piece": round(ppl, 2), "seed": settings.seed, "lr": settings.lr,
        "batch_rows": batch, "log": history[-5:],
    }
    export(model, shape, out, card, quantise=settings.int8)
    if reference:
        _write_reference(model, held_t[:8], held_p[:8], device, out)
    return card


def _write_reference(model, tokens: np.ndarray, positions: np.ndarray, device: str, out: Path) -> None:  # noqa: ANN001
    """Float32 log-probabilities of each next piece in a few held-out rows, to test the numpy runtime against."""
    import torch

    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(tokens).to(device), torch.from_numpy(positions).to(device)).float()
        logp = torch.log_softmax(logits, -1)
        nxt = torch.from_numpy(np.roll(tokens, -1, axis=1)).long().to(device)
        picked = logp.gather(-1, nxt[..., None])[..., 0].cpu().numpy()
    np.savez(out / "reference.npz", tokens=tokens, positions=positions, next_logp=picked.astype(np.float32))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("ids", help="training piece ids (.npy, <s> before every sentence)")
    p.add_argument("heldout", help="held-out piece ids (.npy), for perplexity")
    p.add_argument("out", help="output folder for transformer.npz / transformer.json")
    defaults = Settings()
    for name in ("dim", "layers", "heads", "context"):
        p.add_argument("--" + name, type=int, default=getattr(defaults.shape, name))
    for name in ("batch", "warmup", "max_steps", "seed", "log_every"):
        p.add_argument("--" + name.replace("_", "-"), type=int, default=getattr(defaults, name))
    p.add_argument("--lr", type=float, default=defaults.lr)
    p.add_argument("--minutes", type=float, default=defaults.minutes)
    p.add_argument("--float16", action="store_true", help="float16 weights instead of int8 rows")
    p.add_argument("--bos", type=int, default=1)
    p.add_argument("--reference", action="store_true", help="also save reference log-probs for tests")
    a = p.parse_args()
    settings = Settings(
        shape=Shape(dim=a.dim, layers=a.layers, heads=a.heads, context=a.context), batch=a.batch, lr=a.lr,
        warmup=a.warmup, minutes=a.minutes, max_steps=a.max_steps, seed=a.seed,
        log_every=a.log_every, int8=not a.float16,
    )
    card = train_arrays(np.load(a.ids), np.load(a.heldout), Path(a.out), settings, a.bos,
                        log=lambda line: print(line, flush=True), reference=a.reference)
    print(json.dumps({k: v for k, v in card.items() if k != "log"}), flush=True)


if __name__ == "__main__":
    main()
