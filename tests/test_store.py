"""The store suite: feedback and staff sessions, run once on the embedded SQLite file and once on a
real PostgreSQL server (``tests/postgres.py``), with the same assertions."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core.errors import ConfigError, StoreUnavailableError
from service.store.database import MIGRATIONS, Database, PostgresDatabase, SqliteDatabase, open_database
from service.store.feedback import FeedbackStore, Retention, new_feedback
from web.auth import Sessions

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    url = None if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    db = open_database(url, tmp_path / "data")
    yield db
    db.close()


def test_feedback_round_trips_newest_first_across_connections(database: Database) -> None:
    store = FeedbackStore(database)
    first = store.add(new_feedback("up", None, [("a", "A")], now=NOW))
    second = store.add(new_feedback("down", "wrong page", [("b", "B"), ("c", "C")], "q?", True, now=NOW))
    assert second.id is not None and first.id is not None and second.id > first.id
    again = FeedbackStore(_reopen(database))  # another process, or another replica
    assert again.recent() == [second, first]
    assert again.recent(limit=1) == [second] and again.recent(limit=1, offset=1) == [first]
    assert again.counts() == {"up": 1, "down": 1}
    assert database.version() == len(MIGRATIONS)


def test_retention_deletes_only_what_is_older_than_the_period(database: Database) -> None:
    store = FeedbackStore(database)
    store.add(new_feedback("down", reason="old", now=NOW - timedelta(days=400)))
    store.add(new_feedback("up", reason="recent", now=NOW - timedelta(days=10)))
    clock = [NOW]
    retention = Retention(store, 365, clock=lambda: clock[0])
    assert retention.run() == 1 and retention.run() == 0  # once a day at most
    assert [f.reason for f in store.recent()] == ["recent"]


def test_sessions_are_shared_expire_and_the_oldest_go_first(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("web.auth.MAX_SESSIONS", 5)
    now = [1000.0]
    sessions = Sessions(database, seconds=60, clock=lambda: now[0])
    session = sessions.start()
    other_replica = Sessions(_reopen(database), seconds=60, clock=lambda: now[0])
    assert other_replica.valid(session) and not sessions.valid("guess") and not sessions.valid(None)
    with database.transaction() as tx:  # only a hash of the id is kept
        assert session not in str(tx.execute("SELECT * FROM staff_sessions"))
    other_replica.end(session)
    assert not sessions.valid(session)
    session = sessions.start()
    now[0] += 61
    assert not sessions.valid(session)
    many = []
    for _ in range(7):
        now[0] += 1
        many.append(sessions.start())
    assert [sessions.valid(s) for s in many] == [False, False, True, True, True, True, True]


def test_replicas_starting_together_migrate_once(database: Database) -> None:
    copies = [_reopen(database) for _ in range(6)]
    errors: list[BaseException] = []

    def start(db: Database) -> None:
        try:
            FeedbackStore(db).add(new_feedback("up", now=NOW))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(db,)) for db in copies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with database.transaction() as tx:
        assert tx.execute("SELECT COUNT(*) FROM schema_version")[0][0] == len(MIGRATIONS)
    assert FeedbackStore(database).counts()["up"] == 6
    for db in copies:
        db.close()


def test_a_file_written_before_schema_versions_migrates_in_place(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(path) as old:  # the schema as earlier releases wrote it
        old.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL, "
            "rating TEXT NOT NULL CHECK (rating IN ('up', 'down')), reason TEXT, sources TEXT NOT NULL, "
            "question TEXT)"
        )
        old.execute("CREATE TABLE staff_sessions (digest TEXT PRIMARY KEY, expires REAL)")
        old.execute("INSERT INTO feedback (created, rating, sources) VALUES ('2026-01-01T00:00:00+00:00', 'up', '[]')")
    old.close()
    store = FeedbackStore(SqliteDatabase(path))
    assert [f.id for f in store.recent()] == [1]  # kept
    assert store.add(new_feedback("down", now=NOW)).id == 2
    assert store.database.version() == len(MIGRATIONS)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_postgres_server_that_is_down_is_a_clear_503_without_the_password() -> None:
    db = PostgresDatabase("postgresql://qa:s3cret-pass@127.0.0.1:9/feedback")  # nothing listens on port 9
    with pytest.raises(StoreUnavailableError) as err:
        FeedbackStore(db).add(new_feedback("up", now=NOW))
    message = str(err.value)
    assert message.startswith("the feedback store postgresql://127.0.0.1:9/feedback cannot be reached: ")
    assert "s3cret" not in message and err.value.http_status == 503
    assert not FeedbackStore(db).writable()
    db.close()


def test_database_urls_are_checked() -> None:
    from core.settings import load_settings

    with pytest.raises(ConfigError, match=r"^QA_DATABASE_URL=<hidden> is not valid: .*postgresql://"):
        load_settings(database_url="mysql://u:secret@h/db")
    with pytest.raises(ConfigError, match="not a valid PostgreSQL URL"):
        open_database("postgresql://u@h/db?nosuch=1", Path("."))
    assert isinstance(open_database("sqlite:///x.sqlite3", Path(".")), SqliteDatabase)


def _reopen(db: Database) -> Database:
    return SqliteDatabase(db.path) if isinstance(db, SqliteDatabase) else PostgresDatabase(db.url)  # type: ignore[attr-defined]


def test_the_app_on_postgres_stores_feedback_and_lists_it_for_staff(
    tmp_path: Path, fake_embedder, postgres_url: str  # type: ignore[no-untyped-def]
) -> None:
    from fastapi.testclient import TestClient

    from tests.web_support import corpus_settings
    from web.app import create_app

    settings = corpus_settings(tmp_path, fake_embedder, database_url=postgres_url, rate_limit="off")
    client = TestClient(create_app(settings, fake_embedder))
    sent = client.post("/api/feedback", json={"rating": "down", "reason": "kept in postgres", "question": "q?",
                                              "share_question": True})  # fmt: skip
    assert sent.status_code == 201 and sent.json()["question_stored"] is True
    assert "kept in postgres" in client.get("/staff/feedback").text
    assert client.get("/readyz").json()["feedback_store"] == "postgresql"
    assert not (settings.data_dir / "feedback.sqlite3").exists()  # nothing went to the local file


def test_with_the_database_down_feedback_is_503_answers_go_on_and_readiness_says_so(
    tmp_path: Path, fake_embedder  # type: ignore[no-untyped-def]
) -> None:
    from fastapi.testclient import TestClient

    from tests.web_support import corpus_settings, free_port
    from web.app import create_app

    down = f"postgresql://qa:pw@127.0.0.1:{free_port()}/feedback"  # nothing listens there
    settings = corpus_settings(tmp_path, fake_embedder, database_url=down, rate_limit="off")
    client = TestClient(create_app(settings, fake_embedder))  # starts anyway
    assert client.post("/api/ask", json={"question": "What is lapatinib?"}).status_code == 200
    posted = client.post("/api/feedback", json={"rating": "up"})
    assert posted.status_code == 503
    assert posted.json()["detail"].startswith("the feedback store postgresql://127.0.0.1:")
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["feedback_store_writable"] is False
    assert client.get("/healthz").status_code == 200


def test_reviews_are_kept_replaced_listed_and_go_with_their_feedback(database: Database) -> None:
    from service.store.review import Review, Reviews, new_review

    store = FeedbackStore(database)
    old = store.add(new_feedback("down", "wrong page", [("a", "A")], "q old?", True, now=NOW - timedelta(days=400)))
    kept = store.add(new_feedback("down", None, [("b", "B")], "q new?", True, now=NOW))
    reviews = Reviews(store)
    assert old.id is not None and kept.id is not None
    reviews.save(new_review(old.id, "not_in_sources", NOW.date()))
    reviews.save(new_review(kept.id, "right", NOW.date()))
    reviews.save(new_review(kept.id, "wrong", NOW.date(), "c", "C"))  # a second look replaces the first
    assert reviews.of([kept.id]) == {kept.id: Review(kept.id, "wrong", "2026-11-30", "c", "C")}
    assert [(f.id, r.verdict) for f, r in Reviews(FeedbackStore(_reopen(database))).reviewed_items()] == [
        (old.id, "not_in_sources"), (kept.id, "wrong")
    ]
    Retention(store, 365, clock=lambda: NOW).run()  # the old item goes, and its review with it
    assert [(f.id, r.verdict) for f, r in reviews.reviewed_items()] == [(kept.id, "wrong")]
    with database.transaction() as tx:
        assert tx.execute("SELECT COUNT(*) FROM reviews")[0][0] == 1
