"""A table of how often the training text puts "the" before a key (a name,
a noun before "of") and how often nothing: shared by :mod:`normalize.names`
and :mod:`normalize.frames`, which decide what a key and a bare use are."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import ClassVar, TypeVar

T = TypeVar("T", bound="TheCounts")


class TheCounts:
    """key -> (uses with "the", bare uses), read from a model's TSV file."""

    FILE: ClassVar[str]
    KEEP_COUNT: ClassVar[int] = 20  # keys written to the file (a later threshold may use more)

    def __init__(self, counts: dict[str, tuple[int, int]]) -> None:
        self.counts = counts

    @classmethod
    def write(cls, counts: Counter[tuple[str, bool]], model_dir: Path) -> None:
        """Write ``(key, with "the"?) -> uses`` for keys used often enough."""
        rows = []
        for key in sorted({k for k, _ in counts}):
            the, bare = counts[key, True], counts[key, False]
            if the + bare >= cls.KEEP_COUNT:
                rows.append(f"{key}\t{the}\t{bare}\n")
        (model_dir / cls.FILE).write_text("".join(rows), encoding="utf-8")

    @classmethod
    def load(cls: type[T], model_dir: Path) -> T | None:
        path = model_dir / cls.FILE
        if not path.is_file():
            return None  # a model trained before the table existed
        counts = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            key, the, bare = line.split("\t")
            counts[key] = (int(the), int(bare))
        return cls(counts)

    def share(self, key: str, min_count: int) -> float | None:
        """How often ``key`` takes "the", if it has at least ``min_count`` uses."""
        the, bare = self.counts.get(key, (0, 0))
        if the + bare < min_count:
            return None
        return the / (the + bare)
