"""The optional whole-sentence network: numpy runtime, the ranker's second
opinion, and training (the last only where torch is installed)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from test_lm_support import tiny_model  # noqa: F401

from normalize.candidates import Candidate
from normalize.lm.transformer import TransformerLM, pack_weights
from normalize.rank import NETWORK_FLOOR, Applied, Ranker, get_ranker, model_findings
from normalize.types import Applicability

HAS_TORCH = importlib.util.find_spec("torch") is not None


def write_random_network(
    folder: Path, vocab: int = 60, dim: int = 16, layers: int = 2, heads: int = 2, context: int = 12, seed: int = 0
) -> Path:
    """A network with random weights in the shipped file format."""
    rng = np.random.default_rng(seed)

    def normal(*shape: int, scale: float = 0.3) -> np.ndarray:
        return rng.normal(0.0, scale, shape)

    w = {"embed.weight": normal(vocab, dim, scale=1.0), "pos.weight": normal(context, dim),
         "ln.weight": 1 + normal(dim, scale=0.1), "ln.bias": normal(dim, scale=0.1)}
    for i in range(layers):
        p = f"blocks.{i}."
        w |= {
            p + "ln1.weight": 1 + normal(dim, scale=0.1), p + "ln1.bias": normal(dim, scale=0.1),
            p + "qkv.weight": normal(3 * dim, dim), p + "qkv.bias": normal(3 * dim, scale=0.1),
            p + "proj.weight": normal(dim, dim), p + "proj.bias": normal(dim, scale=0.1),
            p + "ln2.weight": 1 + normal(dim, scale=0.1), p + "ln2.bias": normal(dim, scale=0.1),
            p + "up.weight": normal(4 * dim, dim), p + "up.bias": normal(4 * dim, scale=0.1),
            p + "down.weight": normal(dim, 4 * dim), p + "down.bias": normal(dim, scale=0.1),
        }
    folder.mkdir(parents=True, exist_ok=True)
    np.savez(folder / "transformer.npz", **pack_weights(w))
    card = {"shape": {"vocab": vocab, "dim": dim, "layers": layers, "heads": heads, "context": context},
            "parameters": sum(a.size for a in w.values()), "train_minutes": 0, "device": "none",
            "heldout_perplexity_per_piece": float(vocab)}
    (folder / "transformer.json").write_text(json.dumps(card))
    return folder


# ------------------------------------------------------------------ runtime


def test_shared_prefix_gains_equal_whole_sentence_scores(tmp_path: Path) -> None:
    net = TransformerLM(write_random_network(tmp_path))
    bos, eos = 1, 2
    base = [5, 9, 13, 17, 21, 25]
    variants = [
        base,  # the base itself: no gain
        [5, 9, 14, 17, 21, 25],  # one piece swapped mid-sentence
        [6, 9, 13, 17, 21, 25],  # the first piece swapped
        [5, 9, 13, 17, 21],  # a piece deleted at the end
        [5, 9, 13, 40, 17, 21, 25],  # a piece inserted
        [5, 9, 13, 17, 21, 25, 30, 31, 32, 33, 34, 35],  # longer than the context: cut
        [7],  # almost nothing shared
    ]
    other = ([8, 8, 9], [[8, 9, 9], [8, 8]])
    # Longer than the context (12 with <s> and </s>): the variant, cut there,
    # is the base's prefix, as whole-sentence scoring cuts it too.
    long_base = list(range(10, 21))
    long = (long_base, [[*long_base[:-1], 50], long_base])
    gains = net.gains_many([(base, variants), other, long], bos, eos)
    whole = net.score([base, *variants], bos, eos)
    assert gains[0] == pytest.approx(whole[1:] - whole[0], abs=1e-4)
    assert gains[0][0] == 0.0
    whole_other = net.score([other[0], *other[1]], bos, eos)
    assert gains[1] == pytest.approx(whole_other[1:] - whole_other[0], abs=1e-4)
    whole_long = net.score([long[0], *long[1]], bos, eos)
    assert gains[2] == pytest.approx(whole_long[1:] - whole_long[0], abs=1e-4)


def test_scores_are_log10_probabilities(tmp_path: Path) -> None:
    """p(w </s> | <s>) over every one-piece sentence w sums to at most 1, and the
    first piece's distribution alone sums to 1."""
    net = TransformerLM(write_random_network(tmp_path, vocab=20))
    tokens = np.array([[1, w] for w in range(20)])
    first = net.next_logprobs(tokens, np.array([2] * 20))[:, 0]
    assert np.exp(first).sum() == pytest.approx(1.0, abs=1e-4)
    assert (10 ** net.score([[w] for w in range(20)], 1, 2)).sum() <= 1.0


def test_int8_rows_round_trip_within_half_a_step() -> None:
    rng = np.random.default_rng(3)
    w = rng.normal(0, 1, (300, 256))
    packed = pack_weights({"m": w, "v": w[0]})
    assert packed["m.q"].dtype == np.int8 and packed["v"].dtype == np.float16
    restored = packed["m.q"].astype(np.float32) * packed["m.scale"].astype(np.float32)
    step = np.abs(w).max(axis=1, keepdims=True) / 127
    assert np.all(np.abs(restored - w) <= step * 0.51 + 1e-3)


