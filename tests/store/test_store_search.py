"""Full-text search, identical on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ima.domain.record import MARK_END, MARK_START

LETTER = [
    "Geachte voorzitter,\n\n"
    "De coördinatie van het migratiebeleid ligt bij de taskforce.\n\n"
    "Met Tunesië zijn afspraken gemaakt over terugkeer.\n",
    "De overeenkomsten met derde landen worden uitgebreid.\n\n"
    "Over terugkeersamenwerking met Marokko is overleg gevoerd.\n\n"
    "Minder illegaliteit, meer terugkeer blijft het doel.\n",
]
REPORT = [
    "Opvang in de regio wordt versterkt met steun aan UNHCR.\n\n"
    "De taskforce coördineert de inzet van het kabinet in Tunesie.\n",
]


@pytest.fixture
def filled(store, make_doc):
    letter = store.save(make_doc(LETTER, source="letter.txt", title="Migratieovereenkomsten",
                                 date=dt.date(2020, 7, 10))).document_id
    report = store.save(make_doc(REPORT, source="report.txt", title="Taskforce", date=dt.date(2025, 5, 23))).document_id
    return store, letter, report


def texts(hits):
    return [hit.text for hit in hits]


def test_diacritics_do_not_matter(filled):
    store, letter, _ = filled
    hits = store.search("coordinatie")
    assert [h.text for h in hits] == ["De coördinatie van het migratiebeleid ligt bij de taskforce."]
    assert {h.document_id for h in store.search("Tunesie")} == {letter, filled[2]}
    assert {h.document_id for h in store.search("TUNESIË")} == {letter, filled[2]}


def test_dutch_inflections_match(filled):
    store, letter, _ = filled
    assert texts(store.search("overeenkomst")) == ["De overeenkomsten met derde landen worden uitgebreid."]
    assert texts(store.search("land")) == ["De overeenkomsten met derde landen worden uitgebreid."]
    assert texts(store.search("terugkeersamenwerking")) == [
        "Over terugkeersamenwerking met Marokko is overleg gevoerd."]


def test_hits_carry_document_page_and_date(filled):
    store, letter, _ = filled
    [hit] = store.search("Marokko")
    assert (hit.document_id, hit.title, hit.date, hit.page, hit.page_estimated) == (
        letter, "Migratieovereenkomsten", dt.date(2020, 7, 10), 2, False)
    assert hit.passage_seq == 4
    document = store.document(letter)
    assert document.raw_text[hit.raw_start:hit.raw_end] == hit.text


def test_snippet_and_highlights_mark_the_match(filled):
    store, _, _ = filled
    [hit] = store.search("overeenkomst")
    assert hit.snippet == f"De {MARK_START}overeenkomsten{MARK_END} met derde landen worden uitgebreid."
    assert [hit.text[s:e] for s, e in hit.highlights] == ["overeenkomsten"]
    [hit] = store.search("coordinatie")
    assert [hit.text[s:e] for s, e in hit.highlights] == ["coördinatie"]


def test_phrase_queries(filled):
    store, _, _ = filled
    assert texts(store.search('"meer terugkeer"')) == ["Minder illegaliteit, meer terugkeer blijft het doel."]
    assert store.search('"terugkeer meer"') == []
    [hit] = store.search('"minder illegaliteit"')
    assert [hit.text[s:e] for s, e in hit.highlights] == ["Minder illegaliteit"]


def test_or_and_exclusion(filled):
    store, _, _ = filled
    assert set(texts(store.search("Marokko OR UNHCR"))) == {
        "Over terugkeersamenwerking met Marokko is overleg gevoerd.",
        "Opvang in de regio wordt versterkt met steun aan UNHCR.",
    }
    assert texts(store.search("terugkeer -Tunesië")) == ["Minder illegaliteit, meer terugkeer blijft het doel."]
    assert texts(store.search('taskforce -"het kabinet"')) == [
        "De coördinatie van het migratiebeleid ligt bij de taskforce."]
    assert store.search("-terugkeer") == []


def test_all_terms_are_required(filled):
    store, _, _ = filled
    assert texts(store.search("taskforce Tunesie")) == ["De taskforce coördineert de inzet van het kabinet in Tunesie."]


def test_ranking_prefers_passages_with_more_matches(store, make_doc):
    store.save(make_doc([
        "Terugkeer wordt besproken in een lange alinea over veel andere onderwerpen zoals opvang, "
        "integratie, arbeidsmigratie, studie, hervestiging en de begroting van het ministerie.\n\n"
        "Terugkeer, terugkeer en nog eens terugkeer: terugkeer staat centraal.\n"
    ]))
    hits = store.search("terugkeer")
    assert len(hits) == 2
    assert hits[0].text.startswith("Terugkeer, terugkeer")
    assert hits[0].score > hits[1].score


def test_only_current_versions_are_searched(store, make_doc):
    store.save(make_doc(["Eerste versie over Libië.\n"], source="a"))
    current = store.save(make_doc(["Tweede versie over Libië.\n"], source="a")).document_id
    assert [(h.document_id, h.text) for h in store.search("Libie")] == [(current, "Tweede versie over Libië.")]


def test_paging(store, make_doc):
    store.save(make_doc(["\n\n".join(f"Alinea {i} over migratie." for i in range(25)) + "\n"]))
    first, second = store.search("migratie", limit=10), store.search("migratie", limit=10, offset=10)
    assert len(first) == 10 and len(second) == 10
    assert not {h.passage_seq for h in first} & {h.passage_seq for h in second}
    assert len(store.search("migratie", limit=100)) == 25
    assert store.search("migratie", limit=0) == []


@pytest.mark.parametrize("query", [
    "", "   ", '"', '""', '"unbalanced', "OR", "OR OR", "-", "--", "- -x", "NEAR(a b)", "a AND", "AND OR NOT",
    "*", "te*", "^start", "col:umn", "a:b", "(", ")", "((a)", "a & b | !c", "'; DROP TABLE passages; --",
    "!!", "<->", "\\", "%", "_", "\x00", "😀", "ß", "中文", "a\"b\"c", "de het een", ":*", "a:*",
    "passages_fts", "{a b}", "+a", "NOT", "\"OR\"", "a OR", "OR a",
])
def test_malformed_queries_never_fail(filled, query):
    store, _, _ = filled
    hits = store.search(query)
    assert isinstance(hits, list)


def test_empty_and_meaningless_queries_have_no_hits(filled):
    store, _, _ = filled
    for query in ("", "  ", "!!!", "de het", '""', "OR"):
        assert store.search(query) == []


def test_negative_paging_is_rejected(store):
    with pytest.raises(ValueError):
        store.search("migratie", limit=-1)


# The filled store is only read, so sharing it across examples is safe.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text() | st.lists(st.sampled_from(['"', "-", "OR", "NEAR", "(", "*", ":", "!", "&", "terugkeer", "de",
                                              "Tunesië", " ", "'", "<->", "\\"])).map("".join))
def test_any_query_runs_on_the_database(filled, query):
    store, _, _ = filled
    for hit in store.search(query, limit=3):
        assert hit.snippet.count("\u27e6") == hit.snippet.count("\u27e7")
