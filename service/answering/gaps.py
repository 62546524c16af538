"""What is missing, when the sources do not answer: an "I don't know" that says why.

``missing(question, unknown, known_names)`` returns a ``Gap`` (its kind and one plain sentence),
or ``None`` when we cannot tell:

- a cancer the question names by a word no page of the library uses at all ("Our library has no
  page on esophageal cancer.");
- a rare word the corpus never uses, such as a drug or test name ("The sources I search do not
  mention sotorasib.");
- a kind of fact the patient pages do not give: survival figures, costs, or named hospitals and
  doctors.

A question about a cancer the library has no page on is not answered at all (``Gap.no_page``):
any quote would come from a page about another cancer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from core.frequency import zipf
from index.lexical import terms

_CANCER = re.compile(
    r"\b((?:[a-z]+[- ]){0,2}[a-z]+) (cancer|tumou?rs?|lymphoma|leukemia|sarcoma|melanoma|carcinoma|myeloma|blastoma)\b",
    re.IGNORECASE,
)
_NOT_A_KIND = frozenset(
    terms(
        "my his her the a an of with have has had about for that this what which stage early late advanced "
        "metastatic recurrent rare common aggressive slow fast growing type types kind dad mom mother father "
        "wife husband sister brother son daughter friend is was are were from and or any some symptoms signs "
        "treatment treatments treat cause causes risk risks diagnosis prognosis outlook survival"
    )
)
_FIGURES = re.compile(
    r"\b(?:survival (?:rate|rates|figures|statistics|odds)|\d+[- ]year survival|percent|percentage|%|statistics|"
    r"life expectancy|how many (?:people|patients|years|months))\b",
    re.IGNORECASE,
)
_COST = re.compile(
    r"\b(?:cost|costs|price|prices|how much (?:does|will|would) (?:it|this|that)|insurance|afford|pay for)\b",
    re.I,
)
_PLACES = re.compile(
    r"\b(?:which|best|good|recommend\w*|name of (?:a|the)) (?:hospital|hospitals|doctor|doctors|surgeon|surgeons|"
    r"clinic|clinics|center|centre|specialist|oncologist)s?\b|\bwait(?:ing)? (?:time|list)\b",
    re.IGNORECASE,
)
_ALSO_OUTLOOK = re.compile(
    r"\b(?:affects?|affecting|factors?|depends?|depending on|improve)\b", re.IGNORECASE
)
_GIVES_FIGURES = re.compile(
    r"\b\d+(?:\.\d+)? ?(?:%|percent)|\b(?:survival rates?|\d+-year survival)\b", re.IGNORECASE
)
_SURVIVAL = re.compile(r"\b(?:surviv\w*|die|dies|died|death|live|lives|cured?)\b", re.IGNORECASE)
_FREQUENCY = re.compile(
    r"\bhow (?:many|much of the population)\b(?: \w+){0,3} (?:are|is|get|gets|have|has|develop|affected)\b"
    r"|\bhow (?:common|rare|frequent)\b|\b(?:prevalence|incidence)\b",
    re.IGNORECASE,
)
"""A question about how many people a condition affects (not how many survive it)."""
_GIVES_COUNTS = re.compile(
    r"\b\d+(?:\.\d+)? ?(?:%|percent)|\b(?:1|one) in [\d,]+|\b(?:prevalence|incidence)\b"
    r"|\b\d[\d,]* (?:people|persons|individuals|cases|newborns|births|children|adults|men|women|families)\b"
    r"|\b(?:million|thousand|hundred)s? of (?:people|individuals|children|adults)\b",
    re.IGNORECASE,
)
RARE_ZIPF = 3.0
_GENERIC_HEADS = frozenset({"cancer", "tumor", "tumour", "tumors", "tumours"})
_BODY = frozenset(
    terms(
        "lung skin breast bone brain blood throat mouth neck head liver kidney stomach bowel eye lip nose "
        "tongue cell gum cheek heart chest back spine spinal colon prostate bladder ovary womb cervix "
        "thyroid pancreas testicle rectum anal oral small large non"
    )
)
"""Everyday words that belong to a cancer's name ("lung", "small cell"): read past, not judged."""
SITE_ZIPF = 3.8