# ------------------------------------------------------------ second opinion


class FakeScorer:
    """Answers the network's question from a table of variant -> gain."""

    def __init__(self, table: dict[str, float]) -> None:
        self.table = table
        self.asked: list[str] = []

    def network_gains_many(self, requests):  # noqa: ANN001, ANN201
        out = []
        for _base, variants in requests:
            self.asked.extend(variants)
            out.append(np.array([self.table[v] for v in variants]))
        return out


SENTENCE = "The minister discussed new plan on Monday."
ARTICLE = Candidate(SENTENCE.index("new"), SENTENCE.index("new"), "the ", "article:insert")
PREPOSITION = Candidate(SENTENCE.index("on"), SENTENCE.index("on") + 2, "at", "preposition:swap")
RULE = Candidate(0, 3, "A", "rule", "WA999", "article")


def _opinion(table: dict[str, float], gains: list[float], result: list[Applied]) -> tuple[list[Applied], FakeScorer]:
    scorer = FakeScorer(table)
    ranker = Ranker(scorer, lexicon=None)  # type: ignore[arg-type]
    pool = [ARTICLE, PREPOSITION, RULE]
    (out,) = ranker.second_opinions([(SENTENCE, [], pool, np.array(gains), result)])
    return out, scorer


def test_network_vetoes_an_ngram_edit_and_suggests_an_article() -> None:
    table = {ARTICLE.apply(SENTENCE): 2.5, PREPOSITION.apply(SENTENCE): -0.5}
    chosen = Applied(PREPOSITION, 4.0, safe=False)
    out, scorer = _opinion(table, [1.0, 4.0, 2.0], [chosen])
    assert [a.cand for a in out] == [ARTICLE]
    (added,) = out
    assert not added.safe and added.network == pytest.approx(2.5) and added.gain == pytest.approx(1.0)
    assert RULE.apply(SENTENCE) not in scorer.asked  # a rule's edit is never second-guessed


def test_network_keeps_what_it_agrees_with_and_stays_quiet_when_unsure() -> None:
    table = {ARTICLE.apply(SENTENCE): 1.0, PREPOSITION.apply(SENTENCE): 0.3}
    chosen = Applied(PREPOSITION, 4.0, safe=True)
    out, _ = _opinion(table, [1.0, 4.0, 2.0], [chosen])
    assert [(a.cand, a.safe, a.network) for a in out] == [(PREPOSITION, True, pytest.approx(0.3))]


def test_network_is_not_asked_below_the_ngram_floor() -> None:
    out, scorer = _opinion({}, [NETWORK_FLOOR - 0.1, 0.0, 2.0], [])
    assert out == [] and scorer.asked == []


def test_model_findings_carry_the_networks_opinion(tiny_model: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    folder = tmp_path / "with-network"
    shutil.copytree(tiny_model, folder)
    import sentencepiece as spm

    vocab = spm.SentencePieceProcessor(model_file=str(folder / "spm.model")).get_piece_size()
    write_random_network(folder, vocab=vocab, context=64)
    ranker = get_ranker(str(folder))
    assert ranker.scorer.has_network
    # A network sure of every variant, asked about every article candidate
    # (the tiny n-gram model rates them all below the usual floor).
    monkeypatch.setattr(
        ranker.scorer, "network_gains_many", lambda requests: [np.full(len(v), 5.0) for _, v in requests]
    )
    monkeypatch.setattr("normalize.rank.NETWORK_FLOOR", -99.0)
    found = model_findings(SENTENCE, [(0, len(SENTENCE))], model_dir=str(folder))
    seconded = [f for f in found if "over the whole sentence" in f.message]
    assert seconded and all(f.category == "article" for f in seconded)
    assert all(f.applicability == Applicability.UNSAFE for f in seconded)
    # The grammar table's own article edit stays as it was, and safe.
    assert any(f.start == ARTICLE.start and f.applicability == Applicability.SAFE for f in found)


# ------------------------------------------------------------------ training


@pytest.mark.skipif(not HAS_TORCH, reason="training the network needs torch (pip install '.[network]')")
def test_trained_network_matches_torch_and_prefers_the_article(tiny_model: Path, tmp_path: Path) -> None:
    from normalize.lm.transformer_train import Settings, Shape, encode_corpus, train_arrays

    corpus = tiny_model.parent / "corpus" / "corpus.txt"
    if not corpus.is_file():
        corpus = next(tiny_model.parent.rglob("corpus.txt"))
    ids, heldout = encode_corpus(tiny_model, [corpus])
    settings = Settings(shape=Shape(dim=32, layers=1, heads=2, context=32), batch=32, lr=1e-2, warmup=10,
                        minutes=5, max_steps=150, log_every=1000, device="cpu", int8=False)
    card = train_arrays(ids, heldout, tmp_path, settings, log=lambda _line: None, reference=True)
    assert card["steps"] == 150 and card["heldout_perplexity_per_piece"] < 30
    net = TransformerLM(tmp_path)
    ref = np.load(tmp_path / "reference.npz")
    tokens, positions, expected = ref["tokens"], ref["positions"], ref["next_logp"]
    starts = np.flatnonzero(positions[0][1:] == 0)
    n = int(starts[0]) + 1 if len(starts) else int((positions[0] >= 0).sum())  # the row's first sentence
    got = net.next_logprobs(tokens[:1, :n].astype(np.int64), np.array([n]))[0, : n - 1]
    assert got == pytest.approx(expected[0, : n - 1], abs=0.005)  # float16 weights
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(tiny_model / "spm.model"))
    good, bad = sp.encode(["The minister discussed the new plan on Monday.", SENTENCE])
    (gain,) = net.gains(bad, [good], sp.bos_id(), sp.eos_id())
    assert gain > 0.5, gain


