"""separate_layers: subtract earlier pages' text layers from later pages.

Property tests use the defect generator (``ima.ingest.defects``) on clean Dutch
prose from the corpus; the CER bounds are a margin over what ``bench/repair.py``
measured (worst document: 0.4% with 2 layers, under 1% with 3-4).
"""

from __future__ import annotations

import random

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from ima.domain.document import Extraction, SourceFormat
from ima.domain.text import Line, Page
from ima.ingest.defects import LayerSettings, Run, generate, merge_line
from ima.ingest.layer_align import align_lines
from ima.ingest.layer_subtract import remove
from ima.ingest.layers import separate_layers, subtract
from ima.ingest.pages import split_pages


def _page(number: int, texts: list[str], offset: int = 0) -> Page:
    lines, pos = [], offset
    for t in texts:
        lines.append(Line(t, pos, pos + len(t)))
        pos += len(t) + 1
    return Page(number, tuple(lines))


def _fold(text: str) -> str:
    return " ".join(text.split())


def _cer(got: str, want: str) -> float:
    return Levenshtein.distance(_fold(got), _fold(want)) / max(1, len(_fold(want)))


def _separate(doc):
    split = split_pages(Extraction(doc.text, SourceFormat.TEXT)).pages
    return split, separate_layers(split)


def test_whole_lines_of_earlier_page_are_removed():
    p1 = ["Eerste pagina regel een.", "Eerste pagina regel twee."]
    p2 = ["Eerste pagina regel een.", "Nieuwe tekst op pagina twee.", "Eerste pagina regel twee."]
    result = separate_layers((_page(1, p1), _page(2, p2, 100)))
    assert result.pages[1].text == "Nieuwe tekst op pagina twee."
    assert result.details["layered"] is True


def test_interleaved_line_keeps_the_new_text():
    assert subtract("Postbus 20301", "PDoatstubmus 2 0301") == "Datum"
    old = "het kabinet zet in op terugkeer"
    new = "de samenwerking met landen van herkomst"
    merged = merge_line([Run(0, 0, old, 0), Run(0, 0, new, 1)], random.Random(0))
    assert subtract(old, merged) == new


def test_duplicated_letters_of_identical_text():
    assert subtract("Directoraat-Generaal", "DDiirereccttoraatoraat--GGenenereraalaal") == "Directoraat-Generaal"


def test_several_earlier_lines_merged_into_one_line():
    # two earlier lines (body at the margin, a sidebar entry far right) land on the
    # baseline of one new line: the current line carries both, and the new text stays
    body = "De leden vragen naar de inzet van het kabinet."
    side = "Ons kenmerk"
    new = "Het kabinet antwoordt als volgt op de vragen."
    rng = random.Random(3)
    merged = merge_line([Run(0, 0, body, 0), Run(0, 62, side, 0), Run(0, 0, new, 1)], rng)
    prev = ["Aanhef van de brief", body, side, "Slot van de brief"]
    cur = ["Aanhef van de brief", merged, "Slot van de brief"]
    mapped = align_lines(prev, cur)
    assert mapped.whole == {0: 0, 2: 3}
    assert mapped.merged == {1: [1, 2]}
    rest, missing = remove([body, side], merged)
    assert (rest, missing) == (new, 0)


def test_earlier_line_with_swapped_glyphs_is_still_found():
    # glyphs of two layers at the same x come out in either order: "Zb" for "bZ"
    prev = ["bZeog de inzet van het kabinet op terugkeer", "tweede regel"]
    cur = ["Zbeog de inzet van het kabinet op terugkeer", "tweede regel", "nieuwe regel"]
    assert align_lines(prev, cur).whole == {0: 0, 1: 1}


def test_no_layers_is_a_no_op(corpus_paths):
    for key in ("kamerstuk_2395", "taskforce_2025"):
        text = corpus_paths[key].read_text(encoding="utf-8")
        pages = split_pages(Extraction(text, SourceFormat.TEXT)).pages
        result = separate_layers(pages)
        assert result.pages == pages
        assert result.details["layered"] is False


