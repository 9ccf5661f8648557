"""`normalize rules` and `normalize explain`: what the shipped rules do."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from normalize.errors import NormalizeError


def rules_command(
    family: Optional[str] = typer.Option(None, "--family", help="Only rules of this family (e.g. calques)."),
    rules_dir: Optional[str] = typer.Option(None, "--rules", metavar="DIR", help="Rule packs to list instead of the shipped ones."),
    write_index: bool = typer.Option(
        False, "--write-index", help="For rule authors: recompile every pattern and rewrite the packs' caches (_index.json, _rules.bin, _compiled.bin)."
    ),
) -> None:
    """List every rule: id, family, category, applicability and message."""
    from pathlib import Path

    from normalize.detect.rules import default_rules_dir, load_rules
    from normalize.detect.rules import write_index as write

    if write_index:
        folder = Path(rules_dir) if rules_dir else default_rules_dir()
        count = write(folder)
        sys.stderr.write(f"indexed {count} patterns in {folder}\n")
        return

    rules = [r for r in load_rules(rules_dir).rules if not family or r.family == family]
    if family and not rules:
        raise NormalizeError(f"no rules in family {family!r}")
    for r in rules:
        sys.stdout.write(f"{r.id}\t{r.family}\t{r.category}\t{r.applicability.value}\t{r.message}\n")


def explain_command(
    rule_id: str = typer.Argument(..., metavar="RULE", help="A rule id such as WP101, or a model id such as model-article."),
    rules_dir: Optional[str] = typer.Option(None, "--rules", metavar="DIR", help="Rule packs to search."),
) -> None:
    """Explain one rule (or a model-<family> finding id), with its examples."""
    from normalize.detect.rules import load_rules

    if rule_id.lower().startswith("model-"):
        from normalize.rank import describe_family

        text = describe_family(rule_id)
        if text is None:
            raise NormalizeError(f"no model family {rule_id!r}")
        sys.stdout.write(text)
        return
    matches = [r for r in load_rules(rules_dir).rules if r.id == rule_id.upper()]
    if not matches:
        raise NormalizeError(f"no rule {rule_id!r} (see `normalize rules`)")
    r = matches[0]
    out = [
        f"{r.id} ({r.family}, {r.category}, {r.severity.value}, {r.applicability.value})",
        "",
        r.message,
        "",
        f"pattern: {r.pattern.pattern}",
    ]
    if r.replacements:
        out.append("rewrites to: " + " | ".join(repr(t) for t in r.replacements))
    out.append("")
    for e in r.examples:
        if e.bad is not None:
            out.append(f"  bad:  {e.bad}")
            if e.good is not None:
                out.append(f"  good: {e.good}")
        if e.ok is not None:
            out.append(f"  ok:   {e.ok}")
    sys.stdout.write("\n".join(out) + "\n")
