"""Choose the sentences of an extractive answer.

Candidates are the sentences of the top-ranked sections. Each is scored by its own similarity to
the question blended with its section's retrieval score, less a reading-level penalty for
sentences above grade 8 (among sentences of similar relevance the simpler one wins); the best are
kept while they stay close to the top score, near-duplicates are dropped, a list's lead-in brings
its items, and a sentence that opens with "This"/"These"/"It" brings the sentence before it. The
result is ordered by section rank, then by position in the document, so it reads in the source's
own order, except that the sentence that answers most directly leads.

Relevance is more than similarity: a sentence that names the question's *specific* words (those
the page's title does not already name: "IIA", "benzene", "finasteride") and one that offers the
kind of answer asked for (a cause for a causes question, whether it goes away for "will it go
away") scores higher. A list or a section cut to fit is flagged (``Composition.cut``) so the reply
can say that the full section has more; for questions about symptoms or side effects a "call
your doctor if..." sentence of the chosen section is kept even past the word budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from index.lexical import terms
from index.search import Hit
from index.store import StoredIndex
from service.readability import sentence_grade
from service.understanding.terms import offered, question_topics

_ANAPHOR = re.compile(r"^(This|These|That|Those|It|They|Such|Both|Each|Also|However|But)\b")
_MAX_SECTIONS = 3
_SECTION_WINDOW = 0.0
_SCORE_WINDOW = 0.25
_DUPLICATE = 0.92
_MAX_ITEMS = 8
_MAX_ENTRIES = 14
_MAX_PARAGRAPH_ENTRIES = 3
TARGET_GRADE = 8.0
READING_WEIGHT = 0.065  # score lost per grade above the target
SPECIFIC_WEIGHT = 0.06  # score gained by naming all of the question's specific words
TYPE_WEIGHT = 0.02  # score gained by offering the kind of answer asked for
LIST_EXTRA_WORDS = 80  # a list may run past the word budget rather than be cut
_CARE_TEAM = re.compile(
    r"\b(?:call|tell|contact|talk (?:to|with)|check with|see) (?:your|the|a) (?:\w+ )?"
    r"(?:doctor|care team|health care provider|nurse)\b",
    re.IGNORECASE,
)
_CARE_TYPES = {"symptoms", "side effects"}
_COMMON = frozenset(
    terms(
        "cancer cancers tumor tumors treatment treat treated patient patients people person disease "
        "doctor doctors know tell usual usually normal mean means type types kind kinds thing things "
        "can may might will would could should also get getting much many long often need"
    )
)


@dataclass(frozen=True)
class Composition:
    picks: list[Pick]
    cut: bool
    """True when a list or the chosen section goes on past what the answer shows."""


@dataclass(frozen=True)
class Pick:
    doc: str
    sentence: int
    list_item: bool
    rank: int


def _words(text: str) -> int:
    return len(text.split())


def compose(
    question_vector: np.ndarray,
    hits: list[Hit],
    index: StoredIndex,
    max_sentences: int = 6,
    max_words: int = 120,
    question: str = "",
) -> Composition:
    if not hits:
        return Composition([], False)
    wanted = question_topics(question) - {"definition"} if question else set()
    title = set(terms(index.documents[hits[0].doc].title))
    specific = set(terms(question)) - title - _COMMON
    top = hits[0].score
    # Never stitch pages together: extra sections only from the top page, and only when close.
    sections = [h for h in hits[:_MAX_SECTIONS] if h.score >= top - _SECTION_WINDOW and h.doc == hits[0].doc]
    candidates: list[tuple[float, int, str, int]] = []
    for rank, hit in enumerate(sections):
        doc = index.documents[hit.doc]
        rows = index.sentence_rows(hit.doc)
        sims = index.sentence_vectors[rows] @ question_vector
        for i, sentence in enumerate(doc.sentences):
            text = doc.text[sentence.start : sentence.end]
            if sentence.section == hit.section and not _fragment(text, sentence.item):
                grade = sentence_grade(text)
                score = 0.55 * float(sims[i]) + 0.45 * hit.score
                score -= READING_WEIGHT * max(0.0, grade - TARGET_GRADE)
                if specific:
                    score += SPECIFIC_WEIGHT * len(specific.intersection(terms(text))) / len(specific)
                if wanted & offered(text):
                    score += TYPE_WEIGHT
                candidates.append((score, rank, hit.doc, i))
    if not candidates:
        return Composition([], False)
    candidates.sort(key=lambda c: -c[0])
    best = candidates[0][0]
    units: list[tuple[int, list[tuple[int, bool]], str]] = []
    taken: set[tuple[str, int]] = set()
    vectors: list[np.ndarray] = []
    words = 0
    cut = False
    for score, rank, doc_id, i in candidates:
        if len(units) >= max_sentences or (len(units) >= 2 and score < best - _SCORE_WINDOW):
            break
        if (doc_id, i) in taken:
            continue
        vector = index.sentence_vector(doc_id, i)
        if any(float(vector @ v) > _DUPLICATE for v in vectors):
            continue
        whole = [(j, item) for j, item in _unit(index, doc_id, i) if (doc_id, j) not in taken]
        budget = max_words - words + (LIST_EXTRA_WORDS if _is_list(index, doc_id, whole) else 0)
        group = _fit(index, doc_id, whole, budget) or ([] if units else whole)
        if not group:
            continue
        cut = cut or len(group) < len(whole)
        size = sum(_words(_sentence_text(index, doc_id, j)) for j, _ in group)
        units.append((rank, group, doc_id))
        taken.update((doc_id, j) for j, _ in group)
        vectors.append(vector)
        words += size
    # Keep the answer readable: drop the weakest units (chosen last) past the entry cap.
    while len(units) > 1 and sum(len(g) for _, g, _ in units) > _MAX_ENTRIES:
        units.pop()
    cut = cut or any(len(g) > _MAX_ENTRIES for _, g, _ in units)
    if wanted & _CARE_TYPES:
        units.extend(_care_team_unit(index, sections[0], taken))
    lead = [Pick(d, j, item, rank) for rank, group, d in units[:1] for j, item in group[:_MAX_ENTRIES]]
    rest = [Pick(d, j, item, rank) for rank, group, d in units[1:] for j, item in group[:_MAX_ENTRIES]]
    ordered = lead + sorted(rest, key=lambda p: (p.rank, p.sentence))
    shown = {p.sentence for p in ordered if p.doc == sections[0].doc}
    section = [
        j
        for j, s in enumerate(index.documents[sections[0].doc].sentences)
        if s.section == sections[0].section
    ]
    missed_list = any(
        index.documents[sections[0].doc].sentences[j].item and j not in shown for j in section
    ) and any(index.documents[sections[0].doc].sentences[j].item for j in shown)
    return Composition(ordered, cut or missed_list)


def _care_team_unit(
    index: StoredIndex, hit: Hit, taken: set[tuple[str, int]]
) -> list[tuple[int, list[tuple[int, bool]], str]]:
    """The top section's first "call your doctor if..." sentence, when the answer lacks one."""
    doc = index.documents[hit.doc]
    for j, s in enumerate(doc.sentences):
        if s.section != hit.section or not _CARE_TEAM.search(doc.text[s.start : s.end]):
            continue
        if (hit.doc, j) in taken:
            return []
        group = [(k, item) for k, item in _unit(index, hit.doc, j) if (hit.doc, k) not in taken]
        return [(0, group, hit.doc)] if group else []
    return []


