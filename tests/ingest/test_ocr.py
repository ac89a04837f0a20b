"""repair_ocr: Unicode, Dutch diacritics with the lexicon, margin garbage; no-op on clean text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ima.domain.text import Line, Page
from ima.ingest.ocr import fix_word, repair_ocr


def _page(texts: list[str]) -> Page:
    lines, pos = [], 0
    for t in texts:
        lines.append(Line(t, pos, pos + len(t)))
        pos += len(t) + 1
    return Page(1, tuple(lines))


def test_diacritics_repaired_with_the_lexicon():
    assert fix_word("Tunesié") == "Tunesië"
    assert fix_word("financiéle") == "financiële"
    assert fix_word("codrdinatie") == "coördinatie"
    assert fix_word("gecreéerd") == "gecreëerd"
    assert fix_word("Jordanié") == "Jordanië"
    assert fix_word("café") is None  # a known word is never changed
    assert fix_word("Klashorst") is None


def test_repair_reports_each_correction_and_keeps_spans():
    page = _page(["grensbewaking in Turkije en Tunesié, of om", "zet in op EU-codrdinatie t.a.v."])
    result = repair_ocr((page,))
    assert result.pages[0].lines[0].text == "grensbewaking in Turkije en Tunesië, of om"
    assert result.pages[0].lines[1].text == "zet in op EU-coördinatie t.a.v."
    assert [(l.start, l.end) for l in result.pages[0].lines] == [(l.start, l.end) for l in page.lines]
    assert [c["kind"] for c in result.details["corrections"]] == ["diacritics", "diacritics"]
    assert result.details["corrections"][0]["before"].endswith("Tunesié, of om")


def test_margin_garbage_stripped():
    page = _page([
        "Het kabinet committeert zich aan consequente monitoring en waar relevant",
        "onafhankelijke evaluatie van door NL gefinancierde programmering op ;‘i‘;faat‘i‘e'g‘i:f“\"”aa'",
        "contraproductief is of negatieve neveneffecten heeft. Daartoe zal het kabinet ook Datum",
        "de Europese Commissie blijven oproepen. 23 mei 2025",
    ])
    out = [l.text for l in repair_ocr((page,)).pages[0].lines]
    assert out[1] == "onafhankelijke evaluatie van door NL gefinancierde programmering op"
    assert out[2] == "contraproductief is of negatieve neveneffecten heeft. Daartoe zal het kabinet ook"
    assert out[3] == "de Europese Commissie blijven oproepen."


def test_references_in_brackets_are_not_garbage():
    texts = ["heeft ontvangen (Kamerstuk 34 952, nr. 1). ", "Voorzieningen (LVV’s). "]
    assert [l.text for l in repair_ocr((_page(texts),)).pages[0].lines] == texts


def test_unicode_mojibake_fixed():
    out = repair_ocr((_page(["de financiÃ«le steun"]),))
    assert out.pages[0].lines[0].text == "de financiële steun"


KNOWN = ("de het een van en in op met voor aan dat die zijn worden kabinet migratie terugkeer landen "
         "samenwerking Nederland vluchtelingen regio beleid brief Kamer inzet België Tunesië financiële "
         "coördinatie café").split()
sentences = st.lists(st.sampled_from(KNOWN), min_size=1, max_size=12).map(" ".join)
punct = st.sampled_from(["", ".", ",", ";", " –"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(sentences, punct).map("".join), max_size=10))
def test_noop_on_known_words(texts):
    page = _page(texts)
    result = repair_ocr((page,))
    assert result.pages[0] == page
    assert result.details["count"] == 0


noisy = st.text(alphabet=st.sampled_from(list("abcdeéèiíoöuü ;:‘'\".,Tunesi")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(st.lists(noisy, max_size=8))
def test_idempotent(texts):
    once = repair_ocr((_page(texts),))
    twice = repair_ocr(once.pages)
    assert twice.pages == once.pages
