"""The types the service makes: ``Citation``, ``AnswerSentence``, ``Passage``, ``AnswerPart``,
``GlossaryItem`` (with its ``Occurrence``s) and ``Answer``.

Frozen dataclasses with ``to_dict``/``from_dict``; ``Answer.to_dict()`` is the body of
``POST /api/ask`` (its field names are a public contract: add fields, never rename them).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Citation:
    n: int
    doc: str
    title: str
    section: str
    url: str | None
    start: int
    end: int
    quote: str
    last_reviewed: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Citation:
        return cls(**data)


@dataclass(frozen=True)
class AnswerSentence:
    text: str
    citation: int
    list_item: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerSentence:
        return cls(**data)


@dataclass(frozen=True)
class Passage:
    doc: str
    section: str
    title: str
    score: float
    text: str
    url: str | None = None
    audience: str = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Passage:
        return cls(**data)


@dataclass(frozen=True)
class AnswerPart:
    """Another question of the same message, answered under its own heading. Its sentences cite
    the answer's one list of citations (numbers go on from the main answer's)."""

    question: str
    answer: tuple[AnswerSentence, ...]
    read_more: str | None = None
    more_in_section: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": [s.to_dict() for s in self.answer],
            "read_more": self.read_more,
            "more_in_section": self.more_in_section,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerPart:
        return cls(
            question=data["question"],
            answer=tuple(AnswerSentence.from_dict(s) for s in data["answer"]),
            read_more=data.get("read_more"),
            more_in_section=bool(data.get("more_in_section", False)),
        )


@dataclass(frozen=True)
class Occurrence:
    """Where an explained term stands in the answer: ``text[start:end]`` of sentence ``sentence``
    of the main answer (``part`` None) or of ``parts[part].answer``."""

    sentence: int
    start: int
    end: int
    part: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Occurrence:
        return cls(**data)


@dataclass(frozen=True)
class GlossaryItem:
    """A hard word of the answer and a definition quoted from a page, cited like an answer
    sentence: ``definition`` equals the cleaned text of ``doc`` at ``start:end``."""

    term: str
    """As the answer writes it (its first occurrence)."""
    definition: str
    doc: str
    start: int
    end: int
    kind: str
    title: str
    url: str | None
    occurs: tuple[Occurrence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "occurs": [o.to_dict() for o in self.occurs]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GlossaryItem:
        return cls(**{**data, "occurs": tuple(Occurrence.from_dict(o) for o in data["occurs"])})


@dataclass(frozen=True)
class Answer:
    answer: tuple[AnswerSentence, ...]
    citations: tuple[Citation, ...]
    passages: tuple[Passage, ...]
    abstained: bool
    message: str | None = None
    safety: str | None = None
    notice: str | None = None
    reading_grade: float | None = None
    read_more: str | None = None
    suggestions: tuple[str, ...] = field(default=())
    confidence: float | None = None
    understood_as: str | None = None
    """The question answered, when it is not the message as typed (a long message's main question)."""
    more_in_section: bool = False
    """True when the answer shortens a list or section: the reply says the full section has more."""
    parts: tuple[AnswerPart, ...] = field(default=())
    """The message's other questions that the sources answer from other sections (at most two)."""
    message_lang: str = "en"
    """The language ``message`` is written in (``"es"``: the reply to a message in Spanish)."""
    glossary: tuple[GlossaryItem, ...] = field(default=())
    """Hard words of the answer explained by the pages' own definitions (``answering/glossary.py``)."""

    @property
    def text(self) -> str:
        """Plain text with citation markers, e.g. for the command line."""
        if not self.answer:
            return self.message or ""
        parts = [self.message + "\n"] if self.message else []
        parts.append(_sentences_text(self.answer))
        for part in self.parts:
            parts.append(f"\n\n{part.question}\n{_sentences_text(part.answer)}")
        return "".join(parts).strip()

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": [s.to_dict() for s in self.answer],
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
            "abstained": self.abstained,
            "message": self.message,
            "safety": self.safety,
            "notice": self.notice,
            "reading_grade": self.reading_grade,
            "read_more": self.read_more,
            "suggestions": list(self.suggestions),
            "confidence": self.confidence,
            "understood_as": self.understood_as,
            "more_in_section": self.more_in_section,
            "parts": [p.to_dict() for p in self.parts],
            "message_lang": self.message_lang,
            "glossary": [g.to_dict() for g in self.glossary],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        return cls(
            answer=tuple(AnswerSentence.from_dict(s) for s in data["answer"]),
            citations=tuple(Citation.from_dict(c) for c in data["citations"]),
            passages=tuple(Passage.from_dict(p) for p in data["passages"]),
            abstained=data["abstained"],
            message=data.get("message"),
            safety=data.get("safety"),
            notice=data.get("notice"),
            reading_grade=data.get("reading_grade"),
            read_more=data.get("read_more"),
            suggestions=tuple(data.get("suggestions", ())),
            confidence=data.get("confidence"),
            understood_as=data.get("understood_as"),
            more_in_section=bool(data.get("more_in_section", False)),
            parts=tuple(AnswerPart.from_dict(p) for p in data.get("parts", ())),
            message_lang=data.get("message_lang", "en"),
            glossary=tuple(GlossaryItem.from_dict(g) for g in data.get("glossary", ())),
        )

    @property
    def all_sentences(self) -> tuple[AnswerSentence, ...]:
        """The main answer's sentences, then each part's."""
        return self.answer + tuple(s for p in self.parts for s in p.answer)


def _sentences_text(sentences: tuple[AnswerSentence, ...]) -> str:
    out = []
    after_list = False
    for sentence in sentences:
        prefix = "\n  - " if sentence.list_item else ("\n" if after_list else " ")
        out.append(f"{prefix}{sentence.text} [{sentence.citation}]")
        after_list = sentence.list_item
    return "".join(out).strip()
