"""Section-level retrieval over a stored index.

``Retriever.search(query, k)`` embeds the query, scores every chunk by inner product and by
BM25, fuses the two, and ranks sections by their best chunk. A ``Hit`` is one section of one
document with its score and the id of the chunk that scored best.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from index.embedder import Embedder
from index.store import StoredIndex

# Weight of the normalised BM25 score in the fusion, tuned with `make eval` on the dev suites.
LEXICAL_WEIGHT = 0.15
FIRST_TIER_BONUS = 0.15
"""Added to chunks of the corpus's first source tier when it mixes tiers (see ``tier_bonus``).
Measured on NCI + the NIH collection (5,287 pages): the cancer dev suite's section R@1 0.877 at
0.03, 0.892 at 0.08, 0.922 at 0.15 (NCI alone: 0.934); the NIH gold sample's 0.723, 0.720, 0.716."""
_TIER = re.compile(r"^(\d+)_")


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


MASK_CACHE = 64


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


def _flat_vectors(flat: Any) -> np.ndarray:
    """The vectors of a flat FAISS index as a read-only array over its own (memory-mapped)
    storage: no copy, so workers serving the same index share these pages."""
    import faiss

    n, d = flat.ntotal, flat.d
    if n == 0:
        return np.zeros((0, d), dtype=np.float32)
    view = faiss.rev_swig_ptr(faiss.downcast_index(flat).get_xb(), n * d).reshape(n, d)  # type: ignore[attr-defined]
    view.flags.writeable = False
    return view


def tier_bonus(index: StoredIndex, bonus: float | None = None) -> np.ndarray:
    """Per chunk: ``bonus`` for pages of the corpus's first source tier, else 0.

    A page's ``sourceType`` starts with its tier (``01_nci_pdq``, ``02_nci_core``, ``03_nih_gard``).
    When a corpus mixes tiers, the reference pages of a cancer service (NCI's, tier 01) come first
    among pages that answer nearly as well; a corpus of one tier (or none) is scored as it is."""
    tiers = {}
    for doc_id, doc in index.documents.items():
        found = _TIER.match(doc.meta.source_type or "")
        tiers[doc_id] = int(found.group(1)) if found else None
    known = {t for t in tiers.values() if t is not None}
    if len(known) < 2:
        return np.zeros(len(index.chunks), dtype=np.float32)
    first, bonus = min(known), FIRST_TIER_BONUS if bonus is None else bonus
    return np.array([bonus if tiers[c.doc] == first else 0.0 for c in index.chunks], dtype=np.float32)


class Retriever:
    """Hybrid section retrieval: dense cosine plus normalised BM25, fused per chunk.

    A chunk scores ``cosine + lexical_weight * bm25 / max_bm25`` (the BM25 part lies in [0, 1]
    for every query, so the fused score keeps the cosine's scale); a section scores its best chunk.
    """

    def __init__(
        self, index: StoredIndex, embedder: Embedder, lexical_weight: float = LEXICAL_WEIGHT
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.lexical_weight = lexical_weight
        self._chunk_pos = {c.id: i for i, c in enumerate(index.chunks)}
        self._vectors = _flat_vectors(index.chunk_index)
        self._tier = tier_bonus(index)
        keys: dict[tuple[str, int], int] = {}
        self._section_of = np.array([keys.setdefault((c.doc, c.section), len(keys)) for c in index.chunks])
        self._allowed: OrderedDict[Filters, np.ndarray] = OrderedDict()

    def chunk_position(self, chunk_id: str) -> int:
        return self._chunk_pos[chunk_id]

    @property
    def vectors(self) -> np.ndarray:
        """Every chunk's unit vector, in chunk order (read-only, shared memory)."""
        return self._vectors

    def dense_score(self, chunk_id: str, vector: np.ndarray) -> float:
        """Cosine of the query vector and one chunk (the dense half of the fused score)."""
        return float(self._vectors[self._chunk_pos[chunk_id]] @ vector.astype(np.float32))

    def embed(self, text: str) -> np.ndarray:
        return self.embedder.encode([text])[0]

    def chunk_scores(self, query: str, vector: np.ndarray) -> np.ndarray:
        """The fused score of every chunk, in chunk order."""
        dense = self._vectors @ vector.astype(np.float32) + self._tier
        if self.lexical_weight <= 0:
            return dense
        lexical = self.index.lexical.scores(query)
        top = float(lexical.max()) if lexical.size else 0.0
        return dense + (self.lexical_weight / top) * lexical if top > 0 else dense

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, vector: np.ndarray | None = None
    ) -> list[Hit]:
        qv = self.embed(query) if vector is None else vector
        scores = self.chunk_scores(query, qv)
        if filters:
            scores = np.where(self._mask(filters), scores, -np.inf)
        n = len(scores)
        depth = n if filters else min(n, max(200, k * 20))
        order = np.argpartition(-scores, depth - 1)[:depth] if depth < n else np.arange(n)
        best: dict[int, Hit] = {}
        for i in order[np.argsort(-scores[order], kind="stable")]:
            score = float(scores[i])
            if score == -np.inf or len(best) >= k:
                break
            key = int(self._section_of[i])
            if key not in best:
                chunk = self.index.chunks[int(i)]
                best[key] = Hit(chunk.doc, chunk.section, chunk.heading, score, chunk.id)
        return list(best.values())

    def _mask(self, filters: Filters) -> np.ndarray:
        """Which chunks the filters allow; the most recent ``MASK_CACHE`` filter sets are kept
        (a client sending a new filter set every time cannot grow memory without end)."""
        if filters in self._allowed:
            self._allowed.move_to_end(filters)
            return self._allowed[filters]
        docs = self.index.documents
        mask = np.array([filters.allows(docs[c.doc].meta) for c in self.index.chunks])
        self._allowed[filters] = mask
        while len(self._allowed) > MASK_CACHE:
            self._allowed.popitem(last=False)
        return mask
