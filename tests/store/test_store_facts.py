"""Facts are stored with their passage and found by kind, key and the country a passage is about."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from ima.domain.document import PassageFacts
from ima.domain.facts import Amount, CountryMention, Count, Facts, Span

PAGES = ["Samenwerking met Marokko: EUR 140 mln. voor grensbewaking.\n\nAlgemene tekst zonder land.",
         "Tunesië ontving circa 3.000 migranten terug."]


def with_facts(doc):
    first, second = doc.passages[0].text, doc.passages[2].text
    morocco = Facts(countries=(CountryMention("MAR", "Marokko", "country", Span(17, 24)),),
                    amounts=(Amount("EUR", Decimal("140000000"), "EUR 140 mln.", Span(26, 38), scale="mln."),))
    tunisia = Facts(countries=(CountryMention("TUN", "Tunesië", "country", Span(0, 7)),),
                    counts=(Count(Decimal("3000"), "circa 3.000 migranten", Span(16, 37), unit="migranten",
                                  unit_lemma="migrant", qualifier="circa"),))
    assert first[17:24] == "Marokko" and first[26:38] == "EUR 140 mln." and second[16:37] == "circa 3.000 migranten"
    return dataclasses.replace(doc, facts=(PassageFacts(0, morocco), PassageFacts(2, tunisia)))


def test_facts_round_trip_with_page_and_passage(store, make_doc):
    outcome = store.save(with_facts(make_doc(PAGES)))
    assert store.counts()["facts"] == 4
    [money] = store.facts(kinds=("money",))
    assert (money.document_id, money.page, money.passage_seq) == (outcome.document_id, 1, 0)
    assert (money.value, money.unit, money.key, money.text) == (140_000_000.0, "EUR", "EUR", "EUR 140 mln.")
    assert money.passage[money.start:money.end] == "EUR 140 mln."
    assert money.payload["scale"] == "mln."
    [count] = store.facts(kinds=("count",))
    assert (count.value, count.unit, count.qualifier, count.page) == (3000.0, "migranten", "circa", 2)


def test_facts_about_a_country_are_those_in_its_passages(store, make_doc):
    store.save(with_facts(make_doc(PAGES)))
    about_morocco = store.facts(kinds=("money", "count"), about="MAR")
    assert [f.text for f in about_morocco] == ["EUR 140 mln."]
    assert [f.text for f in store.facts(kinds=("money", "count"), about="TUN")] == ["circa 3.000 migranten"]
    assert store.facts(kinds=("country",), key="MAR")[0].passage.startswith("Samenwerking met Marokko")


def test_facts_of_old_versions_are_not_listed(store, make_doc):
    store.save(with_facts(make_doc(PAGES)))
    store.save(make_doc(PAGES + ["Bijlage"]))
    assert store.facts(kinds=("money",)) == []
    assert store.counts()["facts"] == 4


def test_search_filters_on_country_kind_and_date(store, make_doc):
    import datetime as dt

    from ima.domain.metadata import DocumentKind
    from ima.domain.record import SearchFilters

    store.save(with_facts(make_doc(PAGES)))
    store.save(make_doc(["Terugkeer en grensbewaking in het algemeen."], source="paper.txt",
                        kind=DocumentKind.PARLIAMENTARY_PAPER, date=dt.date(2018, 6, 14)))
    assert len(store.search("grensbewaking")) == 2
    [hit] = store.search("grensbewaking", filters=SearchFilters(country="MAR"))
    assert hit.text.startswith("Samenwerking met Marokko")
    assert store.search("grensbewaking", filters=SearchFilters(country="TUN")) == []
    [paper] = store.search("grensbewaking", filters=SearchFilters(kind="parliamentary_paper"))
    assert paper.date == dt.date(2018, 6, 14)
    [recent] = store.search("grensbewaking", filters=SearchFilters(date_from=dt.date(2019, 1, 1)))
    assert recent.date == dt.date(2020, 7, 10)


def test_passage_pillars_are_stored_and_filter_search_and_facts(store, make_doc):
    from ima.domain.document import PassagePillar
    from ima.domain.record import SearchFilters

    doc = dataclasses.replace(with_facts(make_doc(PAGES)),
                              pillars=(PassagePillar(0, 1, 0.8), PassagePillar(2, 4, 0.9), PassagePillar(2, 1, 0.5)))
    outcome = store.save(doc)
    assert store.counts()["passage_pillars"] == 3
    assert store.passage_pillars([outcome.document_id]) == {(outcome.document_id, 0): [1],
                                                            (outcome.document_id, 2): [1, 4]}
    [hit] = store.search("migranten", filters=SearchFilters(pillar=4))
    assert hit.passage_seq == 2
    assert store.search("grensbewaking", filters=SearchFilters(pillar=4)) == []
    assert [f.text for f in store.facts(kinds=("money", "count"), pillar=1)] == ["EUR 140 mln.", "circa 3.000 migranten"]
    assert [f.text for f in store.facts(kinds=("money", "count"), pillar=4)] == ["circa 3.000 migranten"]


def test_facts_of_given_passages_are_found_through_the_index_not_a_scan(sqlite_url, make_doc):
    """A dossier page asks for the facts of a few passages; SQLite must search the (document, passage)
    index for them. With the row-value IN alone it scanned every fact of the record (36 ms on 2,000
    documents for ten passages)."""
    from sqlalchemy import event

    from ima.store import Store
    from ima.store.passage_facts import facts_in_passages

    with Store.open(sqlite_url) as store:
        ids = [store.save(with_facts(make_doc(PAGES, source=f"d{i}.txt", salt=str(i)))).document_id
               for i in range(3)]
        seen: list[tuple[str, object]] = []
        engine = store._engine  # the statement is captured as the driver sees it
        listener = lambda *args: seen.append((args[2], args[3]))  # noqa: E731 (conn, cursor, statement, params, ...)
        event.listen(engine, "before_cursor_execute", listener)
        try:
            with store.snapshot() as connection:
                found = facts_in_passages(connection, [(ids[0], 0), (ids[2], 2)])
                statement, params = next((s, p) for s, p in seen if "FROM facts" in s)
                plan = " | ".join(row[3] for row in connection.exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + statement, params))
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        assert [(f.document_id, f.kind) for f in found] == [(ids[0], "country"), (ids[0], "money"),
                                                            (ids[2], "country"), (ids[2], "count")]
        assert "SCAN facts" not in plan and "SEARCH facts USING INDEX" in plan, plan
