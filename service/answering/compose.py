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

from index.lexical import stem, terms
from index.search import Hit
from index.store import StoredIndex
from service.answer import AnswerSentence, Citation
from service.answering.readability import sentence_grade
from service.answering.units import NO_LIMIT, Group, fit, fragment, is_list, sentence_text, unit, word_count
from service.understanding.terms import offered, question_topics

_MAX_SECTIONS = 3
_SECTION_WINDOW = 0.0
_SCORE_WINDOW = 0.35
_DUPLICATE = 0.92
_MAX_ENTRIES = 18
TARGET_GRADE = 8.0
READING_WEIGHT = 0.065  # score lost per grade above the target
GRADE_CAP = 8.0  # grades above target + cap lose no more (a one-word item's grade means little)
SPECIFIC_WEIGHT = 0.06  # score gained by naming all of the question's specific words
TYPE_WEIGHT = 0.02  # score gained by offering the kind of answer asked for
BOILERPLATE_WEIGHT = 0.05  # score lost by a sentence many pages repeat word for word
DEFINES_WEIGHT = 0.04  # score gained by "X is/are ..." for a "what is X" question
CUE_WEIGHT = 0.1  # score gained by naming the message's own rare words ("Mohs", "radon", "tamoxifen")
CUE_SHARE = 0.25  # a cue counts only where it is rare in the section (at most this share of its sentences)
CUE_WORDS = 1  # cue words that earn the whole weight
QUESTION_CUE_WEIGHT = 0.05  # the same for the question's own words named rarely ("4S", "thermography")
LIST_EXTRA_WORDS = 80  # a list may run past the word budget rather than be cut
_CARE_TEAM = re.compile(
    r"\b(?:call|tell|contact|talk (?:to|with)|check with|see) (?:your|the|a) (?:\w+ )?"
    r"(?:doctor|care team|health care provider|nurse)\b",
    re.IGNORECASE,
)
_CARE_TYPES = {"symptoms", "side effects"}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{5,}")
_CROSS_REFERENCE = re.compile(
    r"^\(?(?:see|for (?:more )?information(?: (?:about|on) [^,]+)?,? see) "
    r"(?:the )?(?:following )?(?:pdq )?summar(?:y|ies)\b",
    re.IGNORECASE,
)
"""'(See the PDQ summary on Testicular Cancer Treatment for more information.)': a pointer to a
page, which says nothing to the reader of a quoted answer (the citation links the page)."""
_COPULA = re.compile(r"^((?:[\w(),-]+ ){1,5}?)(?:is|are) (?!not\b|no\b|\w+ed\b)", re.IGNORECASE)
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


def compose(
    question_vector: np.ndarray,
    hits: list[Hit],
    index: StoredIndex,
    max_sentences: int = 6,
    max_words: int = 150,
    question: str = "",
    boilerplate: frozenset[tuple[str, int]] = frozenset(),
    list_extra_words: int = LIST_EXTRA_WORDS,
    cues: str = "",
    exclude: frozenset[tuple[str, int]] = frozenset(),
) -> Composition:
    """``cues`` is the rest of the message (its history and other questions): a word of it that the
    section names in only a few sentences ("my dermatologist mentioned Mohs") marks the sentences
    the writer is after. ``exclude``: sentences (page, position) already quoted above, never chosen
    again (a second question answered from the same section)."""
    if not hits:
        return Composition([], False)
    wanted = question_topics(question) - {"definition"} if question else set()
    title = set(terms(index.documents[hits[0].doc].title))
    specific = set(terms(question)) - title - _COMMON
    known = title | set(terms(question))  # words the reader asked about: not counted as hard
    defining = "definition" in question_topics(question) if question else False
    top = hits[0].score
    # Never stitch pages together: extra sections only from the top page, and only when close.
    sections = [h for h in hits[:_MAX_SECTIONS] if h.score >= top - _SECTION_WINDOW and h.doc == hits[0].doc]
    cue_terms = set(terms(cues)) - title - _COMMON - specific
    known |= cue_terms  # "temozolomide" is no harder to the reader who wrote it
    candidates: list[tuple[float, int, str, int]] = []
    for rank, hit in enumerate(sections):
        doc = index.documents[hit.doc]
        rows = index.section_rows(hit.doc, hit.section)
        first = rows.start - index.sentence_offsets[hit.doc]  # the section's first sentence
        sims = index.sentence_vectors[rows].astype(np.float32) @ question_vector
        scarce = _rare_cues(index, hit, cue_terms | specific)  # one pass over the section
        rare, named = scarce & cue_terms, (scarce & specific if QUESTION_CUE_WEIGHT else frozenset())
        for i in range(first, first + len(sims)):
            sentence = doc.sentences[i]
            text = doc.text[sentence.start : sentence.end]
            quotable = not fragment(text, sentence.item) and not _CROSS_REFERENCE.match(text)
            if (hit.doc, i) not in exclude and quotable:
                grade = _grade(text, known)
                score = 0.55 * float(sims[i - first]) + 0.45 * hit.score
                score -= READING_WEIGHT * min(max(0.0, grade - TARGET_GRADE), GRADE_CAP)
                stems = set(terms(text)) if specific or rare else set()
                if named:
                    score += QUESTION_CUE_WEIGHT * min(1.0, len(named & stems) / CUE_WORDS)
                if specific:
                    score += SPECIFIC_WEIGHT * len(specific & stems) / len(specific)
                if rare:
                    score += CUE_WEIGHT * min(1.0, len(rare & stems) / CUE_WORDS)
                if wanted & offered(text):
                    score += TYPE_WEIGHT
                if defining and _defines(text, title):
                    score += DEFINES_WEIGHT
                if (hit.doc, i) in boilerplate:
                    score -= BOILERPLATE_WEIGHT
                candidates.append((score, rank, hit.doc, i))
    if not candidates:
        return Composition([], False)
    candidates.sort(key=lambda c: -c[0])
    best = candidates[0][0]
    scores = {(doc_id, i): score for score, _, doc_id, i in candidates}
    units: list[tuple[int, Group, str]] = []
    taken: set[tuple[str, int]] = set()
    said: set[str] = set()
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
        if _said(index, doc_id, i) in said:
            continue  # a page that repeats itself (a "Key Points" list, then the text)
        whole = [
            (j, item)
            for j, item in unit(index, doc_id, i)
            if (doc_id, j) not in taken and _said(index, doc_id, j) not in said
        ]
        budget = max_words - words + (list_extra_words if is_list(index, doc_id, whole) else 0)
        group = fit(index, doc_id, whole, budget, i, scores) or (
            [] if units else fit(index, doc_id, whole, NO_LIMIT, i, scores)
        )
        if not group:
            continue
        cut = cut or len(group) < len(whole)
        size = sum(word_count(sentence_text(index, doc_id, j)) for j, _ in group)
        units.append((rank, group, doc_id))
        taken.update((doc_id, j) for j, _ in group)
        said.update(_said(index, doc_id, j) for j, _ in group)
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


