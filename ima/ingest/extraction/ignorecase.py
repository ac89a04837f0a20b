"""Case-insensitive tests for ASCII words without the regex engine's per-character case folding.

An IGNORECASE expression of ASCII words tries every alternative at every position,
folding case as it goes. ``str.lower()`` followed by C-level substring tests finds
the same words, except where lower-casing and IGNORECASE disagree: on the four
characters of :data:`FOLD_RISKS` (the tests check every code point). Text holding
one of them takes the expression itself.
"""

from __future__ import annotations

import re

# The only characters whose str.lower() disagrees with IGNORECASE about ASCII letters or \w:
# İ, ı, ſ and the Kelvin sign.
FOLD_RISKS = "\u0130\u0131\u017f\u212a"


def lowered(text: str) -> str | None:
    """``text.lower()`` when it holds exactly the ASCII letters IGNORECASE would match, else None."""
    if any(ch in text for ch in FOLD_RISKS):
        return None
    return text.lower()


def holds_any(text: str, words: tuple[str, ...], expression: re.Pattern[str]) -> bool:
    """Whether ``expression`` (IGNORECASE, the lower-case ASCII ``words`` as alternatives) occurs in ``text``."""
    low = lowered(text)
    if low is None:
        return expression.search(text) is not None
    return any(word in low for word in words)
