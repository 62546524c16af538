"""Section-level retrieval over a stored index.

``Retriever.search(query, k)`` embeds the query, scores every chunk by inner product, and ranks
sections by their best chunk. A ``Hit`` is one section of one document with its score and the id
of the chunk that scored best.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from index.embedder import Embedder
from index.store import StoredIndex


@dataclass(frozen=True)
class Hit:
    doc: str
    section: int
    heading: str
    score: float
    chunk: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Hit:
        return cls(**data)


@dataclass(frozen=True)
class Filters:
    """Metadata filters; an empty field means no filter."""

    cancer_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()

    def allows(self, meta: Any) -> bool:
        if self.cancer_types and not set(self.cancer_types) & set(meta.cancer_types):
            return False
        if self.sources and (meta.source or "") not in self.sources:
            return False
        return not (self.audiences and meta.audience not in self.audiences)


class Retriever:
    def __init__(self, index: StoredIndex, embedder: Embedder) -> None:
        self.index = index
        self.embedder = embedder
        self._chunk_pos = {c.id: i for i, c in enumerate(index.chunks)}

    def chunk_position(self, chunk_id: str) -> int:
        return self._chunk_pos[chunk_id]

    def embed(self, text: str) -> np.ndarray:
        return self.embedder.encode([text])[0]

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, vector: np.ndarray | None = None
    ) -> list[Hit]:
        qv = self.embed(query) if vector is None else vector
        n = self.index.chunk_index.ntotal
        depth = n if filters else min(n, max(200, k * 20))
        scores, ids = self.index.chunk_index.search(qv.reshape(1, -1).astype(np.float32), depth)
        best: dict[tuple[str, int], Hit] = {}
        for score, i in zip(scores[0], ids[0], strict=True):
            if i < 0:
                continue
            chunk = self.index.chunks[int(i)]
            if filters and not filters.allows(self.index.documents[chunk.doc].meta):
                continue
            key = (chunk.doc, chunk.section)
            if key not in best:
                best[key] = Hit(chunk.doc, chunk.section, chunk.heading, float(score), chunk.id)
        return sorted(best.values(), key=lambda h: -h.score)[:k]
