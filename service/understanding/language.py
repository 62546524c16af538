"""Is a message written in English? We answer only from English pages, so a message in another
language is declined plainly before retrieval (never answered from an unrelated page).

``foreign(text)`` returns why a message is not English, or ``None`` when it is (or when there is
too little text to tell: short English questions full of drug names look foreign to any detector,
so English gets the benefit of the doubt):

- no letters at all (a row of emoji, digits): ``"no words"``;
- most letters outside the Latin script (Arabic, Chinese, Cyrillic...): ``"other script"``;
- Spanish, which gets a reply in Spanish, has a closer test of its own (``_spanish``) that also
  reads two- and three-word messages and Spanish typed without accents;
- Latin script: the language ``lingua`` finds (low-accuracy mode over languages people in the US
  often write in and wordfreq has word lists for, ~40 MB, under a millisecond), declined only when
  it is confident, and when more of the words are common words of that language than of English
  (wordfreq). "symptoms of
  melanoma?" reads as Dutch to the detector but is all English words, so it is English.

The detector is built on first use (``lingua`` is imported lazily).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from core.frequency import zipf

NO_WORDS = "no words"
OTHER_SCRIPT = "other script"
_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 3  # fewer words than this: too little to tell, read as English
_CONFIDENT = 0.6
_COMMON = 3.0  # wordfreq Zipf frequency of a common word (about once per million words)
_MARGIN = 0.25  # the other language's share of common words must beat English's by this much
_CLIP = 3.0  # a word's Spanish-minus-English Zipf frequency counts at most this much either way
_SPANISH_LEAN = 1.0  # average lean a message needs to read as Spanish (10x likelier words, on average)
_SPANISH_MARKS = re.compile(r"[¿¡ñÑáéíóúÁÉÍÓÚ]")
_LANGUAGES = (
    "SPANISH", "FRENCH", "GERMAN", "PORTUGUESE", "ITALIAN", "DUTCH", "POLISH", "TAGALOG",
    "VIETNAMESE", "INDONESIAN", "TURKISH", "ROMANIAN", "ENGLISH",
)  # fmt: skip
"""Languages with a wordfreq list too (the second opinion needs one): without it, English it is."""


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _latin_share(letters: list[str]) -> float:
    return sum(unicodedata.name(c, "").startswith("LATIN") for c in letters) / len(letters)


def _common_share(words: list[str], language: str, known: frozenset[str]) -> float:
    # The "small" lists hold the words above Zipf 3 (_COMMON) with the same values as the full
    # lists: the same answer (but for words at exactly 3.00), for a few MB instead of ~35 MB each.
    common = sum(w in known or zipf(w, language, wordlist="small") >= _COMMON for w in words)
    return common / len(words)


@lru_cache(maxsize=1)
def _english_or_spanish() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    pair = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH)
    return pair.with_low_accuracy_mode().build()


def _spanish(text: str, words: list[str], known: frozenset[str]) -> bool:
    """Spanish, even in two or three words and typed without accents (we reply in Spanish, so this
    gets its own, closer test): the words lean Spanish (wordfreq: each word's Zipf frequency in
    Spanish minus English, clipped to +-3, averaged over the message; the corpus's own words count
    as neither), and between English and Spanish alone the detector says Spanish, or the text has
    marks only Spanish uses (an opening question mark, n with a tilde, an accented vowel), or the
    lean is twice the bar (words a hundred times likelier in Spanish, on average)."""
    if len(words) < 2 or all(w in known for w in words):
        return False
    scored = [w for w in words if w not in known]
    english = [zipf(w, "en") for w in scored]
    # First a bound from the small Spanish list (words at or above Zipf 3): a word missing from it
    # is below 3 in Spanish. When even that bound is short of the bar, the full list (~35 MB)
    # is never loaded: most English messages stop here, with the same answer.
    small = [zipf(w, "es", wordlist="small") for w in scored]
    bound = sum(max(-_CLIP, min(_CLIP, (s or _COMMON) - e)) for s, e in zip(small, english, strict=True))
    if bound / len(words) < _SPANISH_LEAN:
        return False
    leans = (zipf(w, "es") - e for w, e in zip(scored, english, strict=True))
    lean = sum(max(-_CLIP, min(_CLIP, d)) for d in leans) / len(words)
    if lean < _SPANISH_LEAN:
        return False
    if lean >= 2 * _SPANISH_LEAN or _SPANISH_MARKS.search(text):
        return True
    found = _english_or_spanish().compute_language_confidence_values(" ".join(words))
    return bool(found) and found[0].language.name == "SPANISH" and found[0].value >= _CONFIDENT


def foreign(text: str, known: frozenset[str] = frozenset()) -> str | None:
    """Why ``text`` is not English (``"no words"``, ``"other script"`` or an ISO 639-1 code such as
    ``"es"``), or ``None``. ``known``: words that count as English (the corpus's own words)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return NO_WORDS
    if _latin_share(letters) < 0.5:
        return OTHER_SCRIPT
    words = [w for w in _WORD.findall(text.lower()) if _latin_share(list(w)) == 1.0]
    if _spanish(text, words, known):
        return "es"
    if len(words) < _MIN_WORDS:
        return None
    found = _detector().compute_language_confidence_values(" ".join(words))
    if not found or found[0].language.name == "ENGLISH" or found[0].value < _CONFIDENT:
        return None
    code = found[0].language.iso_code_639_1.name.lower()
    theirs = _common_share(words, "fil" if code == "tl" else code, frozenset())
    return code if theirs >= _common_share(words, "en", known) + _MARGIN else None
