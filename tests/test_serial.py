"""Plain data for JSON columns and output."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ima.domain.metadata import DocumentKind, Footnote, KamerstukRef
from ima.domain.serial import to_plain


def test_model_values_become_plain_data() -> None:
    value = {"kind": DocumentKind.LETTER, "date": dt.date(2020, 7, 10), "amount": Decimal("140000000"),
             "ref": KamerstukRef("19637", "2395", "2017-2018"), "notes": (Footnote(1, "x", 2, ("kst-1-2",)),),
             "set": frozenset({3}), 4: None}
    assert to_plain(value) == {
        "kind": "letter", "date": "2020-07-10", "amount": 140000000.0,
        "ref": {"dossier": "19637", "number": "2395", "year": "2017-2018"},
        "notes": [{"number": 1, "text": "x", "page": 2, "references": ["kst-1-2"], "start": None, "end": None}],
        "set": [3], "4": None}


def test_text_transform_reaches_every_string() -> None:
    assert to_plain({"a\x00": ["b\x00", ("c\x00",)]}, lambda s: s.replace("\x00", "?")) == {"a?": ["b?", ["c?"]]}


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text() | st.decimals(allow_nan=False)
                    | st.dates(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20))
def test_result_is_always_json_serialisable(value) -> None:
    json.dumps(to_plain(value))
