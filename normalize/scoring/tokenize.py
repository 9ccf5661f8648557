"""Tokenisation choices for scoring, and a check that references and outputs agree.

``auto`` keeps each metric's own convention: GLEU, ERRANT and detection split
the texts on whitespace as given (the official scripts expect tokenised input),
sacrebleu's BLEU uses its default ``13a``. ``none`` splits on whitespace
everywhere (BLEU with ``tok:none``). ``13a`` and ``intl`` tokenise every text
with sacrebleu's tokenizer for every metric.
"""

from __future__ import annotations

import re
from collections.abc import Callable

TOKENIZE_CHOICES = ("auto", "none", "13a", "intl")

# A space before closing punctuation or an English clitic: a tokenised line.
_TOKENISED = re.compile(r"\s[.,;:!?](\s|$)|\s(n't|'s|'re|'ve|'ll|'d|'m)(\s|$)")


def tokenised_share(lines: list[str]) -> float:
    """The share of non-empty lines that look tokenised."""
    nonempty = [line for line in lines if line.strip()]
    if not nonempty:
        return 0.0
    return sum(1 for line in nonempty if _TOKENISED.search(line)) / len(nonempty)


def looks_tokenised(lines: list[str]) -> bool:
    return tokenised_share(lines) >= 0.5


def mismatch_warnings(references: list[list[str]], systems: dict[str, list[str]], tokenize: str) -> list[str]:
    """Warn, as sacrebleu does, when references and an output differ in tokenisation."""
    if tokenize in ("13a", "intl") or not references:
        return []
    ref_share = tokenised_share([line for stream in references for line in stream])
    refs_tok = ref_share >= 0.5
    out = []
    for name, lines in systems.items():
        share = tokenised_share(lines)
        if (share >= 0.5) != refs_tok:
            out.append(
                f"references look {'tokenised' if refs_tok else 'detokenised'} ({ref_share:.0%} of lines) "
                f"but {name} looks {'tokenised' if share >= 0.5 else 'detokenised'} ({share:.0%}); "
                "scores will suffer: use --tokenize 13a to tokenise both"
            )
    return out


def text_tokenizer(tokenize: str) -> Callable[[str], str]:
    """The function GLEU, ERRANT and detection apply to every line."""
    if tokenize in ("auto", "none"):
        return lambda line: line
    if tokenize == "13a":
        from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

        return Tokenizer13a()
    if tokenize == "intl":
        from sacrebleu.tokenizers.tokenizer_intl import TokenizerV14International

        return TokenizerV14International()
    raise ValueError(f"unknown tokenisation {tokenize!r}")


def sacrebleu_tokenize(tokenize: str) -> str | None:
    """BLEU's ``tokenize`` argument (None: sacrebleu's default)."""
    return None if tokenize == "auto" else tokenize


def signature_tok(tokenize: str) -> str:
    return "none" if tokenize == "auto" else tokenize
