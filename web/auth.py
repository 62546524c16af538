"""Staff access: when ``QA_STAFF_TOKEN`` is set, ``/staff`` pages need it.

A request is staff when it sends ``Authorization: Bearer <token>`` or carries the session cookie
set by the login form. A session is a random id kept on the server (``Sessions``, in the feedback
database, so all workers share it): new at every sign-in, it expires after eight hours, and
signing out revokes it; the cookie never holds the
token or anything derived from it. Token comparisons are constant-time (``hmac.compare_digest``).
With no token configured the staff pages are open (local use), and say so.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from fastapi import Request

from cancer_qa.errors import NotAuthorizedError

COOKIE = "qa_staff"
SESSION_SECONDS = 8 * 3600
MAX_SESSIONS = 1000
NEED_TOKEN = "staff token required: send 'Authorization: Bearer <token>' or sign in at /staff/login"


class Sessions:
    """Signed-in staff sessions in a small SQLite table next to the feedback (``path``), so every
    server worker sees the same sign-ins; only a hash of each session id is stored."""

    def __init__(
        self, path: Path, seconds: int = SESSION_SECONDS, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self.seconds = seconds
        self._clock = clock
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS staff_sessions (digest TEXT PRIMARY KEY, expires REAL)")

    def _db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    @staticmethod
    def _digest(session: str) -> str:
        return hashlib.sha256(session.encode("utf-8", "replace")).hexdigest()

    def start(self) -> str:
        now = self._clock()
        session = secrets.token_urlsafe(32)
        with closing(self._db()) as db, db:
            db.execute("DELETE FROM staff_sessions WHERE expires <= ?", (now,))
            db.execute(  # the oldest go first
                "DELETE FROM staff_sessions WHERE digest IN (SELECT digest FROM staff_sessions "
                "ORDER BY expires DESC LIMIT -1 OFFSET ?)",
                (MAX_SESSIONS - 1,),
            )
            row = (self._digest(session), now + self.seconds)
            db.execute("INSERT INTO staff_sessions VALUES (?, ?)", row)
        return session

    def valid(self, session: str | None) -> bool:
        if not session:
            return False
        with closing(self._db()) as db:
            row = db.execute("SELECT expires FROM staff_sessions WHERE digest = ?", (self._digest(session),))
            found = row.fetchone()
        return found is not None and found[0] > self._clock()

    def end(self, session: str | None) -> None:
        if session:
            with closing(self._db()) as db, db:
                db.execute("DELETE FROM staff_sessions WHERE digest = ?", (self._digest(session),))


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
