"""The HTML report reads like a document: title page, contents, numbered pillar sections, sourced
quotes, consecutive footnotes, labels in the chosen language."""

from __future__ import annotations

import re

import lxml.html
import pytest

from ima.domain.pillars import PILLARS


@pytest.fixture(scope="module")
def tree_nl(html_nl: str):
    return lxml.html.fromstring(html_nl)


@pytest.fixture(scope="module")
def tree_en(html_en: str):
    return lxml.html.fromstring(html_en)


def _text(element) -> str:
    return " ".join(element.text_content().split())


def test_title_page_names_the_year_and_says_it_is_not_official(tree_nl) -> None:
    title = tree_nl.get_element_by_id("titel")
    assert "Voortgangsrapportage" in _text(title) and "2020" in _text(title)
    assert "geen officiële publicatie van de Rijksoverheid" in _text(title)
    assert not tree_nl.xpath("//img[contains(@src, 'logo')]")


def test_contents_links_every_chapter_and_country_annex(tree_nl) -> None:
    toc_targets = [a.get("href")[1:] for a in tree_nl.get_element_by_id("inhoud").xpath(".//a")]
    chapters = [s.get("id") for s in tree_nl.xpath("//main/section[contains(@class, 'chapter')]")]
    countries = [s.get("id") for s in tree_nl.xpath("//section[contains(@class, 'country')]")]
    assert chapters and countries
    for target in chapters + countries:
        assert target in toc_targets, f"contents lack {target}"
    for target in toc_targets:  # and nothing in the contents points nowhere
        assert tree_nl.xpath(f"//*[@id='{target}']"), target


def test_six_pillar_sections_numbered_in_order(tree_nl) -> None:
    sections = tree_nl.xpath("//section[contains(@class, 'pillar')]")
    assert [int(s.get("data-pillar")) for s in sections] == [1, 2, 3, 4, 5, 6]
    for section, pillar in zip(sections, PILLARS, strict=True):
        heading = section.xpath("./h1")[0]
        assert _text(heading) == f"{pillar.number}{pillar.name_nl}"
        subs = [_text(h.xpath("./span[@class='num']")[0]) for h in section.xpath("./h2")]
        assert subs == [f"{pillar.number}.{k}" for k in (1, 2, 3, 4)]


def test_every_quote_carries_a_footnote_with_document_and_page(tree_nl, report_nl) -> None:
    quotes = tree_nl.xpath("//blockquote[contains(@class, 'quote')]")
    assert len(quotes) >= 10
    documents = {str(d.id): d for d in report_nl.documents}
    for q in quotes:
        doc, page = q.get("data-document"), q.get("data-page")
        assert doc in documents and page.isdigit()
        notes = q.xpath(".//span[@class='fn']")
        assert len(notes) == 1
        note = notes[0]
        assert (note.get("data-document"), note.get("data-page")) == (doc, page)
        link = note.xpath("./a")[0]
        assert link.get("href") == f"#bron-{doc}" and tree_nl.get_element_by_id(f"bron-{doc}") is not None
        assert re.search(rf"p\. ~?{page}\.$", _text(link)), _text(link)
        assert documents[doc].kenmerk is None or documents[doc].kenmerk in _text(link)


def test_quotes_are_the_words_of_the_cited_passage(report_store, report_nl) -> None:
    quoted = [q for s in report_nl.sections for q in s.quotes]
    assert quoted
    for q in quoted:
        stored = report_store.document(q.citation.document.id)
        passage = next(p for p in stored.passages if p.seq == q.citation.passage_seq)
        assert passage.page == q.citation.page
        assert " ".join(passage.text.split()).startswith(q.text)


