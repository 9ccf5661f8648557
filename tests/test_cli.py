"""The command line, run in-process through the real entry point."""

from __future__ import annotations

import codecs
import json
import sys

import pytest

from normalize.errors import NormalizeError

from normalize.cli.app import main

FAULTY = "“We agreed on this”, – said the minister. Exports grew by 3,5 per cent .\r\n"
CLEAN = "The minister said the talks were useful.\r\nExports grew by 3.5 per cent.\r\n"


def run(monkeypatch, capsysbinary, *args: str, stdin: bytes | None = None):
    monkeypatch.setattr(sys, "argv", ["normalize", *args])
    if stdin is not None:
        import io

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    with pytest.raises(SystemExit) as exc:
        main()
    out, err = capsysbinary.readouterr()
    return exc.value.code, out.decode("utf-8"), err.decode("utf-8")


@pytest.fixture
def cli(monkeypatch, capsysbinary):
    return lambda *args, stdin=None: run(monkeypatch, capsysbinary, *args, stdin=stdin)


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_check_text_output_and_exit_1(cli, tmp_path):
    path = write(tmp_path, "f.txt", FAULTY.encode())
    code, out, err = cli("check", str(path))
    assert code == 1
    assert f"{path}:1:19: WP101" in out
    assert "fix:" in out and "Found" in err


def test_check_clean_exit_0(cli, tmp_path):
    path = write(tmp_path, "c.txt", CLEAN.encode())
    code, out, _ = cli("check", str(path))
    assert code == 0 and out == ""


def test_check_json_offsets_point_into_the_text(cli, tmp_path):
    path = write(tmp_path, "f.txt", codecs.BOM_UTF8 + ("Zürich.\n" + FAULTY).encode())
    code, out, _ = cli("check", str(path), "--format", "json")
    records = json.loads(out)
    assert code == 1 and records
    text = "Zürich.\n" + FAULTY
    for r in records:
        assert set(r) >= {"path", "start", "end", "line", "column", "rule", "category",
                          "severity", "message", "suggestions", "applicability"}
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["line"] == 2
    assert any(r["text"] == "," and r["suggestions"] == ["."] for r in records)


def test_check_sarif_and_github(cli, tmp_path):
    path = write(tmp_path, "f.txt", FAULTY.encode())
    code, out, _ = cli("check", str(path), "--format", "sarif")
    assert code == 1 and json.loads(out)["runs"][0]["results"]
    code, out, _ = cli("check", str(path), "--format", "github")
    assert code == 1 and out.startswith("::warning file=")


def test_check_stdin(cli):
    code, out, _ = cli("check", "-", stdin=FAULTY.encode())
    assert code == 1 and "-:1:19: WP101" in out


def test_fix_stdout_keeps_crlf_lines_and_bom(cli, tmp_path):
    path = write(tmp_path, "f.txt", codecs.BOM_UTF8 + (FAULTY + "Şoygu met de Mistura .\r\n").encode())
    code, out, _ = cli("fix", str(path))
    assert code == 0
    # capsysbinary decodes nothing: the BOM comes back as U+FEFF.
    assert out == "\ufeff“We agreed on this,” said the minister. Exports grew by 3.5 per cent.\r\nŞoygu met de Mistura.\r\n"


def test_fix_clean_crlf_bom_is_byte_identical(cli, tmp_path):
    raw = codecs.BOM_UTF8 + CLEAN.encode()
    path = write(tmp_path, "c.txt", raw)
    out_path = tmp_path / "out.txt"
    code, _, _ = cli("fix", str(path), "--output", str(out_path))
    assert code == 0 and out_path.read_bytes() == raw


def test_fix_in_place_and_idempotent(cli, tmp_path):
    path = write(tmp_path, "f.txt", FAULTY.encode())
    assert cli("fix", str(path), "--in-place")[0] == 0
    once = path.read_bytes()
    assert once != FAULTY.encode() and once.endswith(b"\r\n")
    assert cli("fix", str(path), "--in-place")[0] == 0
    assert path.read_bytes() == once


