"""Recall of synthetic errors, and findings on correct text, as Markdown.

    python benchmarks/synthetic_errors.py --out benchmarks/synthetic_errors.md

Errors are made in correct in-domain English: the references of the tuned
wire-copy sets (wirecopy-dev and the tuned sets in benchmarks/data; the
held-out sets are never read). In each reference one article is deleted,
one of is/are, was/were, has/have is swapped for the other, or one
preposition is swapped for one often confused with it (in/on/at, to/for,
of/for, by/with, from/of, about/of), at a place picked with a fixed seed;
a finding whose span touches that place counts as found. Not every such
change is an error ("the authorities" -> "authorities", "the team has" ->
"the team have" in British English), so 100% is not the
ceiling. The cost side: how many correct texts get any finding at all (the
references themselves, 3,000 MLQE-PE train post-edits, 3,000 Wikipedia
sentences; Wikipedia is the model's training text, so its figure flatters),
how many of them an article or agreement finding, and how many `fix` rewrites.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import time
from pathlib import Path

from wirecopy_eval import DEFAULT, findings_by_line, load_pairs, tuned_sets

from normalize.agreement import AUXILIARY_SWAP
from normalize.api import Options, fix_text
from normalize.lm.text import iter_sentences, normalise

DATA = DEFAULT.parents[1]
ARTICLE = re.compile(r"\b(the|a|an|The|A|An) (?=\w)")
AUXILIARY = re.compile(r"\b(is|are|was|were|has|have)\b")
# Prepositions translators confuse; "to" only before a noun phrase, not an infinitive.
PREPOSITION = re.compile(r"\b(in|on|at|for|of|by|with|from|about|to(?= (?:the|a|an|his|her|its|their|[A-Z])\b))\b(?= \w)")
CONFUSED = {"in": ("on", "at"), "on": ("in", "at"), "at": ("in", "on"), "for": ("to", "of"), "to": ("for",),
            "of": ("for",), "by": ("with",), "with": ("by",), "from": ("of",), "about": ("of",)}
# Pronouns and modals before an auxiliary make a swap a plain error no check needs to find.
_NOT_BEFORE = re.compile(r"\b(to|will|would|could|should|may|might|must|can|not|I|you|they|we)\s+$")
OPTIONS = Options(strategy="rules+model")


def references() -> list[str]:
    refs: set[str] = set()
    for path in tuned_sets():
        if path.is_file():
            refs.update(r["reference"] for r in load_pairs(path))
    return sorted(refs)


def delete_article(sentence: str, rnd: random.Random) -> tuple[str, int] | None:
    found = list(ARTICLE.finditer(sentence))
    if not found:
        return None
    m = rnd.choice(found)
    rest = sentence[m.end() :]
    if m.start() == 0:
        rest = rest[:1].upper() + rest[1:]
    return sentence[: m.start()] + rest, m.start()


def swap_auxiliary(sentence: str, rnd: random.Random) -> tuple[str, int] | None:
    found = [m for m in AUXILIARY.finditer(sentence) if not _NOT_BEFORE.search(sentence[: m.start()])]
    if not found:
        return None
    m = rnd.choice(found)
    return sentence[: m.start()] + AUXILIARY_SWAP[m.group()] + sentence[m.end() :], m.start()


def swap_preposition(sentence: str, rnd: random.Random) -> tuple[str, int] | None:
    found = list(PREPOSITION.finditer(sentence))
    if not found:
        return None
    m = rnd.choice(found)
    return sentence[: m.start()] + rnd.choice(CONFUSED[m.group()]) + sentence[m.end() :], m.start()


def recall(refs: list[str], corrupt, seed: int) -> tuple[int, int]:
    rnd = random.Random(seed)
    made = [x for x in (corrupt(s, rnd) for s in refs) if x is not None]
    found = findings_by_line([bad for bad, _ in made], OPTIONS)
    hits = sum(any(f.start <= at + 1 and f.end >= at for f in fs) for (_, at), fs in zip(made, found))
    return hits, len(made)


def correct_texts(refs: list[str], limit: int) -> dict[str, list[str]]:
    texts = {"tuned references": refs}
    pe = DATA / "mlqe-pe-ru-en" / "train" / "pe.en"
    if pe.is_file():
        # Tokenised ("Moscow , May 3"): detokenised as model_eval.py does.
        texts["MLQE-PE train post-edits"] = [normalise(s) for s in pe.read_text(encoding="utf-8").splitlines()[:limit]]
    corpus = DATA / "english-corpus" / "enwiki-2015-wikiextractor"
    parts = sorted(corpus.glob("*.txt.gz"))
    if parts:
        texts["Wikipedia sentences"] = list(itertools.islice(iter_sentences(parts[-1:]), limit))
    return texts


def changed_by_fix(texts: list[str]) -> int:
    """How many correct texts `fix` rewrites (one a line, as one document)."""
    fixed = fix_text("\n".join(texts) + "\n", OPTIONS).text.split("\n")
    return sum(a != b for a, b in zip(texts, fixed))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=3000, help="post-edits and Wikipedia sentences read")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    refs = references()
    if not refs:
        print("no tuned wire-copy references found", file=sys.stderr)
        return 1
    lines = [
        "# Synthetic errors: recall, and findings on correct text",
        "",
        f"Command: `python benchmarks/synthetic_errors.py --seed {args.seed} --limit {args.limit}` "
        f"({time.strftime('%Y-%m-%d')}; default strategy rules+model). See the script's docstring.",
        "",
        "| synthetic error | found | made |",
        "|---|---|---|",
    ]
    for name, corrupt in (
        ("article deleted", delete_article),
        ("is/are, was/were, has/have swapped", swap_auxiliary),
        ("preposition swapped (in/on/at, to/for, of/for, by/with, from/of, about/of)", swap_preposition),
    ):
        hits, made = recall(refs, corrupt, args.seed)
        lines.append(f"| {name} | {hits} ({hits / made:.1%}) | {made} |")
        print(lines[-1], flush=True)
    lines += ["", "| correct text | with any finding | with an article finding | with an agreement finding | changed by `fix` | texts |",
              "|---|---|---|---|---|---|"]
    for name, texts in correct_texts(refs, args.limit).items():
        found = findings_by_line(texts, OPTIONS)
        anyf = sum(bool(fs) for fs in found)
        article = sum(any(f.rule == "model-article" for f in fs) for fs in found)
        agreement = sum(any(f.rule == "model-agreement" for f in fs) for fs in found)
        lines.append(f"| {name} | {anyf} | {article} | {agreement} | {changed_by_fix(texts)} | {len(texts)} |")
        print(lines[-1], flush=True)
    report = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
