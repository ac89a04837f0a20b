"""Citations of parliamentary papers and URLs, normalised to canonical identifiers.

Accepts the forms Dutch government texts use (parliament-formats.md §2.1):

* ``Kamerstukken II 2017/18, 19 637, nr. 2375`` and ``Kamerstuk 19637, nr. 2395``
* ``Kamerstuk 2017/18, 34952, nr. 1`` (year without chamber)
* roman-numeral and numeric toevoegingen: ``35 300 VI, nr. 37``, ``21 501-20, nr. 1281``
* joint dossiers: ``19 637 en 30 573, nr. 2395`` (the identifier uses the first dossier,
  as officielebekendmakingen does)
* Eerste Kamer letter numbers: ``Kamerstukken 34 482 en 34 585, B``
* the TK website style ``Kamerstuk 32317-973`` and identifiers ``kst-21501-04-208``
* several numbers: ``nrs. 12 en 13``, ``nr. 59, gewijzigd onder nr. 78``
* ``Handelingen II 2014/15, nr. 101, item 8`` -> ``h-tk-20142015-101-8``

Each becomes ``kst-<dossier>[-<toevoeging>]-<nr>``. Nothing here raises on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ima.domain.metadata import KamerstukRef
from ima.ingest.metadata.dates import normalise_vergaderjaar

_ROMAN_OK = re.compile(r"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})[AB]?$")
_ROMAN = r"[IVXL]{1,6}[AB]?"
_DOSS = r"(?<![\d/.,\-])\d{2} ?\d{3}(?!\d)"
_TOEV = rf"(?:\s?-\s?(?:\d{{1,3}}|{_ROMAN})(?![\w])|\s(?:{_ROMAN})(?![\w]))"
_DOSS_ITEM = re.compile(rf"(?P<d>{_DOSS})(?P<t>{_TOEV})?")
_YEAR = r"(?:19|20)\d\d\s?[/\-]\s?(?:(?:19|20)\d\d|\d\d)"
_NRKW = r"(?:nrs?\.?|nummers?)"

CITATION_RE = re.compile(
    rf"(?P<prefix>\bKamerstuk(?:ken)?\s+(?:(?P<chamber>I|II|EK|TK)\s+)?(?:(?P<year>{_YEAR})\s*,?\s+)?)?"
    rf"(?P<dossiers>{_DOSS}(?:{_TOEV})?(?:\s*(?:,|\ben\b|&)\s*{_DOSS}(?:{_TOEV})?)*)"
    rf"(?:\s*,\s*(?P<kw1>{_NRKW})?|\s+(?P<kw2>{_NRKW}))\s*"
    rf"(?P<num>\d{{1,5}}|[A-Z]{{1,2}})(?![\w])",
)
_MORE_NUMS = re.compile(r"\s*(?:,|\ben\b|&)\s*(?P<num>\d{1,5}|[A-Z]{1,2})(?![\w/])")
_AMENDED = re.compile(r"\s*,?\s*(?:gewijzigd|herdrukt|vervangen)\s+(?:onder|als)\s+nr\.?\s*(?P<num>\d{1,5})(?!\d)")
KST_ID_RE = re.compile(
    rf"\bkst-(?P<d>\d{{4,6}})(?:-(?P<t>\d{{1,3}}|{_ROMAN}))?-(?P<num>\d{{1,5}}|[A-Z]{{1,2}})(?![\w])",
    re.IGNORECASE,
)
TK_STYLE_RE = re.compile(
    rf"\bKamerstuk(?:ken)?\s+(?P<d>{_DOSS})(?:-(?P<t>\d{{1,3}}|{_ROMAN}))?-(?P<num>\d{{1,5}})(?![\d\-])"
)
HANDELINGEN_RE = re.compile(
    rf"\bHandelingen\s+(?P<ch>I{{1,2}})\s+(?P<year>{_YEAR})\s*,\s*nr\.?\s*(?P<nr>\d{{1,4}})\s*,\s*item\s+(?P<item>\d{{1,3}})(?!\d)"
)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"“”‘’]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited parliamentary paper: canonical identifier and its parts."""

    identifier: str
    dossier: str  # with toevoeging, e.g. "35300-VI"
    number: str
    year: str | None = None
    dossiers: tuple[str, ...] = ()  # all dossiers of a joint citation
    start: int = 0
    end: int = 0

    @property
    def ref(self) -> KamerstukRef:
        return KamerstukRef(dossier=self.dossier, number=self.number, year=self.year)


def normalise_text(text: str) -> str:
    """Dashes to '-', odd spaces to ' ', runs of whitespace to one space (same length not kept)."""
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\u00a0\u2000-\u200b\u202f]", " ", text)
    return re.sub(r"\s+", " ", text)


