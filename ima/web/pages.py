"""One view, two renderings: every page is an HTML template and a JSON twin of the same data.

A view is a plain function that takes FastAPI parameters and returns a :class:`Page`.
:func:`page` registers it at ``path`` (HTML, or JSON when the client asks with
``Accept: application/json``) and at ``path + ".json"`` (always JSON, described in
the OpenAPI schema). Expected failures become the same error page or JSON error in
both: ``ValueError`` → 400, a missing document → 404.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ima.domain.serial import to_plain
from ima.store import DocumentNotFound


@dataclass
class Page:
    """What a view hands back: the template, the data (the JSON twin), HTML-only extras.

    ``html_only`` (a module-level function, so a cached page stays picklable) derives more template
    context from the data when the page is rendered as HTML; the JSON twin never pays for it, and the
    page cache keeps only the data it derives from.
    """

    template: str
    data: dict[str, Any]
    title: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    status: int = 200
    html_only: Callable[[dict[str, Any]], dict[str, Any]] | None = None


def wants_json(request: Request) -> bool:
    """Whether the client prefers JSON: ``.json`` paths, or an Accept header with JSON before HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    json_at, html_at = accept.find("application/json"), accept.find("text/html")
    return json_at != -1 and (html_at == -1 or json_at < html_at)


def render(request: Request, page: Page) -> Response:
    """The page as HTML or as its JSON twin, as the client asked."""
    if wants_json(request):
        return JSONResponse(to_plain(page.data), status_code=page.status)
    from ima.web.templating import render_template

    derived = page.html_only(page.data) if page.html_only else {}
    return render_template(request, page.template, {"data": page.data, "title": page.title, **page.extra,
                                                    **derived}, status=page.status)


def error_page(request: Request, status: int, message: str) -> Response:
    """An error as JSON (``{"error": ...}``) or as the error page."""
    return render(request, Page("error.html", {"error": message, "status": status}, title=str(status), status=status))


def _guarded(view: Callable[..., Page]) -> Callable[..., Response]:
    @functools.wraps(view)
    def endpoint(**kwargs: Any) -> Response:
        request: Request = kwargs["request"]
        try:
            result = view(**kwargs)
        except DocumentNotFound as exc:
            return error_page(request, 404, str(exc))
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        return result if isinstance(result, Response) else render(request, result)

    return endpoint


def page(router: APIRouter, path: str, *, summary: str) -> Callable[[Callable[..., Page]], Callable[..., Page]]:
    """Register ``view`` (whose first parameter is ``request: Request``) at ``path`` and ``path.json``."""

    def decorate(view: Callable[..., Page]) -> Callable[..., Page]:
        endpoint = _guarded(view)
        json_path = "/index.json" if path == "/" else path + ".json"
        # The .json route first: ``/documents/{id}`` would otherwise swallow ``/documents/3.json``.
        # response_model=None: the twin answers with the page's data, not with the Page the view returns.
        router.add_api_route(json_path, endpoint, methods=["GET"], summary=summary, name=f"{view.__name__}_json",
                             response_class=JSONResponse, response_model=None, responses={
                                 200: {"description": "The page's data (the same the HTML page shows)",
                                       "content": {"application/json": {"schema": {"type": "object"}}}},
                                 400: {"description": "Invalid input"}})
        router.add_api_route(path, endpoint, methods=["GET"], name=view.__name__, include_in_schema=False,
                             response_class=HTMLResponse, response_model=None)
        return view

    return decorate
