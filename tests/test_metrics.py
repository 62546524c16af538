"""``GET /metrics`` and the JSON access log (TestClient, fake embedder, tiny corpus): requests by
route template, answers by outcome, stage timings, feedback, the index figures, the staff token,
nothing of a question in either, and several worker processes adding up into one scrape."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from tests.web_support import corpus_settings
from web.app import create_app

QUESTION = "What are the side effects of lapatinib?"
TOKEN = "s3cret-token-for-tests"
REPO = Path(__file__).resolve().parent.parent


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of a scrape by (name, labels); parsing fails on a malformed body."""
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, frozenset(labels.items())), 0.0)


@pytest.fixture
def client(tmp_path: Path, fake_embedder) -> TestClient:  # type: ignore[no-untyped-def]
    settings = corpus_settings(tmp_path, fake_embedder, rate_limit="off", log_key="k" * 32)
    return TestClient(create_app(settings, fake_embedder))


def test_requests_are_counted_by_route_template_method_and_status(client: TestClient) -> None:
    client.get("/doc/lapatinib?hl=0-10")
    client.get("/doc/melanoma")
    client.get("/no/such/page")
    client.get("/static/site.css")
    client.post("/api/ask", json={"question": QUESTION})
    client.put("/api/ask")
    body = client.get("/metrics").text
    requests = "cancer_qa_http_requests_total"
    assert value(body, requests, route="/doc/{doc_id}", method="GET", status="200") == 2
    assert value(body, requests, route="unmatched", method="GET", status="404") == 1
    assert value(body, requests, route="/static/{path}", method="GET", status="200") == 1
    assert value(body, requests, route="/api/ask", method="POST", status="200") == 1
    assert value(body, requests, route="/api/ask", method="PUT", status="405") == 1
    routes = {dict(labels).get("route") for _, labels in samples(body)} - {None}
    assert routes == {"/doc/{doc_id}", "unmatched", "/static/{path}", "/api/ask"}  # never a raw path
    duration = "cancer_qa_http_request_duration_seconds_count"
    assert value(body, duration, route="/doc/{doc_id}") == 2
    # The scrape itself is counted once it is done.
    again = client.get("/metrics").text
    assert value(again, requests, route="/metrics", method="GET", status="200") == 1


def test_refusals_before_routing_count_against_the_route_they_were_for(client: TestClient) -> None:
    cross = client.post("/", data={"question": QUESTION}, headers={"sec-fetch-site": "cross-site"})
    big = client.post("/api/feedback", content=b"x" * 70_000, headers={"content-type": "application/json"})
    assert (cross.status_code, big.status_code) == (403, 413)
    body = client.get("/metrics").text
    assert value(body, "cancer_qa_http_requests_total", route="/", method="POST", status="403") == 1
    assert (
        value(body, "cancer_qa_http_requests_total", route="/api/feedback", method="POST", status="413") == 1
    )


def test_an_answer_moves_its_outcome_and_every_stage(client: TestClient) -> None:
    before = client.get("/metrics").text
    assert value(before, "cancer_qa_answers_total", outcome="answered") == 0
    assert value(before, "cancer_qa_stage_seconds_count", stage="retrieve") == 0
    assert client.post("/api/ask", json={"question": QUESTION}).json()["abstained"] is False
    body = client.get("/metrics").text
    assert value(body, "cancer_qa_answers_total", outcome="answered") == 1
    for stage in ("understand", "retrieve", "compose", "total"):
        assert value(body, "cancer_qa_stage_seconds_count", stage=stage) == 1, stage
        assert value(body, "cancer_qa_stage_seconds_bucket", stage=stage, le="+Inf") == 1, stage
    parts = sum(
        value(body, "cancer_qa_stage_seconds_sum", stage=s) for s in ("understand", "retrieve", "compose")
    )
    assert 0 < parts <= value(body, "cancer_qa_stage_seconds_sum", stage="total")
    client.post("/", data={"question": "What is the airspeed of a swallow?"})  # the no-JS form, abstained
    assert value(client.get("/metrics").text, "cancer_qa_answers_total", outcome="abstained") == 1


