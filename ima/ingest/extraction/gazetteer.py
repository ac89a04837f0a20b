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


def _fold_char(c: str) -> str:
    c = _QUOTES.get(c, c)
    base = unicodedata.normalize("NFD", c)[0]
    low = base.lower()
    return low if len(low) == 1 else base


class _FoldTable(dict):
    """``str.translate`` table of :func:`_fold_char`, filled lazily per distinct code point, so
    folding a passage runs in C instead of a Python generator over its characters."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


_FOLD = _FoldTable()


@lru_cache(maxsize=256)  # countries and organisations fold the same passage one after the other
def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics, keeping its length (one character per character)."""
    return text.translate(_FOLD)


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
        self._folded_fast = self._compile_grouped(self._folded)
        self._name_chars = frozenset("".join(self._folded))
        self._safe: set[str] = set()
        self._risky: set[str] = set()
        self._exact_re = self._compile_exact(self._exact)

    @staticmethod
    def _compile(names: dict[str, T], flags: int) -> re.Pattern[str] | None:
        if not names:
            return None
        alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
        # acronyms also stop at a slash: the "EU" of "2013/32/EU" is part of a directive number
        edge = "&" if flags & re.IGNORECASE else "&/"
        return re.compile(rf"(?<![\w{edge}])(?:" + alternatives + rf")(?![\w{edge}])", flags)

    @staticmethod
    def _compile_grouped(names: dict[str, T]) -> re.Pattern[str] | None:
        """:meth:`_compile`'s case-insensitive expression, case-sensitive and with the names
        grouped by first character, for text where that gives the same matches (see
        :meth:`_fast_ok`).

        Speed: at each word start the regex engine tried every alternative in turn, and under
        IGNORECASE it cannot skip one on its first literal. Grouped, it skips whole groups on
        one character compare. Same matches: names with another first character cannot match
        at that position, and within a group the longest-first order is kept, so the first
        alternative that matches (lookahead included) is the same name as before.
        """
        if not names:
            return None
        groups: dict[str, list[str]] = {}
        for n in sorted(names, key=len, reverse=True):
            groups.setdefault(n[0], []).append(re.escape(n[1:]).replace(r"\ ", r"\s+"))
        alternatives = "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())
        return re.compile(r"(?<![\w&])(?:" + alternatives + r")(?![\w&])")

    @staticmethod
    def _compile_exact(names: dict[str, T]) -> re.Pattern[str] | None:
        """:meth:`_compile` of the exact-case names (``IND``, ``DT&V``), grouped by first character
        as in :meth:`_compile_grouped` and with the look-behind moved behind that character:
        ``X(?<![\\w&/]X)`` asks the same about the character before X (and passes at the start
        of the text, as ``(?<![\\w&/])`` does). Branches that all start with a capital literal
        let the engine skip to the few capitals instead of testing the look-behind at every
        position: ~3x faster. (Not for folded text: there most positions start some name.)"""
        if not names:
            return None
        groups: dict[str, list[str]] = {}
        for n in sorted(names, key=len, reverse=True):
            groups.setdefault(n[0], []).append(re.escape(n[1:]).replace(r"\ ", r"\s+"))
        alternatives = "|".join(f"{re.escape(first)}(?<![\\w&/]{re.escape(first)})(?:" + "|".join(rests) + ")"
                                for first, rests in groups.items())
        return re.compile(r"(?:" + alternatives + r")(?![\w&/])")

    def _fast_ok(self, folded: str) -> bool:
        """Whether case-sensitive matching of the folded names finds exactly what IGNORECASE finds
        in ``folded``: no character of it is a case variant of a different name character (folded
        text and names are lower case, so this only fails on rarities such as ``ſ``, ``K``)."""
        chars = set(folded)
        for c in chars - self._safe - self._risky:
            if any(p != c and re.fullmatch(re.escape(p), c, re.IGNORECASE) for p in self._name_chars):
                self._risky.add(c)
            else:
                self._safe.add(c)
        return not (chars & self._risky)

    def find(self, text: str) -> list[Hit[T]]:
        """Non-overlapping hits in text order; at one position the longest name wins."""
        hits: list[Hit[T]] = []
        if self._folded_re is not None:
            folded = fold(text)
            pattern = self._folded_fast if self._fast_ok(folded) else self._folded_re
            for m in pattern.finditer(folded):
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
