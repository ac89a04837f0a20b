"""The PDF: a valid document of a sensible length whose contents page numbers point at the chapters."""

from __future__ import annotations

import io
import os
import re

import pypdf
import pytest

from ima.domain.pillars import PILLARS

pytestmark = pytest.mark.slow  # WeasyPrint typesets ~20 pages: 5-12 s depending on the machine's load


@pytest.fixture(scope="module")
def pdf_pages(report_nl) -> list[str]:
    from ima.report import render_pdf

    try:
        data = render_pdf(report_nl)
    except ValueError as missing:  # WeasyPrint's system libraries are absent
        if os.environ.get("CI", "").lower() == "true":
            raise
        pytest.skip(str(missing))
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl" and catalog["/MarkInfo"]["/Marked"]  # tagged, for screen readers
    assert "/StructTreeRoot" in catalog
    assert reader.metadata.title == "Voortgangsrapportage Integrale Migratieagenda 2020"
    return [page.extract_text() for page in reader.pages]


def test_page_count_and_section_titles(pdf_pages: list[str]) -> None:
    assert 12 <= len(pdf_pages) <= 40
    text = "\n".join(pdf_pages)
    for title in ["Inhoud", "Inleiding", *(p.name_nl for p in PILLARS), "Overzicht moties en toezeggingen",
                  "Bijlage A", "Focuslanden", "Bronnen", "Verantwoording"]:
        assert title in text, title
    assert "geen officiële publicatie" in pdf_pages[0]


def test_contents_page_numbers_point_at_the_chapters(pdf_pages: list[str]) -> None:
    contents = pdf_pages[1]
    for pillar in PILLARS:
        line = re.search(rf"^{pillar.number}\s*{re.escape(pillar.name_nl)}\s*\.+\s*(\d+)$", contents, re.M)
        assert line, (pillar.name_nl, contents)
        page = int(line.group(1))
        assert f"{pillar.number} · {pillar.name_nl}" in pdf_pages[page - 1]  # its running header
        assert f"PIJLER {pillar.number}" in pdf_pages[page - 1]  # and the chapter opens there


def test_running_footer_counts_pages_and_footnotes_sit_at_the_page_foot(pdf_pages: list[str]) -> None:
    total = len(pdf_pages)
    for number, text in enumerate(pdf_pages[1:], start=2):
        assert f"{number} / {total}" in text
    notes = [int(n) for text in pdf_pages
             for n in re.findall(r"^(\d+)\. (?:Uitvoering motie Becker|Brief van 10 juli 2020)", text, re.M)]
    assert notes == list(range(1, len(notes) + 1)) and len(notes) >= 10
