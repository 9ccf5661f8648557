"""Character offsets -> 1-based line and column."""

from __future__ import annotations

import bisect
import re

_LINE_END = re.compile(r"\r\n|\r|\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
