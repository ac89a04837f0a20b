"""parse_metadata on small inputs: each date form, signature form, kind, structured and official input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ima.domain.document import Extraction, SourceFormat
from ima.domain.metadata import Chamber, DocumentKind, KamerstukRef, Signatory
from ima.domain.text import Line, Page
from ima.ingest.metadata import parse_metadata
from ima.ingest.metadata import official
from ima.ingest.metadata.dates import find_dates, normalise_vergaderjaar, parse_date
from ima.ingest.metadata.letter import find_letter_date, find_subject
from ima.ingest.metadata.signatories import find_signatories


def pages_of(text: str) -> tuple[Page, ...]:
    """Pages split on form feeds, lines with exact raw spans."""
    pages, lines, pos = [], [], 0
    for raw in text.split("\n"):
        parts = raw.split("\f")
        for k, part in enumerate(parts):
            if k:
                pages.append(Page(len(pages) + 1, tuple(lines)))
                lines = []
                pos += 1
            lines.append(Line(part, pos, pos + len(part)))
            pos += len(part)
        pos += 1
    pages.append(Page(len(pages) + 1, tuple(lines)))
    return tuple(pages)


def meta(text: str, *, source: str = "doc.txt", structured: dict | None = None):
    extraction = Extraction(text=text, format=SourceFormat.TEXT, structured=structured or {})
    return parse_metadata(extraction, pages_of(text), source=source)


def test_pages_helper_keeps_spans() -> None:
    text = "a\nbc\fde\n"
    for page in pages_of(text):
        for line in page.lines:
            assert text[line.start:line.end] == line.text


# --- dates -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10 juli 2020", dt.date(2020, 7, 10)),
        ("1 okt. 2019", dt.date(2019, 10, 1)),
        ("23 MEI 2025", dt.date(2025, 5, 23)),
        ("2018-06-14", dt.date(2018, 6, 14)),
        ("14-06-2018", dt.date(2018, 6, 14)),
        ("31 februari 2020", None),
        ("geen datum", None),
    ],
)
def test_parse_date(value, expected) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Datum 10 juli 2020"], dt.date(2020, 7, 10)),
        (["Op 29 maart 2018 presenteerde het kabinet", "Datum 11 januari 2021"], dt.date(2021, 1, 11)),
        (["Den Haag, 14 oktober 2019"], dt.date(2019, 10, 14)),
        (["Vastgesteld 14 juni 2018"], dt.date(2018, 6, 14)),
        (["Datum", "", "23 mei 2025"], dt.date(2025, 5, 23)),
        (["contraproductief is. Daartoe zal het kabinet ook Datum", "", "de Commissie blijven oproepen. 23 mei 2025"],
         dt.date(2025, 5, 23)),
        (["Bij brief van 12 juni 2018 zijn de vragen beantwoord."], None),
    ],
)
def test_letter_date_forms(lines, expected) -> None:
    assert find_letter_date(lines) == expected


def test_vergaderjaar() -> None:
    assert normalise_vergaderjaar("2017–2018") == "2017-2018"
    assert normalise_vergaderjaar("2017/18") == "2017-2018"
    assert normalise_vergaderjaar("20172018") == "2017-2018"
    assert normalise_vergaderjaar("1999/00") == "1999-2000"
    assert normalise_vergaderjaar("2017-2019") is None


def test_find_dates_ignores_garbage() -> None:
    assert find_dates("21500 j0u EHli 20  2D0e n Haag") == []


# --- subject ----------------------------------------------------------------------------

def test_subject_over_several_lines() -> None:
    lines = ["Onderwerp Uitvoering motie Becker cs. over uitvoering van de ", " ",
             "regeerakkoordafspraken over migratieovereenkomsten ", " ", " ", " ", "1", "In reactie op de motie"]
    assert find_subject(lines) == ("Uitvoering motie Becker cs. over uitvoering van de "
                                   "regeerakkoordafspraken over migratieovereenkomsten")


def test_subject_on_next_line_and_stops_at_body() -> None:
    assert find_subject(["Onderwerp", "Voortgang Integrale Migratieagenda", "", "", "Aanleiding"]) == \
        "Voortgang Integrale Migratieagenda"


# --- signatories ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["De Minister van Asiel en Migratie,", "", "M.H.M. Faber - van de Klashorst"],
         [Signatory("M.H.M. Faber - van de Klashorst", "De Minister van Asiel en Migratie")]),
        (["De Minister voor Buitenlandse Handel en Ontwikkelingshulp,", "", "Reinette Klever"],
         [Signatory("Reinette Klever", "De Minister voor Buitenlandse Handel en Ontwikkelingshulp")]),
        (["De Staatssecretaris van Justitie en Veiligheid,", "", "Ankie Broekers-Knol"],
         [Signatory("Ankie Broekers-Knol", "De Staatssecretaris van Justitie en Veiligheid")]),
        (["De voorzitter van de commissie,", "Van Meenen", "", "Adjunct-griffier van de commissie,", "Tielens-Tripels"],
         [Signatory("Van Meenen", "De voorzitter van de commissie"),
          Signatory("Tielens-Tripels", "Adjunct-griffier van de commissie")]),
        (["De voorzitter van de commissie, Van Meenen", "Adjunct-griffier van de commissie, Tielens-Tripels"],
         [Signatory("Van Meenen", "De voorzitter van de commissie"),
          Signatory("Tielens-Tripels", "Adjunct-griffier van de commissie")]),
        # overlaid layers: other layers' lines between office and name
        (["De Staatssecretaris van Justitie en Veiligheid,  ", "dteeg teelirujkergkteijedr eveann", "Aanleiding",
          "Op 29 maart 2018 presenteerde het kabinet", "Asiel, Opvang en Terugkeer", "Ankie Broekers-Knol"],
         [Signatory("Ankie Broekers-Knol", "De Staatssecretaris van Justitie en Veiligheid")]),
        # garbled beyond recovery: nothing invented
        (["De Staatssecretaris van Justitie en Veiligheid,", "AnDkiee  BSrtoaeak", "Aanleiding"], []),
        (["De Minister van Buitenlandse Zaken heeft, zoals gezegd,", "Jan Jansen"], []),
    ],
)
def test_signature_forms(lines, expected) -> None:
    assert list(find_signatories(lines)) == expected


# --- kinds --------------------------------------------------------------------------------

LETTER = """> Retouradres Postbus 20301 2500 EH  Den Haag
Directoraat-Generaal

