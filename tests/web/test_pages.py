"""Every page renders as HTML and has a JSON twin with the same data (``.json`` and ``Accept``)."""

from __future__ import annotations

import pytest

TWINS = ["/", "/search?q=terugkeer", "/search?q=terugkeer&country=MAR&from=2020", "/documents", "/documents/1",
         "/documents/1?view=raw", "/country/MAR", "/pillar/4", "/ranking", "/ranking?weights=transit:1,origin:0,bilateral:0&samples=0", "/eu",
         "/eu?relocations=30000&eur=600000000&combine=and&pledges=NLD:1000:20000000", "/scenarios"]


def _json_path(path: str) -> str:
    base, _, query = path.partition("?")
    base = "/index" if base == "/" else base
    return base + ".json" + (f"?{query}" if query else "")


@pytest.mark.parametrize("path", TWINS)
def test_every_page_has_a_json_twin_with_the_same_data(client, path: str) -> None:
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    by_suffix = client.get(_json_path(path))
    by_accept = client.get(path, headers={"Accept": "application/json"})
    assert by_suffix.status_code == by_accept.status_code == 200
    assert by_suffix.headers["content-type"] == "application/json"
    assert by_suffix.json() == by_accept.json()
    assert f'href="{_json_path(path)}' in html.text.replace("&amp;", "&")


def test_home_lists_documents_and_pillars(client) -> None:
    data = client.get("/index.json").json()
    assert data["documents"] == 4 and len(data["recent"]) == 4
    assert data["recent"][0]["date"] == "2025-05-23"  # newest first
    assert [p["number"] for p in data["pillars"]] == [1, 2, 3, 4, 5, 6]


def test_search_hits_link_to_their_passage_and_page(client) -> None:
    data = client.get("/search.json", params={"q": "terugkeersamenwerking"}).json()
    assert data["hits"], data
    for hit in data["hits"]:
        assert hit["url"] == f"/documents/{hit['document_id']}#p{hit['passage']}"
        assert "\u27e6" in hit["snippet"]
    html = client.get("/search", params={"q": "terugkeersamenwerking"}).text
    assert "<mark>" in html and data["hits"][0]["url"] in html


def test_search_filters_narrow_the_hits(client) -> None:
    everything = client.get("/search.json", params={"q": "migratie"}).json()["hits"]
    only_2025 = client.get("/search.json", params={"q": "migratie", "from": "2025"}).json()["hits"]
    assert only_2025 and len(only_2025) < len(everything) or all(h["date"] >= "2025" for h in everything)
    assert all(h["date"] >= "2025-01-01" for h in only_2025)
    letters = client.get("/search.json", params={"q": "migratie", "kind": "parliamentary_paper"}).json()["hits"]
    assert {h["document_id"] for h in letters} == {4}
    party = client.get("/search.json", params={"q": "terugkeer", "party": "sp"}).json()
    assert party["filters"]["party"] == "SP" and all(h["document_id"] == 4 for h in party["hits"])


def test_search_pages_through_results(client) -> None:
    first = client.get("/search.json", params={"q": "migratie"}).json()
    assert first["more"] and len(first["hits"]) == 20
    second = client.get("/search.json", params={"q": "migratie", "page": 2}).json()
    keys = lambda hits: {(h["document_id"], h["passage"]) for h in hits}  # noqa: E731
    assert second["hits"] and not keys(first["hits"]) & keys(second["hits"])


def test_empty_query_shows_the_form_without_hits(client) -> None:
    data = client.get("/search.json").json()
    assert data["hits"] == [] and data["query"] == ""


def test_document_has_pages_passages_raw_text_and_repairs(client) -> None:
    data = client.get("/documents/3.json").json()
    assert data["document"]["title"] == "Taskforce internationale migratie"
    page = data["pages"][0]
    assert page["raw"] and page["passages"] and page["passages"][0]["url"].startswith("/documents/3#p")
    corrected = [r for r in page["repairs"] if r["kind"] == "corrected"]
    assert any(r["before"] == "Tunesié" and r["after"] == "Tunesië" for r in corrected)
    html = client.get("/documents/3").text
    assert 'class="repair corrected"' in html and 'id="toggle-raw"' in html and 'id="p0"' in html


def test_document_shows_motions_footnotes_and_hyphenation_joins(client) -> None:
    data = client.get("/documents/4.json").json()
    assert data["motions"] and data["commitments"] and data["metadata"]["footnotes"]
    assert data["repair_counts"]["joined"] > 100
    data1 = client.get("/documents/1.json").json()
    assert data1["repair_counts"]["removed"] >= 40  # letterhead, sidebar, footers


