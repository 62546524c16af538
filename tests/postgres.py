"""PostgreSQL for the store tests: the server named by ``QA_TEST_DATABASE_URL`` (``.ci/run`` starts
a throwaway cluster and sets it), or else one started here with ``.ci/postgres`` when PostgreSQL is
installed. Without either the PostgreSQL cases are skipped and say why, except under CI, where they
must run. Each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "postgres"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The admin URL of a running PostgreSQL server."""
    given = os.environ.get("QA_TEST_DATABASE_URL")
    if given:
        yield given
        return
    port = _free_port()
    started = subprocess.run([str(SCRIPT), "start", str(port)], capture_output=True, text=True)
    if started.returncode != 0:
        reason = f"PostgreSQL could not be started ({started.stderr.strip()[-200:]}); set QA_TEST_DATABASE_URL"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run([str(SCRIPT), "stop", str(port)], capture_output=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on that server for one test."""
    import psycopg

    name = f"qa_test_{secrets.token_hex(4)}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base, _, _ = postgres_server.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
