"""`normalize check`: report findings; exit 1 when there are any."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from normalize.cli import options as opt
from normalize.errors import ExitCode, NormalizeError
from normalize.report import FORMATS


def check_command(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files to check; '-' reads stdin."),
    format: str = typer.Option("text", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    strategy: str = opt.StrategyOpt,
    accept: Optional[str] = opt.AcceptOpt,
    rules_dir: Optional[str] = opt.RulesDirOpt,
    select: Optional[str] = opt.SelectOpt,
    ignore: Optional[str] = opt.IgnoreOpt,
    encoding: str = opt.EncodingOpt,
    model: Optional[str] = opt.ModelOpt,
    languagetool: Optional[str] = opt.LanguageToolOpt,
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour text output (default: on a terminal)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line."),
    baseline: Optional[str] = typer.Option(
        None, "--baseline", metavar="FILE",
        help="Do not report the findings recorded in FILE (see --write-baseline); also `baseline` in the config.",
    ),
    write_baseline: Optional[str] = typer.Option(
        None, "--write-baseline", metavar="FILE",
        help="Record every current finding in FILE and exit 0, so later runs with --baseline report only new ones.",
    ),
) -> None:
    """Find translationese and explain each finding.

    `--format flags` writes one line per input line with its findings'
    start:end spans, for `normalize score --flags ... --metric detection`;
    `--format html` a self-contained page with the text marked up, for review.
    Exit status: 0 nothing found, 1 findings, 2 usage or input error.
    """
    from normalize.api import check_text
    from normalize.baseline import fingerprints, read_baseline, suppress
    from normalize.baseline import write_baseline as write_baseline_file
    from normalize.config import find_config
    from normalize.load import STDIN, read_document, same_file
    from normalize.report import render
    from normalize.report.records import finding_records

    if format not in FORMATS:
        raise NormalizeError(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
    options = opt.build_options(strategy, accept, rules_dir, select, ignore, model, languagetool)
    baseline = baseline if baseline is not None else find_config().get("baseline")
    accepted = read_baseline(baseline) if baseline and not write_baseline else None
    if write_baseline and any(same_file(Path(write_baseline), Path(p)) for p in paths if p != STDIN):
        raise NormalizeError(f"--write-baseline {write_baseline} is one of the files to check; it would be overwritten")
    documents = [read_document(p, encoding) for p in paths]  # fail before any output
    records: list[dict] = []
    flags: list[str] = []
    recorded: list[tuple[dict, str]] = []
    sections: list[tuple[str, str, list[dict]]] = []
    suppressed = 0
    uses_model = "model" in options.strategy
    with _progress(documents, uses_model) as progress:
        if progress is not None and not uses_model:
            progress.start("checking", len(documents))
        for doc in documents:
            if progress is not None:
                progress.prefix = f"{doc.path}: " if uses_model and len(documents) > 1 else ""
            findings = check_text(doc.text, options, progress=progress if uses_model else None)
            if progress is not None and not uses_model:
                progress.advance()
            doc_records = finding_records(doc.path, doc.text, findings)
            if write_baseline or accepted is not None:
                prints = fingerprints(doc_records, doc.text)
                if write_baseline:
                    recorded.extend(zip(doc_records, prints))
                if accepted is not None:
                    kept = suppress(doc_records, prints, accepted)
                    suppressed += len(doc_records) - len(kept)
                    doc_records = kept
            records.extend(doc_records)
            sections.append((doc.path, doc.text, doc_records))
            if format == "flags":
                flags.append(render.render_flags(doc_records, _line_count(doc.text)))

    if write_baseline:
        write_baseline_file(write_baseline, recorded)
        sys.stderr.write(f"Recorded {len(recorded)} finding(s) in {write_baseline}.\n")
        raise typer.Exit(int(ExitCode.CLEAN))

    use_color = sys.stdout.isatty() if color is None else color
    if format == "flags":
        sys.stdout.write("".join(flags))
    elif format == "json":
        sys.stdout.write(render.render_json(records))
    elif format == "github":
        sys.stdout.write(render.render_github(records))
    elif format == "sarif":
        sys.stdout.write(render.render_sarif(records, _rule_help(options.rules_dir)))
    elif format == "html":
        from normalize.report.html import render_html

        sys.stdout.write(render_html(sections))
    else:
        sys.stdout.write(render.render_text(records, color=use_color))
        if not quiet:
            fixable = sum(1 for r in records if r["applicability"] == "safe" and r["suggestions"])
            sys.stdout.flush()  # findings first when both streams share one pipe
            sys.stderr.write(render.render_summary(len(records), len(documents), fixable, suppressed))
    raise typer.Exit(int(ExitCode.FOUND if records else ExitCode.CLEAN))


def _progress(documents: list, model: bool):
    """A bar on stderr when a person is watching and the work is long: the
    model's sentences of each document, or the documents when rules alone
    (~40x faster than the model) do the work."""
    from normalize.cli.progress import progress_bar

    words = sum(len(d.text) for d in documents) // 6
    return progress_bar(words if model else words // 40)


def _line_count(text: str) -> int:
    import re

    lines = re.split(r"\r\n|\r|\n", text)
    return len(lines) - 1 if lines and lines[-1] == "" else len(lines)


def _rule_help(rules_dir: Optional[str]) -> dict[str, str]:
    from normalize.detect.rules import load_rules

    return {r.id: r.message for r in load_rules(rules_dir).rules}
