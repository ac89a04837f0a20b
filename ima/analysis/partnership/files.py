"""Reading the curated partnership files (YAML/CSV) with errors that name the file and the field."""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from ima.domain.partnership import CERTAINTIES, Source

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "partnerships"


class DataFileError(ValueError):
    """A curated file is malformed; the message names the file, the entry and the field."""

    def __init__(self, path: Path | str, where: str, message: str):
        self.path = str(path)
        self.where = where
        super().__init__(f"{Path(path).name}: {where}: {message}")


def read_yaml(path: Path) -> Any:
    """The parsed YAML document of ``path``; a clear error when it cannot be read or parsed."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(path, "file", "not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        raise DataFileError(path, where, f"not valid YAML ({getattr(exc, 'problem', None) or exc})") from None


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file with a header."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except FileNotFoundError:
        raise DataFileError(path, "file", "not found") from None


def entries(path: Path, document: Any, key: str) -> list[Mapping[str, Any]]:
    """The list under ``key`` of a YAML mapping, each entry a mapping."""
    if not isinstance(document, Mapping) or not isinstance(document.get(key), list):
        raise DataFileError(path, "file", f"expected a mapping with a list under '{key}'")
    out = document[key]
    for i, entry in enumerate(out):
        if not isinstance(entry, Mapping):
            raise DataFileError(path, f"{key}[{i}]", "expected a mapping of fields")
    return out


class Fields:
    """Typed access to one entry's fields; every error names file, entry and field."""

    def __init__(self, path: Path, where: str, entry: Mapping[str, Any]):
        self.path, self.where, self.entry = path, where, entry

    def fail(self, name: str, message: str) -> DataFileError:
        """The error for field ``name``."""
        return DataFileError(self.path, f"{self.where}, field '{name}'", message)

    def text(self, name: str, default: str | None = None, *, required: bool = True) -> str | None:
        value = self.entry.get(name, default)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise self.fail(name, "missing")
            return default
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.fail(name, f"expected text, got {type(value).__name__}")
        return str(value).strip()

    def choice(self, name: str, allowed: Iterable[str], default: str | None = None) -> str:
        value = self.text(name, default)
        allowed = tuple(allowed)
        if value not in allowed:
            raise self.fail(name, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def integer(self, name: str, low: int, high: int, default: int | None = None) -> int:
        value = self.entry.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, f"expected a whole number {low}–{high}, got {value!r}")
        if not low <= value <= high:
            raise self.fail(name, f"{value} is outside {low}–{high}")
        return value

    def date_text(self, name: str, *, required: bool = True) -> str | None:
        """An ISO date, year-month or year, as text (partial dates are common in the record)."""
        value = self.entry.get(name)
        if isinstance(value, dt.date):
            return value.isoformat()
        text = self.text(name, required=required)
        if text is None:
            return None
        for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
            try:
                dt.datetime.strptime(text, fmt)
                return text
            except ValueError:
                continue
        raise self.fail(name, f"{text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")

    def date(self, name: str) -> dt.date:
        value = self.entry.get(name)
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(name, f"{value!r} is not a date (YYYY-MM-DD)") from None

    def strings(self, name: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.entry.get(name)
        if value is None:
            if required:
                raise self.fail(name, "missing")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(name, "expected a list of texts")
        return tuple(value)

    def mapping(self, name: str) -> Mapping[str, Any]:
        value = self.entry.get(name) or {}
        if not isinstance(value, Mapping):
            raise self.fail(name, "expected a mapping")
        return value

    def source(self, name: str = "source") -> Source:
        """A required source: a text, or a mapping with text/url/document/page/certainty."""
        return parse_source(self.entry.get(name), self, name)

    def sources(self, name: str) -> tuple[Source, ...]:
        value = self.entry.get(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(name, "expected a list of sources")
        return tuple(parse_source(v, self, f"{name}[{i}]") for i, v in enumerate(value))


def parse_source(value: Any, fields: Fields, name: str) -> Source:
    """A ``Source`` from YAML/CSV; a fact without a source is an error."""
    if isinstance(value, str) and value.strip():
        return Source(value.strip())
    if not isinstance(value, Mapping):
        raise fields.fail(name, "a source is required (a text, or text/url/document/page)")
    sub = Fields(fields.path, f"{fields.where}, {name}", value)
    text = sub.text("text", required=False) or sub.text("document", required=False)
    if not text:
        raise fields.fail(name, "a source needs 'text' or 'document'")
    page = value.get("page")
    if page is not None and (isinstance(page, bool) or not isinstance(page, int) or page < 1):
        raise sub.fail("page", f"expected a page number, got {page!r}")
    return Source(text=text, url=sub.text("url", required=False), document=sub.text("document", required=False),
                  page=page, certainty=sub.choice("certainty", CERTAINTIES, "confirmed"))


def plain_yaml(value: Any) -> Any:
    """YAML data with dates as ISO text (so it compares and stores as JSON)."""
    if isinstance(value, Mapping):
        return {k: plain_yaml(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_yaml(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def rewrite_yaml(path: Path, document: Any, header: str, validate: Callable[[Path], object]) -> None:
    """Write ``document`` (after ``header``) to ``path``: validated with ``validate`` on a temporary
    copy first, then swapped in atomically, so a bad edit leaves the file as it was."""
    text = header + yaml.safe_dump(plain_yaml(document), allow_unicode=True, sort_keys=False, width=110)
    check = Path(tempfile.mkstemp(suffix=".yaml", dir=path.parent)[1])
    try:
        check.write_text(text, encoding="utf-8")
        try:
            validate(check)
        except DataFileError as exc:
            raise ValueError(f"{path.name}: {str(exc).split(': ', 1)[1]}") from None
        # mkstemp makes the file private; keep the permissions the edited file had
        os.chmod(check, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        os.replace(check, path)
    finally:
        check.unlink(missing_ok=True)
