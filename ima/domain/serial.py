"""Plain data from the model: what JSON columns and JSON output can hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from typing import Any


def _same(text: str) -> str:
    return text


def to_plain(value: Any, text: Callable[[str], str] = _same) -> Any:
    """``value`` as dicts, lists, strings, numbers, booleans and None.

    Dataclasses become dicts of their fields, enums their value, dates ISO
    strings, Decimals floats; ``text`` is applied to every string (the store
    uses it to keep NUL characters out of its columns).
    """
    if isinstance(value, str):
        return text(value)
    if isinstance(value, Enum):
        return to_plain(value.value, text)
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name), text) for f in fields(value)}
    if isinstance(value, Mapping):
        return {text(str(key)): to_plain(item, text) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_plain(item, text) for item in value]
    return text(str(value))
