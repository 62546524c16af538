"""Index maintenance for a configured service: ``ensure_index(settings)`` builds or updates the
index of ``settings.corpus`` when it is missing or stale (corpus, model or format changed), with the
embedding cache under ``QA_DATA_DIR/cache``, and returns what it did (the CLI prints it; evaluation
and calibration call it quietly). A folder whose ``params.json`` cannot be read is damaged, not
stale: refused with the command that rebuilds it, never rebuilt silently (``force`` rebuilds it).
"""

from __future__ import annotations

from core.errors import IndexMismatchError
from core.settings import Settings
from index.build import BuildResult, build_index
from index.embedder import load_embedder
from index.store import PARAMS, read_params


def ensure_index(settings: Settings, force: bool = False, progress: bool = False) -> BuildResult:
    out = settings.resolved_index_dir()
    if not force and (out / PARAMS).exists() and read_params(out) is None:
        raise IndexMismatchError(
            f"index at {out} is damaged: {PARAMS} is unreadable; rebuild with: "
            f"cancer-qa index --corpus {settings.corpus} --force"
        )
    cache = settings.data_dir / "cache"
    return build_index(
        settings.corpus,
        out,
        lambda: load_embedder(settings.model, cache),
        settings.model,
        settings.chunk_tokens,
        batch_size=settings.batch_size,
        progress=progress,
        force=force,
        cache_dir=cache,
    )
