"""Budget views: hand-checked sums per year, area and pillar; ceilings; totals kept under every grouping."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ima.analysis.programmes.budget import budget_area, budget_rows, ceiling_use
from ima.analysis.programmes.ceilings import Ceiling, load_ceilings
from ima.domain.programmes import Programme

A = Programme("t", "A", "Return MAR", areas=("MAR",), pillars=(4,), oda=False, funder="NL A&M",
              budgets={2025: 100.0, 2026: 300.0})
B = Programme("t", "B", "Protection HoA", areas=("ETH", "SDN", "horn-of-africa"), pillars=(1, 2), oda=True,
              funder="NL BHO", budgets={2026: 1000.0})
C = Programme("t", "C", "EU money", areas=("TUN",), pillars=(), oda=None, funder="EU", budgets={2026: 50.0, None: 7.0})


def _by(rows, *dims):
    return {tuple(getattr(r, d) for d in dims): r for r in rows}


def test_budget_per_year_adds_oda_non_oda_and_unknown() -> None:
    rows = _by(budget_rows([A, B, C], ("year",)), "year")
    assert rows[(2025,)].amount == 100 and rows[(2025,)].non_oda == 100
    assert rows[(2026,)].amount == 1350 and rows[(2026,)].oda == 1000 and rows[(2026,)].non_oda == 300
    assert rows[(2026,)].oda_unknown == 50 and rows[(2026,)].programmes == 3
    assert rows[(None,)].amount == 7
    assert list(rows) == [(2025,), (2026,), (None,)]  # unknown year last


def test_budget_per_area_books_multi_country_programmes_under_their_region() -> None:
    assert budget_area(B) == "horn-of-africa" and budget_area(A) == "MAR"
    assert budget_area(Programme("t", "D", "x", areas=("ETH", "SDN"))) == "?"
    rows = _by(budget_rows([A, B, C], ("area",)), "area")
    assert {k[0]: r.amount for k, r in rows.items()} == {"MAR": 400, "TUN": 57, "horn-of-africa": 1000}


def test_a_programme_serving_two_pillars_counts_half_under_each() -> None:
    rows = _by(budget_rows([A, B, C], ("year", "pillar")), "year", "pillar")
    assert rows[(2026, 1)].amount == 500 and rows[(2026, 2)].amount == 500 and rows[(2026, 4)].amount == 300
    assert rows[(2026, None)].amount == 50
    only = budget_rows([A, B, C], ("year",), pillar=2)
    assert [(r.year, r.amount) for r in only] == [(2026, 500)]


def test_year_filter_and_unknown_dimension() -> None:
    assert [(r.year, r.amount) for r in budget_rows([A, B, C], ("year",), year=2025)] == [(2025, 100)]
    with pytest.raises(ValueError, match="cannot group by partner"):
        budget_rows([A], ("partner",))
    assert budget_rows([A], ("country",))[0].area == "MAR"


def test_ceiling_use_counts_programmes_in_scope_only() -> None:
    ceiling = Ceiling("c", "NL 2026", 2026, 1200.0, funder="NL")
    (use,) = ceiling_use([A, B, C], [ceiling])
    assert use.planned == 1300 and use.programmes == 2 and use.headroom == -100
    oda_only = Ceiling("o", "ODA", 2026, 2000.0, oda=True)
    assert ceiling_use([A, B, C], [oda_only])[0].planned == 1000
    by_country = Ceiling("m", "MAR", 2025, 150.0, country="MAR", pillar=4)
    assert ceiling_use([A, B, C], [by_country])[0].headroom == 50


def test_the_shipped_ceiling_is_the_118_million_of_2029_with_its_source() -> None:
    (ceiling,) = load_ceilings()
    assert ceiling.year == 2029 and ceiling.amount == 118_000_000 and ceiling.currency == "EUR"
    assert "2025-05-23_taskforce" in ceiling.source and "118 miljoen" in ceiling.quote


def test_a_bad_ceilings_file_names_the_entry(tmp_path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("ceilings:\n  - year: 2029\n    amount: lots\n", encoding="utf-8")
    with pytest.raises(ValueError, match="c.yaml, ceiling 1: 'year' .* and 'amount' .* are required"):
        load_ceilings(path)


programme = st.builds(
    lambda i, areas, pillars, oda, budgets: Programme("p", str(i), "x", areas=tuple(areas), pillars=tuple(pillars),
                                                       oda=oda, budgets=budgets),
    st.integers(0, 10**6), st.lists(st.sampled_from(["MAR", "TUN", "ETH", "sahel"]), unique=True, max_size=3),
    st.lists(st.integers(1, 6), unique=True, max_size=3).map(sorted), st.sampled_from([True, False, None]),
    st.dictionaries(st.one_of(st.none(), st.integers(2020, 2030)), st.floats(0, 1e9), max_size=4))


@settings(max_examples=60, deadline=None)
@given(st.lists(programme, max_size=8, unique_by=lambda p: p.source_id),
       st.sampled_from([("year",), ("area",), ("pillar",), ("year", "area", "pillar")]))
def test_every_grouping_keeps_the_total(programmes, by) -> None:
    total = math.fsum(a for p in programmes for a in p.budgets.values())
    rows = budget_rows(programmes, by)
    assert math.isclose(math.fsum(r.amount for r in rows), total, rel_tol=1e-9, abs_tol=1e-3)
    for r in rows:
        assert math.isclose(r.oda + r.non_oda + r.oda_unknown, r.amount, rel_tol=1e-9, abs_tol=1e-3)