def _fit(
    index: StoredIndex, doc_id: str, group: list[tuple[int, bool]], budget: int
) -> list[tuple[int, bool]]:
    """The unit within ``budget`` words. A long list keeps its lead-in and the items that fit
    (at least two, or it is not worth showing); any other unit fits whole or not at all."""
    sizes = [_words(_sentence_text(index, doc_id, j)) for j, _ in group]
    if sum(sizes) <= budget:
        return group
    if not _is_list(index, doc_id, group):
        return []
    kept, used = group[:1], sizes[0]
    for member, size in zip(group[1:], sizes[1:], strict=True):
        if used + size > budget:
            break
        kept.append(member)
        used += size
    return kept if len(kept) >= 3 else []


def _is_list(index: StoredIndex, doc_id: str, group: list[tuple[int, bool]]) -> bool:
    return len(group) > 2 and _sentence_text(index, doc_id, group[0][0]).rstrip().endswith(":")


def _sentence_text(index: StoredIndex, doc_id: str, i: int) -> str:
    doc = index.documents[doc_id]
    s = doc.sentences[i]
    return doc.text[s.start : s.end]


def _unit(index: StoredIndex, doc_id: str, i: int) -> list[tuple[int, bool]]:
    """The sentence plus what it cannot stand without: a list's lead-in and items, or an antecedent."""
    sentences = index.documents[doc_id].sentences
    section = sentences[i].section

    def same(j: int) -> bool:
        return 0 <= j < len(sentences) and sentences[j].section == section

    def text(j: int) -> str:
        return _sentence_text(index, doc_id, j).rstrip()

    start = i
    if sentences[i].item:
        lead = i
        while same(lead - 1) and sentences[lead - 1].item:
            lead -= 1
        if not (same(lead - 1) and text(lead - 1).endswith(":")):
            return [(i, True)]
        start = lead - 1
    elif same(i - 1) and text(i - 1).endswith(":"):
        start = i - 1  # the first entry of a list written as paragraphs: its lead-in comes first
    elif _ANAPHOR.match(text(i)) and same(i - 1):
        return [(i - 1, sentences[i - 1].item), (i, False)]
    group = [(start, sentences[start].item)]
    if text(start).endswith(":"):
        # Bullets follow, or (in some converted pages) plain paragraphs: take a few of those.
        bullets = same(start + 1) and sentences[start + 1].item
        limit = _MAX_ITEMS if bullets else _MAX_PARAGRAPH_ENTRIES
        j = start + 1
        while same(j) and len(group) <= limit and sentences[j].item == bullets:
            if _fragment(text(j), bullets):
                break
            group.append((j, bullets))
            j += 1
        if len(group) == 1:
            return []  # a lead-in with nothing after it says nothing
    return group


def _fragment(text: str, item: bool) -> bool:
    """A heading-like line inside a section ("Signs of a functioning tumor"): not a sentence."""
    return not item and text.rstrip()[-1:] not in (".", "!", "?", ":", ")")
