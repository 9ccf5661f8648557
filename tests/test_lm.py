"""The n-gram LM: training, loading, normalisation, scoring, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from test_lm_support import tiny_model, train_tiny, write_tiny_corpus  # noqa: F401
from typer.testing import CliRunner

from normalize.cli.app import app
from normalize.errors import NormalizeError
from normalize.lm.ngram import NgramLM
from normalize.lm.scorer import Scorer, load_scorer, resolve_model_dir
from normalize.lm.text import normalise, split_sentences

DATA = Path(__file__).parents[2] / "shared" / "data"


def test_model_directory_is_complete(tiny_model: Path) -> None:
    for name in ("spm.model", "lm.npz", "vocab.tsv", "morph.tsv", "nouns.tsv", "capitalised.txt", "model.json"):
        assert (tiny_model / name).is_file(), name
    card = json.loads((tiny_model / "model.json").read_text())
    assert card["heldout"]["perplexity_per_token"] > 1
    assert len(card["ngrams"]) == 4


def test_fluent_sentence_outscores_its_corruptions(tiny_model: Path) -> None:
    scorer = Scorer(tiny_model)
    fluent = "The minister discussed the new plan on Monday."
    corrupted = [
        "The minister discussed new plan on Monday.",  # article dropped
        "The minister discussed the new plan in Monday.",  # preposition
        "The minister the discussed new plan on Monday.",  # word order
        "The minister discused the new plan on Monday.",  # spelling
    ]
    scores = scorer.score([fluent, *corrupted])
    assert np.all(scores[0] > scores[1:])


def test_probabilities_are_normalised(tiny_model: Path) -> None:
    """Summed over the vocabulary, p(w | history) is 1 after pruning and quantisation."""
    scorer = Scorer(tiny_model)
    vocab = scorer.sp.get_piece_size()
    for history in ("The minister discussed the", ""):
        h = [scorer.bos, *scorer.sp.encode(history)]
        ids = np.array([t for w in range(vocab) for t in (*h, w)], np.int32)
        depth = np.tile(np.arange(len(h) + 1, dtype=np.int32), vocab)
        logp = scorer.lm.token_logprobs(ids, depth).reshape(vocab, -1)[:, -1]
        total = float(np.sum(10 ** logp)) - 10 ** logp[scorer.bos]
        assert total == pytest.approx(1.0, abs=0.03)


def test_scores_are_batched_and_cached(tiny_model: Path) -> None:
    scorer = Scorer(tiny_model)
    texts = ["The minister signed the new plan last week.", "The company approved a joint statement."]
    one_by_one = [float(scorer.score([t])[0]) for t in texts]
    calls = scorer.calls
    together = scorer.score(texts + texts)
    assert scorer.calls == calls  # all four were cached
    assert together.tolist() == pytest.approx(one_by_one * 2)


def test_tokenised_and_raw_text_score_alike(tiny_model: Path) -> None:
    scorer = Scorer(tiny_model)
    raw, tok = "We know that the talks were useful.", "We know that the talks were useful ."
    assert scorer.score([raw])[0] == pytest.approx(scorer.score([tok])[0])


def test_span_logprob_covers_the_span_only(tiny_model: Path) -> None:
    scorer = Scorer(tiny_model)
    text = "The minister discussed the new plan on Monday."
    rows = scorer.token_logprobs(text)
    assert sum(r[3] for r in rows) == pytest.approx(scorer.score([text])[0], abs=1e-6)
    start = text.index("new plan")
    span = scorer.span_logprob(text, start, start + len("new plan"))
    assert 0 > span > sum(r[3] for r in rows)


def test_save_load_round_trip(tiny_model: Path, tmp_path: Path) -> None:
    lm = NgramLM.load(tiny_model / "lm.npz")
    lm.save(tmp_path / "copy.npz")
    again = NgramLM.load(tmp_path / "copy.npz")
    ids = np.array([1, 5, 6, 7, 2], np.int32)
    depth = np.arange(5, dtype=np.int32)
    assert np.array_equal(lm.token_logprobs(ids, depth), again.token_logprobs(ids, depth))


def test_rerun_resumes_from_finished_stages(tmp_path: Path) -> None:
    from normalize.lm.train import TrainConfig, train_model

    corpus = write_tiny_corpus(tmp_path / "data")
    stages: list[str] = []
    cfg = TrainConfig(corpus=[str(corpus)], output=str(tmp_path / "m"), order=3,
                      vocab_size=300, prune=[1, 1, 1], vocab_min_count=2, known_zipf=0)
    train_model(cfg, lambda stage, *_: stages.append(stage))
    assert "training tokenizer" in stages
    stages.clear()
    train_model(cfg, lambda stage, *_: stages.append(stage))
    assert "training tokenizer" not in stages and not any("encoding" in s for s in stages)


def test_decreasing_prune_thresholds_are_refused(tmp_path: Path) -> None:
    corpus = write_tiny_corpus(tmp_path / "data")
    result = CliRunner().invoke(
        app, ["train", "--corpus", str(corpus), "--output", str(tmp_path / "m"),
              "--vocab-size", "300", "--prune", "1,3,2"],
    )
    assert result.exit_code != 0


def test_train_and_info_commands(tmp_path: Path) -> None:
    corpus = write_tiny_corpus(tmp_path / "data")
    out = tmp_path / "m"
    runner = CliRunner()
    result = runner.invoke(
        app, ["train", "--corpus", str(corpus), "--output", str(out), "--order", "3",
              "--vocab-size", "300", "--prune", "1,1,1", "--seed", "3", "--known-zipf", "0"],
    )
    assert result.exit_code == 0, result.output
    assert "perplexity" in result.output
    assert not (out / ".work").exists()
    info = runner.invoke(app, ["model", "info", "--model", str(out)])
    assert info.exit_code == 0, info.output
    assert "perplexity" in info.output and "3-gram" in info.output
    card = json.loads(runner.invoke(app, ["model", "info", "--model", str(out), "--json"]).output)
    assert card["config"]["seed"] == 3


def test_model_selection_order(tiny_model: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NORMALIZE_MODEL", str(tiny_model))
    assert resolve_model_dir() == tiny_model.resolve()
    assert resolve_model_dir(str(tiny_model)) == tiny_model.resolve()
    with pytest.raises(NormalizeError):
        resolve_model_dir(str(tmp_path))
    assert load_scorer(str(tiny_model)) is load_scorer(str(tiny_model))


def test_text_normalisation() -> None:
    assert normalise("He did n't go ( really ) .") == "He didn't go (really)."
    assert split_sentences("It rained. Then it stopped! Dr. Who") == [
        "It rained.", "Then it stopped!", "Dr.", "Who",
    ]


# -------------------------------------------------------------- shipped model


def test_shipped_model_is_package_data() -> None:
    from importlib import resources

    folder = resources.files("normalize.models") / "default"
    if not (folder / "lm.npz").is_file():
        pytest.skip("the default model has not been trained into this checkout")
    files = {p.name for p in folder.iterdir()}
    assert {"spm.model", "lm.npz", "model.json", "vocab.tsv", "morph.tsv", "nouns.tsv", "capitalised.txt"} <= files
    assert sum(Path(str(folder / n)).stat().st_size for n in files) <= 40_000_000


def test_shipped_model_loads_and_fixes_without_network(tmp_path: Path) -> None:
    from normalize.lm.scorer import default_model_dir

    if not (default_model_dir() / "lm.npz").is_file():
        pytest.skip("the default model has not been trained into this checkout")
    # Any attempt to open a socket fails in the child process.
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network disabled')\n"
        "socket.socket = refuse; socket.create_connection = refuse\n"
        "from normalize.rank import model_findings\n"
        "t = 'The minister discused the plan.'\n"
        "f = model_findings(t, [(0, len(t))])\n"
        "print([x.suggestions[0] for x in f])\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "NORMALIZE_MODEL"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "discussed" in out.stdout


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is absent")
def test_shipped_model_perplexity_on_jfleg_references() -> None:
    from normalize.lm.scorer import default_model_dir

    if not (default_model_dir() / "lm.npz").is_file():
        pytest.skip("the default model has not been trained into this checkout")
    refs = (DATA / "jfleg" / "dev" / "dev.ref0").read_text(encoding="utf-8").splitlines()[:200]
    assert load_scorer().perplexity(refs) < 1000


def test_cache_overflow_keeps_answers(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from normalize.lm import scorer as scorer_mod

    scorer = Scorer(tiny_model)
    monkeypatch.setattr(scorer_mod, "_CACHE_SIZE", 3)
    first = scorer.score(["The minister signed the plan.", "The company signed the plan."])
    both = scorer.score(["The minister signed the plan.", "The delegation signed the plan.",
                         "The committee signed the plan."])
    assert both[0] == pytest.approx(first[0])


def test_dictionary_words_are_real_words_only() -> None:
    from normalize.lm.train import dictionary_words

    words = dictionary_words()
    assert {"satiety", "radishes", "scammed", "infuriates"} <= words
    assert not {"becuase", "alot", "definately", "recieve"} & words
    assert all(w.isalpha() and w.islower() for w in words)


def test_the_tiny_model_knows_dictionary_words(tiny_model: Path) -> None:
    vocab = dict(
        line.split("\t") for line in (tiny_model / "vocab.tsv").read_text(encoding="utf-8").splitlines()
    )
    assert vocab.get("satiety") == "1"  # not in the tiny corpus: from the word list
