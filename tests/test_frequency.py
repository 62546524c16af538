"""core/frequency.py: the compact word-frequency table gives wordfreq's own answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import wordfreq

from core.frequency import TOP, top_words, zipf

_DEMO = Path(__file__).resolve().parents[1] / "corpus" / "demo"


def _words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(_DEMO.glob("*.md"))[:8]).lower()
    found = set(re.findall(r"[a-z0-9][a-z0-9'.-]*", text))
    return sorted(found | {"x-ray", "covid-19", "2020", "100.4", "don't", "zzqxv", "", "Chemo", "naïve"})


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_word_gets_the_zipf_frequency_wordfreq_gives(lang: str) -> None:
    words = _words()
    assert len(words) > 1000
    ours = [zipf(w, lang) for w in words]
    theirs = [wordfreq.zipf_frequency(w, lang) for w in words]
    assert ours == theirs
    assert max(ours) > 7 and min(ours) == 0.0  # "the"/"de" and unseen words: the scale's two ends


def test_the_small_lists_and_the_top_words_match_too() -> None:
    for word in ("tratamiento", "cáncer", "the", "médico", "zzqxv"):
        assert zipf(word, "es", "small") == wordfreq.zipf_frequency(word, "es", wordlist="small")
    assert top_words("en", 5000) == tuple(wordfreq.top_n_list("en", 5000))


def test_asking_for_more_top_words_than_are_kept_is_an_error() -> None:
    with pytest.raises(ValueError, match=str(TOP)):
        top_words("en", TOP + 1)


def test_a_language_without_a_list_is_an_error() -> None:
    with pytest.raises(LookupError, match="xx"):
        zipf("word", "xx")


def test_a_language_only_looked_up_keeps_no_words_in_memory() -> None:
    from core import frequency

    frequency._top.cache_clear()
    assert zipf("bonjour", "fr", "small") == wordfreq.zipf_frequency("bonjour", "fr", wordlist="small")
    assert frequency._top.cache_info().currsize == 0  # the French list was read for its hashes only
    assert top_words("fr", 3, "small") == tuple(wordfreq.top_n_list("fr", 3, wordlist="small"))
    assert frequency._top.cache_info().currsize == 1
