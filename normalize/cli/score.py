"""`normalize score`: score rewrites against reference corrections, beside the no-edit baseline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, List, Optional

import typer

from normalize.errors import NormalizeError

_METRIC_HELP = "gleu, errant, bleu, chrf, ter, detection (repeat or comma-separate; default: gleu,bleu,chrf,ter)."


def score_command(
    source: Optional[Path] = typer.Option(None, "--source", "-s", help="Source sentences, one a line."),
    ref: List[Path] = typer.Option([], "--ref", "-r", help="Reference file, one sentence a line (repeat for several)."),
    hyp: List[Path] = typer.Option([], "--hyp", "-o", help="System output, one sentence a line (repeat for several)."),
    name: List[str] = typer.Option([], "--name", help="Name of each --hyp system, in order (default: file name)."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", help="TSV with 'source' and 'reference' columns."),
    ref_m2: Optional[Path] = typer.Option(None, "--ref-m2", help="M2 references (CoNLL-2014/BEA, any number of annotators)."),
    flags: List[Path] = typer.Option(
        [], "--flags", help="Detection flags per sentence ('' none, '*' sentence, 'start:end ...' spans); detection only."
    ),
    metric: List[str] = typer.Option([], "--metric", "-m", help=_METRIC_HELP),
    format: str = typer.Option("text", "--format", "-f", help="Output: text, json or markdown."),
    output: Optional[Path] = typer.Option(None, "--output", help="Write the report here instead of stdout."),
    tokenize: str = typer.Option(
        "auto", "--tokenize", help="auto (each metric's own), none, 13a or intl (applied to every metric)."
    ),
    gleu_iterations: int = typer.Option(500, "--gleu-iterations", help="GLEU reference-sampling rounds."),
    gleu_seed: int = typer.Option(0, "--gleu-seed", help="GLEU sampling seed (0 = JFLEG's official draws)."),
    bootstrap: int = typer.Option(1000, "--bootstrap", help="Paired bootstrap resamples."),
    seed: int = typer.Option(12345, "--seed", help="Bootstrap seed (sacrebleu's default 12345)."),
    beta: float = typer.Option(0.5, "--beta", help="Beta of ERRANT and detection F-scores."),
    spacy_model: Optional[str] = typer.Option(None, "--spacy-model", help="spaCy pipeline for ERRANT (default en_core_web_sm)."),
    by_type: bool = typer.Option(False, "--by-type", help="ERRANT scores per error type."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="ERRANT worker processes (default: one per core, at most 4)."),
) -> None:
    """Score system outputs with GLEU, ERRANT F0.5, BLEU, chrF, TER and detection F0.5.

    The source is always scored as the 'no-edit' system; each system gets its delta
    against it, a 95% bootstrap interval and a paired bootstrap p-value.
    """
    from normalize.load import same_file
    from normalize.scoring import ScoreOptions, load_corpus, load_flags, load_system, score
    from normalize.scoring import render

    if format not in render.FORMATS:
        raise NormalizeError(f"unknown format {format!r} (choose from {', '.join(render.FORMATS)})")
    if name and len(name) != len(hyp):
        raise NormalizeError(f"{len(name)} --name given for {len(hyp)} --hyp; give one name per system")
    if not hyp and not flags:
        raise NormalizeError("nothing to score: give at least one --hyp (or --flags)")
    if not 0 < beta < float("inf"):  # also refuses nan
        raise NormalizeError(f"--beta must be a positive number, not {beta}")
    inputs = [p for p in (source, pairs, ref_m2, *ref, *hyp, *flags) if p is not None]
    if output is not None and any(same_file(output, p) for p in inputs):
        raise NormalizeError(f"--output {output} is one of the input files; it would be overwritten")
    metrics = _metrics(metric, bool(flags) and not hyp)
    corpus = load_corpus(source, list(ref), pairs, ref_m2)
    systems = [load_system(path, corpus, name[i] if name else None) for i, path in enumerate(hyp)]
    systems += [load_flags(path, corpus) for path in flags]
    options = ScoreOptions(
        metrics=metrics, tokenize=tokenize, gleu_iterations=gleu_iterations, gleu_seed=gleu_seed,
        samples=bootstrap, seed=seed, beta=beta, spacy_model=spacy_model, by_type=by_type, jobs=jobs,
    )
    from normalize.cli.progress import progress_bar

    with progress_bar() as progress:
        report = score(corpus, systems, options, progress=progress)
    for warning in report.warnings:
        sys.stderr.write(f"normalize: warning: {warning}\n")
    _write(report, format, by_type, output)


def _metrics(given: list[str], detection_only: bool) -> tuple[str, ...]:
    from normalize.scoring import DEFAULT_METRICS

    names = tuple(m.strip().lower() for item in given for m in item.split(",") if m.strip())
    if names:
        return names
    return ("detection",) if detection_only else DEFAULT_METRICS


def _write(report: Any, format: str, by_type: bool, output: Optional[Path]) -> None:
    from normalize.scoring import render

    if format == "json":
        text = render.to_json(report) + "\n"
    elif format == "markdown":
        text = render.to_markdown(report, by_type)
    elif output is not None or not sys.stdout.isatty():
        text = render.to_text(report, by_type)
    else:
        from rich.console import Console

        Console().print(render.to_rich(report, by_type))
        return
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NormalizeError(f"cannot write {output}: {exc.strerror}") from None

