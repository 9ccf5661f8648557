"""Support for the LM tests: a tiny corpus and model shared by the LM,
ranking and CLI tests (no tests here).

Training on it takes about a second; the sentences are templated so that
articles, agreement and word order are learnable from a few thousand lines.
"""

from __future__ import annotations

import random
from pathlib import Path

SUBJECTS = ["The minister", "The government", "The company", "The delegation", "The committee"]
VERBS = ["discussed", "approved", "announced", "reviewed", "signed"]
OBJECTS = ["the new plan", "an important agreement", "the annual budget", "a joint statement",
           "the results of the talks"]
TAILS = ["on Monday.", "in the capital.", "last week.", "after the talks.", "during the visit."]
EXTRA = [
    "The ministers discuss the plan every year.",
    "The minister discusses the plan every year.",
    "Officials said the agreement was important for both countries.",
    "The agreement was signed by the two countries.",
    "We know that the talks were useful.",
]


def tiny_sentences(n: int = 4000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
        for _ in range(n)
    ]
    return out + EXTRA * 200


def write_tiny_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.txt"
    lines = tiny_sentences()
    # Two sentences a line, as in Wikipedia paragraphs, to exercise splitting.
    path.write_text(
        "\n".join(" ".join(lines[i : i + 2]) for i in range(0, len(lines), 2)) + "\n",
        encoding="utf-8",
    )
    return path


def train_tiny(folder: Path) -> Path:
    from normalize.lm.train import TrainConfig, train_model

    corpus = write_tiny_corpus(folder / "data")
    out = folder / "model"
    cfg = TrainConfig(corpus=[str(corpus)], output=str(out), order=4, vocab_size=300,
                      prune=[1, 1, 1, 1], vocab_min_count=2, known_zipf=0)
    train_model(cfg, lambda *_: None, command="test")
    return out


import pytest


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Trained once per test session (~1 s)."""
    return train_tiny(tmp_path_factory.mktemp("tiny-lm"))
