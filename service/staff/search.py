"""Staff search: ranked *whole sections* with the sentences that match the query, and the section
of the other-audience page on the same topic beside each. One public entry point,
``search_sections``; ``POST /api/search`` and the ``/staff`` page both render what it returns.

- **Ranking** is the staff lookup's: hybrid retrieval and the reranker, every audience alike
  (``QAService.staff_retrieve``); one result per section.
- **Highlights** are the section's sentences closest to the query by the index's own sentence
  vectors (cosine with the query vector): the best one, and up to ``MAX_HIGHLIGHTS - 1`` more
  within ``HIGHLIGHT_MARGIN`` of it. Offsets are into ``WholeSection.text`` (the section's cleaned
  text, trimmed), so ``text[start:end]`` is exactly one sentence of the section.
- **Counterpart**: when the page has counterpart pages (``service/staff/counterparts.py``), the section
  of those pages with the chunk that scores highest on the same query (the retriever's fused
  dense + BM25 score) plus its cosine with the result's best chunk, so a patient page's "Outlook"
  section is offered the professional page's "Prognosis" section even when the query is about
  treatment; highlighted by the same rule. The search filters do not apply to it: it is the other
  audience's page on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from core.errors import BadParameterError, BadQuestionError
from index.search import Filters
from index.store import StoredIndex
from service.qa import QAService

DEFAULT_K, MAX_K = 10, 50
MAX_HIGHLIGHTS = 3
HIGHLIGHT_MARGIN = 0.05


@dataclass(frozen=True)
class Span:
    """``start``/``end``: character offsets into a section's ``text``."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]))


@dataclass(frozen=True)
class WholeSection:
    """One section of one page, whole, with the sentences that match the query."""

    doc: str
    section: str
    section_n: int
    title: str
    audience: str
    url: str | None
    source: str | None
    last_reviewed: str | None
    text: str
    """The section's cleaned text (the document's ``text[offset:offset + len(text)]``)."""
    offset: int
    highlights: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "highlights"}
        return {**data, "highlights": [h.to_dict() for h in self.highlights]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WholeSection:
        spans = tuple(Span.from_dict(h) for h in data["highlights"])
        return cls(**{**data, "highlights": spans})


@dataclass(frozen=True)
class StaffResult:
    rank: int
    score: float
    section: WholeSection
    counterpart: WholeSection | None

    def to_dict(self) -> dict[str, Any]:
        other = self.counterpart.to_dict() if self.counterpart else None
        section = self.section.to_dict()
        return {"rank": self.rank, "score": self.score, "section": section, "counterpart": other}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StaffResult:
        other = WholeSection.from_dict(data["counterpart"]) if data.get("counterpart") else None
        return cls(int(data["rank"]), float(data["score"]), WholeSection.from_dict(data["section"]), other)

    def api(self) -> dict[str, Any]:
        """One result of ``POST /api/search``."""
        s, other = self.section, self.counterpart
        return {
            "rank": self.rank,
            "doc": s.doc,
            "title": s.title,
            "section": s.section,
            "score": self.score,
            "audience": s.audience,
            "url": s.url,
            "source": s.source,
            "last_reviewed": s.last_reviewed,
            "section_text": s.text,
            "highlights": [h.to_dict() for h in s.highlights],
            "counterpart": {"doc": other.doc, "section": other.section} if other else None,
        }


@dataclass(frozen=True)
class StaffSearch:
    query: str
    results: tuple[StaffResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "results": [r.to_dict() for r in self.results]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StaffSearch:
        return cls(data["query"], tuple(StaffResult.from_dict(r) for r in data["results"]))

    def api(self) -> dict[str, Any]:
        """The body of ``POST /api/search``."""
        return {"query": self.query, "results": [r.api() for r in self.results]}


def search_sections(
    service: QAService, query: str, filters: Filters | None = None, k: int = DEFAULT_K
) -> StaffSearch:
    """The ``k`` best sections for ``query`` (filters as ``/api/ask`` takes them), whole, each
    with its highlights and its counterpart section. Raises ``BadQuestionError`` for an empty,
    too long or malformed query and ``BadParameterError`` for a ``k`` out of 1..``MAX_K``."""
    if not 1 <= k <= MAX_K:
        raise BadParameterError(f"k={k} is out of range: ask for 1 to {MAX_K} results")
    try:
        found = service.staff_retrieve(query, filters, k)
    except BadQuestionError as exc:  # the service says "question"; here it is the query
        raise BadQuestionError(str(exc).replace("question", "query", 1)) from None
    index = service.index
    scores: np.ndarray | None = None
    results = []
    for rank, hit in enumerate(found.hits, start=1):
        counterpart = None
        partners = service.counterparts.of(hit.doc)
        if partners:
            if scores is None:  # every chunk's fused score, once per query
                scores = service.retriever.chunk_scores(found.query, found.vector)
            rows = [r for doc in partners for r in service.counterparts.rows.get(doc, ())]
            if rows:
                vectors = service.retriever.vectors
                near = vectors[rows] @ vectors[service.retriever.chunk_position(hit.chunk)]
                chunk = index.chunks[rows[int(np.argmax(scores[rows] + near))]]
                counterpart = whole_section(index, chunk.doc, chunk.section, found.vector)
        section = whole_section(index, hit.doc, hit.section, found.vector)
        results.append(StaffResult(rank, round(hit.score, 4), section, counterpart))
    return StaffSearch(" ".join(query.split()), tuple(results))


def whole_section(index: StoredIndex, doc_id: str, n: int, vector: np.ndarray) -> WholeSection:
    """Section ``n`` of a page, whole, with the sentences closest to ``vector`` highlighted."""
    doc = index.documents[doc_id]
    part = doc.sections[n]
    raw = doc.text[part.start : part.end]
    offset = part.start + len(raw) - len(raw.lstrip())
    text = raw.strip()
    return WholeSection(
        doc=doc.id,
        section=part.heading,
        section_n=n,
        title=doc.title,
        audience=doc.meta.audience,
        url=doc.meta.url,
        source=doc.meta.source,
        last_reviewed=doc.meta.last_reviewed,
        text=text,
        offset=offset,
        highlights=tuple(Span(s - offset, e - offset) for s, e in highlights(index, doc_id, n, vector)),
    )


def highlights(index: StoredIndex, doc_id: str, n: int, vector: np.ndarray) -> list[tuple[int, int]]:
    """Document offsets of the section's sentences that best match ``vector``, in reading order:
    the closest, and up to ``MAX_HIGHLIGHTS - 1`` more within ``HIGHLIGHT_MARGIN`` of it."""
    doc = index.documents[doc_id]
    ids = [i for i, s in enumerate(doc.sentences) if s.section == n and s.end > s.start]
    if not ids:
        return []
    rows = index.sentence_vectors[index.sentence_rows(doc_id)]
    cosines = rows[ids].astype(np.float32) @ vector.astype(np.float32)
    order = np.argsort(-cosines, kind="stable")[:MAX_HIGHLIGHTS]
    best = float(cosines[order[0]])
    chosen = sorted(ids[int(j)] for j in order if float(cosines[j]) >= best - HIGHLIGHT_MARGIN)
    return [(doc.sentences[i].start, doc.sentences[i].end) for i in chosen]