def test_safety_replies_count_as_their_tier(client: TestClient) -> None:
    emergency = "my dad's lips are blue and he can't breathe, he takes lapatinib"
    urgent = "I've had diarrhea 8 times today on lapatinib. What are the side effects of lapatinib?"
    assert client.post("/api/ask", json={"question": emergency}).json()["safety"] == "emergency"
    assert (
        client.post("/api/ask", json={"question": "i don't want to live anymore"}).json()["safety"]
        == "crisis"
    )
    reply = client.post("/api/ask", json={"question": urgent}).json()
    assert reply["safety"] == "urgent" and reply["answer"]  # urgent with the general answer: still urgent
    client.post("/", data={"question": emergency})
    body = client.get("/metrics").text
    counts = {o: value(body, "cancer_qa_answers_total", outcome=o) for o in ("emergency", "crisis", "urgent")}
    assert counts == {"emergency": 2, "crisis": 1, "urgent": 1}
    assert value(body, "cancer_qa_answers_total", outcome="answered") == 0
    # A fixed reply is decided before any retrieval: understand and total only.
    assert value(body, "cancer_qa_stage_seconds_count", stage="understand") == 4
    assert value(body, "cancer_qa_stage_seconds_count", stage="retrieve") == 1


def test_stored_feedback_is_counted_by_rating_from_the_api_and_the_form(client: TestClient) -> None:
    assert client.post("/api/feedback", json={"rating": "up"}).status_code == 201
    assert client.post("/api/feedback", json={"rating": "up", "reason": "clear"}).status_code == 201
    assert client.post("/feedback", data={"rating": "down"}).status_code == 200
    assert client.post("/api/feedback", json={"rating": "meh"}).status_code == 422  # not stored, not counted
    body = client.get("/metrics").text
    assert value(body, "cancer_qa_feedback_total", rating="up") == 2
    assert value(body, "cancer_qa_feedback_total", rating="down") == 1
    assert {dict(k[1]).get("rating") for k in samples(body) if k[0] == "cancer_qa_feedback_total"} == {
        "up",
        "down",
    }


