"""Turn a :class:`ScoreReport` into a rich table, JSON or Markdown. Nothing prints here."""

from __future__ import annotations

import json
from typing import Any

from normalize.scoring.base import BASELINE_NAME, MetricScore, ScoreReport

FORMATS = ("text", "json", "markdown")
HEADER = ("Metric", "System", "Score", "95% CI", "Δ no-edit", "p-value", "Details")


def to_json(report: ScoreReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)


def rows(report: ScoreReport) -> list[tuple[str, ...]]:
    """One row per metric and system, the no-edit baseline first within each metric."""
    out = []
    for key in report.metrics:
        first = True
        for system in report.systems:
            score = system.scores.get(key)
            if score is None:
                continue
            out.append(
                (
                    score.metric if first else "",
                    system.name,
                    f"{score.score:.2f}",
                    _ci(score),
                    _signed(score.delta),
                    _p(score.p_value),
                    details(score),
                )
            )
            first = False
    return out


def comparison_rows(report: ScoreReport) -> list[tuple[str, ...]]:
    names = {k: _metric_name(report, k) for k in report.metrics}
    return [(names[c.metric], c.baseline, c.system, _signed(c.delta), _p(c.p_value)) for c in report.comparisons]


def signatures(report: ScoreReport) -> list[tuple[str, str]]:
    """``(metric, signature)``; signatures are the same for every system."""
    out = []
    for key in report.metrics:
        baseline = report.systems[0].scores.get(key)
        if baseline is not None:
            out.append((baseline.metric, baseline.signature))
    return out


def _metric_name(report: ScoreReport, key: str) -> str:
    return next((s.scores[key].metric for s in report.systems if key in s.scores), key)


def details(score: MetricScore) -> str:
    d = score.details
    if "tp" in d:
        text = f"P {d['precision']:.2f} R {d['recall']:.2f} TP {d['tp']} FP {d['fp']} FN {d['fn']}"
        if "clean_sentences" in d:
            text += f" false alarms {d['fp']}/{d['clean_sentences']}"
        return text
    if "iterations" in d:
        return f"{d['iterations']} rounds, sd {d['round_std']:.2f}"
    return ""


def _ci(score: MetricScore) -> str:
    return "" if score.ci is None else f"±{score.ci:.2f}"


def _signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def _p(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.4f}{' *' if value < 0.05 else ''}"


def by_type_rows(report: ScoreReport) -> list[tuple[str, ...]]:
    out = []
    for system in report.systems:
        score = system.scores.get("errant")
        if score is None or not score.by_type or system.name == BASELINE_NAME:
            continue
        for category, v in score.by_type.items():
            out.append(
                (system.name, category, str(v["tp"]), str(v["fp"]), str(v["fn"]),
                 f"{v['precision']:.2f}", f"{v['recall']:.2f}", f"{v['f']:.2f}")
            )
    return out


BY_TYPE_HEADER = ("System", "Type", "TP", "FP", "FN", "P", "R", "F0.5")


def _note(report: ScoreReport) -> str:
    return (
        f"{report.n_sentences} sentences, {report.n_refs} reference(s); 95% CI and p-values from paired "
        f"bootstrap ({report.bootstrap_samples} resamples, seed {report.seed}); * p < 0.05"
    )


def to_markdown(report: ScoreReport, by_type: bool = False) -> str:
    lines = [_note(report) + ".", ""]
    lines += _md_table(HEADER, rows(report))
    if report.comparisons:
        lines += ["", "Between systems (Δ = second minus first):", ""]
        lines += _md_table(("Metric", "System A", "System B", "Δ", "p-value"), comparison_rows(report))
    if by_type and by_type_rows(report):
        lines += ["", "ERRANT by error type:", ""]
        lines += _md_table(BY_TYPE_HEADER, by_type_rows(report))
    lines += ["", "Signatures:", ""]
    lines += [f"- {name}: `{sig}`" for name, sig in signatures(report)]
    return "\n".join(lines) + "\n"


def _md_table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> list[str]:
    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    numeric = {"Score", "95% CI", "Δ no-edit", "p-value", "Δ", "TP", "FP", "FN", "P", "R", "F0.5"}
    rule = "| " + " | ".join("---:" if h in numeric else "---" for h in header) + " |"
    return [line(header), rule, *(line(r) for r in body)]


def to_rich(report: ScoreReport, by_type: bool = False) -> Any:
    """A rich renderable: the scores table, comparisons, signatures."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = [_rich_table(HEADER, rows(report), Table, title="normalize score")]
    if report.comparisons:
        parts.append(_rich_table(("Metric", "System A", "System B", "Δ (B − A)", "p-value"),
                                 comparison_rows(report), Table, title="Between systems"))
    if by_type and by_type_rows(report):
        parts.append(_rich_table(BY_TYPE_HEADER, by_type_rows(report), Table, title="ERRANT by error type"))
    parts.append(Text(_note(report), style="dim"))
    for name, sig in signatures(report):
        parts.append(Text(f"{name}: {sig}", style="dim"))
    return Group(*parts)


def _rich_table(header: tuple[str, ...], body: list[tuple[str, ...]], table_cls: Any, title: str) -> Any:
    table = table_cls(title=title, title_justify="left")
    for name in header:
        numeric = name not in ("Metric", "System", "System A", "System B", "Type", "Details")
        table.add_column(name, justify="right" if numeric else "left", no_wrap=name != "Details")
    for row in body:
        table.add_row(*row, end_section=False)
    return table


def to_text(report: ScoreReport, by_type: bool = False, width: int = 140) -> str:
    """The rich table as plain text (no colour), for files and tests."""
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    Console(file=buffer, width=width, color_system=None, force_terminal=False).print(to_rich(report, by_type))
    return buffer.getvalue()
