"""LanguageTool as an optional grammar backend (``pip install "normalize[languagetool]"``).

LanguageTool itself is a Java server that cannot be downloaded on offline
machines, so normalize only talks to one you point it at (``--languagetool
URL`` or ``NORMALIZE_LANGUAGETOOL``), through language-tool-python. Its
suggestions are always ``unsafe``: they are not tuned for wire copy and are
applied only with ``--unsafe-fixes``.
"""

from __future__ import annotations

from functools import lru_cache

from normalize.errors import NormalizeError, first_line
from normalize.types import Applicability, Finding, Severity

_TIMEOUT_S = 20

# LanguageTool issue types -> normalize categories.
_CATEGORY = {
    "misspelling": "spelling",
    "typographical": "typography",
    "whitespace": "typography",
    "punctuation": "punctuation",
    "grammar": "agreement",
    "style": "collocation",
    "duplication": "redundancy",
    "inconsistency": "fluency",
}


def languagetool_findings(text: str, url: str, language: str = "en-US") -> list[Finding]:
    """Findings from the LanguageTool server at ``url`` for ``text``."""
    if not text.strip():
        return []
    tool = _client(url, language)
    try:
        matches = tool.check(text)
    except Exception as exc:  # noqa: BLE001 - any transport failure is one user error
        raise NormalizeError(f"LanguageTool at {url} failed: {first_line(exc)}") from None
    return [_to_finding(m) for m in matches if m.error_length > 0 or m.replacements]


@lru_cache(maxsize=4)
def _client(url: str, language: str):
    try:
        import language_tool_python
    except ImportError:
        raise NormalizeError(
            'LanguageTool support needs: pip install "normalize[languagetool]"'
        ) from None
    language_tool_python.LanguageTool._TIMEOUT = _TIMEOUT_S
    try:
        return language_tool_python.LanguageTool(language, remote_server=url)
    except Exception as exc:  # noqa: BLE001
        raise NormalizeError(f"LanguageTool server at {url} is unreachable: {first_line(exc)}") from None


def _to_finding(match) -> Finding:
    issue = (getattr(match, "rule_issue_type", None) or "").lower()
    category = _CATEGORY.get(issue, "fluency")
    start = match.offset
    return Finding(
        rule=f"LT.{match.rule_id}",
        category=category,
        severity=Severity.WARNING if category != "spelling" else Severity.INFO,
        message=f"LanguageTool: {match.message}",
        start=start,
        end=start + match.error_length,
        suggestions=tuple(match.replacements[:5]),
        applicability=Applicability.UNSAFE,
        source="languagetool",
    )

