"""extract_footnotes: page-foot blocks of PDF letters, inline Kamerstuk footnotes, garbled layers."""

from __future__ import annotations

import re

from ima.domain.text import Line, Page
from ima.ingest.footnotes import extract_footnotes, is_garbled, join_lines

_FOOTER = re.compile(r"^\s*P+a+g+i+n+a+\s+[\d\s]+v+a+n+\s+[\d\s]+$|^(?:Tweede|Eerste) Kamer, vergaderjaar")


def raw_pages(text: str) -> tuple[Page, ...]:
    """Pages ending at each "Pagina x van y" / Kamerstuk footer line (kept), exact raw spans."""
    pages, lines, pos = [], [], 0
    for raw in text.split("\n"):
        lines.append(Line(raw, pos, pos + len(raw)))
        pos += len(raw) + 1
        if _FOOTER.match(raw):
            pages.append(Page(len(pages) + 1, tuple(lines)))
            lines = []
    if lines:
        pages.append(Page(len(pages) + 1, tuple(lines)))
    return tuple(pages)


SEP = " " * 48
LETTER_PAGE = "\n".join([
    "In reactie op de motie verstrekken wij een overzicht ",
    "1",
    "van de inzet van het kabinet. ",
    SEP,
    "1",
    " Kamerstukken II 2019/20, 35 300 VI, nr. 37 ",
    "2",
    " https://ec.europa.eu/commission/presscorner/detail/en/ip_20_2291. ",
])


def test_letter_block() -> None:
    pages, notes = extract_footnotes(raw_pages(LETTER_PAGE))
    assert [(n.number, n.text, n.references) for n in notes] == [
        (1, "Kamerstukken II 2019/20, 35 300 VI, nr. 37", ("kst-35300-VI-37",)),
        (2, "https://ec.europa.eu/commission/presscorner/detail/en/ip_20_2291.",
         ("https://ec.europa.eu/commission/presscorner/detail/en/ip_20_2291",)),
    ]
    body = pages[0].text
    assert "Kamerstukken" not in body and "van de inzet van het kabinet." in body
    assert {r.reason for r in pages[0].removed} == {"footnote"}
    assert LETTER_PAGE[notes[0].start:notes[0].end].startswith("1\n Kamerstukken II")
    assert notes[0].page == 1


def test_layer_copies_reported_once_and_garbage_skipped() -> None:
    page2 = "\n".join([
        "body of page three ", SEP, "1", "wordt opgetreden. Een heldere lijn ",
        " Kamerstukken II 2019/20, 35 300 VI, nr. 37 ",
        "52", "  Kahttmpse://rsteukc.ekeurn oIIpa 2017/18,.eu/hom 1e9637-affai,r ns/sr. 2375ites/h ",
        "  PPaaggiinnaa  31  vvaann  88  ",
    ])
    pages, notes = extract_footnotes(raw_pages(LETTER_PAGE + "\n Pagina 1 van 8\n" + page2))
    assert [n.number for n in notes] == [1, 2]
    assert "wordt opgetreden. Een heldere lijn" in pages[1].text  # the other layer's body stays
    assert "Kahttmpse" not in pages[1].text  # garbage left the body, but was not reported
    assert "PPaaggiinnaa" in pages[1].text  # furniture is not a footnote


KST = """De leden vragen naar de wetenschappelijke consensus1 dat meer ontwikkeling
leidt tot meer migratie, en naar de brief van 25 april jl.2

1 Zie Hein de Haas http://heindehaas.blogspot.nl/2011/05/development-leads-to-more-
migration.html, Hein de Haas, Migration transitions (2010).
2 Kamerstukken 19 637 en 30 573, nr. 2386
 kiezen voor irreguliere migratie. Door ontwikkelingssamenwerking,
1.1 Voorkomen van irreguliere migratie

3 personen verbleven er nog in de EBTL.
"""


def test_kamerstuk_style() -> None:
    pages, notes = extract_footnotes(raw_pages(KST))
    assert [n.number for n in notes] == [1, 2]
    assert notes[0].text == ("Zie Hein de Haas http://heindehaas.blogspot.nl/2011/05/development-leads-to-more-"
                             "migration.html, Hein de Haas, Migration transitions (2010).")
    assert notes[0].references == ("http://heindehaas.blogspot.nl/2011/05/development-leads-to-more-migration.html",)
    assert notes[1].references == ("kst-19637-2386",)
    body = pages[0].text
    assert "kiezen voor irreguliere migratie" in body
    assert "3 personen verbleven" in body  # no anchor "…3" before it: body, not a footnote
    assert "1.1 Voorkomen" in body