@pytest.mark.skipif(not HAS_TORCH, reason="training the network needs torch (pip install '.[network]')")
def test_train_network_command_writes_a_usable_model(tiny_model: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from normalize.cli.app import app

    corpus = next(tiny_model.parent.rglob("corpus.txt"))
    out = tmp_path / "net"
    runner = CliRunner()
    result = runner.invoke(app, ["train-network", "--corpus", str(corpus), "--model", str(tiny_model),
                                 "--output", str(out), "--minutes", "0.05", "--dim", "16", "--layers", "1",
                                 "--heads", "2", "--batch", "8", "--device", "cpu"])
    assert result.exit_code == 0, result.output
    assert (out / "transformer.npz").is_file() and (out / "lm.npz").is_file()
    info = runner.invoke(app, ["model", "info", "--model", str(out)])
    assert "network:      transformer, 1 blocks of width 16" in info.output


def test_train_network_rejects_bad_shapes(tiny_model: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from normalize.cli.app import app

    result = CliRunner().invoke(app, ["train-network", "--corpus", str(tmp_path / "missing.txt"),
                                      "--output", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert "torch" in str(result.exception) or "corpus not found" in str(result.exception)


# ------------------------------------------------------- the measured network

def _shipped_network() -> Path | None:
    """The shipped model's folder when it holds the network (model_network.md)."""
    from normalize.lm.scorer import default_model_dir

    folder = default_model_dir()
    return folder if (folder / "lm.npz").is_file() and (folder / "transformer.npz").is_file() else None


def test_the_shipped_network_suggests_what_the_ngram_window_misses(tmp_path: Path) -> None:
    """The network shipped beside the n-gram model (model_network.md): "the
    drinking water" after "lack of the" is a translated article that the
    5-word window rates too low to suggest; without the network it is not."""
    shipped = _shipped_network()
    if shipped is None:
        pytest.skip("the shipped model or its network is not in this checkout")
    folder = tmp_path / "shipped-without-network"
    shutil.copytree(shipped, folder, ignore=shutil.ignore_patterns("transformer.*"))
    text = "The region is suffering from the lack of the drinking water."
    before = model_findings(text, [(0, len(text))], model_dir=str(folder))
    after = model_findings(text, [(0, len(text))])
    (added,) = [f for f in after if f not in before]
    assert text[added.start : added.end] == "the " and added.suggestions == ("",)
    assert added.start == text.index("the drinking")
    assert added.applicability == Applicability.UNSAFE and "over the whole sentence" in added.message


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other-tokenizer"])
def test_a_damaged_network_is_a_one_line_error(tmp_path: Path, damage: str) -> None:
    import subprocess
    import sys

    shipped = _shipped_network()
    if shipped is None:
        pytest.skip("the shipped model or its network is not in this checkout")
    folder = tmp_path / "model"
    shutil.copytree(shipped, folder)
    data = (shipped / "transformer.npz").read_bytes()
    if damage == "garbage":
        (folder / "transformer.npz").write_bytes(b"not a network")
    elif damage == "truncated":
        (folder / "transformer.npz").write_bytes(data[: len(data) // 2])
    else:
        write_random_network(folder, vocab=300, dim=16, layers=4, context=128)
    doc = tmp_path / "doc.txt"
    doc.write_text("The region is suffering from the lack of the drinking water.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "normalize", "check", str(doc), "--model", str(folder)],
                            capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert ("damaged" in result.stderr) if damage != "other-tokenizer" else ("300 pieces" in result.stderr)


def test_explain_says_what_the_network_does_per_family() -> None:
    from normalize.rank import describe_family

    article = describe_family("model-article")
    assert article and "whole-sentence network" in article and "prefers them by +2" in article
    preposition = describe_family("model-preposition")
    assert preposition and "is dropped" in preposition and "also suggests" not in preposition
    spelling = describe_family("model-spelling")
    assert spelling and "network" not in spelling
