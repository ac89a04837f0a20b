"""repair_ocr: Unicode, Dutch words with the lexicon, margin fragments kept as metadata."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list

from ima.domain.document import Extraction, SourceFormat
from ima.domain.text import Line, Page
from ima.ingest import lexicon
from ima.ingest.furniture import remove_furniture
from ima.ingest.layers import separate_layers
from ima.ingest.ocr import fix_word, repair_ocr
from ima.ingest.pages import split_pages
from ima.ingest.spelling import correct

KEYS = {"page", "start", "end", "before", "after", "reason"}


def _page(texts: list[str], number: int = 1) -> tuple[Page, str]:
    """A page over the raw text ``"\\n".join(texts)``, each line's span exact."""
    lines, pos = [], 0
    for t in texts:
        lines.append(Line(t, pos, pos + len(t)))
        pos += len(t) + 1
    return Page(number, tuple(lines)), "\n".join(texts)


def test_diacritics_repaired_with_the_lexicon():
    assert fix_word("Tunesié") == "Tunesië"
    assert fix_word("financiéle") == "financiële"
    assert fix_word("codrdinatie") == "coördinatie"
    assert fix_word("gecreéerd") == "gecreëerd"
    assert fix_word("Jordanié") == "Jordanië"
    assert fix_word("café") is None  # a known word is never changed
    assert fix_word("Klashorst") is None


def test_each_correction_recorded_with_its_raw_span_and_reason():
    page, raw = _page(["grensbewaking in Turkije en Tunesié, of om", "zet in op EU-codrdinatie t.a.v."])
    result = repair_ocr((page,))
    assert result.pages[0].lines[0].text == "grensbewaking in Turkije en Tunesië, of om"
    assert result.pages[0].lines[1].text == "zet in op EU-coördinatie t.a.v."
    assert [(l.start, l.end) for l in result.pages[0].lines] == [(l.start, l.end) for l in page.lines]
    changes = result.details["corrections"]
    assert [(c["before"], c["after"]) for c in changes] == [("Tunesié", "Tunesië"), ("codrdinatie", "coördinatie")]
    for c in changes:
        assert KEYS <= set(c)
        assert raw[c["start"]:c["end"]] == c["before"]
        assert "known word" in c["reason"]


def test_margin_fragments_cut_and_kept_as_removals():
    texts = [
        "Het kabinet committeert zich aan consequente monitoring en waar relevant",
        "onafhankelijke evaluatie van door NL gefinancierde programmering op ;‘i‘;faat‘i‘e'g‘i:f“\"”aa'",
        "contraproductief is of negatieve neveneffecten heeft. Daartoe zal het kabinet ook Datum",
        "de Europese Commissie blijven oproepen. 23 mei 2025",
    ]
    page, raw = _page(texts)
    result = repair_ocr((page,))
    out = [l.text for l in result.pages[0].lines]
    assert out[1] == "onafhankelijke evaluatie van door NL gefinancierde programmering op"
    assert out[2] == "contraproductief is of negatieve neveneffecten heeft. Daartoe zal het kabinet ook"
    assert out[3] == "de Europese Commissie blijven oproepen."
    removed = {r.line.text: r for r in result.pages[0].removed}
    assert set(removed) == {";‘i‘;faat‘i‘e'g‘i:f“\"”aa'", "Datum", "23 mei 2025"}
    # the fragment keeps the span of the line it was cut from
    assert (removed["Datum"].line.start, removed["Datum"].line.end) == (page.lines[2].start, page.lines[2].end)
    assert all(r.reason.startswith("margin: ") for r in removed.values())
    margin = result.details["margin"]
    assert sorted(m["text"] for m in margin) == sorted(removed)
    for m in margin:
        assert raw[m["start"]:m["end"]] == m["text"]


def test_a_date_in_the_sentence_is_kept():
    texts = ["Het kabinet heeft de Kamer hierover geïnformeerd in de brief van 23 mei 2025"]
    assert [l.text for l in repair_ocr((_page(texts)[0],)).pages[0].lines] == texts


