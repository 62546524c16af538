"""How ``cancer-qa serve`` runs the app: the per-process tuning every server process needs.

``NoDelayHTTP`` is uvicorn's HTTP protocol with ``TCP_NODELAY`` set on each connection. asyncio sets
it only on sockets it created itself; with ``--workers N`` uvicorn binds the listening socket, and
without it every small response waited on Nagle's algorithm and delayed ACKs (measured: /healthz
44 ms instead of 1.6 ms). ``one_thread_each()`` keeps numerical libraries to one thread per
request (requests already run side by side; OpenBLAS threads spinning in two processes on two
cores took one-client answers from 17 to 64 ms).
"""

from __future__ import annotations

import asyncio
import os
import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol

SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}


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
