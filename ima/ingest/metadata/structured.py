"""Metadata an XML/HTML loader found (officielebekendmakingen metadata names) as field values."""

from __future__ import annotations

from ima.domain.metadata import DocumentKind, KamerstukRef, Signatory
from ima.ingest.metadata.dates import normalise_vergaderjaar, parse_date
from ima.ingest.metadata.official import first_value, list_values, chamber_of
from ima.ingest.metadata.references import parse_identifier


def _get(structured: dict, *names: str):
    lowered = {str(k).lower(): v for k, v in structured.items()}
    for name in names:
        if name in structured:
            return structured[name]
        if name.lower() in lowered:
            return lowered[name.lower()]
    return None


def structured_fields(structured: dict) -> dict:
    """Field values from ``Extraction.structured`` (values str or list[str]); only those present."""
    if not isinstance(structured, dict) or not structured:
        return {}
    fields: dict = {}
    doc_title = first_value(_get(structured, "OVERHEIDop.documenttitel"))
    title = first_value(_get(structured, "DC.title")) or doc_title
    if title:
        fields["title"] = title.strip()
    ident = first_value(_get(structured, "DC.identifier", "DCTERMS.identifier"))
    ref = parse_identifier(ident) if ident else None
    dossiers = list_values(_get(structured, "OVERHEIDop.dossiernummer"))
    number = first_value(_get(structured, "OVERHEIDop.ondernummer"))
    year = normalise_vergaderjaar(first_value(_get(structured, "OVERHEIDop.vergaderjaar")) or "")
    if ref is None and dossiers and number:
        dossier = dossiers[0].replace(" ", "")
        ref = KamerstukRef(dossier=dossier, number=number.strip())
    if ref is not None:
        fields["kamerstuk"] = KamerstukRef(dossier=ref.dossier, number=ref.number, year=year)
        fields["kind"] = DocumentKind.PARLIAMENTARY_PAPER
    date = None
    for name in ("OVERHEIDop.datumBrief",):
        date = date or parse_date(first_value(_get(structured, name)) or "")
    if date:
        fields["date"] = date
    issued = parse_date(first_value(_get(structured, "DCTERMS.issued", "DCTERMS.available")) or "")
    if issued:
        fields["issued"] = issued  # publication date: used only when the text has no date
    chamber = chamber_of(first_value(_get(structured, "OVERHEIDop.ontvanger")))
    if chamber:
        fields["addressee"] = chamber
    names = [n.strip() for n in list_values(_get(structured, "OVERHEIDop.indiener")) if n and n.strip()]
    if names:
        fields["signatories"] = tuple(Signatory(name=n) for n in names)
    return fields
