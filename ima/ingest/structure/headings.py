"""Headings and the sections they open, with the pillar a heading names.

The passage builder marks short unpunctuated lines as headings, but a long numbered
heading (``1.2 Versterken opvang en bescherming voor vluchtelingen en ontheemden in de
regio``, eleven words) comes out as a paragraph; a numbered line without a final full
stop is a heading here too. The pillar of a section is read from its title, not from
its number: other documents number their sections differently (the 2021 progress
report has ``5. Bevorderen legale migratieroutes``), but the pillar names are stable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ima.domain.text import Passage

_NUMBERED = re.compile(r"^(?P<num>(?:\d{1,2}\.)*\d{1,2}\.?|[IVX]{1,4}\.)\s+(?P<title>[A-ZÀ-Ý«“‘\"'(].*)$")
_SENTENCE_END = re.compile(r"[.?!:;,]\s*$")
MAX_HEADING_WORDS = 16

# pillar -> title patterns, tried in pillar order; the first that matches decides.
# Terms are the pillar names of the agenda and their usual short forms.
_PILLAR_TITLES: tuple[tuple[int, re.Pattern[str]], ...] = (
    (4, re.compile(r"illegaliteit|terugkeer", re.I)),
    (5, re.compile(r"\blegale\s+migratie|\breguliere\s+migratie|arbeidsmigratie", re.I)),
    (6, re.compile(r"integratie|participatie|inburgering", re.I)),
    (3, re.compile(r"asielstelsel|asielbeleid|\bGEAS\b", re.I)),
    (2, re.compile(r"opvang.*regio|regio.*opvang|bescherming\s+in\s+de\s+regio", re.I)),
    (1, re.compile(r"irreguliere\s+migratie|grondoorzaken|mensensmokkel", re.I)),
)
_PILLAR_WORD = re.compile(r"\bpijler\s+(?P<n>[1-6])\b", re.I)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading passage: its number (if printed), title and nesting level."""

    seq: int
    number: str | None
    title: str

    @property
    def level(self) -> int:
        """1 for ``I.``, ``5`` and unnumbered headings, 2 for ``1.4``, 3 for ``1.4.2``."""
        if not self.number or not self.number[0].isdigit():
            return 1
        return self.number.rstrip(".").count(".") + 1


def pillar_of_title(title: str) -> int | None:
    """The pillar (1-6) a heading's title names, or None."""
    m = _PILLAR_WORD.search(title)
    if m:
        return int(m.group("n"))
    for pillar, rx in _PILLAR_TITLES:
        if rx.search(title):
            return pillar
    return None


def as_heading(passage: Passage) -> Heading | None:
    """The passage read as a heading, or None when it is body text."""
    if passage.kind not in ("heading", "paragraph"):
        return None
    text = passage.text.strip()
    m = _NUMBERED.match(text)
    if passage.kind == "paragraph":
        # only a numbered, short, unpunctuated paragraph is a heading the builder missed
        if not m or _SENTENCE_END.search(text) or len(text.split()) > MAX_HEADING_WORDS:
            return None
    if m:
        number = m.group("num").rstrip(".")
        if number.isdigit() and int(number) > 30:  # "2016 Jaarverslag": a year, not a number
            return Heading(passage.seq, None, text)
        return Heading(passage.seq, number, m.group("title").strip())
    return Heading(passage.seq, None, text)


def headings(passages: tuple[Passage, ...] | list[Passage]) -> list[Heading]:
    """Every heading among ``passages``, in reading order."""
    return [h for p in passages if (h := as_heading(p)) is not None]
