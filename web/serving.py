"""How ``cancer-qa serve`` runs the app: the per-process tuning every server process needs.

``NoDelayHTTP`` is uvicorn's HTTP protocol with ``TCP_NODELAY`` set on each connection. asyncio sets
it only on sockets it created itself; with ``--workers N`` uvicorn binds the listening socket, and
without it every small response waited on Nagle's algorithm and delayed ACKs (measured: /healthz
44 ms instead of 1.6 ms). ``one_thread_each()`` keeps numerical libraries to one thread per
request (requests already run side by side; OpenBLAS threads spinning in two processes on two
cores took one-client answers from 17 to 64 ms), caps glibc's malloc arenas, and
``limit_threads(app)`` answers at most ``ANSWER_THREADS`` questions at once per process (answering
is CPU work: anyio's default 40 threads only add memory and contention on two cores).
``fresh_metrics_dir`` is where worker processes keep their Prometheus metrics (``web/metrics.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import shutil
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from core.errors import StoreUnavailableError

if TYPE_CHECKING:
    from service.live import LiveService

_M_ARENA_MAX = -8
SINGLE_THREADED = {
    "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false",
    "MALLOC_ARENA_MAX": "2",
}  # fmt: skip
ANSWER_THREADS = 4


class NoDelayHTTP(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)  # type: ignore[arg-type]


def one_thread_each() -> None:
    """For this process (already loaded libraries) and the worker processes it starts."""
    for key, value in SINGLE_THREADED.items():
        os.environ.setdefault(key, value)
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    with contextlib.suppress(OSError):  # this process (workers read MALLOC_ARENA_MAX at start); glibc only
        ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, int(SINGLE_THREADED["MALLOC_ARENA_MAX"]))


def fresh_metrics_dir(data_dir: Path, port: int) -> Path:
    """``data_dir/metrics/<port>``, emptied: the last run's workers' counts are not this run's, and
    two servers on one data folder (other ports) keep theirs apart."""
    folder = data_dir / "metrics" / str(port)
    try:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    except OSError as exc:
        reason = f"the metrics folder {folder} cannot be created: {exc.strerror}"
        raise StoreUnavailableError(f"{reason}; set QA_DATA_DIR to a writable folder") from exc
    return folder


def limit_threads(app: FastAPI, threads: int = ANSWER_THREADS) -> None:
    """At start-up (inside the app's event loop), cap the threads that run sync endpoints."""
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(served: Any) -> AsyncIterator[Any]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        async with inner(served) as state:
            yield state

    app.router.lifespan_context = lifespan


def watch_index(app: FastAPI, live: LiveService, seconds: float) -> None:
    """While the server runs, swap to a new index version when a build publishes one."""
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(served: Any) -> AsyncIterator[Any]:
        live.start(seconds)
        try:
            async with inner(served) as state:
                yield state
        finally:
            live.stop()

    app.router.lifespan_context = lifespan
