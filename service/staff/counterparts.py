"""Patient and health-professional pages on the same topic ("counterparts"), from front matter.

A patient page (``audienceLevel: patient``) and a health-professional page (``professional``) are
counterparts when all of these hold:

1. **cancer**: they share a cancer type (``cancerTypes``) other than ``general``; two pages with
   no specific type pair only when their titles are the same words (rule 5a);
2. **people**: their titles name the same group of people (childhood, male, pregnancy, ...; an
   adult page counts as unmarked), so a childhood page never pairs with an adult one;
3. **kind**: when both titles name a kind of information (treatment, prevention, screening,
   risk, ...), they share one: "Liver Cancer Prevention" does not pair with "Liver Cancer
   Screening";
4. the titles are compared once the audience marks are stripped ("(PDQ®)", "Patient Version",
   "Health Professional Version", "for Health Professionals", "HP", ...) and generic words dropped
   ("cancer", "carcinoma", "overview", "summary", "questions and answers", ...); words are
   Snowball-stemmed, and "Non-" stays joined to its word ("Non-Hodgkin" is not "Hodgkin");
5. **topic**: (a) the titles are then the same words (NCI's two versions of one PDQ summary), or
   (b) they share a *topic word*: one that is not a cancer-type, kind or people word ("HER2"), or
   (c) one page is its cancer's overview: its title has cancer-type words only ("Liver Cancer: An
   Overview" for "Hepatocellular Carcinoma: Management Summary", both ``liver``);
6. **best**: the pair is, for at least one of the two pages, its closest match among the pages
   that pass 1-5 (Jaccard of the title words): "Small Cell Lung Cancer" does not pair with
   "Non-Small Cell Lung Cancer" when its own other version is in the corpus.

``Counterparts(documents)`` is built once per index version (in ``QAService``); ``of(doc)`` names
a page's counterparts. Staff search offers, beside each result, the counterpart pages' section
that best matches the query (``service/staff/search.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index.lexical import terms
from ingest.model import Chunk, Document

PATIENT, PROFESSIONAL = "patient", "professional"
NOT_A_TYPE = frozenset({"general", "other", "unknown", ""})
_MARKS = re.compile(
    r"\(pdq®?\)|\bpdq®?|®|[-–—:]?\s*\b(?:patient|health\s+professional|professional)\s+version\b"
    r"|\bhealth\s+professional\s+information\b|\bfor\s+(?:health\s+)?professionals\b|\bfor\s+patients\b"
    r"|\bhp\b|[-–—]\s*nci$",
    re.IGNORECASE,
)
_NON = re.compile(r"\bnon-(?=\w)", re.IGNORECASE)
_GENERIC = frozenset(
    terms(
        "cancer cancers carcinoma carcinomas tumor tumors neoplasm neoplasms disease malignancy "
        "overview basics summary clinical information guide version health professional patient "
        "questions answers q a nci adult adults primary about the an and of for with in to what is "
        "cell cells type types"
    )
)
_KINDS = {
    **dict.fromkeys(terms("treatment treated therapy therapies drug drugs management"), "treatment"),
    **dict.fromkeys(terms("prevention preventing prevent"), "prevention"),
    **dict.fromkeys(terms("screening screenings"), "screening"),
    **dict.fromkeys(terms("risk risks causes"), "risk"),
    **dict.fromkeys(terms("genetics genetic hereditary"), "genetics"),
    **dict.fromkeys(terms("supportive palliative"), "supportive"),
}
_PEOPLE = {
    **dict.fromkeys(terms("childhood child children pediatric paediatric kids teens adolescents"), "child"),
    **dict.fromkeys(terms("male men"), "male"),
    **dict.fromkeys(terms("pregnancy pregnant"), "pregnancy"),
    **dict.fromkeys(terms("elderly older"), "older"),
}


@dataclass(frozen=True)
class TitleWords:
    """What a page's title says, as the rule compares it."""

    words: frozenset[str]
    """Stemmed title words, audience marks and generic words left out."""
    types: frozenset[str]
    """The page's specific cancer types (front matter), and their words."""
    kinds: frozenset[str]
    people: frozenset[str]

    @property
    def topic(self) -> frozenset[str]:
        """Words that name the topic: not a cancer-type, kind or people word."""
        named = self.types | _KINDS.keys() | _PEOPLE.keys()
        return frozenset(w for w in self.words if w not in named)

    @property
    def overview(self) -> bool:
        """The title names its cancer types and nothing else ("Liver Cancer: An Overview")."""
        return bool(self.words) and self.words <= self.types


