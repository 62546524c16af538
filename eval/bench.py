"""Latency and memory benchmark of the running service, over real HTTP on loopback.

    python -m eval.bench --corpus DIR --suite FILE [--requests 200] [--clients 1] [--warmup 1]

Starts ``cancer-qa serve`` as a subprocess (rate limit off), waits for /healthz, sends ``--warmup``
requests at the same concurrency (caches and the threads' memory pools fill), notes the server's
resident memory, then sends ``--requests`` ``POST /api/ask`` requests
(questions cycled from the suite) from ``--clients`` concurrent clients, and prints the latency
percentiles, the errors (any answer but 200, or no answer) and the memory growth after warm-up.
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


def _load(base: str, questions: list[str], requests: int, clients: int) -> tuple[list[float], int]:
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
    args = parser.parse_args()
    questions = [q.question for q in load_suite(args.suite).questions]
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "cancer_qa", "serve", "--corpus", args.corpus, "--port", str(args.port)],
        env={**os.environ, "HF_HUB_OFFLINE": "1", "QA_RATE_LIMIT": "off"},  # measuring speed, not limits
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        started = time.perf_counter()
        deadline = started + 900
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.perf_counter() > deadline or server.poll() is not None:
                raise SystemExit("server did not start")
            time.sleep(0.2)
        ready = time.perf_counter() - started
        rss_idle = _rss_mb(server.pid)
        _load(base, questions, args.warmup, args.clients)  # warm-up at the same concurrency
        rss_warm = _rss_mb(server.pid)
        latencies, errors = _load(base, questions, args.requests, args.clients)
        rss_after = _rss_mb(server.pid)
        result = {
            "requests": args.requests,
            "clients": args.clients,
            "errors": errors,
            "server_ready_s": round(ready, 2),
            "latency_median_ms": round(percentile(latencies, 0.5), 1),
            "latency_p95_ms": round(percentile(latencies, 0.95), 1),
            "latency_max_ms": round(max(latencies), 1),
            "rss_idle_mb": round(rss_idle, 1),
            "rss_after_warmup_mb": round(rss_warm, 1),
            "rss_after_mb": round(rss_after, 1),
            "rss_growth_after_warmup_pct": round(100 * (rss_after - rss_warm) / rss_warm, 2),
        }
        print(json.dumps(result, indent=2))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