Migratie
Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Ons kenmerk
2971694
Datum 10 juli 2020
Onderwerp Uitvoering motie

Hierbij informeer ik uw Kamer.

De Staatssecretaris van Justitie en Veiligheid,

A. Jansen
"""


def test_letter() -> None:
    m = meta(LETTER)
    assert m.kind is DocumentKind.LETTER
    assert m.addressee is Chamber.TWEEDE_KAMER
    assert m.date == dt.date(2020, 7, 10)
    assert m.kenmerk == "2971694"
    assert m.subject == m.title == "Uitvoering motie"
    assert m.directorate == "Directoraat-Generaal Migratie"
    assert m.signatories == (Signatory("A. Jansen", "De Staatssecretaris van Justitie en Veiligheid"),)
    assert m.provenance["date"] == "text"


def test_eerste_kamer_letter() -> None:
    m = meta(LETTER.replace("Tweede Kamer", "Eerste Kamer"))
    assert m.addressee is Chamber.EERSTE_KAMER


def test_parliamentary_paper_from_footer() -> None:
    text = ("De leden van de VVD-fractie hebben kennisgenomen.\n\n"
            "Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7\n\nmeer tekst\n")
    m = meta(text, source="verslag.txt")
    assert m.kind is DocumentKind.PARLIAMENTARY_PAPER
    assert m.kamerstuk == KamerstukRef("19637", "2395", "2017-2018")
    assert m.addressee is Chamber.TWEEDE_KAMER


def test_parliamentary_paper_title_page() -> None:
    text = ("Tweede Kamer der Staten-Generaal\n19 637 Vreemdelingenbeleid\nNr. 2395 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n"
            "Vastgesteld 14 juni 2018\n")
    m = meta(text)
    assert m.kind is DocumentKind.PARLIAMENTARY_PAPER
    assert m.title == "Verslag van een schriftelijk overleg"
    assert m.date == dt.date(2018, 6, 14)


def test_other() -> None:
    m = meta("Een notitie zonder briefhoofd.\nNog een regel.\n")
    assert m.kind is DocumentKind.OTHER
    assert m.date is None and m.signatories == ()


def test_garbage_never_raises() -> None:
    m = meta("PDoatstubmus 2 0301\n\x00\x01 Datum \nOns kenmerk\n\nOnderwerp\n" + "x" * 5000 + "\f\f")
    assert m.kenmerk is None


def test_empty_pages_fall_back_to_text() -> None:
    extraction = Extraction(text="Datum 1 mei 2020", format=SourceFormat.TEXT)
    assert parse_metadata(extraction, (), source="x").date == dt.date(2020, 5, 1)


# --- structured input -------------------------------------------------------------------

def test_structured_metadata_preferred() -> None:
    structured = {
        "DC.title": "Vreemdelingenbeleid; Brief regering; Voortgang",
        "OVERHEIDop.dossiernummer": ["19637", "30573"],
        "OVERHEIDop.ondernummer": "2700",
        "OVERHEIDop.vergaderjaar": "2020-2021",
        "OVERHEIDop.indiener": ["A. Jansen", "B. de Vries"],
        "OVERHEIDop.ontvanger": "Tweede Kamer der Staten-Generaal",
        "DCTERMS.issued": "2020-07-14",
        "OVERHEIDop.datumBrief": "2020-07-10",
    }
    m = meta(LETTER, structured=structured)
    assert m.kind is DocumentKind.PARLIAMENTARY_PAPER
    assert m.title == "Vreemdelingenbeleid; Brief regering; Voortgang"
    assert m.kamerstuk == KamerstukRef("19637", "2700", "2020-2021")
    assert m.date == dt.date(2020, 7, 10)
    assert [s.name for s in m.signatories] == ["A. Jansen", "B. de Vries"]
    assert m.signatories[0].office == "De Staatssecretaris van Justitie en Veiligheid"  # office from the text
    assert m.addressee is Chamber.TWEEDE_KAMER
    for name in ("title", "kamerstuk", "date", "signatories", "addressee"):
        assert m.provenance[name] == "structured"
    assert m.provenance["kenmerk"] == "text"


def test_structured_issued_only_when_text_has_no_date() -> None:
    assert meta("Tekst zonder datum.", structured={"DCTERMS.issued": "2020-07-14"}).date == dt.date(2020, 7, 14)
    assert meta(LETTER, structured={"DCTERMS.issued": "2020-07-14"}).date == dt.date(2020, 7, 10)


# --- official records -------------------------------------------------------------------

KST_BODY = "De leden van de VVD-fractie vragen iets.\n\nTweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7\n"


def test_official_record_fills_missing_fields() -> None:
    m = meta(KST_BODY)
    origin = "official:kst-19637-2395"
    assert m.date == dt.date(2018, 6, 14) and m.provenance["date"] == origin
    assert m.title == "Vreemdelingenbeleid; Migratiebeleid; Verslag van een schriftelijk overleg"
    assert m.provenance["title"] == origin
    assert m.signatories == (Signatory("Van Meenen", "De voorzitter van de commissie"),
                             Signatory("Tielens-Tripels", "Adjunct-griffier van de commissie"))
    assert m.provenance["kamerstuk"] == "text"


def test_official_record_found_from_file_name() -> None:
    m = meta("De leden van de VVD-fractie vragen iets.\n", source="/x/kst-19637-2395_verslag.txt")
    assert m.kind is DocumentKind.PARLIAMENTARY_PAPER
    assert m.kamerstuk == KamerstukRef("19637", "2395", "2017-2018")
    assert m.date == dt.date(2018, 6, 14)


def test_text_wins_over_record_and_conflict_is_noted() -> None:
    m = meta("Vastgesteld 15 juni 2018\n\n" + KST_BODY)
    assert m.date == dt.date(2018, 6, 15)
    assert m.provenance["date"].startswith("text (conflicts with official:kst-19637-2395: 2018-06-14")


def test_text_agreeing_with_record_stays_text() -> None:
    m = meta("Vastgesteld 14 juni 2018\n\n" + KST_BODY)
    assert m.provenance["date"] == "text"


def test_unknown_kamerstuk_has_no_record() -> None:
    m = meta("Tweede Kamer, vergaderjaar 2019–2020, 35 300 VI, nr. 37 3\n")
    assert m.kamerstuk == KamerstukRef("35300-VI", "37", "2019-2020")
    assert m.date is None


def test_shipped_records_are_documented_and_well_formed() -> None:
    records = sorted(official.OFFICIAL_DIR.glob("*.json"))
    assert records
    source_md = (official.OFFICIAL_DIR / "SOURCE.md").read_text(encoding="utf-8")
    for path in records:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["identifier"] == path.stem
        assert record["source"].startswith("https://")
        assert path.name in source_md
        assert official.record_fields(record)["kamerstuk"].identifier == path.stem


# --- robustness ---------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ima.ingest.footnotes import extract_footnotes  # noqa: E402

_PIECES = st.sampled_from([
    "Datum ", "10 juli 2020", "Onderwerp ", "Ons kenmerk", "2971694", "Aan de Voorzitter van de Tweede Kamer",
    "De Minister van Asiel en Migratie,", "M.H.M. Faber", "PDoatstubmus 2 0301", "\n", "\n\n", " " * 48, "1",
    "Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7", "Vastgesteld", "14 Kamerstuk 32 847, nr. 365",
    "consensus1 ", "\f", "é", "Tunesié",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=40))
def test_arbitrary_documents_never_raise(pieces) -> None:
    text = "".join(pieces)
    m = meta(text)
    assert m.kind in DocumentKind
    pages, notes = extract_footnotes(pages_of(text))
    kept = sum(len(p.lines) for p in pages) + sum(len(p.removed) for p in pages)
    assert kept == sum(len(p.lines) for p in pages_of(text))  # no line lost: kept or removed with a reason
    for note in notes:
        assert note.start is not None and note.end is not None and 0 <= note.start <= note.end <= len(text)
