"""The web app: ``create_app`` wires the store, sessions, static files and the page modules together."""

from __future__ import annotations

import gc
import importlib
import os
import secrets
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from ima.services.scenario_uploads import upload_dir
from ima.store import Store
from ima.web.cache import PageCache
from ima.web.jobs import JobRunner
from ima.web.middleware import BodyLimit, SecurityHeaders
from ima.web.pages import error_page, wants_json

STATIC_DIR = Path(__file__).resolve().parent / "static"
SECRET_ENV = "IMA_SECRET_KEY"
SESSION_HOURS = 8
DEFAULT_UPLOAD_MB = 20.0
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the other form fields
# One module per page area; each exposes ``router``. A new page is a new module listed here.
VIEW_MODULES = ("home", "search", "documents", "country", "pillar", "ranking", "eu", "scenarios", "account", "api",
                "partnership", "packages", "risks", "programmes", "audit")


def create_app(store_url: str | None = None, *, store: Store | None = None, secret_key: str | None = None,
               https: bool = False, max_upload_mb: float | None = None,
               cache_seconds: float | None = None, scenario_dir: str | Path | None = None,
               freeze_heap: bool = False) -> FastAPI:
    """The ASGI app over the store at ``store_url`` (default database if None) or an open ``store``.

    ``secret_key`` signs the session cookies (default: ``$IMA_SECRET_KEY``, else a random key, so
    sessions end when the process does). ``https`` marks cookies Secure. ``max_upload_mb`` limits uploads.
    ``cache_seconds`` keeps page data of searches, documents and dossiers (see :mod:`ima.web.cache`).
    ``scenario_dir`` keeps uploaded scenarios (default ``$IMA_SCENARIO_DIR`` or the user data directory).
    ``freeze_heap`` moves everything alive at start-up out of the garbage collector's sight (for a server
    process: the modules, templates and tables loaded once would otherwise be walked by every full
    collection, a pause of ~0.1 s felt by the requests in flight; not for apps built and dropped in tests,
    whose frozen objects would never be freed).
    """
    owned = store is None
    store = store or Store.open(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        if freeze_heap:
            gc.collect()
            gc.freeze()
        yield
        app.state.jobs.shutdown()
        if owned:
            store.close()

    app = FastAPI(title="ima", version="0.1.0", lifespan=lifespan,
                  description="The record of the Dutch integrated migration agenda: every page as HTML and as "
                              "JSON (`.json` or `Accept: application/json`); writes under `/api/` need an account.")
    app.state.store = store
    app.state.cache = PageCache(cache_seconds)
    app.state.jobs = JobRunner()
    app.state.scenario_dir = upload_dir(scenario_dir)
    app.state.max_upload_bytes = int((max_upload_mb or _env_upload_mb()) * 1024 * 1024)
    key = secret_key or os.environ.get(SECRET_ENV) or secrets.token_urlsafe(48)
    app.add_middleware(SessionMiddleware, secret_key=key, session_cookie="ima_session", same_site="lax",
                       https_only=https, max_age=SESSION_HOURS * 3600)

    # Outermost last: every answer, a 413 included, carries the security headers.
    app.add_middleware(BodyLimit, limit=lambda: (app.state.max_upload_bytes + FORM_OVERHEAD,
                                                 app.state.max_upload_bytes))
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/") or wants_json(request):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
                             for e in exc.errors())
        if request.url.path.startswith("/api/") or wants_json(request):
            return JSONResponse({"error": problems}, status_code=422)
        return error_page(request, 422, problems)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for name in VIEW_MODULES:
        app.include_router(importlib.import_module(f"ima.web.views.{name}").router)
    return app


def app_from_env() -> FastAPI:
    """The app as ``ima serve`` runs it: database, https and upload limit from the environment
    (``IMA_DATABASE_URL``, ``IMA_HTTPS=1``, ``IMA_MAX_UPLOAD_MB``)."""
    return create_app(https=os.environ.get("IMA_HTTPS") == "1", freeze_heap=True)


def _env_upload_mb() -> float:
    raw = os.environ.get("IMA_MAX_UPLOAD_MB")
    try:
        return float(raw) if raw else DEFAULT_UPLOAD_MB
    except ValueError:
        raise ValueError(f"IMA_MAX_UPLOAD_MB must be a number of megabytes, not {raw!r}") from None
