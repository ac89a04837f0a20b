"""Find names from a list in text: longest match first, tolerant of case and diacritics where safe.

Text and names are folded character by character (``Tunesié`` and ``Tunesië``
both become ``tunesie``), so every offset in the folded text is the same
offset in the original and spans need no mapping back. A name matches only
at word boundaries (a hyphen counts as one: ``EU-Turkije``), and only when
its first letter is a capital in the text, because countries and
organisations are proper nouns in Dutch and the capital is what tells
``Chili`` from ``chili``. Short all-capital names (``IND``, ``VS``) must
match exactly: ``ind`` or ``Vs`` are something else.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Iterable, TypeVar

T = TypeVar("T")

_QUOTES = {"’": "'", "‘": "'", "`": "'", "\u00a0": " "}


@lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    c = _QUOTES.get(c, c)
    base = unicodedata.normalize("NFD", c)[0]
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics, keeping its length (one character per character)."""
    return "".join(_fold_char(c) for c in text)


def _exact_case(name: str) -> bool:
    """Names that must match with their exact case: acronyms such as ``IND``, ``VS``, ``DTenV``."""
    letters = [c for c in name if c.isalpha()]
    return sum(c.isupper() for c in letters) >= max(2, (len(letters) + 1) // 2)


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """One name found: its span in the text and the entry it belongs to."""

    start: int
    end: int
    value: T


class Gazetteer(Generic[T]):
    """A list of names with a value each, compiled into one longest-first regular expression."""

    def __init__(self, entries: Iterable[tuple[str, T]], *, not_followed_by: dict[str, str] | None = None) -> None:
        self._folded: dict[str, T] = {}
        self._exact: dict[str, T] = {}
        for name, value in entries:
            name = " ".join(name.split())
            if not name:
                continue
            if _exact_case(name):
                self._exact.setdefault(name, value)
            else:
                self._folded.setdefault(fold(name), value)
        self._not_followed = {fold(k): re.compile(v, re.IGNORECASE) for k, v in (not_followed_by or {}).items()}
        self._folded_re = self._compile(self._folded, re.IGNORECASE)
        self._exact_re = self._compile(self._exact, 0)

    @staticmethod
    def _compile(names: dict[str, T], flags: int) -> re.Pattern[str] | None:
        if not names:
            return None
        alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
        # acronyms also stop at a slash: the "EU" of "2013/32/EU" is part of a directive number
        edge = "&" if flags & re.IGNORECASE else "&/"
        return re.compile(rf"(?<![\w{edge}])(?:" + alternatives + rf")(?![\w{edge}])", flags)

    def find(self, text: str) -> list[Hit[T]]:
        """Non-overlapping hits in text order; at one position the longest name wins."""
        hits: list[Hit[T]] = []
        if self._folded_re is not None:
            folded = fold(text)
            for m in self._folded_re.finditer(folded):
                if not text[m.start()].isupper():
                    continue
                key = " ".join(m.group().split())
                after = self._not_followed.get(key)
                if after is not None and after.match(text, m.end()):
                    continue
                hits.append(Hit(m.start(), m.end(), self._folded[key]))
        if self._exact_re is not None:
            for m in self._exact_re.finditer(text):
                hits.append(Hit(m.start(), m.end(), self._exact[" ".join(m.group().split())]))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit[T]] = []
        for hit in hits:
            if out and hit.start < out[-1].end:
                continue
            out.append(hit)
        return out
