"""Latency and memory benchmark of the running service, over real HTTP on loopback.

    python -m eval.bench --corpus DIR --suite FILE [--requests 200] [--port 8765]

Starts ``cancer-qa serve`` as a subprocess, waits for /healthz, sends a bounded number of
sequential ``POST /api/ask`` requests (questions cycled from the suite), and prints the median and
p95 latency and the server's resident memory. The server is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--suite", required=True, type=Path)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=8765)
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
        latencies = []
        with httpx.Client(timeout=30) as client:
            client.post(f"{base}/api/ask", json={"question": questions[0]})  # warm-up
            for i in range(args.requests):
                t = time.perf_counter()
                response = client.post(f"{base}/api/ask", json={"question": questions[i % len(questions)]})
                latencies.append((time.perf_counter() - t) * 1000)
                response.raise_for_status()
        result = {
            "requests": args.requests,
            "server_ready_s": round(ready, 2),
            "latency_median_ms": round(percentile(latencies, 0.5), 1),
            "latency_p95_ms": round(percentile(latencies, 0.95), 1),
            "latency_max_ms": round(max(latencies), 1),
            "rss_idle_mb": round(rss_idle, 1),
            "rss_after_mb": round(_rss_mb(server.pid), 1),
        }
        print(json.dumps(result, indent=2))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
