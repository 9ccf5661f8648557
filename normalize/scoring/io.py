"""Reading scoring inputs: line files, TSV pair sets and M2 files.

Every problem becomes a one-line :class:`NormalizeError` naming the file, so the
CLI can print it and exit 2.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from normalize.errors import InputError, NormalizeError

# Python's csv module refuses fields over 128 KiB by default; sentences are shorter,
# but a file with a stray quote can swallow many lines into one field.
_CSV_FIELD_LIMIT = 1 << 24


@dataclass(frozen=True)
class M2Edit:
    """One ``A`` line of an M2 block: replace source tokens ``start:end`` by ``correction``."""

    start: int
    end: int
    category: str
    correction: str
    coder: int

    @property
    def is_noop(self) -> bool:
        return self.category == "noop" or self.start < 0


@dataclass(frozen=True)
class M2Sentence:
    """One M2 block: the tokenised source and every annotator's edits."""

    source: str
    edits: tuple[M2Edit, ...] = field(default_factory=tuple)

    def coders(self) -> list[int]:
        return sorted({edit.coder for edit in self.edits})

    def corrected(self, coder: int) -> str:
        """The source with ``coder``'s edits applied (the M2 reference text)."""
        tokens = self.source.split()
        edits = sorted(
            (e for e in self.edits if e.coder == coder and not e.is_noop and e.category != "UNK"),
            key=lambda e: (e.start, e.end),
        )
        out: list[str] = []
        position = 0
        for edit in edits:
            if edit.start < position:  # overlapping edits: keep the first
                continue
            out.extend(tokens[position : edit.start])
            if edit.correction not in ("-NONE-", ""):
                out.extend(edit.correction.split())
            position = edit.end
        out.extend(tokens[position:])
        return " ".join(out)


def read_lines(path: Path | str, what: str = "file", allow_blank: bool = False) -> list[str]:
    """Read one sentence a line; reject missing, undecodable and empty files.

    ``allow_blank`` accepts a file of blank lines (a flags file that flags nothing).
    """
    path = Path(path)
    text = _read_text(path, what)
    if not text or (not allow_blank and not text.strip()):
        raise InputError(f"{what} {path} is empty")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def _read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{what} {path} does not exist") from None
    except IsADirectoryError:
        raise InputError(f"{what} {path} is a directory, not a file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{what} {path} is not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} {path}: {exc.strerror}") from None


def check_same_length(named: dict[str, list[str]], expected: int, expected_from: str) -> None:
    """Every file must have as many lines as the source."""
    for name, lines in named.items():
        if len(lines) != expected:
            raise InputError(
                f"{name} has {len(lines)} lines but {expected_from} has {expected}; "
                "files must be aligned one sentence a line"
            )


def read_pairs_tsv(path: Path | str) -> tuple[list[str], list[str]]:
    """Read a TSV with a header naming ``source`` and ``reference`` columns."""
    path = Path(path)
    text = _read_text(path, "pairs file")
    if not text.strip():
        raise InputError(f"pairs file {path} is empty")
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    rows = list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    header = [name.strip() for name in rows[0]]
    missing = [name for name in ("source", "reference") if name not in header]
    if missing:
        raise InputError(f"pairs file {path} has no {' or '.join(missing)} column (header: {', '.join(header)})")
    s_col, r_col = header.index("source"), header.index("reference")
    sources: list[str] = []
    references: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(s_col, r_col):
            raise InputError(f"pairs file {path} line {number} has {len(row)} columns, expected {len(header)}")
        sources.append(row[s_col])
        references.append(row[r_col])
    if not sources:
        raise InputError(f"pairs file {path} has a header but no rows")
    return sources, references


def read_m2(path: Path | str) -> list[M2Sentence]:
    """Read a CoNLL-2014/BEA M2 file: ``S`` lines, ``A`` lines, blank line between blocks."""
    path = Path(path)
    text = _read_text(path, "M2 file")
    if not text.strip():
        raise InputError(f"M2 file {path} is empty")
    blocks = [block for block in text.replace("\r\n", "\n").strip().split("\n\n") if block.strip()]
    return [_parse_m2_block(block.strip("\n"), path) for block in blocks]


def _parse_m2_block(block: str, path: Path) -> M2Sentence:
    lines = block.split("\n")
    if not lines[0].startswith("S"):
        raise InputError(f"M2 file {path}: block does not start with an S line: {lines[0][:60]!r}")
    source = lines[0][2:]
    edits = tuple(_parse_m2_edit(line, path) for line in lines[1:] if line.strip())
    return M2Sentence(source=source, edits=edits)


def _parse_m2_edit(line: str, path: Path) -> M2Edit:
    if not line.startswith("A "):
        raise InputError(f"M2 file {path}: expected an A line, got {line[:60]!r}")
    fields = line[2:].split("|||")
    try:
        start_s, end_s = fields[0].split()
        return M2Edit(int(start_s), int(end_s), fields[1], fields[2], int(fields[-1]))
    except (ValueError, IndexError):
        raise InputError(f"M2 file {path}: malformed edit line {line[:60]!r}") from None


def m2_references(sentences: list[M2Sentence]) -> tuple[list[str], list[list[str]], bool]:
    """Source lines and one reference stream per annotator.

    Returns ``(sources, reference_streams, padded)``; ``padded`` is true when some
    sentence lacks an annotator and the source stood in for it.
    """
    n_coders = 1 + max((c for s in sentences for c in s.coders()), default=0)
    streams: list[list[str]] = [[] for _ in range(n_coders)]
    padded = False
    for sentence in sentences:
        present = set(sentence.coders())
        for coder in range(n_coders):
            padded |= coder not in present
            streams[coder].append(sentence.corrected(coder))
    return [s.source for s in sentences], streams, padded


def require_nonempty(lines: list[str], what: str) -> None:
    if not lines:
        raise NormalizeError(f"{what} has no sentences")
