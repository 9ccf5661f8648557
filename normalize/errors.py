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
