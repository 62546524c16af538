"""Real model, real index of the demo corpus, real HTTP: loaded once per session."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from index.store import load_index
from ingest import chunk_documents, embedding_text, load_corpus
from tests.conftest import DEMO, SHARED

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(demo_settings, real_embedder) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import uvicorn

    from web.app import create_app

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(demo_settings, real_embedder), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_lapatinib_question_over_http_is_answered_with_matching_citations(
    live_server: str, demo_settings
) -> None:  # type: ignore[no-untyped-def]
    response = httpx.post(
        f"{live_server}/api/ask", json={"question": "What are the side effects of lapatinib?"}, timeout=30
    )
    assert response.status_code == 200
    body = response.json()
    assert body["abstained"] is False
    assert 2 <= len(body["answer"]) <= 14
    assert body["passages"][0]["doc"] in {"lapatinib", "her2-targeted-drugs-qa"}
    assert "side effect" in body["passages"][0]["section"].lower()
    documents = load_index(demo_settings.resolved_index_dir(), demo_settings.model, "").documents
    numbers = {c["n"] for c in body["citations"]}
    for sentence in body["answer"]:
        assert sentence["citation"] in numbers
    for c in body["citations"]:
        assert documents[c["doc"]].text[c["start"] : c["end"]] == c["quote"]
        assert c["url"].startswith("https://")
    text = " ".join(s["text"] for s in body["answer"]).lower()
    assert "diarrhea" in text


def test_off_topic_question_abstains(live_server: str) -> None:
    body = httpx.post(
        f"{live_server}/api/ask", json={"question": "How do I renew my passport?"}, timeout=30
    ).json()
    assert body["abstained"] is True and body["answer"] == []
    assert "1-800-4-CANCER" in body["message"]


def test_every_loader_runs_on_the_demo_corpus() -> None:
    result = load_corpus(DEMO)
    assert result.skipped == []
    kinds = {d.kind for d in result.documents}
    assert kinds == {"markdown", "scraped", "html"}
    assert len(result.documents) >= 25
    for doc in result.documents:
        assert doc.meta.url and doc.meta.url.startswith("https://"), doc.id


def _assert_chunks_fit(root: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    documents = load_corpus(root).documents
    titles = {d.id: d.title for d in documents}
    worst = max(
        embedder.count_wordpieces(embedding_text(titles[c.doc], c.heading, c.text))
        for c in chunk_documents(documents, 180)
    )
    assert worst <= embedder.max_wordpieces == 256


def test_chunks_fit_the_embedder_window_on_the_demo_corpus(real_embedder) -> None:  # type: ignore[no-untyped-def]
    _assert_chunks_fit(DEMO, real_embedder)


@pytest.mark.shared
def test_chunks_fit_the_embedder_window_on_the_shared_corpus(real_embedder) -> None:  # type: ignore[no-untyped-def]
    if not (SHARED / "corpus").exists():
        pytest.skip(f"../shared is not beside the checkout ({SHARED / 'corpus'} missing)")
    _assert_chunks_fit(SHARED / "corpus", real_embedder)


TWO_QUESTIONS = (
    "Hi, my dad was just told he has melanoma on his back. What are the signs of melanoma? "
    "And how is melanoma diagnosed? Thanks, Sam"
)


def test_a_message_s_other_question_is_answered_under_its_own_heading(demo_settings, real_embedder) -> None:  # type: ignore[no-untyped-def]
    from service.qa import QAService

    service = QAService.open(demo_settings, real_embedder)
    answer = service.ask(TWO_QUESTIONS)
    assert answer.understood_as == "What are the signs of melanoma? (adult)"  # "my dad"
    assert answer.citations[0].section == "Signs of melanoma"
    (part,) = answer.parts
    assert part.question == "And how is melanoma diagnosed?"
    main = {s.citation for s in answer.answer}
    own = [s.citation for s in part.answer]
    assert own == list(range(max(main) + 1, max(main) + 1 + len(own)))  # numbers go on from the main answer's
    by_n = {c.n: c for c in answer.citations}
    assert {by_n[n].section for n in own} == {"How melanoma is diagnosed"}
    assert "And how is melanoma diagnosed?" not in answer.suggestions
    assert "How melanoma is diagnosed" not in answer.suggestions  # it is answered above
    # A second question the sources do not answer is not stitched on: it stays a follow-up.
    other = service.ask(
        "What are the side effects of lapatinib? Is there a blood test for Huntington disease?"
    )
    assert other.parts == ()
    assert other.suggestions[0] == "Is there a blood test for Huntington disease?"


def test_answering_never_imports_torch_and_the_stored_encoder_matches_the_model(demo_settings) -> None:  # type: ignore[no-untyped-def]
    import json
    import os
    import subprocess
    import sys

    code = (
        "import sys, json\n"
        "from core.settings import load_settings\n"
        "from service.qa import QAService\n"
        "answer = QAService.open(load_settings()).ask('What are the side effects of lapatinib?')\n"
        "print(json.dumps({'cited': [c.doc for c in answer.citations][:1],\n"
        "  'loaded': sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules)}))\n"
    )
    env = {**os.environ, "QA_CORPUS": str(demo_settings.corpus), "QA_DATA_DIR": str(demo_settings.data_dir)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"cited": ["lapatinib"], "loaded": []}
    params = json.loads((demo_settings.resolved_index_dir() / "params.json").read_text())
    assert params["encoder"]["min_cosine"] >= 0.9999 and "encoder/model.onnx" in params["checksums"]
    # Texts of very different lengths run apart (less padding): the same vectors as one at a time.
    import numpy as np

    from index.encoder import OnnxEmbedder

    encoder = OnnxEmbedder(demo_settings.resolved_index_dir() / "encoder")
    texts = ["What is a biopsy?", "My mother has had a cough for weeks. " * 12, "Is it curable?"]
    together = encoder.encode(texts)
    apart = np.stack([encoder.encode([t])[0] for t in texts])
    assert float((together * apart).sum(axis=1).min()) > 0.99999


def test_an_export_that_does_not_match_the_model_is_refused(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import index.encoder as encoder
    from core.errors import IndexBuildError

    monkeypatch.setattr(encoder, "MIN_COSINE", 1.5)  # no export can reach it
    with pytest.raises(IndexBuildError, match=r"does not match sentence-transformers \(smallest cosine 1\.0000"):
        encoder.cached_encoder(tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing half-written is kept
