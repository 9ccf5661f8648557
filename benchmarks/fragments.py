"""Candidate generation on fragments of real sentences, as Markdown.

    python benchmarks/fragments.py --out benchmarks/fragments.md

The readers behind the candidate families look a few words ahead and behind,
and a sentence cut short ("In 2022, the volume of trade between Turkey and")
once sent one past the end of its word list, so `check` exited with an
internal error. Wire copy is full of such fragments: headlines, captions,
hard-wrapped lines. This run feeds `normalize.candidates.generate` every word
prefix, every word suffix and every one-word deletion of every sentence of
the tuned wire-copy sets (faulty and reference; the held-out sets are never
read) and, with ``--wikipedia``, of Wikipedia sentences, and lists each
place in the code that raised, with the first fragment that made it raise.
It needs no model scoring, so it covers hundreds of thousands of fragments
in minutes; `tests/test_fragments.py` runs the same check on a small fixed set.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import re
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

from wirecopy_eval import DEFAULT, load_pairs, tuned_sets

from normalize.candidates import Lexicon, generate
from normalize.lm.scorer import default_model_dir

WIKIPEDIA = DEFAULT.parents[1] / "english-corpus" / "enwiki-2015-wikiextractor" / "enwiki-part-05.txt.gz"
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def wire_sentences() -> list[str]:
    found: set[str] = set()
    for path in tuned_sets():
        if path.is_file():
            for row in load_pairs(path):
                found.update((row["source"], row["reference"]))
    return sorted(found)


def wikipedia_sentences(path: Path, paragraphs: int) -> list[str]:
    # Paragraphs from the middle of a part, away from what synthetic_errors.py reads.
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = itertools.islice(fh, 30000, 30000 + paragraphs)
        return [s for line in lines for s in _SENTENCE_BREAK.split(line.strip()) if 3 < len(s.split()) < 45]


def fragments(sentence: str) -> Iterator[str]:
    words = sentence.split()
    for k in range(len(words)):
        yield " ".join(words[: k + 1])
        if k:
            yield " ".join(words[k:])
        yield " ".join(words[:k] + words[k + 1 :])


def run(sentences: list[str], lex: Lexicon) -> tuple[int, dict[tuple[str, str, int], str]]:
    """Fragments tried, and the first fragment per (exception, file, line) that raised."""
    seen: set[str] = set()
    failures: dict[tuple[str, str, int], str] = {}
    for sentence in sentences:
        for fragment in fragments(sentence):
            if fragment in seen:
                continue
            seen.add(fragment)
            try:
                generate(fragment, lex)
            except Exception as exc:  # the point is to list every kind
                frame = traceback.extract_tb(exc.__traceback__)[-1]
                failures.setdefault((type(exc).__name__, Path(frame.filename).name, frame.lineno or 0), fragment)
    return len(seen), failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the Markdown here (default: print it)")
    parser.add_argument("--wikipedia", type=Path, nargs="?", const=WIKIPEDIA, help="also Wikipedia sentences (a .txt.gz part)")
    parser.add_argument("--paragraphs", type=int, default=2500, help="Wikipedia paragraphs to read")
    args = parser.parse_args()
    lex = Lexicon.load(default_model_dir())
    sources = [("tuned wire-copy sentences and references", wire_sentences())]
    if args.wikipedia:
        if args.wikipedia.is_file():
            sources.append((f"Wikipedia ({args.wikipedia.name})", wikipedia_sentences(args.wikipedia, args.paragraphs)))
        else:
            print(f"skipping Wikipedia: {args.wikipedia} not found")
    rows, details = [], []
    for name, sentences in sources:
        began = time.perf_counter()
        tried, failures = run(sentences, lex)
        rows.append(f"| {name} | {len(sentences):,} | {tried:,} | {len(failures)} | {time.perf_counter() - began:.0f} |")
        details += [f"- {kind} at `{file}:{line}`: {fragment!r}" for (kind, file, line), fragment in sorted(failures.items())]
    text = "\n".join([
        "# Candidate generation on sentence fragments",
        "",
        "Command: `python benchmarks/fragments.py --wikipedia --out benchmarks/fragments.md`. Every word prefix,",
        "suffix and one-word deletion of each sentence goes through `candidates.generate` with the shipped",
        "model's word tables; a row counts the places in the code that raised.",
        "",
        "| sentences | count | distinct fragments | places that raised | seconds |",
        "|---|---|---|---|---|",
        *rows,
        "",
        *(details or ["Nothing raised."]),
        "",
    ])
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
