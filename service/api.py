"""HTTP API: ``POST /api/ask`` and ``GET /healthz``, documented in the OpenAPI schema.

``create_api(service)`` returns a FastAPI app; the web package adds the pages on top. Domain errors
are translated here, and only here, to an HTTP status with an exact ``detail``.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from cancer_qa import __version__
from cancer_qa.errors import CancerQAError
from index.search import Filters
from service.qa import QAService


class AskRequest(BaseModel):
    question: str = Field(
        ...,
        description="The question, in the asker's own words.",
        examples=["What are the side effects of lapatinib?"],
    )
    cancer_types: list[str] = Field(default_factory=list, description="Only documents about these.")
    sources: list[str] = Field(default_factory=list, description="Only documents from these sources.")
    audiences: list[str] = Field(default_factory=list, description="patient and/or professional.")


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


class AskResponse(BaseModel):
    answer: list[SentenceOut]
    citations: list[CitationOut]
    passages: list[PassageOut] = Field(..., description="Ranked retrieved passages (one per section).")
    abstained: bool = Field(..., description="True when the sources do not answer the question.")
    message: str | None = Field(None, description="Plain-language reply when there is no quoted answer.")
    safety: str | None = Field(None, description="null | emergency | crisis | personal_advice")
    notice: str | None = None
    reading_grade: float | None = None
    read_more: str | None = None
    suggestions: list[str] = Field(default_factory=list)
    confidence: float | None = Field(
        None, description="Calibrated probability that the sources answer the question (abstain model)."
    )


def create_api(service: QAService) -> FastAPI:
    app = FastAPI(
        title="cancer-qa",
        version=__version__,
        description="Cited, extractive answers from trusted cancer-information documents.",
    )
    app.state.qa = service

    @app.exception_handler(CancerQAError)
    async def _domain_error(_: Request, exc: CancerQAError) -> JSONResponse:
        return JSONResponse(status_code=exc.http_status, content={"detail": str(exc)})

    @app.post("/api/ask", response_model=AskResponse, tags=["answers"])
    def ask(body: AskRequest) -> dict:  # type: ignore[type-arg]
        filters = Filters(tuple(body.cancer_types), tuple(body.sources), tuple(body.audiences))
        has_filters = bool(filters.cancer_types or filters.sources or filters.audiences)
        return service.ask(body.question, filters if has_filters else None).to_dict()

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict:  # type: ignore[type-arg]
        p = service.index.params
        return {"status": "ok", "documents": p.documents, "chunks": p.chunks, "model": p.model}

    return app
