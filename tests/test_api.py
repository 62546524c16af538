from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from core.errors import BadQuestionError
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
    assert "question_hmac=" in text and "latency_ms=" in text
    assert "Jane Roe" not in text and "lump" not in text
    import hashlib  # an unkeyed hash of a guessed question would re-identify it; a keyed one does not
    assert hashlib.sha256(secret.encode()).hexdigest()[:16] not in text


def test_schema_is_served_and_no_cdn_docs_page(client: TestClient) -> None:
    assert "/api/ask" in client.get("/openapi.json").json()["paths"]
    assert client.get("/docs").status_code == 404


def test_readiness_reports_the_verified_index_and_a_store_that_cannot_be_written(
    tiny_settings, fake_embedder  # type: ignore[no-untyped-def]
) -> None:
    app = create_app(tiny_settings, fake_embedder)
    client = TestClient(app)
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready" and body["feedback_store_writable"] is True
    assert body["index"]["checksums_verified"] is True and body["index"]["files_verified"] >= 5
    served = Path(os.path.realpath(tiny_settings.resolved_index_dir()))  # the pointer's version
    assert body["index"]["version"] == served.name and served.parent.name.endswith(".versions")
    # Fault: the store's file is replaced by a folder (as root, file modes would not stop a write).
    store = app.state.feedback
    store.path.unlink()
    store.path.mkdir()
    down = client.get("/readyz")
    assert down.status_code == 503 and down.json()["feedback_store_writable"] is False
    posted = client.post("/api/feedback", json={"rating": "up"})
    assert posted.status_code == 503
    assert posted.json() == {
        "detail": f"the feedback store {store.path} cannot be opened: unable to open database file"
    }
    assert client.post("/api/ask", json={"question": "What is lapatinib?"}).status_code == 200  # answers go on


def test_an_unusable_data_folder_is_one_plain_error_at_start_up(tmp_path, fake_embedder, tiny_corpus) -> None:  # type: ignore[no-untyped-def]
    from core.errors import StoreUnavailableError
    from core.settings import load_settings
    from index.build import build_index

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    settings = load_settings(corpus=tiny_corpus, data_dir=blocked / "data", model=fake_embedder.name,
                             index_dir=tmp_path / "idx")
    build_index(tiny_corpus, settings.resolved_index_dir(), lambda: fake_embedder, fake_embedder.name, 160)
    with pytest.raises(StoreUnavailableError, match=r"^the data folder .*/not-a-folder/data cannot be created: Not a directory$"):
        create_app(settings, fake_embedder)


def test_lone_surrogates_are_refused_plainly_and_never_stored(tiny_settings, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    from core.errors import BadFeedbackError
    from service.context import contextualize
    from service.store.feedback import new_feedback

    app = create_app(tiny_settings, fake_embedder)
    client = TestClient(app)
    not_text = "Input should be a valid string, unable to parse raw data as a unicode string"
    bodies = [
        ("/api/ask", '{"question": "what is lapatinib \\ud800"}', f"question: {not_text}"),
        ("/api/ask", '{"question": "and for children?", "previous": "what is \\udc80"}', f"previous: {not_text}"),
        ("/api/feedback", '{"rating": "up", "sources": [{"doc": "d", "section": "x\\ud83d"}]}',
         f"sources.0.section: {not_text}"),
    ]
    for path, raw, detail in bodies:
        response = client.post(path, content=raw, headers={"content-type": "application/json"})
        assert (response.status_code, response.json()) == (422, {"detail": detail})
    assert app.state.feedback.recent() == []  # nothing was stored
    # The same checks below the API, for the no-JavaScript forms: the service refuses such text too.
    with pytest.raises(BadQuestionError, match="^question is not valid Unicode text"):
        app.state.qa.ask("what is lapatinib \ud800")
    with pytest.raises(BadQuestionError, match="^previous is not valid Unicode text"):
        contextualize("and for children?", "what is \udc80")
    with pytest.raises(BadFeedbackError, match="^source 1 is not valid Unicode text"):
        new_feedback("up", sources=[("d", "x\ud83d")])


def test_a_malformed_body_gets_one_short_error_shape_without_its_input(client: TestClient) -> None:
    huge = "x" * 30_000
    response = client.post("/api/ask", json={"question": ["not", "a", "string", huge]})
    assert response.status_code == 422
    assert response.json() == {"detail": "question: Input should be a valid string"}
    assert huge not in response.text and len(response.content) < 300
    missing = client.post("/api/ask", json={})
    assert missing.json() == {"detail": "question: Field required"}


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    big = client.post("/api/ask", json={"question": "x" * 70_000})
    assert big.status_code == 413
    assert big.json() == {"detail": "request body is too large (over 65536 bytes)"}
    assert big.headers["x-content-type-options"] == "nosniff"

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(100):
            yield b"x" * 1024

    streamed = client.post("/api/ask", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_an_unexpected_error_is_a_plain_500_with_the_security_headers(tiny_settings, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    app = create_app(tiny_settings, fake_embedder)

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom: secret internals")

    app.state.qa.ask = broken
    response = TestClient(app, raise_server_exceptions=False).post("/api/ask", json={"question": "what is lapatinib"})
    assert response.status_code == 500 and response.json() == {"detail": "internal error"}
    assert "boom" not in response.text
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_rapid_questions_from_one_client_get_429_with_retry_after(tiny_settings, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    limited = TestClient(create_app(tiny_settings.model_copy(update={"rate_limit": "5/minute"}), fake_embedder))
    codes = [limited.post("/api/ask", json={"question": "What is lapatinib?"}).status_code for _ in range(8)]
    assert codes == [200] * 5 + [429] * 3
    refused = limited.post("/api/ask", json={"question": "What is lapatinib?"})
    assert refused.json()["detail"].startswith("too many requests: the limit is 5 per 1 minute; try again in ")
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["x-frame-options"] == "DENY"
    assert limited.get("/healthz").status_code == 200  # reads are not limited
    logins = [limited.post("/staff/login", data={"token": "wrong"}).status_code for _ in range(6)]
    assert logins[-1] == 429
    free = TestClient(create_app(tiny_settings.model_copy(update={"rate_limit": "off"}), fake_embedder))
    assert {free.post("/api/ask", json={"question": "What is lapatinib?"}).status_code for _ in range(40)} == {200}


def test_the_rate_limit_setting_is_validated() -> None:
    from core.errors import ConfigError
    from core.settings import load_settings

    assert load_settings(rate_limit="OFF").rate_limit == "off"
    with pytest.raises(ConfigError, match=r"^QA_RATE_LIMIT='lots' is not valid: Value error, must be 'off' or limits"):
        load_settings(rate_limit="lots")
