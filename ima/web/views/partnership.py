"""``/partnership/{iso3}``: the partnership dossier of a country (``ima.services.partnership``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Request

from ima.domain.serial import to_plain
from ima.web.pages import Page, page
from ima.web.partnership_rows import risk_row, source_row, sourced
from ima.web.partnership_words import words

router = APIRouter()
PLACE = Path(min_length=2, max_length=60, description="ISO 3166 alpha-3 code (TUN) or a country name")


@page(router, "/partnership/{code}", summary="Partnership dossier: state of cooperation, agreements, other "
                                              "interests, timeline, risks, instruments in use, passages")
def partnership(request: Request, code: Annotated[str, PLACE]) -> Page:
    """Everything ima knows about the partnership with one country, every fact with its source."""
    from ima.services.partnership import partnership_dossier
    from ima.web.i18n import language_of

    lang = language_of(request)
    from ima.services.risks import risk_register
    from ima.web.views.risks import risks_file

    d = partnership_dossier(request.app.state.store, code, lang=lang, today=dt.date.today())
    if risks_file(request) is not None:  # the app edits a copy of the register (tests, demos)
        d.risks = risk_register(country=d.iso3, include_closed=True, path=risks_file(request))
    data = {"iso3": d.iso3, "name": d.name, "state": d.state,
            "history": [sourced(h) for h in d.profile.history],
            "attributes": [{"name": k, "value": a.value, "source": source_row(a.source)}
                           for k, a in d.profile.attributes.items()],
            "agreements": [sourced(a) for a in sorted(d.agreements, key=lambda a: a.date, reverse=True)],
            "interests": [sourced(i) for i in d.interests],
            "timeline": [sourced(e) for e in sorted(d.timeline, key=lambda e: e.date, reverse=True)],
            "risks": [risk_row(f) for f in d.risks],
            "instruments_in_use": [{**to_plain(u), "source": source_row(u.source)} for u in d.instruments_in_use],
            "passages": [{**to_plain(p), "url": f"/documents/{p.document_id}"} for p in d.passages]}
    return Page("partnership.html", data, title=d.name, extra={"w": words(lang)})


@page(router, "/partnerships", summary="The countries with a partnership dossier and their state of cooperation")
def partnerships(request: Request) -> Page:
    """Every country with a curated dossier, with its state of cooperation and open risk flags."""
    from ima.analysis.partnership.dossiers import profiles
    from ima.services.risks import risk_register
    from ima.web.i18n import language_of
    from ima.web.views.risks import risks_file

    lang = language_of(request)
    flagged = risk_register(path=risks_file(request))
    rows = [{"iso3": p.iso3, "name": p.name_en if lang == "en" else p.name_nl, "state": p.state,
             "risks": sum(f.risk.country == p.iso3 for f in flagged),
             "overdue": sum(f.overdue for f in flagged if f.risk.country == p.iso3),
             "unmitigated_high": sum(f.unmitigated_high for f in flagged if f.risk.country == p.iso3)}
            for p in profiles().values()]
    rows.sort(key=lambda r: r["name"])
    return Page("partnerships.html", {"countries": rows}, title=words(lang)("partnerships"),
                extra={"w": words(lang)})
