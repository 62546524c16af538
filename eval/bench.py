"""Latency and memory benchmark of the running service, over real HTTP on loopback.

    python -m eval.bench --corpus DIR --suite FILE [--requests 200] [--clients 1] [--warmup 1]

Starts ``cancer-qa serve`` as a subprocess (rate limit off, ``--workers`` processes), waits for its
first answer, sends ``--warmup``
requests at the same concurrency (caches and the threads' memory pools fill), notes the server's
resident memory, then sends ``--requests`` ``POST /api/ask`` requests
(questions cycled from the suite) from ``--clients`` concurrent clients, and prints the latency
percentiles, answers per second, the errors (any answer but 200, or no answer) and the memory of
the server and its workers (RSS, and PSS, which counts shared pages once) with its growth after
warm-up. ``start_server``, ``first_answer``, ``load`` and ``memory_mb`` serve ``eval.bench_speed``.
The server is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from eval.metrics import percentile
from eval.suite import load_suite


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _tree(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(k) for k in children.read_text().split()] if children.exists() else []
    return [pid] + [p for k in kids for p in _tree(k)]


def memory_mb(pid: int) -> dict[str, float]:
    """Resident and proportional memory of a server and its worker processes, summed (PSS counts
    pages the workers share, such as the memory-mapped index, once)."""
    rss = pss = 0
    for process in _tree(pid):
        try:
            for line in Path(f"/proc/{process}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return {"rss_mb": round(rss / 1024, 1), "pss_mb": round(pss / 1024, 1)}


def start_server(
    corpus: str, port: int, workers: int = 1, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """``cancer-qa serve`` with the rate limit off (measuring speed, not limits), plus ``env``."""
    command = [sys.executable, "-m", "cancer_qa", "serve", "--corpus", corpus, "--port", str(port)]
    return subprocess.Popen(
        [*command, "--workers", str(workers)],
        env={**os.environ, "HF_HUB_OFFLINE": "1", "QA_RATE_LIMIT": "off", **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def first_answer(base: str, server: subprocess.Popen[bytes], question: str = "What is cancer?") -> float:
    """Seconds from now until the server answers a question (poll every 20 ms)."""
    started = time.perf_counter()
    while True:
        try:
            if httpx.post(f"{base}/api/ask", json={"question": question}, timeout=5).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        if time.perf_counter() - started > 900 or server.poll() is not None:
            raise SystemExit("server did not start")
        time.sleep(0.02)


def load(base: str, questions: list[str], requests: int, clients: int) -> tuple[list[float], int]:
    """``requests`` questions from ``clients`` threads, each with its own connection."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def client_loop() -> None:
        nonlocal errors
        with httpx.Client(timeout=120) as client:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t = time.perf_counter()
                try:
                    body = {"question": questions[i % len(questions)]}
                    ok = client.post(f"{base}/api/ask", json=body).is_success
                except httpx.HTTPError:
                    ok = False
                with lock:
                    latencies.append((time.perf_counter() - t) * 1000)
                    errors += not ok

    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--suite", required=True, type=Path)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--clients", type=int, default=1, help="concurrent clients")
    parser.add_argument("--warmup", type=int, default=1, help="requests before memory is noted")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()
    questions = [q.question for q in load_suite(args.suite).questions]
    base = f"http://127.0.0.1:{args.port}"
    server = start_server(args.corpus, args.port, args.workers)
    try:
        ready = first_answer(base, server)
        idle = memory_mb(server.pid)
        load(base, questions, args.warmup, args.clients)  # warm-up at the same concurrency
        warm = memory_mb(server.pid)
        started = time.perf_counter()
        latencies, errors = load(base, questions, args.requests, args.clients)
        seconds = time.perf_counter() - started
        after = memory_mb(server.pid)
        result = {
            "requests": args.requests,
            "clients": args.clients,
            "workers": args.workers,
            "errors": errors,
            "first_answer_s": round(ready, 2),
            "answers_per_s": round(args.requests / seconds, 1),
            "latency_median_ms": round(percentile(latencies, 0.5), 1),
            "latency_p95_ms": round(percentile(latencies, 0.95), 1),
            "latency_max_ms": round(max(latencies), 1),
            "rss_idle_mb": idle["rss_mb"],
            "rss_after_warmup_mb": warm["rss_mb"],
            "rss_after_mb": after["rss_mb"],
            "pss_after_mb": after["pss_mb"],
            "rss_growth_after_warmup_pct": round(100 * (after["rss_mb"] / warm["rss_mb"] - 1), 2),
        }
        print(json.dumps(result, indent=2))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
