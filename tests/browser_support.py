"""Shared by the browser test modules (``tests/test_browser.py``, ``tests/test_browser_staff.py``),
loaded as a plugin by ``conftest.py``: one Chromium (Playwright's sync API allows one per process)
and one demo server for the whole session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.settings import load_settings
from tests.conftest import DEMO, REPO
from tests.web_support import live_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = REPO / "var" / "screenshots"
REPORTS = REPO / "var" / "reports"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def demo(demo_settings, real_embedder, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:  # type: ignore[no-untyped-def]
    """The demo corpus, real model; its own data dir so feedback starts empty."""
    from web.app import create_app

    settings = load_settings(
        corpus=DEMO,
        index_dir=demo_settings.resolved_index_dir(),
        data_dir=tmp_path_factory.mktemp("web-demo"),
        rate_limit="off",  # one server for every browser test; test_api checks the limit
    )
    app = create_app(settings, real_embedder)
    with live_server(app) as url:
        yield url, app
