"""Staff review of answer feedback: ``/staff/feedback/{id}`` and the gold-suite download.

A reviewer opens a feedback item (the question only where the person shared it, the sections the
answer cited), says whether the answer was right, and for a wrong one picks the section that should
have answered (from a search box, filled with the question when there is one) or marks it "not in
our sources" (``service/store/review.py``). ``/staff/feedback/export.jsonl`` downloads every review as
gold questions, the same lines as ``cancer-qa feedback export``. Staff access as the other staff
pages; posts are checked same-origin by ``web/security.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from core.errors import BadFeedbackError, NotFoundError
from service.qa import QAService
from service.store.feedback import Feedback, FeedbackStore
from service.store.review import Reviews, new_review, suite_text

RESULTS = 8
VERDICT_WORDS = {"right": "right", "wrong": "wrong", "not_in_sources": "not in our sources"}

Render = Callable[..., HTMLResponse]


def review_routes(
    router: APIRouter,
    service: QAService,
    store: FeedbackStore,
    render: Render,
    guard: Callable[[Request], HTMLResponse | None],
) -> Reviews:
    """Add the review pages to the staff ``router``; ``guard`` returns the sign-in page for a
    request that is not staff's, else None."""
    reviews = Reviews(store)

    def item_or_404(feedback_id: int) -> Feedback:
        item = store.get(feedback_id)
        if item is None:
            raise NotFoundError(f"no feedback item {feedback_id}")
        return item

    def page(request: Request, item: Feedback, q: str, **extra: Any) -> HTMLResponse:
        query = q.strip() or (item.question or "")
        results = service.search(query, k=RESULTS) if query else ()
        documents = service.index.documents
        cited = [
            {"doc": d, "section": s, "title": documents[d].title if d in documents else d,
             "n": documents[d].section_index(s) if d in documents else None}
            for d, s in item.sources
        ]  # fmt: skip
        review = reviews.of([item.id or 0]).get(item.id or 0)
        keys = [f"{p.doc}|{p.section}" for p in results]
        saved = f"{review.doc}|{review.section}" if review and review.section else None
        context = {
            "item": item,
            "review": review,
            "picked": saved if saved in keys else (keys[0] if keys else None),
            "verdicts": VERDICT_WORDS,
            "q": query,
            "cited": cited,
            "results": [{"doc": p.doc, "section": p.section, "title": p.title,
                         "n": documents[p.doc].section_index(p.section)} for p in results],  # fmt: skip
            **extra,
        }
        return render(request, "staff_review.html", context, extra.get("status", 200))

    @router.get("/staff/feedback/export.jsonl", include_in_schema=False)
    def export(request: Request) -> Response:
        if (refused := guard(request)) is not None:
            return refused
        text, _, _ = suite_text(reviews)
        disposition = f'attachment; filename="staff-reviews-{date.today().isoformat()}.jsonl"'
        headers = {"Content-Disposition": disposition, "Cache-Control": "no-store"}
        return Response(text, media_type="application/x-ndjson", headers=headers)

    @router.get("/staff/feedback/{feedback_id}", response_class=HTMLResponse, include_in_schema=False)
    def review_page(
        request: Request, feedback_id: int, q: str = Query("", max_length=2000), saved: bool = False
    ) -> HTMLResponse:
        if (refused := guard(request)) is not None:
            return refused
        return page(request, item_or_404(feedback_id), q, saved=saved)

    @router.post("/staff/feedback/{feedback_id}/review", include_in_schema=False)
    def save_review(
        request: Request,
        feedback_id: int,
        verdict: str = Form(""),
        section: str = Form("", max_length=1000),
        q: str = Form("", max_length=2000),
    ) -> Response:
        if (refused := guard(request)) is not None:
            return refused
        item = item_or_404(feedback_id)
        doc, _, heading = section.partition("|")
        page_of = service.index.documents.get(doc)
        try:
            if verdict == "wrong" and (page_of is None or page_of.section_index(heading) is None):
                raise BadFeedbackError("pick the section that should have answered (search for it above)")
            reviews.save(new_review(feedback_id, verdict, date.today(), doc or None, heading or None))
        except BadFeedbackError as exc:
            return page(request, item, q, error=str(exc), status=422)
        return RedirectResponse(f"/staff/feedback/{feedback_id}?saved=1", status_code=303)

    return reviews
