"""Fields of a letter's letterhead and sidebar: addressee, date, kenmerk, subject, directorate.

Works on plain line texts in document order (furniture still in). The first clean
occurrence wins, so the overlaid copies of page 1 on later PDF pages do not matter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from ima.domain.metadata import Chamber
from ima.ingest.metadata.dates import DATE_RE, find_dates

ADDRESSEE_RE = re.compile(r"\bAan\s+de\s+(?:[Vv]oorzitter\s+van\s+de\s+)?(?P<chamber>Tweede|Eerste)\s+Kamer\b")
DATUM_RE = re.compile(r"^\s*Datum\b\s*:?\s*(?P<rest>.*)$")
DATUM_END_RE = re.compile(r"\S.*\bDatum\s*:?\s*$")  # OCR: the margin label merged into a body line
PLACE_DATE_RE = re.compile(r"\b(?:Den\s+Haag|'s-Gravenhage|’s-Gravenhage|Rijswijk|Brussel|Luxemburg)\s*,\s*(?:de\s+)?$")
VASTGESTELD_RE = re.compile(r"\bVastgesteld\s*:?\s*$")
KENMERK_RE = re.compile(r"^\s*Ons\s+kenmerk\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
KENMERK_VALUE_RE = re.compile(r"^(?P<value>[A-Z0-9][\w./\-]*\d[\w./\-]*)(?:\s|$)")
SUBJECT_RE = re.compile(r"^\s*Onderwerp\b\s*:?\s*(?P<rest>.*)$")
DIRECTORATE_RE = re.compile(r"^\s*(?P<kind>Directoraat-[Gg]eneraal|Directie)\b\s*(?P<rest>.*)$")
LABELS = re.compile(r"^\s*(?:Datum|Ons kenmerk|Uw kenmerk|Onderwerp|Bijlage\(?n?\)?|Pagina|Kopie aan|Contactpersoon|"
                    r"Bij beantwoording|Aan de|Retouradres|>)\b", re.IGNORECASE)
_CONTINUES = {"de", "het", "een", "van", "over", "en", "voor", "in", "op", "met", "aan", "te", "tot", "bij", "om",
              "door", "naar", "of", "inzake", "betreffende", "ter", "als", "die", "dat", "uit", "onder", "na", "tegen"}


def find_addressee(lines: Sequence[str]) -> Chamber | None:
    """The chamber a letter is addressed to ("Aan de Voorzitter van de Tweede Kamer")."""
    for line in lines:
        m = ADDRESSEE_RE.search(line)
        if m:
            return Chamber.TWEEDE_KAMER if m["chamber"] == "Tweede" else Chamber.EERSTE_KAMER
    return None


def _edge_date(text: str) -> dt.date | None:
    """A date at the start or the end of a line (the sidebar value, maybe merged with body text)."""
    stripped = text.strip()
    for date, start, end in find_dates(stripped):
        if start == 0 or end == len(stripped):
            return date
    return None


def find_letter_date(lines: Sequence[str]) -> dt.date | None:
    """The letter's own date: "Datum 10 juli 2020", "Den Haag, 14 oktober 2019", "Vastgesteld …".

    Labelled dates score highest; a date repeated at line ends (the sidebar column of an
    OCR scan) is a weak fallback. Dates that are only mentioned in the body never count.
    """
    candidates: list[tuple[int, int, dt.date]] = []  # (score, -index, date)
    for i, line in enumerate(lines):
        # both labels hold the word: most lines are decided without the two expressions
        m = DATUM_RE.match(line) if "Datum" in line else None
        end_label = DATUM_END_RE.match(line) if m is None and "Datum" in line else None
        if m or end_label:
            rest = m["rest"] if m else ""
            dates = find_dates(rest)
            if dates and dates[0][1] == 0:
                candidates.append((10, -i, dates[0][0]))
            elif not rest.strip():
                seen = 0
                for nxt in lines[i + 1:i + 8]:
                    if not nxt.strip():
                        continue
                    seen += 1
                    date = _edge_date(nxt)
                    if date:
                        candidates.append((8 if m else 7, -i, date))
                        break
                    if seen >= 3:
                        break
        for date, start, _end in find_dates(line):
            before = line[:start]
            if PLACE_DATE_RE.search(before):
                candidates.append((9, -i, date))
            elif VASTGESTELD_RE.search(before):
                candidates.append((10, -i, date))
    if not candidates:
        ends = Counter(d for line in lines if (d := _edge_date(line)) and DATE_RE.search(line.strip()[-20:] or ""))
        repeated = [(count, d) for d, count in ends.items() if count >= 2]
        if repeated:
            return max(repeated)[1]
        return None
    best = max(candidates)
    return best[2]


def find_kenmerk(lines: Sequence[str]) -> str | None:
    """The letter's own reference ("Ons kenmerk 2971694"), not the addressee's ("Uw kenmerk")."""
    for i, line in enumerate(lines):
        m = KENMERK_RE.match(line)
        if not m:
            continue
        rest = m["rest"].strip()
        if rest:
            v = KENMERK_VALUE_RE.match(rest)
            if v:
                return v["value"]
        for nxt in [l for l in lines[i + 1:i + 6] if l.strip()][:3]:
            v = KENMERK_VALUE_RE.match(nxt.strip())
            if v:
                return v["value"]
            if KENMERK_RE.match(nxt):
                break
    return None


def find_subject(lines: Sequence[str]) -> str | None:
    """The Onderwerp, joined over its lines (the value may wrap, with blank lines between)."""
    for i, line in enumerate(lines):
        m = SUBJECT_RE.match(line)
        if not m:
            continue
        parts: list[str] = []
        rest = m["rest"].strip()
        j = i + 1
        if rest:
            parts.append(rest)
        else:
            while j < len(lines) and j <= i + 3 and not lines[j].strip():
                j += 1
            if j < len(lines) and lines[j].strip() and not LABELS.match(lines[j]):
                parts.append(lines[j].strip())
                j += 1
        if not parts:
            continue
        while j < len(lines):
            blanks = 0
            while j < len(lines) and not lines[j].strip():
                blanks += 1
                j += 1
            if j >= len(lines) or blanks > 1:
                break
            nxt = lines[j].strip()
            last_word = parts[-1].split()[-1].lower() if parts[-1].split() else ""
            wraps = last_word in _CONTINUES or parts[-1].endswith(("-", ",")) or nxt[:1].islower()
            if not wraps or LABELS.match(nxt) or nxt.isdigit() or len(parts) >= 4:
                break
            parts.append(nxt)
            j += 1
        text = ""
        for part in parts:
            if text.endswith("-") and part[:1].islower():
                text = text[:-1] + part
            else:
                text = f"{text} {part}" if text else part
        return re.sub(r"\s+", " ", text).strip()
    return None


def find_directorate(lines: Sequence[str]) -> str | None:
    """"Directoraat-Generaal Migratie" (name on the same or the next line of the sidebar)."""
    for i, line in enumerate(lines):
        m = DIRECTORATE_RE.match(line)
        if not m:
            continue
        kind = "Directoraat-Generaal" if m["kind"].lower().startswith("directoraat") else "Directie"
        rest = m["rest"].strip()
        if rest:
            if rest[:1].isupper() and len(rest.split()) <= 6:
                return f"{kind} {rest}"
            continue
        for nxt in [l.strip() for l in lines[i + 1:i + 5] if l.strip()][:1]:
            if nxt[:1].isupper() and len(nxt.split()) <= 5 and not LABELS.match(nxt) and not any(c.isdigit() for c in nxt):
                return f"{kind} {nxt}"
    return None
