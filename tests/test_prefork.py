"""``serve --workers N``: workers forked from one loaded parent, replaced when one dies, all stopped
by SIGTERM. The supervisor is tested on its own (a worker that only records itself), then the real
server with two workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

from tests.web_support import server_process

REPO = Path(__file__).resolve().parents[1]

SUPERVISED = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from web.prefork import Supervisor

    folder = Path(sys.argv[1])
    loaded = os.getpid()  # what the parent loads before forking, every worker shares

    def work():
        (folder / str(os.getpid())).write_text(str(loaded))
        while True:
            time.sleep(0.05)

    Supervisor(work, 2).run()
    (folder / "stopped").write_text("yes")
    """
)


def _children(pid: int) -> set[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def _wait(get, ok, seconds: float = 20.0):  # type: ignore[no-untyped-def]
    """``get()`` once ``ok`` holds for it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = get()
        if ok(value):
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out; last value {value}")


def test_the_supervisor_keeps_its_workers_alive_and_stops_them_all(tmp_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", SUPERVISED, str(tmp_path)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        first = _wait(lambda: {int(p.name) for p in tmp_path.iterdir()}, lambda w: len(w) == 2)
        assert first == _children(parent.pid)
        assert {(tmp_path / str(p)).read_text() for p in first} == {str(parent.pid)}  # forked from it
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        after = _wait(lambda: _children(parent.pid), lambda c: len(c) == 2 and victim not in c)
        assert len(after - first) == 1  # one new worker in place of the one that died
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=20) == 0
        assert (tmp_path / "stopped").read_text() == "yes"
        assert not _children(parent.pid)
    finally:
        if parent.poll() is None:
            parent.kill()


@pytest.mark.integration
def test_two_forked_workers_answer_and_a_lost_one_is_replaced(demo_settings) -> None:  # type: ignore[no-untyped-def]
    with server_process(demo_settings, QA_WORKERS="2") as (base, pid):
        workers = _wait(lambda: _children(pid), lambda c: len(c) == 2)
        for question in (
            "What is a biopsy?",
            "How is skin cancer found?",
            "What does radiation feel like?",
        ) * 3:
            answer = httpx.post(f"{base}/api/ask", json={"question": question}, timeout=30)
            assert answer.status_code == 200 and answer.json()["answer"], answer.text
        os.kill(min(workers), signal.SIGKILL)
        _wait(lambda: _children(pid), lambda c: len(c) == 2 and min(workers) not in c)
        for _ in range(6):  # whichever worker takes it, the server still answers
            answer = httpx.post(f"{base}/api/ask", json={"question": "What is a biopsy?"}, timeout=30)
            assert answer.status_code == 200 and answer.json()["answer"]
