"""BLEU/chrF/TER through the API equal sacrebleu's own numbers; the bootstrap is sacrebleu's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import sacrebleu
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.significance import PairedTest

from normalize.scoring import ScoreOptions, load_corpus, load_system, score
from normalize.scoring.bootstrap import DEFAULT_SEED, draw_counts, estimate_ci, p_value

FIXTURES = Path(__file__).parent / "fixtures" / "scoring"
JFLEG = Path(__file__).resolve().parents[2] / "shared" / "data" / "jfleg" / "dev"


def lines(name: str) -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def report():
    corpus = load_corpus(FIXTURES / "src.txt", [FIXTURES / "ref0.txt", FIXTURES / "ref1.txt"])
    systems = [load_system(FIXTURES / "hyp_a.txt", corpus), load_system(FIXTURES / "hyp_b.txt", corpus)]
    return score(corpus, systems, ScoreOptions(metrics=("bleu", "chrf", "ter")))


@pytest.mark.parametrize(
    "key, metric",
    [("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())],
)
@pytest.mark.parametrize("system, hyp", [("no-edit", "src.txt"), ("hyp_a.txt", "hyp_a.txt"), ("hyp_b.txt", "hyp_b.txt")])
def test_scores_equal_sacrebleu(report, key, metric, system, hyp) -> None:
    refs = [lines("ref0.txt"), lines("ref1.txt")]
    expected = metric.corpus_score(lines(hyp), refs).score
    got = report.system(system).scores[key]
    assert got.score == pytest.approx(expected, abs=1e-9)
    assert got.signature.startswith("nrefs:2|bs:1000|seed:12345|")
    assert got.signature.endswith(f"version:{sacrebleu.__version__}")


def test_deltas_and_p_values_equal_paired_test(report) -> None:
    refs = [lines("ref0.txt"), lines("ref1.txt")]
    test = PairedTest(
        [("no-edit", lines("src.txt")), ("a", lines("hyp_a.txt")), ("b", lines("hyp_b.txt"))],
        {"BLEU": BLEU(references=refs)}, None, test_type="bs", n_samples=1000,
    )
    _sigs, table = test()
    for name, result in zip(("no-edit", "hyp_a.txt", "hyp_b.txt"), table["BLEU"]):
        ours = report.system(name).scores["bleu"]
        assert ours.mean == pytest.approx(float(result.mean))
        assert ours.ci == pytest.approx(float(result.ci))
        if name != "no-edit":
            assert ours.p_value == pytest.approx(float(result.p_value))
            assert ours.delta == pytest.approx(result.score - table["BLEU"][0].score)


def test_between_systems_comparison(report) -> None:
    pairs = [(c.metric, c.baseline, c.system) for c in report.comparisons]
    assert pairs == [("bleu", "hyp_a.txt", "hyp_b.txt"), ("chrf", "hyp_a.txt", "hyp_b.txt"), ("ter", "hyp_a.txt", "hyp_b.txt")]
    bleu = report.comparisons[0]
    assert bleu.delta == pytest.approx(report.system("hyp_b.txt").scores["bleu"].score - report.system("hyp_a.txt").scores["bleu"].score)
    assert 0 < bleu.p_value <= 1


def test_own_bootstrap_reproduces_sacrebleu_paired_bs() -> None:
    """GLEU/F0.5 use draw_counts/estimate_ci/p_value: on BLEU they give PairedTest's numbers."""
    refs = [lines("ref0.txt"), lines("ref1.txt")]
    base, hyp = lines("src.txt"), lines("hyp_a.txt")
    metric = BLEU(references=refs)
    counts = draw_counts(len(base), 1000, DEFAULT_SEED)

    def resampled(hyps):
        stats = np.array(metric._extract_corpus_statistics(hyps, None), dtype=np.float64)
        return np.array([metric._compute_score_from_stats(list(row)).score for row in counts @ stats])

    bl, sy = resampled(base), resampled(hyp)
    real = metric.corpus_score(hyp, None).score - metric.corpus_score(base, None).score
    _sigs, table = PairedTest([("b", base), ("s", hyp)], {"BLEU": metric}, None, test_type="bs", n_samples=1000)()
    assert p_value(bl, sy, real) == pytest.approx(table["BLEU"][1].p_value)
    assert estimate_ci(sy)[1] == pytest.approx(table["BLEU"][1].ci)


def test_tokenize_none_reaches_bleu_signature() -> None:
    corpus = load_corpus(FIXTURES / "src.txt", [FIXTURES / "ref0.txt"])
    rep = score(corpus, [load_system(FIXTURES / "hyp_a.txt", corpus)], ScoreOptions(metrics=("bleu",), tokenize="none", samples=100))
    assert "tok:none" in rep.system("no-edit").scores["bleu"].signature


@pytest.mark.skipif(not (JFLEG / "dev.src").exists(), reason="shared JFLEG data not present")
def test_jfleg_four_references_signature() -> None:
    corpus = load_corpus(JFLEG / "dev.src", [JFLEG / f"dev.ref{i}" for i in range(4)])
    rep = score(corpus, [], ScoreOptions(metrics=("bleu", "chrf"), samples=100))
    refs = [(JFLEG / f"dev.ref{i}").read_text(encoding="utf-8").splitlines() for i in range(4)]
    src = (JFLEG / "dev.src").read_text(encoding="utf-8").splitlines()
    assert rep.system("no-edit").scores["bleu"].score == pytest.approx(sacrebleu.corpus_bleu(src, refs).score, abs=1e-9)
    assert rep.system("no-edit").scores["chrf"].signature.startswith("nrefs:4|")
