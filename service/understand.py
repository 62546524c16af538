"""Question understanding: what kind of answer is wanted, and which sections give it.

One keyword table serves both sides: ``topics(text)`` finds the answer types a question asks for
("how is it diagnosed" -> diagnosis) and the types a section heading offers ("Tests to Detect and
Diagnose ..." -> diagnosis). ``rerank`` adds a bonus to sections whose heading offers what the
question asks, and a small one to sections of the same page, so the right section comes *first*
among near-identical pages and sections. Lay words are mapped to the corpus's words first
("chemo" -> chemotherapy, "spread" -> metastasis).
"""

from __future__ import annotations

import re
from dataclasses import replace

from index.search import Hit

_TOPICS: dict[str, str] = {
    "outlook": r"outlook|prognos\w*|surviv\w*|life expectancy|chances? of (?:recovery|getting better|beating)|curable|odds|how long (?:do|will|can)|recovery",
    "diagnosis": r"diagnos\w*|detect\w*|tests?\b|testing|find (?:out|it)|biops\w+|scans?\b|exams?\b|check for|work-?up",
    "symptoms": r"symptoms?|symtoms?|signs?\b|warning signs|feel like|how (?:do|would) (?:i|you) know",
    "stages": r"stag(?:e|es|ing)\b|spread|metasta\w*|how advanced|grade",
    "treatment": r"treat\w*|therap(?:y|ies)\b|tx\b|cure[ds]?\b|options?\b",
    "side effects": r"side[- ]?effects?|side efects|adverse|toxicit\w*|\bae\b|complications?|late effects",
    "risk": r"risks?\b|who gets|at risk|more likely|chance of getting|susceptib\w*|hereditary|inherit\w*|genetic|runs? in (?:the )?famil\w*",
    "causes": r"causes?d?\b|why do\b|what makes|reason",
    "prevention": r"prevent\w*|avoid|lower (?:my|the|your) (?:risk|chance)|protect",
    "screening": r"screen\w*|mammogra\w*|pap (?:smear|test)|colonoscop\w*|early detection|check-?ups?",
    "trials": r"clinical trials?|trials?\b|research|studies|study\b|new treatments?|experimental",
    "definition": r"^what (?:is|are)\b|\bwhat does\b|\bmean(?:s|ing)?\b|\bdefin\w*|general information|about\b|overview",
}
_COMPILED = {name: re.compile(rf"\b(?:{pattern})", re.IGNORECASE) for name, pattern in _TOPICS.items()}

# Lay words to the words the corpus uses (our own map).
LAY_TERMS: dict[str, str] = {
    r"\bchemo\b": "chemotherapy chemo",
    r"\bradio\b|\brads\b": "radiation therapy",
    r"\bspread\b": "spread metastasis",
    r"\bmets\b": "metastasis",
    r"\bthe big c\b": "cancer",
    r"\bblood cancer\b": "leukemia lymphoma myeloma blood cancer",
    r"\bpap smear\b": "pap test cervical screening",
    r"\bboob\b|\bboobs\b": "breast",
    r"\bkids?\b|\bchildren\b|\bmy (?:son|daughter|child|toddler|baby)\b|\byear old\b|\byr old\b": "childhood children",
    r"\bbrca thing\b|\bbrca\b": "brca gene inherited risk",
    r"\bher2\+": "her2-positive",
    r"\btx\b": "treatment",
    r"\bca\b": "cancer",
    r"\bdx\b": "diagnosis",
    r"\bsx\b": "symptoms",
    r"\bmole\b": "mole skin melanoma",
    r"\bsun ?burns?\b": "sunburn sun exposure",
    r"\bsurvival rate\b|\bsurvival\b": "survival prognosis outlook",
    r"\bodds\b": "prognosis chance of recovery",
    r"\bprostrate\b": "prostate",
    r"\bleukimia\b|\bleukemea\b": "leukemia",
    r"\bmelenoma\b|\bmelanomia\b": "melanoma",
    r"\bsymtoms?\b|\bsympto?ms?\b": "symptoms",
    r"\bside efects?\b": "side effects",
}
_LAY = [(re.compile(p, re.IGNORECASE), r) for p, r in LAY_TERMS.items()]

QUESTION_MATCH_BONUS = 0.08
PAGE_WINDOW = 0.05


def expand(question: str) -> str:
    """The question with lay words and common misspellings mapped to the corpus's words."""
    out = question
    for pattern, words in _LAY:
        out = pattern.sub(words, out)
    return out


def topics(text: str) -> set[str]:
    return {name for name, pattern in _COMPILED.items() if pattern.search(text)}


def question_topics(question: str) -> set[str]:
    found = topics(question)
    specific = found - {"definition", "treatment"}
    if "side effects" in found:
        found.discard("treatment")
    if (
        specific
        and "definition" in found
        and not re.match(r"\s*what (?:is|are) (?:a |an |the )?\w+\s*\??$", question, re.I)
    ):
        found.discard("definition")
    return found


def rerank(hits: list[Hit], wanted: set[str]) -> list[Hit]:
    """Boost sections whose heading offers the answer type the question asks for."""
    if not hits:
        return hits
    top = hits[0].score
    page_best: dict[str, float] = {}
    for hit in hits:
        page_best.setdefault(hit.doc, hit.score)
    boosted = []
    for hit in hits:
        # Only pages that are already close contenders: the type of section must not pull in a
        # matching heading from the wrong page.
        contender = page_best[hit.doc] >= top - PAGE_WINDOW
        bonus = QUESTION_MATCH_BONUS if contender and wanted & topics(hit.heading) else 0.0
        boosted.append(replace(hit, score=hit.score + bonus))
    return sorted(boosted, key=lambda h: -h.score)
