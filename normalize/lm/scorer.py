"""Load a model directory and score sentences: batched, cached, no torch.

``Scorer.score`` returns the total log10 probability of each text (all its
pieces plus ``</s>``), which is what ranking compares: per-token averages
were measured to favour article insertion (NOTES-MODEL.md).
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from normalize.errors import NormalizeError, first_line
from normalize.lm.text import normalise

if TYPE_CHECKING:
    from normalize.lm.transformer import TransformerLM

ENV_VAR = "NORMALIZE_MODEL"
_REQUIRED = ("spm.model", "lm.npz", "model.json")
_CACHE_SIZE = 200_000


def default_model_dir() -> Path:
    return Path(str(resources.files("normalize.models") / "default"))


def resolve_model_dir(model_dir: str | os.PathLike[str] | None = None) -> Path:
    """``--model`` first, then ``$NORMALIZE_MODEL``, then the shipped model."""
    chosen = model_dir or os.environ.get(ENV_VAR) or default_model_dir()
    path = Path(chosen).expanduser()
    missing = [name for name in _REQUIRED if not (path / name).is_file()]
    if missing:
        raise NormalizeError(f"no trained model in {path} (missing {', '.join(missing)})")
    return path.resolve()


class Scorer:
    """Sentence and span log-probabilities from one trained model."""

    def __init__(self, model_dir: Path) -> None:
        import sentencepiece as spm

        from normalize.lm.ngram import NgramLM

        self.model_dir = model_dir
        self.card: dict = json.loads((model_dir / "model.json").read_text(encoding="utf-8"))
        self.sp = spm.SentencePieceProcessor(model_file=str(model_dir / "spm.model"))
        self.lm = NgramLM.load(model_dir / "lm.npz")
        self.bos, self.eos = self.sp.bos_id(), self.sp.eos_id()
        self._cache: dict[str, float] = {}
        self._words: dict[str, list[int]] = {}
        self.calls = 0  # texts actually scored (cache misses), for benchmarks
        # A whole-sentence network beside the n-gram tables (optional; see
        # normalize.lm.transformer), loaded on first use.
        self.has_network = (model_dir / "transformer.npz").is_file()
        self._network: TransformerLM | None = None

    def network_gains_many(self, requests: Sequence[tuple[str, Sequence[str]]]) -> list[np.ndarray]:
        """For each (base, variants): log10 p(variant) - log10 p(base) by the
        whole-sentence network, all requests in few batches."""
        from normalize.lm.transformer import TransformerLM

        if self._network is None:
            try:
                network = TransformerLM(self.model_dir)
            except (*DAMAGED_MODEL_ERRORS, zipfile.BadZipFile) as exc:
                raise damaged_model(self.model_dir, exc) from None
            pieces = self.sp.get_piece_size()
            if network.vocab != pieces:
                raise NormalizeError(
                    f"the network in {self.model_dir} has {network.vocab} pieces, its tokenizer {pieces}: "
                    "train it again with `normalize train-network --model` this folder"
                )
            self._network = network
        encoded = [(e[0], e[1:]) for e in (self.encode([b, *vs]) for b, vs in requests)]
        return self._network.gains_many(encoded, self.bos, self.eos)

    # -- batching --------------------------------------------------------
    def _flat(self, encoded: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        lens = np.fromiter((len(e) + 2 for e in encoded), np.int64, len(encoded))
        ids = np.fromiter(
            (t for e in encoded for t in (self.bos, *e, self.eos)), np.int32, int(lens.sum())
        )
        starts = np.cumsum(lens) - lens
        depth = (np.arange(len(ids)) - np.repeat(starts, lens)).astype(np.int32)
        return ids, depth, lens

    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        """Piece ids of each normalised text, word by word through a cache.

        sentencepiece segments each space-separated word on its own, so a
        sentence's ids are its words' ids joined; candidates share almost
        all their words, which makes this ~10x faster than encoding them.
        """
        cache = self._words
        out: list[list[int]] = []
        for text in texts:
            words = normalise(text).split(" ")
            missing = [w for w in words if w not in cache]
            if missing:
                unique = list(dict.fromkeys(missing))
                if len(unique) > 200:  # a list call costs ~0.2 ms, a word ~2 us
                    cache.update(zip(unique, self.sp.encode(unique)))
                else:
                    cache.update((w, self.sp.encode(w)) for w in unique)
            out.append([t for w in words for t in cache[w]])
        if len(cache) > _CACHE_SIZE:
            cache.clear()
        return out

    def _score_uncached(self, texts: list[str]) -> np.ndarray:
        encoded = self.encode(texts)
        ids, depth, lens = self._flat(encoded)
        logp = self.lm.token_logprobs(ids, depth)
        ends = np.cumsum(lens)
        sums = np.add.reduceat(logp, ends - lens) if len(texts) else np.zeros(0)
        self.calls += len(texts)
        return sums

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """Total log10 probability of each text; cached per exact string."""
        cache = self._cache
        known = {t: cache[t] for t in texts if t in cache}
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        if todo:
            if len(cache) + len(todo) > _CACHE_SIZE:
                cache.clear()  # cheap and rare; recency bookkeeping costs more
            for text, value in zip(todo, self._score_uncached(todo)):
                cache[text] = known[text] = float(value)
        return np.array([known[t] for t in texts], dtype=np.float64)

    # -- diagnostics -----------------------------------------------------
    def token_logprobs(self, text: str) -> list[tuple[str, int, int, float]]:
        """(piece, start, end, log10 p) for each piece of ``text`` and ``</s>``.

        Offsets index ``text`` itself (no normalisation here, so spans stay
        exact for detection).
        """
        ids_list = self.sp.encode(text)
        pieces = _piece_offsets(text, [self.sp.id_to_piece(i) for i in ids_list])
        ids, depth, _ = self._flat([ids_list])
        logp = self.lm.token_logprobs(ids, depth)[1:]
        rows = [(piece, b, e, float(lp)) for (piece, b, e), lp in zip(pieces, logp)]
        rows.append(("</s>", len(text), len(text), float(logp[-1])))
        return rows

    def span_logprob(self, text: str, start: int, end: int) -> float:
        """Sum of log10 p over the pieces that overlap ``text[start:end]``."""
        return sum(
            lp for _p, b, e, lp in self.token_logprobs(text) if b < end and e > start
        )

    def perplexity(self, texts: Sequence[str], per: str = "word") -> float:
        total = float(self.score(list(texts)).sum())
        if per == "word":
            n = sum(len(normalise(t).split()) + 1 for t in texts)
        else:
            n = sum(len(e) + 1 for e in self.sp.encode([normalise(t) for t in texts]))
        return float(10 ** (-total / max(n, 1)))


def _piece_offsets(text: str, pieces: list[str]) -> list[tuple[str, int, int]]:
    """Character offsets of each piece in ``text``.

    Found by walking the text (sentencepiece's offset protos need protobuf);
    a piece changed by normalisation keeps the current position, zero width.
    """
    out: list[tuple[str, int, int]] = []
    pos = 0
    for piece in pieces:
        surface = piece.replace("\u2581", " ").lstrip(" ")
        at = text.find(surface, pos) if surface else -1
        if at < 0 or text[pos:at].strip():
            out.append((piece, pos, pos))
            continue
        out.append((piece, at, at + len(surface)))
        pos = at + len(surface)
    return out


@lru_cache(maxsize=4)
def _load(path: str) -> Scorer:
    try:
        return Scorer(Path(path))
    except DAMAGED_MODEL_ERRORS as exc:
        raise damaged_model(path, exc) from None


# What reading a truncated or foreign model file raises (JSON, numpy,
# sentencepiece, a word table; UnicodeDecodeError is a ValueError; a cut
# lm.npz is a BadZipFile).
DAMAGED_MODEL_ERRORS = (OSError, ValueError, KeyError, IndexError, RuntimeError, zipfile.BadZipFile)


def damaged_model(path: str | os.PathLike[str], exc: BaseException) -> NormalizeError:
    return NormalizeError(f"the model in {path} is damaged ({type(exc).__name__}: {first_line(exc)})")


def load_scorer(model_dir: str | os.PathLike[str] | None = None) -> Scorer:
    """The scorer for a model directory, loaded once per process."""
    return _load(str(resolve_model_dir(model_dir)))
