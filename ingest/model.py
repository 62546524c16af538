"""The types ingest makes: ``Metadata``, ``Section``, ``Sentence``, ``Document`` and ``Chunk``.

All are frozen dataclasses with ``to_dict``/``from_dict`` so the index can store them as JSON and
load them back unchanged. Offsets (``start``/``end``) are character offsets into ``Document.text``,
the cleaned text a citation quotes from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

AUDIENCES = ("patient", "professional", "unknown")


@dataclass(frozen=True)
class Metadata:
    title: str
    url: str | None = None
    source: str | None = None
    source_type: str | None = None
    audience: str = "unknown"
    cancer_types: tuple[str, ...] = ()
    last_reviewed: str | None = None
    license: str | None = None
    citation: str | None = None
    status: str = "active"
    language: str = "en"
    tags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["cancer_types"] = list(self.cancer_types)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Metadata:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["cancer_types"] = tuple(values.get("cancer_types", ()))
        values["tags"] = tuple(values.get("tags", ()))
        return cls(**values)


@dataclass(frozen=True)
class Section:
    """A heading and the span of its body text (the heading itself is not in the span)."""

    heading: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        return cls(**data)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a section: ``text[start:end]`` of its document; ``item`` marks list items."""

    section: int
    start: int
    end: int
    item: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(**data)


@dataclass(frozen=True)
class Document:
    id: str
    path: str
    kind: str
    meta: Metadata
    text: str
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...] = field(default=())

    @property
    def title(self) -> str:
        return self.meta.title

    def section_text(self, index: int) -> str:
        section = self.sections[index]
        return self.text[section.start : section.end]

    def section_index(self, heading: str) -> int | None:
        for i, section in enumerate(self.sections):
            if section.heading == heading:
                return i
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "kind": self.kind,
            "meta": self.meta.to_dict(),
            "text": self.text,
            "sections": [s.to_dict() for s in self.sections],
            "sentences": [[s.section, s.start, s.end, int(s.item)] for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            id=data["id"],
            path=data["path"],
            kind=data["kind"],
            meta=Metadata.from_dict(data["meta"]),
            text=data["text"],
            sections=tuple(Section.from_dict(s) for s in data["sections"]),
            sentences=tuple(Sentence(s[0], s[1], s[2], bool(s[3])) for s in data["sentences"]),
        )


@dataclass(frozen=True)
class Chunk:
    """A run of whole sentences inside one section, sized for the embedder."""

    id: str
    doc: str
    section: int
    heading: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chunk:
        return cls(**data)
