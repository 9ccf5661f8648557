"""`normalize score` end to end: formats, baseline rows, bad inputs (one-line errors, exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from normalize.cli.app import app
from normalize.errors import NormalizeError
from normalize.scoring import io
from normalize.scoring.tokenize import looks_tokenised

FIXTURES = Path(__file__).parent / "fixtures" / "scoring"
REPO = Path(__file__).resolve().parents[1]
BASE = ["score", "-s", str(FIXTURES / "src.txt"), "-r", str(FIXTURES / "ref0.txt"), "-r", str(FIXTURES / "ref1.txt"),
        "-o", str(FIXTURES / "hyp_a.txt"), "-o", str(FIXTURES / "hyp_b.txt"), "--bootstrap", "100"]


def invoke(*extra: str):
    result = CliRunner().invoke(app, [*BASE, *extra])
    assert result.exit_code == 0, result.output
    return result


def test_json_has_baseline_deltas_ci_p_and_signatures() -> None:
    data = json.loads(invoke("-f", "json", "-m", "gleu,bleu,chrf,ter").stdout)
    names = [s["name"] for s in data["systems"]]
    assert names == ["no-edit", "hyp_a.txt", "hyp_b.txt"]
    for system in data["systems"]:
        for key in ("gleu", "bleu", "chrf", "ter"):
            m = system["scores"][key]
            assert m["signature"].startswith("nrefs:2|") and m["ci95"] is not None
            if system["name"] == "no-edit":
                assert m["delta_vs_no_edit"] is None
            else:
                assert isinstance(m["delta_vs_no_edit"], float) and 0 < m["p_value_vs_no_edit"] <= 1
    assert data["systems"][0]["scores"]["gleu"]["iterations"] == 500
    assert {(c["metric"], c["baseline"], c["system"]) for c in data["comparisons"]} >= {("gleu", "hyp_a.txt", "hyp_b.txt")}


def test_markdown_and_text_show_baseline_first() -> None:
    md = invoke("-f", "markdown", "-m", "gleu,bleu").stdout
    table = [line for line in md.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| Metric | System | Score | 95% CI | Δ no-edit | p-value")
    assert table[2].split("|")[2].strip() == "no-edit"
    assert "nrefs:2|bs:100|seed:12345" in md and "Between systems" in md
    text = invoke("-m", "gleu").stdout
    assert text.index("no-edit") < text.index("hyp_a.txt") and "±" in text and "iter:500" in text


def test_names_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    invoke("--name", "A", "--name", "B", "-m", "bleu", "-f", "markdown", "--output", str(out))
    assert "| A |" in out.read_text() and "| B |" in out.read_text()


def test_pairs_tsv() -> None:
    result = CliRunner().invoke(
        app, ["score", "--pairs", str(FIXTURES / "pairs.tsv"), "-o", str(FIXTURES / "pairs.tsv"), "-m", "bleu"]
    )
    assert isinstance(result.exception, NormalizeError) and "3 lines but the source has 2" in str(result.exception)


def test_tokenisation_mismatch_warns() -> None:
    result = CliRunner().invoke(
        app, ["score", "-s", str(FIXTURES / "src.txt"), "-r", str(FIXTURES / "ref0.txt"),
              "-o", str(FIXTURES / "hyp_a_detok.txt"), "-m", "gleu", "--bootstrap", "100"],
    )
    assert result.exit_code == 0
    assert "normalize: warning: references look tokenised" in result.stderr
    quiet = CliRunner().invoke(
        app, ["score", "-s", str(FIXTURES / "src.txt"), "-r", str(FIXTURES / "ref0.txt"),
              "-o", str(FIXTURES / "hyp_a_detok.txt"), "-m", "gleu", "--bootstrap", "100", "--tokenize", "13a"],
    )
    assert "warning" not in quiet.stderr and "tok:13a" in quiet.stdout


def test_looks_tokenised() -> None:
    assert looks_tokenised(["He did n't go .", "Yes , he did ."])
    assert not looks_tokenised(["He didn't go.", "Yes, he did."])


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "normalize", *args], capture_output=True, text=True, cwd=REPO)


@pytest.mark.parametrize(
    "args, message",
    [
        (["-s", "src.txt", "-r", "short.txt", "-o", "hyp_a.txt"], "has 1 lines but source"),
        (["-s", "src.txt", "-r", "ref0.txt", "-o", "short.txt"], "has 1 lines but the source has 5"),
        (["-s", "src.txt", "-r", "empty.txt", "-o", "hyp_a.txt"], "is empty"),
        (["-s", "missing.txt", "-r", "ref0.txt", "-o", "hyp_a.txt"], "does not exist"),
        (["-s", "src.txt", "-r", "ref0.txt", "-o", "hyp_a.txt", "-m", "meteor"], "unknown metric 'meteor'"),
        (["-s", "src.txt", "-r", "ref0.txt", "-o", "hyp_a.txt", "--name", "a", "--name", "b"], "2 --name given for 1 --hyp"),
        (["-s", "src.txt", "-r", "ref0.txt"], "nothing to score"),
        (["-s", "src.txt", "-o", "hyp_a.txt"], "exactly one of --ref, --pairs or --ref-m2"),
        (["-s", "src.txt", "-r", "ref0.txt", "-o", "hyp_a.txt", "--seed", "0"], "--seed must be a positive"),
        # without errant installed the message names the extra instead; both end with the hint
        (["-s", "src.txt", "-r", "ref0.txt", "-o", "hyp_a.txt", "-m", "errant", "--spacy-model", "no_such_xx"],
         "or name an installed pipeline with --spacy-model"),
    ],
)
def test_bad_inputs_one_line_exit_2(args: list[str], message: str) -> None:
    full = [a if a.startswith("-") or not a.endswith(".txt") else str(FIXTURES / a) for a in args]
    proc = run_cli("score", *full)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("normalize: error: ")
    assert message in proc.stderr
    assert proc.stdout == ""


def test_m2_reader_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.m2"
    bad.write_text("S a b\nA x y|||R|||c|||REQUIRED|||-NONE-|||0\n")
    with pytest.raises(NormalizeError, match="malformed edit line"):
        io.read_m2(bad)
    bad.write_text("A 0 1|||R|||c|||REQUIRED|||-NONE-|||0\n")
    with pytest.raises(NormalizeError, match="does not start with an S line"):
        io.read_m2(bad)


def test_pairs_reader(tmp_path: Path) -> None:
    sources, refs = io.read_pairs_tsv(FIXTURES / "pairs.tsv")
    assert sources == ["He go to school yesterday.", "This is fine."] and refs[0] == "He went to school yesterday."
    bad = tmp_path / "p.tsv"
    bad.write_text("id\tsrc\n1\tx\n")
    with pytest.raises(NormalizeError, match="no source or reference column"):
        io.read_pairs_tsv(bad)