# A letter of another ministry: other sidebar words, same layout defect.
INTRO = [
    "Met deze brief informeer ik uw Kamer over de voortgang van de woningbouwopgave in",
    "het afgelopen jaar. In de brief van vorig jaar heb ik aangekondigd dat het kabinet",
    "samen met de provincies en gemeenten afspraken maakt over de bouw van nieuwe",
    "woningen. Die afspraken zijn inmiddels vastgelegd in regionale woondeals, waarin",
    "per regio staat hoeveel woningen er tot het einde van het decennium bij komen en",
    "welke rol elke partij daarbij speelt. De uitvoering verloopt in de meeste regio's",
    "volgens plan, al zijn er ook regio's waar de bouw achterblijft bij de afspraken.",
    "",
]
OTHER = INTRO + [
    "Het ministerie ondersteunt gemeenten bij de uitvoering van de nieuwe wet en zorgt",
    "ervoor dat de middelen tijdig beschikbaar komen voor de regionale samenwerking Directie Wonen",
    "tussen gemeenten, provincies en woningcorporaties in het hele land, zodat plannen",
    "sneller kunnen worden uitgevoerd en de bouw van woningen niet langer stil hoeft te Wonen",
    "liggen door een gebrek aan capaciteit bij de betrokken overheden. 12 maart 2024",
    "Daarnaast blijft het ministerie in gesprek met de Vereniging van Nederlandse",
    "Gemeenten over de financiering van de opgave in de komende jaren.",
]


def test_sidebar_words_of_another_ministry_by_position_and_repetition():
    result = repair_ocr((_page(OTHER)[0],))
    out = [l.text for l in result.pages[0].lines][len(INTRO):]
    assert out[1].endswith("regionale samenwerking")  # beyond the column, breaks the sentence
    assert out[3].endswith("stil hoeft te")  # inside the column, but repeated next to other fragments
    assert out[4].endswith("betrokken overheden.")
    assert out[5].endswith("Vereniging van Nederlandse")  # a name running on: not margin
    assert {m["text"] for m in result.details["margin"]} == {"Directie Wonen", "Wonen", "12 maart 2024"}


def test_capitalised_line_end_in_the_body_is_kept():
    texts = ["Het kabinet werkt in dit verband nauw samen met de andere lidstaten van de Europese Unie",
             "en met de landen van herkomst.", "De samenwerking met Marokko loopt via Nederland",
             "en Spanje."]
    page, _ = _page(texts)
    assert repair_ocr((page,)).pages[0] == page


def test_standalone_noise_and_repeated_sidebar_lines_removed():
    n = len(INTRO) + 2  # the sidebar lines stand between body lines, where OCR put them
    texts = OTHER[:n] + [", \\ . s . . . ;", "Directie Wonen", "12 maart 2024"] + OTHER[n:]
    result = repair_ocr((_page(texts)[0],))
    body = [l.text for l in result.pages[0].lines]
    assert len(body) == len(OTHER)
    for gone in (", \\ . s . . . ;", "Directie Wonen", "12 maart 2024"):
        assert gone not in body
    reasons = {r.line.text: r.reason for r in result.pages[0].removed}
    assert reasons["Directie Wonen"] == "margin: sidebar text repeated from a margin fragment of this document"
    assert reasons[", \\ . s . . . ;"] == "margin: margin noise line"


def test_general_edits_only_in_text_with_ocr_damage():
    clean = ["De leden hebben de brief met belangstelling gelezen en sprekken hun steun uit."]
    page, _ = _page(clean)
    assert repair_ocr((page,)).pages[0] == page  # no OCR evidence: an unknown word stays
    damaged = clean + ["Zij noemen Tunesié en Jordanié als voorbeeld van financiéle steun."]
    out = repair_ocr((_page(damaged)[0],))
    assert "spreken hun steun" in out.pages[0].lines[0].text
    assert out.details["edits"] is True


