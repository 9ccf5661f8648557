"""Core value types shared by every stage of the pipeline.

All spans are character (code point) offsets into the decoded document text,
end-exclusive, exactly as Python slices them: ``text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol

# Line ends some editors and str.splitlines() see besides CR and LF (U+2028,
# NEL, form feed...): no rule match or model candidate touches one, so `fix`
# keeps every line structure a reader may see. ("\s" in a pattern matches them.)
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


class Applicability(str, Enum):
    """Whether an edit may be applied without a human looking at it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str
    rule: str
    category: str
    message: str
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True)
class Finding:
    """One detected problem, with zero or more suggested replacements."""

    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    applicability: Applicability = Applicability.UNSAFE
    source: str = "rules"  # which detector produced it: rules, model, languagetool
    score: float | None = None  # model margin, when a model ranked it

    def best_edit(self) -> Edit | None:
        """The edit for the first suggestion, or None when only a warning."""
        if not self.suggestions:
            return None
        return Edit(
            self.start,
            self.end,
            self.suggestions[0],
            self.rule,
            self.category,
            self.message,
            self.applicability,
        )


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int = 0


@dataclass
class Document:
    """Decoded text plus what is needed to write it back byte-for-byte."""

    path: str
    text: str
    bom: bool = False
    encoding: str = "utf-8"


class Progress(Protocol):
    """Where long runs report progress (the CLI shows a rich bar on a terminal)."""

    def start(self, description: str, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...
