"""Countries, regions and organisations from Dutch names, adjectives, demonyms and acronyms."""

from __future__ import annotations

import pytest

from ima.ingest.extraction import extract_countries, extract_organisations
from ima.ingest.extraction.countries import curated_aliases
from ima.ingest.extraction.gazetteer import fold
from ima.ingest.extraction.organisations import organisation_aliases


def codes(text):
    return [(m.text, m.code) for m in extract_countries(text)]


@pytest.mark.parametrize("text, expected", [
    ("samenwerking met Marokko", [("Marokko", "MAR")]),
    ("in Tunesië en Soedan", [("Tunesië", "TUN"), ("Soedan", "SDN")]),
    ("grensbewaking in Tunesié", [("Tunesié", "TUN")]),  # OCR's wrong diacritic
    ("opvang van Syrische vluchtelingen", [("Syrische", "SYR")]),
    ("zoals Syriërs en Eritreeërs", [("Syriërs", "SYR"), ("Eritreeërs", "ERI")]),
    ("de Marokkaanse autoriteiten", [("Marokkaanse", "MAR")]),
    ("de Turkse kustwacht", [("Turkse", "TUR")]),
    ("Egypte, Tunesië of Jordanië", [("Egypte", "EGY"), ("Tunesië", "TUN"), ("Jordanië", "JOR")]),
    ("Niger en Nigeria", [("Niger", "NER"), ("Nigeria", "NGA")]),
    ("Guinee en Guinee-Bissau", [("Guinee", "GIN"), ("Guinee-Bissau", "GNB")]),
    ("Zuid-Soedan", [("Zuid-Soedan", "SSD")]),
    ("de EU-Turkije Verklaring", [("Turkije", "TUR")]),
    ("landen in de Hoorn van Afrika en de Sahel", [("Hoorn van Afrika", "horn-of-africa"), ("Sahel", "sahel")]),
    ("Noord-Afrika, West-Afrika en het Midden-Oosten",
     [("Noord-Afrika", "north-africa"), ("West-Afrika", "west-africa"), ("Midden-Oosten", "middle-east")]),
    ("uit de Westelijke Balkan", [("Westelijke Balkan", "western-balkans")]),
    ("op de Westelijke Mediterrane Route", [("Westelijke Mediterrane Route", "western-mediterranean-route")]),
    ("de Oostelijke Mediterrane route en de Centrale Mediterrane route",
     [("Oostelijke Mediterrane route", "eastern-mediterranean-route"),
      ("Centrale Mediterrane route", "central-mediterranean-route")]),
    ("de Europese Unie (EU) en de EU-lidstaten", []),
    ("522 miljoen Amerikaanse dollar", []),
    ("met chili en een man", []),
    ("Kosovo en de Democratische Republiek Congo", [("Kosovo", "XKX"), ("Democratische Republiek Congo", "COD")]),
])
def test_countries(text, expected):
    assert codes(text) == expected


def test_country_kind():
    (sahel,) = extract_countries("de Sahel")
    (mar,) = extract_countries("Marokko")
    assert (sahel.kind, mar.kind) == ("region", "country")


@pytest.mark.parametrize("text, expected", [
    ("via IOM en UNHCR", ["iom", "unhcr"]),
    ("de Koninklijke Marechaussee, de IND, COA, DTenV, en de Nationale Politie", ["kmar", "ind", "coa", "dtv", "police"]),
    ("de Dienst Terugkeer en Vertrek (DT&V)", ["dtv", "dtv"]),
    ("Frontex, ILO, UNICEF, IFC en de Wereldbank", ["frontex", "ilo", "unicef", "ifc", "worldbank"]),
    ("het EU Trust Fund for Africa en de Faciliteit voor Vluchtelingen in Turkije", ["eutf-africa", "frit"]),
    ("EASO, nu EUAA, en de Europese Commissie", ["euaa", "euaa", "european-commission"]),
    ("de Internationale Organisatie voor Migratie (IOM)", ["iom", "iom"]),
    ("het ministerie van Buitenlandse Zaken en de minister van Asiel en Migratie", ["min-bz", "min-am"]),
    ("de Commissie van Advies voor Vreemdelingenzaken", []),
    ("de Procedurerichtlijn (2013/32/EU)", []),
    ("de ind van het woord; kmar", []),
])
def test_organisations(text, expected):
    assert [m.id for m in extract_organisations(text)] == expected


def test_data_files_are_well_formed():
    for alias, code, kind, _ in curated_aliases():
        assert alias.strip() == alias and alias
        assert kind in ("country", "region")
        assert (len(code) == 3 and code.isupper()) if kind == "country" else code == code.lower()
    ids = {org_id for org_id, _, _ in organisation_aliases()}
    assert {"iom", "unhcr", "frontex", "ilo", "unicef", "ifc", "worldbank", "ind", "coa", "dtv", "kmar"} <= ids


def test_fold_keeps_length():
    for text in ("Tunesië", "Curaçao", "İstanbul", "zo’n", "ﬁ"):
        assert len(fold(text)) == len(text)
