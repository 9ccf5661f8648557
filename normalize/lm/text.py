"""Text handling shared by training and scoring: corpus reading, sentence
splitting and the normalisation applied before sentencepiece.

Training text (Wikipedia) is raw prose, while evaluation sets (JFLEG, MLQE-PE)
are tokenised ("did n't", "end ."). Both sides go through :func:`normalise`,
which undoes that tokenisation, so the model sees one convention.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

# Detokenisation, applied in this order (Moses/PTB-style input).
_DETOK: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'m|'d)\b", re.IGNORECASE), r"\1"),
    (re.compile(r" ([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r"&quot;"), '"'),
    (re.compile(r"&apos;"), "'"),
    (re.compile(r"&amp;"), "&"),
    (re.compile(r"\s+"), " "),
)

# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed
# by space and an upper-case letter, digit or opening quote. Good enough for
# encyclopedic prose; abbreviations such as "Dr. Smith" split wrongly but
# rarely, and a wrong split only costs the LM a little context.
_SENT_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
_MIN_WORDS = 3
# Files that sit beside corpus parts but are not corpus text.
_NOT_CORPUS = ("LICENSE", "README", "SOURCE", "PROVENANCE", "CHANGELOG")


# Cheap test for "needs detokenising"; most raw text does not.
_NEEDS_DETOK = re.compile(r"``|''| n't\b| [.,;:!?%)\]}']|[(\[{$] |&(?:quot|apos|amp);|\s\s|[\t\n\r]")


def normalise(text: str) -> str:
    """The canonical form the tokenizer and LM see."""
    if not _NEEDS_DETOK.search(text):
        return text.strip()
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text.strip()


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENT_END.split(paragraph) if s.strip()]


def open_text(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        yield from handle


def corpus_files(paths: list[Path]) -> list[Path]:
    """Expand folders into their text files (``*.txt``, ``*.gz``, ``*.en``)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix in {".txt", ".gz", ".en"}
                and not p.name.upper().startswith(_NOT_CORPUS)
            )
        else:
            files.append(path)
    return files


def iter_sentences(paths: list[Path]) -> Iterator[str]:
    """Normalised sentences of every line of every corpus file."""
    for path in corpus_files(paths):
        for line in open_text(path):
            for sentence in split_sentences(normalise(line)):
                if sentence.count(" ") + 1 >= _MIN_WORDS:
                    yield sentence
