"""Per-client rate limits on the routes that cost us work or guard a secret.

``QA_RATE_LIMIT`` (default ``30/minute;300/hour``, ``off`` disables it) applies to every POST of
``LIMITED``: questions (``/api/ask`` and the no-JavaScript ``/``), feedback (``/api/feedback``,
``/feedback``) and the staff sign-in. Over the limit: 429 with ``Retry-After`` (seconds) and the
security headers. Clients are told apart by their address (behind a proxy, run uvicorn with
``--proxy-headers`` so that address is the client's). Counting is a moving window in memory
(``limits``), per process: with ``--workers N`` a client may get up to N times the limit (the
kernel spreads connections over the workers); ``make eval`` drives the service in-process and is
never throttled.
"""

from __future__ import annotations

import math
import time

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from web.security import HEADERS

LIMITED = frozenset({"/", "/api/ask", "/api/feedback", "/feedback", "/staff/login"})


class RateLimit:
    def __init__(self, app: ASGIApp, rule: str) -> None:
        from limits import parse_many, storage, strategies

        self.app = app
        self.items = parse_many(rule)
        self.limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in LIMITED:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        for item in self.items:
            if not self.limiter.hit(item, client, scope["path"]):
                reset = self.limiter.get_window_stats(item, client, scope["path"]).reset_time
                wait = max(1, math.ceil(reset - time.time()))
                detail = f"too many requests: the limit is {item}; try again in {wait} seconds"
                headers = {**HEADERS, "Retry-After": str(wait)}
                refusal = JSONResponse(status_code=429, content={"detail": detail}, headers=headers)
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)