def title_words(title: str, cancer_types: Iterable[str]) -> TitleWords:
    plain = _NON.sub("non", _MARKS.sub(" ", title))
    words = frozenset(w for w in terms(plain) if w not in _GENERIC and not w.isdigit())
    specific = [t for t in cancer_types if t.strip().lower() not in NOT_A_TYPE]
    types = frozenset(specific) | frozenset(w for t in specific for w in terms(t))
    kinds = frozenset(_KINDS[w] for w in words if w in _KINDS)
    return TitleWords(words, types, kinds, frozenset(_PEOPLE[w] for w in words if w in _PEOPLE))


def matches(a: TitleWords, b: TitleWords) -> bool:
    """Rules 1-5 for two pages of different audiences."""
    if a.people != b.people:
        return False
    if a.kinds and b.kinds and not a.kinds & b.kinds:
        return False
    if not a.types and not b.types:
        return bool(a.words) and a.words == b.words
    if not a.types & b.types:
        return False
    return a.words == b.words or bool(a.topic & b.topic) or a.overview or b.overview


def similarity(a: TitleWords, b: TitleWords) -> float:
    union = a.words | b.words
    return len(a.words & b.words) / len(union) if union else 1.0


def pairs(documents: Iterable[Document]) -> set[tuple[str, str]]:
    """Every counterpart pair as (patient page, professional page). Only pages that share a
    cancer type, or have none and the same title words, are compared (a large corpus stays quick)."""
    docs = [d for d in documents if d.meta.audience in (PATIENT, PROFESSIONAL)]
    words = {d.id: title_words(d.title, d.meta.cancer_types) for d in docs}
    by_key: dict[object, list[str]] = {}  # professional pages by cancer type, or by title without one
    for d in docs:
        if d.meta.audience == PROFESSIONAL:
            w = words[d.id]
            for key in w.types or {w.words}:
                by_key.setdefault(key, []).append(d.id)
    candidates: dict[tuple[str, str], float] = {}
    for p in (d.id for d in docs if d.meta.audience == PATIENT):
        for h in {h for key in words[p].types or {words[p].words} for h in by_key.get(key, ())}:
            if matches(words[p], words[h]):
                candidates[(p, h)] = similarity(words[p], words[h])
    best: dict[str, float] = {}
    for (p, h), score in candidates.items():
        best[p] = max(best.get(p, 0.0), score)
        best[h] = max(best.get(h, 0.0), score)
    return {(p, h) for (p, h), score in candidates.items() if score in (best[p], best[h])}


class Counterparts:
    """The counterpart pages of each page, and the chunk rows of each page (to score their sections)."""

    def __init__(self, documents: Iterable[Document], chunks: Iterable[Chunk] = ()) -> None:
        self.pairs = frozenset(pairs(documents))
        partners: dict[str, set[str]] = {}
        for p, h in self.pairs:
            partners.setdefault(p, set()).add(h)
            partners.setdefault(h, set()).add(p)
        self._partners = {doc: tuple(sorted(found)) for doc, found in partners.items()}
        self.rows: dict[str, list[int]] = {}
        for i, chunk in enumerate(chunks):
            self.rows.setdefault(chunk.doc, []).append(i)

    def of(self, doc_id: str) -> tuple[str, ...]:
        """The page's counterparts (other audience, same topic), by document id."""
        return self._partners.get(doc_id, ())