def test_fix_diff_writes_nothing(cli, tmp_path):
    path = write(tmp_path, "f.txt", FAULTY.encode())
    code, out, _ = cli("fix", str(path), "--diff")
    assert code == 0 and out.startswith("--- a/") and "+“We agreed on this,” said" in out
    assert path.read_bytes() == FAULTY.encode()


def test_fix_diff_keeps_the_bom_in_the_first_line(cli, tmp_path):
    # so that `patch` and `git apply` find the file's first line as it is
    path = write(tmp_path, "f.txt", b"\xef\xbb\xbfIn his turn, the minister said.\n")
    code, out, _ = cli("fix", str(path), "--diff")
    assert code == 0 and "-\ufeffIn his turn" in out and "+\ufeffFor his part" in out


def test_accept_list_protects_phrases(cli, tmp_path):
    path = write(tmp_path, "f.txt", b"Exports grew by 3,5 per cent.\n")
    accept = write(tmp_path, "accept.txt", b"# house names\n3,5\n")
    code, out, _ = cli("check", str(path), "--accept", str(accept))
    assert code == 0, out


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait\n", "not valid utf-8"),
        (b"ab\x00cd", "binary"),
    ],
)
@pytest.mark.parametrize("command", [["check"], ["fix"], ["fix", "--in-place"]])
def test_bad_input_one_line_error_exit_2_file_untouched(cli, tmp_path, data, message, command):
    path = write(tmp_path, "bad.txt", data)
    code, out, err = cli(*command, str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "missing.txt"], "missing.txt: no such file"),
        (["check", "{f}", "--format", "xml"], "unknown format 'xml'"),
        (["check", "{f}", "--strategy", "magic"], "unknown strategy"),
        (["check", "{f}", "--bogus"], "No such option"),
        (["check"], "Missing argument"),
        (["fix", "{f}", "--diff", "--in-place"], "choose one of"),
        (["fix", "-", "--in-place"], "needs a file"),
        (["check", "{f}", "--accept", "nope.txt"], "accept list not found"),
        (["check", "{f}", "--rules", "/nonexistent"], "rule folder not found"),
    ],
)
def test_usage_errors(cli, tmp_path, args, message):
    path = write(tmp_path, "f.txt", FAULTY.encode())
    code, _, err = cli(*[a.replace("{f}", str(path)) for a in args])
    assert code == 2 and message in err and err.count("\n") == 1


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \r\n\n\t"])
def test_empty_input_is_refused_in_one_line(cli, tmp_path, data):
    path = write(tmp_path, "e.txt", data)
    for command in (["check", str(path)], ["fix", str(path)], ["fix", "--in-place", str(path)]):
        code, out, err = cli(*command)
        assert code == 2 and out == "" and "e.txt: empty (no text to check)" in err and err.count("\n") == 1
    assert path.read_bytes() == data


