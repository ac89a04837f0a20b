"""Kamerstuk identification in text: running footers/headers, title lines, "Vastgesteld", file names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from ima.domain.metadata import Chamber, KamerstukRef
from ima.ingest.metadata.dates import normalise_vergaderjaar
from ima.ingest.metadata.references import KST_ID_RE, parse_citations, parse_identifier

FOOTER_RE = re.compile(
    r"(?P<chamber>Tweede|Eerste)\s+Kamer(?:\s+der\s+Staten-Generaal)?\s*,\s*vergaderjaar\s+"
    r"(?P<year>(?:19|20)\d\d\s*[–—\-/]\s*(?:19|20)?\d\d)\s*,\s*(?P<rest>.+)$"
)
TITLE_RE = re.compile(
    r"^\s*(?:Nr\.\s*\w+\s+)?(?P<title>(?:VERSLAG|BRIEF|MOTIE|AMENDEMENT|NOTA|LIJST|GEWIJZIGD|VOORSTEL|MEMORIE|"
    r"ADVIES|NADER|VERSLAG)\b[A-ZÀ-Þ0-9 ,.'’\-]{3,200})\s*$"
)
QA_MARKERS = re.compile(r"^\s*(?:I\.\s+Vragen en opmerkingen|II\.\s+Antwoord|De leden van de [\w-]+-fractie)")


def kamerstuk_from_footer(lines: Sequence[str]) -> tuple[KamerstukRef, Chamber] | None:
    """The Kamerstuk a running footer/header names ("Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7")."""
    for line in lines:
        m = FOOTER_RE.search(line)
        if not m:
            continue
        citations = parse_citations("Kamerstuk " + m["rest"])
        if not citations:
            continue
        c = citations[0]
        chamber = Chamber.TWEEDE_KAMER if m["chamber"] == "Tweede" else Chamber.EERSTE_KAMER
        return KamerstukRef(dossier=c.dossier, number=c.number, year=normalise_vergaderjaar(m["year"])), chamber
    return None


def kamerstuk_from_source(source: str) -> KamerstukRef | None:
    """``…/kst-19637-2395_verslag.txt`` -> ``KamerstukRef("19637", "2395")``."""
    name = PurePath(source or "").name
    m = re.match(r"^(kst-[\w-]+?)(?:[_.]|$)", name, re.IGNORECASE)
    if not m:
        return None
    ref = parse_identifier(m.group(1))
    if ref is None:
        found = KST_ID_RE.match(name)
        ref = parse_identifier(found.group(0)) if found else None
    return ref


def find_title(lines: Sequence[str]) -> str | None:
    """A Kamerstuk's capitalised document title ("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"), in sentence case."""
    for line in lines[:400]:
        m = TITLE_RE.match(line)
        if m and len(m["title"].split()) >= 2 and sum(c.isalpha() for c in m["title"]) >= 8:
            title = re.sub(r"\s+", " ", m["title"]).strip().rstrip(".,")
            return title[:1] + title[1:].lower()
    return None


def looks_like_paper(lines: Sequence[str]) -> int:
    """Evidence (0..) that the text is a Kamerstuk: Q&A structure of a verslag etc."""
    return sum(1 for line in lines[:600] if QA_MARKERS.match(line))
