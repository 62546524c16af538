"""Question understanding: what kind of answer is wanted, in the corpus's own words.

One keyword table serves both sides: ``topics(text)`` finds the answer types a question asks for
("how is it diagnosed" -> diagnosis) and the types a section heading offers ("Tests to Detect and
Diagnose ..." -> diagnosis); ``service.rerank`` uses both. ``expand`` maps lay words, brand names
and abbreviations to the corpus's words ("chemo" -> chemotherapy, "tykerb" -> lapatinib,
"CLL" -> chronic lymphocytic leukemia). The maps are ours, written for this product.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LOWER_RISK = (
    r"(?:lower|reduce|cut|decrease|minimi[sz]e)\w* (?:\w+ ){0,3}(?:risks?|chances?|danger|odds|likelihood)\b(?: of getting)?"
    r"|(?:risks?|chances?|danger|odds) (?:\w+ ){0,4}(?:go(?:es)?|come?s?) down"
    r"|(?:does|will|would|can) (?:quitting|stopping|giving up|cutting (?:down|out)) (?:\w+ ){0,3}(?:help|lower|reduce|make a difference)"
)
"""Asking how to make a risk smaller asks for prevention, not for the risk factors."""
_TOPICS: dict[str, str] = {
    "outlook": r"outlook|prognos\w*|surviv\w*|life expectancy|chances? of (?:recovery|getting better|beating|being cured)|curable|odds|how long (?:do|will|can)|recovery|how (?:well|likely)|come back|recur\w*|what decides|what affects"
    r"|(?:can|could|will) (?:it|this|he|she|they|the cancer) (?:still |ever )?be cured|how (?:will|would) (?:he|she|they|i|we) do\b|how (?:he|she|they|i|we) (?:will|would) do\b",
    "diagnosis": r"diagnos\w*|detect\w*|tests?\b|testing|find (?:out|it)|biops\w+|scans?\b|exams?\b|check for|work-?up",
    "symptoms": r"symptoms?|symtoms?|sypmtoms?|symptons?|simptoms?|signs?\b|warning signs|feel like|how (?:do|would) (?:i|you) know|part of (?:the |his |her |my )?[\w-]+ all along|(?:changes|problems|infections|things) (?:\w+ ){0,2}(?:from|caused by) (?:the )?(?:tumou?r|cancer|leuka?emia|lymphoma)|(?:does|do|would|will) (?:it|they|\w+(?: \w+){0,3}) (?:usually |normally )?look like",
    "stages": r"stag(?:e|es|ed|ing)\b|spread|metasta\w*|how advanced|grade|(?:different|other|the|what|which) phases\b|(?:chronic|accelerated|blast(?:ic)?) phase",
    "treatment": r"treat\w*|therap(?:y|ies)\b|tx\b|cure[ds]?\b|options?\b|manage\w*",
    "side effects": r"side[- ]?effects?|side efects|adverse|toxicit\w*|\bae\b|complications?|late effects",
    "risk": r"risks?\b|who gets|at risk|more likely|more common (?:in|among|for)|chance of getting|susceptib\w*|hereditary|inherit\w*|genetic|runs? in (?:the |my )?famil\w*|linked|link\b|connection|associated|raises?",
    "causes": r"causes?d?\b|why do\b|what makes|reason"
    # "is that connected to the transplant?", "could the old radiation have anything to do with this?"
    r"|connected (?:to|with)|(?:anything|something) to do with|how (?:did|does|could|can) (?:this|that|it) (?:have )?happen\w*|to blame|led to (?:this|it|the)",
    "prevention": _LOWER_RISK + r"|prevent\w*|avoid|protect|(?:makes?|made) no difference|(?:do|does|don't|doesn't|do not|does not|did not|didn't) (?:\w+ ){0,4}(?:affect|change) (?:the |my |your |her |his |someone's )?(?:\w+ )?risk|myths?\b",
    "screening": r"screen\w*|mammogra\w*|pap (?:smear|test)|colonoscop\w*|early detection|check-?ups?",
    "trials": r"clinical trials?|trials?\b|research|studies|studied|study\b|new treatments?|experimental|being tested",
    "definition": r"^what (?:is|are)\b|\bwhat does\b|\bmean(?:s|ing)?\b|\bdefin\w*|general information|about\b|overview",
    # Kinds of fact patient pages rarely give: a heading must offer them (e.g. "Who pays for ...").
    "cost": r"costs?\b|prices?\b|pays?\b|paying|afford\w*|insurance|expens\w*|how much (?:does|will|would|do) (?:it|this|that|they|\w+) (?:cost|charge)",
    "places": r"(?:which|best|good|top) (?:hospitals?|doctors?|surgeons?|clinics?|cent(?:er|re)s?|specialists?|oncologists?)\b|wait(?:ing)? (?:times?|lists?)",
    "figures": r"survival rates?|\d+[- ]year survival|percent\w*|statistic\w*|life expectancy|how many (?:people|patients) (?:survive|die|live)",
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
    r"\bkids?\b|\bchildren\b|\bmy (?:\d+ year old |little )?(?:son|daughter|child|toddler|baby|grandson|granddaughter|grandchild)\b|\b(?:[1-9]|1[0-7]) ?(?:year|yr)s? old\b|\bteen(?:ager)?s?\b": "childhood children",
    r"\b(?:guys?|men|males?|a man)\b": "male men",
    r"\bsmall bowel\b": "small intestine",
    r"\blarge bowel\b|\bbowel cancer\b": "colon colorectal cancer",
    r"\bsugar pills?\b|\bdummy pills?\b": "placebo",
    r"\b(?:throw(?:ing)? up|puk(?:e|ing)|barf\w*)\b": "vomiting",
    r"\b(?:worn out|exhausted|so tired|wiped out)\b": "fatigue tired",
    r"\b(?:numb(?:ness|ed|ing)?|tingl\w*|pins and needles)\b": "numbness tingling nerve problems neuropathy",
    r"\bhair (?:is )?(?:falling out|fall out|coming out)\b": "hair loss",
    r"\bcome back\b|\bcoming back\b": "come back recurrence",
    r"\bbumps?\b": "lump",
    r"\bvoice ?box\b": "larynx laryngeal",
    r"\bmolar pregnancy\b": "molar pregnancy hydatidiform mole gestational trophoblastic disease",
    r"\beye cancer\b": "eye cancer retinoblastoma intraocular melanoma",
    r"\bwind ?pipe\b": "trachea",
    r"\bfood ?pipe\b|\bgullet\b": "esophagus esophageal",
    r"\bwomb\b": "uterus uterine endometrial",
    r"\bback passage\b|\bbum\b": "rectum anus",
    # Brand names of drugs to the generic names pages use.
    r"\bherceptin\b": "trastuzumab herceptin",
    r"\bkadcyla\b|\bt-?dm1\b": "ado-trastuzumab emtansine T-DM1",
    r"\bperjeta\b": "pertuzumab",
    r"\btykerb\b": "lapatinib",
    r"\bkeytruda\b": "pembrolizumab immunotherapy checkpoint inhibitor",
    r"\bopdivo\b": "nivolumab immunotherapy checkpoint inhibitor",
    r"\btaxol\b": "paclitaxel chemotherapy",
    r"\bgleevec\b": "imatinib targeted therapy",
    r"\brituxan\b": "rituximab",
    r"\bavastin\b": "bevacizumab",
    # Abbreviations (the case-sensitive ones are in _ABBREVIATIONS).
    r"\bbcc\b": "basal cell carcinoma",
    r"\bscc\b": "squamous cell carcinoma",
    r"\bhcc\b": "hepatocellular carcinoma liver cancer",
    r"\bnsclc\b": "non-small cell lung cancer",
    r"\bsclc\b": "small cell lung cancer",
    r"\bcll\b": "chronic lymphocytic leukemia",
    r"\bcml\b": "chronic myelogenous leukemia",
    r"\baml\b": "acute myeloid leukemia",
    r"\bjmml\b": "juvenile myelomonocytic leukemia",
    r"\bnhl\b": "non-hodgkin lymphoma",
    r"\bmds\b": "myelodysplastic syndromes",
    r"\bgist\b": "gastrointestinal stromal tumor",
    r"\bcipn\b": "chemotherapy peripheral neuropathy nerve problems",
    r"\bhep (b|c)\b": r"hepatitis \1",
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
    r"\binside (?:the|his|her|my|your|their) eyes?\b": "inside the eye intraocular",
    # Texting shorthand: everyday words, not names the corpus lacks.
    r"\bwknd\b": "weekend",
    r"\b(?:tmrw|tmr|2moro)\b": "tomorrow",
    r"\b(?:b/c|cuz|coz)\b": "because",  # not "bc": breast cancer to many writers
    r"\b(?:pls|plz)\b": "please",
    r"\b(?:thx|thnx)\b": "thanks",
    r"\bidk\b": "I don't know",
    r"\bimo\b": "in my opinion",
    r"\bppl\b": "people",
    r"\bsmth\b": "something",
    r"\bw/o\b": "without",
}
# Abbreviations that are also everyday words: only in capitals ("ALL", not "all").
_ABBREVIATIONS: dict[str, str] = {
    r"\bALL\b": "acute lymphoblastic leukemia",
    r"\bHL\b": "hodgkin lymphoma",
    r"\bMM\b": "multiple myeloma",
}
_LAY = [(re.compile(p, re.IGNORECASE), r) for p, r in LAY_TERMS.items()] + [
    (re.compile(p), r) for p, r in _ABBREVIATIONS.items()
]



_STAGE = re.compile(r"\bstage ([0-4])([abc])?\b", re.IGNORECASE)
_ROMAN = {"0": "0", "1": "I", "2": "II", "3": "III", "4": "IV"}


def expand(question: str) -> str:
    """The question with lay words and common misspellings mapped to the corpus's words, and
    stage numbers written the way the pages write them ("stage 3" -> "stage III")."""
    out = question
    for pattern, words in _LAY:
        out = pattern.sub(words, out)
    return _STAGE.sub(lambda m: f"stage {_ROMAN[m.group(1)]}{(m.group(2) or '').upper()}", out)


def topics(text: str) -> set[str]:
    return set(_topics(text))


@lru_cache(maxsize=16384)
def _topics(text: str) -> frozenset[str]:
    """Remembered: the same words, headings and sentences come back with every question (each call
    is ~70 pattern searches)."""
    return frozenset(name for name, pattern in _COMPILED.items() if pattern.search(text))


_LOWERING = re.compile(rf"\b{_LOWER_RISK}", re.IGNORECASE)
_STAGE_ASKED = re.compile(r"\bstag(?:e|es|ed|ing)\b|how advanced|grade|phases?\b", re.IGNORECASE)
_ALSO_OFFERS = {"risk": {"causes"}, "causes": {"risk"}}
"""A risk-factor section answers "what causes it", and the other way round."""


@lru_cache(maxsize=16384)
def offered(heading: str) -> frozenset[str]:
    """The kinds of answer a section heading (or a sentence) offers (remembered: the same
    sentences come back with every question about their page)."""
    found = topics(heading)
    for kind in list(found):
        found |= _ALSO_OFFERS.get(kind, set())
    return frozenset(found)


def question_topics(question: str) -> set[str]:
    found = topics(question)
    if "risk" in found and "prevention" in found and "risk" not in topics(_LOWERING.sub(" ", question)):
        found.discard("risk")  # "would losing weight lower my risk?": the risk is what to lower
    if "outlook" in found and "stages" in found and not _STAGE_ASKED.search(question):
        found.discard("stages")  # "is it curable even once it has spread?": the spread is given, the outlook asked
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
