"""The staff pages: ``/staff/feedback``, and the sign-in and sign-out of every staff page.

The lookup, ``/staff``, is ``web/lookup.py``. With ``QA_STAFF_TOKEN`` set, every page here needs
the token (see ``web/auth.py``); ``/staff/login`` sets a session cookie from a form. The cookie's
path is ``/``, so the session reaches ``POST /api/search`` as well as the ``/staff`` pages.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from core.errors import NotAuthorizedError, StoreUnavailableError
from service.qa import QAService
from service.store.feedback import FeedbackStore, Retention
from web.auth import COOKIE, SESSION_SECONDS, Sessions, is_staff, require_staff, token_matches
from web.review import review_routes
from web.security import NO_STORE

WRONG_TOKEN = "That token is not right."


PAGE_SIZE = 50


def staff_router(service: QAService, templates: Jinja2Templates, store: FeedbackStore) -> APIRouter:
    router = APIRouter()
    token = service.settings.staff_token
    sessions = Sessions(store.database)
    retention = Retention(store, service.settings.feedback_retention_days)
    with suppress(StoreUnavailableError):  # a database that is down: the next staff view runs it
        retention.run()

    def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        base = {"open_access": not token, "signed_in": bool(token) and is_staff(request, token, sessions)}
        return templates.TemplateResponse(request, name, {**base, **context}, status, NO_STORE)

    def login_page(request: Request, error: str | None, status: int = 401) -> HTMLResponse:
        response = render(request, "staff_login.html", {"error": error}, status)
        response.headers["WWW-Authenticate"] = 'Bearer realm="staff"'
        return response

    def guard(request: Request) -> HTMLResponse | None:
        """The sign-in page for a request that is not staff's, else None."""
        try:
            require_staff(request, token, sessions)
        except NotAuthorizedError as exc:
            return login_page(request, str(exc))
        return None

    reviews = review_routes(router, service, store, render, guard)

    @router.get("/staff/feedback", response_class=HTMLResponse, include_in_schema=False)
    def feedback_list(request: Request, page: int = Query(1, ge=1, le=100_000)) -> HTMLResponse:
        try:
            require_staff(request, token, sessions)
        except NotAuthorizedError as exc:
            return login_page(request, str(exc))
        retention.run()
        items = store.recent(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
        context = {
            "items": items[:PAGE_SIZE],
            "reviews": reviews.of([f.id for f in items[:PAGE_SIZE] if f.id is not None]),
            "counts": store.counts(),
            "page_number": page,
            "newer": page - 1 if page > 1 else None,
            "older": page + 1 if len(items) > PAGE_SIZE else None,
            "retention_days": service.settings.feedback_retention_days,
        }
        return render(request, "staff_feedback.html", context)

    @router.get("/staff/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request) -> HTMLResponse:
        return login_page(request, None, 200)

    @router.post("/staff/login", include_in_schema=False)
    def login(request: Request, token_given: str = Form("", alias="token")) -> Response:
        if not token:
            return RedirectResponse("/staff", status_code=303)
        if not token_matches(token_given.strip(), token):
            return login_page(request, WRONG_TOKEN)
        response = RedirectResponse("/staff", status_code=303)
        response.set_cookie(
            COOKIE,
            sessions.start(),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",  # the staff pages and POST /api/search
            max_age=SESSION_SECONDS,
        )
        return response

    @router.post("/staff/logout", include_in_schema=False)
    def logout(request: Request) -> Response:
        sessions.end(request.cookies.get(COOKIE))  # the old cookie no longer signs anyone in
        response = RedirectResponse("/staff/login", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        response.delete_cookie(COOKIE, path="/staff")  # a cookie set before the path was "/"
        return response

    return router
