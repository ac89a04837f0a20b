"""Replacing what was derived from a stored document: one transaction, same version, same bytes."""

from __future__ import annotations

import dataclasses

import pytest

from ima.domain.document import SourceFormat

PAGES = ["Eerste pagina over terugkeer.\n\nTweede alinea.", "Tweede pagina over opvang."]


def test_replace_derived_keeps_version_and_swaps_parts(store, make_doc):
    doc = make_doc(PAGES)
    outcome = store.save(doc)
    fewer = dataclasses.replace(doc, passages=doc.passages[:1])
    store.replace_derived(outcome.document_id, fewer)
    stored = store.document(outcome.document_id)
    assert [p.text for p in stored.passages] == [doc.passages[0].text]
    assert stored.summary.version == 1 and stored.summary.content_hash == doc.content_hash
    assert store.counts()["passages"] == 1
    assert [h.passage_seq for h in store.search("terugkeer")] == [0]
    assert store.search("opvang") == []


def test_replace_derived_refuses_other_content(store, make_doc):
    outcome = store.save(make_doc(PAGES))
    before = store.counts()
    with pytest.raises(ValueError, match="other content"):
        store.replace_derived(outcome.document_id, make_doc(PAGES, salt="x"))
    assert store.counts() == before


def test_stored_extraction_round_trips(store, make_doc):
    doc = make_doc(PAGES)
    outcome = store.save(doc)
    extraction = store.extraction(outcome.document_id)
    assert extraction.text == doc.extraction.text and extraction.format is SourceFormat.TEXT
    assert extraction.encoding == "utf-8" and extraction.warnings == ("demo",)
