"""Document metadata: what a letter or Kamerstuk says about itself, and where each value came from.

``parse_metadata`` reads the text (pages after layer separation, furniture still in:
the sidebar and letterhead carry date, kenmerk, subject and addressee), then prefers
metadata the format carried (``Extraction.structured``, provenance ``"structured"``),
and fills what both lack from a recorded official record for an identified Kamerstuk
(provenance ``"official:<identifier>"``). Text wins over a record; a disagreement is
noted in the provenance.
"""

from __future__ import annotations

import datetime as dt

from ima.domain.document import Extraction
from ima.domain.metadata import DocumentKind, DocumentMetadata, KamerstukRef, Signatory
from ima.domain.text import Page
from ima.ingest.metadata.kamerstuk import find_title, kamerstuk_from_footer, kamerstuk_from_source, looks_like_paper
from ima.ingest.metadata.letter import find_addressee, find_directorate, find_kenmerk, find_letter_date, find_subject
from ima.ingest.metadata.official import load_record, record_fields
from ima.ingest.metadata.signatories import find_signatories
from ima.ingest.metadata.source_name import title_from_source
from ima.ingest.metadata.structured import structured_fields

__all__ = ["parse_metadata", "text_fields"]

FIELDS = ("kind", "title", "subject", "date", "addressee", "kenmerk", "directorate", "signatories", "kamerstuk")


def _lines(pages: tuple[Page, ...], extraction: Extraction | None) -> list[str]:
    lines = [line.text for page in pages for line in page.lines]
    if not lines and extraction is not None and extraction.text:
        lines = extraction.text.splitlines()
    return lines


def text_fields(lines: list[str], *, source: str = "") -> dict:
    """Every field the text itself gives (only those found)."""
    fields: dict = {}
    footer = kamerstuk_from_footer(lines)
    from_name = kamerstuk_from_source(source)
    if footer:
        fields["kamerstuk"], fields["addressee"] = footer
    elif from_name:
        fields["kamerstuk"] = from_name
    addressee = find_addressee(lines)
    if addressee:
        fields["addressee"] = addressee
    date = find_letter_date(lines)
    if date:
        fields["date"] = date
    for name, finder in (("kenmerk", find_kenmerk), ("subject", find_subject), ("directorate", find_directorate)):
        value = finder(lines)
        if value:
            fields[name] = value
    signatories = find_signatories(lines)
    if signatories:
        fields["signatories"] = signatories
    title = find_title(lines)
    # kind: a Kamerstuk footer/title/file name makes a parliamentary paper; letterhead makes a letter
    joined = "\n".join(lines[:400])
    letter_score = sum((
        3 * bool(addressee),
        2 * ("kenmerk" in fields),
        1 * ("subject" in fields),
        1 * any(l.lstrip().startswith("Datum") for l in lines[:400]),
        1 * ("Retouradres" in joined),
        2 * any(s.office and any(w in s.office for w in ("Minister", "Staatssecretaris")) for s in signatories),
        1 * ("uw Kamer" in "\n".join(lines)),
    ))
    paper_score = 3 * bool(footer) + 3 * bool(title) + 3 * bool(from_name) + looks_like_paper(lines)
    if footer or title or (from_name and paper_score >= letter_score):
        fields["kind"] = DocumentKind.PARLIAMENTARY_PAPER
    elif letter_score >= 3:
        fields["kind"] = DocumentKind.LETTER
    if title:
        fields["title"] = title
    elif fields.get("kind") is DocumentKind.LETTER and "subject" in fields:
        fields["title"] = fields["subject"]
    return fields


def _same(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.lower().split()) == " ".join(b.lower().split())
    if isinstance(a, KamerstukRef) and isinstance(b, KamerstukRef):
        return a.dossier == b.dossier and a.number == b.number and (a.year is None or b.year is None or a.year == b.year)
    if isinstance(a, tuple) and isinstance(b, tuple) and all(isinstance(x, Signatory) for x in a + b):
        return {s.name for s in a} == {s.name for s in b}
    return a == b


def _show(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "; ".join(s.name for s in value if isinstance(s, Signatory))
    return str(getattr(value, "value", value))


def parse_metadata(extraction: Extraction, pages: tuple[Page, ...], *, source: str) -> DocumentMetadata:
    """What the document says about itself: kind, addressee, date, subject, title, kenmerk,
    directorate, signatories and Kamerstuk identifier, each with its provenance."""
    lines = _lines(pages, extraction)
    values: dict = {}
    provenance: dict[str, str] = {}
    for name, value in text_fields(lines, source=source).items():
        values[name] = value
        provenance[name] = "text"

    structured = structured_fields(getattr(extraction, "structured", None) or {})
    issued = structured.pop("issued", None)
    for name, value in structured.items():
        if name == "signatories" and values.get("signatories"):
            offices = {s.name.lower(): s.office for s in values["signatories"]}
            value = tuple(Signatory(s.name, s.office or offices.get(s.name.lower())) for s in value)
        values[name] = value  # kind: a letter published as a Kamerstuk is a parliamentary paper
        provenance[name] = "structured"
    if "date" not in values and issued:
        values["date"] = issued
        provenance["date"] = "structured"

    ref: KamerstukRef | None = values.get("kamerstuk")
    record = load_record(ref.identifier) if ref else None
    if record is not None:
        origin = f"official:{ref.identifier}"
        for name, value in record_fields(record).items():
            if name not in values or values[name] in (None, (), ""):
                values[name] = value
                provenance[name] = origin
            elif name == "kamerstuk" and values[name].year is None and value.year and _same(values[name], value):
                values[name] = KamerstukRef(values[name].dossier, values[name].number, value.year)
                provenance[name] = f"{provenance[name]}; year from {origin}"
            elif name == "kind":
                continue
            elif not _same(values[name], value):
                provenance[name] = f"{provenance[name]} (conflicts with {origin}: {_show(value)})"
    if values.get("kind") is DocumentKind.PARLIAMENTARY_PAPER and "title" not in values and values.get("subject"):
        values["title"] = values["subject"]
        provenance["title"] = provenance["subject"]

    if not values.get("title"):
        fallback = title_from_source(source)
        if fallback:
            values["title"] = fallback
            provenance["title"] = "file name"

    kind = values.pop("kind", DocumentKind.OTHER)
    provenance.setdefault("kind", "text")
    return DocumentMetadata(kind=kind, provenance=provenance, **{k: v for k, v in values.items() if k in FIELDS})
