"""Recorded official metadata for known publications (``ima/data/official/<identifier>.json``).

A record keeps the metadata.xml names (parliament-formats.md §2.4) under ``"metadata"``
and, under ``"page"``, values transcribed from the official page that metadata.xml has
no name for (the "Vastgesteld" date, the signature block, the chamber, the introduction).
``SOURCE.md`` in the same folder says where each record comes from.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from ima.domain.metadata import Chamber, DocumentKind, KamerstukRef, Signatory
from ima.ingest.metadata.dates import normalise_vergaderjaar, parse_date
from ima.ingest.metadata.references import parse_identifier

OFFICIAL_DIR = Path(__file__).resolve().parents[2] / "data" / "official"


@lru_cache(maxsize=256)
def _load(path: str) -> dict | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def load_record(identifier: str, directory: Path | None = None) -> dict | None:
    """The recorded official metadata for ``identifier`` (e.g. ``kst-19637-2395``), or None."""
    if not identifier or "/" in identifier or "\\" in identifier or identifier.startswith("."):
        return None
    path = (directory or OFFICIAL_DIR) / f"{identifier}.json"
    return _load(str(path)) if path.is_file() else None


def first_value(value) -> str | None:
    if isinstance(value, list):
        return str(value[0]) if value else None
    return str(value) if value not in (None, "") else None


def list_values(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def chamber_of(value: str | None) -> Chamber | None:
    """"Tweede Kamer der Staten-Generaal" -> Chamber.TWEEDE_KAMER (also "TK", "Eerste Kamer", "EK")."""
    if not value:
        return None
    v = value.lower()
    if "tweede kamer" in v or v.strip() in {"tk", "ii"}:
        return Chamber.TWEEDE_KAMER
    if "eerste kamer" in v or v.strip() in {"ek", "i"}:
        return Chamber.EERSTE_KAMER
    return None


def record_fields(record: dict) -> dict:
    """The DocumentMetadata field values a record supplies (only the ones it has)."""
    meta = record.get("metadata") or {}
    page = record.get("page") or {}
    fields: dict = {}
    identifier = record.get("identifier") or first_value(meta.get("DC.identifier"))
    ref = parse_identifier(identifier) if identifier else None
    dossiers = list_values(meta.get("OVERHEIDop.dossiernummer"))
    number = first_value(meta.get("OVERHEIDop.ondernummer"))
    year = normalise_vergaderjaar(first_value(meta.get("OVERHEIDop.vergaderjaar")) or "")
    if ref is None and dossiers and number:
        ref = KamerstukRef(dossier=dossiers[0], number=number)
    if ref is not None:
        fields["kamerstuk"] = KamerstukRef(dossier=ref.dossier, number=ref.number, year=year)
        fields["kind"] = DocumentKind.PARLIAMENTARY_PAPER
    doc_title = first_value(meta.get("OVERHEIDop.documenttitel"))
    dossier_titles = list_values(meta.get("OVERHEIDop.dossiertitel"))
    title = first_value(meta.get("DC.title"))
    if not title and doc_title:
        # the DC.title convention: "Dossiertitel; Documenttitel"
        title = "; ".join([*dossier_titles, doc_title])
    if title:
        fields["title"] = title
    subject = page.get("onderwerp")
    if subject:
        fields["subject"] = subject
    date: dt.date | None = None
    for key in ("OVERHEIDop.datumBrief",):
        date = date or parse_date(first_value(meta.get(key)) or "")
    date = date or parse_date(page.get("vastgesteld") or "")
    date = date or parse_date(first_value(meta.get("DCTERMS.issued")) or "")
    if date:
        fields["date"] = date
    chamber = chamber_of(first_value(meta.get("OVERHEIDop.ontvanger"))) or chamber_of(page.get("kamer"))
    if chamber:
        fields["addressee"] = chamber
    signatories = tuple(
        Signatory(name=s["naam"], office=s.get("functie")) for s in page.get("ondertekening") or [] if s.get("naam")
    ) or tuple(Signatory(name=n) for n in list_values(meta.get("OVERHEIDop.indiener")))
    if signatories:
        fields["signatories"] = signatories
    return fields
