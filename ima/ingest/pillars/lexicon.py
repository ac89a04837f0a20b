"""The pillar lexicon: weighted Dutch terms per pillar, loaded from ``ima/data/pillars/lexicon.csv``.

Terms and texts are compared after :func:`fold` (case-folded, diacritics
stripped, typographic quotes straightened), so ``Terugkeer``, ``terugkeer``
and ``TERUGKËER`` score alike, OCR's wrong diacritics (``Tunesié``) do no
harm, and the lexicon can be written in plain lower case.

Each row says how the term matches a word:

* ``prefix``: at the start of a word, any ending (``terugkeer`` matches
  ``terugkeerbeleid``, ``terugkeren``); Dutch compounds put the head last, so
  a stem at the start of a word is the cheapest reliable stemmer.
* ``word``: the whole word only (acronyms such as ``IND``, ``GEAS``).
* ``infix``: anywhere inside a word (``smokkel`` in ``mensensmokkelaars``).
* ``title``: the pillar's own title, matched like ``prefix``; kept apart so the
  overview rule can discount a passage that merely lists all pillars.

A negative weight cancels a more general term in a known context
(``asielprocedures in de regio`` is pillar 2, not the asylum system of
pillar 3); the CSV's ``note`` column says why each such row exists.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ima.domain.pillars import PILLAR_NUMBERS

LEXICON_PATH = Path(__file__).resolve().parents[2] / "data" / "pillars" / "lexicon.csv"
MATCH_KINDS = ("prefix", "word", "infix", "title")

_QUOTES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "«": '"', "»": '"', "“": '"', "”": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-"})


class _MarkTable(dict):
    """``str.translate`` table deleting combining marks (``unicodedata.combining(c) != 0``).

    Filled lazily, one entry per distinct code point met, so the per-character
    work runs in C: a Python generator over every character was the hot spot of
    pillar classification. Characters that are not marks map to themselves.
    """

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_MARKS = _MarkTable()


def _strip_marks(text: str) -> str:
    return unicodedata.normalize("NFKD", text).translate(_MARKS)


@lru_cache(maxsize=4096)  # pure; each passage is folded twice (terms, then section headings)
def fold(text: str) -> str:
    """Lower-case, diacritic-free, quote-straightened form used for all matching.

    Marks are stripped before and after case folding because some capitals
    fold into a letter plus a combining mark (``İ`` -> ``i̇``); doing both
    makes ``fold(t.upper()) == fold(t)`` hold for the scripts that matter here.
    """
    if text.isascii():
        # ASCII has no decompositions or marks and casefolds as lower(); only ` is a quote to map
        return text.lower().translate(_QUOTES)
    return _strip_marks(_strip_marks(text).casefold()).translate(_QUOTES)


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon row, with its compiled pattern over folded text."""

    pillar: int
    term: str
    weight: float
    match: str
    note: str
    pattern: re.Pattern[str]


def _compile(term: str, match: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(tok) for tok in term.split())
    # (?<!\w) and (?!\w) rather than \b: terms may start or end with '&' or '-'.
    if match == "word":
        return re.compile(rf"(?<!\w){body}(?!\w)")
    if match == "infix":
        return re.compile(rf"{body}")
    return re.compile(rf"(?<!\w){body}")  # prefix and title: any ending


def parse_lexicon(rows: list[dict[str, str]]) -> tuple[Term, ...]:
    """Validate and compile lexicon rows (dicts with pillar, term, weight, match, note)."""
    terms = []
    for i, row in enumerate(rows, start=2):
        pillar = int(row["pillar"])
        match = row["match"].strip()
        term = fold(row["term"].strip())
        if pillar not in PILLAR_NUMBERS or match not in MATCH_KINDS or not term:
            raise ValueError(f"lexicon row {i}: bad pillar/match/term {row!r}")
        terms.append(Term(pillar, term, float(row["weight"]), match, (row.get("note") or "").strip(),
                          _compile(term, match)))
    return tuple(terms)


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> tuple[Term, ...]:
    """The shipped lexicon, parsed once per process."""
    with path.open(encoding="utf-8", newline="") as handle:
        return parse_lexicon(list(csv.DictReader(handle)))