def test_no_footnotes() -> None:
    pages = raw_pages("Gewone tekst.\n\nMeer tekst 12 maanden.\n")
    out, notes = extract_footnotes(pages)
    assert notes == () and out[0].lines == pages[0].lines


def test_garble_detector() -> None:
    assert is_garbled("KKaamermerststuukkkkenen  IIII  22001198//2109,,  3258600380 ,V nIr,.  n1r7. 65.9")
    assert not is_garbled("Kamerstukken II 2018/19, 35000 VI, nr. 59, gewijzigd onder nr. 78.")
    assert not is_garbled("https://ec.europa.eu/home-affairs/what-we-do/ip_20_2291.pdf")
    assert not is_garbled("Onbehagen gemeten als combinatie van pessimisme en politieke onvrede, SCP 2017.")


def test_join_lines() -> None:
    assert join_lines(["zie http://www.imf.org/external/datamapper/", "NGDP_RPCH@WEO (april 2018)."]) == \
        "zie http://www.imf.org/external/datamapper/NGDP_RPCH@WEO (april 2018)."
    assert join_lines(["in de basisbe-", "hoeften van"]) == "in de basisbehoeften van"
    assert join_lines(["19", " 637   , nr. 2623."]) == "19 637, nr. 2623."


# --- corpus -------------------------------------------------------------------------------

def _notes(corpus_paths, key):
    return extract_footnotes(raw_pages(corpus_paths[key].read_text(encoding="utf-8")))[1]


def test_corpus_2020_letter(corpus_paths) -> None:
    notes = _notes(corpus_paths, "agreements_2020")
    assert [(n.number, n.references) for n in notes] == [
        (1, ("kst-35300-VI-37",)), (2, ("kst-19637-2375",)), (3, ("kst-34952-1",))]
    # footnote 5 (a URL) exists only interleaved with footnote 2 of another layer: not invented


def test_corpus_2021_letter(corpus_paths) -> None:
    notes = _notes(corpus_paths, "progress_2021")
    assert [(n.number, n.references) for n in notes] == [
        (1, ("kst-35000-VI-59", "kst-35000-VI-78")),
        (10, ("https://ec.europa.eu/commission/presscorner/detail/en/ip_20_2291",)),
        (11, ("kst-19637-2623",)),
    ]


def test_corpus_ocr_letter_has_none(corpus_paths) -> None:
    assert _notes(corpus_paths, "taskforce_2025") == ()


def test_corpus_kamerstuk(corpus_paths) -> None:
    notes = _notes(corpus_paths, "kamerstuk_2395")
    assert [n.number for n in notes] == [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15]  # 8-11 are not in the extraction
    refs = {n.number: n.references for n in notes}
    assert refs[4] == refs[5] == ("kst-19637-2386",)
    assert refs[6] == ("kst-21501-20-1281",)
    assert refs[7] == ("kst-34482-B",)
    assert refs[12] == ("kst-19637-2394",)
    assert refs[13] == ("kst-32824-147",)
    assert refs[14] == ("kst-32847-365",)
    assert notes[-1].text == "Onbehagen gemeten als combinatie van pessimisme en politieke onvrede, SCP 2017."
    text = corpus_paths["kamerstuk_2395"].read_text(encoding="utf-8")
    assert text[notes[-2].start:notes[-2].end] == "14 Kamerstuk 32 847, nr. 365"


def test_block_without_separator_only_takes_clear_citations() -> None:
    text = "\n".join([
        "body tekst van een pagina ",
        "3",
        " dit is een ingesprongen bodyregel zonder verwijzing ",
        "10",
        " https://ec.europa.eu/commission/presscorner/detail/en/ip_20_2291. ",
        "11",
        "   Kamerstukken II 2019/20, 19 637, nr. 2623. ",
    ])
    pages, notes = extract_footnotes(raw_pages(text))
    assert [(n.number, n.references) for n in notes] == [
        (10, ("https://ec.europa.eu/commission/presscorner/detail/en/ip_20_2291",)), (11, ("kst-19637-2623",))]
    assert "dit is een ingesprongen bodyregel" in pages[0].text and "3" in pages[0].text.split("\n")
