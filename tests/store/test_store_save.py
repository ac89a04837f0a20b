"""Saving documents: new, unchanged and new-version semantics, atomicity, read-back."""

from __future__ import annotations

import datetime as dt

import pytest

import ima.store.repository as repository
from ima.domain.document import IngestStatus
from ima.domain.metadata import Chamber, DocumentKind, KamerstukRef
from ima.domain.record import RemovedLine
from ima.store import DocumentNotFound, Store

PAGES = ["Geachte voorzitter,\n\nDe coördinatie van migratie.\n", "Met vriendelijke groet,\n\nDe minister\n"]


def test_new_document_is_stored_with_all_rows(store, make_doc):
    doc = make_doc(PAGES)
    outcome = store.save(doc)
    assert outcome.status is IngestStatus.NEW
    assert (outcome.path, outcome.title, outcome.date, outcome.pages, outcome.version, outcome.encoding) == (
        "letter.txt", "Brief", "2020-07-10", 2, 1, "utf-8")
    assert store.counts() == {"documents": 1, "signatories": 2, "footnotes": 1, "pages": 2, "passage_pillars": 0,
                              "passages": len(doc.passages), "stage_outputs": 2, "facts": 0}


def test_same_content_is_unchanged_and_writes_nothing(store, make_doc):
    first = store.save(make_doc(PAGES))
    before = store.counts()
    again = store.save(make_doc(PAGES, source="elsewhere/letter.txt"))
    assert again.status is IngestStatus.UNCHANGED
    assert (again.document_id, again.version, again.title, again.pages) == (first.document_id, 1, "Brief", 2)
    assert again.path == "elsewhere/letter.txt"
    assert store.counts() == before


def test_changed_content_of_a_source_is_a_new_version(store, make_doc):
    first = store.save(make_doc(PAGES))
    second = store.save(make_doc(PAGES + ["Bijlage\n"], title="Brief (herzien)"))
    assert second.status is IngestStatus.NEW_VERSION
    assert second.version == 2 and second.document_id != first.document_id
    assert [d.id for d in store.documents()] == [second.document_id]
    everything = store.documents(all_versions=True)
    assert [(d.version, d.is_current) for d in everything] == [(1, False), (2, True)]
    stored = store.document(first.document_id)
    assert [v.version for v in stored.versions] == [1, 2]
    assert store.counts()["documents"] == 2
    third = store.save(make_doc(PAGES, salt="3"))
    assert third.version == 3
    assert [d.version for d in store.documents()] == [3]


def test_find_by_hash(store, make_doc):
    doc = make_doc(PAGES)
    assert store.find_by_hash(doc.content_hash) is None
    outcome = store.save(doc)
    found = store.find_by_hash(doc.content_hash)
    assert found is not None and found.id == outcome.document_id
    assert found.content_hash == doc.content_hash and found.is_current and found.format == "text"
    assert found.ingested_at.tzinfo is not None
    assert abs(found.ingested_at - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)


def test_document_round_trips(store, make_doc):
    doc = make_doc(PAGES, removed=True)
    stored = store.document(store.save(doc).document_id)
    assert stored.summary.title == "Brief" and stored.summary.kind is DocumentKind.LETTER
    assert stored.summary.date == dt.date(2020, 7, 10) and stored.summary.pages == 2
    assert stored.raw_text == doc.raw_text
    meta = stored.metadata
    assert meta.addressee is Chamber.TWEEDE_KAMER
    assert meta.kamerstuk == KamerstukRef("19637", "2395", "2017-2018")
    assert meta.signatories == doc.metadata.signatories
    assert meta.footnotes == doc.metadata.footnotes
    assert meta.provenance == {"title": "text", "date": "text"}
    assert [p.text for p in stored.pages] == [p.text for p in doc.pages]
    assert [p.estimated for p in stored.pages] == [False, True]
    assert [(p.raw_start, p.raw_end) for p in stored.pages] == [(p.start, p.end) for p in doc.pages]
    assert stored.pages[0].removed == (RemovedLine("Pagina 1", "page number", 0, 0),)
    assert stored.passages == doc.passages
    assert [s.name for s in stored.stages] == ["extract", "passages"]
    assert stored.stages[0].details == {"format": "text", "lines": [1, 2]}
    assert stored.versions == (stored.summary,)


def test_a_document_read_without_stage_texts_keeps_everything_else(store, make_doc):
    document_id = store.save(make_doc(PAGES, removed=True)).document_id
    full, light = store.document(document_id), store.document(document_id, stage_texts=False)
    assert [s.text for s in full.stages] != ["", ""] and [s.text for s in light.stages] == ["", ""]
    assert [(s.name, s.details) for s in light.stages] == [(s.name, s.details) for s in full.stages]
    assert (light.summary, light.metadata, light.pages, light.passages, light.raw_text, light.versions) == \
        (full.summary, full.metadata, full.pages, full.passages, full.raw_text, full.versions)


