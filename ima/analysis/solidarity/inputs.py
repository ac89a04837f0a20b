"""User-supplied tables for the solidarity procedures: pledges and monthly applications (CSV).

Errors name the file, the line and the column, so a spreadsheet can be fixed where it is wrong.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ima.analysis.country_codes import country_code
from ima.analysis.solidarity.pool import Pledge

def member_state_code(value: str) -> str:
    """ISO 3166 alpha-3 of a country given as alpha-3, alpha-2, Eurostat code, English or Dutch name."""
    return country_code(value)


def _rows(path: Path | str, required: tuple[str, ...]) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read ({exc.__class__.__name__})") from None
    dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t") if text.strip() else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in required if c not in header]
    if missing:
        raise ValueError(f"{path}: line 1: missing column(s) {', '.join(missing)} (found: {', '.join(header) or 'none'})")
    rows = [(n, {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}) for n, row in
            enumerate(reader, start=2)]
    return str(path), rows


def _number(where: str, column: str, value: str, integer: bool) -> float:
    cleaned = value.replace("_", "").replace(" ", "")
    if cleaned == "":
        return 0
    try:
        number = int(cleaned) if integer else float(cleaned)
    except ValueError:
        kind = "a whole number" if integer else "a number"
        raise ValueError(f"{where}, column {column}: {value!r} is not {kind}") from None
    if number < 0:
        raise ValueError(f"{where}, column {column}: {value!r} is negative")
    return number


def read_pledges(path: Path | str) -> list[Pledge]:
    """Pledges from a CSV with ``state`` and any of ``relocations``, ``eur``, ``alternative_eur``."""
    name, rows = _rows(path, ("state",))
    pledges: dict[str, Pledge] = {}
    for line, row in rows:
        where = f"{name}: line {line}"
        try:
            state = member_state_code(row.get("state", ""))
        except ValueError as exc:
            raise ValueError(f"{where}, column state: {exc}") from None
        if state in pledges:
            raise ValueError(f"{where}, column state: {state} pledges twice")
        pledges[state] = Pledge(state, int(_number(where, "relocations", row.get("relocations", ""), True)),
                                _number(where, "eur", row.get("eur", ""), False),
                                _number(where, "alternative_eur", row.get("alternative_eur", ""), False))
    return list(pledges.values())


_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def read_monthly_applications(path: Path | str) -> dict[tuple[str, str], int]:
    """``(state, 'YYYY-MM') → applicants`` from a CSV with columns ``state``, ``month``, ``applicants``."""
    name, rows = _rows(path, ("state", "month", "applicants"))
    table: dict[tuple[str, str], int] = {}
    for line, row in rows:
        where = f"{name}: line {line}"
        try:
            state = member_state_code(row["state"])
        except ValueError as exc:
            raise ValueError(f"{where}, column state: {exc}") from None
        if not _MONTH.match(row["month"]):
            raise ValueError(f"{where}, column month: {row['month']!r} is not YYYY-MM")
        if (state, row["month"]) in table:
            raise ValueError(f"{where}: {state} {row['month']} appears twice")
        table[state, row["month"]] = int(_number(where, "applicants", row["applicants"], True))
    if not table:
        raise ValueError(f"{name}: no rows")
    return table
