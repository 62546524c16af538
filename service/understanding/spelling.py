"""Spelling: map misspelled question words to the corpus's own words, and name the words we lack.

``Speller(texts)`` learns the vocabulary of the corpus (titles, headings and text). ``check(q)``
corrects each word the corpus does not know to its American spelling when the corpus uses that
("tumour" -> "tumor", "oesophageal" -> "esophageal"), else to the most frequent corpus word within
a small edit distance ("apetite" -> "appetite", "excercise" -> "exercise"), and reports the words
it could not place. Those unknown words matter to abstention: a question about "sotorasib" in a
corpus that never mentions it is not answered by the nearest drug page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from core.frequency import zipf
from index.lexical import stem

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
# Everyday words a person may type that a medical corpus need not contain; never "corrected".
_COMMON_WORDS = """
    about after again also always am an and any are as ask asked at away back bad be because been
    before being best better big bit both but by can cant could day days did didnt do does doesnt
    doing done dont down each even ever every feel feeling feels few find for from get gets getting
    give go goes going good got had has have having he her here him his how i if im in into is isnt
    it its ive just keep kind know last let like likely little long look lot lots made make many may
    me mean might more most much must my need needs never new next no not now of off ok okay old on
    once one only or other our out over own please pretty quite really right said same say says see
    she should so some someone something soon still such sure take tell than thank thanks that thats
    the their them then there these they thing things think this those though through time to today
    too try up us use used very want wanted was way we week weeks well went were what whats when
    where which while who why will wife with without wont worried worry would year years yes yet you
    your youre husband mom mum dad mother father son daughter sister brother friend kid kids
"""
_COMMON = frozenset(_COMMON_WORDS.split())


REAL_WORD_ZIPF = 3.0

_BRITISH = (
    (re.compile(r"our(s?)$"), r"or\1"),  # tumour, tumours
    (re.compile(r"ae"), "e"),  # leukaemia, haematologist, paediatric, anaesthesia
    (re.compile(r"oe"), "e"),  # oesophageal, oestrogen, diarrhoea, oedema
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),  # metastasise, organisation
    (re.compile(r"yse(s|d)?$"), r"yze\1"),  # analyse, paralysed
    (re.compile(r"tre(s?)$"), r"ter\1"),  # centre, fibre
    (re.compile(r"ll(ed|ing|er|ors?)$"), r"l\1"),  # labelled, counsellor
    (re.compile(r"ogue(s?)$"), r"og\1"),  # catalogue
    (re.compile(r"ence$"), "ense"),  # licence
)
"""British spellings and their American forms (the NCI pages are American)."""


def american(word: str) -> list[str]:
    """``word``'s possible American spellings: each rule alone, then all of them together."""
    forms = [pattern.sub(repl, word) for pattern, repl in _BRITISH]
    every = word
    for pattern, repl in _BRITISH:
        every = pattern.sub(repl, every)
    return [f for f in dict.fromkeys([*forms, every]) if f != word]


@dataclass(frozen=True)
class SpellCheck:
    text: str
    corrections: tuple[tuple[str, str], ...]
    unknown: tuple[str, ...]


class Speller:
    def __init__(self, texts: Iterable[str], min_length: int = 4) -> None:
        counts: Counter[str] = Counter()
        for text in texts:
            for word, n in Counter(_WORD.findall(text)).items():  # lower-case each distinct word once
                counts[word.lower()] += n
        self.counts = counts
        self.min_length = min_length
        self._words = list(counts)
        self._stems = frozenset(stem(w) for w in counts)

    def knows(self, word: str) -> bool:
        return word.lower() in self.counts

    def check(self, question: str, known: Callable[[str], bool] = lambda w: False) -> SpellCheck:
        """Correct words the corpus lacks; ``known`` names other words to leave alone."""
        corrections: list[tuple[str, str]] = []
        unknown: list[str] = []

        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            low = word.lower()
            if low in self.counts or low in _COMMON or len(low) < self.min_length or known(low):
                return word
            spelled = next((f for f in american(low) if f in self.counts), None)
            if spelled is not None:  # "tumour", "diarrhoea": the page's own spelling, not a lack
                corrections.append((low, spelled))
                return spelled
            if stem(low) in self._stems:
                return word  # another form of a corpus word ("infertile" for "infertility"), not a typo
            if "'" in low or "-" in low:
                parts = re.split(r"['-]", low)
                if all(p in self.counts or p in _COMMON or len(p) < self.min_length for p in parts):
                    return word
            # A real word in everyday English ("Epstein", "passport") is not a typo of a corpus word.
            best = self._closest(low) if zipf(low) < REAL_WORD_ZIPF else None
            if best is None:
                unknown.append(low)
                return word
            corrections.append((low, best))
            return best

        text = _WORD.sub(fix, question)
        return SpellCheck(text, tuple(corrections), tuple(dict.fromkeys(unknown)))

    def _closest(self, word: str) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        limit = 1 if len(word) < 7 else 2
        found = process.extract(word, self._words, scorer=Levenshtein.distance, score_cutoff=limit, limit=20)
        if not found:
            return None
        # Fewest edits first, then the word the corpus uses most.
        best = min(found, key=lambda m: (m[1], -self.counts[m[0]], m[0]))
        return str(best[0])