def _toevoeging(raw: str | None) -> str | None:
    if not raw:
        return None
    value = raw.strip().lstrip("-").strip()
    if not value:
        return None
    if value.isdigit():
        return value
    value = value.upper()
    return value if _ROMAN_OK.match(value) else None


def _dossier(d: str, t: str | None) -> str | None:
    digits = d.replace(" ", "")
    toev = _toevoeging(t)
    if t and toev is None:
        return None
    return f"{digits}-{toev}" if toev else digits


def _citation(dossier: str, number: str, year: str | None, dossiers: tuple[str, ...], start: int, end: int) -> Citation:
    number = number.upper() if number.isalpha() else str(int(number)) if number.isdigit() else number
    return Citation(f"kst-{dossier}-{number}", dossier, number, year, dossiers or (dossier,), start, end)


def parse_citations(text: str) -> list[Citation]:
    """Every Kamerstuk citation in ``text``, in order (spans refer to the normalised text)."""
    if not text:
        return []
    try:
        norm = normalise_text(str(text))
    except Exception:  # pragma: no cover - defensive: never raise on odd input
        return []
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in CITATION_RE.finditer(norm):
        keyword = m["kw1"] or m["kw2"]
        number = m["num"]
        if not m["prefix"] and not keyword:
            continue  # a bare "12 345, 6" is not a citation
        if keyword and number.isalpha() and len(number) > 1:
            continue
        items = []
        for item in _DOSS_ITEM.finditer(m["dossiers"]):
            dossier = _dossier(item["d"], item["t"])
            if dossier is None:
                break
            items.append(dossier)
        if not items:
            continue
        year = normalise_vergaderjaar(m["year"]) if m["year"] else None
        numbers = [number]
        end = m.end()
        plural = bool(keyword and keyword.lower().startswith(("nrs", "nummers")))
        while True:
            more = _MORE_NUMS.match(norm, end)
            amended = _AMENDED.match(norm, end)
            if amended:
                numbers.append(amended["num"])
                end = amended.end()
            elif more and plural and more["num"].isdigit() == number.isdigit():
                numbers.append(more["num"])
                end = more.end()
            else:
                break
        for n in numbers:
            found.append(_citation(items[0], n, year, tuple(items), m.start(), end))
        taken.append((m.start(), end))
    for regex in (KST_ID_RE, TK_STYLE_RE):
        for m in regex.finditer(norm):
            if not free(m.start(), m.end()):
                continue
            dossier = _dossier(m["d"], m["t"])
            if dossier is None:
                continue
            found.append(_citation(dossier, m["num"], None, (), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda c: c.start)
    return found


def parse_handelingen(text: str) -> list[str]:
    """``Handelingen II 2014/15, nr. 101, item 8`` -> ``h-tk-20142015-101-8``."""
    out = []
    for m in HANDELINGEN_RE.finditer(normalise_text(text or "")):
        year = normalise_vergaderjaar(m["year"])
        if year:
            chamber = "tk" if m["ch"] == "II" else "ek"
            out.append(f"h-{chamber}-{year.replace('-', '')}-{int(m['nr'])}-{int(m['item'])}")
    return out


def find_urls(text: str) -> list[str]:
    """URLs in ``text``, trailing punctuation stripped; ``www.`` ones get ``https://``."""
    urls = []
    for m in URL_RE.finditer(text or ""):
        url = m.group(0).rstrip(".,;:)]}'\"")
        if url.count("(") < url.count(")"):
            url = url.rstrip(")")
        if url.lower().startswith("www."):
            url = "https://" + url
        if "." in url.split("//", 1)[-1]:
            urls.append(url)
    return urls


def citation_identifiers(text: str) -> tuple[str, ...]:
    """Canonical identifiers of all citations in ``text``, deduplicated, in order."""
    return tuple(dict.fromkeys([c.identifier for c in parse_citations(text)] + parse_handelingen(text)))


def find_references(text: str) -> tuple[str, ...]:
    """Citation identifiers and URLs in ``text``, deduplicated, in order of kind then position."""
    return tuple(dict.fromkeys(citation_identifiers(text) + tuple(find_urls(text))))


def parse_identifier(identifier: str) -> KamerstukRef | None:
    """``kst-35300-VI-37`` -> ``KamerstukRef("35300-VI", "37")``; None if not a Kamerstuk identifier."""
    m = KST_ID_RE.fullmatch((identifier or "").strip())
    if not m:
        return None
    dossier = _dossier(m["d"], m["t"])
    if dossier is None:
        return None
    number = m["num"].upper() if m["num"].isalpha() else str(int(m["num"]))
    return KamerstukRef(dossier=dossier, number=number)
