"""join_hyphenation: syllable breaks joined, real hyphens kept, idempotent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ima.domain.text import Line, Page
from ima.ingest.hyphenation import decide, join_hyphenation


def _page(texts: list[str], number: int = 1, offset: int = 0) -> Page:
    lines, pos = [], offset
    for t in texts:
        lines.append(Line(t, pos, pos + len(t)))
        pos += len(t) + 1
    return Page(number, tuple(lines))


def test_syllable_break_joined_and_spans_kept():
    page = _page(["De leden van de VVD-fractie hebben met veel belangstelling kennisge-",
                  "nomen van de integrale migratieagenda."])
    result = join_hyphenation((page,))
    a, b = result.pages[0].lines
    assert a.text.endswith("belangstelling kennisgenomen")
    assert b.text == "van de integrale migratieagenda."
    assert (a.start, a.end, b.start, b.end) == (page.lines[0].start, page.lines[0].end,
                                               page.lines[1].start, page.lines[1].end)
    assert result.details["joined"] == 1


def test_real_hyphens_kept():
    assert decide("COVID", "19") == "keep"
    assert decide("EU", "lidstaten") == "keep"
    assert decide("massa", "immigratie") == "keep"
    assert decide("grens", "en") is None
    assert decide("kennisge", "nomen") == "join"
    assert decide("ontwikkelingssa", "menwerkingsgelden?") == "join"
    page = _page(["zoals grens- en", "reisbeperkingen, en COVID-", "19 maatregelen voor EU-", "lidstaten"])
    out = [l.text for l in join_hyphenation((page,)).pages[0].lines]
    assert out == ["zoals grens- en", "reisbeperkingen, en COVID-19", "maatregelen voor EU-lidstaten"]


def test_hyphen_across_page_break():
    p1 = _page(["tekst over de terugkeer van uitgeprocedeerde vluchte-", ""], number=7)
    p2 = _page(["lingen naar hun land van herkomst."], number=8, offset=200)
    r = join_hyphenation((p1, p2))
    assert r.pages[0].lines[0].text.endswith("uitgeprocedeerde vluchtelingen")
    assert r.pages[1].lines[0].text == "naar hun land van herkomst."


def test_blank_line_stops_a_join_on_the_same_page():
    page = _page(["een opsomming met een streepje -", "", "nieuwe alinea"])
    assert join_hyphenation((page,)).pages[0] == page


def test_corpus_kennisgenomen(corpus_paths):
    from ima.domain.document import Extraction, SourceFormat
    from ima.ingest.pages import split_pages

    text = corpus_paths["kamerstuk_2395"].read_text(encoding="utf-8")
    pages = split_pages(Extraction(text, SourceFormat.TEXT)).pages
    result = join_hyphenation(pages)
    joined = "\n".join(p.text for p in result.pages)
    assert "kennisgenomen van de integrale migratieagenda" in joined.replace("\n", " ")
    assert "kennisge-" not in joined
    assert "massa-immigratie" in joined


words = st.sampled_from("kennisge nomen COVID 19 EU lidstaten massa immigratie grens en reis vluchte lingen de".split())
line = st.lists(words, min_size=1, max_size=5).map(" ".join).flatmap(
    lambda s: st.sampled_from([s, s + "-", s + " -", ""]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(line, max_size=6), min_size=1, max_size=3))
def test_idempotent_and_spans_inside(pages_lines):
    pages, pos = [], 0
    for n, texts in enumerate(pages_lines, start=1):
        pages.append(_page(texts, n, pos))
        pos += sum(len(t) + 1 for t in texts)
    once = join_hyphenation(tuple(pages))
    twice = join_hyphenation(once.pages)
    assert twice.pages == once.pages
    for page in once.pages:
        for l in page.lines:
            assert 0 <= l.start <= l.end <= pos
