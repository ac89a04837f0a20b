"""Metadata and footnotes of the four corpus documents: plain assertions and golden files.

Golden files ``tests/ingest/golden/metadata/<stem>.json`` are rewritten only with
``IMA_REGEN_GOLDEN=1``; ``test_golden_regeneration_is_off`` fails while the flag is set so
a regenerated run can never pass unnoticed. Pages come from a local splitter (the
pipeline's page stages are another module's concern): each page ends at its
"Pagina x van y" / Kamerstuk footer line, overlaid layers left in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from ima.domain.document import Extraction, SourceFormat
from ima.domain.metadata import Chamber, DocumentKind, DocumentMetadata, KamerstukRef, Signatory
from ima.domain.text import Line, Page
from ima.ingest.footnotes import extract_footnotes
from ima.ingest.metadata import parse_metadata

GOLDEN_DIR = Path(__file__).parent / "golden" / "metadata"
REGEN = os.environ.get("IMA_REGEN_GOLDEN") == "1"
_FOOTER = re.compile(r"^\s*P+a+g+i+n+a+\s+[\d\s]+v+a+n+\s+[\d\s]+$|^(?:Tweede|Eerste) Kamer, vergaderjaar")


def raw_pages(text: str) -> tuple[Page, ...]:
    pages, lines, pos = [], [], 0
    for raw in text.split("\n"):
        lines.append(Line(raw, pos, pos + len(raw)))
        pos += len(raw) + 1
        if _FOOTER.match(raw):
            pages.append(Page(len(pages) + 1, tuple(lines)))
            lines = []
    if lines:
        pages.append(Page(len(pages) + 1, tuple(lines)))
    return tuple(pages)


def parse(path: Path) -> DocumentMetadata:
    text = path.read_text(encoding="utf-8")
    pages = raw_pages(text)
    metadata = parse_metadata(Extraction(text=text, format=SourceFormat.TEXT), pages, source=str(path))
    _, footnotes = extract_footnotes(pages)
    return dataclasses.replace(metadata, footnotes=footnotes)


@pytest.fixture(scope="module")
def parsed(corpus_paths) -> dict[str, DocumentMetadata]:
    return {key: parse(path) for key, path in corpus_paths.items()}


def test_agreements_2020(parsed) -> None:
    m = parsed["agreements_2020"]
    assert m.kind is DocumentKind.LETTER
    assert m.addressee is Chamber.TWEEDE_KAMER
    assert m.date == dt.date(2020, 7, 10)
    assert m.kenmerk == "2971694"
    assert m.subject == m.title == ("Uitvoering motie Becker cs. over uitvoering van de regeerakkoordafspraken "
                                    "over migratieovereenkomsten")
    assert m.directorate == "Directoraat-Generaal Migratie"
    assert m.signatories == ()  # the extraction holds pages 1, 3, 5 and 7 of 8: the signature page is missing
    assert m.kamerstuk is None
    assert m.provenance["date"] == m.provenance["subject"] == "text"


def test_progress_2021(parsed) -> None:
    m = parsed["progress_2021"]
    assert m.kind is DocumentKind.LETTER
    assert m.addressee is Chamber.EERSTE_KAMER
    assert m.date == dt.date(2021, 1, 11)
    assert m.kenmerk == "3001668"
    assert m.subject == m.title == "Voortgang Integrale Migratieagenda"
    assert m.directorate == "Directoraat-Generaal Migratie"
    assert m.signatories == (Signatory("Ankie Broekers-Knol", "De Staatssecretaris van Justitie en Veiligheid"),)


def test_taskforce_2025(parsed) -> None:
    m = parsed["taskforce_2025"]
    assert m.kind is DocumentKind.LETTER
    assert m.date == dt.date(2025, 5, 23)
    assert m.signatories == (
        Signatory("M.H.M. Faber - van de Klashorst", "De Minister van Asiel en Migratie"),
        Signatory("Reinette Klever", "De Minister voor Buitenlandse Handel en Ontwikkelingshulp"),
    )
    # the scan shows no Onderwerp, kenmerk, addressee line or Directoraat-Generaal: nothing is invented;
    # the title falls back to the file name, and says so
    assert m.subject is None and m.kenmerk is None and m.addressee is None
    assert m.title == "Taskforce internationale migratie" and m.provenance["title"] == "file name"
    assert m.directorate is None


def test_kamerstuk_2395(parsed) -> None:
    m = parsed["kamerstuk_2395"]
    origin = "official:kst-19637-2395"
    assert m.kind is DocumentKind.PARLIAMENTARY_PAPER
    assert m.kamerstuk == KamerstukRef("19637", "2395", "2017-2018")
    assert m.kamerstuk.identifier == "kst-19637-2395"
    assert m.addressee is Chamber.TWEEDE_KAMER
    assert m.date == dt.date(2018, 6, 14)
    assert m.title == "Vreemdelingenbeleid; Migratiebeleid; Verslag van een schriftelijk overleg"
    assert m.signatories == (Signatory("Van Meenen", "De voorzitter van de commissie"),
                             Signatory("Tielens-Tripels", "Adjunct-griffier van de commissie"))
    assert m.provenance["kamerstuk"] == "text"
    assert m.provenance["date"] == m.provenance["title"] == m.provenance["signatories"] == origin
    assert [f.number for f in m.footnotes] == [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15]


# --- golden files -----------------------------------------------------------------------

def as_json(m: DocumentMetadata) -> dict:
    return {
        "kind": m.kind.value,
        "addressee": m.addressee.value if m.addressee else None,
        "date": m.date.isoformat() if m.date else None,
        "subject": m.subject,
        "title": m.title,
        "kenmerk": m.kenmerk,
        "directorate": m.directorate,
        "signatories": [{"name": s.name, "office": s.office} for s in m.signatories],
        "kamerstuk": ({"dossier": m.kamerstuk.dossier, "number": m.kamerstuk.number, "year": m.kamerstuk.year,
                       "identifier": m.kamerstuk.identifier} if m.kamerstuk else None),
        "footnotes": [{"number": f.number, "page": f.page, "text": f.text, "references": list(f.references),
                       "start": f.start, "end": f.end} for f in m.footnotes],
        "provenance": dict(sorted(m.provenance.items())),
    }


@pytest.mark.parametrize("key", ["agreements_2020", "progress_2021", "taskforce_2025", "kamerstuk_2395"])
def test_golden(key, parsed, corpus_paths) -> None:
    path = GOLDEN_DIR / f"{corpus_paths[key].name.split('.')[0]}.json"
    actual = as_json(parsed[key])
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with IMA_REGEN_GOLDEN=1"
    assert json.loads(path.read_text(encoding="utf-8")) == actual


def test_golden_regeneration_is_off() -> None:
    assert not REGEN, "IMA_REGEN_GOLDEN=1 rewrites the golden files: review them, then run again without it"
