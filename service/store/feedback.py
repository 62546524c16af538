"""Answer feedback: a thumbs up or down, an optional reason, kept in the service's database.

``new_feedback(...)`` validates and builds a ``Feedback``; the question is kept only when the person
ticked "share my question" (``share_question``), otherwise it is dropped here, before storage.
``FeedbackStore`` reads and writes it through ``service/store/database.py`` (the SQLite file
``data_dir/feedback.sqlite3`` by default, or the PostgreSQL server of ``QA_DATABASE_URL``); it is
safe from the server's worker threads and from several processes and replicas at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from core.errors import BadFeedbackError, StoreUnavailableError
from core.text import encodable
from service.store.database import Database, open_database

RATINGS = ("up", "down")
MAX_REASON_CHARS = 1000
MAX_QUESTION_CHARS = 2000
MAX_SOURCES = 20


@dataclass(frozen=True)
class Feedback:
    rating: str
    created: str
    reason: str | None = None
    sources: tuple[tuple[str, str], ...] = ()
    question: str | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created": self.created,
            "rating": self.rating,
            "reason": self.reason,
            "sources": [list(s) for s in self.sources],
            "question": self.question,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Feedback:
        return cls(
            rating=data["rating"],
            created=data["created"],
            reason=data.get("reason"),
            sources=tuple((str(d), str(s)) for d, s in data.get("sources", ())),
            question=data.get("question"),
            id=data.get("id"),
        )


def new_feedback(
    rating: str,
    reason: str | None = None,
    sources: Iterable[tuple[str, str]] = (),
    question: str | None = None,
    share_question: bool = False,
    now: datetime | None = None,
) -> Feedback:
    """Validate and build feedback; ``question`` is dropped unless ``share_question`` is true."""
    pairs = tuple((doc, section) for doc, section in sources)
    fields = {"rating": rating, "reason": reason, "question": question}
    fields |= {f"source {i + 1}": f"{doc} {section}" for i, (doc, section) in enumerate(pairs)}
    for name, text in fields.items():
        if not encodable(text):
            raise BadFeedbackError(f"{name} is not valid Unicode text (it holds a lone surrogate)")
    if rating not in RATINGS:
        raise BadFeedbackError(f"rating must be 'up' or 'down', not {rating!r}")
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > MAX_REASON_CHARS:
        raise BadFeedbackError(
            f"reason is too long ({len(reason)} characters; the limit is {MAX_REASON_CHARS})"
        )
    if len(pairs) > MAX_SOURCES:
        raise BadFeedbackError(f"too many sources ({len(pairs)}; the limit is {MAX_SOURCES})")
    kept = (" ".join((question or "").split()) or None) if share_question else None
    if share_question and kept is None:
        raise BadFeedbackError("share_question is set but no question was sent")
    if kept is not None and len(kept) > MAX_QUESTION_CHARS:
        raise BadFeedbackError(
            f"question is too long ({len(kept)} characters; the limit is {MAX_QUESTION_CHARS})"
        )
    created = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    return Feedback(rating=rating, created=created, reason=reason, sources=pairs, question=kept)


class FeedbackStore:
    """Feedback rows in the service's database (``service/store/database.py``: the SQLite file by
    default, PostgreSQL when ``QA_DATABASE_URL`` names one); replicas on one database share them."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.on_add: Callable[[Feedback], None] | None = None
        """Told of each feedback once it is stored (the web layer counts them by rating)."""

    @classmethod
    def in_dir(cls, data_dir: Path) -> FeedbackStore:
        """The embedded SQLite store of one data folder."""
        return cls(open_database(None, data_dir))

    @property
    def path(self) -> Path | None:
        """The SQLite file, when the store is one."""
        return getattr(self.database, "path", None)

    def add(self, feedback: Feedback) -> Feedback:
        with self.database.transaction() as tx:
            rows = tx.execute(
                "INSERT INTO feedback (created, rating, reason, sources, question) "
                "VALUES (:created, :rating, :reason, :sources, :question) RETURNING id",
                {
                    "created": feedback.created,
                    "rating": feedback.rating,
                    "reason": feedback.reason,
                    "sources": json.dumps([list(s) for s in feedback.sources]),
                    "question": feedback.question,
                },
            )
        stored = replace(feedback, id=int(rows[0][0]))
        if self.on_add is not None:
            self.on_add(stored)
        return stored

    def recent(self, limit: int = 200, offset: int = 0) -> list[Feedback]:
        """The newest feedback first, ``limit`` of them after skipping ``offset``."""
        with self.database.transaction() as tx:
            rows = tx.execute(
                "SELECT id, created, rating, reason, sources, question FROM feedback "
                "ORDER BY id DESC LIMIT :limit OFFSET :offset",
                {"limit": limit, "offset": offset},
            )
        return [_feedback(row) for row in rows]

    def forget_before(self, cutoff: datetime) -> int:
        """Delete feedback older than ``cutoff`` (the retention period); returns how many."""
        stamp = cutoff.astimezone(UTC).isoformat(timespec="seconds")
        with self.database.transaction() as tx:
            old = "SELECT id FROM feedback WHERE created < :stamp"
            tx.execute(f"DELETE FROM reviews WHERE feedback_id IN ({old})", {"stamp": stamp})
            tx.execute("DELETE FROM feedback WHERE created < :stamp", {"stamp": stamp})
            return tx.rowcount

    def get(self, feedback_id: int) -> Feedback | None:
        with self.database.transaction() as tx:
            rows = tx.execute(
                "SELECT id, created, rating, reason, sources, question FROM feedback WHERE id = :id",
                {"id": feedback_id},
            )
        return _feedback(rows[0]) if rows else None

    def counts(self) -> dict[str, int]:
        with self.database.transaction() as tx:
            rows = tx.execute("SELECT rating, COUNT(*) FROM feedback GROUP BY rating")
        found = {rating: count for rating, count in rows}
        return {rating: int(found.get(rating, 0)) for rating in RATINGS}

    def writable(self) -> bool:
        """True when a feedback post would be stored (the readiness check asks)."""
        try:
            self.database.prepare()
        except StoreUnavailableError:
            return False
        return self.database.writable()


def _feedback(row: tuple[Any, ...]) -> Feedback:
    row_id, created, rating, reason, sources, question = row
    pairs = tuple((d, s) for d, s in json.loads(sources))
    return Feedback(rating, created, reason, pairs, question, int(row_id))


def _now() -> datetime:
    return datetime.now(UTC)


class Retention:
    """Deletes feedback past ``days`` old: at once, then at most once a day when asked again (the
    staff feedback page asks on each view), so nothing needs a scheduler."""

    def __init__(self, store: FeedbackStore, days: int, clock: Callable[[], datetime] = _now) -> None:
        self.store = store
        self.days = days
        self._clock = clock
        self._last: datetime | None = None

    def run(self) -> int:
        now = self._clock()
        if self._last is not None and now - self._last < timedelta(days=1):
            return 0
        deleted = self.store.forget_before(now - timedelta(days=self.days))
        self._last = now  # only once it worked: a database that was down is tried again
        return deleted
