"""Shared fixtures: a tiny deterministic fake embedder, tiny inline corpora, and (once per
session) the real MiniLM model for the integration tests."""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from core.settings import load_settings

pytest_plugins = ["tests.postgres", "tests.browser_support"]

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEMO = REPO / "corpus" / "demo"
_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"what", "the", "how", "are", "is", "and", "for", "can", "does", "with", "some", "its", "about"}


class FakeEmbedder:
    """Bag of hashed word stems: same text, same vector; shared words make vectors closer."""

    name = "fake-hash-64"
    dim = 64
    max_wordpieces = 256

    def __init__(self) -> None:
        self.calls = 0

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in _WORD.findall(text.lower()):
            if len(word) < 3 or word in _STOP:
                continue
            h = int(hashlib.md5(word[:5].encode()).hexdigest(), 16)
            v[h % self.dim] += 1.0
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        self.calls += 1
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])

    def count_wordpieces(self, text: str) -> int:
        return len(text.split()) + 2


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


TINY = {
    "lapatinib.md": """
        ---
        title: Lapatinib
        url: https://example.org/lapatinib
        source: NCI
        audienceLevel: patient
        cancerTypes: [breast]
        lastReviewed: 2026-01-05
        ---
        # Lapatinib

        ## What is lapatinib?

        Lapatinib is a pill used for some breast cancers. It blocks HER2 signals.

        ## Side effects of lapatinib

        Lapatinib can cause side effects. Common side effects include the following:

        - Diarrhea.
        - Rash on the hands.
        - Liver problems.
        """,
    "melanoma.md": """
        ---
        title: Melanoma
        url: https://example.org/melanoma
        source: NCI
        audienceLevel: patient
        cancerTypes: [skin]
        ---
        # Melanoma

        ## What is melanoma?

        Melanoma is a cancer of the pigment cells in the skin. It can spread to other organs.

        ## Melanoma treatment

        Surgery removes the melanoma and some normal skin around it. Immunotherapy helps the immune system fight melanoma.
        """,
}


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in TINY.items():
        write(root, name, text)
    return root


@pytest.fixture
def tiny_settings(tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder):  # type: ignore[no-untyped-def]
    from index.build import build_index

    settings = load_settings(corpus=tiny_corpus, data_dir=tmp_path / "data", model=fake_embedder.name)
    build_index(tiny_corpus, settings.resolved_index_dir(), lambda: fake_embedder, fake_embedder.name, 160)
    return settings


@pytest.fixture
def tiny_service(tiny_settings, fake_embedder):  # type: ignore[no-untyped-def]
    from service.qa import QAService

    return QAService.open(tiny_settings, fake_embedder)


@pytest.fixture(scope="session")
def real_embedder(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The ONNX encoder as index builds make it (exported once per session, checked against
    sentence-transformers); indexes built with it carry it, so serving them needs no torch."""
    from index.embedder import load_embedder

    return load_embedder("all-MiniLM-L6-v2", tmp_path_factory.mktemp("embedding-cache"))


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory, real_embedder):  # type: ignore[no-untyped-def]
    """The demo corpus indexed once per session with the real model."""
    from index.build import build_index

    settings = load_settings(corpus=DEMO, data_dir=tmp_path_factory.mktemp("demo-data"), rate_limit="off")
    build_index(
        DEMO, settings.resolved_index_dir(), lambda: real_embedder, real_embedder.name, settings.chunk_tokens
    )
    return settings