def test_missing_document_raises_a_clear_error(store):
    with pytest.raises(DocumentNotFound, match="no document with id 42"):
        store.document(42)
    with pytest.raises(KeyError):
        store.document(42)


def test_documents_are_ordered_by_date_then_id(store, make_doc):
    late = store.save(make_doc(["b\n"], source="b", date=dt.date(2021, 1, 1))).document_id
    undated = store.save(make_doc(["c\n"], source="c", date=None)).document_id
    early = store.save(make_doc(["a\n"], source="a", date=dt.date(2019, 1, 1))).document_id
    assert [d.id for d in store.documents()] == [early, late, undated]


def test_a_failure_midway_leaves_nothing(store, make_doc, monkeypatch):
    store.save(make_doc(["Eerder document\n"], source="other"))
    before = store.counts()
    real_insert = repository._insert
    written = []

    def failing_insert(connection, table, values):
        real_insert(connection, table, values)
        written.append(table)
        if table == "pages":
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(repository, "_insert", failing_insert)
    doc = make_doc(PAGES)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.save(doc)
    assert "pages" in written
    monkeypatch.undo()
    assert store.counts() == before
    assert store.find_by_hash(doc.content_hash) is None
    assert store.save(doc).status is IngestStatus.NEW


def test_a_database_error_midway_leaves_nothing_and_keeps_the_old_version_current(store, make_doc):
    old = store.save(make_doc(PAGES))
    before = store.counts()
    doc = make_doc(PAGES, salt="v2")
    broken = type(doc)(**{**{f: getattr(doc, f) for f in doc.__slots__}, "passages": doc.passages + doc.passages[:1]})
    with pytest.raises(Exception):  # duplicate passage seq violates a unique constraint
        store.save(broken)
    assert store.counts() == before
    assert [d.id for d in store.documents()] == [old.document_id]


def test_going_back_to_earlier_content_makes_that_version_current(store, make_doc):
    first = store.save(make_doc(PAGES))
    second = store.save(make_doc(PAGES + ["Bijlage\n"]))
    back = store.save(make_doc(PAGES))
    assert back.status is IngestStatus.NEW_VERSION
    assert back.document_id == first.document_id and back.version == 1
    assert [d.id for d in store.documents()] == [first.document_id]
    assert {(d.id, d.is_current) for d in store.documents(all_versions=True)} == {
        (first.document_id, True), (second.document_id, False)}
    assert store.counts()["documents"] == 2
    again = store.save(make_doc(PAGES))
    assert again.status is IngestStatus.UNCHANGED


def test_open_applies_migrations_and_upgrade_is_harmless(store_url):
    from ima.store.migrate import head_revision

    with Store.open(store_url, upgrade=False) as fresh:
        assert fresh.revision() is None
    with Store.open(store_url) as opened:
        assert opened.revision() == head_revision()
        opened.upgrade()
        opened.upgrade()
        assert opened.revision() == head_revision()
    with Store.open(store_url) as reopened:
        assert reopened.revision() == head_revision()
        assert reopened.counts()["documents"] == 0


def test_nul_characters_are_stored_without_moving_offsets(store, make_doc):
    doc = make_doc(["Tekst met\x00een NUL over migratie.\n"], title="Titel\x00")
    stored = store.document(store.save(doc).document_id)
    assert stored.raw_text == doc.raw_text.replace("\x00", "\ufffd")
    assert len(stored.raw_text) == len(doc.raw_text)
    assert stored.summary.title == "Titel\ufffd"
    assert store.search("migratie")[0].text == "Tekst met\ufffdeen NUL over migratie."


def test_concurrent_saves(store_url, make_doc):
    from concurrent.futures import ThreadPoolExecutor

    docs = [make_doc([f"Document {i} over terugkeer.\n"], source=f"doc{i}.txt") for i in range(12)]
    stores = [Store.open(store_url) for _ in range(3)]
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            outcomes = list(pool.map(lambda pair: stores[pair[0] % 3].save(pair[1]), enumerate(docs + docs)))
        statuses = [o.status for o in outcomes]
        assert statuses.count(IngestStatus.NEW) == 12 and statuses.count(IngestStatus.UNCHANGED) == 12
        assert stores[0].counts()["documents"] == 12
    finally:
        for opened in stores:
            opened.close()


def test_sqlite_fulltext_index_follows_the_passages(sqlite_url, make_doc):
    from sqlalchemy import text

    with Store.open(sqlite_url) as store:
        gone = store.save(make_doc(["Over Libië.\n"], source="a")).document_id
        store.save(make_doc(["Ook over Libië.\n"], source="b"))
        with store._engine.begin() as connection:
            connection.execute(text("DELETE FROM documents WHERE id = :id"), {"id": gone})
            connection.execute(text("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')"))
        assert [h.text for h in store.search("libie")] == ["Ook over Libië."]
        assert store.counts()["passages"] == 1
