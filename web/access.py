"""Every request measured once: one JSON access line on the ``cancer_qa.access`` logger, and the
same measurement handed to whoever else watches (the request metrics of ``web/metrics.py``).

``log_requests(app, *observers)`` adds ``RequestLog`` as the outermost middleware, so refusals
before routing (429 rate limit, 413 body limit, 403 cross-site post) are counted against the route
they were meant for. A line holds the time the request arrived (ISO 8601, UTC), method, path
without its query string, the matched route's path template, status, duration in milliseconds and
response bytes; never the query string (a staff search can name a patient's case), never the body
and never the client's address. ``cancer-qa serve`` turns uvicorn's own access line off and writes
these lines, bare, to stdout (``log_config()``); ``NoQueryInAccessLog`` still guards uvicorn's line
for anyone who runs uvicorn by hand.
"""

from __future__ import annotations

import copy
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ACCESS = logging.getLogger("cancer_qa.access")
UNMATCHED = "unmatched"
"""The route of a request no route takes (a 404 on an unknown path): raw paths are unbounded."""
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


@dataclass(frozen=True)
class Served:
    """One request as measured: ``method`` is one of ``METHODS`` or ``OTHER``; ``path`` has no
    query string; ``route`` is a path template such as ``/doc/{doc}``, or ``UNMATCHED``."""

    arrived: float
    method: str
    path: str
    route: str
    status: int
    seconds: float
    bytes: int

    def line(self) -> str:
        return json.dumps(
            {
                "time": datetime.fromtimestamp(self.arrived, UTC).isoformat(timespec="milliseconds"),
                "method": self.method,
                "path": self.path,
                "route": self.route,
                "status": self.status,
                "duration_ms": round(self.seconds * 1000, 1),
                "bytes": self.bytes,
            }
        )


RequestObserver = Callable[[Served], None]


def leaf_routes(routes: Sequence[BaseRoute]) -> list[BaseRoute]:
    """The routes that take requests, included routers opened (FastAPI keeps an included router
    as one route whose ``original_router`` holds its routes)."""
    found: list[BaseRoute] = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        found.extend(leaf_routes(inner.routes) if inner is not None else [route])
    return found


def route_template(handled: Scope, arrived: Scope, routes: Sequence[BaseRoute]) -> str:
    """The path template of the route that took the request (``handled``, the scope after the
    app ran); for one refused before routing, or a mount (which leaves no route in the scope), the
    route that takes ``arrived`` (the scope as it came in: routing rewrites ``root_path``)."""
    route = handled.get("route")
    if route is None:
        matches = [(r.matches(arrived)[0], r) for r in routes]
        best = sorted((r for r in matches if r[0] is not Match.NONE), key=lambda m: m[0] is not Match.FULL)
        route = best[0][1] if best else None
    template = getattr(route, "path_format", None)
    return template if isinstance(template, str) else UNMATCHED


class RequestLog:
    """Measures each HTTP request (status, bytes, time to the last byte), writes its access line
    and tells the observers. An error that escapes the app is counted as the 500 it becomes."""

    def __init__(
        self, app: ASGIApp, routes: Sequence[BaseRoute], observers: Sequence[RequestObserver]
    ) -> None:
        self.app = app
        self.routes = routes
        self.observers = observers
        self._leaves: list[BaseRoute] | None = None  # at the first request: every route is added by then

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        arrived, started, as_sent = time.time(), time.perf_counter(), dict(scope)
        status, size = 500, 0

        async def measured(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, measured)
        finally:
            method = scope["method"] if scope["method"] in METHODS else "OTHER"
            if self._leaves is None:
                self._leaves = leaf_routes(self.routes)
            route = route_template(scope, as_sent, self._leaves)
            served = Served(
                arrived, method, scope["path"], route, status, time.perf_counter() - started, size
            )
            for observe in self.observers:
                observe(served)
            if ACCESS.isEnabledFor(logging.INFO):
                ACCESS.info(served.line())


def log_requests(app: FastAPI, *observers: RequestObserver) -> None:
    """Add ``RequestLog``; call after every other ``add_middleware`` so that it is the outermost."""
    app.add_middleware(RequestLog, routes=app.router.routes, observers=observers)


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration plus the access lines, bare JSON on stdout, and the
    service's own log (``cancer_qa.*``, e.g. each ask's keyed hash) on stderr in the CLI's format.
    Each server process applies it at start: worker processes, which inherit nothing of the CLI's
    logging set-up, included."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["cancer_qa"] = {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    config["handlers"]["cancer_qa"] = {
        "class": "logging.StreamHandler",
        "formatter": "cancer_qa",
        "stream": "ext://sys.stderr",
    }
    config["loggers"]["cancer_qa"] = {"handlers": ["cancer_qa"], "level": "INFO", "propagate": False}
    config["formatters"]["json_lines"] = {"format": "%(message)s"}
    config["handlers"]["json_access"] = {
        "class": "logging.StreamHandler",
        "formatter": "json_lines",
        "stream": "ext://sys.stdout",
    }
    config["loggers"][ACCESS.name] = {"handlers": ["json_access"], "level": "INFO", "propagate": False}
    return config
