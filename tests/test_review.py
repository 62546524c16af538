"""The review loop: a thumbs-down, reviewed by staff, becomes a gold question that `cancer-qa eval`
scores: failing while the wrong section still answers, passing once the page is fixed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from core.errors import BadFeedbackError
from service.store.database import SqliteDatabase
from service.store.feedback import FeedbackStore, new_feedback
from service.store.review import Review, Reviews, gold_lines, new_review
from tests.web_support import corpus_settings
from web.app import create_app

TODAY = date(2026, 11, 30)


def test_a_review_needs_a_known_verdict_and_a_section_exactly_when_wrong() -> None:
    assert new_review(1, "wrong", TODAY, "d", "S") == Review(1, "wrong", "2026-11-30", "d", "S")
    assert new_review(1, "right", TODAY, "d", "S") == Review(1, "right", "2026-11-30")  # no section kept
    with pytest.raises(BadFeedbackError, match="needs the section"):
        new_review(1, "wrong", TODAY)
    with pytest.raises(BadFeedbackError, match="verdict must be one of right, wrong, not_in_sources"):
        new_review(1, "maybe", TODAY)
    review = new_review(3, "wrong", TODAY, "d", "S")
    assert Review.from_dict(review.to_dict()) == review


def test_reviewed_items_become_gold_lines_only_with_a_shared_question(tmp_path: Path) -> None:
    store = FeedbackStore(SqliteDatabase(tmp_path / "f.sqlite3"))
    reviews = Reviews(store)
    wrong = store.add(new_feedback("down", None, [("a", "A")], "is it safe?", True))
    right = store.add(new_feedback("up", None, [("b", "B"), ("b", "B"), ("c", "C")], "what is b?", True))
    none = store.add(new_feedback("down", None, [], "how much does it cost?", True))
    private = store.add(new_feedback("down", None, [("a", "A")]))
    for item, verdict, where in ((wrong, "wrong", ("d", "D")), (right, "right", (None, None)),
                                 (none, "not_in_sources", (None, None)), (private, "wrong", ("d", "D"))):  # fmt: skip
        assert item.id is not None
        reviews.save(new_review(item.id, verdict, TODAY, *where))
    lines, skipped = gold_lines(reviews)
    assert skipped == 1  # the question was not shared: nothing to replay
    assert [(line["question"], line["kind"], line["relevant"]) for line in lines] == [
        ("is it safe?", "answerable", [{"doc": "d", "section": "D"}]),
        ("what is b?", "answerable", [{"doc": "b", "section": "B"}, {"doc": "c", "section": "C"}]),
        ("how much does it cost?", "unanswerable", []),
    ]
    assert all(line["reviewed"] == "2026-11-30" and "reviewed:2026-11-30" in line["tags"] for line in lines)


DRUG = """
    ---
    title: Zorbatinib
    url: https://example.org/zorbatinib
    ---
    # Zorbatinib

    ## What is zorbatinib?

    Zorbatinib is a pill for some kinds of kidney cancer. You take it once a day with water.

    ## Side effects of zorbatinib

    Zorbatinib can make you tired. It can cause diarrhea and a rash on the hands.

    ## Warnings

    Tell your doctor about other medicines you take. Do not take it if you are pregnant.
    """
FIXED = DRUG.replace(
    "Tell your doctor about other medicines you take.",
    "Zorbatinib can harm the liver. Your doctor will check your liver with blood tests. "
    "Tell your doctor about other medicines you take.",
)
QUESTION = "Can zorbatinib harm my liver?"


def _eval(root: Path, page: str, embedder, suite: Path) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """``cancer-qa eval --suite`` on a site whose drug page is ``page``: the one line's record."""
    from eval.runner import run_eval
    from service.qa import QAService

    settings = corpus_settings(root, embedder, {"zorbatinib.md": page}, rate_limit="off")
    service = QAService.open(settings, embedder)
    (record,) = run_eval(settings, [suite], service=service).suites[0].records
    return record  # type: ignore[no-any-return]


