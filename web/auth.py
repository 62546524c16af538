"""Staff access: when ``QA_STAFF_TOKEN`` is set, ``/staff`` pages need it.

A request is staff when it sends ``Authorization: Bearer <token>`` or carries the session cookie
set by the login form. A session is a random id kept on the server (``Sessions``): new at every
sign-in, it expires after eight hours, and signing out revokes it; the cookie never holds the
token or anything derived from it. Token comparisons are constant-time (``hmac.compare_digest``).
With no token configured the staff pages are open (local use), and say so.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable

from fastapi import Request

from cancer_qa.errors import NotAuthorizedError

COOKIE = "qa_staff"
SESSION_SECONDS = 8 * 3600
MAX_SESSIONS = 1000
NEED_TOKEN = "staff token required: send 'Authorization: Bearer <token>' or sign in at /staff/login"


class Sessions:
    """Signed-in staff sessions, in this process's memory (a restart signs everyone out)."""

    def __init__(self, seconds: int = SESSION_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._expires: dict[str, float] = {}

    def start(self) -> str:
        now = self._clock()
        self._expires = {k: t for k, t in self._expires.items() if t > now}
        while len(self._expires) >= MAX_SESSIONS:  # the oldest goes first
            self._expires.pop(min(self._expires, key=self._expires.__getitem__))
        session = secrets.token_urlsafe(32)
        self._expires[session] = now + self.seconds
        return session

    def valid(self, session: str | None) -> bool:
        if not session:
            return False
        expires = next((t for k, t in self._expires.items() if hmac.compare_digest(k, session)), None)
        return expires is not None and expires > self._clock()

    def end(self, session: str | None) -> None:
        if session:
            self._expires.pop(session, None)


def token_matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def is_staff(request: Request, token: str | None, sessions: Sessions) -> bool:
    if not token:
        return True
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token_matches(credentials.strip(), token):
        return True
    return sessions.valid(request.cookies.get(COOKIE))


def require_staff(request: Request, token: str | None, sessions: Sessions) -> None:
    if not is_staff(request, token, sessions):
        raise NotAuthorizedError(NEED_TOKEN)
