"""Plain text and Markdown: decode legacy encodings instead of refusing them.

Order of evidence: a byte-order mark, then strict UTF-8, then UTF-16 without a
BOM (recognised by its NUL bytes), then Windows-1252 (the legacy encoding of
Dutch government PCs; a superset of Latin-1 for printable text), then whatever
charset-normalizer finds. Only bytes that no candidate turns into plausible
text fail.
"""

from __future__ import annotations

import codecs

import regex

from charset_normalizer import from_bytes

from ima.domain.document import Extraction, IngestError, SourceFormat

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# Control, unassigned, private-use and surrogate code points, except ordinary whitespace.
_NOT_TEXT = regex.compile(r"[[\p{Cc}\p{Cn}\p{Co}\p{Cs}]--[\t\n\r\f\v]]", regex.V1)


def control_ratio(text: str) -> float:
    """Share of characters that are control or unassigned code points (text has ~0)."""
    if not text:
        return 0.0
    return sum(1 for _ in _NOT_TEXT.finditer(text)) / len(text)


def _plausible(text: str) -> bool:
    return control_ratio(text) < 0.001 and "\ufffd" not in text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _plausible(text) else None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    return "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding found; ``IngestError`` if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom):], encoding.replace("-sig", ""))
            if text is None:
                raise IngestError(f"bytes after the {encoding} byte-order mark are not valid {encoding} text")
            return text, encoding
    candidates = ["utf-8"]
    guess16 = _utf16_without_bom(data)
    if guess16:
        candidates.append(guess16)
    elif b"\x00" not in data:
        candidates.append("cp1252")
    for encoding in candidates:
        text = _try(data, encoding)
        if text is not None:
            return text, encoding
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        text = _try(data, best.encoding)
        if text is not None:
            return text, best.encoding
    raise IngestError("not a text document: binary data that no plausible text encoding decodes")


def normalise_newlines(text: str) -> str:
    """Unix newlines; the stored raw text (and every span) refers to this form."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def extract_text(data: bytes, fmt: SourceFormat = SourceFormat.TEXT) -> Extraction:
    """Extract a plain-text or Markdown document, recording the encoding found."""
    text, encoding = decode_text(data)
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError("empty document: the file holds only whitespace")
    breaks = None
    if "\f" in text:  # pdftotext output keeps form feeds between pages
        breaks = (0, *(i + 1 for i, ch in enumerate(text) if ch == "\f" and i + 1 < len(text)))
    return Extraction(text=text, format=fmt, encoding=encoding, page_breaks=breaks)
