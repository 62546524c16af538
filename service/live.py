"""The service of the index's current version, swapped without a failed request when a build
publishes a new one.

``LiveService`` stands in for a ``QAService`` (every attribute is the current service's). A watcher
thread (``start()``; one cheap ``readlink`` every ``QA_INDEX_CHECK_SECONDS``) notices when the index
pointer names a new version (``index/versions.py``), loads it *beside* the old one (checksums
verified, as at start-up), builds its service, and swaps one reference. Requests already running
finish on the old service; new ones get the new. The old one is then freed (and the C heap trimmed),
so memory goes back to one index. A version that fails to load is logged once and skipped: the old
one keeps answering. The encoder is reused when the new version's is the same model file.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from core.heap import free_heap
from core.settings import Settings
from index.embedder import Embedder, serving_embedder
from index.store import load_index
from index.versions import current_version
from service.qa import QAService
from service.timing import AskObserver

log = logging.getLogger("cancer_qa.service")


class LiveService:
    def __init__(self, service: QAService, fixed_embedder: Embedder | None = None) -> None:
        self._service = service
        self._fixed = fixed_embedder  # tests hand one in: it is kept across swaps
        self._pointer = service.settings.resolved_index_dir()
        self._skipped: Path | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.swaps = 0

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> LiveService:
        return cls(QAService.open(settings, embedder), embedder)

    @property
    def on_ask(self) -> AskObserver | None:
        """The current service's observer (the web layer's metrics); a swap hands it on."""
        return self._service.on_ask

    @on_ask.setter
    def on_ask(self, observer: AskObserver | None) -> None:
        with self._lock:
            self._service.on_ask = observer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._service, name)

    def check(self) -> bool:
        """Swap to the pointer's version if it is new; True when a swap happened."""
        target = current_version(self._pointer)
        with self._lock:
            old = self._service
            if target in (old.index.path, self._skipped) or not target.is_dir():
                return False
            started = time.perf_counter()
            try:
                new = self._load(target, old)
            except Exception as exc:  # noqa: BLE001 - any failure leaves the old version serving
                self._skipped = target
                serving = old.index.path.name
                log.error("index version %s not loaded, still serving %s: %s", target.name, serving, exc)
                return False
            self._service = new
            self.swaps += 1
            seconds = time.perf_counter() - started
        log.info(
            "index swapped to version %s (%d documents) in %.2f s",
            target.name, new.index.params.documents, seconds,
        )  # fmt: skip
        del old
        free_heap()
        return True

    def _load(self, target: Path, old: QAService) -> QAService:
        settings = old.settings
        hint = f"cancer-qa index --corpus {settings.corpus} --force"
        index = load_index(target, settings.model, hint)
        if self._fixed is not None:
            embedder = self._fixed
        elif index.params.encoder and index.params.encoder == old.index.params.encoder:
            embedder = old.retriever.embedder  # the same exported model: no second copy
        else:
            embedder = serving_embedder(index.path, settings.model)
        new = QAService(settings, index, embedder, log_key=old.log_key)
        new.on_ask = old.on_ask  # answers on the new version are still counted
        return new

    def start(self, seconds: float) -> None:
        """Check every ``seconds`` in a background thread (0: never)."""
        if seconds <= 0 or self._thread is not None:
            return
        self._stop.clear()

        def watch() -> None:
            while not self._stop.wait(seconds):
                try:
                    self.check()
                except Exception:  # noqa: BLE001 - the watcher must outlive a bad moment
                    log.exception("index check failed")

        self._thread = threading.Thread(target=watch, name="index-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
