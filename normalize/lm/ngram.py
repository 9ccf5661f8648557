"""A pruned, quantised Kneser-Ney n-gram model over token ids, in numpy.

Why this shape: measurements in ``benchmarks/model_architecture.md`` show that
candidate coverage, not LM strength, limits correction quality, and that
n-gram order barely matters; an n-gram model is also ~100x cheaper per
scored token than a neural LM on 2 CPU cores. What matters is size (the
wheel budget) and batched speed, hence:

* n-grams are identified by a 64-bit rolling hash of their ids (collisions
  among ~10^7 keys are ~10^-5 likely and harmless for ranking);
* tables store only 32 of those bits, bucketed by the top 16 bits
  (48 effective bits), plus one byte of quantised log-probability and one of
  back-off weight: ~6 bytes per n-gram;
* probabilities are interpolated modified Kneser-Ney, computed on the full
  counts, then converted to back-off form and re-normalised after count
  pruning, so held-out perplexity stays an honest figure;
* lookups are a vectorised binary search over all positions of a batch.

All log-probabilities are base 10, as in ARPA files and KenLM.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_U64 = np.uint64
_SEED = _U64(0x243F6A8885A308D3)
_M1 = _U64(0x9E3779B97F4A7C15)
_M2 = _U64(0xBF58476D1CE4E5B9)
_M3 = _U64(0x94D049BB133111EB)
_FLOOR = -99.0  # log10 probability for the never-predicted <s>
_LEVELS = 256  # one byte per quantised value


def extend(h: np.ndarray, tokens: np.ndarray) -> np.ndarray:
    """Hash of (sequence hashed as ``h``) + one token, elementwise."""
    with np.errstate(over="ignore"):
        x = h * _M1 + (tokens.astype(_U64) + _U64(1))
        x ^= x >> _U64(30)
        x *= _M2
        x ^= x >> _U64(27)
        x *= _M3
        x ^= x >> _U64(31)
    return x


def position_hashes(ids: np.ndarray, depth: np.ndarray, order: int) -> list[np.ndarray]:
    """``out[k-1][i]`` = hash of the k-gram ending at position i.

    ``depth[i]`` is i's distance from its sentence's ``<s>``; k-grams that
    would cross into the previous sentence are set to 0 (never a key).
    """
    out: list[np.ndarray] = []
    prev = np.full(len(ids), _SEED, dtype=_U64)
    for k in range(1, order + 1):
        shifted = np.empty_like(prev)
        shifted[0] = _SEED
        shifted[1:] = prev[:-1]
        if k == 1:
            shifted[:] = _SEED
        h = extend(shifted, ids)
        h[depth < k - 1] = 0
        out.append(h)
        prev = h
    return out


# ---------------------------------------------------------------- training


@dataclass
class _Order:
    keys: np.ndarray  # sorted unique hashes
    raw: np.ndarray  # raw counts
    ctx: np.ndarray  # hash of the (k-1)-gram context
    suf: np.ndarray  # hash of the (k-1)-gram suffix
    at_bos: np.ndarray  # the n-gram starts with <s>
    logp: np.ndarray | None = None
    bow: np.ndarray | None = None


def _count_orders(
    ids: np.ndarray, depth: np.ndarray, order: int, progress: Callable[[str], None]
) -> list[_Order]:
    hashes = position_hashes(ids, depth, order)
    orders: list[_Order] = []
    for k in range(1, order + 1):
        progress(f"counting {k}-grams")
        h = hashes[k - 1]
        positions = np.flatnonzero(h)
        keys, first, raw = np.unique(h[positions], return_index=True, return_counts=True)
        where = positions[first]
        ctx = hashes[k - 2][where - 1] if k > 1 else np.zeros(len(keys), _U64)
        suf = hashes[k - 2][where] if k > 1 else np.zeros(len(keys), _U64)
        at_bos = depth[where] == k - 1
        orders.append(_Order(keys, raw.astype(np.int64), ctx, suf, at_bos))
    return orders


def _discounts(counts: np.ndarray) -> tuple[float, float, float]:
    """Modified Kneser-Ney discounts D1, D2, D3+ (Chen & Goodman)."""
    n = [max(int(np.sum(counts == i)), 1) for i in (1, 2, 3, 4)]
    y = n[0] / (n[0] + 2 * n[1])
    d = (1 - 2 * y * n[1] / n[0], 2 - 3 * y * n[2] / n[1], 3 - 4 * y * n[3] / n[2])
    return tuple(float(np.clip(v, 0.05, i + 1)) for i, v in enumerate(d))  # type: ignore[return-value]


def _adjusted_counts(orders: list[_Order], k: int) -> np.ndarray:
    """Continuation counts for lower orders; raw counts where no left context."""
    cur = orders[k - 1]
    if k == len(orders):
        return cur.raw.copy()
    nxt = orders[k]
    suffixes, cont = np.unique(nxt.suf, return_counts=True)
    idx = np.searchsorted(suffixes, cur.keys)
    idx = np.minimum(idx, len(suffixes) - 1)
    adjusted = np.where(suffixes[idx] == cur.keys, cont[idx], 0).astype(np.int64)
    return np.where(cur.at_bos, cur.raw, adjusted)


def _lookup_sorted(keys: np.ndarray, queries: np.ndarray) -> np.ndarray:
    idx = np.searchsorted(keys, queries)
    idx = np.minimum(idx, len(keys) - 1)
    if not np.all(keys[idx] == queries):
        raise AssertionError("n-gram table is missing a prefix or suffix")
    return idx


def _estimate(orders: list[_Order], vocab_size: int, bos: int) -> None:
    """Fill ``logp`` (full interpolated) and ``bow`` (back-off) per order."""
    for k, cur in enumerate(orders, start=1):
        a = _adjusted_counts(orders, k).astype(np.float64)
        d1, d2, d3 = _discounts(a[a > 0].astype(np.int64))
        disc = np.where(a == 1, d1, np.where(a == 2, d2, d3))
        disc = np.minimum(disc, a)
        cur.bow = np.zeros(len(cur.keys))
        if k == 1:
            a[cur.keys == extend(np.array([_SEED]), np.array([bos]))[0]] = 0
            total = a.sum()
            gamma = (d1 * np.sum(a == 1) + d2 * np.sum(a == 2) + d3 * np.sum(a >= 3)) / total
            p = (a - np.where(a > 0, disc, 0)) / total + gamma / vocab_size
            p[a == 0] = np.where(cur.raw[a == 0] > 0, 10**_FLOOR, gamma / vocab_size)
            cur.logp = np.log10(p)
            continue
        prev = orders[k - 2]
        contexts, inv = np.unique(cur.ctx, return_inverse=True)
        c_h = np.bincount(inv, weights=a)
        mass = np.bincount(inv, weights=disc)
        gamma = mass / c_h
        p_low = 10 ** prev.logp[_lookup_sorted(prev.keys, cur.suf)]
        p = (a - disc) / c_h[inv] + gamma[inv] * p_low
        cur.logp = np.log10(p)
        prev.bow[_lookup_sorted(prev.keys, contexts)] = np.log10(np.maximum(gamma, 1e-12))


def _prune(orders: list[_Order], thresholds: list[int]) -> None:
    """Drop rare n-grams, then re-normalise the back-off weights."""
    for k in range(2, len(orders) + 1):
        cur, prev = orders[k - 1], orders[k - 2]
        keep = cur.raw >= thresholds[k - 1]
        for name in ("keys", "raw", "ctx", "suf", "at_bos", "logp", "bow"):
            setattr(cur, name, getattr(cur, name)[keep])
        # bow(h) = (1 - sum kept p(w|h)) / (1 - sum kept p(w|h')).
        contexts, inv = np.unique(cur.ctx, return_inverse=True)
        p_kept = np.bincount(inv, weights=10**cur.logp)
        p_low = np.bincount(inv, weights=10 ** prev.logp[_lookup_sorted(prev.keys, cur.suf)])
        bow = np.log10(np.maximum(1 - p_kept, 1e-9) / np.maximum(1 - p_low, 1e-9))
        prev.bow[:] = 0.0
        prev.bow[_lookup_sorted(prev.keys, contexts)] = bow


def _check_prunable(thresholds: list[int]) -> None:
    # Non-decreasing thresholds keep every kept n-gram's prefix and suffix.
    if any(b < a for a, b in zip(thresholds, thresholds[1:])):
        raise ValueError("pruning thresholds must not decrease with order")


def train_ngram(
    ids: np.ndarray,
    depth: np.ndarray,
    *,
    order: int,
    vocab_size: int,
    bos: int,
    prune: list[int],
    progress: Callable[[str], None] = lambda _msg: None,
) -> "NgramLM":
    """Estimate and prune a model from a flat id array with ``<s>`` markers."""
    thresholds = (list(prune) + [prune[-1]] * order)[:order]
    _check_prunable(thresholds)
    orders = _count_orders(ids, depth, order, progress)
    # Every id gets a unigram, so unseen pieces still score.
    uni = orders[0]
    all_keys = extend(np.full(vocab_size, _SEED, dtype=_U64), np.arange(vocab_size))
    order_ids = np.argsort(all_keys)
    merged = np.zeros(vocab_size, np.int64)
    pos = np.searchsorted(all_keys[order_ids], uni.keys)
    merged[pos] = uni.raw
    orders[0] = _Order(
        all_keys[order_ids], merged, np.zeros(vocab_size, _U64),
        np.zeros(vocab_size, _U64), np.zeros(vocab_size, bool),
    )
    progress("estimating Kneser-Ney probabilities")
    _estimate(orders, vocab_size, bos)
    progress("pruning")
    _prune(orders, thresholds)
    progress("quantising")
    return NgramLM.from_tables(
        [(o.keys, o.logp, o.bow) for o in orders],  # type: ignore[misc]
        bos=bos,
    )


# ---------------------------------------------------------------- runtime


def _quantise(values: np.ndarray, iterations: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """One byte per value: a 256-entry codebook fitted by 1-D k-means.

    Pure quantiles leave the tails coarse (p = 0.9999 after ``<s>`` came out
    as 0.82); seeding half the centres evenly over the range and running a
    few Lloyd steps on a sample keeps both dense regions and tails accurate.
    """
    if len(values) == 0:
        return np.zeros(0, np.uint8), np.zeros(_LEVELS, np.float32)
    rng = np.random.default_rng(0)
    sample = values if len(values) <= 500_000 else rng.choice(values, 500_000, replace=False)
    sample = np.concatenate([sample, [values.min(), values.max()]])
    half = _LEVELS // 2
    centres = np.unique(
        np.concatenate(
            [
                np.quantile(sample, (np.arange(half) + 0.5) / half),
                np.linspace(sample.min(), sample.max(), _LEVELS - half),
            ]
        )
    )
    for _ in range(iterations):
        bounds = (centres[1:] + centres[:-1]) / 2
        codes = np.searchsorted(bounds, sample)
        sums = np.bincount(codes, weights=sample, minlength=len(centres))
        counts = np.bincount(codes, minlength=len(centres))
        centres = np.unique(np.where(counts > 0, sums / np.maximum(counts, 1), centres))
    bounds = (centres[1:] + centres[:-1]) / 2
    codes = np.searchsorted(bounds, values).astype(np.uint8)
    book = np.zeros(_LEVELS, np.float32)
    book[: len(centres)] = centres
    return codes, book


@dataclass
class _Table:
    offsets: np.ndarray  # uint32, 65537: bucket b holds rows offsets[b]:offsets[b+1]
    keys: np.ndarray  # uint32: bits 16..47 of the hash
    logp: np.ndarray  # uint8 codes into logp_book
    bow: np.ndarray  # uint8 codes into bow_book
    logp_book: np.ndarray
    bow_book: np.ndarray
    depth: int  # binary-search steps enough for the largest bucket

    @classmethod
    def build(cls, hashes: np.ndarray, logp: np.ndarray, bow: np.ndarray) -> "_Table":
        order = np.argsort(hashes, kind="stable")
        hashes, logp, bow = hashes[order], logp[order], bow[order]
        buckets = (hashes >> _U64(48)).astype(np.int64)
        offsets = np.searchsorted(buckets, np.arange(65537)).astype(np.uint32)
        keys = ((hashes >> _U64(16)) & _U64(0xFFFFFFFF)).astype(np.uint32)
        lp, lp_book = _quantise(logp)
        bw, bw_book = _quantise(bow)
        largest = int(np.max(np.diff(offsets.astype(np.int64)), initial=1))
        return cls(offsets, keys, lp, bw, lp_book, bw_book, int(largest).bit_length() + 1)

    def find(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(found mask, row index) for each hash; vectorised binary search."""
        buckets = (hashes >> _U64(48)).astype(np.int64)
        want = ((hashes >> _U64(16)) & _U64(0xFFFFFFFF)).astype(np.uint32)
        lo = self.offsets[buckets].astype(np.int64)
        end = self.offsets[buckets + 1].astype(np.int64)
        hi = end.copy()
        for _ in range(self.depth):
            mid = (lo + hi) >> 1
            probe = self.keys[np.minimum(mid, len(self.keys) - 1)]
            right = (probe < want) & (mid < hi)
            lo = np.where(right, mid + 1, lo)
            hi = np.where(right, hi, mid)
        row = np.minimum(lo, max(len(self.keys) - 1, 0))
        found = (lo < end) & (self.keys[row] == want) & (hashes != 0)
        return found, row


