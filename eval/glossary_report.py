"""How much the glossary explains: ``python -m eval.glossary_report --corpus DIR --suite FILE
[--sample 100 --seed 7 --out FILE]``.

Reports the entries and distinct terms mined; over the suite's questions, answered in-process
through ``QAService.ask`` as ``eval/runner.py`` does, the share of answers (not abstained) with
at least one hard word explained, and every hard word of those answers sorted three ways:
explained by a glossary item, already defined by a sentence the answer quotes, or with no
definition in the pages; and what explaining costs per answer (``Glossary.explain``, timed
again on each answer once the service is warm). With ``--sample N`` it writes a seeded random
sample of N mined entries as JSONL (term, definition, doc, kind) for judging by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from core.settings import load_settings
from eval.metrics import percentile
from eval.suite import load_suite
from index.glossary import GlossaryEntry
from index.maintain import ensure_index
from service.answer import Answer
from service.answering.glossary import hard, words
from service.qa import QAService

REPEATS = 20


@dataclass
class HardWords:
    explained: int = 0
    quoted: int = 0
    """Hard words the glossary defines, left out because the answer quotes a definition already."""
    undefined: int = 0

    @property
    def total(self) -> int:
        return self.explained + self.quoted + self.undefined


def count_hard_words(service: QAService, answer: Answer, into: HardWords) -> None:
    """Sort every hard word of the answer's sentences (main answer and parts)."""
    covered = {(o.part, o.sentence, o.start) for g in answer.glossary for o in g.occurs}
    lists = [(None, answer.answer)] + [(i, p.answer) for i, p in enumerate(answer.parts)]
    for part, sentences in lists:
        for i, sentence in enumerate(sentences):
            terms = list(service.glossary.terms(sentence))
            for start, end, word in words(sentence.text):
                if not hard(word):
                    continue
                term = next(((a, b) for a, b, _ in terms if a <= start and end <= b), None)
                if term is None:
                    into.undefined += 1
                elif (part, i, term[0]) in covered:
                    into.explained += 1
                else:
                    into.quoted += 1


def explain_ms(service: QAService, answer: Answer) -> float:
    """Milliseconds ``Glossary.explain`` takes on this answer (mean of ``REPEATS`` runs)."""
    bare = replace(answer, glossary=())
    started = time.perf_counter()
    for _ in range(REPEATS):
        service.glossary.explain(bare)
    return (time.perf_counter() - started) * 1000 / REPEATS


def open_service(corpus: Path) -> QAService:
    """The service over ``corpus`` as ``eval/runner.py`` opens it (index built if needed)."""
    settings = load_settings(corpus=corpus)
    ensure_index(settings)
    return QAService.open(settings)


def glossary_report(service: QAService, suite: Path) -> dict[str, Any]:
    started = time.perf_counter()
    type(service.glossary)(service.index)  # what building the look-up adds to start-up
    build_ms = (time.perf_counter() - started) * 1000
    entries = service.index.glossary
    answers = [service.ask(q.question) for q in load_suite(suite).questions]
    answered = [a for a in answers if a.answer and not a.abstained]
    hard_words = HardWords()
    for answer in answered:
        count_hard_words(service, answer, hard_words)
    costs = [explain_ms(service, a) for a in answered]
    items = [len(a.glossary) for a in answered]
    return {
        "corpus": str(service.settings.corpus),
        "suite": str(suite),
        "entries": len(entries),
        "distinct_terms": len({e.key for e in entries}),
        "by_kind": {k: sum(e.kind == k for e in entries) for k in sorted({e.kind for e in entries})},
        "questions": len(answers),
        "answered": len(answered),
        "answers_with_explained_word": _share(sum(n > 0 for n in items), len(answered)),
        "items_per_answer": {
            "mean": _round(statistics.mean(items)) if items else None,
            "max": max(items, default=0),
        },
        "hard_words": hard_words.total,
        "hard_words_explained": _share(hard_words.explained, hard_words.total),
        "hard_words_defined_by_the_answer": _share(hard_words.quoted, hard_words.total),
        "hard_words_without_definition": _share(hard_words.undefined, hard_words.total),
        "explain_ms": {
            "median": _round(percentile(costs, 0.5)) if costs else None,
            "p95": _round(percentile(costs, 0.95)) if costs else None,
            "max": _round(max(costs, default=0.0)),
        },
        "lookup_build_ms": _round(build_ms),
    }


def write_sample(entries: tuple[GlossaryEntry, ...], n: int, seed: int, out: Path) -> None:
    """``n`` mined entries drawn at random with ``seed``, one JSON object a line, for judging."""
    chosen = random.Random(seed).sample(list(entries), min(n, len(entries)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as lines:
        for e in chosen:
            row = {"term": e.term, "definition": e.definition, "doc": e.doc, "kind": e.kind}
            lines.write(json.dumps(row, ensure_ascii=False) + "\n")


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _round(value: float) -> float:
    return round(value, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--suite", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=0, help="Write this many mined entries at random.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="Where the sample goes (JSONL).")
    args = parser.parse_args(argv)
    if args.sample and args.out is None:
        parser.error("--sample needs --out")
    service = open_service(args.corpus)
    print(json.dumps(glossary_report(service, args.suite), indent=2))
    if args.sample:
        write_sample(service.index.glossary, args.sample, args.seed, args.out)
        print(f"sample: {args.sample} entries (seed {args.seed}) -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
