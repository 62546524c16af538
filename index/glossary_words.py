"""Word-level judgements for the glossary miner (``index/glossary.py``): is this a term worth
explaining, is this definition in plain words, is this parenthesis a gloss; and ``term_key``,
how a term is matched (the service matches answer words the same way).

"Everyday" and "rare" come from wordfreq's Zipf scale (log10 of uses per billion words: "the"
~7.7, "treatment" 4.6, "prognosis" 3.3, "gingiva" 1.8).
"""

from __future__ import annotations

import re

from core.frequency import zipf

MAX_TERM_WORDS = 4
MAX_DEFINITION_WORDS = 40
MAX_GLOSS_WORDS = 20
EVERYDAY = 4.5
"""A term all of whose words are this common ("treatment", "surgery", "cancer") needs no definition."""
PLAIN = 3.5
"""A gloss's words (function words aside) are at least this common on average: "chance of
recovery" 4.6 is plain; "(metastatic)" 3.0 names a kind instead."""
RARE, HARD_SHARE = 3.0, 0.4
"""Plain words: at most 40% of a definition's words (function words and the term's own aside)
are rare ("Thalidomide is an immunomodulator used to treat LCH." is not plain)."""

TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*")
PRONOUN_START = re.compile(
    r"^(?:it|its|this|that|these|those|they|their|them|he|she|his|her|we|you|your|there|such|both|"
    r"each|one|others?|some|here)\b",
    re.I,
)
_FUNCTION_WORDS = """a an the this that these those of in on at to for from by with into through and or
but as is are was were be been being it its they them their which who whom whose when where what how
if than then so not no may can will such some any each other more most all both about after before
during under over between without within your you his her our we he she there also very only called
known used has have had do does did main certain different same new usual several few many first
second last best"""
FUNCTION = frozenset(_FUNCTION_WORDS.split())
"""Words a term never contains (nor ends or starts with): they mark a clause, not a name."""
_GLOSS_OPENERS = """also such including include includes or and for see called known which who that not
only if when as like usually often sometimes about from in on at with without except especially
mainly but because e g i eg ie example other etc another to rare common uncommon rarely very most
many few several either neither none one two based written formerly previously found"""
_NOT_GLOSS = frozenset(_GLOSS_OPENERS.split())
"""First words of a parenthesis that is a remark, a list or a synonym, not a gloss."""
_REMARK_WORDS = """same most more less least second third first leading only main best usual number
goal goals purpose result results reason reasons way ways key"""
REMARK = frozenset(_REMARK_WORDS.split())
"""After "a"/"the", words of a remark rather than a definition ("the second leading cause")."""
_NUMERAL = re.compile(r"^(?:[IVX]+[A-E]?\d?|\d.*)$")
_IRREGULAR = {"metastases": "metastasis", "diagnoses": "diagnosis", "prognoses": "prognosis"}


def term_key(text: str) -> str:
    """A term as it is matched: lower case, each word singular by simple rules ("lymph nodes"
    -> "lymph node", "biopsies" -> "biopsy")."""
    return " ".join(singular(w) for w in text.lower().split())


def singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as")):
        return word[:-1]
    return word


def good_term(term: str) -> bool:
    """One to four words, none a function word, digit or stage numeral, not all abbreviations,
    and not all everyday words."""
    words = term.split()
    if not 1 <= len(words) <= MAX_TERM_WORDS or not all(TOKEN.fullmatch(w) for w in words):
        return False
    lowered = [w.lower() for w in words]
    if len(set(lowered)) < len(lowered) or any(w in FUNCTION for w in lowered):
        return False  # "CNS neuroblastomas CNS neuroblastomas": a heading run into its text
    if any(_NUMERAL.match(w) for w in words) or all(w.isupper() for w in words):
        return False  # "Stage II", "FOBT": stages and bare abbreviations
    return min(zipf(w) for w in lowered) < EVERYDAY


def good_definition(definition: str, term: str) -> bool:
    """At most 40 words, not opening with a pronoun that points elsewhere, more than the term
    itself, and in plain words."""
    words = definition.split()
    if not words or len(words) > MAX_DEFINITION_WORDS or PRONOUN_START.match(definition):
        return False
    if term_key(definition.strip(" .")) == term_key(term):
        return False
    own = set(term_key(term).split())  # the term's own words are what is being explained
    rest = [w for w in TOKEN.findall(definition.lower()) if w not in FUNCTION and singular(w) not in own]
    return sum(zipf(w) < RARE for w in rest) <= HARD_SHARE * len(rest)


def plain_gloss(inner: str, term: str) -> bool:
    """Is the text of a parenthesis after ``term`` a gloss of it in plain words?"""
    words = inner.split()
    if not words or len(words) > MAX_GLOSS_WORDS or not inner[0].islower():
        return False  # a name, a brand, an abbreviation, "(Grade I)"
    if (
        re.search(r"[\d;:®™=%/]|[A-Z]{2}|\b[IVX]+\b|e\.g|i\.e|etc|, (?:and|or)\b", inner)
        or inner.count(",") >= 2
    ):
        return False  # numbers, grades, citations, abbreviations, lists
    lowered = [w.lower().strip(",.") for w in words]
    if lowered[0] in _NOT_GLOSS or (
        len(words) > 1 and lowered[0] in ("the", "a", "an") and lowered[1] in REMARK
    ):
        return False  # "(also called...)", "(such as...)", "(the most frequent...)"
    if len(words) == 1 and len(words[0]) < 4 or {"is", "are", "was", "were"} & set(lowered[:3]):
        return False  # "(mg)"; "(lymphoblasts are mostly found...)": a clause, not a gloss
    if len(term.split()) > 1 and len(words) == 1 or re.search(r"[A-Z].*[A-Z]", term):
        return False  # "endoscopic surgery (resection)": a kind or a synonym; "mIBG (...)"
    term_words, gloss_words = set(term_key(term).split()), set(term_key(inner).split())
    if term_key(term) in term_key(inner) or (len(words) <= 3 and term_words & gloss_words):
        return False  # "transfusion therapy (blood transfusion)": a synonym
    plain = [w for w in lowered if w not in FUNCTION]
    if not plain:
        return False
    mean = sum(zipf(w) for w in plain) / len(plain)  # plainer than the term's rarest word
    return mean >= PLAIN and mean >= min(zipf(w.lower()) for w in TOKEN.findall(term))
