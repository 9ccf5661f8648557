"""Findings as plain dictionaries: the one shape JSON, SARIF and GitHub share."""

from __future__ import annotations

from normalize.report.positions import LineIndex
from normalize.types import Finding


def finding_records(path: str, text: str, findings: list[Finding]) -> list[dict]:
    index = LineIndex(text)
    records = []
    for f in findings:
        line, column = index.line_col(f.start)
        end_line, end_column = index.line_col(f.end)
        records.append(
            {
                "path": path,
                "start": f.start,
                "end": f.end,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "rule": f.rule,
                "category": f.category,
                "severity": f.severity.value,
                "message": f.message,
                "text": text[f.start:f.end],
                "suggestions": list(f.suggestions),
                "applicability": f.applicability.value,
                "source": f.source,
            }
        )
    return records
