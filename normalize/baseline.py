"""Baselines: findings a team has accepted, so CI reports only new ones.

``normalize check --write-baseline FILE`` records every current finding;
``--baseline FILE`` (or ``baseline = "FILE"`` in the project config) then
suppresses them. A finding is identified by its file, rule, matched text and
the text of its line (not the line number), so it stays suppressed when lines
are added above it and comes back when its sentence is edited. A line that
holds the same finding twice is counted twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from normalize.errors import InputError
from normalize.load import write_atomic
from normalize.report.positions import LineIndex

FORMAT_VERSION = 1


def fingerprint(record: dict, line_text: str) -> str:
    """A stable id of one finding: file, rule, matched text and its line."""
    # "./a.txt" and "a.txt" are one file to the user.
    key = "\0".join((os.path.normpath(record["path"]), record["rule"], record["text"], line_text.strip()))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def fingerprints(records: Iterable[dict], text: str) -> list[str]:
    """The fingerprint of each record of one document (``text``: its text),
    its line cut out by the same index that numbered it."""
    starts = LineIndex(text).starts + [len(text)]
    return [fingerprint(r, text[starts[r["line"] - 1] : starts[r["line"]]]) for r in records]


def write_baseline(path: str, entries: list[tuple[dict, str]]) -> None:
    """Write ``(record, fingerprint)`` pairs; the rule and text are kept so a
    reviewer can read what was accepted."""
    findings = [
        {"fingerprint": fp, "path": r["path"], "rule": r["rule"], "line": r["line"], "text": r["text"]}
        for r, fp in entries
    ]
    data = json.dumps({"normalize_baseline": FORMAT_VERSION, "findings": findings}, ensure_ascii=False, indent=1)
    write_atomic(path, (data + "\n").encode("utf-8"))


def read_baseline(path: str) -> Counter[str]:
    """How many times each fingerprint is accepted; one-line errors for a bad file."""
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: baseline not found (write one with --write-baseline)")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a normalize baseline ({_reason(exc)})") from None
    except RecursionError:
        raise InputError(f"{path}: not a normalize baseline (nested too deeply)") from None
    version = data.get("normalize_baseline") if isinstance(data, dict) else None
    if type(version) is not int or version != FORMAT_VERSION:
        raise InputError(f"{path}: not a normalize baseline (version {FORMAT_VERSION} expected)")
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("fingerprint"), str) for f in findings
    ):
        raise InputError(f"{path}: not a normalize baseline (bad 'findings' list)")
    return Counter(f["fingerprint"] for f in findings)


def suppress(records: list[dict], prints: list[str], accepted: Counter[str]) -> list[dict]:
    """The records the baseline does not cover; ``accepted`` is used up as it goes."""
    kept = []
    for record, fp in zip(records, prints):
        if accepted[fp] > 0:
            accepted[fp] -= 1
        else:
            kept.append(record)
    return kept


def _reason(exc: Exception) -> str:
    return "not UTF-8" if isinstance(exc, UnicodeDecodeError) else f"bad JSON at line {exc.lineno}"  # type: ignore[attr-defined]
