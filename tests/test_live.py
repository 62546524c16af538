"""Versioned index folders and the live swap: a build publishes a new version behind the pointer,
and a running service moves to it between requests, or stays on the old one if it is damaged."""

from __future__ import annotations

import os
import weakref
from pathlib import Path

import pytest

from index.build import build_index
from index.versions import KEEP, current_version, versions_dir
from service.live import LiveService
from tests.conftest import FakeEmbedder, write

NEW_PAGE = """
    ---
    title: Zanubrutinib
    url: https://example.org/zanubrutinib
    ---
    # Zanubrutinib

    ## What is zanubrutinib?

    Zanubrutinib is a targeted therapy drug for some lymphomas. It is a pill taken by mouth.
    """


def _build(corpus: Path, out: Path, embedder: FakeEmbedder, force: bool = False) -> Path:
    build_index(corpus, out, lambda: embedder, embedder.name, 160, force=force)
    return current_version(out)


def test_each_build_is_a_new_version_behind_an_atomic_pointer(
    tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    out = tmp_path / "idx"
    first = _build(tiny_corpus, out, fake_embedder)
    assert out.is_symlink() and first.parent == versions_dir(out) and (out / "params.json").is_file()
    assert os.readlink(out) == f"idx.versions/{first.name}"  # relative: the data folder can move
    write(tiny_corpus, "zanubrutinib.md", NEW_PAGE)
    second = _build(tiny_corpus, out, fake_embedder)
    assert second != first and first.is_dir()  # the old version stays for servers still on it
    for _ in range(KEEP + 1):
        _build(tiny_corpus, out, fake_embedder, force=True)
    kept = sorted(p.name for p in versions_dir(out).iterdir())
    assert len(kept) == KEEP and current_version(out).name == kept[-1]
    assert [p.name for p in tmp_path.glob(".idx.*")] == [".idx.lock"]  # no temporary folder or link left


def test_a_folder_from_before_versions_is_replaced_by_the_pointer(
    tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    out = tmp_path / "idx"
    version = _build(tiny_corpus, out, fake_embedder)
    out.unlink()
    version.rename(out)  # the layout earlier releases wrote: the files in the folder itself
    write(tiny_corpus, "zanubrutinib.md", NEW_PAGE)
    _build(tiny_corpus, out, fake_embedder)
    assert out.is_symlink() and "zanubrutinib" in (out / "documents.jsonl").read_text()


def test_a_running_service_swaps_to_a_new_version_and_skips_a_damaged_one(
    tiny_settings, fake_embedder: FakeEmbedder  # type: ignore[no-untyped-def]
) -> None:
    out = tiny_settings.resolved_index_dir()
    _build(tiny_settings.corpus, out, fake_embedder)
    live = LiveService.open(tiny_settings, fake_embedder)
    before = live.index.path
    assert live.check() is False  # nothing new
    question = "What is zanubrutinib?"
    assert all(c.doc != "zanubrutinib" for c in live.ask(question).citations)
    key = live.log_key
    old_service = weakref.ref(live._service)

    write(tiny_settings.corpus, "zanubrutinib.md", NEW_PAGE)
    after = _build(tiny_settings.corpus, out, fake_embedder)
    assert live.check() is True and live.swaps == 1 and live.index.path == after != before
    assert live.ask(question).citations[0].doc == "zanubrutinib"
    assert live.log_key == key  # logged question hashes stay comparable across the swap
    assert old_service() is None  # the old version is freed: one index in memory again, not two

    damaged = _build(tiny_settings.corpus, out, fake_embedder, force=True)
    faiss_file = damaged / "chunks.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:-64] + bytes(64))
    assert live.check() is False and live.index.path == after  # the old version keeps answering
    assert live.ask(question).citations[0].doc == "zanubrutinib"
    assert live.check() is False  # and the damaged one is not retried at every check


def test_the_watcher_thread_swaps_on_its_own(tiny_settings, fake_embedder: FakeEmbedder) -> None:  # type: ignore[no-untyped-def]
    import time

    out = tiny_settings.resolved_index_dir()
    _build(tiny_settings.corpus, out, fake_embedder)
    live = LiveService.open(tiny_settings, fake_embedder)
    live.start(0.05)
    try:
        write(tiny_settings.corpus, "zanubrutinib.md", NEW_PAGE)
        after = _build(tiny_settings.corpus, out, fake_embedder)
        deadline = time.monotonic() + 10
        while live.index.path != after and time.monotonic() < deadline:
            time.sleep(0.05)
        assert live.index.path == after
    finally:
        live.stop()
    with pytest.raises(AttributeError):
        live.no_such_attribute  # noqa: B018 - the stand-in has exactly the service's attributes
