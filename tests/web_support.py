"""Helpers for the web tests: an injection corpus, an app over a corpus, and a live uvicorn server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.settings import Settings, load_settings
from tests.conftest import TINY, FakeEmbedder, write

# Front matter is shown as given (the body's HTML is stripped at ingest), so the page must escape it.
EVIL = {
    "evil.md": """
        ---
        title: "Moles <script>window.__pwned=1</script><img src=x onerror=\\"window.__pwned=2\\">"
        url: "javascript:window.__pwned=4"
        source: "NCI <b>bold</b>"
        audienceLevel: professional
        cancerTypes: [skin]
        lastReviewed: 2019-01-01
        ---
        # Moles

        ## Moles that change

        A mole that changes shape can be a sign of melanoma and needs a check. Doctors look at moles & "spots" with care.
        """,
}
EVIL_TITLE = 'Moles <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
INJECTED_QUESTION = '<img src=x onerror="window.__pwned=5">moles <script>window.__pwned=6</script> that change shape?'


def corpus_settings(root: Path, embedder: FakeEmbedder, extra: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """The tiny corpus (plus ``extra`` files) indexed with the fake embedder under ``root``."""
    from index.build import build_index

    corpus = root / "corpus"
    for name, text in {**TINY, **(extra or {})}.items():
        write(corpus, name, text)
    settings = load_settings(corpus=corpus, data_dir=root / "data", model=embedder.name, **overrides)
    build_index(corpus, settings.resolved_index_dir(), lambda: embedder, embedder.name, 160)
    return settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a background thread."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def server_process(settings: Settings, **env: str) -> Iterator[tuple[str, int]]:
    """``cancer-qa serve`` as its own process (one worker) on a free port, over ``settings``' corpus
    and data folder (its index already built), plus ``QA_`` variables in ``env``; its base URL and
    process id."""
    import os
    import subprocess
    import sys

    import httpx

    port = free_port()
    environ = {
        **os.environ,
        "QA_CORPUS": str(settings.corpus),
        "QA_DATA_DIR": str(settings.data_dir),
        "QA_WORKERS": "1",
        "QA_RATE_LIMIT": "off",
        **env,
    }
    command = [sys.executable, "-m", "cancer_qa", "serve", "--port", str(port)]
    import tempfile

    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed below; not a pipe, which fills and stalls the server
    process = subprocess.Popen(command, env=environ, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"the server exited: {log.read().decode()[-2000:]}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start in 120 s")
            time.sleep(0.1)
        yield base, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
