"""`normalize fix`: apply safe rewrites; write stdout, a file, in place or a diff."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from normalize.cli import options as opt
from normalize.errors import NormalizeError


def fix_command(
    path: str = typer.Argument(..., metavar="PATH", help="File to fix; '-' reads stdin."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the corrected text here ('-': stdout)."),
    in_place: bool = typer.Option(False, "--in-place", "-i", help="Replace PATH atomically."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff; write nothing."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply suggestions marked unsafe."),
    strategy: str = opt.StrategyOpt,
    accept: Optional[str] = opt.AcceptOpt,
    rules_dir: Optional[str] = opt.RulesDirOpt,
    select: Optional[str] = opt.SelectOpt,
    ignore: Optional[str] = opt.IgnoreOpt,
    encoding: str = opt.EncodingOpt,
    model: Optional[str] = opt.ModelOpt,
    languagetool: Optional[str] = opt.LanguageToolOpt,
) -> None:
    """Rewrite a document, changing nothing outside the edited spans.

    Line structure, line ends, BOM and encoding are kept. Exit status: 0 on
    success, 2 on a usage or input error.
    """
    from normalize.api import fix_text
    from normalize.apply import unified_diff
    from normalize.load import STDIN, encode_document, read_document, write_atomic

    if sum([bool(output), in_place, diff]) > 1:
        raise NormalizeError("choose one of --output, --in-place and --diff")
    if in_place and path == STDIN:
        raise NormalizeError("--in-place needs a file, not stdin")
    options = opt.build_options(strategy, accept, rules_dir, select, ignore, model, languagetool)
    doc = read_document(path, encoding)
    with _progress(doc.text, options.strategy) as progress:
        result = fix_text(doc.text, options, unsafe=unsafe_fixes, progress=progress)

    if diff:
        # The BOM is part of the file's first line for `patch` and `git apply`.
        bom = "\ufeff" if doc.bom else ""
        sys.stdout.write(unified_diff(bom + doc.text, bom + result.text, path))
        return
    data = encode_document(doc, result.text)
    if in_place:
        if result.text != doc.text:
            write_atomic(path, data)
    elif output and output != STDIN:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    sys.stderr.write(f"{len(result.edits)} edit(s) applied to {path}.\n")


def _progress(text: str, strategy: str):
    """A bar for the model's sentences when a person waits on a long document."""
    from normalize.cli.progress import NoProgress, progress_bar

    return progress_bar(len(text) // 6) if "model" in strategy else NoProgress()