def test_the_loop_from_a_thumbs_down_to_a_failing_then_passing_eval_line(
    tmp_path: Path, fake_embedder, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    import cancer_qa.cli as cli_module

    settings = corpus_settings(tmp_path / "site", fake_embedder, {"zorbatinib.md": DRUG}, rate_limit="off")
    client = TestClient(create_app(settings, fake_embedder))
    # 1. A person asks, gets an answer from the wrong section, and says so (sharing the question).
    answer = client.post("/api/ask", json={"question": QUESTION}).json()
    cited = sorted({(c["doc"], c["section"]) for c in answer["citations"]})
    assert ("zorbatinib", "Warnings") not in cited
    sent = client.post("/api/feedback", json={"rating": "down", "reason": "nothing about the liver",
                                              "question": QUESTION, "share_question": True,
                                              "sources": [{"doc": d, "section": s} for d, s in cited]})  # fmt: skip
    feedback_id = sent.json()["id"]
    # 2. Staff open it from the list (the search box already holds the question), mark it wrong
    #    and pick the section that should have answered.
    listing = client.get("/staff/feedback").text
    assert f'<a href="/staff/feedback/{feedback_id}">Review' in listing
    page = client.get(f"/staff/feedback/{feedback_id}").text
    assert QUESTION in page and 'value="zorbatinib|Warnings"' in page
    refused = client.post(f"/staff/feedback/{feedback_id}/review", data={"verdict": "wrong"})
    assert refused.status_code == 422 and "pick the section that should have answered" in refused.text
    saved = client.post(f"/staff/feedback/{feedback_id}/review",
                        data={"verdict": "wrong", "section": "zorbatinib|Warnings"}, follow_redirects=False)  # fmt: skip
    assert saved.status_code == 303 and saved.headers["location"] == f"/staff/feedback/{feedback_id}?saved=1"
    assert "Review saved." in client.get(saved.headers["location"]).text
    download = client.get("/staff/feedback/export.jsonl")
    assert download.headers["content-disposition"].startswith('attachment; filename="staff-reviews-')
    # 3. The export is a suite line; the eval scores it, and it fails: the wrong section still answers.
    monkeypatch.setenv("QA_DATA_DIR", str(settings.data_dir))
    suite = tmp_path / "reviews.jsonl"
    result = CliRunner().invoke(cli_module.cli, ["feedback", "export", "--out", str(suite)])
    assert result.exit_code == 0 and "wrote 1 gold question(s)" in result.output
    assert suite.read_text() == download.text
    (line,) = [json.loads(x) for x in suite.read_text().splitlines()]
    assert line["relevant"] == [{"doc": "zorbatinib", "section": "Warnings"}] and line["question"] == QUESTION
    before = _eval(tmp_path / "before", DRUG, fake_embedder, suite)
    assert before["sections"][0] != "zorbatinib::Warnings"
    # 4. The content team adds the liver warning to that section; the same line now passes.
    after = _eval(tmp_path / "after", FIXED, fake_embedder, suite)
    assert after["sections"][0] == "zorbatinib::Warnings"


def test_review_pages_need_the_staff_token(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    settings = corpus_settings(tmp_path, fake_embedder, staff_token="review-token-0123456789")
    app = create_app(settings, fake_embedder)
    item = app.state.feedback.add(new_feedback("down", None, [], "q?", True))
    client = TestClient(app)
    assert client.get(f"/staff/feedback/{item.id}").status_code == 401
    assert client.get("/staff/feedback/export.jsonl").status_code == 401
    assert client.post(f"/staff/feedback/{item.id}/review", data={"verdict": "right"}).status_code == 401
    staff = {"Authorization": "Bearer review-token-0123456789"}
    assert client.get(f"/staff/feedback/{item.id}", headers=staff).status_code == 200
    assert client.get("/staff/feedback/999999", headers=staff).status_code == 404
