"""``POST /api/search``: the staff search as JSON, from ``service.staff.search.search_sections``
(the function the ``/staff`` page renders). Ranked whole sections with the offsets of their
matched sentences and the counterpart section of the other audience's page.

With ``QA_STAFF_TOKEN`` set it needs the token as the staff pages do (``Authorization: Bearer``
or the staff session cookie) and answers 401 otherwise; it is not rate limited, like the other
staff routes (``web/ratelimit.py`` limits questions, feedback and the sign-in). It lives in the
web package because the staff session does.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from core.errors import NotAuthorizedError
from index.search import Filters
from service.api import ERRORS, MAX_FILTER_VALUES, MAX_TEXT, ErrorOut, FilterValue
from service.qa import QAService
from service.staff.search import DEFAULT_K, MAX_K, search_sections
from service.store.database import Database
from web.auth import NEED_TOKEN, Sessions, is_staff


class SearchRequest(BaseModel):
    query: str = Field(
        ...,
        max_length=MAX_TEXT,
        description="What to look up, in any words (QA_MAX_QUESTION_CHARS applies; default 2,000).",
        examples=["trastuzumab heart monitoring"],
    )
    k: int = Field(DEFAULT_K, ge=1, le=MAX_K, description=f"How many sections to return (1 to {MAX_K}).")
    cancer_types: list[FilterValue] = Field(
        default_factory=list, max_length=MAX_FILTER_VALUES, description="Only documents about these."
    )
    sources: list[FilterValue] = Field(
        default_factory=list, max_length=MAX_FILTER_VALUES, description="Only documents from these sources."
    )
    audiences: list[FilterValue] = Field(
        default_factory=list,
        max_length=MAX_FILTER_VALUES,
        description="patient and/or professional (the counterpart is offered whatever this says).",
    )


class HighlightOut(BaseModel):
    start: int = Field(..., description="Offset in `section_text` where a matched sentence starts.")
    end: int = Field(..., description="Where it ends: `section_text[start:end]` is that whole sentence.")


class CounterpartOut(BaseModel):
    doc: str = Field(..., description="Document id of the other audience's page on the same topic.")
    section: str = Field(..., description="Heading of its section that best matches the query and this one.")


class SearchResultOut(BaseModel):
    rank: int = Field(..., description="1 for the best match.")
    doc: str = Field(..., description="Document id (file stem).")
    title: str
    section: str = Field(..., description="Section heading text.")
    score: float = Field(..., description="Retrieval score (hybrid dense + BM25, reranked); higher is better")
    audience: str = Field(..., description="patient, professional or unknown (front matter).")
    url: str | None = Field(None, description="The original page.")
    source: str | None = None
    last_reviewed: str | None = Field(None, description="The page's review date (front matter).")
    section_text: str = Field(
        ...,
        description="The whole section's cleaned text as the index holds it (a line per paragraph or item).",
    )
    highlights: list[HighlightOut] = Field(
        ..., description="The section's sentences nearest the query (sentence embeddings), in reading order."
    )
    counterpart: CounterpartOut | None = Field(
        None, description="The matching section of the other audience's page on this topic; null when none."
    )


class SearchResponse(BaseModel):
    query: str = Field(..., description="The query as searched (spaces collapsed).")
    results: list[SearchResultOut]


UNAUTHORIZED: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "QA_STAFF_TOKEN is set; neither it nor a staff session was sent."}
}


def search_router(service: QAService, database: Database) -> APIRouter:
    router = APIRouter()
    sessions = Sessions(database)

    def staff_only(request: Request) -> None:
        """Runs before the body is validated: without the token, a 401 whatever was sent."""
        if not is_staff(request, service.settings.staff_token, sessions):
            raise NotAuthorizedError(NEED_TOKEN)

    @router.post(
        "/api/search",
        response_model=SearchResponse,
        tags=["staff"],
        responses={**ERRORS, **UNAUTHORIZED},
        dependencies=[Depends(staff_only)],
    )
    def search(body: SearchRequest) -> dict[str, Any]:
        """Staff search: ranked whole sections, every audience alike, with their matched
        sentences and the counterpart section of the other audience's page."""
        filters = Filters(tuple(body.cancer_types), tuple(body.sources), tuple(body.audiences))
        chosen = filters if filters != Filters() else None
        return search_sections(service, body.query, chosen, k=body.k).api()

    return router