def test_hyphenation_fragments_are_left_to_the_next_stage():
    texts = ["Zij noemen Tunesié en Jordanié als voorbeeld van ontwikkelingssamenwerkings-",
             "gelden en tegelij-", "kertijd meer steun."]
    out = [l.text for l in repair_ocr((_page(texts)[0],)).pages[0].lines]
    assert out[0].endswith("ontwikkelingssamenwerkings-")
    assert out[1:] == texts[1:]


def test_references_in_brackets_are_not_garbage():
    texts = ["heeft ontvangen (Kamerstuk 34 952, nr. 1). ", "Voorzieningen (LVV’s). "]
    assert [l.text for l in repair_ocr((_page(texts)[0],)).pages[0].lines] == texts


def test_unicode_mojibake_fixed():
    out = repair_ocr((_page(["de financiÃ«le steun"])[0],))
    assert out.pages[0].lines[0].text == "de financiële steun"
    assert out.details["corrections"][0]["kind"] == "unicode"


def test_corpus_letter_2025(corpus_paths):
    raw = corpus_paths["taskforce_2025"].read_text(encoding="utf-8")
    result = split_pages(Extraction(raw, SourceFormat.TEXT))
    for stage in (separate_layers, remove_furniture, repair_ocr):
        result = stage(result.pages)
    body = "\n".join(p.text for p in result.pages)
    for word in ("Tunesië", "Jordanië", "financiële", "coördinatie", "gecreëerd"):
        assert word in body
    # no Tunesié-style error left: no word the OCR-confusion repair would still change
    assert not [w for w in re.findall(r"[^\W\d_]{3,}", body) if correct(w, edits=False) is not None]
    for bad in ("Tunesié", "Jordanié", "financiéle", "codrdinatie", "gecreéerd"):
        assert bad not in body
    lines = [l.text.strip() for p in result.pages for l in p.lines]
    assert not any(l.endswith(("Migratie", "Internationaal", "Datum", "2025", "..")) for l in lines)
    assert not any("‘i‘" in l or "Migratiebeleid" in l for l in lines)
    changes = result.details["corrections"]
    fixed = {c["before"]: c["after"] for c in changes if c["after"]}
    assert fixed == {"Tunesié": "Tunesië", "Jordanié": "Jordanië", "financiéle": "financiële",
                     "codrdinatie": "coördinatie", "gecreéerd": "gecreëerd"}
    for c in changes:  # every change traceable to the raw text
        assert raw[c["start"]:c["end"]] == c["before"]
    margin = {m["text"] for m in result.details["margin"]}
    assert {"Migratie", "Bureau Internationaal", "23 mei 2025", "Datum"} <= margin
    assert any("Migratiebeleid" in m for m in margin)


KNOWN = ("de het een van en in op met voor aan dat die zijn worden kabinet migratie terugkeer landen "
         "samenwerking Nederland vluchtelingen regio beleid brief Kamer inzet België Tunesië financiële "
         "coördinatie café").split()
COMMON = [w for w in top_n_list("nl", 3000) if w.isalpha() and lexicon.listed(w)]
sentences = st.lists(st.sampled_from(KNOWN + COMMON), min_size=1, max_size=14).map(" ".join)
punct = st.sampled_from(["", ".", ",", ";", " –"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(sentences, punct).map("".join), max_size=10))
def test_valid_dutch_text_unchanged(texts):
    page, _ = _page(texts)
    result = repair_ocr((page,))
    assert result.pages[0] == page
    assert result.details["count"] == 0


noisy = st.text(alphabet=st.sampled_from(list("abcdeéèiíoöuü ;:‘'\".,TunesiMD")), max_size=90)


@settings(max_examples=150, deadline=None)
@given(st.lists(noisy, max_size=8))
def test_idempotent(texts):
    once = repair_ocr((_page(texts)[0],))
    twice = repair_ocr(once.pages)
    assert [p.lines for p in twice.pages] == [p.lines for p in once.pages]
    assert twice.details["count"] == 0
