"""Format backends: one per input format, each turning bytes into an ``Extraction``.

``extract`` sniffs the format from the bytes first and the file name second,
so a PDF saved as ``.txt`` is still read as a PDF.
"""

from __future__ import annotations

from pathlib import PurePath

from ima.domain.document import Extraction, IngestError, SourceFormat
from ima.ingest.loaders.markup import extract_html, extract_xml
from ima.ingest.loaders.pdf import extract_pdf
from ima.ingest.loaders.text import extract_text

SUFFIXES: dict[str, SourceFormat] = {
    ".pdf": SourceFormat.PDF,
    ".txt": SourceFormat.TEXT,
    ".text": SourceFormat.TEXT,
    ".md": SourceFormat.MARKDOWN,
    ".markdown": SourceFormat.MARKDOWN,
    ".xml": SourceFormat.XML,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
}


def is_supported(name: str) -> bool:
    """True when the file name has a suffix ima ingests (used when walking folders)."""
    return PurePath(name).suffix.lower() in SUFFIXES


def sniff_format(data: bytes, name: str) -> SourceFormat:
    """The format of a file: magic bytes first, then the suffix, then text."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return SourceFormat.PDF
    suffix = SUFFIXES.get(PurePath(name).suffix.lower())
    if suffix in (SourceFormat.XML, SourceFormat.HTML):
        return suffix
    if head.startswith(b"<?xml") and b"<html" not in head:
        return SourceFormat.XML
    if head.startswith((b"<!doctype html", b"<html")):
        return SourceFormat.HTML
    if suffix is SourceFormat.PDF:
        return SourceFormat.PDF  # a ".pdf" without the magic: let the PDF backend say what is wrong
    return suffix or SourceFormat.TEXT


def extract(data: bytes, name: str) -> Extraction:
    """Extract the raw text of one file; raises ``IngestError`` with a one-line reason."""
    if not data.strip():
        raise IngestError("empty file: nothing to ingest")
    fmt = sniff_format(data, name)
    if fmt is SourceFormat.PDF:
        return extract_pdf(data)
    if fmt is SourceFormat.XML:
        return extract_xml(data)
    if fmt is SourceFormat.HTML:
        return extract_html(data)
    return extract_text(data, fmt)


__all__ = ["extract", "is_supported", "sniff_format", "SUFFIXES"]
