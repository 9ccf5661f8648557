"""Options shared by `check` and `fix`."""

from __future__ import annotations

from typing import Optional

import typer

from normalize.api import DEFAULT_STRATEGY, STRATEGIES, Options, read_accept_list
from normalize.errors import NormalizeError

StrategyOpt = typer.Option(
    None, "--strategy", "-s",
    help=f"Where findings come from: {', '.join(STRATEGIES)} (default: {DEFAULT_STRATEGY}).",
    show_default=False,
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
    help="Also ask the LanguageTool server at URL (needs the extra: pip install 'normalize\\[languagetool]').",
)


def build_options(
    strategy: Optional[str],
    accept: Optional[str],
    rules_dir: Optional[str],
    select: Optional[str],
    ignore: Optional[str],
    model_dir: Optional[str],
    languagetool_url: Optional[str] = None,
) -> Options:
    """Options from the flags, falling back on the project's config file."""
    from normalize.config import find_config

    config = find_config()

    def pick(flag, key):
        return flag if flag is not None else config.get(key)

    return Options(
        strategy=pick(strategy, "strategy") or DEFAULT_STRATEGY,
        accept=read_accept_list(pick(accept, "accept")),
        rules_dir=pick(rules_dir, "rules"),
        enable=_split(pick(select, "select")),
        disable=_split(pick(ignore, "ignore")),
        model_dir=pick(model_dir, "model"),
        languagetool_url=pick(languagetool_url, "languagetool"),
    )


def _split(value: Optional[str]) -> frozenset[str]:
    if not value:
        return frozenset()
    items = frozenset(v.strip() for v in value.split(",") if v.strip())
    if not items:
        raise NormalizeError("empty rule selection")
    return items
