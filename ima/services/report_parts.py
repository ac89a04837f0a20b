"""Pieces of the yearly report gathered from the record: sources, quotes, figures, countries,
motions and commitments of a set of passages.

The report service (``ima.services.report``) decides which passages belong to
which part of the report; this module turns stored rows into the report's
plain values (``ima.report.model``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ima.domain.record import FactRecord, StoredDocument
from ima.report.model import (
    Citation,
    CommitmentLine,
    CountryCount,
    FigureLine,
    MotionLine,
    Quote,
    SourceDocument,
)
from ima.services.country_names import country_name
from ima.services.knowledge import FIGURE_KINDS, resolve_place

QUOTED_KINDS = ("paragraph", "list_item")
MAX_QUOTE_CHARS = 900
_SENTENCE_END = re.compile(r"(?<=[.?!;])\s+(?=[A-Z0-9À-Ý(“‘'\"])")


@dataclass
class PassageFacts:
    """One passage of the year's record with its pillars and the facts standing in it."""

    document: SourceDocument
    seq: int
    page: int
    page_estimated: bool
    kind: str
    text: str
    pillars: tuple[int, ...] = ()
    facts: list[FactRecord] = field(default_factory=list)

    @property
    def citation(self) -> Citation:
        """Where the passage stands."""
        return Citation(self.document, self.page, self.page_estimated, self.seq)

    def of_kind(self, *kinds: str) -> list[FactRecord]:
        """The passage's facts of these kinds, in text order."""
        return [f for f in self.facts if f.kind in kinds]

    def weight(self, pillar: int | None = None) -> int:
        """How much the passage tells: figures, motions and commitments count most, then places;
        a passage about this pillar alone counts more than one shared by several."""
        points = 3 * len(self.of_kind(*FIGURE_KINDS, "motion", "commitment")) + len(self.of_kind("country", "region"))
        if pillar is not None and self.pillars == (pillar,):
            points += 2
        return points + min(len(self.text) // 400, 2)


def dossier_number(dossier: str) -> str:
    """A Kamerstuk dossier as parliament prints it: ``19637`` -> ``19 637``, ``21501-20`` -> ``21 501-20``."""
    head, dash, tail = str(dossier).partition("-")
    if head.isdigit() and len(head) > 3:
        head = f"{head[:-3]} {head[-3:]}"
    return head + dash + tail


def source_document(stored: StoredDocument) -> SourceDocument:
    """The identifying details of a stored document, as the report's source list shows them."""
    meta, summary = stored.metadata, stored.summary
    kamerstuk = f"{dossier_number(meta.kamerstuk.dossier)}, nr. {meta.kamerstuk.number}" if meta.kamerstuk else None
    return SourceDocument(
        id=summary.id, title=summary.title, date=summary.date, kind=summary.kind.value, kenmerk=meta.kenmerk,
        kamerstuk=kamerstuk, addressee=meta.addressee.value if meta.addressee else None,
        source=summary.source.replace("\\", "/").rsplit("/", 1)[-1], pages=summary.pages,
    )


def shorten(text: str, limit: int = MAX_QUOTE_CHARS) -> tuple[str, bool]:
    """``text`` cut after the last whole sentence that fits in ``limit`` characters (or at a word)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text, False
    ends = [m.start() for m in _SENTENCE_END.finditer(text) if m.start() <= limit]
    cut = ends[-1] if ends and ends[-1] >= limit // 3 else text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit].rstrip(" ,;:"), True


def sentence_of(fact: FactRecord) -> str:
    """The sentence of the passage that holds the fact (what a reader checks)."""
    text = fact.passage
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= fact.start]
    ends = [m.start() for m in _SENTENCE_END.finditer(text) if m.start() >= fact.end]
    sentence = " ".join(text[starts[-1]:ends[0] if ends else len(text)].split())
    return shorten(sentence, 600)[0]


def quote(passage: PassageFacts) -> Quote:
    """The passage as a quote with its source."""
    text, shortened = shorten(passage.text)
    return Quote(text, passage.citation, passage.pillars, shortened)


def figure_line(fact: FactRecord, passage: PassageFacts) -> FigureLine:
    """A figure of the record with its sentence and source."""
    return FigureLine(fact.kind, fact.value, fact.low, fact.high, fact.unit, fact.qualifier, fact.period, fact.text,
                      sentence_of(fact), passage.citation)


def motion_line(fact: FactRecord, passage: PassageFacts) -> MotionLine:
    """A motion mention with its status and source."""
    p = fact.payload
    return MotionLine(p.get("name") or fact.text, tuple(p.get("submitters") or ()), p.get("identifier") or fact.key,
                      p.get("status"), p.get("subject"), sentence_of(fact), passage.citation, passage.pillars)


def commitment_line(fact: FactRecord, passage: PassageFacts) -> CommitmentLine:
    """A commitment with its status, due moment and source."""
    p = fact.payload
    return CommitmentLine(p.get("kind") or "", p.get("status") or "made", p.get("due"), p.get("due_text"),
                          " ".join(fact.text.split()), passage.citation, passage.pillars)


@lru_cache(maxsize=512)
def place_name(code: str, lang: str) -> str:
    """A country's (ISO 3166 alpha-3) or region's (ima's region id) name in the report's language."""
    if len(code) == 3 and code.isupper():
        return country_name(code, lang)
    if lang == "en":  # region ids are English already: "horn-of-africa" -> "Horn of Africa"
        words = code.split("-")
        return " ".join(w if w in ("of", "the") and i else w.capitalize() for i, w in enumerate(words))
    try:
        return resolve_place(code).name
    except ValueError:
        return code


def count_places(passages: Iterable[PassageFacts], lang: str, *, countries_only: bool = False) -> list[CountryCount]:
    """Countries (and regions) named in the passages: mentions and passages, most named first."""
    mentions: Counter[str] = Counter()
    passages_with: Counter[str] = Counter()
    for passage in passages:
        codes = [f.key for f in passage.of_kind(*(("country",) if countries_only else ("country", "region"))) if f.key]
        mentions.update(codes)
        passages_with.update(set(codes))
    ranked = sorted(mentions, key=lambda c: (-passages_with[c], -mentions[c], c))
    return [CountryCount(code, place_name(code, lang), mentions[code], passages_with[code]) for code in ranked]


def figures_of(passages: Iterable[PassageFacts], limit: int) -> list[FigureLine]:
    """The figures standing in the passages, in reading order, at most ``limit``."""
    return [figure_line(f, p) for p in passages for f in p.of_kind(*FIGURE_KINDS)][:limit]


def motions_of(passages: Iterable[PassageFacts]) -> list[MotionLine]:
    """The motions mentioned in the passages, in reading order."""
    return [motion_line(f, p) for p in passages for f in p.of_kind("motion")]


def commitments_of(passages: Iterable[PassageFacts]) -> list[CommitmentLine]:
    """The commitments made, recalled or fulfilled in the passages, in reading order."""
    return [commitment_line(f, p) for p in passages for f in p.of_kind("commitment")]


def pick_quotes(passages: list[PassageFacts], limit: int, pillar: int | None = None) -> list[Quote]:
    """The ``limit`` most telling quotable passages, shown in reading order."""
    quotable = [p for p in passages if p.kind in QUOTED_KINDS and len(p.text.split()) >= 8]
    best = sorted(quotable, key=lambda p: -p.weight(pillar))[:limit]
    order = {id(p): i for i, p in enumerate(passages)}
    return [quote(p) for p in sorted(best, key=lambda p: order[id(p)])]
