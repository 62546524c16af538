"""The staff lookup, ``/staff``: whole sections ranked for a search, server-rendered (it works
without JavaScript) from ``service.staff.search.search_sections``, the function ``POST
/api/search`` answers with too (``web/search_api.py``).

Each result is its full section, laid out as the source view lays it out (``section_view``:
paragraphs and lists), the matched sentences in ``<mark>``, with audience, review date and flags
(review overdue or missing), and beside it (below on narrow screens) the counterpart section of
the other audience's page when the corpus has one. Each section has "Copy with citation" (the
section as text, ``copy_text``) and "Copy selection with citation" (``static/staff.js``). With
``QA_STAFF_TOKEN`` set the page needs the token or the staff session (``web/auth.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from core.errors import BadParameterError, BadQuestionError, NotAuthorizedError
from index.search import Filters
from service.qa import QAService
from service.staff.search import StaffSearch, WholeSection, search_sections
from service.store.database import Database
from web.auth import Sessions, is_staff, require_staff
from web.provenance import format_citation, review_status
from web.security import NO_STORE
from web.source import SectionView, section_view

RESULTS = 10


@dataclass(frozen=True)
class SectionCard:
    """A whole section as the lookup shows it: the service's section, its layout (highlights
    marked), its review status, its citation and the text "Copy with citation" copies."""

    section: WholeSection
    view: SectionView
    review: str
    citation: str
    copy: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section.to_dict(),
            "view": self.view.to_dict(),
            "review": self.review,
            "citation": self.citation,
            "copy": self.copy,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SectionCard:
        section, view = WholeSection.from_dict(data["section"]), SectionView.from_dict(data["view"])
        return cls(section, view, data["review"], data["citation"], data["copy"])


@dataclass(frozen=True)
class LookupRow:
    """One ranked result: its section and, when the corpus has one, the counterpart section."""

    rank: int
    score: float
    card: SectionCard
    counterpart: SectionCard | None = None

    def to_dict(self) -> dict[str, Any]:
        other = self.counterpart.to_dict() if self.counterpart else None
        return {"rank": self.rank, "score": self.score, "card": self.card.to_dict(), "counterpart": other}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LookupRow:
        other = SectionCard.from_dict(data["counterpart"]) if data.get("counterpart") else None
        return cls(data["rank"], data["score"], SectionCard.from_dict(data["card"]), other)


def plain_text(view: SectionView) -> str:
    """A section as plain text: paragraphs apart by a blank line, each list item a "- item" line.
    (``static/staff.js`` copies this text as the server wrote it; it never rebuilds it.)"""
    blocks = []
    for block in view.blocks:
        lines = ["".join(segment.text for segment in line) for line in block.lines]
        blocks.append("\n".join(f"- {line}" for line in lines) if block.is_list else "\n".join(lines))
    return "\n\n".join(blocks)


def copy_text(view: SectionView, citation: str) -> str:
    """What "Copy with citation" copies: the section as plain text, a blank line, the citation."""
    return f"{plain_text(view)}\n\n{citation}"


def selection_copy(selected: str, citation: str) -> str:
    """What "Copy selection with citation" copies (``staff.js`` does the same in the browser):
    the selected text, trimmed, a blank line, the citation."""
    return f"{selected.strip()}\n\n{citation}"


def section_card(service: QAService, section: WholeSection, today: date) -> SectionCard:
    doc = service.index.documents[section.doc]
    ranges = tuple((section.offset + h.start, section.offset + h.end) for h in section.highlights)
    view = section_view(doc, section.section_n, ranges)
    citation = format_citation(doc.meta, section.section)
    review = review_status(section.last_reviewed, today, service.settings.review_max_age_days)
    return SectionCard(section, view, review, citation, copy_text(view, citation))


def lookup_rows(service: QAService, found: StaffSearch, today: date) -> list[LookupRow]:
    rows = []
    for r in found.results:
        other = section_card(service, r.counterpart, today) if r.counterpart else None
        rows.append(LookupRow(r.rank, r.score, section_card(service, r.section, today), other))
    return rows


def corpus_options(service: QAService) -> dict[str, list[str]]:
    """Filter choices from the corpus front matter."""
    metas = [d.meta for d in service.index.documents.values()]
    return {
        "cancer_type": sorted({t for m in metas for t in m.cancer_types}),
        "source": sorted({m.source for m in metas if m.source}),
        "audience": sorted({m.audience for m in metas}),
    }


def _checked(name: str, value: str, options: list[str]) -> str:
    if value and value not in options:
        choices = ", ".join(options)
        raise BadParameterError(f"{name}={value!r} is not in this corpus; choose one of: {choices}")
    return value


def staff_page(
    templates: Jinja2Templates,
    request: Request,
    token: str | None,
    sessions: Sessions,
    name: str,
    context: dict[str, Any],
    status: int = 200,
) -> HTMLResponse:
    """A staff page (``staff_base.html``), told whether access is open and who is signed in."""
    base = {"open_access": not token, "signed_in": bool(token) and is_staff(request, token, sessions)}
    return templates.TemplateResponse(request, name, {**base, **context}, status, NO_STORE)


def lookup_router(service: QAService, templates: Jinja2Templates, database: Database) -> APIRouter:
    router = APIRouter()
    token = service.settings.staff_token
    sessions = Sessions(database)

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
        except NotAuthorizedError as exc:  # the sign-in form, as on every staff page
            sign_in = {"error": str(exc)}
            response = staff_page(templates, request, token, sessions, "staff_login.html", sign_in, 401)
            response.headers["WWW-Authenticate"] = 'Bearer realm="staff"'
            return response
        options = corpus_options(service)
        chosen = {
            "cancer_type": _checked("cancer_type", cancer_type, options["cancer_type"]),
            "source": _checked("source", source, options["source"]),
            "audience": _checked("audience", audience, options["audience"]),
        }
        filters = Filters(*(((v,) if v else ()) for v in (cancer_type, source, audience)))
        rows: list[LookupRow] = []
        error = None
        if q.strip():
            try:
                found = search_sections(service, q, filters if any(chosen.values()) else None, k=RESULTS)
                rows = lookup_rows(service, found, date.today())
            except BadQuestionError as exc:
                error = str(exc)
        context = {"q": q, "options": options, "chosen": chosen, "rows": rows, "error": error}
        return staff_page(templates, request, token, sessions, "staff.html", context, 422 if error else 200)

    return router
