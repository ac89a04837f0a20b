"""Property: whatever valid programmes are written in the documented ima CSV format, the parser reads them back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ima.ingest.programmes.ima_csv import parse_ima_csv

COUNTRIES = ["MAR", "TUN", "LBY", "EGY", "ETH", "NER", "sahel", "horn-of-africa"]
text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).map(str.strip).filter(bool)
day = st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31))
amount = st.decimals(0, 10**9, places=2, allow_nan=False, allow_infinity=False).map(float)

programme = st.fixed_dictionaries({
    "title": text, "countries": st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=3, unique=True),
    "pillars": st.lists(st.integers(1, 6), max_size=3, unique=True), "partner": st.none() | text,
    "oda": st.booleans(), "start": st.none() | day, "years": st.dictionaries(st.integers(2024, 2030), amount,
                                                                              max_size=3),
    "indicator": st.none() | st.tuples(text, amount, day, st.none() | amount),
})


def _write(rows: list[dict]) -> tuple[str, str]:
    years = sorted({y for r in rows for y in r["years"]})
    out, ind = io.StringIO(), io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "countries", "pillars", "partner", "oda", "start"] + [f"budget_{y}" for y in years])
    indicators = csv.writer(ind, lineterminator="\r\n")
    indicators.writerow(["programme", "name", "target", "target_date", "actual"])
    for i, r in enumerate(rows):
        writer.writerow([f"P-{i}", r["title"], ";".join(r["countries"]), ";".join(map(str, r["pillars"])),
                         r["partner"] or "", "ODA" if r["oda"] else "non-ODA", r["start"] or ""]
                        + [repr(r["years"][y]) if y in r["years"] else "" for y in years])
        if r["indicator"]:
            name, target, due, actual = r["indicator"]
            indicators.writerow([f"P-{i}", name, repr(target), due, "" if actual is None else repr(actual)])
    return out.getvalue(), ind.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(programme, min_size=1, max_size=6))
def test_written_programmes_read_back(tmp_path, rows) -> None:
    programmes_text, indicators_text = _write(rows)
    (tmp_path / "p.csv").write_text(programmes_text, encoding="utf-8")
    (tmp_path / "i.csv").write_text(indicators_text, encoding="utf-8-sig")
    parsed = parse_ima_csv([tmp_path / "p.csv", tmp_path / "i.csv"])
    assert [p.source_id for p in parsed] == [f"P-{i}" for i in range(len(rows))]
    for p, r in zip(parsed, rows):
        assert p.title == r["title"] and list(p.areas) == r["countries"] and p.pillars == tuple(sorted(r["pillars"]))
        assert p.partner == r["partner"] and p.oda is r["oda"] and p.start == r["start"]
        assert p.budgets == r["years"] and (p.total_budget is None) == (not r["years"])
        if r["indicator"]:
            name, target, due, actual = r["indicator"]
            assert [(i.name, i.target, i.target_date, i.actual) for i in p.indicators] == [(name, target, due, actual)]
        else:
            assert p.indicators == ()


from ima.domain.programmes import Evaluation, Indicator, Programme, SideEffect  # noqa: E402
from ima.ingest.programmes.ima_csv_export import export_ima_csv  # noqa: E402

number = st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False)
stored = st.builds(
    lambda i, title, areas, pillars, oda, start, budgets, indicators, effects, evaluations: Programme(
        "ima-csv", f"X-{i}", title, areas=tuple(areas), pillars=tuple(sorted(pillars)), oda=oda, start=start,
        budgets=budgets, total_budget=math.fsum(budgets.values()) if budgets else None, indicators=tuple(indicators),
        side_effects=tuple(effects), evaluations=tuple(evaluations)),
    st.integers(0, 10**6), text, st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=3, unique=True),
    st.lists(st.integers(1, 6), max_size=3, unique=True), st.booleans(), st.none() | day,
    st.dictionaries(st.integers(2020, 2030), st.floats(0, 1e10, allow_nan=False, allow_infinity=False), max_size=3),
    st.lists(st.builds(Indicator, text, st.none() | text, st.none() | number, st.none() | day, st.none() | number,
                       st.none() | day, st.none() | number, st.none() | day, st.none() | text, st.none() | text),
             max_size=3),
    st.lists(st.builds(SideEffect, text, st.sampled_from(["negative", "positive", "unclear"]), st.none() | day,
                       st.none() | text), max_size=2),
    st.lists(st.builds(Evaluation, day, text, st.none() | day, st.none() | text), max_size=2),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(stored, min_size=1, max_size=5, unique_by=lambda p: p.source_id))
def test_exported_programmes_import_as_the_same_programmes(tmp_path, programmes) -> None:
    paths = []
    for name, content in export_ima_csv(programmes).items():
        paths.append(tmp_path / name)
        paths[-1].write_text(content, encoding="utf-8")
    assert parse_ima_csv(paths) == programmes


def test_export_refuses_what_the_format_cannot_hold() -> None:
    import pytest

    with pytest.raises(ValueError, match="ODA or non-ODA is unknown"):
        export_ima_csv([Programme("eutf", "T05", "x", areas=("MAR",))])
    with pytest.raises(ValueError, match="budget without a year"):
        export_ima_csv([Programme("eutf", "T05", "x", areas=("MAR",), oda=True, budgets={None: 5.0})])