def quote(
    index: StoredIndex, picks: list[Pick], first: int = 1
) -> tuple[tuple[AnswerSentence, ...], tuple[Citation, ...], str | None]:
    """The picks as quoted sentences, their citations (numbered from ``first``) and the link to
    the section the answer starts in."""
    sentences, citations = [], []
    for n, pick in enumerate(picks, start=first):
        doc = index.documents[pick.doc]
        s = doc.sentences[pick.sentence]
        text = doc.text[s.start : s.end]
        citations.append(
            Citation(
                n=n,
                doc=doc.id,
                title=doc.title,
                section=doc.sections[s.section].heading,
                url=doc.meta.url,
                start=s.start,
                end=s.end,
                quote=text,
                last_reviewed=doc.meta.last_reviewed,
                source=doc.meta.source,
            )
        )
        sentences.append(AnswerSentence(text, n, pick.list_item))
    if not picks:
        return (), (), None
    lead = index.documents[picks[0].doc]
    section = lead.sentences[picks[0].sentence].section
    return tuple(sentences), tuple(citations), f"/doc/{lead.id}#sec-{section}"


def boilerplate_sentences(index: StoredIndex, share: float = 0.05) -> frozenset[tuple[str, int]]:
    """Sentences repeated word for word on many pages ("Clinical trials are part of the cancer
    research process."): true everywhere, so they rarely answer a question about one page."""
    texts = {
        (doc_id, i): _said(index, doc_id, i)
        for doc_id, doc in index.documents.items()
        for i in range(len(doc.sentences))
    }
    pages: dict[str, set[str]] = {}
    for (doc_id, _), text in texts.items():
        pages.setdefault(text, set()).add(doc_id)
    floor = max(3, int(share * len(index.documents)))
    return frozenset(key for key, text in texts.items() if len(pages[text]) >= floor)


def _rare_cues(index: StoredIndex, hit: Hit, cues: set[str]) -> frozenset[str]:
    """The cue words the section names, but in few of its sentences: they pick sentences out."""
    if not cues:
        return frozenset()
    doc = index.documents[hit.doc]
    found = [
        cues.intersection(terms(doc.text[s.start : s.end])) for s in doc.sentences if s.section == hit.section
    ]
    limit = max(2.0, CUE_SHARE * len(found))
    counts: dict[str, int] = {}
    for words in found:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, n in counts.items() if n <= limit)


def _said(index: StoredIndex, doc_id: str, i: int) -> str:
    return " ".join(sentence_text(index, doc_id, i).lower().split())


def _grade(text: str, known: set[str]) -> float:
    """Reading grade, with the long words the reader already used or asked about made plain:
    "craniopharyngioma" is no harder to a parent who asked what a craniopharyngioma is."""
    plain = _WORD.sub(lambda m: "person" if stem(m.group(0).lower()) in known else m.group(0), text)
    return sentence_grade(plain)


def _defines(text: str, title: set[str]) -> bool:
    """ "Childhood craniopharyngiomas are benign brain tumors...": the page's subject, then is/are."""
    m = _COPULA.match(text)
    return m is not None and bool(title.intersection(terms(m.group(1))))


def _care_team_unit(
    index: StoredIndex, hit: Hit, taken: set[tuple[str, int]]
) -> list[tuple[int, Group, str]]:
    """The top section's first "call your doctor if..." sentence, when the answer lacks one."""
    doc = index.documents[hit.doc]
    for j, s in enumerate(doc.sentences):
        if s.section != hit.section or not _CARE_TEAM.search(doc.text[s.start : s.end]):
            continue
        if (hit.doc, j) in taken:
            return []
        group = [(k, item) for k, item in unit(index, hit.doc, j) if (hit.doc, k) not in taken]
        return [(0, group, hit.doc)] if group else []
    return []
