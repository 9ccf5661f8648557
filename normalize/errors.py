"""Errors the CLI turns into one-line messages and exit code 2."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0
    FOUND = 1
    ERROR = 2


class NormalizeError(Exception):
    """A user-facing error: bad input, bad options, bad rule pack.

    The message is printed as one line, prefixed with ``normalize: error:``.
    """


class InputError(NormalizeError):
    """A document could not be read or decoded."""


class RulePackError(NormalizeError):
    """A rule pack is malformed."""


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (its type name if empty), for
    one-line errors about a failure inside a library."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
