"""Exports say which pages a file holds and list the changes ima made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ima.services.demo import ingest_corpus
from ima.services.documents import get_document
from ima.services.export import PageInventory, export_document, inventory_sentence, page_inventory
from ima.store import Store


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "ima.sqlite3"
    with Store.open(f"sqlite:///{path}") as store:
        ids = {Path(o.path).name[:10]: o.document_id for o in ingest_corpus(store)}
        yield store, ids


@pytest.mark.parametrize(
    ("numbers", "total", "nl", "en"),
    [
        ((1, 3, 5, 7), 8, "Dit bestand bevat pagina 1, 3, 5 en 7 van 8; pagina 2, 4, 6 en 8 ontbreken.",
         "This file holds page 1, 3, 5 and 7 of 8; page 2, 4, 6 and 8 are missing."),
        ((2, 3, 4, 5), None, "Dit bestand bevat pagina 2–5.", "This file holds page 2–5."),
        ((1,), 2, "Dit bestand bevat pagina 1 van 2; pagina 2 ontbreekt.",
         "This file holds page 1 of 2; page 2 is missing."),
    ],
)
def test_inventory_sentence(numbers, total, nl, en) -> None:
    inv = PageInventory(numbers, total, ())
    assert inventory_sentence(inv, "nl") == nl
    assert inventory_sentence(inv, "en") == en


def test_progress_report_export_names_the_pages_it_holds(corpus_store) -> None:
    store, ids = corpus_store
    doc = get_document(store, ids["2021-01-11"])
    inv = page_inventory(doc)
    assert inv.numbers == (1, 3, 5, 7, 9, 11) and inv.total == 11 and inv.missing == (2, 4, 6, 8, 10)
    text = export_document(doc, "text")
    assert text.startswith("Dit bestand bevat pagina 1, 3, 5, 7, 9 en 11 van 11")
    headings = [line for line in text.splitlines() if line.startswith("[Pagina ")]
    assert headings == [f"[Pagina {n} van 11]" for n in (1, 3, 5, 7, 9, 11)]
    data = json.loads(export_document(doc, "json"))
    assert data["page_inventory"] == {"pages": [1, 3, 5, 7, 9, 11], "total": 11, "missing": [2, 4, 6, 8, 10],
                                      "estimated": []}


def test_ocr_letter_export_lists_the_corrections(corpus_store) -> None:
    store, ids = corpus_store
    doc = get_document(store, ids["2025-05-23"])
    data = json.loads(export_document(doc, "json"))
    afters = " ".join(c["after"] for c in data["corrections"])
    assert "Tunesië" in afters and "coördinatie" in afters
    markdown = export_document(doc, "markdown")
    assert "## Wijzigingen door ima" in markdown and "→" in markdown
    assert "## Changes made by ima" in export_document(doc, "markdown", "en")


def test_unknown_language_is_refused(corpus_store) -> None:
    store, ids = corpus_store
    with pytest.raises(ValueError, match="unknown language"):
        export_document(get_document(store, ids["2021-01-11"]), "text", "fr")
