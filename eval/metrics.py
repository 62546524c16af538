"""Per-question scores and their aggregation.

Retrieval metrics come from trec_eval (pytrec_eval) at section level (``doc::section``) and
document level; answer metrics score what the person sees: the quoted sentences.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

RETRIEVAL = {
    "P@1": "P_1",  # the top section is a right one (Recall@1 is capped at 1/n with n gold sections)
    "Recall@1": "recall_1",
    "Recall@5": "recall_5",
    "Recall@10": "recall_10",
    "MRR@10": "recip_rank",
    "nDCG@10": "ndcg_cut_10",
}
_NON_WORD = re.compile(r"[^a-z0-9]+")


def retrieval_scores(
    qrels: dict[str, dict[str, int]], rankings: dict[str, list[str]]
) -> dict[str, dict[str, float]]:
    """{qid: {"Recall@5": ...}} for every qid in qrels; rankings are cut at 10."""
    import pytrec_eval

    run = {
        qid: {key: 1.0 / (rank + 1) for rank, key in enumerate(dict.fromkeys(ranked[:10]))}
        for qid, ranked in rankings.items()
        if qid in qrels
    }
    for qid in qrels:
        run.setdefault(qid, {})
    evaluator = pytrec_eval.RelevanceEvaluator(qrels, set(RETRIEVAL.values()))
    raw = evaluator.evaluate({q: r if r else {"<none>": 0.0} for q, r in run.items()})
    return {qid: {name: float(raw[qid][m]) for name, m in RETRIEVAL.items()} for qid in raw}


def normalise(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def contains(haystack: str, needle: str) -> bool:
    return normalise(needle) in normalise(haystack)


@lru_cache(maxsize=1)
def _rouge() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)


def rouge_l_recall(gold: str, answer: str) -> float:
    if not gold.strip() or not answer.strip():
        return 0.0
    return float(_rouge().score(gold, answer)["rougeL"].recall)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def mean(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None and not math.isnan(v)]
    return statistics.fmean(kept) if kept else None


def aggregate(records: list[dict[str, Any]], fields: Iterable[str]) -> dict[str, float | None]:
    return {f: mean(r.get(f) for r in records) for f in fields}
