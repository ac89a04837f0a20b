"""The partnership pages: dossier, index and package builder, as HTML and as JSON twins."""

from __future__ import annotations

import pytest

from tests.web.partnership_fixtures import client, own_app  # noqa: F401 (fixtures, used by name)


def test_partnerships_index_lists_the_dossier_countries(client) -> None:
    rows = client.get("/partnerships.json").json()["countries"]
    codes = {r["iso3"] for r in rows}
    assert {"TUN", "MAR", "TUR"} <= codes
    assert all(len(r["iso3"]) == 3 and r["state"] for r in rows)
    html = client.get("/partnerships").text
    assert 'href="/partnership/TUN"' in html and 'href="/packages/TUN"' in html


def test_partnership_dossier_json_has_every_part_with_sources(client) -> None:
    data = client.get("/partnership/TUN.json").json()
    assert data["iso3"] == "TUN" and data["name"] == "Tunesië"
    assert data["state"] in ("none", "dialogue", "arrangement", "agreement")
    for part in ("history", "agreements", "interests", "timeline", "instruments_in_use"):
        assert data[part], part
        assert all(item["source"]["cite"] for item in data[part]), part
    assert all(a["date"] for a in data["agreements"])
    assert {r["country"] for r in data["risks"]} == {"TUN"}
    assert all(isinstance(r["overdue"], bool) and r["level"] in ("high", "medium", "low") for r in data["risks"])
    # Passages link to the document pages of the record.
    assert data["passages"] and all(p["url"] == f"/documents/{p['document_id']}" for p in data["passages"])
    assert client.get(data["passages"][0]["url"]).status_code == 200


def test_partnership_page_in_dutch_and_english(client) -> None:
    nl = client.get("/partnership/MAR").text
    assert "Partnerschap: Marokko" in nl and "Akkoorden en afspraken" in nl and 'href="/documents/' in nl
    en = client.get("/partnership/Morocco?lang=en").text
    assert "Partnership: Morocco" in en and "Agreements and arrangements" in en
    # Accept header gives the twin on the page's own path.
    assert client.get("/partnership/MAR", headers={"Accept": "application/json"}).json()["iso3"] == "MAR"


def test_unknown_country_is_a_clear_error(client) -> None:
    response = client.get("/partnership/Atlantis.json")
    assert response.status_code == 400 and "unknown country" in response.json()["error"]
    assert client.get("/partnership/Atlantis").status_code == 400


def _order(data: dict) -> list[tuple[str, ...]]:
    return [tuple(p["instruments"]) for p in data["packages"]]


def test_packages_json_ranks_explains_and_measures_stability(client) -> None:
    data = client.get("/packages/MAR.json?objective=return&draws=100").json()
    rows = data["packages"]
    assert [p["rank"] for p in rows] == list(range(1, len(rows) + 1)) and len(rows) == 5
    assert all(a["score"] >= b["score"] for a, b in zip(rows, rows[1:]))
    assert all(p["explanation"] and p["names"] for p in rows)
    assert all(0 <= p["sensitivity"]["share_first"] <= 1 for p in rows)
    assert data["sensitivity"]["draws"] == 100 and "100" in data["summary"]
    assert data["weights"]["effect"] == 1.0 and data["candidates"] >= len(rows)
    assert all(j["default"] for j in data["judgements"])


def test_weights_in_the_query_rerank_the_packages(client) -> None:
    base = client.get("/packages/MAR.json?objective=return&draws=0").json()
    # Nothing but the budget counts: the cheapest packages come first.
    cheap = client.get("/packages/MAR.json?objective=return&draws=0&w_effect=0&w_trade=0&w_aid=0&w_security=0"
                       "&w_human-rights=0&w_climate=0&w_protection=0&w_relations=0&w_budget=2").json()
    assert cheap["weights"]["budget"] == 2 and cheap["weights"]["effect"] == 0
    assert _order(cheap) != _order(base)
    assert all(p["score"] == pytest.approx(-2 * p["costs"].get("budget", 0)) for p in cheap["packages"])


def test_an_effect_judgement_the_user_enters_is_shown_as_such_and_moves_the_ranking(client) -> None:
    base = client.get("/packages/MAR.json?objective=return&draws=0").json()
    best = base["packages"][0]
    overrides = "&".join(f"e_{i}=0-1" for i in best["instruments"])
    after = client.get(f"/packages/MAR.json?objective=return&draws=0&{overrides}").json()
    judged = {j["instrument"]: j for j in after["judgements"]}
    assert all(not judged[i]["default"] and (judged[i]["low"], judged[i]["high"]) == (0, 1)
               for i in best["instruments"])
    assert "user judgement" in judged[best["instruments"][0]]["source"]
    same = [p for p in after["packages"] if p["instruments"] == best["instruments"]]
    assert after["packages"][0]["instruments"] != best["instruments"] or same[0]["score"] < best["score"]


def test_less_for_less_mode_and_bad_input(client) -> None:
    data = client.get("/packages/TUR.json?objective=return&mode=less-for-less&draws=0").json()
    assert data["mode"] == "less-for-less" and data["packages"]
    bad_weight = client.get("/packages/MAR.json?w_luck=1")
    assert bad_weight.status_code == 400 and "unknown weight" in bad_weight.json()["error"]
    assert client.get("/packages/MAR.json?w_trade=lots").status_code == 400
    assert client.get("/packages/MAR.json?e_dialogue=2-9").status_code == 400
    assert client.get("/packages/MAR.json?objective=peace").status_code == 422


def test_package_builder_html_has_sliders_judgements_and_explanations(client) -> None:
    html = client.get("/packages/MAR?objective=return&lang=en").text
    assert 'data-weight="human-rights"' in html and 'name="lo_' in html and "/static/packages.js" in html
    assert 'id="packages-table"' in html and "Package 1" in html and "Not usable" in html


def test_the_new_pages_are_in_the_openapi_schema(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/partnerships.json", "/partnership/{code}.json", "/packages/{code}.json", "/risks.json",
                 "/risks/{risk_id}", "/budget.json", "/programmes.json", "/programmes/{ref}.json", "/audit.json",
                 "/audit/export"):
        assert path in paths, path


def test_every_word_the_new_templates_use_exists_in_both_languages() -> None:
    import re
    from pathlib import Path

    from ima.web.partnership_words import WORDS

    assert set(WORDS["nl"]) == set(WORDS["en"])
    folder = Path(__file__).resolve().parents[2] / "ima" / "web" / "templates"
    names = ("partnership", "partnerships", "packages", "risks", "budget", "programmes", "programme", "audit")
    used = {k for n in names for k in re.findall(r'\bw\("([a-z_]+)"(?!\s*~)', (folder / f"{n}.html").read_text())}
    assert used and used <= set(WORDS["nl"]), used - set(WORDS["nl"])
    # Words built from data: interests and weights, objectives, modes, states of cooperation.
    from ima.analysis.partnership.packages import DEFAULT_WEIGHTS
    from ima.domain.instruments import MODES, OBJECTIVES
    from ima.domain.partnership import COOPERATION_STATES, INTEREST_KINDS

    built = {f"k_{k}" for k in (*DEFAULT_WEIGHTS, *INTEREST_KINDS)} | {f"o_{o}" for o in OBJECTIVES} \
        | {f"m_{m}" for m in MODES} | {f"s_{s}" for s in COOPERATION_STATES}
    assert built <= set(WORDS["nl"]), built - set(WORDS["nl"])
