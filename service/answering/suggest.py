"""Suggestions a person can click to ask next.

``follow_ups`` offers, after an answer, up to three other sections of the same page that people
usually want next (treatment, side effects, outlook, clinical trials, ...). ``nearby_topics``
offers, when we abstain, up to three sections of different pages that the question came closest
to: topics we *can* answer. Each suggestion is a heading that, asked as a question, finds that
section; when the heading does not name the page's subject the short page title comes first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index.lexical import terms
from index.search import Hit
from ingest.model import Document
from service.understanding.terms import topics

MAX_SUGGESTIONS = 3
NEARBY_FLOOR = 0.35
_NEXT = (
    "treatment",
    "side effects",
    "outlook",
    "stages",
    "trials",
    "symptoms",
    "diagnosis",
    "risk",
    "prevention",
    "screening",
    "causes",
)
_BRACKETS = re.compile(r"\s*\([^()]*\)")
_PDQ = re.compile(r"\s*\(PDQ®?\)|\s*[–-]\s*(?:Patient|Health Professional) Version\s*$")


def short_title(title: str) -> str:
    return _PDQ.sub("", title).strip()


def _suggestion(doc: Document, heading: str) -> str:
    """The heading, in plain words: with the page's subject first when the heading does not name it
    ("Trastuzumab: heart checks during treatment", not "Heart checks during treatment
    (Trastuzumab (Herceptin))"): a brand name in brackets is left out."""
    title = _BRACKETS.sub("", short_title(doc.title)).strip() or short_title(doc.title)
    if heading == doc.title or set(terms(title)) & set(terms(heading)):
        return heading
    lowered = heading[:1].lower() + heading[1:] if heading[1:2].islower() else heading
    return f"{title}: {lowered}"


def follow_ups(doc: Document, answered: int) -> tuple[str, ...]:
    ranked: list[tuple[int, int]] = []
    for i, section in enumerate(doc.sections):
        offered = topics(section.heading)
        if i == answered or not offered:
            continue
        rank = min((_NEXT.index(t) for t in offered if t in _NEXT), default=len(_NEXT))
        ranked.append((rank, i))
    chosen = sorted(ranked)[:MAX_SUGGESTIONS]
    return tuple(_suggestion(doc, doc.sections[i].heading) for _, i in chosen)


def nearby_topics(hits: Sequence[Hit], documents: Mapping[str, Document]) -> tuple[str, ...]:
    out: list[str] = []
    seen: set[str] = set()
    for hit in hits:
        if hit.score < NEARBY_FLOOR or len(out) >= MAX_SUGGESTIONS:
            break
        if hit.doc in seen:
            continue
        seen.add(hit.doc)
        out.append(_suggestion(documents[hit.doc], hit.heading))
    return tuple(out)
