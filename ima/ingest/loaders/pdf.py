"""PDF via pypdf: one text layer per page, with clear reasons for what cannot be read."""

from __future__ import annotations

import io
import logging

from ima.domain.document import Extraction, IngestError, SourceFormat

# Below this many visible characters per page on average, a PDF is a scan.
MIN_CHARS_PER_PAGE = 20


def extract_pdf(data: bytes) -> Extraction:
    """Extract each page's text layer; pages are joined by form feeds and recorded as breaks."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

    if not data.lstrip().startswith(b"%PDF-"):
        raise IngestError("not a PDF: the file does not start with the %PDF- header")
    warnings: list[str] = []
    handler = _CollectingHandler(warnings)
    pypdf_log = logging.getLogger("pypdf")
    pypdf_log.addHandler(handler)
    previous_propagate, pypdf_log.propagate = pypdf_log.propagate, False
    try:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise IngestError("encrypted PDF: it needs a password to open; decrypt it first (e.g. qpdf --decrypt)")
            texts = [(page.extract_text() or "") for page in reader.pages]
        except FileNotDecryptedError as exc:
            raise IngestError("encrypted PDF: it needs a password to open; decrypt it first (e.g. qpdf --decrypt)") from exc
        except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError,
                IndexError, RecursionError, OSError) as exc:
            raise IngestError(f"damaged or truncated PDF: {_short(exc)}") from exc
    finally:
        pypdf_log.removeHandler(handler)
        pypdf_log.propagate = previous_propagate
    if not texts:
        raise IngestError("damaged or truncated PDF: no pages could be read")
    visible = sum(len("".join(t.split())) for t in texts)
    if visible < MIN_CHARS_PER_PAGE * len(texts):
        raise IngestError(f"PDF without a text layer ({len(texts)} page(s) of images): OCR is needed first "
                          "(e.g. ocrmypdf), then ingest the result")
    breaks, offset, parts = [], 0, []
    for text in texts:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
        breaks.append(offset)
        parts.append(text)
        offset += len(text) + 1  # +1 for the form feed that joins pages
    return Extraction(text="\f".join(parts), format=SourceFormat.PDF, encoding=None,
                      page_breaks=tuple(breaks), warnings=tuple(dict.fromkeys(warnings)))


def _short(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:160]


class _CollectingHandler(logging.Handler):
    """Keeps pypdf's warnings for the ingest report instead of printing them mid-table."""

    def __init__(self, sink: list[str]):
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage()[:200])
