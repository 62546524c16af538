"""Assemble a cleaned document text from headings and lines, keeping section and sentence offsets.

Every loader (markdown, scraped text, HTML) reduces its input to a sequence of ``heading(...)`` and
``line(...)`` calls; the builder owns the text layout, so offsets are computed in one place:

    Heading one\n\nfirst line\nsecond line\n\nHeading two\n\n...
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ingest.model import Document, Metadata, Section, Sentence

_SPACE = re.compile(r"\s+")
# A possible sentence boundary inside a line: terminal punctuation, optional closers, space, more text.
_INNER_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+\S")


def normalise_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans of one line (a paragraph or list item), trailing spaces trimmed."""
    if not _INNER_BOUNDARY.search(line):
        return [(0, len(line))] if line else []
    spans: list[tuple[int, int]] = []
    for piece in _segmenter().segment(line):
        start, end = piece.start, piece.end
        while end > start and line[end - 1].isspace():
            end -= 1
        while start < end and line[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    if not spans and line.strip():
        spans.append((0, len(line)))
    return spans


class DocumentBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._sections: list[tuple[str, int, int]] = []
        self._sentences: list[Sentence] = []

    def _append(self, text: str) -> int:
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start

    def heading(self, text: str) -> None:
        heading = normalise_space(text)
        if not heading:
            return
        if self._sections and self._sections[-1][1] == self._sections[-1][2]:
            # The previous heading had no body: drop it from the sections (its text stays).
            self._sections.pop()
        if self._length:
            self._append("\n\n")
        self._append(heading)
        self._append("\n\n")
        self._sections.append((heading, self._length, self._length))

    def line(self, text: str, item: bool = False) -> None:
        line = normalise_space(text)
        if not line:
            return
        if not self._sections:
            raise ValueError("a line before any heading; call heading() first")
        heading, start, end = self._sections[-1]
        if end > start:
            self._append("\n")
        offset = self._append(line)
        index = len(self._sections) - 1
        for s, e in split_sentences(line):
            self._sentences.append(Sentence(index, offset + s, offset + e, item))
        self._sections[-1] = (heading, start, self._length)

    @property
    def has_heading(self) -> bool:
        return bool(self._sections)

    @property
    def has_body(self) -> bool:
        return any(end > start for _, start, end in self._sections)

    def build(self, doc_id: str, path: str, kind: str, meta: Metadata) -> Document:
        sections = [(h, s, e) for h, s, e in self._sections if e > s]
        keep = {i for i, (_, s, e) in enumerate(self._sections) if e > s}
        renumber = {old: new for new, old in enumerate(sorted(keep))}
        return Document(
            id=doc_id,
            path=path,
            kind=kind,
            meta=meta,
            text="".join(self._parts),
            sections=tuple(Section(h, s, e) for h, s, e in sections),
            sentences=tuple(
                Sentence(renumber[x.section], x.start, x.end, x.item)
                for x in self._sentences
                if x.section in keep
            ),
        )
