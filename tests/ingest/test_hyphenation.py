"""join_hyphenation: syllable breaks joined, real hyphens kept, idempotent."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ima.domain.text import Line, Page
from ima.ingest.hyphenation import decide, decide_why, join_hyphenation


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


def test_each_decision_has_a_reason():
    assert decide_why("kennisge", "nomen")[1].startswith("joined word listed")
    assert decide_why("massa", "immigratie") == ("keep", "vowel clash (klinkerbotsing)")
    assert decide_why("mensenhandel", "en") == (None, "elision before a conjunction")
    assert decide_why("niet", "westerse") == ("keep", "prefix written with a hyphen")
    assert decide_why("Noord", "Afrika")[0] == "keep"
    page = _page(["de aanpak van mensenhandel-", "en smokkel gaat door, zoals kennisge-", "nomen."])
    result = join_hyphenation((page,))
    assert [l.text for l in result.pages[0].lines] == ["de aanpak van mensenhandel-",
                                                       "en smokkel gaat door, zoals kennisgenomen."]
    assert [(k["word"], k["reason"]) for k in result.details["kept"]] == [
        ("mensenhandel-en", "elision before a conjunction")]
    join = result.details["joins"][0]
    assert (join["word"], join["result"], join["page"]) == ("kennisge-nomen.", "kennisgenomen.", 1)
    assert (join["start"], join["end"]) == (page.lines[1].start, page.lines[2].end)


def test_url_and_hyphenated_compound_tokens():
    page = _page(["1 Zie http://heindehaas.blogspot.nl/2011/05/development-leads-to-more-",
                  "migration.html, p. 40, en de EU-gezinsherenigingsricht-", "lijn en whole-", "of-government."])
    out = [l.text for l in join_hyphenation((page,)).pages[0].lines]
    assert out[0].endswith("development-leads-to-more-migration.html,")
    assert "EU-gezinsherenigingsrichtlijn en" in " ".join(out)
    assert " ".join(out).endswith("whole-of-government.")


def test_abbreviation_compound_with_a_stray_space_closed():
    page = _page(["tussen de EU- lidstaten, de VVD- als de CDA-fractie en NAVO- en EU-landen"])
    out = join_hyphenation((page,)).pages[0].lines[0].text
    assert out == "tussen de EU-lidstaten, de VVD- als de CDA-fractie en NAVO- en EU-landen"


def test_word_continues_on_the_next_page_after_the_footnotes():
    p1 = _page(["de verblijfsvergunning wordt ingetrokken bij verwijtbare termijnover-", "",
                "13 Kamerstuk 32 824, nr. 147", "nog een regel van de voetnoot"], number=34)
    p2 = _page([" schrijding, tenzij de wet daaraan in de weg staat."], number=35, offset=300)
    r = join_hyphenation((p1, p2))
    assert r.pages[0].lines[0].text.endswith("verwijtbare termijnoverschrijding,")
    assert r.pages[0].lines[2].text == "13 Kamerstuk 32 824, nr. 147"
    assert r.pages[1].lines[0].text == "tenzij de wet daaraan in de weg staat."


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


ELISION = re.compile(r"\w-\s+(?!(?:en|of|als|tot|noch|dan|en/of)\b)\w")


def test_corpus_kamerstuk_through_the_stages(corpus_paths):
    """Kamerstuk 19 637, nr. 2395 through the pipeline stages: no line-break hyphen left."""
    from ima.domain.document import Extraction, SourceFormat
    from ima.ingest.footnotes import extract_footnotes
    from ima.ingest.furniture import remove_furniture
    from ima.ingest.layers import separate_layers
    from ima.ingest.ocr import repair_ocr
    from ima.ingest.pages import split_pages
    from ima.ingest.passages import build_passages

    text = corpus_paths["kamerstuk_2395"].read_text(encoding="utf-8")
    result = split_pages(Extraction(text, SourceFormat.TEXT))
    result = remove_furniture(separate_layers(result.pages).pages)
    running = result.details["running_pages"]
    pages, _ = extract_footnotes(result.pages)
    result = join_hyphenation(repair_ocr(pages).pages)
    passages = [p.text for p in build_passages(result.pages)]
    body = "\n".join(passages)
    assert "kennisgenomen van de integrale migratieagenda" in body
    assert "massa-immigratie" in body and "EU-lidstaten" in body
    assert "termijnoverschrijding" in body
    assert not [m.group(0) for p in passages for m in ELISION.finditer(p)]  # only elisions keep "- "
    assert not [p for p in passages if re.search(r"\w-$", p)]
    assert "toelatings- en" in body and "Ontwikkelings- of" in body  # real hyphens kept
    assert "vergaderjaar" not in body
    assert [(d["page"], d["printed"]) for d in running] == [(7, 7), (31, 31)]
    assert result.details["joined"] >= 150


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
