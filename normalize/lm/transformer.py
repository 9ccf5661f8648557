"""Run the small causal transformer with numpy alone (no torch at run time).

Weights come from :mod:`normalize.lm.transformer_train` as ``transformer.npz``
(float16, or int8 rows with float16 scales) and are widened to float32 once at
load. A batch of sentences is padded to its longest member; each sentence is
scored from ``<s>`` on its own, as in training.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

LN10 = float(np.log(10.0))
# Batch sizes: small batches of similar length pad least and keep the
# variants' copies of their bases' keys and values small; on ~15k words of
# wire copy 8 and 16 ran fastest (6.0 s against 7.8 s for 64 and 128) and
# peaked at 270 MB against 505 MB.
_BASES_PER_BATCH = 8
_VARIANTS_PER_BATCH = 16
_PICK_ROWS = 512  # rows of vocabulary-wide logits at a time (32 MB)


def pack_weights(arrays: dict[str, np.ndarray], int8: bool = True) -> dict[str, np.ndarray]:
    """Float weights as stored: matrices of 64k entries or more as int8 rows
    with float16 scales (int8 cost 0.01-0.02 in held-out perplexity per piece),
    everything else as float16."""
    out: dict[str, np.ndarray] = {}
    for name, w in arrays.items():
        w = np.asarray(w, np.float32)
        if int8 and w.ndim == 2 and w.size >= 65536:
            scale = np.abs(w).max(axis=1, keepdims=True) / 127.0 + 1e-12
            out[name + ".q"] = np.round(w / scale).astype(np.int8)
            out[name + ".scale"] = scale.astype(np.float16)
        else:
            out[name] = w.astype(np.float16)
    return out


def _weights(path: Path) -> dict[str, np.ndarray]:
    raw = np.load(path)
    out: dict[str, np.ndarray] = {}
    for name in raw.files:
        if name.endswith(".scale"):
            continue
        if name.endswith(".q"):
            base = name[:-2]
            out[base] = raw[name].astype(np.float32) * raw[base + ".scale"].astype(np.float32)
        else:
            out[name] = raw[name].astype(np.float32)
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + 1e-5) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))


class TransformerLM:
    """Sentence log-probabilities from a trained ``transformer.npz``."""

    def __init__(self, folder: Path) -> None:
        self.card = json.loads((folder / "transformer.json").read_text(encoding="utf-8"))
        shape = self.card["shape"]
        self.dim, self.layers, self.heads, self.context = (
            shape["dim"], shape["layers"], shape["heads"], shape["context"],
        )
        self.w = _weights(folder / "transformer.npz")
        missing = [name for name in _names(self.layers) if name not in self.w]
        if missing:
            raise KeyError(f"transformer.npz lacks {', '.join(missing[:3])}")
        self.vocab = int(self.w["embed.weight"].shape[0])
        self.embed_t = np.ascontiguousarray(self.w["embed.weight"].T)
        # Linear layers' weights transposed once, for x @ W.T.
        self.wt = {
            name: np.ascontiguousarray(array.T)
            for name, array in self.w.items() if name.startswith("blocks.") and array.ndim == 2
        }

    def _blocks(
        self, x: np.ndarray, bias: np.ndarray, past: list[tuple[np.ndarray, np.ndarray]] | None = None
    ) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        """Run every block on embedded ``x`` (B, T, d); ``bias`` (B, 1, T, keys)
        is added to the attention scores, where the keys are ``past``'s (one
        row per row of ``x``, prepended) followed by ``x``'s own. Returns the final
        layer-normed states and each layer's keys and values."""
        b, t, d = x.shape
        w, wt = self.w, self.wt
        hd = d // self.heads
        scale = np.float32(1.0 / np.sqrt(hd))  # a float64 scalar would widen every score
        x = x.reshape(b * t, d)  # 2-D products run as one BLAS call, 3-D ones do not
        caches: list[tuple[np.ndarray, np.ndarray]] = []
        for i in range(self.layers):
            p = f"blocks.{i}."
            h = _layer_norm(x, w[p + "ln1.weight"], w[p + "ln1.bias"])
            qkv = h @ wt[p + "qkv.weight"] + w[p + "qkv.bias"]
            q, k, v = (
                z.reshape(b, t, self.heads, hd).transpose(0, 2, 1, 3)
                for z in np.split(qkv, 3, axis=-1)
            )
            caches.append((k, v))
            if past is not None:
                k = np.concatenate([past[i][0], k], axis=2)
                v = np.concatenate([past[i][1], v], axis=2)
            att = (q * scale) @ k.transpose(0, 1, 3, 2) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            a = (att @ v).transpose(0, 2, 1, 3).reshape(b * t, d)
            x = x + a @ wt[p + "proj.weight"] + w[p + "proj.bias"]
            h = _layer_norm(x, w[p + "ln2.weight"], w[p + "ln2.bias"])
            x = x + _gelu(h @ wt[p + "up.weight"] + w[p + "up.bias"]) @ wt[p + "down.weight"] + w[p + "down.bias"]
        return _layer_norm(x, w["ln.weight"], w["ln.bias"]).reshape(b, t, d), caches

    def _pick(self, states: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """Natural-log p of ``targets`` (N,) after final ``states`` (N, d).

        In chunks of rows: a row's logits span the whole vocabulary, and
        thousands of rows at once would take gigabytes."""
        out = np.empty(len(targets), np.float32)
        for at in range(0, len(targets), _PICK_ROWS):
            logits = states[at : at + _PICK_ROWS] @ self.embed_t
            picked = logits[np.arange(len(logits)), targets[at : at + _PICK_ROWS]]
            top = logits.max(-1)
            logits -= top[:, None]
            np.exp(logits, out=logits)
            out[at : at + _PICK_ROWS] = picked - top - np.log(logits.sum(-1))
        return out

    def next_logprobs(self, tokens: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Natural-log p of each row's next piece at every position (B, T).

        ``tokens`` (B, T) start with ``<s>``; positions at or past a row's
        length are padding and their values are meaningless.
        """
        b, t = tokens.shape
        x = self.w["embed.weight"][tokens] + self.w["pos.weight"][:t][None]
        states, _ = self._blocks(x, _causal_bias(lengths, t))
        nxt = np.zeros_like(tokens)
        nxt[:, :-1] = tokens[:, 1:]
        return self._pick(states.reshape(b * t, -1), nxt.reshape(-1)).reshape(b, t)

    def gains(self, base: Sequence[int], variants: Sequence[Sequence[int]], bos: int, eos: int) -> np.ndarray:
        """log10 p(variant) - log10 p(base) for each variant of one base."""
        return self.gains_many([(base, variants)], bos, eos)[0]

    def gains_many(
        self, requests: Sequence[tuple[Sequence[int], Sequence[Sequence[int]]]], bos: int, eos: int
    ) -> list[np.ndarray]:
        """:meth:`gains` for many (base, variants) requests in few batches.

        Candidate edits share most pieces with their sentence: each base is
        run once, and each variant only from its first differing piece on,
        attending to the base's keys and values below that piece.
        """
        out = [np.zeros(len(v)) for _, v in requests]
        # Batched by length, so that little of each batch is padding.
        order = sorted(range(len(requests)), key=lambda r: len(requests[r][0]))
        for at in range(0, len(order), _BASES_PER_BATCH):
            chunk = order[at : at + _BASES_PER_BATCH]
            bases = [[bos, *requests[r][0], eos][: self.context] for r in chunk]
            # (base in chunk, index among its variants, row, pieces shared with the base)
            mine = [
                (k, i, row, _common_prefix(bases[k], row))
                for k, r in enumerate(chunk) for i, v in enumerate(requests[r][1])
                for row in ([bos, *v, eos][: self.context],)
            ]
            # A base's predictions are needed only from its variants' first
            # change on: the vocabulary-wide output layer costs more than
            # the blocks, so the rest are not computed.
            starts = [len(b) - 1 for b in bases]
            for k, _, _, shared in mine:
                starts[k] = min(starts[k], shared - 1)
            states, caches, suffix = self._run_bases(bases, starts)
            mine.sort(key=lambda m: len(m[2]) - m[3])
            for v_at in range(0, len(mine), _VARIANTS_PER_BATCH):
                part = mine[v_at : v_at + _VARIANTS_PER_BATCH]
                values = self._run_variants([(k, row, shared) for k, _, row, shared in part], states, caches, suffix)
                for (k, i, _, _), value in zip(part, values):
                    out[chunk[k]][i] = value
        return out

    def _run_bases(
        self, rows: list[list[int]], starts: list[int]
    ) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]], list[np.ndarray]]:
        """States, per-layer keys/values and, per row, the natural-log
        probability summed from each position to the end (from ``starts`` on;
        NaN before)."""
        tokens, lengths = _pad(rows)
        t = tokens.shape[1]
        x = self.w["embed.weight"][tokens] + self.w["pos.weight"][:t][None]
        states, caches = self._blocks(x, _causal_bias(lengths, t))
        picked = self._pick(
            np.concatenate([states[k, s : n - 1] for k, (s, n) in enumerate(zip(starts, lengths))]),
            np.concatenate([row[s + 1 :] for row, s in zip(rows, starts)]).astype(np.int64),
        )
        ends = np.cumsum(lengths - 1 - np.array(starts))
        suffix = []
        for s, seg in zip(starts, np.split(picked, ends[:-1])):
            sums = np.full(len(seg) + s, np.nan)  # sums[j]: log p of pieces j+1.. of the row
            sums[s:] = np.cumsum(seg[::-1])[::-1]
            suffix.append(sums)
        return states, caches, suffix

    def _run_variants(
        self,
        variants: list[tuple[int, list[int], int]],
        states: np.ndarray,
        caches: list[tuple[np.ndarray, np.ndarray]],
        suffix: list[np.ndarray],
    ) -> np.ndarray:
        """Gains of (base index, row, pieces shared with the base) variants."""
        out = np.zeros(len(variants))
        todo: list[int] = []
        for k, (r, row, s) in enumerate(variants):
            if s == len(row):  # the base itself, or cut short by the context: a prefix of it
                out[k] = -suffix[r][s - 1] / LN10 if s - 1 < len(suffix[r]) else 0.0
            else:
                todo.append(k)
        if not todo:
            return out
        t = states.shape[1]
        news = [variants[k][1][variants[k][2] :] for k in todo]
        prefix = np.array([variants[k][2] for k in todo])
        owners = np.array([variants[k][0] for k in todo])
        tokens, lengths = _pad(news)
        width = tokens.shape[1]
        positions = prefix[:, None] + np.arange(width)[None, :]  # padding: masked as keys
        # Keys: the base's positions below the shared prefix, then the
        # variant's own new pieces (causal).
        old_ok = np.arange(t)[None, :] < prefix[:, None]
        new_ok = _causal_bias(lengths, width) == 0
        mask = np.concatenate(
            [np.broadcast_to(old_ok[:, None, None, :], (len(todo), 1, width, t)), new_ok], axis=-1
        )
        bias = np.where(mask, 0.0, -1e9).astype(np.float32)
        x = self.w["embed.weight"][tokens] + self.w["pos.weight"][np.minimum(positions, self.context - 1)]
        past = [(k[owners], v[owners]) for k, v in caches]
        new_states, _ = self._blocks(x, bias, past)
        # Each variant's predictions run from position s-1 (the base's state
        # there) to its end.
        picked = self._pick(
            np.concatenate(
                [np.concatenate([states[o, s - 1 : s], new_states[j, : n - 1]]) for j, (o, s, n) in enumerate(zip(owners, prefix, lengths))]
            ),
            np.concatenate(news),
        )
        sums = np.add.reduceat(picked, np.cumsum(lengths) - lengths)
        for j, k in enumerate(todo):
            out[k] = (sums[j] - suffix[owners[j]][prefix[j] - 1]) / LN10
        return out

    def score(self, encoded: Sequence[Sequence[int]], bos: int, eos: int, batch: int = 32) -> np.ndarray:
        """Total log10 p of each piece sequence plus ``</s>`` (cut to the context)."""
        out = np.zeros(len(encoded))
        order = np.argsort([len(e) for e in encoded])  # similar lengths pad less
        for at in range(0, len(order), batch):
            idx = order[at : at + batch]
            tokens, lengths = _pad([[bos, *encoded[i], eos][: self.context] for i in idx])
            logp = self.next_logprobs(tokens, lengths)
            valid = np.arange(tokens.shape[1])[None, :] < (lengths - 1)[:, None]
            out[idx] = (logp * valid).sum(1) / LN10
        return out


def _names(layers: int) -> list[str]:
    """The weights a network of ``layers`` blocks needs."""
    block = ("ln1.weight", "ln1.bias", "qkv.weight", "qkv.bias", "proj.weight", "proj.bias",
             "ln2.weight", "ln2.bias", "up.weight", "up.bias", "down.weight", "down.bias")
    return ["embed.weight", "pos.weight", "ln.weight", "ln.bias"] + [
        f"blocks.{i}.{name}" for i in range(layers) for name in block
    ]


def _causal_bias(lengths: np.ndarray, t: int) -> np.ndarray:
    """(B, 1, t, t) additive mask: causal, padded keys hidden; a padded
    query still sees itself so its softmax stays finite."""
    keys_ok = np.arange(t)[None, :] < lengths[:, None]
    mask = np.tril(np.ones((t, t), bool))[None] & keys_ok[:, None, :]
    mask |= np.eye(t, dtype=bool)[None]
    return np.where(mask, 0.0, -1e9).astype(np.float32)[:, None]


def _pad(rows: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Rows of piece ids as one zero-padded (B, T) array, and their lengths."""
    lengths = np.array([len(r) for r in rows])
    tokens = np.zeros((len(rows), int(lengths.max())), np.int64)
    for k, row in enumerate(rows):
        tokens[k, : len(row)] = row
    return tokens, lengths


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