def test_malformed_rule_pack(cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.yaml").write_text("rules:\n  - id: WC001\n    category: article\n    message: m\n    pattern: '(unclosed'\n    examples: [{bad: a}, {ok: b}]\n")
    path = write(tmp_path, "f.txt", b"text\n")
    code, _, err = cli("check", str(path), "--rules", str(rules))
    assert code == 2 and "broken.yaml: WC001: bad regular expression" in err


def test_help_is_fast_and_light():
    import subprocess

    probe = (
        "import sys, normalize.cli.app as a;"
        "heavy=[m for m in ('yaml','sacrebleu','sentencepiece','syntok','torch','onnxruntime','spacy','language_tool_python','numpy') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_project_config_is_read_and_flags_override(cli, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.normalize]\nignore = ["WP103"]\naccept = "names.txt"\n')
    (tmp_path / "names.txt").write_text("Exports\n")
    path = write(tmp_path, "f.txt", b"Exports grew by 3,5 per cent .\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("check", "f.txt", "--format", "json")
    assert {r["rule"] for r in json.loads(out)} == {"WP104"}
    code, out, _ = cli("check", "f.txt", "--format", "json", "--ignore", "WP104")
    assert {r["rule"] for r in json.loads(out)} == {"WP103"}


def test_bad_config_is_one_line_error(cli, tmp_path, monkeypatch):
    (tmp_path / "normalize.toml").write_text("colour = 'red'\n")
    write(tmp_path, "f.txt", b"Text.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("check", "f.txt")
    assert code == 2 and "unknown normalize setting(s): colour" in err


def test_rules_and_explain(cli):
    code, out, _ = cli("rules", "--family", "punctuation")
    assert code == 0 and out.startswith("WP101\tpunctuation\tpunctuation\tsafe\t")
    code, out, _ = cli("explain", "wp103")
    assert code == 0 and "bad:  Exports grew by 3,5 per cent" in out
    code, _, err = cli("explain", "ZZ999")
    assert code == 2 and "no rule 'ZZ999'" in err


def test_explain_model_family(cli):
    from normalize.rank import MARGINS

    code, out, _ = cli("explain", "model-article")
    safe, unsafe = MARGINS["article:swap"]
    assert code == 0 and out.startswith("model-article (article):")
    assert f"article:swap suggested above {unsafe:+g}, applied above {safe:+g}" in out
    code, _, err = cli("explain", "model-nothing")
    assert code == 2 and "no model family 'model-nothing'" in err


def test_rule_pack_with_bad_escape_in_replacement(cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text("rules:\n  - id: WC001\n    category: article\n    message: m\n    pattern: 'a(b)'\n    replace: ['\\q\\1']\n    examples: [{bad: ab}, {ok: b}]\n")
    path = write(tmp_path, "f.txt", b"ab\n")
    code, _, err = cli("check", str(path), "--rules", str(rules))
    assert code == 2 and "unknown escape" in err


@pytest.mark.parametrize("line", ["Şoygu met de Mistura.", "Çavuşoğlu and Erdoğan met in Ankara.", "He met Phùng Đức Tiến in Hanoi."])
def test_default_strategy_never_edits_non_ascii_names(cli, tmp_path, line):
    path = write(tmp_path, "n.txt", (line + "\n").encode())
    code, out, _ = cli("fix", str(path))
    assert code == 0 and out == line + "\n"


def test_check_flags_format_feeds_score_detection(cli, tmp_path):
    src = write(tmp_path, "s.txt", "Clean sentence here.\r\n“We agreed”, – said he.\nGrowth was 3,5 per cent.\n".encode())
    code, out, _ = cli("check", str(src), "--format", "flags", "--strategy", "rules")
    lines = out.split("\n")
    assert code == 1 and len(lines) == 4 and lines[0] == "" and lines[3] == ""
    assert "10:14" in lines[1].split() and lines[2] == "12:13"
    flags = write(tmp_path, "f.txt", out.encode())
    ref = write(tmp_path, "r.txt", "Clean sentence here.\n“We agreed,” said he.\nGrowth was 3.5 per cent.\n".encode())
    code, out, _ = cli("score", "--source", str(src), "--ref", str(ref), "--flags", str(flags),
                       "--metric", "detection", "--format", "json")
    assert code == 0
    system = json.loads(out)["systems"][1]["scores"]["det-sentence"]
    assert (system["tp"], system["fp"], system["fn"], system["false_alarm_rate"]) == (2, 0, 0, 0.0)


# ---------------------------------------------------------------- where fix writes


def test_fix_in_place_writes_through_a_symlink(cli, tmp_path):
    target = write(tmp_path, "target.txt", FAULTY.encode())
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    code, _, _ = cli("fix", str(link), "--in-place", "--strategy", "rules")
    assert code == 0
    assert link.is_symlink()  # the link stays a link ...
    assert target.read_bytes() != FAULTY.encode()  # ... and its target is fixed


def test_fix_output_to_a_device_writes_into_it(cli, tmp_path):
    source = write(tmp_path, "in.txt", FAULTY.encode())
    code, _, _ = cli("fix", str(source), "-o", "/dev/null", "--strategy", "rules")
    import os
    import stat

    assert code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # not replaced by a regular file


def test_fix_output_dash_is_stdout(cli, tmp_path):
    source = write(tmp_path, "in.txt", CLEAN.encode())
    code, out, _ = cli("fix", str(source), "-o", "-", "--strategy", "rules")
    assert code == 0 and out == CLEAN
    assert not (tmp_path / "-").exists()


def test_fix_output_gets_the_usual_permissions(cli, tmp_path):
    import os

    source = write(tmp_path, "in.txt", FAULTY.encode())
    out = tmp_path / "out.txt"
    mask = os.umask(0o022)
    try:
        code, _, _ = cli("fix", str(source), "-o", str(out), "--strategy", "rules")
    finally:
        os.umask(mask)
    assert code == 0 and out.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("where", ["missing-dir/out.txt", "."])
def test_fix_output_errors_are_one_line(cli, tmp_path, where):
    source = write(tmp_path, "in.txt", FAULTY.encode())
    code, _, err = cli("fix", str(source), "-o", str(tmp_path / where), "--strategy", "rules")
    assert code == 2
    assert err.count("\n") == 1 and "internal error" not in err and "Traceback" not in err
    assert source.read_bytes() == FAULTY.encode()


def test_score_refuses_to_overwrite_an_input(cli, tmp_path):
    src = write(tmp_path, "src.txt", b"a b c\n")
    ref = write(tmp_path, "ref.txt", b"a b c\n")
    hyp = write(tmp_path, "hyp.txt", b"a b c\n")
    code, _, err = cli("score", "-s", str(src), "-r", str(ref), "-o", str(hyp), "--output", str(src), "-m", "ter")
    assert code == 2 and "input" in err
    assert src.read_bytes() == b"a b c\n"


@pytest.mark.parametrize("beta", ["0", "-1", "nan", "inf"])
def test_score_refuses_a_bad_beta(cli, tmp_path, beta):
    src = write(tmp_path, "src.txt", b"a b c\n")
    code, _, err = cli("score", "-s", str(src), "-r", str(src), "-o", str(src), "--beta", beta, "-m", "ter")
    assert code == 2 and "--beta" in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "-", "--encoding", "rot13"], "not a text encoding"),
        (["check", "-", "--select", "ZZZ"], "matches no rule"),
        (["train", "--corpus", "-", "--output", "out", "--order", "0"], "--order"),
    ],
)
def test_bad_values_are_one_line_errors(cli, tmp_path, monkeypatch, args, needle):
    monkeypatch.chdir(tmp_path)
    if "train" in args:
        write(tmp_path, "corpus.txt", b"One sentence here.\n")
        args = [a if a != "-" else "corpus.txt" for a in args]
    code, _, err = cli(*args, stdin=b"In his turn, he left.\n")
    assert code == 2 and needle in err and err.count("\n") == 1


def test_a_damaged_model_is_a_one_line_error(cli, tmp_path):
    import shutil

    from normalize.lm.scorer import default_model_dir

    damaged = tmp_path / "model"
    damaged.mkdir()
    for name in ("model.json", "spm.model", "lm.npz"):
        shutil.copyfile(default_model_dir() / name, damaged / name)
    (damaged / "spm.model").write_bytes(b"not a sentencepiece model")
    code, _, err = cli("check", "-", "--strategy", "model", "--model", str(damaged), stdin=b"Hello world.\n")
    assert code == 2 and "damaged" in err and err.count("\n") == 1


@pytest.mark.parametrize("command", ["check", "fix"])
def test_help_keeps_bracketed_text(cli, command, monkeypatch):
    # Rich reads "[...]" in help text as markup and drops it unless escaped.
    monkeypatch.setenv("COLUMNS", "300")
    code, out, _ = cli(command, "--help")
    assert code == 0
    assert "normalize[languagetool]" in out and "(default: rules+model)" in out


BASELINE_DOC = "Intro line.\nExports grew by 3,5 per cent .\n"


def test_baseline_suppresses_recorded_findings_until_their_line_changes(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "f.txt", BASELINE_DOC.encode())
    code, _, err = cli("check", "f.txt", "--strategy", "rules", "--write-baseline", "base.json")
    assert code == 0 and "Recorded 2 finding(s) in base.json" in err
    code, out, err = cli("check", "./f.txt", "--strategy", "rules", "--baseline", "base.json")
    assert code == 0 and out == "" and "(2 suppressed by the baseline)" in err
    # A line added above moves the finding, which stays suppressed ...
    write(tmp_path, "f.txt", ("New first line.\n" + BASELINE_DOC).encode())
    code, out, _ = cli("check", "f.txt", "--strategy", "rules", "--baseline", "base.json", "--format", "json")
    assert code == 0 and json.loads(out) == []
    # ... a repeat of it is new, and an edited sentence brings its findings back.
    write(tmp_path, "f.txt", (BASELINE_DOC + "Exports grew by 3,5 per cent .\nImports fell by 2,5 per cent .\n").encode())
    code, out, _ = cli("check", "f.txt", "--strategy", "rules", "--baseline", "base.json", "--format", "json")
    assert code == 1 and [r["line"] for r in json.loads(out)] == [3, 3, 4, 4]


def test_baseline_from_the_project_config(cli, tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    write(tmp_path / "sub", "f.txt", BASELINE_DOC.encode())
    cli("check", "f.txt", "--strategy", "rules", "--write-baseline", "../accepted.json")
    (tmp_path / "normalize.toml").write_text('baseline = "accepted.json"\nstrategy = "rules"\n')
    code, out, _ = cli("check", "f.txt")
    assert code == 0 and out == ""


@pytest.mark.parametrize(
    "content, reason",
    [(b"{", "bad JSON"), (b'{"findings": []}', "version 1 expected"),
     (b'{"normalize_baseline": true, "findings": []}', "version 1 expected"),
     (b'{"normalize_baseline": 1, "findings": [1]}', "bad 'findings'"), (b"\xff\xfe", "not UTF-8")],
)
def test_bad_baseline_is_one_line_error(cli, tmp_path, content, reason):
    base = write(tmp_path, "base.json", content)
    doc = write(tmp_path, "f.txt", BASELINE_DOC.encode())
    code, out, err = cli("check", str(doc), "--baseline", str(base))
    assert code == 2 and out == "" and reason in err and len(err.strip().splitlines()) == 1


def test_write_baseline_never_overwrites_an_input(cli, tmp_path):
    doc = write(tmp_path, "f.txt", BASELINE_DOC.encode())
    code, _, err = cli("check", str(doc), "--write-baseline", str(doc))
    assert code == 2 and "would be overwritten" in err
    assert doc.read_bytes() == BASELINE_DOC.encode()


def test_html_report_shows_the_text_exactly_with_findings_marked(cli, tmp_path):
    from html.parser import HTMLParser

    source = "<b>Ministry</b> & co: “We agreed on this”, – said the minister.\r\nExports grew by 3,5 per cent .\n"
    path = write(tmp_path, "f.txt", source.encode())
    code, out, _ = cli("check", str(path), "--format", "html", "--strategy", "rules")
    assert code == 1 and out.startswith("<!DOCTYPE html>") and "<b>Ministry" not in out

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.inside, self.caret, self.text, self.marks = False, False, [], 0

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            self.inside |= tag == "div" and attrs.get("class") == "text"
            if self.inside and tag == "mark":
                self.marks += 1
                self.caret = attrs.get("class") == "here"

        def handle_endtag(self, tag):
            self.inside &= tag != "div"
            self.caret &= tag != "mark"

        def handle_data(self, data):
            if self.inside and not self.caret:
                self.text.append(data)

    parser = Text()
    parser.feed(out)
    assert "".join(parser.text) == source
    _, js, _ = cli("check", str(path), "--format", "json", "--strategy", "rules")
    rules = [r["rule"] for r in json.loads(js)]
    assert parser.marks >= len(set((r["start"], r["end"]) for r in json.loads(js))) > 0
    assert all(f"<code class=\"rule\">{rule}</code>" in out for rule in rules)


@pytest.mark.parametrize("setting", ["baseline = 5", 'accept = ""', "rules = []"])
def test_config_path_settings_must_be_paths(cli, tmp_path, monkeypatch, setting):
    (tmp_path / "normalize.toml").write_text(setting + "\n")
    write(tmp_path, "f.txt", b"Text.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("check", "f.txt")
    assert code == 2 and "must be a file or folder path" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "setting, reason",
    [("select = 5", "'select' must be a string or a list of strings"),
     ("ignore = {a = 1}", "'ignore' must be a string or a list of strings"),
     ('select = ["WC1", 3]', "'select' must be a string or a list of strings"),
     ("languagetool = 5", "'languagetool' must be a string")],
)
def test_config_settings_of_the_wrong_type(cli, tmp_path, monkeypatch, setting, reason):
    (tmp_path / "normalize.toml").write_text(setting + "\n")
    write(tmp_path, "f.txt", b"Text.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("check", "f.txt")
    assert code == 2 and reason in err and "internal error" not in err


def test_rule_pack_exceptions_take_one_pattern_or_a_list(cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    pack = "rules:\n  - id: WC001\n    category: calque\n    message: m\n    pattern: 'In his turn'\n    examples: [{bad: 'In his turn'}, {ok: b}]\n"
    (rules / "p.yaml").write_text(pack + "    exceptions: 'In his turn, he'\n")
    path = write(tmp_path, "f.txt", b"In his turn, he left.\nIn his turn, she left.\n")
    code, out, _ = cli("check", str(path), "--rules", str(rules), "--strategy", "rules", "--format", "json")
    assert code == 1 and [f["line"] for f in json.loads(out)] == [2]
    other = tmp_path / "other"  # (packs are read once a process per folder)
    other.mkdir()
    (other / "p.yaml").write_text(pack + "    exceptions: 5\n")
    code, _, err = cli("check", str(path), "--rules", str(other))
    assert code == 2 and "'exceptions' must be a regular expression or a list of them" in err


def test_rules_option_takes_a_folder_with_packs(cli, tmp_path):
    path = write(tmp_path, "f.txt", b"In his turn, he left.\n")
    (tmp_path / "empty").mkdir()
    code, _, err = cli("check", str(path), "--rules", str(tmp_path / "empty"))
    assert code == 2 and "no rule packs" in err
    code, _, err = cli("check", str(path), "--rules", str(path))
    assert code == 2 and "is a file" in err


def test_a_lone_surrogate_is_refused(cli, tmp_path):
    from normalize.api import check_text

    path = write(tmp_path, "f.txt", b"+2D8- In his turn, he said.\n")
    code, _, err = cli("check", str(path), "--encoding", "utf-7")
    assert code == 2 and "lone surrogate (U+D83F" in err
    with pytest.raises(NormalizeError, match="lone surrogate"):
        check_text("\ud800 In his turn, he said.")


def test_a_deeply_nested_baseline_is_refused(cli, tmp_path):
    base = write(tmp_path, "base.json", b"[" * 100_000 + b"]" * 100_000)
    doc = write(tmp_path, "f.txt", BASELINE_DOC.encode())
    code, _, err = cli("check", str(doc), "--baseline", str(base))
    assert code == 2 and "nested too deeply" in err


def test_model_info_on_a_damaged_card(cli, tmp_path):
    for name in ("spm.model", "lm.npz"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "model.json").write_text("{bad")
    code, _, err = cli("model", "info", "--model", str(tmp_path))
    assert code == 2 and "is damaged (JSONDecodeError" in err


def test_html_report_keeps_a_file_given_twice_apart(cli, tmp_path):
    path = write(tmp_path, "f.txt", b"Exports grew by 3,5 per cent .\n")
    _, one, _ = cli("check", str(path), "--format", "html", "--strategy", "rules")
    _, two, _ = cli("check", str(path), str(path), "--format", "html", "--strategy", "rules")
    assert two.count("<h2>") == 2 and two.count("<li id=") == 2 * one.count("<li id=") > 0

