"""remove_furniture: letterhead, sidebar, footers, lone digits; body text is never removed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ima.domain.document import Extraction, SourceFormat
from ima.domain.text import Line, Page
from ima.ingest.furniture import remove_furniture
from ima.ingest.layers import separate_layers
from ima.ingest.pages import split_pages


def _page(number: int, texts: list[str], offset: int = 0) -> Page:
    lines, pos = [], offset
    for t in texts:
        lines.append(Line(t, pos, pos + len(t)))
        pos += len(t) + 1
    return Page(number, tuple(lines))


LETTER = [
    "> Retouradres Postbus 20350 2500 EJ  Den Haag",
    "Directoraat-Generaal Internationale Zaken",
    "Aan de Voorzitter van de Tweede Kamer",
    "der Staten-Generaal",
    "Postbus 20018",
    "2500 EA  DEN HAAG",
    "Ons kenmerk",
    "1234567",
    "Bij beantwoording de datum",
    "en ons kenmerk vermelden.",
    "Datum 3 maart 2022",
    "Onderwerp Voortgang van de samenwerking met",
    "",
    "partnerlanden op het gebied van migratie",
    "",
    "",
    "1",
    "Hierbij informeer ik uw Kamer over de voortgang van de samenwerking met landen van",
    "herkomst, zoals toegezegd tijdens het debat over de begroting van vorig jaar.",
    "",
    "Pagina 1 van 4",
]


def test_letterhead_sidebar_and_footer_removed_body_kept():
    result = remove_furniture((_page(1, LETTER),))
    page = result.pages[0]
    body = [l.text for l in page.lines if l.text.strip()]
    assert body[0].startswith("Hierbij informeer ik uw Kamer")
    assert len(body) == 2
    reasons = {r.line.text: r.reason for r in page.removed}
    assert reasons["1"] == "footnote call 1"
    assert reasons["Pagina 1 van 4"] == "page footer"
    assert reasons["partnerlanden op het gebied van migratie"] == "letterhead"
    assert result.details["footnote_calls"][0]["call"] == "1"


def test_later_page_sidebar_lines_between_body_lines():
    page3 = _page(3, [
        "Daarnaast blijft het kabinet zich inzetten voor de bescherming van migranten.",
        "Directoraat-Generaal Internationale Zaken",
        "Datum",
        "3 maart 2022",
        "Ons kenmerk",
        "1234567",
        "Dat geldt ook voor de samenwerking met de landen in de regio.",
        "Tweede Kamer, vergaderjaar 2021–2022, 19 637, nr. 2900 3",
    ], offset=1000)
    result = remove_furniture((_page(1, LETTER), page3))
    body = [l.text for l in result.pages[1].lines if l.text.strip()]
    assert body == [
        "Daarnaast blijft het kabinet zich inzetten voor de bescherming van migranten.",
        "Dat geldt ook voor de samenwerking met de landen in de regio.",
    ]


def test_body_lines_that_look_like_labels_are_kept():
    texts = [
        "Het onderwerp van gesprek met de landen van herkomst is terugkeer.",
        "21 501-20, nr. 1265)",
        "De datum van het overleg is nog niet bekend.",
        "Postbus 51 is een bekende naam.",
    ]
    result = remove_furniture((_page(1, texts),))
    assert [l.text for l in result.pages[0].lines] == texts


def test_running_headers_removed_with_their_page_number():
    body = "De leden van de {}-fractie hebben kennisgenomen van de brief en stellen nog enkele vragen."
    pages = (
        _page(6, [body.format("VVD"), "Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 6"]),
        _page(7, ["12 Eerste Kamer, vergaderjaar 2019–2020, 35 300 VI, C", body.format("CDA")], 100),
        _page(8, [body.format("SP"), "Tweede Kamer, vergaderjaar 2020-2021, 35 570-VI, nr. 8 2"], 200),
    )
    result = remove_furniture(pages)
    for page, party in zip(result.pages, ("VVD", "CDA", "SP")):
        assert [l.text for l in page.lines] == [body.format(party)]
    reasons = [r.reason for p in result.pages for r in p.removed]
    assert reasons == ["running header/footer, page 6", "running header/footer, page 12",
                       "running header/footer, page 2"]
    assert [d["printed"] for d in result.details["running_pages"]] == [6, 12, 2]


def test_kamerstukken_header_only_when_it_recurs_at_the_page_edge():
    body = "Het kabinet verwijst naar de eerdere brief over dit onderwerp aan uw Kamer ({})."
    header = "Kamerstukken II 2017/18, 19 637, nr. 2395 {}"
    pages = tuple(_page(n, [body.format(n), f"{n + 2} Kamerstukken II 2017/18, 19 637, nr. 2380",
                            body.format(-n), header.format(n)], n * 500) for n in (2, 3, 4))
    result = remove_furniture(pages)
    for n, page in zip((2, 3, 4), result.pages):
        assert [r.reason for r in page.removed] == [f"running header/footer, page {n}"]
        assert f"{n + 2} Kamerstukken II 2017/18, 19 637, nr. 2380" in [l.text for l in page.lines]
    # a footnote citing a paper once is not a header
    single = remove_furniture((_page(1, [body, "3 Kamerstukken II 2019/20, 28 638, nr. 7"]),))
    assert not single.pages[0].removed


def test_corpus_kamerstuk_running_headers(corpus_paths):
    text = corpus_paths["kamerstuk_2395"].read_text(encoding="utf-8")
    result = remove_furniture(split_pages(Extraction(text, SourceFormat.TEXT)).pages)
    for page in result.pages:
        assert not any("vergaderjaar" in l.text for l in page.lines)
    assert [(d["page"], d["printed"]) for d in result.details["running_pages"]] == [(7, 7), (31, 31)]


def test_ocr_margin_fragment_removed():
    texts = ["Dit is gewone tekst over migratie en terugkeer.", ", \\ . s . . . Migratiebeleid", "Nog een zin."]
    result = remove_furniture((_page(1, texts),))
    assert [r.reason for r in result.pages[0].removed] == ["margin fragment"]


def test_corpus_letter_page_one_body_starts_with_motion(corpus_paths):
    text = corpus_paths["agreements_2020"].read_text(encoding="utf-8")
    pages = separate_layers(split_pages(Extraction(text, SourceFormat.TEXT)).pages).pages
    result = remove_furniture(pages)
    first = [l.text for l in result.pages[0].lines if l.text.strip()]
    assert first[0].startswith("In reactie op de motie Becker c.s.")
    for page in result.pages:
        assert "Retouradres" not in page.text
        assert "Pagina" not in page.text


line = st.text(alphabet=st.sampled_from(list("abcDP 0123.,>-é")), max_size=40)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(line, max_size=15), min_size=1, max_size=4))
def test_only_removes_never_edits(pages_texts):
    pages, pos = [], 0
    for n, texts in enumerate(pages_texts, start=1):
        pages.append(_page(n, texts, pos))
        pos += sum(len(t) + 1 for t in texts)
    result = remove_furniture(tuple(pages))
    for before, after in zip(pages, result.pages):
        kept = list(after.lines) + [r.line for r in after.removed]
        assert sorted(kept, key=lambda l: (l.start, l.end)) == sorted(before.lines, key=lambda l: (l.start, l.end))
        # order of kept lines is preserved
        assert list(after.lines) == [l for l in before.lines if l in set(after.lines)]
