"""Programme fixtures: stores on SQLite and PostgreSQL (the store tests' servers), small ima CSV files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ima.store import Store
from tests.store.conftest import postgres_admin, postgres_url, sqlite_url, store_url  # noqa: F401 (fixtures)

PROGRAMMES_CSV = """id,title,countries,pillars,partner,funder,oda,start,end,currency,status,budget_2025,budget_2026
NL-001,Terugkeer en herintegratie Marokko,MAR,4,IOM,NL A&M,non-ODA,2025-01-01,2027-12-31,EUR,active,1000000,2500000.50
NL-002,Opvang in de regio Hoorn van Afrika,ETH;SDN;horn-of-africa,2;1,UNHCR,NL BHO,ODA,2025-03-01,2028-02-29,EUR,active,4000000,
NL-003,Voorlichting irreguliere migratie,Tunesië,1,,NL BHO,ODA,2026-01-01,,EUR,planned,,750000
"""
INDICATORS_CSV = """programme,name,unit,baseline,baseline_date,target,target_date,actual,actual_date,source
NL-001,Begeleide vrijwillige terugkeer,persons,0,2025-01-01,1000,2027-12-31,100,2026-01-01,IOM report Q4 2025
NL-002,Refugees with access to services,persons,0,2025-03-01,20000,2028-02-29,9000,2026-06-30,
"""
SIDE_EFFECTS_CSV = """programme,description,nature,reported,source
NL-001,Returnees detained on arrival for several days,negative,2026-02-01,NGO letter
"""
EVALUATIONS_CSV = """programme,kind,due,done,note
NL-001,mid-term evaluation,2026-06-30,,
NL-002,mid-term evaluation,2026-09-01,2026-08-15,done by IOB
"""


@pytest.fixture
def store(sqlite_url) -> Iterator[Store]:
    """A migrated, empty SQLite store."""
    with Store.open(sqlite_url) as opened:
        yield opened


@pytest.fixture
def csv_files(tmp_path) -> dict[str, Path]:
    """The four files of a small, valid ima CSV import."""
    files = {"programmes": PROGRAMMES_CSV, "indicators": INDICATORS_CSV, "side_effects": SIDE_EFFECTS_CSV,
             "evaluations": EVALUATIONS_CSV}
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.csv"
        paths[name].write_text(text, encoding="utf-8")
    return paths
