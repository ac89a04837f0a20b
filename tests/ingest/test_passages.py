"""build_passages: paragraphs, headings, list items, spans and page numbers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ima.domain.text import Line, Page
from ima.ingest.passages import build_passages


def _page(texts: list[str], number: int = 1, offset: int = 0, estimated: bool = False) -> Page:
    lines, pos = [], offset
    for t in texts:
        lines.append(Line(t, pos, pos + len(t)))
        pos += len(t) + 1
    return Page(number, tuple(lines), estimated=estimated)


BODY = "De leden van de fractie hebben met belangstelling kennisgenomen van de brief over migratie."


def test_paragraphs_headings_and_lists():
    page = _page([
        "Aanleiding",
        "Op 29 maart 2018 presenteerde het kabinet de Integrale Migratieagenda, waarin de",
        "voornemens  aan elkaar verbonden zijn.",
        "",
        "1.4 Minder illegaliteit, meer terugkeer",
        "",
        BODY,
        "",
        "• de eerste maatregel voor de",
        "  opvang in de regio;",
        "• de tweede maatregel.",
    ])
    ps = build_passages((page,))
    assert [(p.kind, p.text) for p in ps] == [
        ("heading", "Aanleiding"),
        ("paragraph", "Op 29 maart 2018 presenteerde het kabinet de Integrale Migratieagenda, waarin de "
                      "voornemens aan elkaar verbonden zijn."),
        ("heading", "1.4 Minder illegaliteit, meer terugkeer"),
        ("paragraph", BODY),
        ("list_item", "• de eerste maatregel voor de opvang in de regio;"),
        ("list_item", "• de tweede maatregel."),
    ]
    assert [p.seq for p in ps] == list(range(6))
    assert ps[1].start == page.lines[1].start and ps[1].end == page.lines[2].end


def test_layout_cue_splits_paragraphs_without_blank_lines():
    long = "het kabinet zet in op de samenwerking met de landen van herkomst en van transit in de"
    page = _page([long, "regio van de Hoorn.", long, "regio van Afrika."])
    ps = build_passages((page,))
    assert len(ps) == 2


def test_paragraph_over_a_page_break_stays_on_its_first_page():
    p1 = _page(["De samenwerking met de landen van herkomst wordt de komende jaren verder"], number=7)
    p2 = _page(["uitgebreid met nieuwe programma's.", "", BODY], number=8, offset=500, estimated=True)
    ps = build_passages((p1, p2))
    assert ps[0].page == 7 and ps[0].text.endswith("nieuwe programma's.")
    assert ps[0].end == p2.lines[0].end
    assert ps[1].page == 8 and ps[1].page_estimated is True


def test_signature():
    page = _page([BODY, "", "De Minister van Asiel en Migratie,", "", "M.H.M. Faber - van de Klashorst"])
    kinds = [p.kind for p in build_passages((page,))]
    assert kinds == ["paragraph", "signature", "signature"]


words = st.sampled_from("de het kabinet migratie Terugkeer. opvang, Aanleiding 1.2 • regio;".split())
line = st.one_of(st.just(""), st.lists(words, min_size=1, max_size=8).map(" ".join))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(line, max_size=12), min_size=1, max_size=3))
def test_spans_inside_and_ordered(pages_lines):
    pages, pos = [], 0
    for n, texts in enumerate(pages_lines, start=1):
        pages.append(_page(texts, n, pos))
        pos += sum(len(t) + 1 for t in texts)
    ps = build_passages(tuple(pages))
    assert [p.seq for p in ps] == list(range(len(ps)))
    last = -1
    for p in ps:
        assert 0 <= p.start < p.end <= pos
        assert p.start > last
        last = p.start
        assert p.text == " ".join(p.text.split()) and p.text
    want = " ".join(" ".join(t for ts in pages_lines for t in ts).split())
    assert " ".join(p.text for p in ps) == want


def test_numbered_section_heading_after_a_sentence_and_wrapped_over_two_lines():
    body = "Bewustwordingscampagnes over de risico's van irreguliere migratie maken meer gebruik van digitale middelen."
    page = _page([body,
                  "2. Versterken opvang en bescherming voor vluchtelingen en ontheemden in de",
                  "regio",
                  "In december 2019 vond het eerste Global Refugee Forum plaats, onder leiding van UNHCR en anderen."])
    kinds = [(p.kind, p.text) for p in build_passages((page,))]
    assert kinds == [("paragraph", body),
                     ("heading", "2. Versterken opvang en bescherming voor vluchtelingen en ontheemden in de regio"),
                     ("paragraph", "In december 2019 vond het eerste Global Refugee Forum plaats, onder leiding van "
                                   "UNHCR en anderen.")]


def test_wrapped_heading_tail_may_be_a_name_when_the_heading_stops_on_a_preposition():
    page = _page(["1.3 Solidair en solide asielstelsel binnen de Europese Unie en in", "Nederland", "",
                  "De leden van de VVD-fractie vragen naar het schrappen van nationale koppen."])
    first = build_passages((page,))[0]
    assert (first.kind, first.text) == ("heading", "1.3 Solidair en solide asielstelsel binnen de Europese Unie en in "
                                                   "Nederland")


def test_a_footnote_line_is_not_a_numbered_heading():
    page = _page(["Dat blijkt uit onderzoek naar migratie in de regio.",
                  "2 Door Italiaanse autoriteiten geregistreerde opgegeven nationaliteit bij aankomst in 2017 en",
                  "2018."])
    assert all(p.kind != "heading" for p in build_passages((page,)))
