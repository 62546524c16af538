"""What every request passes through (``secure(app, ...)``): security headers on every response (a
strict Content-Security-Policy and friends), a body size limit, and a same-origin check on posts.

No inline script or style is allowed anywhere (``script-src 'self'``, ``style-src 'self'``), so
the pages load only ``/static`` files and all text reaches the page escaped (Jinja autoescape on
the server, ``textContent`` in the browser). Pages that show a person's question or answer are
also marked ``Cache-Control: no-store`` by their routes.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
NO_STORE = {"Cache-Control": "no-store"}
_RAW = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]


def secure(app: FastAPI, max_body_bytes: int) -> None:
    """The headers on every response, errors included (an unexpected error is a plain 500 with
    them too), and a 413 for a body over ``max_body_bytes`` before it is read into memory."""

    @app.exception_handler(Exception)
    async def _internal(_: Request, __: Exception) -> Response:
        return JSONResponse(status_code=500, content={"detail": "internal error"}, headers=HEADERS)

    app.add_middleware(SameOrigin)
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(SecurityHeaders)


class SecurityHeaders:
    """Adds ``HEADERS`` to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _RAW if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """413 for a request body over ``limit`` bytes: at once when Content-Length says so, else as
    soon as the streamed body passes it (nothing larger is ever held in memory)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen, too_large, refused = 0, False, False

        async def counted() -> Message:
            nonlocal seen, too_large
            if too_large:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:  # stop reading; whatever the app answers becomes a 413
                    too_large = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        async def guarded(message: Message) -> None:
            nonlocal refused
            if not too_large:
                await send(message)
            elif not refused:
                refused = True
                await self._refuse(scope, receive, send)

        await self.app(scope, counted, guarded)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"request body is too large (over {self.limit} bytes)"
        await JSONResponse(status_code=413, content={"detail": detail}, headers=HEADERS)(scope, receive, send)


CROSS_SITE = "cross-site posts are not accepted: send the form from this site"


class SameOrigin:
    """CSRF defence for every POST (the forms and the API alike): a browser says where a request
    comes from (``Sec-Fetch-Site``; older ones ``Origin``, else ``Referer``), and a post from
    another site (or a sibling subdomain) is refused with 403. A client that is not a browser
    sends none of them and is let through: it holds no one's cookies to abuse."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and _cross_site(scope):
            refusal = JSONResponse(status_code=403, content={"detail": CROSS_SITE}, headers=HEADERS)
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _cross_site(scope: Scope) -> bool:
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:  # modern browsers say it outright; Origin may be "null" under our
        return fetch_site not in ("same-origin", "none")  # no-referrer policy, so this comes first
    origin = headers.get("origin")
    if origin is None and headers.get("referer"):
        parts = urlsplit(headers["referer"])
        origin = f"{parts.scheme}://{parts.netloc}"
    if origin is None:
        return False
    host = headers.get("host", "")
    return origin.lower() not in {f"http://{host}".lower(), f"https://{host}".lower()}


class NoQueryInAccessLog(logging.Filter):
    """uvicorn's access log line without the query string: ``GET /staff?q=...`` is logged as
    ``GET /staff`` (a staff search can name a patient's case)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def quiet_access_log() -> None:
    """Install the filter once on uvicorn's access logger."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, NoQueryInAccessLog) for f in access.filters):
        access.addFilter(NoQueryInAccessLog())
