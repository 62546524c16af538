"""The staff pages: ``/staff`` (passage lookup with filters) and ``/staff/feedback``.

The lookup shows ranked passages from every audience (health-professional pages included) with
score, section and document, a "copy with citation" button (``static/staff.js``) and a flag on
documents past their review date. With ``QA_STAFF_TOKEN`` set, every page here needs the token
(see ``web/auth.py``); ``/staff/login`` sets a session cookie from a form.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from core.errors import BadParameterError, BadQuestionError, NotAuthorizedError, StoreUnavailableError
from index.search import Filters
from service.answer import Passage
from service.feedback import FeedbackStore, Retention
from service.qa import QAService
from web.auth import COOKIE, SESSION_SECONDS, Sessions, is_staff, require_staff, token_matches
from web.provenance import format_citation, review_status
from web.review import review_routes
from web.security import NO_STORE

RESULTS = 10
WRONG_TOKEN = "That token is not right."


@dataclass(frozen=True)
class LookupRow:
    """One ranked passage as the lookup view shows it."""

    rank: int
    doc: str
    title: str
    section: str
    section_n: int | None
    score: float
    text: str
    audience: str
    source: str | None
    url: str | None
    last_reviewed: str | None
    review: str
    citation: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LookupRow:
        return cls(**data)


def corpus_options(service: QAService) -> dict[str, list[str]]:
    """Filter choices from the corpus front matter."""
    metas = [d.meta for d in service.index.documents.values()]
    return {
        "cancer_type": sorted({t for m in metas for t in m.cancer_types}),
        "source": sorted({m.source for m in metas if m.source}),
        "audience": sorted({m.audience for m in metas}),
    }


def lookup_rows(service: QAService, passages: tuple[Passage, ...], today: date) -> list[LookupRow]:
    rows = []
    for rank, p in enumerate(passages, start=1):
        doc = service.index.documents[p.doc]
        rows.append(
            LookupRow(
                rank=rank,
                doc=p.doc,
                title=p.title,
                section=p.section,
                section_n=doc.section_index(p.section),
                score=p.score,
                text=p.text,
                audience=p.audience,
                source=doc.meta.source,
                url=p.url,
                last_reviewed=doc.meta.last_reviewed,
                review=review_status(doc.meta.last_reviewed, today, service.settings.review_max_age_days),
                citation=format_citation(doc.meta, p.section),
            )
        )
    return rows


def _checked(name: str, value: str, options: list[str]) -> str:
    if value and value not in options:
        choices = ", ".join(options)
        raise BadParameterError(f"{name}={value!r} is not in this corpus; choose one of: {choices}")
    return value


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

    @router.get("/staff", response_class=HTMLResponse, include_in_schema=False)
    def lookup(
        request: Request,
        q: str = Query(""),
        cancer_type: str = Query(""),
        source: str = Query(""),
        audience: str = Query(""),
    ) -> HTMLResponse:
        try:
            require_staff(request, token, sessions)
        except NotAuthorizedError as exc:
            return login_page(request, str(exc))
        options = corpus_options(service)
        chosen = {
            "cancer_type": _checked("cancer_type", cancer_type, options["cancer_type"]),
            "source": _checked("source", source, options["source"]),
            "audience": _checked("audience", audience, options["audience"]),
        }
        filters = Filters(*(((v,) if v else ()) for v in (cancer_type, source, audience)))
        rows, error = [], None
        if q.strip():
            try:
                passages = service.search(q, filters if any(chosen.values()) else None, k=RESULTS)
                rows = lookup_rows(service, passages, date.today())
            except BadQuestionError as exc:
                error = str(exc)
        context = {"q": q, "options": options, "chosen": chosen, "rows": rows, "error": error}
        return render(request, "staff.html", context, 422 if error else 200)

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
            path="/staff",
            max_age=SESSION_SECONDS,
        )
        return response

    @router.post("/staff/logout", include_in_schema=False)
    def logout(request: Request) -> Response:
        sessions.end(request.cookies.get(COOKIE))  # the old cookie no longer signs anyone in
        response = RedirectResponse("/staff/login", status_code=303)
        response.delete_cookie(COOKIE, path="/staff")
        return response

    return router