class NgramLM:
    """Runtime model: ``logprobs`` of every token of a batch of id sequences."""

    def __init__(self, tables: list[_Table], bos: int) -> None:
        self.tables = tables
        self.order = len(tables)
        self.bos = bos

    @classmethod
    def from_tables(
        cls, tables: list[tuple[np.ndarray, np.ndarray, np.ndarray]], bos: int
    ) -> "NgramLM":
        return cls([_Table.build(*t) for t in tables], bos)

    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {"meta": np.array([self.order, self.bos])}
        for k, t in enumerate(self.tables, start=1):
            for name in ("offsets", "keys", "logp", "bow", "logp_book", "bow_book"):
                arrays[f"{name}{k}"] = getattr(t, name)
            arrays[f"depth{k}"] = np.array([t.depth])
        np.savez_compressed(path, **arrays)  # ~13% smaller; loads in ~0.03 s more

    @classmethod
    def load(cls, path: Path) -> "NgramLM":
        with np.load(path) as z:
            order, bos = (int(v) for v in z["meta"])
            tables = [
                _Table(
                    z[f"offsets{k}"], z[f"keys{k}"], z[f"logp{k}"], z[f"bow{k}"],
                    z[f"logp_book{k}"], z[f"bow_book{k}"], int(z[f"depth{k}"][0]),
                )
                for k in range(1, order + 1)
            ]
        return cls(tables, bos)

    def num_ngrams(self) -> list[int]:
        return [len(t.keys) for t in self.tables]

    def token_logprobs(self, ids: np.ndarray, depth: np.ndarray) -> np.ndarray:
        """log10 p(token | history) at every position; 0 at ``<s>`` positions.

        ARPA back-off: the longest stored n-gram ending at i gives p; each
        longer context that is stored but did not continue adds its bow.
        """
        hashes = position_hashes(ids, depth, self.order)
        found: list[np.ndarray] = []
        rows: list[np.ndarray] = []
        for table, h in zip(self.tables, hashes):
            f, r = table.find(h)
            found.append(f)
            rows.append(r)
        out = np.zeros(len(ids), np.float64)
        done = depth == 0  # <s> is context only
        for k in range(self.order, 0, -1):
            t = self.tables[k - 1]
            hit = found[k - 1] & ~done
            out[hit] += t.logp_book[t.logp[rows[k - 1][hit]]]
            if k > 1:
                # Missed the k-gram: back off through its (k-1)-gram context.
                ctx_table = self.tables[k - 2]
                miss = ~found[k - 1] & ~done & (depth >= k - 1)
                miss_at = np.flatnonzero(miss)
                ctx_found = found[k - 2][miss_at - 1]
                at = miss_at[ctx_found]
                out[at] += ctx_table.bow_book[ctx_table.bow[rows[k - 2][at - 1]]]
            done |= found[k - 1]
        return out
