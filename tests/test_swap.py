"""An index rebuilt and swapped under load: no request fails, answers then come from the new
version. (That the old index is freed is tested in-process in test_live.py; how much memory comes
back is a benchmark figure, `make bench`, not a test.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.settings import load_settings
from eval.bench_swap import NEW_DOC, NEW_PAGE, swap_under_load
from index.build import build_index
from tests.conftest import DEMO
from tests.web_support import server_process

pytestmark = pytest.mark.integration


def test_an_index_swapped_under_load_fails_no_request(tmp_path: Path, real_embedder) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO, corpus)
    settings = load_settings(corpus=corpus, data_dir=tmp_path / "data")
    out = settings.resolved_index_dir()

    def build() -> None:
        build_index(corpus, out, lambda: real_embedder, real_embedder.name, settings.chunk_tokens)

    build()
    with server_process(settings, QA_INDEX_CHECK_SECONDS="0.2") as (base, pid):

        def rebuild() -> None:
            (corpus / f"{NEW_DOC}.md").write_text(NEW_PAGE, encoding="utf-8")
            build()

        figures = swap_under_load(base, pid, rebuild, clients=4, settle=1.5)
    print("swap under load:", figures)
    assert figures["requests"] > 50 and figures["failed"] == 0, figures
    assert figures["swap_s"] is not None and figures["swap_s"] < 10  # answers cite the new page