def test_no_question_text_or_hash_reaches_the_metrics_or_the_access_log(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    question = "What are the side effects of lapatinib for xylophonist patients?"
    digest = hmac.new(b"k" * 32, question.encode(), hashlib.sha256).hexdigest()[:16]  # as QAService logs it
    with caplog.at_level(logging.INFO):
        client.post("/api/ask", json={"question": question, "previous": "xylophonist previous"})
        client.post("/", data={"question": question})
        client.post("/api/feedback", json={"rating": "up", "share_question": True, "question": question})
        body = client.get("/metrics").text
    assert digest in caplog.text  # the service log has its keyed hash: the check below can fail
    access = "\n".join(r.getMessage() for r in caplog.records if r.name == "cancer_qa.access")
    for text in (body, access):
        assert "xylophonist" not in text.lower()
        assert digest not in text


def test_the_index_figures_follow_a_live_swap_and_answers_are_still_counted(
    client: TestClient, fake_embedder
) -> None:  # type: ignore[no-untyped-def]
    from index.build import build_index
    from tests.conftest import write
    from tests.test_live import NEW_PAGE

    live = client.app.state.qa  # type: ignore[attr-defined]
    params = live.index.params
    body = client.get("/metrics").text
    assert value(body, "cancer_qa_index_documents") == params.documents == 2
    assert value(body, "cancer_qa_index_chunks") == params.chunks
    assert (
        value(body, "cancer_qa_index_info", format_version=str(params.format_version), model="fake-hash-64")
        == 1
    )
    assert value(body, "cancer_qa_index_built_timestamp_seconds") > 1.7e9
    assert params.corpus_hash not in body
    client.post("/api/ask", json={"question": QUESTION})
    # A build publishes a new version; the running service swaps to it (service/live.py).
    settings = live.settings
    write(settings.corpus, "zanubrutinib.md", NEW_PAGE)
    build_index(
        settings.corpus, settings.resolved_index_dir(), lambda: fake_embedder, fake_embedder.name, 160
    )
    assert live.check() is True
    client.post("/api/ask", json={"question": "What is zanubrutinib?"})
    body = client.get("/metrics").text
    assert value(body, "cancer_qa_index_documents") == 3
    assert value(body, "cancer_qa_index_chunks") == live.index.params.chunks > params.chunks
    assert value(body, "cancer_qa_answers_total", outcome="answered") == 2
    assert value(body, "cancer_qa_stage_seconds_count", stage="total") == 2


def test_metrics_need_the_staff_token_when_one_is_set_and_are_never_rate_limited(
    tmp_path: Path, fake_embedder
) -> None:  # type: ignore[no-untyped-def]
    settings = corpus_settings(tmp_path, fake_embedder, staff_token=TOKEN, rate_limit="1/minute")
    locked = TestClient(create_app(settings, fake_embedder))
    assert locked.get("/metrics").status_code == 401
    assert (
        locked.get("/metrics", headers={"authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
    )
    assert locked.get("/metrics", headers={"authorization": f"Basic {TOKEN}"}).status_code == 401
    for _ in range(5):
        scrape = locked.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
        assert scrape.status_code == 200
    assert scrape.headers["content-type"].startswith("text/plain")
    assert (
        value(scrape.text, "cancer_qa_http_requests_total", route="/metrics", method="GET", status="401") == 3
    )


def test_the_access_log_is_one_json_object_per_request_without_query_or_client(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="cancer_qa.access"):
        client.get("/?q=secretword")
        client.get("/staff?q=secretword+jane+roe")
        client.get("/doc/lapatinib?hl=0-10&secretword=1")
        client.post("/api/ask", json={"question": "secretword lapatinib?"})
    lines = [r.getMessage() for r in caplog.records if r.name == "cancer_qa.access"]
    assert len(lines) == 4
    entries = [json.loads(line) for line in lines]
    assert [(e["method"], e["path"], e["route"], e["status"]) for e in entries] == [
        ("GET", "/", "/", 200),
        ("GET", "/staff", "/staff", 200),
        ("GET", "/doc/lapatinib", "/doc/{doc_id}", 200),
        ("POST", "/api/ask", "/api/ask", 200),
    ]
    for entry, line in zip(entries, lines, strict=True):
        assert set(entry) == {"time", "method", "path", "route", "status", "duration_ms", "bytes"}
        assert entry["time"].endswith("+00:00") and entry["duration_ms"] >= 0 and entry["bytes"] > 0
        assert "secretword" not in line and "?" not in line and "testclient" not in line


MULTIPROCESS_WORKER = textwrap.dedent(
    """
    import logging.config, sys
    from pathlib import Path
    from fastapi.testclient import TestClient
    from core.settings import load_settings
    from tests.conftest import FakeEmbedder
    from web.access import log_config
    from web.app import create_app

    logging.config.dictConfig(log_config())  # as `cancer-qa serve` sets up each worker
    client = TestClient(create_app(load_settings(), FakeEmbedder()))
    client.post("/api/ask", json={"question": "What are the side effects of lapatinib?"})
    client.post("/api/feedback", json={"rating": "up"})
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(client.get("/metrics").text)
    """
)


def test_worker_processes_add_up_in_one_scrape(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    """Two worker processes share PROMETHEUS_MULTIPROC_DIR, as under ``serve --workers 2``; a
    scrape of either counts both. With serve's logging set-up, their stdout is the bare JSON
    access lines and their stderr has the service's own log."""
    settings = corpus_settings(tmp_path, fake_embedder, rate_limit="off")
    shared = tmp_path / "metrics"
    shared.mkdir()
    env = {
        **os.environ,
        "PROMETHEUS_MULTIPROC_DIR": str(shared),
        "QA_CORPUS": str(settings.corpus),
        "QA_DATA_DIR": str(settings.data_dir),
        "QA_MODEL": fake_embedder.name,
        "QA_RATE_LIMIT": "off",
        "PYTHONPATH": str(REPO),
    }
    scrape = tmp_path / "scrape.txt"
    outputs = []
    for args in ([], [str(scrape)]):  # one after the other: two processes, two sets of files
        done = subprocess.run(
            [sys.executable, "-c", MULTIPROCESS_WORKER, *args],
            env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
        assert " INFO cancer_qa.service ask request_id=" in done.stderr  # the service log reaches workers too
    body = scrape.read_text()
    assert value(body, "cancer_qa_answers_total", outcome="answered") == 2
    assert value(body, "cancer_qa_feedback_total", rating="up") == 2
    assert value(body, "cancer_qa_stage_seconds_count", stage="retrieve") == 2
    assert value(body, "cancer_qa_http_requests_total", route="/api/ask", method="POST", status="200") == 2
    assert value(body, "cancer_qa_index_documents") == 2
    assert len(list(shared.glob("*.db"))) >= 2  # each process wrote its own files
    for stdout in outputs:
        routes = [json.loads(line)["route"] for line in stdout.splitlines()]
        assert routes[:2] == ["/api/ask", "/api/feedback"]
