"""Progress bars on stderr, shown only when a person is watching."""

from __future__ import annotations

import sys
from typing import Any

# Below this many words a command finishes before a bar is worth drawing.
PROGRESS_MIN_WORDS = 5_000


class _RichProgress:
    """A rich progress bar on stderr; each ``start`` replaces the bar's task."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True), transient=True)
        self._task: Any = None
        self.prefix = ""  # set per document by `check`

    def __enter__(self) -> "_RichProgress":
        self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(*exc)  # type: ignore[arg-type]

    def start(self, description: str, total: int) -> None:
        if self._task is not None:
            self._bar.remove_task(self._task)
        self._task = self._bar.add_task(f"{self.prefix}{description}", total=total)

    def advance(self, n: int = 1) -> None:
        if self._task is not None:
            self._bar.advance(self._task, n)


class NoProgress:
    """The context manager when no bar is drawn: gives None."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def progress_bar(words: int | None = None) -> Any:
    """A context manager giving a ``Progress`` on a terminal, else None.

    ``words``: the size of the work; None means always long enough.
    """
    long_enough = words is None or words >= PROGRESS_MIN_WORDS
    return _RichProgress() if sys.stderr.isatty() and long_enough else NoProgress()
