"""``cancer-qa serve --workers N``: load the service once, then fork the workers that share it.

uvicorn's own ``workers=N`` starts each worker with ``spawn``: every process imports everything and
loads its own index, encoder and word lists (about 570 MB each, measured). Here the parent loads the
heavy, read-only part once (``LiveService``: index, ONNX session, models, word lists, warmed by one
question), freezes the garbage collector's view of it (``gc.freeze``: collections in the workers
then do not touch, and so copy, those pages) and binds the listening socket. Each forked worker
then builds its own app around the shared service (its own database pool, metrics and index
watcher: nothing with threads or connections crosses the fork) and runs uvicorn on the shared
socket. Pages stay shared until written, so a second worker costs little memory.

The parent only supervises: a worker that dies is replaced (at most ``MAX_RESTARTS`` times a
minute, so a worker that cannot start does not spin), and SIGTERM or SIGINT stops every worker
gracefully (uvicorn finishes the requests in flight) before the parent exits.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.settings import Settings

log = logging.getLogger("cancer_qa.web")

MAX_RESTARTS = 5
"""Workers replaced within a minute before the parent gives up and stops."""
STOP_SECONDS = 30.0
"""How long stopping workers may take to finish their requests before they are killed."""


def serve_forked(settings: Settings, processes: int, uvicorn_options: dict[str, Any]) -> None:
    """Serve with ``processes`` forked workers; returns when they have all stopped."""
    import uvicorn

    from service.live import LiveService
    from service.warmup import settle

    live = LiveService.open(settings)
    settle(live)  # lazy parts (word lists, caches) load here, shared by every worker; no thread at the fork
    gc.freeze()
    options = {"host": settings.host, "port": settings.port, **uvicorn_options}
    # The parent's config only binds the socket and sets up logging: it never loads the app.
    listener = uvicorn.Config(app="web.app:create_app", **options).bind_socket()

    def work() -> None:
        from web.app import create_app

        app = create_app(settings, live=live)
        uvicorn.Server(uvicorn.Config(app, **options)).run(sockets=[listener])

    Supervisor(work, processes).run()
    listener.close()


class Supervisor:
    """Forks ``processes`` children running ``work`` and keeps that many alive until told to stop."""

    def __init__(self, work: Callable[[], None], processes: int) -> None:
        self.work = work
        self.processes = processes
        self.children: set[int] = set()
        self.stopping = False
        self.restarts: list[float] = []

    def run(self) -> None:
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        previous[signal.SIGALRM] = signal.signal(signal.SIGALRM, self._kill)
        try:
            for _ in range(self.processes):
                self._fork()
            while self.children:
                pid, status = os.wait()
                self.children.discard(pid)
                if not self.stopping:
                    self._replace(pid, status)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)  # a late kill no longer has anyone to kill
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _fork(self) -> None:
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                for sig in (signal.SIGTERM, signal.SIGINT):
                    signal.signal(sig, signal.SIG_DFL)  # uvicorn installs its own on start
                self.work()
            except BaseException:  # noqa: BLE001 - reported, then the worker exits non-zero
                log.exception("worker %d failed", os.getpid())
                code = 1
            finally:
                logging.shutdown()
                os._exit(code)
        self.children.add(pid)
        log.info("started worker %d", pid)

    def _replace(self, pid: int, status: int) -> None:
        now = time.monotonic()
        self.restarts = [t for t in self.restarts if now - t < 60] + [now]
        log.warning("worker %d exited (%s); starting another", pid, _how(status))
        if len(self.restarts) > MAX_RESTARTS:
            log.error("workers keep exiting (%d in a minute): stopping the server", len(self.restarts))
            self._stop(signal.SIGTERM, None)
            return
        self._fork()

    def _stop(self, signum: int, _frame: Any) -> None:
        if self.stopping:
            return
        self.stopping = True
        log.info("stopping %d worker(s) (%s)", len(self.children), signal.Signals(signum).name)
        for pid in list(self.children):
            _signal(pid, signal.SIGTERM)
        signal.setitimer(signal.ITIMER_REAL, STOP_SECONDS)  # then ``_kill``

    def _kill(self, _signum: int, _frame: Any) -> None:
        """Workers still running ``STOP_SECONDS`` after SIGTERM are killed."""
        for pid in list(self.children):
            _signal(pid, signal.SIGKILL)


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.kill(pid, sig)


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.waitstatus_to_exitcode(status)}"
