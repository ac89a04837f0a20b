"""A readable title from the file name when the text names none."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ima.ingest.metadata.source_name import title_from_source


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("2025-05-23_taskforce-internationale-migratie.ocr.txt", "Taskforce internationale migratie"),
        ("/data/2020-07-10_migratieovereenkomsten_2971694.pdf.txt", "Migratieovereenkomsten"),
        ("kst-19637-2395_verslag-schriftelijk-overleg-ima.txt", "Verslag schriftelijk overleg ima"),
        ("20210111 voortgang IMA.pdf", "Voortgang IMA"),
        ("12345678.pdf", None),
        ("a.txt", None),
    ],
)
def test_title_from_file_name(source: str, title: str | None) -> None:
    assert title_from_source(source) == title


@given(st.text(max_size=80))
def test_any_name_gives_a_clean_title_or_none(name: str) -> None:
    title = title_from_source(name)
    assert title is None or (title == title.strip() and "/" not in title and title[0] == title[0].upper())
