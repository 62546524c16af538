"""Every frozen dataclass survives to_dict -> JSON -> from_dict unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from eval.suite import GoldQuestion, Relevant
from index.glossary import GlossaryEntry
from index.search import Hit
from index.store import IndexParams
from ingest import Chunk, Metadata, load_corpus
from service.answer import Answer, AnswerPart, AnswerSentence, Citation, GlossaryItem, Occurrence, Passage


def _json(obj):  # type: ignore[no-untyped-def]
    return json.loads(json.dumps(obj.to_dict()))


def test_ingest_types_round_trip(tiny_corpus: Path) -> None:
    doc = load_corpus(tiny_corpus).documents[0]
    assert type(doc).from_dict(_json(doc)) == doc
    assert Metadata.from_dict(_json(doc.meta)) == doc.meta
    chunk = Chunk("d#0", "d", 1, "Heading", 3, 9, "abcdef")
    assert Chunk.from_dict(_json(chunk)) == chunk


def test_index_and_service_types_round_trip() -> None:
    hit = Hit("lapatinib", 1, "Side effects", 0.71, "lapatinib#2")
    assert Hit.from_dict(_json(hit)) == hit
    params = IndexParams(
        "m", 4, 160, "tok", "abc", "/c", 1, 2, 3, built_at="now", build_seconds=1.5,
        checksums={"a": "b"}, encoder={"sha256": "c", "min_cosine": 0.99999},
    )  # fmt: skip
    assert IndexParams.from_dict(_json(params)) == params
    from index.changes import Changes

    changes = Changes(("a",), ("b", "c"), (), previous=True, texts=10, embedded=2)
    assert Changes.from_dict(_json(changes)) == changes
    entry = GlossaryEntry("Lymph nodes", "small structures that filter lymph", "d", 10, 44, "gloss")
    assert GlossaryEntry.from_dict(_json(entry)) == entry and entry.key == "lymph node"
    citation = Citation(1, "d", "T", "S", None, 0, 5, "Hello", "2026-01-01", "NCI")
    answer = Answer(
        (AnswerSentence("Hello", 1), AnswerSentence("Item.", 1, list_item=True)),
        (citation,),
        (Passage("d", "S", "T", 0.5, "Hello world", "https://x", "patient"),),
        abstained=False,
        notice="n",
        reading_grade=5.5,
        suggestions=("a", "b"),
        confidence=0.87,
        understood_as="What is it? (lapatinib)",
        more_in_section=True,
        parts=(
            AnswerPart("And the side effects?", (AnswerSentence("Rash.", 2, True),), "/doc/d#sec-2", True),
        ),
        glossary=(
            GlossaryItem("Hello", "a greeting", "d", 3, 13, "gloss", "T", None, (Occurrence(0, 0, 5), Occurrence(0, 0, 4, 0))),
        ),
    )
    assert Answer.from_dict(_json(answer)) == answer
    assert answer.all_sentences[-1] == AnswerSentence("Rash.", 2, True)
    assert answer.text.endswith("And the side effects?\n- Rash. [2]")


def test_gold_question_round_trips() -> None:
    q = GoldQuestion("1", "q?", "answerable", "treatment", (Relevant("d", "s"),), ("a",), ("x",), ("typo",))
    assert GoldQuestion.from_dict(_json(q)) == q


def test_answer_text_puts_list_items_on_their_own_lines() -> None:
    citation = Citation(1, "d", "T", "S", None, 0, 5, "x")
    answer = Answer(
        (
            AnswerSentence("Signs include:", 1),
            AnswerSentence("Fever.", 2, list_item=True),
            AnswerSentence("Rash.", 3, list_item=True),
            AnswerSentence("Call your doctor.", 4),
        ),
        (citation,),
        (),
        abstained=False,
    )
    assert answer.text == "Signs include: [1]\n  - Fever. [2]\n  - Rash. [3]\nCall your doctor. [4]"
