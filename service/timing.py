"""How long each stage of one ask took, for whoever watches (``QAService.on_ask``).

The service reports plain seconds by stage name and knows nothing of metrics: the web layer turns
them into histograms. ``Laps`` is local to one ask (asks run side by side on worker threads).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.answer import Answer

STAGES = ("understand", "retrieve", "compose", "total")
"""``understand``: validation, safety triage, language and the question read and embedded;
``retrieve``: sections ranked and weighed; ``compose``: the answer or abstention written (a
message's other questions included); ``total``: the whole ask. A fixed safety reply or a message
not in English has ``understand`` and ``total`` only."""

AskObserver = Callable[["Answer", Mapping[str, float]], None]
"""Told of every answer with its stage durations in seconds (a subset of ``STAGES``)."""


class Laps(dict[str, float]):
    """Seconds by stage; ``lap(stage)`` closes a stage that began where the previous one ended."""

    def __init__(self) -> None:
        super().__init__()
        self.started = self._mark = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self[stage] = self.get(stage, 0.0) + now - self._mark
        self._mark = now

    def total(self) -> float:
        return time.perf_counter() - self.started
