"""Flattening fact mentions into ``facts`` rows and reading them back.

One table holds every kind of mention: the columns are what queries select and
sort on (kind, key, value, unit), and ``payload`` keeps the rest, so a new
kind of mention needs no migration.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ima.domain.document import ParsedDocument
from ima.domain.record import FactRecord
from ima.domain.serial import to_plain

# Mention class name -> stored kind (new mention classes default to their lower-cased name).
KINDS = {"Amount": "money", "Count": "count", "Percentage": "percent", "DateMention": "date",
         "OrganisationMention": "organisation", "MotionMention": "motion", "CommitmentMention": "commitment",
         "KamerstukReference": "reference"}
COLUMNS = ("value", "low", "high", "unit", "qualifier", "period")
NUMERIC_KINDS = ("money", "count", "percent")


def kind_of(mention: Any) -> str:
    """The stored kind of a mention (country and region share a class, told apart by ``kind``)."""
    name = type(mention).__name__
    if name == "CountryMention":
        return mention.kind
    return KINDS.get(name, name.removesuffix("Mention").lower())


def key_of(mention: Any) -> str | None:
    """The value a query selects this mention by."""
    for attr in ("code", "id", "currency", "identifier", "iso", "unit_lemma", "due"):
        value = getattr(mention, attr, None)
        if value:
            return str(value)[:64]
    return None


def fact_rows(doc: ParsedDocument, document_id: int) -> list[dict[str, Any]]:
    """The ``facts`` rows of a parsed document."""
    page_of = {p.seq: p.page for p in doc.passages}
    rows = []
    for group in doc.facts:
        for mention in group.facts:
            data = to_plain(mention)
            span = data.pop("span", {"start": 0, "end": 0})
            row = {"document_id": document_id, "passage_seq": group.passage_seq,
                   "page": page_of.get(group.passage_seq, 0), "kind": kind_of(mention), "key": key_of(mention),
                   "text": str(data.pop("text", "")), "start": span["start"], "end": span["end"]}
            for column in COLUMNS:
                value = data.pop(column, None)
                row[column] = value if column in ("value", "low", "high") or value is None else str(value)
            if row["unit"] is None and row["kind"] == "money":
                row["unit"] = getattr(mention, "currency", None)
            row["payload"] = data
            rows.append(row)
    return rows


def fact_record(row: Any) -> FactRecord:
    """A :class:`FactRecord` from a ``facts`` row joined with its document and passage."""
    return FactRecord(
        document_id=row.document_id, title=row.title,
        date=dt.date.fromisoformat(row.date) if isinstance(row.date, str) else row.date, page=row.page,
        page_estimated=bool(row.page_estimated), passage_seq=row.passage_seq, kind=row.kind, key=row.key,
        value=row.value, low=row.low, high=row.high, unit=row.unit, qualifier=row.qualifier, period=row.period,
        text=row.text, start=row.start, end=row.end, passage=row.passage_text, payload=dict(row.payload or {}),
    )
