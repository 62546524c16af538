"""Staff access: when ``QA_STAFF_TOKEN`` is set, ``/staff`` pages need it.

A request is staff when it sends ``Authorization: Bearer <token>`` or carries the session cookie
set by the login form. The cookie holds an HMAC of the token, never the token itself. Every
comparison is constant-time (``hmac.compare_digest``). With no token configured the staff pages
are open (local use), and say so.
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import Request

from cancer_qa.errors import NotAuthorizedError

COOKIE = "qa_staff"
_SESSION_LABEL = b"cancer-qa staff session v1"
NEED_TOKEN = "staff token required: send 'Authorization: Bearer <token>' or sign in at /staff/login"


def session_value(token: str) -> str:
    return hmac.new(token.encode(), _SESSION_LABEL, hashlib.sha256).hexdigest()


def token_matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def is_staff(request: Request, token: str | None) -> bool:
    if not token:
        return True
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token_matches(credentials.strip(), token):
        return True
    cookie = request.cookies.get(COOKIE)
    return cookie is not None and hmac.compare_digest(cookie.encode(), session_value(token).encode())


def require_staff(request: Request, token: str | None) -> None:
    if not is_staff(request, token):
        raise NotAuthorizedError(NEED_TOKEN)
