"""Render finding records as text, JSON, GitHub annotations or SARIF."""

from __future__ import annotations

import json

import typer

from normalize import __version__


def render_text(records: list[dict], color: bool = False) -> str:
    lines = []
    for r in records:
        where = f"{r['path']}:{r['line']}:{r['column']}:"
        rule = typer.style(r["rule"], fg=_severity_colour(r["severity"]), bold=True) if color else r["rule"]
        lines.append(f"{where} {rule} [{r['category']}] {r['message']}")
        if r["suggestions"]:
            old = _show(r["text"], "(insert)")
            options = " | ".join(_show(s, "(delete)") for s in r["suggestions"])
            marker = "fix" if r["applicability"] == "safe" else "suggestion"
            arrow = f"  {marker}: {old} -> {options}"
            lines.append(typer.style(arrow, fg="green") if color else arrow)
        else:
            lines.append(f"  at: {_show(r['text'], '(here)')}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_summary(n_findings: int, n_files: int, n_fixable: int, n_suppressed: int = 0) -> str:
    known = f" ({n_suppressed} suppressed by the baseline)" if n_suppressed else ""
    if not n_findings:
        return f"No problems found in {n_files} file(s){known}.\n"
    return (
        f"Found {n_findings} problem(s) in {n_files} file(s){known}; "
        f"{n_fixable} fixable with `normalize fix` (more with --unsafe-fixes).\n"
    )


def render_json(records: list[dict]) -> str:
    """A JSON list, one finding a line: readable, greppable, and written by
    json's C encoder (``indent`` would switch to the pure-Python one, 10x slower)."""
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"


def render_flags(records: list[dict], n_lines: int) -> str:
    """One line per input line: its findings as ``start:end`` spans within the
    line (blank when clean), the format `normalize score --flags` reads."""
    spans: list[list[str]] = [[] for _ in range(n_lines)]
    for r in records:
        if 1 <= r["line"] <= n_lines:
            end = r["end_column"] - 1 if r["end_line"] == r["line"] else r["column"] - 1
            spans[r["line"] - 1].append(f"{r['column'] - 1}:{end}")
    return "".join(" ".join(s) + "\n" for s in spans)


def render_github(records: list[dict]) -> str:
    """GitHub Actions workflow commands: annotations on the changed files."""
    out = []
    for r in records:
        level = "error" if r["severity"] == "error" else "warning" if r["severity"] == "warning" else "notice"
        message = r["message"]
        if r["suggestions"]:
            message += f" Suggestion: {r['suggestions'][0]!r}."
        out.append(
            f"::{level} file={_gh(r['path'])},line={r['line']},col={r['column']},"
            f"endLine={r['end_line']},endColumn={r['end_column']},"
            f"title={_gh(r['rule'])}::{_gh_msg(message)}"
        )
    return "\n".join(out) + ("\n" if out else "")


def render_sarif(records: list[dict], rule_help: dict[str, str]) -> str:
    rules = sorted({r["rule"] for r in records})
    results = []
    for r in records:
        result = {
            "ruleId": r["rule"],
            "level": {"error": "error", "warning": "warning"}.get(r["severity"], "note"),
            "message": {"text": r["message"]},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(r["path"])},
                    "region": {
                        "startLine": r["line"], "startColumn": r["column"],
                        "endLine": r["end_line"], "endColumn": r["end_column"],
                        "charOffset": r["start"], "charLength": r["end"] - r["start"],
                    },
                }
            }],
        }
        if r["suggestions"]:
            result["fixes"] = [{
                "description": {"text": f"Replace with {r['suggestions'][0]!r}"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(r["path"])},
                    "replacements": [{
                        "deletedRegion": {"charOffset": r["start"], "charLength": r["end"] - r["start"]},
                        "insertedContent": {"text": r["suggestions"][0]},
                    }],
                }],
            }]
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "normalize",
                "version": __version__,
                "rules": [
                    {"id": rid, "shortDescription": {"text": rule_help.get(rid, rid)}} for rid in rules
                ],
            }},
            "results": results,
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def _severity_colour(severity: str) -> str:
    return {"error": "red", "warning": "yellow"}.get(severity, "blue")


def _show(s: str, empty: str) -> str:
    return repr(s) if s else empty


def _gh(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _gh_msg(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _uri(path: str) -> str:
    """A SARIF artifact URI: the path percent-encoded (spaces, '#', non-ASCII)."""
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:")
