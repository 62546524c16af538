"""The patients' chat page, ``/``, and its no-JavaScript form posts.

``GET /`` serves the page; ``static/chat.js`` then asks through ``/api/ask`` and renders with
``textContent``. Without JavaScript the same forms post here: ``POST /`` (``question`` and the
hidden ``previous``) renders the page with the answer, and ``POST /feedback`` stores feedback.
Neither logs the question; pages that show one are sent with ``Cache-Control: no-store``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from core.errors import BadFeedbackError, BadQuestionError
from service.context import contextualize
from service.qa import QAService
from service.store.feedback import FeedbackStore, new_feedback
from web.answer_view import answer_view, next_previous
from web.security import NO_STORE

THANKS = "Thank you. Your feedback was saved."


def chat_router(service: QAService, templates: Jinja2Templates, store: FeedbackStore) -> APIRouter:
    router = APIRouter()

    def page(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        base = {"documents": service.index.params.documents, "turn": None, "previous": "", "error": None}
        headers = NO_STORE if context else None
        return templates.TemplateResponse(request, "chat.html", {**base, **context}, status, headers)

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    def chat(request: Request) -> HTMLResponse:
        return page(request)

    @router.post("/", response_class=HTMLResponse, include_in_schema=False)
    def ask_form(request: Request, question: str = Form(""), previous: str = Form("")) -> HTMLResponse:
        asked = contextualize(question, previous)
        try:
            data = service.ask(asked).to_dict()
        except BadQuestionError as exc:
            return page(request, 422, error=str(exc), question=question)
        data["understood_as"] = data.get("understood_as") or (asked if asked != question else None)
        turn = {"question": question, "view": answer_view(data)}
        return page(request, turn=turn, previous=next_previous(question, data))

    @router.post("/feedback", response_class=HTMLResponse, include_in_schema=False)
    def feedback_form(
        request: Request,
        rating: str = Form(""),
        reason: str = Form(""),
        share_question: str = Form(""),
        question: str = Form(""),
        source: Annotated[list[str] | None, Form()] = None,
    ) -> HTMLResponse:
        pairs = [tuple(s.split("|", 1)) for s in source or [] if "|" in s]
        try:
            store.add(new_feedback(rating, reason, pairs, question, bool(share_question)))  # type: ignore[arg-type]
        except BadFeedbackError as exc:
            return page(request, 422, error=str(exc))
        return page(request, thanks=THANKS)

    return router