def test_country_page_groups_passages_by_pillar(client) -> None:
    data = client.get("/country/MAR.json").json()
    assert data["code"] == "MAR" and data["name"] == "Marokko" and data["passages"] >= 3
    assert sum(len(s["passages"]) for s in data["pillars"]) == data["passages"]
    assert all("Marok" in p["text"] or p["names"] for s in data["pillars"] for p in s["passages"])
    assert client.get("/country/Marokko.json").json()["code"] == "MAR"
    assert data["rank"]["rank"] <= data["rank"]["of"] and data["indicators"] and data["routes"]
    history = data["rank_history"]
    assert len(history) >= 5 and history[-1]["rank"] == data["rank"]["rank"]
    assert [h["year"] for h in history] == sorted(h["year"] for h in history)
    assert data["map"]["routes"] and data["returns"]


def test_pillar_page_runs_across_the_years(client) -> None:
    data = client.get("/pillar/4.json").json()
    assert data["name_nl"] == "Minder illegaliteit, meer terugkeer"
    assert {"2018", "2020", "2021", "2025"} <= set(data["passages_by_year"]) and data["year"] == 2025
    older = client.get("/pillar/4.json", params={"year": 2018}).json()
    assert [d["id"] for d in older["documents"]] == [4]
    assert older["documents"][0]["passages"] == data["passages_by_year"]["2018"]
    assert older["documents"][0]["motions"] and older["documents"][0]["commitments"]
    assert client.get("/pillar/4.json", params={"year": 1999}).status_code == 400


def test_english_by_switch_and_cookie(client) -> None:
    assert 'lang="nl"' in client.get("/").text
    english = client.get("/?lang=en")
    assert 'lang="en"' in english.text and "Search" in english.text
    assert 'lang="en"' in client.get("/documents").text  # the cookie keeps the choice


@pytest.mark.parametrize(("path", "status"), [("/documents/999", 404), ("/country/XYZ", 400),
                                              ("/country/XYZ.json", 400), ("/pillar/7.json", 422),
                                              ("/search.json?q=x&from=gisteren", 400),
                                              ("/search.json?q=x&kind=roman", 400)])
def test_bad_input_gets_a_clear_error(client, path: str, status: int) -> None:
    response = client.get(path, headers={"Accept": "application/json"})
    assert response.status_code == status
    assert response.json()["error"]
    html = client.get(path.replace(".json", ""), headers={"Accept": "text/html"})
    assert html.status_code == status and 'role="alert"' in html.text


def test_static_assets_are_served_from_the_package(client) -> None:
    assert client.get("/static/ima.css").status_code == 200
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert "viewport" in client.get("/").text  # phone-ready


def test_openapi_describes_the_json_twins_and_the_api(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/index.json", "/search.json", "/documents/{document_id}.json", "/country/{code}.json",
                 "/pillar/{number}.json", "/api/documents", "/api/session"):
        assert path in paths
    assert "post" in paths["/api/documents"]


def test_ranking_weights_change_the_order(client) -> None:
    base = client.get("/ranking.json", params={"samples": 0}).json()
    assert [c["rank"] for c in base["countries"]] == list(range(1, len(base["countries"]) + 1))
    assert abs(sum(g["weight"] for g in base["groups"]) - 1) < 1e-6
    transit = client.get("/ranking.json", params={"weights": "transit:1,origin:0,bilateral:0", "samples": 0}).json()
    origin = client.get("/ranking.json", params={"weights": "transit:0,origin:1,bilateral:0", "samples": 0}).json()
    order = lambda data: [c["iso3"] for c in data["countries"]]  # noqa: E731
    assert order(transit) != order(origin)
    first = transit["countries"][0]
    assert first["groups"].get("origin", 0) == 0 and abs(sum(first["groups"].values()) - first["score"]) < 1e-3


def test_ranking_explains_each_country_and_its_sensitivity(client) -> None:
    data = client.get("/ranking.json", params={"samples": 200}).json()
    top = data["countries"][0]
    assert {p["criterion"] for p in top["contributions"]} == {c["id"] for c in data["criteria"]}
    assert 0 <= top["p_top"] <= 1 and top["rank_low"] <= top["rank"] <= top["rank_high"] + 1
    html = client.get("/ranking").text
    assert 'type="range"' in html and f'href="/country/{top["iso3"]}"' in html


@pytest.mark.parametrize("weights", ["transit", "transit:x", "nothing:1", "transit:-1", "transit:inf"])
def test_ranking_rejects_bad_weights(client, weights: str) -> None:
    response = client.get("/ranking.json", params={"weights": weights})
    assert response.status_code == 400 and response.json()["error"]


def test_eu_pool_takes_the_users_inputs(client) -> None:
    data = client.get("/eu.json", params={"relocations": 30000, "eur": 600_000_000, "combine": "and",
                                          "pledges": "NLD:1000:20000000"}).json()
    assert data["summary"]["relocations"] == 30000
    assert sum(r["fair_share_relocations"] for r in data["pool"]) == 30000  # largest remainder: adds up
    nld = next(r for r in data["pool"] if r["state"] == "NLD")
    assert nld["pledged_relocations"] == 1000
    assert abs(sum(r["key"] for r in data["key"]) - 1) < 1e-9 and "DNK" not in {r["state"] for r in data["key"]}
    assert client.get("/eu.json", params={"pledges": "NLD:1 NLD:2"}).status_code == 400
