"""Staff access: when ``QA_STAFF_TOKEN`` is set, ``/staff`` pages need it.

A request is staff when it sends ``Authorization: Bearer <token>`` or carries the session cookie
set by the login form. A session is a random id kept on the server (``Sessions``, in the feedback
database, so all workers and replicas share it): new at every sign-in, it expires after eight hours, and
signing out revokes it; the cookie never holds the
token or anything derived from it. Token comparisons are constant-time (``hmac.compare_digest``).
With no token configured the staff pages are open (local use), and say so.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

from fastapi import Request

from core.errors import NotAuthorizedError
from service.store.database import Database

COOKIE = "qa_staff"
SESSION_SECONDS = 8 * 3600
MAX_SESSIONS = 1000
NEED_TOKEN = "staff token required: send 'Authorization: Bearer <token>' or sign in at /staff/login"


class Sessions:
    """Signed-in staff sessions in the service's database (the feedback's: the SQLite file, or the
    PostgreSQL server that replicas share), so every worker and replica sees the same sign-ins;
    only a hash of each session id is stored."""

    def __init__(
        self, database: Database, seconds: int = SESSION_SECONDS, clock: Callable[[], float] = time.time
    ) -> None:
        self.database = database
        self.seconds = seconds
        self._clock = clock

    @staticmethod
    def _digest(session: str) -> str:
        return hashlib.sha256(session.encode("utf-8", "replace")).hexdigest()

    def start(self) -> str:
        now = self._clock()
        session = secrets.token_urlsafe(32)
        with self.database.transaction() as tx:
            tx.execute("DELETE FROM staff_sessions WHERE expires <= :now", {"now": now})
            tx.execute(  # the oldest go first
                "DELETE FROM staff_sessions WHERE digest IN (SELECT digest FROM staff_sessions "
                "ORDER BY expires DESC LIMIT :all OFFSET :keep)",
                {"all": 1 << 62, "keep": MAX_SESSIONS - 1},
            )
            row = {"digest": self._digest(session), "expires": now + self.seconds}
            tx.execute("INSERT INTO staff_sessions (digest, expires) VALUES (:digest, :expires)", row)
        return session

    def valid(self, session: str | None) -> bool:
        if not session:
            return False
        with self.database.transaction() as tx:
            found = tx.execute(
                "SELECT expires FROM staff_sessions WHERE digest = :digest", {"digest": self._digest(session)}
            )
        return bool(found) and float(found[0][0]) > self._clock()

    def end(self, session: str | None) -> None:
        if session:
            with self.database.transaction() as tx:
                digest = {"digest": self._digest(session)}
                tx.execute("DELETE FROM staff_sessions WHERE digest = :digest", digest)


def token_matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def bearer_matches(request: Request, token: str) -> bool:
    """The request sends ``Authorization: Bearer <token>`` (how a machine, e.g. Prometheus, signs in)."""
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and token_matches(credentials.strip(), token)


def is_staff(request: Request, token: str | None, sessions: Sessions) -> bool:
    if not token:
        return True
    return bearer_matches(request, token) or sessions.valid(request.cookies.get(COOKIE))


def require_staff(request: Request, token: str | None, sessions: Sessions) -> None:
    if not is_staff(request, token, sessions):
        raise NotAuthorizedError(NEED_TOKEN)
