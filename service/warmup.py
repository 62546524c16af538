"""Load the service's lazy parts in a background thread while the index loads.

The first answer needs word lists (wordfreq), the language detector (lingua) and the syllable
dictionary (CMU, for reading grades); each loads on first use, together ~0.7 s of one core.
``warm_in_background()`` starts loading them at once, beside the index load and the ONNX session
(which spend their time in C, hashing files and building the graph, mostly without the GIL), so
the first answer does not wait for them. The loaders are the same cached functions a question
calls; a question that comes first just loads them itself. ``settle(service)`` (before a server
takes requests) answers one question so that every lazy part is loaded, waits for the warm-up,
and hands the pages freed by loading back to the system.
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from core.heap import free_heap

log = logging.getLogger("cancer_qa.service")

_ENGLISH = "What are the treatment options for this kind of cancer after surgery?"


def _warm() -> None:
    try:
        from service.answering.readability import answer_grade
        from service.understanding.language import foreign

        foreign(_ENGLISH)  # wordfreq's English list, the detector, the small Spanish list
        answer_grade([_ENGLISH])  # the syllable dictionary and textstat
    except Exception:  # noqa: BLE001 - warming is an optimisation; a question will load them anyway
        log.debug("warm-up failed", exc_info=True)


_started: list[threading.Thread] = []


def warm_in_background() -> threading.Thread:
    thread = threading.Thread(target=_warm, name="service-warm-up", daemon=True)
    thread.start()
    _started[:] = [t for t in _started if t.is_alive()] + [thread]
    return thread


def finish_warm_up() -> None:
    """Wait for every warm-up started so far (``serve --workers`` forks only once they are done)."""
    while _started:
        _started.pop().join()


class _Asks(Protocol):
    def ask(self, question: str) -> object: ...


def settle(service: _Asks) -> None:
    """Load everything a first answer needs, then free what loading left behind."""
    service.ask("What is cancer?")
    finish_warm_up()
    free_heap()
