"""Jinja2 environment of the web app: templates from the package, filters, the globals every page needs."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ima.domain.pillars import PILLARS
from ima.domain.record import MARK_END, MARK_START
from ima.web.auth import current_user
from ima.web.csrf import csrf_token
from ima.web.i18n import COOKIE, LANGUAGES, language_of, translator


def marked(snippet: str) -> Markup:
    """A search snippet with its matches in ``<mark>`` (the text itself escaped)."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def with_query(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + urlencode(params) if params else "")


def segments_html(items: Any, t: Any) -> Markup:
    """Text cut at its repairs (:class:`ima.web.repairs.Segment`), each repair in a ``<span>`` whose
    title says what was done and why. Built here rather than in a template macro: a long document
    has thousands of segments, and a macro call per segment was a third of the page's render time."""
    out: list[str] = []
    for s in items:
        r = s.repair
        if r is None:
            out.append(escape(s.text))
            continue
        title = f"{t(r.kind)}: {r.before}" + (f" → {r.after}" if r.after else "") + f" ({r.reason})"
        out.append(f'<span class="repair {escape(r.kind)}" title="{escape(title)}">{escape(s.text)}</span>')
    return Markup("".join(out))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared environment (templates are compiled once per process)."""
    env = Environment(loader=PackageLoader("ima.web", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["marked"] = marked
    env.filters["segments"] = segments_html
    env.globals["PILLARS"] = PILLARS
    return env


def render_template(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """Render ``name`` with the page's context plus language, user, CSRF token and URL helpers."""
    lang = language_of(request)
    other = next(x for x in LANGUAGES if x != lang)
    full = {"request": request, "lang": lang, "t": translator(lang), "user": current_user(request),
            "csrf_token": csrf_token(request), "other_lang": other,
            "lang_url": with_query(request, lang=other), "with_query": lambda **kw: with_query(request, **kw),
            "json_url": _json_url(request), **context}
    response = HTMLResponse(environment().get_template(name).render(full), status_code=status)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return response


def _json_url(request: Request) -> str:
    path = "/index" if request.url.path == "/" else request.url.path
    return path + ".json" + (f"?{request.url.query}" if request.url.query else "")