@dataclass(frozen=True)
class Gap:
    kind: str
    """``no_page``, ``unknown_word``, ``figures``, ``frequency``, ``cost`` or ``places``."""
    text: str
    blocks: bool = False
    """True when nothing the library says can answer the question: no page on its cancer, or it
    asks only for what the pages never give (costs, named hospitals, survival figures alone)."""

    @property
    def no_page(self) -> bool:
        return self.kind == "no_page"

    def answered_by(self, text: str) -> bool:
        """True when ``text`` (the best section) speaks of what the question asks for after all:
        a page on clinical trials may say what insurance covers."""
        pattern = {"figures": _GIVES_FIGURES, "frequency": _GIVES_COUNTS, "cost": _COST, "places": _PLACES}.get(
            self.kind
        )
        return pattern is not None and pattern.search(text) is not None


def sites(question: str) -> list[str]:
    """The specialist words that name a cancer's site or type ("vaginal", "esophageal"; and the
    kind itself when it is specific: "melanoma", not "cancer"), in order."""
    out = []
    for m in _CANCER.finditer(question):
        out += _site_words(m.group(1))
        if m.group(2).lower() not in _GENERIC_HEADS:
            out.append(m.group(2).lower())
    return out


def _site_words(before: str) -> list[str]:
    """The specialist words of the name just before "cancer" ("esophageal", "vaginal", "renal" in
    "renal cell"): read backwards from it while the words still name a site. Everyday words of a
    site ("lung", "skin", "cell") are part of the name but not a kind we can judge; any other word
    ends it, so "the downsides of lung cancer" and "paranoid about skin cancer" name no kind."""
    out: list[str] = []
    for w in reversed(re.split(r"[- ]", before.lower())):
        stems = set(terms(w))
        if w and not stems <= _NOT_A_KIND and zipf(w) < SITE_ZIPF:
            out.append(w)
        elif not (stems and stems <= _BODY):
            break
    return out[::-1]


def missing(question: str, unknown: Sequence[str], corpus_terms: Collection[str]) -> Gap | None:
    """One sentence on what the sources lack, or ``None``. ``unknown`` are the question's words the
    corpus does not use; ``corpus_terms`` are the stemmed words the corpus uses anywhere."""
    for m in _CANCER.finditer(question):
        words = _site_words(m.group(1))
        kind = words[-2:] if len(words) > 1 and not set(terms(words[-2])) & set(corpus_terms) else words[-1:]
        if kind and not any(t in corpus_terms for w in kind for t in terms(w)):
            return Gap(
                "no_page", f"Our library has no page on {' '.join(kind)} {m.group(2).lower()}.", blocks=True
            )
    rare = [w for w in unknown if len(w) > 3 and zipf(w) < RARE_ZIPF]
    if rare:
        return Gap("unknown_word", f"The sources I search do not mention {rare[0]}.")
    if _FIGURES.search(question):
        # "life expectancy, what affects it" is half answered: the factors are on the page.
        only_figures = _ALSO_OUTLOOK.search(question) is None
        if _FREQUENCY.search(question) and not _SURVIVAL.search(question):
            # "How many people are affected by X?": a page that gives its frequency answers it.
            return Gap("frequency", "The pages I found do not say how many people this affects.", only_figures)
        return Gap(
            "figures",
            "The patient pages I search do not give survival figures or other statistics for this.",
            blocks=only_figures,
        )
    if _COST.search(question):
        return Gap("cost", "The sources I search do not cover costs, prices or insurance.", blocks=True)
    if _PLACES.search(question):
        return Gap(
            "places",
            "The sources I search do not name or compare hospitals, doctors or clinics.",
            blocks=True,
        )
    return None
