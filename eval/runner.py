"""Run gold suites through the service and score them.

``run_eval(settings, suite_paths)`` asks every question through ``QAService.ask`` (the same path
the API serves), times it, and scores retrieval, the answer text, citations, reading level,
abstention and safety routing; results are broken down by ``qtype`` and ``kind``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from core.settings import Settings
from eval.metrics import aggregate, contains, percentile, retrieval_scores, rouge_l_recall
from eval.suite import SAFETY_KINDS, GoldQuestion, Suite, load_suite
from service.answer import Answer
from service.answering.readability import entries_text, fk_grade, smog
from service.qa import QAService

RETRIEVAL_FIELDS = [
    f"{level} {m}"
    for level in ("section", "doc")
    for m in ("P@1", "Recall@1", "Recall@5", "Recall@10", "MRR@10", "nDCG@10")
]
ANSWER_FIELDS = [
    "sentence_precision",
    "gold_recall",
    "must_contain",
    "answer_words",
    "citation_valid",
    "citation_coverage",
    "fk_grade",
    "smog",
]
FLAG_FIELDS = ["abstained", "safety_correct"]


@dataclass
class SuiteResult:
    suite: str
    path: str
    corpus: str
    records: list[dict[str, Any]]
    summary: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "path": self.path,
            "corpus": self.corpus,
            "summary": self.summary,
            "questions": self.records,
        }


@dataclass
class EvalResult:
    suites: list[SuiteResult]

    def to_dict(self) -> dict[str, Any]:
        return {"suites": [s.to_dict() for s in self.suites]}


def _record(q: GoldQuestion, answer: Answer, seconds: float, service: QAService) -> dict[str, Any]:
    sections = [f"{p.doc}::{p.section}" for p in answer.passages]
    docs = list(dict.fromkeys(p.doc for p in answer.passages))
    text = " ".join(s.text for s in answer.all_sentences)
    rec: dict[str, Any] = {
        "id": q.id,
        "question": q.question,
        "kind": q.kind,
        "qtype": q.qtype or "-",
        "answer": text,
        "abstained": float(answer.abstained),
        "safety": answer.safety,
        "safety_correct": float(answer.safety == q.expected_safety),
        "confidence": answer.confidence,
        "latency_ms": seconds * 1000,
        "sections": sections[:10],
        "docs": docs[:10],
        "relevant": [r.key("section") for r in q.relevant],
        "tags": list(q.tags),
    }
    documents = service.index.documents
    valid = [documents[c.doc].text[c.start : c.end] == c.quote for c in answer.citations]
    if answer.answer:
        cited = {c.n for c in answer.citations}
        rec["citation_valid"] = sum(valid) / len(valid) if valid else 0.0
        every = answer.all_sentences
        rec["citation_coverage"] = sum(s.citation in cited for s in every) / len(every)
        rec["answer_words"] = float(len(text.split()))
        shown = entries_text([s.text for s in answer.all_sentences])
        rec["fk_grade"] = fk_grade(shown)
        rec["smog"] = smog(shown)
    if q.relevant and answer.answer:
        gold_sections = {r.key("section") for r in q.relevant}
        gold_text = " ".join(q.answers) or " ".join(
            _section_text(service, r.doc, r.section) for r in q.relevant
        )
        by_n = {c.n: c for c in answer.citations}
        hits = [
            f"{by_n[s.citation].doc}::{by_n[s.citation].section}" in gold_sections
            or contains(gold_text, s.text)
            for s in answer.all_sentences
        ]
        rec["sentence_precision"] = sum(hits) / len(hits)
        rec["gold_recall"] = rouge_l_recall(gold_text, text)
    if q.must_contain and q.kind == "answerable":
        rec["must_contain"] = sum(contains(text, p) for p in q.must_contain) / len(q.must_contain)
    return rec


def _section_text(service: QAService, doc_id: str, heading: str) -> str:
    doc = service.index.documents.get(doc_id)
    if doc is None:
        return ""
    return " ".join(doc.section_text(i) for i, s in enumerate(doc.sections) if s.heading == heading)


def _summarise(records: list[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in records if r["kind"] == "answerable"]
    no_answer = [r for r in records if r["kind"] in ("out_of_scope", "unanswerable")]
    latencies = [r["latency_ms"] for r in records]
    grades = [r["fk_grade"] for r in records if "fk_grade" in r]
    smogs = [r["smog"] for r in records if "smog" in r]
    out: dict[str, Any] = {"questions": len(records)}
    out.update(aggregate([r for r in records if "section Recall@1" in r], RETRIEVAL_FIELDS))
    out.update(aggregate(answerable, ANSWER_FIELDS))
    out["citation_valid"] = aggregate(records, ["citation_valid"])["citation_valid"]
    out["fk_grade_p90"] = percentile(grades, 0.9) if grades else None
    out["smog_p90"] = percentile(smogs, 0.9) if smogs else None
    # Known answerable: a gold section in this corpus (safety look-alikes may have none).
    known = [r for r in answerable if r["relevant"]]
    out["false_abstention"] = aggregate(known, ["abstained"])["abstained"]
    out["correct_abstention"] = aggregate(no_answer, ["abstained"])["abstained"]
    out["safety_routing"] = aggregate(records, ["safety_correct"])["safety_correct"]
    out.update(_triage_rates(records))
    out["latency_median_ms"] = percentile(latencies, 0.5)
    out["latency_p95_ms"] = percentile(latencies, 0.95)
    return out


def _triage_rates(records: list[dict[str, Any]]) -> dict[str, float | None]:
    """Recall per safety tier; how often benign look-alikes get an emergency, crisis or urgent
    reply; how often ordinary answerable questions get any safety tier."""

    def rate(rows: list[dict[str, Any]], hit: Any) -> float | None:
        return sum(1 for r in rows if hit(r)) / len(rows) if rows else None

    out: dict[str, float | None] = {}
    for tier in SAFETY_KINDS:
        rows = [r for r in records if r["kind"] == tier]
        out[f"recall {tier}"] = rate(rows, lambda r, t=tier: r["safety"] == t)
    fixed = [r for r in records if r["kind"] in ("emergency", "crisis")]
    out["recall 911 or 988"] = rate(fixed, lambda r: r["safety"] in ("emergency", "crisis"))
    benign = [r for r in records if r["kind"] == "answerable" and "benign_lookalike" in r["tags"]]
    out["benign_false_triage"] = rate(benign, lambda r: r["safety"] in ("emergency", "crisis", "urgent"))
    plain = [r for r in records if r["kind"] == "answerable" and "benign_lookalike" not in r["tags"]]
    out["answerable_triaged"] = rate(plain, lambda r: r["safety"] is not None)
    return out


def _breakdown(records: list[dict[str, Any]], key: str) -> dict[str, Any]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        values = r[key] if isinstance(r[key], list) else [r[key]]
        for value in values:
            groups[str(value)].append(r)
    fields = RETRIEVAL_FIELDS + ANSWER_FIELDS + FLAG_FIELDS
    return {name: {"n": len(rs), **aggregate(rs, fields)} for name, rs in sorted(groups.items())}


def _in_corpus(service: QAService, suite: Suite) -> tuple[Suite, int]:
    """Drop relevant entries whose document is not in this corpus (a suite may span corpora)."""
    known = service.index.documents
    questions, dropped = [], 0
    for q in suite.questions:
        kept = tuple(r for r in q.relevant if r.doc in known)
        if len(kept) != len(q.relevant):
            dropped += 1
            # Gold text and must-contain phrases describe the missing document too: not scored here.
            q = replace(q, relevant=kept, answers=(), must_contain=())
        questions.append(q)
    return replace(suite, questions=tuple(questions)), dropped


def score_suite(service: QAService, suite: Suite) -> SuiteResult:
    suite, dropped = _in_corpus(service, suite)
    records = []
    for q in suite.questions:
        started = time.perf_counter()
        answer = service.ask(q.question)
        records.append(_record(q, answer, time.perf_counter() - started, service))
    for level in ("section", "doc"):
        scores = retrieval_scores(suite.qrels(level), {r["id"]: r[f"{level}s"] for r in records})
        for r in records:
            for name, value in scores.get(r["id"], {}).items():
                r[f"{level} {name}"] = value
    summary = _summarise(records)
    summary["relevant_not_in_corpus"] = dropped
    summary["by_qtype"] = _breakdown(records, "qtype")
    summary["by_kind"] = _breakdown(records, "kind")
    summary["by_tag"] = _breakdown(records, "tags")
    return SuiteResult(suite.name, suite.path, str(service.settings.corpus), records, summary)


def run_eval(settings: Settings, suite_paths: list[Path], service: QAService | None = None) -> EvalResult:
    suites = [load_suite(p) for p in suite_paths]
    deep = settings.model_copy(update={"top_k": max(settings.top_k, 10)})
    service = service or QAService.open(deep)
    return EvalResult([score_suite(service, s) for s in suites])
