"""The paged dossier of the web app says the same as ``country_dossier``, a page at a time."""

from __future__ import annotations

import pytest

from ima.services.country_pages import country_page, dossier_page
from ima.services.knowledge import country_dossier
from ima.services.route_map import route_map
from ima.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory, corpus_dir) -> Store:
    from ima.services.ingest import IngestSettings, ingest_paths

    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('dossier') / 'ima.sqlite3'}")
    list(ingest_paths(store, [corpus_dir], IngestSettings()))
    yield store
    store.close()


def _rows(documents) -> list[tuple]:
    return sorted((p.document_id, p.passage_seq, p.page, tuple(p.names), tuple(p.pillars),
                   tuple((f.kind, f.start) for f in p.figures)) for d in documents for p in d.passages)


@pytest.mark.parametrize("code", ["MAR", "TUN", "LBY", "sahel", "Turkije"])
@pytest.mark.parametrize("per_page", [1, 2, 10])
def test_pages_together_hold_the_whole_dossier(store: Store, code: str, per_page: int) -> None:
    _, whole = country_dossier(store, code)
    first = dossier_page(store, code, 1, per_page)
    pages = [first] + [dossier_page(store, code, n, per_page) for n in range(2, first.pages + 1)]
    assert _rows(d for p in pages for d in p.documents) == _rows(whole)
    assert first.documents_total == len(whole)
    assert first.passages_total == sum(len(d.passages) for d in whole) == sum(first.passages_by_year.values())
    dates = [d.date for p in pages for d in p.documents]
    assert [x for x in dates if x] == sorted((x for x in dates if x), reverse=True)  # newest first


def test_a_page_beyond_the_end_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        dossier_page(store, "MAR", 99)


def test_country_page_adds_indicators_routes_rank_and_map(store: Store) -> None:
    page = country_page(store, "MAR")
    assert page.indicators and page.rank is not None and page.ranked_of >= page.rank.rank
    assert {u.route.id for u in page.routes if u.role} >= {"western_mediterranean"}
    assert page.route_map["routes"] and any(c["role"] == "self" for c in page.route_map["countries"])
    region = country_page(store, "sahel")
    assert region.indicators == [] and region.route_map == {}


def test_route_map_cells_are_valid_coordinates() -> None:
    from ima.analysis import indicators as ind

    data = route_map("LBY", ind.routes_for("LBY"))
    ids = [r["id"] for r in data["routes"]]
    assert "central_mediterranean" in ids and "sahara" in ids
    for route in data["routes"]:
        for lat, lon, dead in route["incidents"]:
            assert -90 <= lat <= 90 and -180 <= lon <= 180 and dead >= 0
