from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from web.app import create_app


@pytest.fixture
def client(tiny_settings, fake_embedder):  # type: ignore[no-untyped-def]
    return TestClient(create_app(tiny_settings, fake_embedder))


def test_ask_contract(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "What are the side effects of lapatinib?"})
    assert response.status_code == 200
    body = response.json()
    assert {"answer", "citations", "passages", "abstained"} <= set(body)
    assert body["abstained"] is False
    assert [s["citation"] for s in body["answer"]] == [1, 2, 3, 4, 5]
    first = body["citations"][0]
    assert {k: first[k] for k in ("n", "doc", "title", "section", "url", "quote")} == {
        "n": 1,
        "doc": "lapatinib",
        "title": "Lapatinib",
        "section": "Side effects of lapatinib",
        "url": "https://example.org/lapatinib",
        "quote": "Lapatinib can cause side effects.",
    }
    assert isinstance(first["start"], int) and first["end"] - first["start"] == len(first["quote"])
    passage = body["passages"][0]
    assert {k: passage[k] for k in ("doc", "section")} == {
        "doc": "lapatinib",
        "section": "Side effects of lapatinib",
    }
    assert isinstance(passage["score"], float) and passage["text"]


def test_errors_are_translated_with_exact_detail(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "  "})
    assert response.status_code == 422
    assert response.json() == {"detail": "question is empty"}
    assert client.post("/api/ask", json={}).status_code == 422


def test_filters_reach_retrieval(client: TestClient) -> None:
    body = client.post(
        "/api/ask", json={"question": "side effects of lapatinib", "cancer_types": ["skin"]}
    ).json()
    assert {p["doc"] for p in body["passages"]} == {"melanoma"}


def test_health_openapi_and_chat_page(client: TestClient) -> None:
    assert client.get("/healthz").json() == {
        "status": "ok",
        "documents": 2,
        "chunks": 4,
        "model": "fake-hash-64",
    }
    schema = client.get("/openapi.json").json()
    assert "/api/ask" in schema["paths"]
    assert "AskResponse" in schema["components"]["schemas"]
    page = client.get("/")
    assert page.status_code == 200
    assert 'role="log"' in page.text and "<form" in page.text


def test_raw_question_is_not_logged_by_default(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "my neighbour Jane Roe has a lump, what are the side effects of lapatinib"
    with caplog.at_level(logging.DEBUG):
        client.post("/api/ask", json={"question": secret})
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "question_sha256=" in text and "latency_ms=" in text
    assert "Jane Roe" not in text and "lump" not in text


def test_schema_is_served_and_no_cdn_docs_page(client: TestClient) -> None:
    assert "/api/ask" in client.get("/openapi.json").json()["paths"]
    assert client.get("/docs").status_code == 404
