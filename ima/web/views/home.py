"""``/``: what the record holds, the latest documents, the pillars and a search box."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ima.domain.pillars import PILLARS
from ima.web.pages import Page, page
from ima.web.rows import summary_row

router = APIRouter()
RECENT = 10
# Countries the corpus speaks about most; the ranking page (issue 6) will supply the real focus list.
FEATURED_COUNTRIES = ("MAR", "TUN", "EGY", "NGA", "NER", "LBY", "TUR", "IRQ", "AFG", "ERI")


@page(router, "/", summary="Home: size of the record, recent documents, pillars")
def home(request: Request) -> Page:
    """The start page."""
    store = request.app.state.store
    documents = store.documents()
    recent = sorted(documents, key=lambda d: (d.date is not None, d.date, d.id), reverse=True)[:RECENT]
    data = {"documents": len(documents), "recent": [summary_row(d) for d in recent],
            "pillars": [{"number": p.number, "name_nl": p.name_nl, "name_en": p.name_en} for p in PILLARS],
            "countries": list(FEATURED_COUNTRIES)}
    return Page("home.html", data)
