"""Dutch dates and periods, at the precision they are written."""

from __future__ import annotations

import datetime as dt

import pytest

from ima.ingest.extraction import extract_dates


@pytest.mark.parametrize("text, iso, start, end", [
    ("Den Haag, 10 juli 2020", "2020-07-10", dt.date(2020, 7, 10), dt.date(2020, 7, 10)),
    ("op peildatum 27 maart 2018 in totaal", "2018-03-27", dt.date(2018, 3, 27), dt.date(2018, 3, 27)),
    ("in maart 2018 gestart", "2018-03", dt.date(2018, 3, 1), dt.date(2018, 3, 31)),
    ("tot en met oktober 2019 zo’n 3.000", "2019-10", dt.date(2019, 10, 1), dt.date(2019, 10, 31)),
    ("het beleidskader 2020–2023", "2020/2023", dt.date(2020, 1, 1), dt.date(2023, 12, 31)),
    ("Voor de periode 2018-2019 is", "2018/2019", dt.date(2018, 1, 1), dt.date(2019, 12, 31)),
    ("tussen 4 maart 2016 tot 1 april 2020", "2016-03-04/2020-04-01", dt.date(2016, 3, 4), dt.date(2020, 4, 1)),
    ("tussen 4 maart 2016 en 1 april 2020", "2016-03-04/2020-04-01", dt.date(2016, 3, 4), dt.date(2020, 4, 1)),
    ("de brief van 25 april jl.", "--04-25", None, None),
    ("de instroom in 2015", "2015", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
    ("van circa 14.000 (2016)", "2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31)),
    ("in februari 2024", "2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
])
def test_dates(text, iso, start, end):
    dates = extract_dates(text)
    assert len(dates) == 1, dates
    d = dates[0]
    assert (d.iso, d.start, d.end) == (iso, start, end)
    assert text[d.span.start:d.span.end] == d.text


@pytest.mark.parametrize("text", [
    "wijziging van de Vreemdelingenwet 2000 noodzakelijk", "de Verordening 2017/2226 inzake",
    "Procedurerichtlijn (2013/32/EU)", "31 februari 2020", "Kamerstuk 19 637, nr. 2395",
])
def test_not_dates(text):
    assert extract_dates(text) == []
