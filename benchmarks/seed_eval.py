"""How `check` and `fix` do on the seed press release.

Usage: python benchmarks/seed_eval.py [--strategy rules] [SEED] [CORRECTION]

Prints how many body sentences (all but the headline) `check` flags, and the
paragraph-level TER of the source and of `fix` output against the editor's
correction in seeds/.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sacrebleu.metrics import TER

from normalize.api import Options, check_text, fix_text
from normalize.segment import split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def paragraphs(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", type=Path, default=SEEDS / "shoigu-de-mistura.txt")
    parser.add_argument("correction", nargs="?", type=Path, default=SEEDS / "shoigu-de-mistura.corrected.txt")
    parser.add_argument("--strategy", default="rules")
    args = parser.parse_args()
    options = Options(strategy=args.strategy)
    text = args.seed.read_text(encoding="utf-8")
    findings = check_text(text, options)
    body = [s for s in split_sentences(text) if s.paragraph > 0]
    flagged = sum(any(s.start <= f.start < s.end or (f.start == f.end == s.end) for f in findings) for s in body)
    fixed = fix_text(text, options).text
    ref = paragraphs(args.correction.read_text(encoding="utf-8"))
    ter = TER()
    print(f"body sentences flagged: {flagged} of {len(body)}")
    print(f"paragraphs: {len(paragraphs(text))} in, {len(paragraphs(fixed))} out")
    print(f"paragraph TER: {ter.corpus_score(paragraphs(text), [ref]).score:.1f} -> "
          f"{ter.corpus_score(paragraphs(fixed), [ref]).score:.1f}")


if __name__ == "__main__":
    main()
