"""split_pages: exact raw spans, page signals, estimated Kamerstuk pages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ima.domain.document import Extraction, SourceFormat
from ima.ingest.pages import decode_letter_footer, split_pages


def _ex(text: str, breaks=None) -> Extraction:
    return Extraction(text=text, format=SourceFormat.TEXT, page_breaks=breaks)


def _check_spans(text, result):
    last = -1
    for page in result.pages:
        for line in page.lines:
            assert 0 <= line.start <= line.end <= len(text)
            assert text[line.start:line.end] == line.text
            assert line.start > last or (line.start == line.end)
            last = max(last, line.start)


def test_no_page_signal_is_one_page():
    text = "Eerste regel\nTweede regel\n"
    result = split_pages(_ex(text))
    assert [p.number for p in result.pages] == [1]
    assert result.details["method"] == "none"
    _check_spans(text, result)


def test_page_breaks_from_the_format():
    text = "a\nb\nc\nd"
    result = split_pages(_ex(text, breaks=(4,)))
    assert [p.text for p in result.pages] == ["a\nb", "c\nd"]
    assert result.details["method"] == "page_breaks"


def test_form_feeds():
    text = "een\ntwee\fdrie\nvier"
    result = split_pages(_ex(text))
    assert [p.number for p in result.pages] == [1, 2]
    assert result.pages[1].text == "drie\nvier"
    _check_spans(text, result)


def test_letter_footers_and_overlaid_footers():
    assert decode_letter_footer(" Pagina 3 van 8 ") == (3, 8, 1)
    assert decode_letter_footer("  PPaaggiinnaa  31  vvaann  88  ", {1}) == (3, 8, 2)
    assert decode_letter_footer("   PPPaaagggiiinnnaaa   135   vvvaaannn   111111   ", {1, 3}) == (5, 11, 3)
    assert decode_letter_footer("Pagina's van ons archief") is None
    text = "tekst een\n Pagina 1 van 3 \ntekst drie\n  PPaaggiinnaa  31  vvaann  33  \n"
    result = split_pages(_ex(text))
    assert [p.number for p in result.pages] == [1, 3]
    assert not any(p.estimated for p in result.pages)
    _check_spans(text, result)


def _kamerstuk(pages: int, footer_pages: set[int], lines_per_page: int = 12) -> tuple[str, dict[int, str]]:
    out, firsts = [], {}
    for n in range(2, pages + 2):
        first = f"pagina {n} begint hier met tekst"
        firsts[n] = first
        out.append(" " + first)
        out += [f"regel {k} van pagina {n} met gewone tekst" for k in range(lines_per_page - 1)]
        if n in footer_pages:
            out += ["", f"Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 {n}", "", ""]
    return "\n".join(out), firsts


def test_kamerstuk_pages_counted_between_footers_and_flagged():
    text, firsts = _kamerstuk(10, {4, 9})
    result = split_pages(_ex(text))
    numbers = {p.number: p for p in result.pages}
    assert sorted(numbers) == list(range(2, 12))
    assert numbers[4].estimated is False and numbers[9].estimated is False
    assert numbers[6].estimated is True
    for n, first in firsts.items():
        assert first in numbers[n].text
    assert result.details["layout_consistent"] is True
    _check_spans(text, result)


def test_kamerstuk_corpus_terugkeer_pages(corpus_paths):
    text = corpus_paths["kamerstuk_2395"].read_text(encoding="utf-8")
    result = split_pages(_ex(text))
    pages = {p.number: p for p in result.pages}
    assert pages[7].estimated is False and pages[31].estimated is False
    assert "Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7" in pages[7].text
    assert pages[8].text.lstrip().startswith("de regio door de totstandkoming")
    assert all(p.estimated for n, p in pages.items() if n not in (7, 31))


def test_layered_letter_pages(corpus_paths):
    text = corpus_paths["progress_2021"].read_text(encoding="utf-8")
    result = split_pages(_ex(text))
    assert [p.number for p in result.pages] == [1, 3, 5, 7, 9, 11]


line_text = st.text(alphabet=st.sampled_from(list("abc XYZ.-é\t")), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(line_text, max_size=30), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_every_non_blank_line_kept_exactly_once(lines, sep, feeds):
    text = sep.join(lines)
    if feeds and len(lines) > 3:
        text = text.replace(sep, "\f", 1)
    result = split_pages(_ex(text))
    _check_spans(text, result)
    got = [l.text for p in result.pages for l in p.lines if l.text.strip()]
    want = [part for chunk in text.split("\f") for part in chunk.split("\n")]
    want = [w[:-1] if w.endswith("\r") else w for w in want]
    assert got == [w for w in want if w.strip()]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 90), st.integers(1, 60)), min_size=1, max_size=5))
def test_kamerstuk_page_numbers_stay_unique_and_ordered_whatever_the_footers_say(footers) -> None:
    """Footers that contradict each other or the layout never yield duplicate or falling page numbers."""
    parts = []
    for number, length in footers:
        parts.append("\n".join(f" Regel {i} over terugkeer." if i % 7 == 0 else f"Regel {i}." for i in range(length)))
        parts.append(f"Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 {number}")
    parts.append("Slotregel.")
    text = "\n".join(parts) + "\n"
    result = split_pages(Extraction(text, SourceFormat.TEXT))
    numbers = [p.number for p in result.pages]
    assert numbers == sorted(set(numbers)) and numbers[0] >= 1
    kept = [line.text for page in result.pages for line in page.lines if line.text.strip()]
    assert kept == [line for line in text.splitlines() if line.strip()]


def test_six_overlaid_footers_with_interleaved_van_are_decoded() -> None:
    known = {1, 3, 5, 7, 9}
    for footer in ("PPPPPPaaaaaaggggggiiiiiinnnnnnaaaaaa      759311 1    vvvvv aaaaavnnnnan  n   11111 1111111",
                   "PPPPPPaaaaaaggggggiiiiiinnnnnnaaaaaa      115937     1vvvvv aaaaavnnnnan  n   11111 1111111",
                   "PPPPPPaaaaaaggggggiiiiiinnnnnnaaaaaa      9117513     vvvvv aaaaavannnnnn     1111111111 11"):
        assert decode_letter_footer(footer, known) == (11, 11, 6)
    assert decode_letter_footer("Pagina 3 van 8") == (3, 8, 1)


def test_footer_digits_glued_to_the_van_letters() -> None:
    footer = "PPPPPPaaaaaaggggggiiiiiinnnnnnaaaaaa      5719131     vvvvv aaaaavnnnnna     n11111 1111111"
    assert decode_letter_footer(footer, {1, 3, 5, 7, 9}) == (11, 11, 6)
