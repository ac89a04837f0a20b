"""``/eu``: the EU solidarity key and the Annual Solidarity Pool, with inputs a user can change
(``ima.services.solidarity``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ima.web.pages import Page, page

router = APIRouter()
# The 2026 pool as the Commission proposed it (README, `ima eu pool`).
DEFAULT_RELOCATIONS = 21_000
DEFAULT_EUR = 420_000_000


@page(router, "/eu", summary="EU solidarity: the AMMR key and fair shares of a pool, with pledges")
def eu(
    request: Request,
    relocations: Annotated[int, Query(ge=0, le=10_000_000)] = DEFAULT_RELOCATIONS,
    eur: Annotated[int, Query(ge=0, le=10**12)] = DEFAULT_EUR,
    combine: Annotated[str, Query(pattern="^(and|or)$")] = "or",
    pledges: Annotated[str | None, Query(max_length=2000, description="STATE:RELOCATIONS[:EUR[:ALT_EUR]], "
                                                                      "separated by spaces or semicolons")] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    with_denmark: Annotated[bool, Query()] = False,
) -> Page:
    """The key per Member State and each state's fair share of the pool, against its pledge."""
    from ima.services.solidarity import key_rows, parse_pledge_option, pool_report
    from ima.web.i18n import language_of

    lang = language_of(request)
    given = [parse_pledge_option(p) for p in (pledges or "").replace(";", " ").split() if p]
    report = pool_report(relocations, eur, pledges=given, year=year, combine=combine, include_denmark=with_denmark,
                         lang=lang)
    data = {"inputs": {"relocations": relocations, "eur": eur, "combine": combine, "pledges": pledges or "",
                       "year": year, "with_denmark": with_denmark},
            "summary": report.summary, "pool": report.rows,
            "key": key_rows(year or report.summary.get("year"), with_denmark, lang)}
    return Page("eu.html", data, title="EU")
