"""Plain ASGI middleware for what every response needs: security headers, and oversized bodies refused
before they are read.

Written against ASGI directly rather than with ``@app.middleware("http")``: that form runs each request
in a task of its own and pipes the response body through a memory stream, a cost every page paid twice.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"))


class SecurityHeaders:
    """Adds ``nosniff``, ``DENY`` framing and a same-origin referrer policy unless a response set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Answers 413 to a request whose declared length exceeds ``limit()`` bytes, before reading it.
    (Chunked uploads without a length are cut off while the upload handlers read them.)"""

    def __init__(self, app: ASGIApp, limit) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = dict(scope.get("headers", [])).get(b"content-length", b"")
            limit, upload_bytes = self.limit()
            if length.isdigit() and int(length) > limit:
                body = json.dumps({"error": f"request too large: the upload limit is "
                                            f"{upload_bytes / 1048576:.1f} MB"}).encode()
                await send({"type": "http.response.start", "status": 413,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
