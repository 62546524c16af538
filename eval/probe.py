"""Probe a source tree for the hardening findings of issue #12, one line each.

    python -m eval.probe --src DIR [--port 8799]

Starts ``cancer-qa serve`` from ``DIR`` (its own ``var/``, the demo corpus, a staff token, rate
limit off so each probe stands alone), sends the probes over HTTP, damages a copy of the index and
loads it, and prints one line per finding: what was sent and what came back. Run it on an old
checkout and on this one to see a finding before and after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

TOKEN = "probe-staff-token-0123456789"


def _serve(src: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(src), "HF_HUB_OFFLINE": "1", "QA_RATE_LIMIT": "off",
           "QA_STAFF_TOKEN": TOKEN}  # fmt: skip
    command = [sys.executable, "-m", "cancer_qa", "serve", "--corpus", "corpus/demo", "--port", str(port)]
    return subprocess.Popen(command, cwd=src, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.perf_counter() + 900
    while time.perf_counter() < deadline and server.poll() is None:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("server did not start")


def _damaged_index(src: Path) -> str:
    """1 MB of other bytes in the middle of chunks.faiss of a copy of the demo index, then load it."""
    index = next((src / "var" / "index").glob("demo-*"))
    copy = Path(tempfile.mkdtemp(prefix="probe-index-")) / "idx"
    shutil.copytree(index, copy)
    faiss_file = copy / "chunks.faiss"
    data = bytearray(faiss_file.read_bytes())
    middle = len(data) // 2
    span = min(1 << 20, len(data) - middle - 1)
    data[middle : middle + span] = os.urandom(span)
    faiss_file.write_bytes(bytes(data))
    code = (
        "import json, sys, pathlib; from index.store import load_index\n"
        "path = pathlib.Path(sys.argv[1]); model = json.loads((path / 'params.json').read_text())['model']\n"
        "try:\n    load_index(path, model, 'rebuild'); print('loaded without a word')\n"
        "except Exception as e:\n    print(type(e).__name__ + ': ' + str(e).splitlines()[0][:120])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-c", code, str(copy)]
    out = subprocess.run(command, cwd=src, env=env, capture_output=True, text=True)
    shutil.rmtree(copy.parent, ignore_errors=True)
    return (out.stdout.strip() or out.stderr.strip().splitlines()[-1])[:160]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=Path.cwd())
    parser.add_argument("--port", type=int, default=8799)
    args = parser.parse_args()
    src = args.src.resolve()
    base = f"http://127.0.0.1:{args.port}"
    server = _serve(src, args.port)
    lines = []
    try:
        _wait(base, server)
        ask = f"{base}/api/ask"
        with httpx.Client(timeout=120) as c:
            lines.append(f"1 damaged index: {_damaged_index(src)}")
            r = c.post(ask, json={"question": "ما هي أعراض سرطان الثدي؟"}).json()
            cited = [x["doc"] for x in r["citations"]][:2]
            lines.append(f"2 Arabic question: abstained={r['abstained']} cited={cited}")
            t = time.perf_counter()
            many = {"question": "What is melanoma?", "cancer_types": [f"t{i}" for i in range(50_000)]}
            r2 = c.post(ask, json=many)
            lines.append(f"3 50,000 filter values: {r2.status_code} in {time.perf_counter() - t:.2f} s")
            raw = '{"rating": "up", "sources": [{"doc": "melanoma", "section": "x\\ud800"}]}'
            r3 = c.post(f"{base}/api/feedback", content=raw, headers={"content-type": "application/json"})
            staff = c.get(f"{base}/staff/feedback", headers={"Authorization": f"Bearer {TOKEN}"})
            lines.append(f"4 lone surrogate in feedback: {r3.status_code}; staff page {staff.status_code}")
            big = "x" * 2_000_000
            r4 = c.post(ask, json={"question": big})
            lines.append(f"5 2 MB question: {r4.status_code}, reply {len(r4.content):,} bytes")
            form = {"rating": "up", "question": "q"}
            r5 = c.post(f"{base}/feedback", data=form, headers={"origin": "https://evil.example"})
            lines.append(f"6 cross-site feedback form: {r5.status_code}")
            lines.append("7 read-only store, unwritable data folder: shown by tests/test_api.py")
            lines.append("8 concurrent builds: shown by tests/test_index.py")
            cookies = []
            for _ in range(2):
                r6 = c.post(f"{base}/staff/login", data={"token": TOKEN}, follow_redirects=False)
                cookies.append(r6.cookies.get("qa_staff"))
                c.cookies.clear()
            lines.append(f"9 staff cookie the same at each sign-in: {cookies[0] == cookies[1]}")
            r7 = c.post(ask, json={})
            lines.append(f"10 empty body: {r7.status_code} detail is a {type(r7.json()['detail']).__name__}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
