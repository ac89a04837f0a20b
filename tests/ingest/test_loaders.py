"""Format backends: every input format, every kind of bad input, one clear reason each."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ima.domain.document import IngestError, SourceFormat
from ima.ingest.loaders import extract, sniff_format
from ima.ingest.loaders.text import decode_text
from tests.pdf_factory import encrypt_pdf, make_pdf

DUTCH = "Financiële coördinatie met Tunesië: € 118 miljoen per jaar; naïef, café, reïntegratie."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (DUTCH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + DUTCH.encode("utf-8"), "utf-8-sig"),
        (DUTCH.encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + DUTCH.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + DUTCH.encode("utf-16-be"), "utf-16-be"),
        (DUTCH.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_legacy_encodings_are_decoded_not_refused(data: bytes, encoding: str) -> None:
    extraction = extract(data, "brief.txt")
    assert extraction.text == DUTCH
    assert extraction.encoding == encoding
    assert "€" in extraction.text and "ë" in extraction.text and "ï" in extraction.text


def test_latin1_text_is_read_as_its_windows_superset() -> None:
    text = "Overleg met België over terugkeer; één zaak per brief."
    assert extract(text.encode("latin-1"), "a.txt").text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not a text document"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa broken", "not valid utf-8"),
    ],
)
def test_bad_text_input_fails_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        extract(data, "x.txt")


@given(st.binary(min_size=1, max_size=2000))
@settings(max_examples=200, deadline=None)
def test_any_bytes_either_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text, encoding = decode_text(data)
    except IngestError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and encoding


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=300))
@settings(max_examples=200, deadline=None)
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == (text, "utf-8")


def test_crlf_line_endings_are_normalised() -> None:
    assert extract(b"Eerste regel\r\nTweede regel\r\n", "a.txt").text == "Eerste regel\nTweede regel\n"


def test_pdf_pages_are_extracted_with_page_breaks() -> None:
    data = make_pdf([["Kamerbrief over terugkeer", "Eerste pagina."], ["Tweede pagina met coördinatie."]])
    extraction = extract(data, "brief.pdf")
    assert extraction.format is SourceFormat.PDF
    assert extraction.page_breaks is not None and len(extraction.page_breaks) == 2
    second = extraction.text[extraction.page_breaks[1]:]
    assert "Tweede pagina" in second and "Eerste pagina" not in second
    assert "coördinatie" in second


def test_pdf_is_sniffed_whatever_its_name() -> None:
    assert sniff_format(make_pdf([["tekst"]]), "verkeerd.txt") is SourceFormat.PDF


def test_encrypted_pdf_names_the_password_problem() -> None:
    data = encrypt_pdf(make_pdf([["Vertrouwelijk memo over terugkeer."]]))
    with pytest.raises(IngestError, match="encrypted PDF"):
        extract(data, "geheim.pdf")


def test_truncated_pdf_is_reported_as_damaged() -> None:
    data = make_pdf([["Een pagina tekst die niet compleet is."]] * 3)
    with pytest.raises(IngestError, match="damaged or truncated PDF"):
        extract(data[: len(data) // 3], "kapot.pdf")


def test_pdf_without_text_layer_says_ocr_is_needed() -> None:
    with pytest.raises(IngestError, match="OCR is needed"):
        extract(make_pdf([[]], with_text=False), "scan.pdf")


def test_not_a_pdf_despite_its_name() -> None:
    with pytest.raises(IngestError):
        extract(b"\x00\x01\x02 definitely not a pdf \xff\xfe" * 10, "fake.pdf")


OP_XML = """<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
  <metadata><meta name="DC.identifier" content="kst-19637-2535"/></metadata>
  <kamerstuk>
    <kamerstukkop>
      <tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>
      <tekstregel inhoud="vergaderjaar">Vergaderjaar 2019–2020</tekstregel>
    </kamerstukkop>
    <dossier><dossiernummer><dossiernr>19 637</dossiernr></dossiernummer><titel>Vreemdelingenbeleid</titel></dossier>
    <stuk>
      <stuknr><ondernummer>2535</ondernummer></stuknr>
      <titel>BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID</titel>
      <algemeen><vrije-tekst><tekst>
        <al>Den Haag, <datum isodatum="2019-10-14">14 oktober 2019</datum></al>
        <tussenkop>Aanleiding</tussenkop>
        <al>Vorig jaar presenteerde het kabinet de Integrale Migratieagenda.<noot nr="1" type="voet"><noot.nr>1</noot.nr><noot.al>Kamerstukken 19 637 en 30 573, nr. 2375</noot.al></noot> Zie verder.</al>
      </tekst></vrije-tekst></algemeen>
      <ondertekening><functie>De Staatssecretaris van Justitie en Veiligheid,</functie><naam><voornaam>M.</voornaam> <achternaam>Harbers</achternaam></naam></ondertekening>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"""


def test_official_xml_is_read_by_structure() -> None:
    extraction = extract(OP_XML.encode(), "kst-19637-2535.xml")
    assert extraction.format is SourceFormat.XML
    assert "Vorig jaar presenteerde het kabinet de Integrale Migratieagenda.1 Zie verder." in extraction.text
    assert "\n\nAanleiding\n\n" in extraction.text
    assert extraction.text.rstrip().endswith("1 Kamerstukken 19 637 en 30 573, nr. 2375")
    s = extraction.structured
    assert s["OVERHEIDop.dossiernummer"] == "19 637"
    assert s["OVERHEIDop.ondernummer"] == "2535"
    assert s["OVERHEIDop.datumBrief"] == "2019-10-14"
    assert s["OVERHEIDop.indiener"] == ["M. Harbers"]
    assert s["DC.identifier"] == "kst-19637-2535"


def test_xml_external_entities_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM")
    data = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
            "<doc><al>tekst &x; einde</al></doc>").encode()
    try:
        extraction = extract(data, "a.xml")
    except IngestError:
        return
    assert "GEHEIM" not in extraction.text


@pytest.mark.parametrize("data", [b"<?xml version='1.0'?><doc><al>open", b"<?xml version='1.0'?>"])
def test_malformed_xml_fails_with_a_reason(data: bytes) -> None:
    with pytest.raises(IngestError, match="XML"):
        extract(data, "kapot.xml")


def test_metadata_xml_alone_is_refused() -> None:
    data = b'<?xml version="1.0"?><metadata_gegevens><metadata name="DC.title" content="x"/></metadata_gegevens>'
    with pytest.raises(IngestError, match="only metadata"):
        extract(data, "metadata.xml")


def test_official_html_reads_the_publication_not_the_chrome() -> None:
    page = """<!DOCTYPE html><html><head><meta charset="utf-8">
    <meta name="DC.title" content="Vreemdelingenbeleid; Brief regering"><title>kst</title></head>
    <body><nav>Menu Zoeken Home</nav><header>officielebekendmakingen.nl</header>
    <div class="stuk"><h1>Brief van de staatssecretaris</h1><p>Terugkeersamenwerking met <i>Marokko</i>.</p>
    <p>Tweede alinea.</p></div><footer>Contact</footer></body></html>"""
    extraction = extract(page.encode(), "kst.html")
    assert extraction.text == "Brief van de staatssecretaris\n\nTerugkeersamenwerking met Marokko.\n\nTweede alinea.\n"
    assert extraction.structured["DC.title"] == "Vreemdelingenbeleid; Brief regering"
