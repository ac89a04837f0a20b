"""``/documents`` and ``/documents/{id}``: the record, and one document page by page (clean and raw)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ima.domain.serial import to_plain
from ima.web.pages import Page, page
from ima.web.repairs import Repair, clean_segments, document_repairs, text_segments
from ima.web.rows import fact_row, summary_row

router = APIRouter()
FACT_LIMIT = 2000
PER_PAGE = 100
MAX_ID = 2**63 - 1  # the largest id a database column holds


@page(router, "/documents", summary="The documents of the record (current versions), newest first, paged")
def documents(
    request: Request,
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Page:
    """The current documents, newest first, ``PER_PAGE`` a page."""
    listed = sorted(request.app.state.store.documents(), key=lambda d: (d.date is not None, d.date, d.id),
                    reverse=True)
    pages = max(1, -(-len(listed) // PER_PAGE))
    if page_number > pages:
        raise ValueError(f"page {page_number} does not exist: the record has {pages} page(s) of documents")
    rows = [summary_row(d) for d in listed[(page_number - 1) * PER_PAGE:page_number * PER_PAGE]]
    return Page("documents.html", {"documents": rows, "total": len(listed), "page": page_number, "pages": pages})


def _plain(value) -> dict:
    """JSON-ready data; through JSON text because ``to_plain`` keeps str-based enums (``DocumentKind``) as
    enums, which a template would print as ``DocumentKind.LETTER``."""
    return json.loads(json.dumps(to_plain(value), ensure_ascii=False))


def _repair_row(r) -> dict:
    return {"kind": r.kind, "start": r.start, "end": r.end, "before": r.before, "after": r.after, "reason": r.reason}


@page(router, "/documents/{document_id}", summary="One document: metadata, clean pages, raw extraction, repairs, "
                                                   "footnotes, figures, motions and commitments")
def document(
    request: Request,
    document_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    view: Annotated[str, Query(pattern="^(clean|raw)$", description="clean, or raw beside clean")] = "clean",
) -> Page:
    """The document page by page; every passage has an anchor ``#p{seq}`` (its permalink)."""
    store = request.app.state.store
    return request.app.state.cache.get(store, ("document", document_id, view),
                                       lambda: _document_page(store, document_id, view))


def _document_page(store, document_id: int, view: str) -> Page:
    from ima.services.export import page_inventory

    doc = store.document(document_id, stage_texts=False)
    repairs = document_repairs(doc)
    facts = store.facts(kinds=("money", "count", "percent", "motion", "commitment"), document_id=document_id,
                        limit=FACT_LIMIT)
    inventory = page_inventory(doc)
    pages = []
    for p in doc.pages:
        passages = [x for x in doc.passages if x.page == p.number]
        in_page = [r for r in repairs if r.start < p.raw_end and r.end > p.raw_start]
        pages.append({"number": p.number, "estimated": p.estimated,
                      "passages": [{"seq": x.seq, "kind": x.kind, "text": x.text, "raw_start": x.start,
                                    "raw_end": x.end, "url": f"/documents/{document_id}#p{x.seq}"} for x in passages],
                      "raw": doc.raw_text[p.raw_start:p.raw_end], "raw_start": p.raw_start,
                      "repairs": [_repair_row(r) for r in in_page]})
    data = {"document": summary_row(doc.summary), "metadata": _plain(doc.metadata),
            "page_inventory": {"pages": list(inventory.numbers), "total": inventory.total,
                               "missing": list(inventory.missing)},
            "pages": pages,
            "figures": [fact_row(f) for f in facts if f.kind in ("money", "count", "percent")],
            "motions": [fact_row(f) for f in facts if f.kind == "motion"],
            "commitments": [fact_row(f) for f in facts if f.kind == "commitment"],
            "versions": [summary_row(v) for v in doc.versions], "view": view,
            "repair_counts": {k: sum(r.kind == k for r in repairs) for k in ("removed", "corrected", "joined")}}
    return Page("document.html", data, title=doc.summary.title or f"#{document_id}", html_only=page_views)


def page_views(data: dict) -> dict:
    """Each page's raw text and passages cut at their repairs, for the side-by-side view (from the page
    data alone, so the JSON twin and the cache carry the text once)."""
    views = []
    for p in data["pages"]:
        repairs = [Repair(**row) for row in p["repairs"]]
        views.append({"raw": text_segments(p["raw"], p["raw_start"], repairs),
                      "passages": [clean_segments(x["text"], x["raw_start"], x["raw_end"], repairs)
                                   for x in p["passages"]]})
    return {"views": views}
