"""Organisations: UN agencies, EU bodies and funds, Dutch ministries and migration services.

The list is ``ima/data/organisations.csv`` (id, alias, note), curated by hand
because no library knows the Dutch names and acronyms of the migration chain
(``DT&V``, ``DTenV``, ``KMar``). Acronyms match with their exact case (the
:class:`~.gazetteer.Gazetteer` rule), full names case- and accent-tolerantly.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from ima.domain.facts import OrganisationMention, Span
from ima.ingest.extraction.gazetteer import Gazetteer

ORGANISATIONS = Path(__file__).resolve().parents[2] / "data" / "organisations.csv"
#: "Commissie van Advies ...", "Commissie voor ..." are other committees than the European Commission
_NOT_FOLLOWED_BY = {"Commissie": r"\s+(?:van|voor)\b|-"}


def organisation_aliases() -> list[tuple[str, str, str]]:
    """Rows of ``ima/data/organisations.csv``: id, alias, note."""
    with ORGANISATIONS.open(encoding="utf-8", newline="") as handle:
        return [(r["id"], r["alias"], r["note"] or "") for r in csv.DictReader(handle)]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer[str]:
    """The organisation gazetteer, built once."""
    return Gazetteer(((alias, org_id) for org_id, alias, _ in organisation_aliases()),
                     not_followed_by=_NOT_FOLLOWED_BY)


def extract_organisations(text: str) -> list[OrganisationMention]:
    """Every organisation named in ``text``, in order."""
    return [OrganisationMention(hit.value, text[hit.start:hit.end], Span(hit.start, hit.end))
            for hit in gazetteer().find(text)]
