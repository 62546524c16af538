"""Probe a source tree for the hardening findings of issue #12, one line each.

    python -m eval.probe --src DIR [--port 8799]

Starts ``cancer-qa serve`` from ``DIR`` (its own ``var/``, the demo corpus, a staff token, rate
limit off so each probe stands alone), sends the probes over HTTP, damages a copy of the index and
loads it, swaps the feedback database for a folder, starts a server on an unwritable data folder,
runs two index builds at once and kills a third, then sends 300 rapid questions under the default
rate limit; it prints one line per finding: what was sent and what came back. Run it on an old
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


def _env(src: Path, **extra: str) -> dict[str, str]:
    # One server process (QA_WORKERS; older trees ignore it): rate limits are counted per process.
    base = {"PYTHONPATH": str(src), "HF_HUB_OFFLINE": "1", "QA_STAFF_TOKEN": TOKEN, "QA_WORKERS": "1"}
    return {**os.environ, **base, **extra}


def _serve(src: Path, port: int, stderr: int = subprocess.DEVNULL, **extra: str) -> subprocess.Popen[bytes]:
    env = _env(src, **{"QA_RATE_LIMIT": "off", **extra})
    command = [sys.executable, "-m", "cancer_qa", "serve", "--corpus", "corpus/demo", "--port", str(port)]
    return subprocess.Popen(command, cwd=src, env=env, stdout=subprocess.DEVNULL, stderr=stderr)


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
    index = next(p for p in (src / "var" / "index").glob("demo-*") if (p / "params.json").is_file())
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


def _unwritable_data_folder(src: Path, port: int) -> str:
    """Start the server with QA_DATA_DIR under a file (cannot be created): one line, or a traceback?"""
    with tempfile.TemporaryDirectory(prefix="probe-data-") as tmp:
        (Path(tmp) / "file").write_text("")
        server = _serve(src, port, subprocess.PIPE, QA_DATA_DIR=str(Path(tmp) / "file" / "data"))
        try:
            _, err = server.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            server.kill()
            return "still running after 300 s"
    lines = err.decode(errors="replace").strip().splitlines()
    traceback = any(line.startswith("Traceback") for line in lines)
    last = lines[-1][:100] if lines else ""
    return f"exit {server.returncode}, {len(lines)} stderr lines, traceback={traceback}: {last}"


def _store_gone(c: httpx.Client, base: str, src: Path) -> str:
    """Swap the live feedback database for a folder (root ignores chmod), then post and check health."""
    db = src / "var" / "feedback.sqlite3"
    backup = db.with_name("feedback.sqlite3.probe")
    if db.exists():
        db.rename(backup)
    db.mkdir()
    try:
        post = c.post(f"{base}/api/feedback", json={"rating": "up"}).status_code
        health = c.get(f"{base}/healthz").status_code
        ready = c.get(f"{base}/readyz").status_code
    finally:
        db.rmdir()
        if backup.exists():
            backup.rename(db)
    return f"feedback post {post}, /healthz {health}, /readyz {ready}"


def _index(src: Path, data: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "cancer_qa", "index", "--corpus", "corpus/demo"]
    env = _env(src, QA_DATA_DIR=str(data))
    out = subprocess.PIPE
    return subprocess.Popen(command, cwd=src, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)


def _builds(src: Path) -> str:
    """Two builds of one folder at once, then a build killed half-way and a build after it."""
    with tempfile.TemporaryDirectory(prefix="probe-build-") as tmp:
        data = Path(tmp)
        pair = [_index(src, data), _index(src, data)]
        outs = [p.communicate()[0] for p in pair]
        waited = sum("being built by" in out for out in outs)
        codes = [p.returncode for p in pair]
        shutil.rmtree(data / "index")
        killed = _index(src, data)
        deadline = time.perf_counter() + 600
        while time.perf_counter() < deadline and killed.poll() is None:
            if list((data / "index").glob(".*tmp*")):
                break
            time.sleep(0.005)
        killed.kill()
        killed.communicate()
        left = len(list((data / "index").glob(".*tmp*")))
        after = _index(src, data)
        after.communicate()
        still = len(list((data / "index").glob(".*tmp*")))
    return (
        f"two at once exit {codes}, {waited} waited for the other; killed build left {left} temp folder(s), "
        f"{still} after the next build"
    )


def _rapid(src: Path, port: int) -> str:
    """300 questions from one client as fast as it can, default rate limit."""
    base = f"http://127.0.0.1:{port}"
    server = _serve(src, port, QA_RATE_LIMIT="30/minute;300/hour")
    codes: dict[int, int] = {}
    retry_after = set()
    try:
        _wait(base, server)
        t = time.perf_counter()
        with httpx.Client(timeout=120) as c:
            for _ in range(300):
                r = c.post(f"{base}/api/ask", json={"question": "What is melanoma?"})
                codes[r.status_code] = codes.get(r.status_code, 0) + 1
                if r.status_code == 429:
                    retry_after.add(r.headers.get("retry-after"))
        seconds = time.perf_counter() - t
    finally:
        server.terminate()
        server.wait(timeout=30)
    waits = sorted(map(str, retry_after))
    return f"{dict(sorted(codes.items()))} in {seconds:.1f} s; Retry-After values {waits}"


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
        with httpx.Client(timeout=120, headers={"connection": "close"}) as c:  # a fresh connection each
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
            try:
                r4 = c.post(ask, json={"question": big})
                lines.append(f"5 2 MB question: {r4.status_code}, reply {len(r4.content):,} bytes")
            except httpx.HTTPError as exc:
                lines.append(f"5 2 MB question: {type(exc).__name__}: {exc}")
            form = {"rating": "up", "question": "q"}
            r5 = c.post(f"{base}/feedback", data=form, headers={"origin": "https://evil.example"})
            lines.append(f"6 cross-site feedback form: {r5.status_code}")
            try:
                lines.append(f"7a feedback store gone while serving: {_store_gone(c, base, src)}")
            except httpx.HTTPError as exc:
                lines.append(f"7a feedback store gone while serving: {type(exc).__name__}: {exc}")
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
    lines.append(f"7b unwritable data folder at start-up: {_unwritable_data_folder(src, args.port)}")
    lines.append(f"8 index builds: {_builds(src)}")
    lines.append(f"11 300 rapid questions, default limit: {_rapid(src, args.port)}")
    print("\n".join(sorted(lines, key=lambda line: int(line.split()[0].rstrip("ab")))))


if __name__ == "__main__":
    main()
