"""HTTP API: ``POST /api/ask``, ``POST /api/feedback``, ``GET /healthz`` (alive) and ``GET /readyz``
(index verified, feedback store writable), documented in the OpenAPI schema.

``create_api(service)`` returns a FastAPI app; the web package adds the pages on top. Domain errors
are translated here, and only here, to an HTTP status with an exact ``detail``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StrictBool, StringConstraints

from core import __version__
from core.errors import CancerQAError
from index.search import Filters
from service.context import contextualize
from service.qa import QAService
from service.store.database import open_database
from service.store.feedback import (
    MAX_QUESTION_CHARS,
    MAX_REASON_CHARS,
    MAX_SOURCES,
    FeedbackStore,
    new_feedback,
)

_MAX_DETAIL = 200


MAX_TEXT = 20_000  # the schema's hard cap; QA_MAX_QUESTION_CHARS (default 2,000) is the working limit
MAX_FILTER_VALUES, MAX_FILTER_CHARS = 20, 100
FilterValue = Annotated[str, StringConstraints(max_length=MAX_FILTER_CHARS)]


class AskRequest(BaseModel):
    question: str = Field(
        ...,
        max_length=MAX_TEXT,
        description="The question, in the asker's own words (QA_MAX_QUESTION_CHARS applies; default 2,000).",
        examples=["What are the side effects of lapatinib?"],
    )
    cancer_types: list[FilterValue] = Field(
        default_factory=list, max_length=MAX_FILTER_VALUES, description="Only documents about these."
    )
    sources: list[FilterValue] = Field(
        default_factory=list, max_length=MAX_FILTER_VALUES, description="Only documents from these sources."
    )
    audiences: list[FilterValue] = Field(
        default_factory=list, max_length=MAX_FILTER_VALUES, description="patient and/or professional."
    )
    previous: str | None = Field(
        None,
        max_length=MAX_TEXT,
        description="The previous question of this conversation (send `understood_as` when it was set), so "
        "that a short follow-up such as 'and for children?' keeps its focus. Never logged or stored.",
    )


class CitationOut(BaseModel):
    n: int
    doc: str = Field(..., description="Document id (file stem).")
    title: str
    section: str = Field(..., description="Section heading text.")
    url: str | None
    start: int = Field(..., description="Character offset of the quote in the cleaned document text.")
    end: int
    quote: str = Field(..., description="Equals the cleaned document text at start:end.")
    last_reviewed: str | None = None
    source: str | None = None


class SentenceOut(BaseModel):
    text: str
    citation: int = Field(..., description="The `n` of the citation this sentence quotes.")
    list_item: bool = False


class PassageOut(BaseModel):
    doc: str
    section: str
    title: str
    score: float
    text: str
    url: str | None = None
    audience: str = "unknown"


class PartOut(BaseModel):
    question: str = Field(..., description="Another question of the message, as the person wrote it.")
    answer: list[SentenceOut] = Field(..., description="Its answer; citations are numbered in `citations`.")
    read_more: str | None = None
    more_in_section: bool = False


class OccurrenceOut(BaseModel):
    sentence: int = Field(..., description="Index into `answer` (or into `parts[part].answer`).")
    start: int = Field(..., description="Character offset of the term in that sentence's `text`.")
    end: int
    part: int | None = Field(None, description="null: the main answer; else the index into `parts`.")


class GlossaryOut(BaseModel):
    term: str = Field(..., description="The hard word or phrase as the answer writes it.")
    definition: str = Field(..., description="Quoted from a page: the cleaned text of `doc` at start:end.")
    doc: str
    start: int
    end: int
    kind: str = Field(
        ..., description="How the page defines it (gloss, reverse, sentence, called, heading, list)."
    )
    title: str = Field(..., description="Title of the defining page, to cite it.")
    url: str | None = None
    occurs: list[OccurrenceOut] = Field(..., description="Every place the term stands in the answer.")


class AskResponse(BaseModel):
    answer: list[SentenceOut]
    citations: list[CitationOut]
    passages: list[PassageOut] = Field(..., description="Ranked retrieved passages (one per section).")
    abstained: bool = Field(..., description="True when the sources do not answer the question.")
    message: str | None = Field(None, description="Plain-language reply when there is no quoted answer.")
    safety: str | None = Field(
        None,
        description="null | emergency | crisis | urgent | personal_advice. Emergency and crisis replies are "
        "fixed (911; 988) and come before any retrieval; an urgent reply (call the care team now) keeps "
        "the general answer.",
    )
    notice: str | None = None
    reading_grade: float | None = None
    read_more: str | None = None
    suggestions: list[str] = Field(default_factory=list)
    confidence: float | None = Field(
        None, description="Calibrated probability that the sources answer the question (abstain model)."
    )
    understood_as: str | None = Field(
        None,
        description="The question as answered, when it is not the message as typed: a long message's main "
        "question (with its focus), or a follow-up with the previous question's focus added; else null.",
    )
    more_in_section: bool = Field(
        False,
        description="True when the answer shortens a list or section; the full section (read_more) has more.",
    )
    parts: list[PartOut] = Field(
        default_factory=list,
        description="The message's other questions (at most two) that a section plainly answers, each "
        "answered under its own heading; the rest are offered first among the suggestions.",
    )
    message_lang: str = Field(
        "en", description="Language of `message`: 'es' when a message in Spanish got the reply in Spanish."
    )
    glossary: list[GlossaryOut] = Field(
        default_factory=list,
        description="Hard words of the answer (rare in everyday English, three syllables or more) with "
        "a definition quoted from the pages, in the order they first occur; empty for abstentions and "
        "fixed safety replies.",
    )


class SourceRef(BaseModel):
    doc: str = Field(..., max_length=200, description="Document id of a cited source.")
    section: str = Field(..., max_length=300, description="Section heading of that citation.")


class FeedbackRequest(BaseModel):
    rating: str = Field(..., max_length=10, description="'up' or 'down'.", examples=["up"])
    reason: str | None = Field(None, max_length=MAX_REASON_CHARS, description="Optional free text.")
    sources: list[SourceRef] = Field(
        default_factory=list, max_length=MAX_SOURCES, description="The answer's cited sources."
    )
    share_question: StrictBool = Field(False, description="The person ticked 'share my question'.")
    question: str | None = Field(
        None, max_length=MAX_QUESTION_CHARS, description="Stored only when share_question is true."
    )


class FeedbackOut(BaseModel):
    id: int
    question_stored: bool


class ErrorOut(BaseModel):
    detail: str = Field(..., description="What went wrong, in one line for the person who can fix it.")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "The body could not be parsed (not JSON)."},
    403: {"model": ErrorOut, "description": "A post from another site (CSRF defence)."},
    413: {"model": ErrorOut, "description": "The body is larger than QA_MAX_BODY_BYTES."},
    422: {"model": ErrorOut, "description": "A field is missing, too long, not valid text, or not allowed."},
    429: {"model": ErrorOut, "description": "Over QA_RATE_LIMIT; Retry-After says when to try again."},
    500: {"model": ErrorOut, "description": "An unexpected error (no details are given)."},
    503: {"model": ErrorOut, "description": "The index or the feedback store is unavailable."},
}
"""Every error response has the one shape ``{"detail": "..."}``."""


class IndexState(BaseModel):
    version: str = Field(..., description="The index version served (its folder's name: build time, UTC).")
    format_version: int
    built_at: str
    corpus_hash: str
    model: str
    files_verified: int
    checksums_verified: bool


class ReadyOut(BaseModel):
    status: str = Field(..., description="'ready' or 'not ready'.")
    index: IndexState
    feedback_store_writable: bool = Field(
        ..., description="False when feedback cannot be stored now (answers still work: see /healthz)."
    )
    feedback_store: str = Field(..., description="'sqlite' (the embedded file) or 'postgresql'.")


def invalid_detail(errors: Sequence[Any]) -> str:
    """The first problem of a malformed body as one line: "question: Field required"."""
    if not errors:
        return "the request body is not valid"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    return f"{where}: {first.get('msg', 'not valid')}"[:_MAX_DETAIL]


def create_api(service: QAService, feedback: FeedbackStore | None = None) -> FastAPI:
    app = FastAPI(
        title="cancer-qa",
        version=__version__,
        description="Cited, extractive answers from trusted cancer-information documents.",
        # Swagger UI and ReDoc load their scripts from a CDN: offline, and under our CSP, they
        # would be blank pages. The schema itself is served at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.qa = service

    @app.exception_handler(CancerQAError)
    async def _domain_error(_: Request, exc: CancerQAError) -> JSONResponse:
        return JSONResponse(status_code=exc.http_status, content={"detail": str(exc)})

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        """A malformed body gets the same shape as every other error, and never its input back."""
        return JSONResponse(status_code=422, content={"detail": invalid_detail(exc.errors())})

    @app.post("/api/ask", response_model=AskResponse, tags=["answers"], responses=ERRORS)
    def ask(body: AskRequest) -> dict:  # type: ignore[type-arg]
        filters = Filters(tuple(body.cancer_types), tuple(body.sources), tuple(body.audiences))
        has_filters = bool(filters.cancer_types or filters.sources or filters.audiences)
        question = contextualize(body.question, body.previous)
        answer = service.ask(question, filters if has_filters else None).to_dict()
        answer["understood_as"] = answer.get("understood_as") or (
            question if question != body.question else None
        )
        return answer

    settings = service.settings
    store = feedback or FeedbackStore(open_database(settings.database_url, settings.data_dir))
    app.state.feedback = store

    @app.post(
        "/api/feedback", response_model=FeedbackOut, status_code=201, tags=["feedback"], responses=ERRORS
    )
    def give_feedback(body: FeedbackRequest) -> dict:  # type: ignore[type-arg]
        stored = store.add(
            new_feedback(
                body.rating,
                body.reason,
                ((s.doc, s.section) for s in body.sources),
                body.question,
                body.share_question,
            )
        )
        return {"id": stored.id, "question_stored": stored.question is not None}

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict:  # type: ignore[type-arg]
        p = service.index.params
        return {"status": "ok", "documents": p.documents, "chunks": p.chunks, "model": p.model}

    not_ready: dict[int | str, dict[str, Any]] = {503: {"model": ReadyOut, "description": "Not ready."}}

    @app.get("/readyz", tags=["ops"], response_model=ReadyOut, responses=not_ready)
    def readyz() -> JSONResponse:
        """Ready to answer and to store feedback: the index loaded with every file's checksum
        verified (a damaged index never loads), and the feedback store writable."""
        p = service.index.params
        writable = store.writable()
        body = {
            "status": "ready" if writable else "not ready",
            "index": {
                "version": service.index.path.name,
                "format_version": p.format_version,
                "built_at": p.built_at,
                "corpus_hash": p.corpus_hash,
                "model": p.model,
                "files_verified": len(p.checksums),
                "checksums_verified": True,
            },
            "feedback_store_writable": writable,
            "feedback_store": store.database.kind,
        }
        return JSONResponse(status_code=200 if writable else 503, content=body)

    return app
