"""The source view, ``/doc/{doc}?hl=START-END&hl=...``: the cleaned document with quotes marked.

``section_views(doc, ranges)`` splits each section's text into blocks (paragraphs, or lists of
items; ``section_view`` does one section, and the staff lookup lays out its sections with it too)
and each line into segments, marked where a highlight range covers them. The template (the
``_section.html`` macros) wraps marked segments in ``<mark>``; all text stays escaped by Jinja.
Sections get ids ``sec-N``
and the first segment of each highlight the id ``q-START``, which the chat's citation links
target. Offsets are character offsets into ``Document.text``, the text citations quote.
``page_words`` finds the page's hard words that a definition explains (the service's glossary),
each at its first use: the template makes that use a link to the page's "Words explained" list,
with the definition as its tooltip.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from core.errors import BadParameterError, NotFoundError
from ingest.model import Document
from service.answering.glossary import Glossary
from service.qa import QAService
from web.provenance import review_status

MAX_HIGHLIGHTS = 50
_RANGE = re.compile(r"^(\d{1,9})-(\d{1,9})$")


@dataclass(frozen=True)
class Segment:
    text: str
    mark: bool = False
    anchor: str | None = None
    terms: tuple[tuple[int, int, int], ...] = ()
    """Explained words inside ``text``: (start, end, number in the page's word list)."""

    def pieces(self) -> list[tuple[str, int | None]]:
        """The text cut at its explained words: (text, word number or None)."""
        out: list[tuple[str, int | None]] = []
        at = 0
        for start, end, n in self.terms:
            out += [(self.text[at:start], None), (self.text[start:end], n)]
            at = end
        return [p for p in [*out, (self.text[at:], None)] if p[0]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Segment:
        return cls(**{**data, "terms": tuple(tuple(t) for t in data.get("terms", ()))})


@dataclass(frozen=True)
class Block:
    """A paragraph (one line) or a list (``is_list``: one line per item)."""

    is_list: bool
    lines: tuple[tuple[Segment, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"is_list": self.is_list, "lines": [[s.to_dict() for s in line] for line in self.lines]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        lines = tuple(tuple(Segment.from_dict(s) for s in line) for line in data["lines"])
        return cls(is_list=data["is_list"], lines=lines)


@dataclass(frozen=True)
class SectionView:
    n: int
    heading: str
    blocks: tuple[Block, ...]
    marked: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "heading": self.heading,
            "blocks": [b.to_dict() for b in self.blocks],
            "marked": self.marked,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SectionView:
        blocks = tuple(Block.from_dict(b) for b in data["blocks"])
        return cls(n=data["n"], heading=data["heading"], blocks=blocks, marked=data["marked"])


def parse_highlights(values: list[str], length: int) -> tuple[tuple[int, int], ...]:
    """``["12-40", ...]`` -> sorted unique ``(start, end)``; bad values raise ``BadParameterError``."""
    if len(values) > MAX_HIGHLIGHTS:
        raise BadParameterError(f"too many hl values ({len(values)}; the limit is {MAX_HIGHLIGHTS})")
    ranges = set()
    for value in values:
        match = _RANGE.match(value.strip())
        start, end = (int(match.group(1)), int(match.group(2))) if match else (-1, -1)
        if not match or not start < end <= length:
            raise BadParameterError(
                f"hl={value!r} is not valid: use START-END character offsets with "
                f"0 <= START < END <= {length} (this document's length)"
            )
        ranges.add((start, end))
    return tuple(sorted(ranges))


def page_words(doc: Document, glossary: Glossary | None) -> list[dict[str, Any]]:
    """The hard words of the page that a definition explains, each at its first use on the page:
    ``{term, definition, doc, title, href, start, end}`` in reading order."""
    if glossary is None:
        return []
    out = []
    for a, b, key in glossary.first_uses(doc):
        entry = glossary.best(key, doc.id)
        title = glossary.documents[entry.doc].meta.title
        href = f"/doc/{quote(entry.doc, safe='')}?hl={entry.start}-{entry.end}#q-{entry.start}"
        out.append({"term": doc.text[a:b], "definition": entry.definition, "doc": entry.doc, "title": title,
                    "href": href, "start": a, "end": b})  # fmt: skip
    return out


def section_views(
    doc: Document, ranges: tuple[tuple[int, int], ...], words: list[dict[str, Any]] | None = None
) -> tuple[SectionView, ...]:
    items = {s.start for s in doc.sentences if s.item}
    terms = tuple((w["start"], w["end"], n) for n, w in enumerate(words or []))
    return tuple(section_view(doc, n, ranges, terms, items) for n in range(len(doc.sections)))


def section_view(
    doc: Document,
    n: int,
    ranges: tuple[tuple[int, int], ...],
    terms: tuple[tuple[int, int, int], ...] = (),
    items: set[int] | None = None,
) -> SectionView:
    """Section ``n`` as blocks: each non-blank line a paragraph, runs of list-item lines one list;
    ``ranges`` (document offsets) are marked. The staff lookup lays out its sections with it too."""
    if items is None:
        items = {s.start for s in doc.sentences if s.item}
    section = doc.sections[n]
    blocks: list[Block] = []
    for start, end in _lines(doc.text, section.start, section.end):
        is_item = any(start <= i < end for i in items)
        line = _segments(doc.text, start, end, ranges, terms)
        if is_item and blocks and blocks[-1].is_list:
            blocks[-1] = Block(True, (*blocks[-1].lines, line))
        else:
            blocks.append(Block(is_item, (line,)))
    marked = any(s < section.end and e > section.start for s, e in ranges)
    return SectionView(n, section.heading, tuple(blocks), marked)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as absolute, whitespace-trimmed offsets."""
    out = []
    position = start
    for raw in text[start:end].split("\n"):
        left = position + len(raw) - len(raw.lstrip())
        right = position + len(raw.rstrip())
        if right > left:
            out.append((left, right))
        position += len(raw) + 1
    return out


def _segments(
    text: str,
    start: int,
    end: int,
    ranges: tuple[tuple[int, int], ...],
    terms: tuple[tuple[int, int, int], ...] = (),
) -> tuple[Segment, ...]:
    cuts = {start, end}
    for s, e in ranges:
        cuts.update(p for p in (s, e) if start < p < end)
    starts = {s for s, _ in ranges}
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        mark = any(s <= a and b <= e for s, e in ranges)
        anchor = f"q-{a}" if a in starts else None
        # an explained word across a highlight's edge stays plain text
        inside = tuple((s - a, e - a, n) for s, e, n in terms if a <= s and e <= b)
        out.append(Segment(text[a:b], mark, anchor, inside))
    return tuple(out)


def source_router(service: QAService, templates: Jinja2Templates) -> APIRouter:
    router = APIRouter()

    @router.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def source_view(
        request: Request, doc_id: str, hl: Annotated[list[str] | None, Query()] = None
    ) -> HTMLResponse:
        doc = service.index.documents.get(doc_id)
        if doc is None:
            raise NotFoundError(f"no document {doc_id!r} in this index")
        ranges = parse_highlights(hl or [], len(doc.text))
        today = date.today()
        words = page_words(doc, getattr(service, "glossary", None))
        context = {
            "doc": doc,
            "meta": doc.meta,
            "words": words,
            "sections": section_views(doc, ranges, words),
            "highlights": len(ranges),
            "review": review_status(doc.meta.last_reviewed, today, service.settings.review_max_age_days),
        }
        return templates.TemplateResponse(request, "doc.html", context)

    return router

