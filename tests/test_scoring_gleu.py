"""GLEU: hand-computed values, the PyPI `gleu` package, and JFLEG dev's published 38.2."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from normalize.scoring.bootstrap import draw_counts
from normalize.scoring.gleu import Gleu, reference_indices

FIXTURES = Path(__file__).parent / "fixtures" / "scoring"
JFLEG = Path(__file__).resolve().parents[2] / "shared" / "data" / "jfleg" / "dev"


def lines(name: str) -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").splitlines()


def gleu_score(sources: list[str], refs: list[list[str]], hyps: list[str], **kw: object) -> float:
    metric = Gleu(sources, refs, **kw)  # type: ignore[arg-type]
    return metric.corpus_score(metric.sentence_stats(hyps)).score


def test_hand_computed_two_sentences() -> None:
    # Sentence 1 (hyp = source): 1-grams 5/5; 2-grams match 3, "on mat" copied from the
    # source but dropped by the reference: 3-1 = 2 of 4; 3-grams 2-1 = 1 of 3; 4-grams 0 of 2.
    # Sentence 2 (hyp = ref = source): 5/5, 4/4, 3/3, 2/2.
    # Corpus: 10/10, 6/8, 4/6, 2/4; hyp 10 tokens, ref 11 -> BP exp(1 - 11/10).
    sources = ["the cat sat on mat", "i like it very much"]
    refs = [["the cat sat on the mat", "i like it very much"]]
    expected = 100 * math.exp(-0.1) * (1 * 0.75 * (4 / 6) * 0.5) ** 0.25
    assert gleu_score(sources, refs, sources) == pytest.approx(expected, abs=1e-9)


def test_perfect_and_zero() -> None:
    refs = [["a b e d"]]
    assert gleu_score(["a b c d"], refs, ["a b e d"]) == pytest.approx(100.0)
    # bigram numerator max(1 - 2, 0) = 0: any zero statistic gives 0, as in the official script
    assert gleu_score(["a b c d"], refs, ["a b c d"]) == 0.0


def test_single_reference_means_single_round() -> None:
    metric = Gleu(["a b"], [["a b"]], iterations=500)
    assert metric.iterations == 1
    assert "iter:1" in str(metric.signature())


def test_official_reference_draws() -> None:
    # Python 2's random.randint(0, 3) after random.seed(j * 101) is int(random() * 4).
    import random

    idx = reference_indices(3, 5, 4, 0)
    for j in range(3):
        random.seed(j * 101)
        assert list(idx[j]) == [int(random.random() * 4) for _ in range(5)]
    assert not np.array_equal(reference_indices(3, 5, 4, 7), idx)


def test_signature_carries_iterations_and_seed() -> None:
    sig = str(Gleu(["a"], [["a"], ["b"]], iterations=50, seed=3).signature())
    assert sig.startswith("nrefs:2|iter:50|seed:3|n:4|tok:none")


def test_resample_matches_direct_computation() -> None:
    sources, refs = lines("src.txt"), [lines("ref0.txt"), lines("ref1.txt")]
    metric = Gleu(sources, refs, iterations=20)
    stats = metric.sentence_stats(lines("hyp_a.txt"))
    counts = draw_counts(len(sources), 50, 12345)
    fast = metric.resample(stats, counts)
    for b in (0, 17, 49):
        idx = np.repeat(np.arange(len(sources)), counts[b].astype(int))
        direct = metric.round_scores(stats[:, idx, :]).mean()
        assert fast[b] == pytest.approx(direct, abs=1e-9)


@pytest.mark.skipif(shutil.which("gleu") is None, reason="PyPI gleu package not installed")
@pytest.mark.parametrize("hyp", ["hyp_a.txt", "hyp_b.txt", "src.txt"])
def test_agrees_with_gleu_package(hyp: str) -> None:
    # `gleu -f` replays the official script's seeds.
    out = subprocess.run(
        ["gleu", "-s", str(FIXTURES / "src.txt"), "-r", str(FIXTURES / "ref0.txt"), str(FIXTURES / "ref1.txt"),
         "-o", str(FIXTURES / hyp), "-f", "-d", "6"],
        capture_output=True, text=True, check=True,
    ).stdout
    expected = float(out.split()[-1])
    ours = gleu_score(lines("src.txt"), [lines("ref0.txt"), lines("ref1.txt")], lines(hyp))
    assert ours == pytest.approx(expected, abs=1e-5)


@pytest.mark.skipif(not (JFLEG / "dev.src").exists(), reason="shared JFLEG data not present")
def test_jfleg_dev_no_edit_is_38_2() -> None:
    src = (JFLEG / "dev.src").read_text(encoding="utf-8").splitlines()
    refs = [(JFLEG / f"dev.ref{i}").read_text(encoding="utf-8").splitlines() for i in range(4)]
    score = gleu_score(src, refs, src)
    assert score == pytest.approx(38.21, abs=0.005)  # gleu -f: 38.21; published: 38.2
