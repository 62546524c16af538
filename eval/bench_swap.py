"""Index swap under load: questions keep coming while the index is rebuilt and swapped.

    python -m eval.bench_swap --corpus DIR [--clients 4] [--out var/reports/swap.json] [--cache-from DATA_DIR]

Copies the corpus to a temporary folder, builds its index, starts ``cancer-qa serve`` (one worker,
checking for new index versions every 0.2 s) and sends questions from ``--clients`` clients. Then it
adds one page to the copy and runs ``cancer-qa index`` (the embedding cache makes it an update),
and reports: requests sent and failed (any answer but 200, or none), the build's time, the seconds
from the new version's publication until answers cite the new page, and the server's memory before
the build, at its peak during build and swap, and after. ``swap_under_load`` is what the hot-swap
test runs too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from eval.bench import first_answer, memory_mb, start_server

QUESTIONS = (
    "What is chemotherapy?",
    "what are the side effects of radiation therapy",
    "How is melanoma treated?",
    "what does a mammogram show",
    "what is a clinical trial",
)
NEW_PAGE = """---
title: "Zanubrutinib"
url: https://example.org/zanubrutinib
source: NCI
audienceLevel: patient
---
# Zanubrutinib

## What is zanubrutinib?

Zanubrutinib is a targeted therapy drug used for some kinds of lymphoma. It is a pill taken by mouth.
It blocks a protein called BTK that helps some lymphoma cells grow.
"""
PROBE = "What is zanubrutinib?"
NEW_DOC = "zanubrutinib"


def swap_under_load(
    base: str, pid: int, rebuild: Callable[[], None], clients: int = 4, settle: float = 2.0
) -> dict[str, Any]:
    """Load ``base`` from ``clients`` threads while ``rebuild()`` publishes a version with the page
    ``NEW_DOC``; the figures of the swap."""
    stop = threading.Event()
    statuses: dict[str, int] = {}
    lock = threading.Lock()
    peak = [0.0]

    def client_loop(offset: int) -> None:
        with httpx.Client(timeout=60) as client:
            i = offset
            while not stop.is_set():
                try:
                    question = {"question": QUESTIONS[i % len(QUESTIONS)]}
                    status = str(client.post(f"{base}/api/ask", json=question).status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                i += 1

    def sample_memory() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], memory_mb(pid)["rss_mb"])
            time.sleep(0.05)

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    time.sleep(settle)
    before = memory_mb(pid)["rss_mb"]
    sampler = threading.Thread(target=sample_memory)
    sampler.start()
    started = time.perf_counter()
    rebuild()
    built = time.perf_counter()
    swapped = None
    with httpx.Client(timeout=60) as client:
        while time.perf_counter() - built < 120:
            answer = client.post(f"{base}/api/ask", json={"question": PROBE})
            if answer.status_code == 200 and any(c["doc"] == NEW_DOC for c in answer.json()["citations"]):
                swapped = time.perf_counter()
                break
            time.sleep(0.02)
    time.sleep(settle)
    stop.set()
    for t in [*threads, sampler]:
        t.join()
    time.sleep(0.5)
    after = memory_mb(pid)["rss_mb"]
    sent = sum(statuses.values())
    return {
        "clients": clients,
        "requests": sent,
        "failed": sent - statuses.get("200", 0),
        "statuses": statuses,
        "build_s": round(built - started, 2),
        "swap_s": round(swapped - built, 2) if swapped else None,
        "rss_mb": {"before": before, "peak": max(peak[0], before), "after": after},
    }


def main(argv: list[str] | None = None) -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--corpus", type=Path, default=Path("corpus/demo"))
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--out", type=Path, default=Path("var/reports/swap.json"))
    parser.add_argument(
        "--cache-from", type=Path, help="a QA_DATA_DIR whose embedding cache is copied in (a quicker build)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-swap-") as tmp:
        corpus, data = Path(tmp) / "corpus", Path(tmp) / "data"
        shutil.copytree(args.corpus, corpus)
        if args.cache_from is not None:
            shutil.copytree(args.cache_from / "cache", data / "cache")
        env = {**os.environ, "QA_CORPUS": str(corpus), "QA_DATA_DIR": str(data), "QA_RATE_LIMIT": "off",
               "QA_WORKERS": "1", "QA_INDEX_CHECK_SECONDS": "0.2", "HF_HUB_OFFLINE": "1"}  # fmt: skip
        cqa = [sys.executable, "-m", "cancer_qa"]
        subprocess.run([*cqa, "index"], env=env, check=True, stdout=subprocess.DEVNULL)
        with socket.socket() as probe:  # a free loopback port
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = start_server(str(corpus), port, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            first_answer(base, server)

            def rebuild() -> None:
                (corpus / "zanubrutinib.md").write_text(NEW_PAGE, encoding="utf-8")
                subprocess.run([*cqa, "index"], env=env, check=True, stdout=subprocess.DEVNULL)

            figures = {"corpus": str(args.corpus), **swap_under_load(base, server.pid, rebuild, args.clients)}
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(json.dumps(figures, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    return 0 if figures["failed"] == 0 and figures["swap_s"] is not None else 1


if __name__ == "__main__":
    sys.exit(main())
