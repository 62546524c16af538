"""Rerank retrieved sections by what the question is about and what kind of answer it wants.

``Reranker(documents)`` learns each page's *focus terms* from its title (and front-matter cancer
types): "Childhood Hodgkin Lymphoma Treatment" -> {childhood, hodgkin, lymphoma}. ``rerank``
adds to each section's retrieval score:

- a **focus** score: the share of the page's focus terms the question names, minus half the share
  it leaves out, IDF-weighted over all titles. "signs of hodgkin lymphoma in kids" fits the
  childhood Hodgkin page better than the childhood non-Hodgkin one ("non" is left out), and a
  question that says nothing of children, men or pregnancy does not fit the pages about them;
- a **type** bonus when the section heading offers the answer type asked for ("Prognosis of ..."
  for "what are her chances"), larger for specific types than for the broad "treatment" and
  "what is";
- for patients, a small **audience** penalty on health-professional pages.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from index.lexical import stem, terms
from index.search import Hit
from ingest.model import Document
from service.understanding.terms import offered

FOCUS_WEIGHT = 0.07
TYPE_BONUS = 0.12
BROAD_TYPES = {"treatment": 0.5, "definition": 0.5}
PROFESSIONAL_PENALTY = 0.03
BOTH_RISK_AND_PREVENTION = 0.25
"""A prevention section lists what raises the risk as well as what lowers it: a question that asks
for both ("what raises the risk, and what lowers it?") prefers it to the risk-factor section."""
CHILDHOOD_PENALTY = 0.05
"""Lost by a childhood page when the question says the person is an adult ("(adult)", added by
message understanding)."""
# Title words that name the kind of page, not what it is about.
_GENERIC = set(
    terms(
        "cancer cancers treatment treatments pdq patient version health professional overview "
        "screening prevention tumor tumors disease other including general information about "
        "type types what questions answers guide"
    )
)
_CHILD = set(
    terms(
        "child children childhood kid kids pediatric paediatric juvenile infant baby toddler teen "
        "teenager son daughter grandson granddaughter"
    )
)
_ADULT = stem("adult")


class Reranker:
    def __init__(self, documents: Iterable[Document]) -> None:
        docs = list(documents)
        self.professional = frozenset(d.id for d in docs if d.meta.audience == "professional")
        self.focus: dict[str, frozenset[str]] = {}
        for doc in docs:
            words = terms(doc.title) + [t for c in doc.meta.cancer_types for t in terms(c)]
            self.focus[doc.id] = frozenset(t for t in words if t not in _GENERIC)
        df = Counter(t for f in self.focus.values() for t in f)
        n = max(1, len(self.focus))
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}

    def focus_score(self, doc_id: str, question_terms: set[str]) -> float:
        focus = self.focus.get(doc_id, frozenset())
        if not focus:
            return 0.0
        asks_child = bool(question_terms & _CHILD)
        matched = missed = 0.0
        for term in focus:
            weight = self.idf[term]
            implied = term == _ADULT and not asks_child or term in _CHILD and asks_child
            if term in question_terms or implied:
                matched += weight
            else:
                missed += weight
        return (matched - 0.5 * missed) / (matched + missed)

    def rerank(self, hits: list[Hit], question: str, wanted: set[str], patient: bool = True) -> list[Hit]:
        if not hits:
            return hits
        question_terms = set(terms(question))
        focus = {doc: self.focus_score(doc, question_terms) for doc in {h.doc for h in hits}}
        adult = _ADULT in question_terms and not question_terms & _CHILD
        rescored = []
        for hit in hits:
            bonus = FOCUS_WEIGHT * focus[hit.doc] + TYPE_BONUS * _type_match(wanted, hit.heading)
            if adult and self.focus.get(hit.doc, frozenset()) & _CHILD:
                bonus -= CHILDHOOD_PENALTY
            if patient and hit.doc in self.professional:
                bonus -= PROFESSIONAL_PENALTY
            rescored.append(replace(hit, score=hit.score + bonus))
        return sorted(rescored, key=lambda h: -h.score)


def _type_match(wanted: set[str], heading: str) -> float:
    found = wanted & offered(heading)
    best = max((BROAD_TYPES.get(t, 1.0) for t in found), default=0.0)
    if "prevention" in found and "risk" in wanted:
        best += BOTH_RISK_AND_PREVENTION
    return best