def test_footnotes_are_numbered_consecutively_and_match_the_endnotes(tree_nl) -> None:
    calls = [int(a.get("data-note")) for a in tree_nl.xpath("//a[@class='fn-ref']")]
    inline = [int(s.get("data-note")) for s in tree_nl.xpath("//span[@class='fn']")]
    endnotes = tree_nl.get_element_by_id("notes").xpath(".//li")
    assert calls == inline == list(range(1, len(calls) + 1))
    assert [li.get("id") for li in endnotes] == [f"note-{n}" for n in calls]
    for span, li in zip(tree_nl.xpath("//span[@class='fn']"), endnotes, strict=True):
        assert _text(span.xpath("./a")[0]) == _text(li.xpath("./a")[0])


def test_first_note_on_a_document_is_full_later_ones_short(tree_nl) -> None:
    notes = [_text(s.xpath("./a")[0]) for s in tree_nl.xpath("//span[@class='fn']")]
    assert notes[0].startswith("Uitvoering motie Becker cs.") and "10 juli 2020" in notes[0]
    assert all(re.fullmatch(r"Brief van 10 juli 2020, kenmerk 2971694, p\. ~?\d+\.", n) for n in notes[1:]), notes[1:4]


def test_table_rows_link_to_their_source(tree_nl) -> None:
    rows = tree_nl.xpath("//table[@class='figures' or @class='motions' or @class='commitments']/tbody/tr")
    assert rows
    for row in rows:
        link = row.xpath(".//a[@class='src']")[0]
        assert link.get("href") == f"#bron-{link.get('data-document')}" and link.get("data-page").isdigit()


def test_figures_are_written_the_dutch_way(tree_nl) -> None:
    values = [_text(td) for td in tree_nl.xpath("//table[@class='figures']//td[@class='value']")]
    assert "EUR 140 miljoen" in values
    assert "circa 32.500" in values and "bijna 50%" in values


def test_charts_are_embedded_svg_with_a_text_alternative(tree_nl) -> None:
    images = tree_nl.xpath("//figure[@class='chart']/img")
    assert len(images) >= 3
    for img in images:
        assert img.get("src").startswith("data:image/svg+xml;base64,")
        assert len(img.get("alt")) > 20
    assert not tree_nl.xpath("//script") and not tree_nl.xpath("//link[@rel='stylesheet']")  # standalone


def test_english_labels_with_lang_en(tree_en, html_en: str) -> None:
    assert tree_en.get("lang") == "en"
    assert _text(tree_en.get_element_by_id("toc-title")) == "Contents"
    assert "not an official publication" in _text(tree_en.get_element_by_id("titel"))
    labels = [_text(p) for p in tree_en.xpath("//p[@class='pillar-label']")]
    assert labels == [f"Pillar {n}" for n in range(1, 7)]
    assert [_text(h) for h in tree_en.xpath("//section[contains(@class, 'pillar')]/h1")][0] == \
        "1Prevent irregular migration"
    for dutch in ("Inhoud", "Bijlage", "Pijler", "Bronnen", "Wat het record vermeldt"):
        assert dutch not in html_en
    assert "EUR 140 million" in html_en and "32,500" in html_en


def test_link_base_adds_links_to_the_web_app(report_store) -> None:
    from ima.report import render_html
    from ima.services.report import build_year_report

    report = build_year_report(report_store, 2020, max_quotes=1, focus_count=0, link_base="http://ima.test/")
    tree = lxml.html.fromstring(render_html(report))
    links = [a.get("href") for a in tree.xpath("//span[@class='fn']/a[2]")]
    assert links and all(re.fullmatch(r"http://ima\.test/documents/\d+#p\d+", h) for h in links)


def test_summary_table_has_a_row_per_pillar_with_its_counts(tree_nl, report_nl) -> None:
    rows = tree_nl.xpath("//table[@class='summary']/tbody/tr")
    assert len(rows) == 6
    for row, section in zip(rows, report_nl.sections, strict=True):
        cells = [_text(td) for td in row.xpath("./td")]
        assert row.xpath(".//a")[0].get("href") == f"#sec-p{section.number}"
        assert cells[1:3] == [str(section.passage_count), str(len(section.figures))]
        assert cells[4:] == [str(len(section.motions)), str(len(section.commitments))]
