"""A last-resort title from the file name, for documents whose text names no subject.

A scanned letter without its letterhead still deserves a readable title in
listings; the file name a user (or a ministry's website) gave it usually says
what it is. Provenance ``"file name"`` tells the reader it was not read from the text.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# Suffixes that extraction tools stack on a name (brief.pdf.txt, scan.ocr.txt).
_TOOL_SUFFIXES = {".txt", ".text", ".md", ".pdf", ".ocr", ".xml", ".html", ".htm", ".docx", ".odt"}
_LEADING_DATE = re.compile(r"^\d{4}[-_.]?\d{2}[-_.]?\d{2}[\s_-]*")
_TRAILING_NUMBER = re.compile(r"[\s_-]+\d{5,}$")  # a kenmerk or document number, not part of a title
_IDENTIFIER = re.compile(r"^(kst|stcrt|stb|ah|kv|h)-[\w-]+?[_\s]+", re.I)


def title_from_source(source: str) -> str | None:
    """``2025-05-23_taskforce-internationale-migratie.ocr.txt`` → ``Taskforce internationale migratie``."""
    name = PurePath(source).name
    while PurePath(name).suffix.lower() in _TOOL_SUFFIXES:
        name = name[: -len(PurePath(name).suffix)]
    name = _IDENTIFIER.sub("", _LEADING_DATE.sub("", name))
    name = _TRAILING_NUMBER.sub("", name)
    words = re.sub(r"[_\-\s]+", " ", name).strip()
    if sum(ch.isalpha() for ch in words) < 4:
        return None
    return words[0].upper() + words[1:]
