"""Numbers for people (``ima.cli.numbers``) and their use in the country-analytics tables: Dutch
digit grouping and decimal comma by default, English with ``--lang en``, JSON untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ima.cli import numbers as nums
from ima.cli.app import app

runner = CliRunner()


@pytest.mark.parametrize(("call", "nl", "en"), [
    (lambda lang: nums.number(83_516_593, lang), "83.516.593", "83,516,593"),
    (lambda lang: nums.number(1234.5, lang, 1), "1.234,5", "1,234.5"),
    (lambda lang: nums.number(None, lang), "", ""),
    (lambda lang: nums.percent(0.218, lang), "21,8%", "21.8%"),
    (lambda lang: nums.percent(0.21816, lang, 3), "21,816%", "21.816%"),
    (lambda lang: nums.change(-0.404, lang), "-40%", "-40%"),
    (lambda lang: nums.change(1.39, lang), "+139%", "+139%"),
    (lambda lang: nums.money(288_293_500, "EUR", lang), "EUR 288,3 mln", "EUR 288.3 mn"),
    (lambda lang: nums.money(4_456_081_016_706, "USD", lang), "USD 4.456,1 mld", "USD 4,456.1 bn"),
    (lambda lang: nums.money(3742, "USD", lang), "USD 3.742", "USD 3,742"),
    (lambda lang: nums.decimal(0.7312, lang), "0,731", "0.731"),
    (lambda lang: nums.smart(0.0864, lang), "0,0864", "0.0864"),
    (lambda lang: nums.smart(63_877.0, lang), "63.877", "63,877"),
])
def test_formats_hand_checked(call, nl: str, en: str) -> None:
    assert call("nl") == nl and call("en") == en


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_dutch_and_english_grouping_read_back_to_the_same_number(value: int) -> None:
    assert int(nums.number(value, "nl").replace(".", "")) == value
    assert int(nums.number(value, "en").replace(",", "")) == value


@pytest.mark.parametrize(("source", "label"), [
    ("Frontex FRAN monthly detections of IBC (data as of 3 Jun 2025) via iom/gdidata", "Frontex FRAN monthly…"),
    ("Eurostat migr_asyappctza via iom/gdidata", "Eurostat migr_asyappctza"),
    ("World Bank WDI SP.POP.TOTL", "World Bank WDI…"),
    ("ima curated (ima/data/ranking/bilateral.csv)", "ima curated"),
    ("UNHCR", "UNHCR"),
])
def test_source_labels_are_short_and_cut_at_words(source: str, label: str) -> None:
    assert nums.source_label(source) == label and len(nums.source_label(source)) <= 24


def test_legend_gives_each_shortened_source_once() -> None:
    lines = nums.source_legend(["World Bank WDI SP.POP.TOTL", "World Bank WDI NY.GDP.MKTP.CD", "UNHCR",
                                "World Bank WDI SP.POP.TOTL"], "en")
    assert lines == ["Sources:", "  World Bank WDI…: World Bank WDI SP.POP.TOTL; World Bank WDI NY.GDP.MKTP.CD"]
    assert nums.source_legend(["UNHCR"]) == []


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ima.sqlite3'}"


@pytest.fixture(autouse=True)
def width_110():
    """Render at 110 columns, whatever the terminal (or the xdist worker) says."""
    from ima.cli.output import console

    before = console._width
    console.width = 110
    yield
    console._width = before


def _out(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_eu_key_table_formats_the_dutch_way_and_json_keeps_numbers() -> None:
    nl, en = _out("eu", "key", "--year", "2024"), _out("eu", "key", "--year", "2024", "--lang", "en")
    assert "83.516.593" in nl and "21,816%" in nl and "USD 4.456,1 mld" in nl
    assert "83,516,593" in en and "21.816%" in en and "USD 4,456.1 bn" in en
    rows = json.loads(_out("eu", "key", "--year", "2024", "--json"))
    assert rows[0]["population"] == 83_516_593 and isinstance(rows[0]["key"], float)


def test_replay_and_pool_tables_in_both_languages() -> None:
    nl = _out("eu", "replay", "--from", "2014", "--to", "2016")
    assert "825.821" in nl and "EUR 206,5 mld" in nl
    en = _out("eu", "pool", "--relocations", "21000", "--eur", "420000000", "--combine", "or", "--lang", "en")
    assert "21,000 relocations" in en and "EUR 420,000,000" in en


def test_dossier_table_fits_110_columns_with_short_sources_and_a_legend(db: str) -> None:
    out = _out("--db", db, "country", "MAR")
    assert "Marokko (MAR)" in out and "38.081.173" in out and "EUR 288,3 mln" in out
    table = out[:out.index("Bronnen:")]
    assert "gdidata" not in table and "migr_asyappctza" in table
    assert "Eurostat migr_asyappctza via iom/gdidata" in " ".join(out[out.index("Bronnen:"):].split())
    assert max(len(line) for line in out.splitlines()) <= 110
    en = _out("--db", db, "country", "MAR", "--lang", "en")
    assert "Morocco (MAR)" in en and "38,081,173" in en and "Sources:" in en


def test_dossier_shows_where_refugees_live(db: str) -> None:
    out = " ".join(_out("--db", db, "country", "ERI", "--year", "2020").split())
    assert "Vluchtelingen uit het land verblijven vooral in (2020): Ethiopië 181.091 (35%)" in out
    rows = [json.loads(line) for line in _out("--db", db, "country", "ERI", "--year", "2020", "--json").splitlines()]
    hosts = [r for r in rows if r["section"] == "refugee_host"]
    assert hosts[0]["host"] == "ETH" and hosts[0]["refugees"] == 181_091 and hosts[0]["source"].startswith("UNHCR")


def test_rank_and_returns_tables_in_dutch() -> None:
    rank = _out("rank", "--year", "2019", "--top", "5", "--samples", "200")
    assert "0,8" in rank and "transit = (a) Transitland" in " ".join(rank.split())
    returns = _out("returns", "--country", "MAR")
    assert "1.420" in returns and "20% (36%)" in returns and "dialoog" in returns and "handel" in returns
    assert "34,170" in _out("returns", "--country", "MAR", "--lang", "en")


def test_returns_year_without_data_is_a_clear_error() -> None:
    result = runner.invoke(app, ["returns", "--year", "1990"])
    assert result.exit_code == 2 and "no return data in or before 1990" in result.output


def test_rank_for_a_year_beyond_the_data_names_the_last_year() -> None:
    result = runner.invoke(app, ["rank", "--year", "2099"])
    assert result.exit_code == 2 and "the indicators run to 2024" in result.output
