"""``ima serve``: the web app over the record (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import err_console


@app.command()
@handle_errors
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (0.0.0.0 for all).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="TCP port.", min=0, max=65535)] = 8000,
    https: Annotated[bool, typer.Option("--https", help="Mark session cookies Secure (behind a TLS proxy).")] = False,
    workers: Annotated[int, typer.Option("--workers", help="Server processes (each with its own connections).",
                                         min=1, max=64)] = 1,
    max_upload_mb: Annotated[float | None, typer.Option("--max-upload-mb", envvar="IMA_MAX_UPLOAD_MB",
                                                        help="Size limit of uploaded documents.")] = None,
) -> None:
    """Serve the web app: search, documents, countries and pillars in the browser, JSON twins, /api/.

    Set IMA_SECRET_KEY to keep sessions valid across restarts.
    """
    import os

    import uvicorn

    if max_upload_mb is not None and max_upload_mb <= 0:
        raise ValueError("--max-upload-mb must be positive")
    store = state_of(ctx).store()  # fails early on a bad URL, and applies pending migrations
    shown = store.url_for_display()
    # The CLI does not import the web layer (siblings); the app is built by uvicorn from the environment.
    settings = {"IMA_DATABASE_URL": state_of(ctx).db_url, "IMA_HTTPS": "1" if https else None,
                "IMA_MAX_UPLOAD_MB": str(max_upload_mb) if max_upload_mb else None}
    os.environ.update({k: v for k, v in settings.items() if v})
    err_console.print(f"ima serving {shown} on http://{host}:{port}/")
    uvicorn.run("ima.web.app:app_from_env", factory=True, host=host, port=port, log_level="warning",
                proxy_headers=https, workers=workers)
