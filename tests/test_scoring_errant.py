"""ERRANT F0.5: hand-worked counts, errant's own compare_m2, M2 references, missing models."""

from __future__ import annotations

from argparse import Namespace
from collections import Counter
from pathlib import Path

import pytest

from normalize.errors import NormalizeError
from normalize.scoring import ScoreOptions, load_corpus, load_system, score
from normalize.scoring.fscore import corpus_counts, group_by_coder

FIXTURES = Path(__file__).parent / "fixtures" / "scoring"

# Hand-worked for hyp_a against ref0/ref1 (errant_compare picks ref0 in every sentence):
# 1 went: TP; 2 has (cats missed): TP, FN; 3 unchanged: -; 4 first were (second missed): TP, FN;
# 5 fine -> good: FP.  TP 3, FP 1, FN 2: P 0.75, R 0.6, F0.5 = 0.5625 / 0.7875.
HYP_A = {"tp": 3, "fp": 1, "fn": 2}
HYP_A_F05 = 100 * 0.5625 / 0.7875


def lines(name: str) -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="session")
def annotator():
    pytest.importorskip("errant")
    pytest.importorskip("spacy")
    from normalize.scoring.errant_f05 import ErrantAnnotator

    try:
        return ErrantAnnotator(jobs=1)
    except NormalizeError as exc:
        pytest.skip(str(exc))


def _score(annotator, corpus, hyps=("hyp_a.txt", "hyp_b.txt"), **kw):
    systems = [load_system(FIXTURES / h, corpus) for h in hyps]
    return score(corpus, systems, ScoreOptions(metrics=("errant",), samples=200, **kw), annotator=annotator)


def test_hand_worked_counts(annotator) -> None:
    corpus = load_corpus(FIXTURES / "src.txt", [FIXTURES / "ref0.txt", FIXTURES / "ref1.txt"])
    rep = _score(annotator, corpus, by_type=True)
    a = rep.system("hyp_a.txt").scores["errant"]
    assert {k: a.details[k] for k in HYP_A} == HYP_A
    assert a.score == pytest.approx(HYP_A_F05)
    assert a.delta == pytest.approx(HYP_A_F05)  # no-edit scores 0
    assert a.by_type["R:VERB:TENSE"]["tp"] == 1 and a.by_type["R:ADJ"]["fp"] == 1
    base = rep.system("no-edit").scores["errant"]
    assert (base.score, base.details["fn"], base.details["tp"]) == (0.0, 5, 0)
    assert "nrefs:2|beta:0.5|mode:cs" in a.signature


def _errant_parallel(annotator, sources: list[str], streams: list[list[str]]) -> str:
    """What errant_parallel writes, restated with errant's own API."""
    ann = annotator.annotator
    blocks = []
    for orig_line, *cors in zip(sources, *streams):
        orig = ann.parse(orig_line.strip())
        out = ["S " + " ".join(t.text for t in orig)]
        for coder, cor in enumerate(cors):
            cor = cor.strip()
            if orig.text.strip() == cor:
                out.append(f"A -1 -1|||noop|||-NONE-|||REQUIRED|||-NONE-|||{coder}")
            else:
                out += [e.to_m2(coder) for e in ann.annotate(orig, ann.parse(cor))]
        blocks.append("\n".join(out))
    return "\n\n".join(blocks)


def _errant_compare(hyp_m2: str, ref_m2: str) -> dict[str, int]:
    from errant.commands import compare_m2 as cm

    args = Namespace(beta=0.5, verbose=False, dt=False, ds=False, cs=False, cse=False,
                     single=False, multi=False, filt=[], cat=None)
    best = Counter({"tp": 0, "fp": 0, "fn": 0})
    for sent_id, (h, r) in enumerate(zip(hyp_m2.strip().split("\n\n"), ref_m2.strip().split("\n\n"))):
        hyp_dict = cm.process_edits(cm.simplify_edits(h), args)
        ref_dict = cm.process_edits(cm.simplify_edits(r), args)
        count, _cats = cm.evaluate_edits(hyp_dict, ref_dict, best, sent_id, "", args)
        best += Counter(count)
    return {k: best[k] for k in ("tp", "fp", "fn")}


@pytest.mark.parametrize("hyp", ["hyp_a.txt", "hyp_b.txt", "ref1.txt"])
def test_same_counts_as_errant_compare(annotator, hyp: str) -> None:
    src, refs = lines("src.txt"), [lines("ref0.txt"), lines("ref1.txt")]
    expected = _errant_compare(_errant_parallel(annotator, src, [lines(hyp)]), _errant_parallel(annotator, src, refs))
    corpus = load_corpus(FIXTURES / "src.txt", [FIXTURES / "ref0.txt", FIXTURES / "ref1.txt"])
    got = _score(annotator, corpus, hyps=(hyp,)).system(hyp).scores["errant"].details
    assert {k: got[k] for k in expected} == expected


def test_m2_references(annotator) -> None:
    corpus = load_corpus(ref_m2=FIXTURES / "refs.m2")
    assert corpus.n_refs == 2
    assert corpus.references[1][2] == "I really like it ."
    assert corpus.references[1][3] == "The results were good , and we were happy ."
    rep = _score(annotator, corpus)
    a = rep.system("hyp_a.txt").scores["errant"]
    assert {k: a.details[k] for k in HYP_A} == HYP_A
    assert a.by_type is None  # only with by_type=True
    assert "by_type" not in rep.to_dict()["systems"][1]["scores"]["errant"]


def test_m2_references_with_source_check(annotator) -> None:
    corpus = load_corpus(FIXTURES / "src.txt", ref_m2=FIXTURES / "refs.m2")
    assert corpus.sources == lines("src.txt")
    with pytest.raises(NormalizeError, match="differs from the S line"):
        load_corpus(FIXTURES / "hyp_a.txt", ref_m2=FIXTURES / "refs.m2")


def test_parallel_workers_give_same_counts(annotator) -> None:
    from normalize.scoring.errant_f05 import default_jobs

    if default_jobs() < 2:
        pytest.skip("no fork here")
    annotator.jobs, before = 2, annotator.jobs
    try:
        annotator._edits.clear()
        corpus = load_corpus(FIXTURES / "src.txt", [FIXTURES / "ref0.txt", FIXTURES / "ref1.txt"])
        a = _score(annotator, corpus).system("hyp_a.txt").scores["errant"]
    finally:
        annotator.jobs = before
    assert {k: a.details[k] for k in HYP_A} == HYP_A


def test_missing_spacy_model_is_one_line_error() -> None:
    pytest.importorskip("errant")
    from normalize.scoring.errant_f05 import ErrantAnnotator

    with pytest.raises(NormalizeError) as info:
        ErrantAnnotator("no_such_pipeline_xx")
    message = str(info.value)
    assert "\n" not in message and "pip install" in message and "no_such_pipeline_xx" in message


def test_best_reference_choice_is_cumulative() -> None:
    """errant_compare's tie-breaks, without errant: equal F prefers more TP, then fewer FP/FN."""
    hyp = [[(0, 1, "R:X", "a", 0)]]
    refs = [[(0, 1, "R:X", "a", 0), (2, 3, "R:Y", "b", 0), (0, 1, "R:X", "a", 1)]]
    (chosen,) = corpus_counts(hyp, refs)
    assert (chosen.tp, chosen.fp, chosen.fn) == (1, 0, 0)  # coder 1 matches exactly
    assert group_by_coder([]) == {0: {(-1, -1, "-NONE-"): ["noop"]}}
