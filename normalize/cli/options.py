"""Options shared by `check` and `fix`."""

from __future__ import annotations

from typing import Optional

import typer

from normalize.api import DEFAULT_STRATEGY, STRATEGIES, Options, read_accept_list
from normalize.errors import NormalizeError

StrategyOpt = typer.Option(
    DEFAULT_STRATEGY, "--strategy", "-s",
    help=f"Where findings come from: {', '.join(STRATEGIES)}.",
)
AcceptOpt = typer.Option(
    None, "--accept", metavar="FILE",
    help="Names or phrases never to touch, one a line (# comments allowed).",
)
RulesDirOpt = typer.Option(
    None, "--rules", metavar="DIR", help="Use the rule packs in DIR instead of the shipped ones.",
)
SelectOpt = typer.Option(
    None, "--select", metavar="IDS", help="Only these rules: ids, id prefixes or families, comma-separated.",
)
IgnoreOpt = typer.Option(
    None, "--ignore", metavar="IDS", help="Skip these rules: ids, id prefixes or families, comma-separated.",
)
EncodingOpt = typer.Option("utf-8", "--encoding", help="Text encoding of the input files.")
ModelOpt = typer.Option(
    None, "--model", metavar="DIR", envvar="NORMALIZE_MODEL",
    help="A model trained with `normalize train` (default: the shipped model).",
)

LanguageToolOpt = typer.Option(
    None, "--languagetool", metavar="URL", envvar="NORMALIZE_LANGUAGETOOL",
    help="Also ask the LanguageTool server at URL (needs normalize[languagetool]).",
)


def build_options(
    strategy: str,
    accept: Optional[str],
    rules_dir: Optional[str],
    select: Optional[str],
    ignore: Optional[str],
    model_dir: Optional[str],
    languagetool_url: Optional[str] = None,
) -> Options:
    return Options(
        strategy=strategy,
        accept=read_accept_list(accept),
        rules_dir=rules_dir,
        enable=_split(select),
        disable=_split(ignore),
        model_dir=model_dir,
        languagetool_url=languagetool_url,
    )


def _split(value: Optional[str]) -> frozenset[str]:
    if not value:
        return frozenset()
    items = frozenset(v.strip() for v in value.split(",") if v.strip())
    if not items:
        raise NormalizeError("empty rule selection")
    return items
