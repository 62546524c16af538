"""Gold suites: JSON Lines, one question a line (format documented in eval/README.md).

``load_suite(path)`` validates every line and raises ``SuiteError`` naming the file, line and
field. A suite also gives its BEIR-style views: ``queries``, ``qrels(level)`` and ``answers``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from core.errors import SuiteError

KINDS = ("answerable", "out_of_scope", "unanswerable", "emergency", "crisis", "urgent", "personal_advice")
SAFETY_KINDS = ("emergency", "crisis", "urgent", "personal_advice")


@dataclass(frozen=True)
class Relevant:
    doc: str
    section: str

    def key(self, level: str) -> str:
        return self.doc if level == "doc" else f"{self.doc}::{self.section}"


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    kind: str = "answerable"
    qtype: str | None = None
    relevant: tuple[Relevant, ...] = ()
    answers: tuple[str, ...] = ()
    must_contain: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def expected_safety(self) -> str | None:
        return self.kind if self.kind in SAFETY_KINDS else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["relevant"] = [asdict(r) for r in self.relevant]
        for key in ("answers", "must_contain", "tags"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldQuestion:
        return cls(
            id=str(data["id"]),
            question=data["question"],
            kind=data.get("kind") or "answerable",
            qtype=data.get("qtype"),
            relevant=tuple(Relevant(r["doc"], r["section"]) for r in data.get("relevant") or ()),
            answers=tuple(data.get("answers") or ()),
            must_contain=tuple(data.get("must_contain") or ()),
            tags=tuple(data.get("tags") or ()),
        )


@dataclass(frozen=True)
class Suite:
    name: str
    path: str
    questions: tuple[GoldQuestion, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())

    def queries(self) -> dict[str, str]:
        return {q.id: q.question for q in self.questions}

    def qrels(self, level: str) -> dict[str, dict[str, int]]:
        return {q.id: {r.key(level): 1 for r in q.relevant} for q in self.questions if q.relevant}


def _check(line: int, path: Path, data: Any) -> None:
    def fail(message: str) -> None:
        raise SuiteError(f"{path}:{line}: {message}")

    if not isinstance(data, dict):
        fail("each line must be a JSON object")
    for key in ("id", "question"):
        if not isinstance(data.get(key), str | int) or not str(data.get(key)).strip():
            fail(f"missing or empty field {key!r}")
    kind = data.get("kind") or "answerable"
    if kind not in KINDS:
        fail(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    relevant = data.get("relevant") or []
    if not isinstance(relevant, list) or not all(
        isinstance(r, dict) and isinstance(r.get("doc"), str) and isinstance(r.get("section"), str)
        for r in relevant
    ):
        fail("'relevant' must be a list of {doc, section} objects")
    for key in ("answers", "must_contain", "tags"):
        value = data.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            fail(f"{key!r} must be a list of strings")


def load_suite(path: Path) -> Suite:
    if not path.is_file():
        raise SuiteError(f"suite file not found: {path}")
    questions: list[GoldQuestion] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SuiteError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        _check(n, path, data)
        question = GoldQuestion.from_dict(data)
        if question.id in seen:
            # Real suites repeat ids for different questions; keep every question under a unique id.
            k = 2
            while f"{question.id}~{k}" in seen:
                k += 1
            warnings.append(f"{path}:{n}: duplicate id {question.id!r} renamed {question.id}~{k}")
            question = GoldQuestion.from_dict({**question.to_dict(), "id": f"{question.id}~{k}"})
        seen.add(question.id)
        questions.append(question)
    if not questions:
        raise SuiteError(f"{path}: no questions")
    return Suite(path.stem, str(path), tuple(questions), tuple(warnings))
