"""Reading CSV tables for programme imports: rows with their line numbers, cells parsed with errors that say where."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ima.domain.programmes import ImportErrors

MAX_ERRORS = 50


class CellError(ValueError):
    """A cell that does not hold what its column needs (the message says what it needs)."""


@dataclass
class ErrorLog:
    """Errors of one import, each naming file, line and column; raised together at the end."""

    errors: list[str] = field(default_factory=list)

    def add(self, name: str, line: int | None, column: str | None, message: str) -> None:
        where = name + (f", line {line}" if line is not None else "") + (f", column {column!r}" if column else "")
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.errors:
            raise ImportErrors(self.errors)


@dataclass(frozen=True)
class Row:
    """One record of a CSV file: its first physical line number and cells by column name."""

    line: int
    cells: dict[str, str]


def read_text(path: Path) -> str:
    """The file as text (UTF-8, with or without a byte-order mark); a clear error otherwise."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportErrors([f"{path}: cannot read the file ({exc.strerror or exc})"]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ImportErrors([f"{path.name}, line {line}: not UTF-8 text (save the file as UTF-8)"]) from None


def read_rows(name: str, text: str, log: ErrorLog, delimiter: str = ",") -> tuple[list[str], list[Row]]:
    """The header and the records of a CSV text; short or long records are logged as errors.

    A record with fewer cells than the header (a truncated file, a lost
    delimiter) is an error, never silently padded.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        log.add(name, 1, None, "the file is empty (a header line is needed)")
        return [], []
    except csv.Error as exc:
        log.add(name, 1, None, f"unreadable header ({exc})")
        return [], []
    start = reader.line_num + 1
    try:
        for record in reader:
            line = start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                log.add(name, line, None, f"{len(record)} cells where the header has {len(header)}"
                                          + (" (truncated file or missing delimiter?)" if len(record) < len(header) else ""))
                continue
            rows.append(Row(line, {h: c.strip() for h, c in zip(header, record)}))
    except csv.Error as exc:
        log.add(name, start, None, f"unreadable CSV ({exc}; an unclosed quote or a truncated file?)")
    return header, rows


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str, *, minimum: float | None = None) -> float | None:
    """A plain decimal number (``1234.5``, no thousands separators); None for an empty cell."""
    text = text.strip()
    if not text:
        return None
    if not _NUMBER.match(text.replace("_", "")):
        raise CellError(f"{text!r} is not a number (write 1234567.50: a decimal point, no thousands separators)")
    value = float(text.replace("_", ""))
    if minimum is not None and value < minimum:
        raise CellError(f"{text!r} is below {minimum:g}")
    return value


def parse_date(text: str) -> dt.date | None:
    """An ISO date (``2025-03-31``); None for an empty cell."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CellError(f"{text!r} is not a date (write YYYY-MM-DD)") from None


def parse_oda(text: str) -> bool | None:
    """``ODA`` → True, ``non-ODA`` → False (case-insensitive); empty → None."""
    folded = text.strip().lower().replace("_", "-").replace(" ", "-")
    if not folded:
        return None
    if folded in ("oda", "yes", "true", "1"):
        return True
    if folded in ("non-oda", "nonoda", "no", "false", "0"):
        return False
    raise CellError(f"{text!r} is neither ODA nor non-ODA")


def split_list(text: str) -> list[str]:
    """A list cell: items separated by ``;`` (or ``|``), blanks dropped."""
    return [item.strip() for item in re.split(r"[;|]", text) if item.strip()]


def iter_cells(rows: list[Row], name: str, log: ErrorLog) -> Iterator[tuple[Row, CellReader]]:
    """Each row with a reader that logs a cell's error (file, line, column) and returns None for it."""
    for row in rows:
        yield row, CellReader(name, row, log)


@dataclass
class CellReader:
    """Parses the cells of one row, logging errors with their place instead of raising."""

    name: str
    row: Row
    log: ErrorLog
    failed: bool = False

    def get(self, column: str, parse=None, *, required: bool = False, **kwargs):
        """The parsed cell (``parse`` is a function of the text), or None when empty or wrong."""
        text = self.row.cells.get(column, "")
        if not text.strip():
            if required:
                self.fail(column, "a value is required")
            return None
        if parse is None:
            return text.strip()
        try:
            return parse(text, **kwargs)
        except CellError as exc:
            self.fail(column, str(exc))
            return None

    def fail(self, column: str | None, message: str) -> None:
        """Log an error about ``column`` of this row."""
        self.failed = True
        self.log.add(self.name, self.row.line, column, message)