def test_unrelated_pages_are_not_layered():
    p1 = ["Over de opvang van vluchtelingen in de regio.", "Een tweede zin over beleid."] * 3
    p2 = ["Iets heel anders over terugkeer.", "En nog een zin over landen."] * 3
    pages = (_page(1, p1), _page(2, p2, 400))
    assert separate_layers(pages).pages == pages


def test_corpus_letter_later_pages_do_not_repeat_page_one(corpus_paths):
    text = corpus_paths["agreements_2020"].read_text(encoding="utf-8")
    pages = separate_layers(split_pages(Extraction(text, SourceFormat.TEXT)).pages)
    first = pages.pages[0].text
    assert "In reactie op de motie Becker" in first
    for page in pages.pages[1:]:
        assert "In reactie op de motie Becker" not in page.text
        assert "voor de opvang van vluchtelingen te behouden" not in page.text
    assert "Voor een aantal landen heeft de Europese Commissie een" in pages.pages[1].text
    for page in pages.pages:
        for line in page.lines:
            assert 0 <= line.start <= line.end <= len(text)
    assert set(pages.details["unattributed"]) == {1, 3, 5, 7}


def test_corpus_progress_report_last_page_is_separated(corpus_paths):
    text = corpus_paths["progress_2021"].read_text(encoding="utf-8")
    result = separate_layers(split_pages(Extraction(text, SourceFormat.TEXT)).pages)
    assert [p.number for p in result.pages] == [1, 3, 5, 7, 9, 11]
    *_, page9, page11 = result.pages
    assert "Bovenstaande initiatieven richten zich alle direct op het zo gericht mogelijk" in page9.text
    assert "In februari van 2020 heb ik de" in page9.text  # five layers, untangled
    assert "Het kabinet hecht aan het behouden en vergroten van draagvlak" in page11.text
    assert "De Staatssecretaris van Justitie en Veiligheid" in page11.text
    for later in (page9, page11):  # page 1's text, carried by every later layer, is gone
        assert "Op 29 maart 2018 presenteerde het kabinet" not in later.text
    assert "Bovenstaande initiatieven" not in page11.text


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.0, 1.0), st.sampled_from(["random", "earlier", "later"]))
@example(seed=299, coincide=1.0, ties="random")  # the worst case hypothesis found: CER 1.64% on one page
def test_two_layers_recover_each_page(seed, coincide, ties):
    doc = generate(LayerSettings(layers=2, coincide=coincide, ties=ties), random.Random(seed))
    split, result = _separate(doc)
    assert [p.number for p in result.pages] == list(doc.numbers)
    # When every glyph of both layers shares its position and ties fall in random order, the
    # letter order inside a shared position is not in the text at all; only the lexicon can
    # restore it, and some swaps (`dta`, `strengero f`) stay. Known limit, measured: 1.64%
    # on seed 299. Elsewhere the 1.5% bound holds.
    limit = 0.02 if coincide > 0.95 and ties == "random" else 0.015
    for page, want in zip(result.pages, doc.truth):
        assert _cer(page.text, want) <= limit
    for raw, page in zip(split, result.pages):  # every kept line is a line of its own chunk
        spans = {(l.start, l.end) for l in raw.lines}
        assert all((l.start, l.end) in spans for l in page.lines)


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10_000), st.integers(3, 4), st.sampled_from(["all", "first"]))
def test_more_layers_recover_each_page(seed, layers, mode):
    doc = generate(LayerSettings(layers=layers, mode=mode), random.Random(seed))
    _, result = _separate(doc)
    assert len(result.pages) == len(doc.truth)
    for page, want in zip(result.pages, doc.truth):
        assert _cer(page.text, want) <= 0.03


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 5))
def test_new_page_lines_are_kept_once(seed, layers):
    # baselines never coincide: the new page's lines alternate with earlier ones, and
    # each must come back exactly once, in order (identical sidebars merge and are kept once)
    doc = generate(LayerSettings(layers=layers, coincide=0.0, sidebar=False), random.Random(seed))
    _, result = _separate(doc)
    for page, want in zip(result.pages, doc.truth):
        got = [_fold(l.text) for l in page.lines if l.text.strip()]
        assert got == [_fold(l) for l in want.splitlines() if l.strip()]
