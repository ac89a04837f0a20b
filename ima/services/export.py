"""Exporting a clean document: text, Markdown or JSON, with its page inventory and change log.

Exports are documents a person reads or cites, so they speak Dutch by default
(``lang="en"`` for English) and say which pages the file actually holds: an
extraction may carry only some pages of a letter (the page footers tell).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ima.domain.record import StoredDocument
from ima.domain.serial import to_plain

EXPORT_FORMATS = ("text", "markdown", "json")
LANGUAGES = ("nl", "en")

WORDS = {
    "nl": {"page": "Pagina", "of": "van", "estimated": "geschat", "holds": "Dit bestand bevat pagina",
           "missing": "ontbreekt", "missing_pl": "ontbreken", "and": "en", "kind": "Soort", "date": "Datum",
           "to": "Aan", "subject": "Onderwerp", "kenmerk": "Kenmerk", "kamerstuk": "Kamerstuk",
           "signed": "Ondertekening", "footnotes": "Voetnoten", "changes": "Wijzigingen door ima",
           "letter": "brief", "parliamentary_paper": "Kamerstuk", "other": "overig"},
    "en": {"page": "Page", "of": "of", "estimated": "estimated", "holds": "This file holds page",
           "missing": "is missing", "missing_pl": "are missing", "and": "and", "kind": "Kind", "date": "Date",
           "to": "To", "subject": "Subject", "kenmerk": "Reference", "kamerstuk": "Parliamentary paper",
           "signed": "Signed by", "footnotes": "Footnotes", "changes": "Changes made by ima",
           "letter": "letter", "parliamentary_paper": "parliamentary paper", "other": "other"},
}


@dataclass(frozen=True, slots=True)
class PageInventory:
    """Which pages a stored document holds, of how many the document says it has."""

    numbers: tuple[int, ...]
    total: int | None
    estimated: tuple[int, ...]

    @property
    def missing(self) -> tuple[int, ...]:
        """Pages the footers say exist but the file does not hold."""
        if not self.total:
            return ()
        held = set(self.numbers)
        return tuple(n for n in range(1, self.total + 1) if n not in held)


def page_inventory(doc: StoredDocument) -> PageInventory:
    """The page numbers held, the total from the page footers (``Pagina x van N``), and estimates."""
    split = next((s for s in doc.stages if s.name == "split_pages"), None)
    total = split.details.get("total") if split else None
    numbers = tuple(p.number for p in doc.pages)
    if not isinstance(total, int) or total < max(numbers, default=0):
        total = None
    return PageInventory(numbers, total, tuple(p.number for p in doc.pages if p.estimated))


def _listing(numbers: tuple[int, ...], word_and: str) -> str:
    """``1, 3 en 5``; runs of three or more consecutive pages as ``2–36``."""
    items: list[str] = []
    run: list[int] = []
    for n in list(numbers) + [None]:
        if run and (n is None or n != run[-1] + 1):
            items += [f"{run[0]}–{run[-1]}"] if len(run) >= 3 else [str(x) for x in run]
            run = []
        if n is not None:
            run.append(n)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word_and} " + items[-1]


def inventory_sentence(inv: PageInventory, lang: str = "nl") -> str:
    """E.g. ``Dit bestand bevat pagina 1, 3, 5 en 7 van 8; pagina 2, 4, 6 en 8 ontbreken.``"""
    w = WORDS[lang]
    text = f"{w['holds']} {_listing(inv.numbers, w['and'])}"
    if inv.total:
        text += f" {w['of']} {inv.total}"
    if inv.missing:
        verb = w["missing"] if len(inv.missing) == 1 else w["missing_pl"]
        text += f"; {w['page'].lower()} {_listing(inv.missing, w['and'])} {verb}"
    return text + "."


def corrections(doc: StoredDocument) -> list[dict]:
    """Every recorded change of the repair stages: stage, page, span, before, after, reason."""
    out = []
    for stage in doc.stages:
        for change in stage.details.get("corrections", []) or []:
            if isinstance(change, dict):
                out.append({"stage": stage.name, **change})
    return out


def _page_heading(number: int, estimated: bool, inv: PageInventory, w: dict) -> str:
    label = f"{w['page']} {number}" + (f" {w['of']} {inv.total}" if inv.total else "")
    return label + (f" ({w['estimated']})" if estimated else "")


def _text(doc: StoredDocument, lang: str) -> str:
    w, inv = WORDS[lang], page_inventory(doc)
    parts = [inventory_sentence(inv, lang)]
    for page in doc.pages:
        body = "\n\n".join(p.text for p in doc.passages if p.page == page.number)
        parts.append(f"[{_page_heading(page.number, page.estimated, inv, w)}]\n\n{body}".rstrip())
    return "\n\n".join(parts) + "\n"


def _markdown(doc: StoredDocument, lang: str) -> str:
    w, inv, m = WORDS[lang], page_inventory(doc), doc.metadata
    lines = [f"# {m.title or m.subject or doc.summary.source}", ""]
    facts = [(w["kind"], w[m.kind.value] if m.kind else None), (w["date"], m.date.isoformat() if m.date else None),
             (w["to"], m.addressee.value if m.addressee else None), (w["subject"], m.subject),
             (w["kenmerk"], m.kenmerk), (w["kamerstuk"], str(m.kamerstuk) if m.kamerstuk else None),
             (w["signed"], "; ".join(f"{s.name} ({s.office})" if s.office else s.name for s in m.signatories))]
    lines += [f"- **{k}**: {v}" for k, v in facts if v]
    lines += ["", f"*{inventory_sentence(inv, lang)}*"]
    for page in doc.pages:
        lines += ["", f"## {_page_heading(page.number, page.estimated, inv, w)}", ""]
        for passage in (p for p in doc.passages if p.page == page.number):
            prefix = "### " if passage.kind == "heading" else "- " if passage.kind == "list_item" else ""
            lines += [prefix + passage.text, ""]
    if m.footnotes:
        lines += [f"## {w['footnotes']}", ""] + [f"[^{f.number}]: {f.text}" for f in m.footnotes]
    changes = corrections(doc)
    if changes:
        lines += ["", f"## {w['changes']}", ""]
        lines += [f"- p. {c.get('page', '?')}: «{c.get('before', '')}» → «{c.get('after', '')}» ({c.get('reason', '')})"
                  for c in changes]
    return "\n".join(lines).rstrip() + "\n"


def document_dict(doc: StoredDocument) -> dict:
    """The whole document as plain JSON-ready data: metadata, pages, passages with raw offsets."""
    inv = page_inventory(doc)
    return to_plain({
        "id": doc.summary.id,
        "source": doc.summary.source,
        "version": doc.summary.version,
        "content_hash": doc.summary.content_hash,
        "format": doc.summary.format,
        "encoding": doc.summary.encoding,
        "metadata": doc.metadata,
        "page_inventory": {"pages": list(inv.numbers), "total": inv.total, "missing": list(inv.missing),
                           "estimated": list(inv.estimated)},
        "pages": [{"number": p.number, "estimated": p.estimated, "text": p.text, "raw_start": p.raw_start,
                   "raw_end": p.raw_end, "unattributed": p.unattributed,
                   "removed": [{"text": t, "reason": r, "start": s, "end": e} for t, r, s, e in p.removed]}
                  for p in doc.pages],
        "passages": [{"seq": p.seq, "page": p.page, "page_estimated": p.page_estimated, "kind": p.kind,
                      "text": p.text, "start": p.start, "end": p.end} for p in doc.passages],
        "corrections": corrections(doc),
        "stages": [{"name": s.name, "details": s.details} for s in doc.stages],
        "raw_text": doc.raw_text,
    })


def export_document(doc: StoredDocument, fmt: str, lang: str = "nl") -> str:
    """The clean document as ``text``, ``markdown`` or ``json`` (``lang``: ``nl`` or ``en``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    if fmt == "text":
        return _text(doc, lang)
    if fmt == "markdown":
        return _markdown(doc, lang)
    if fmt == "json":
        return json.dumps(document_dict(doc), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
