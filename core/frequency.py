"""How common a word is (wordfreq's Zipf scale), in a few megabytes a language instead of ~35.

wordfreq keeps a language's whole word list as Python strings, and a dict over them, once a word
is looked up: about 35 MB for English and as much for Spanish, in every server process. Here each
list is read once and kept as the sorted 64-bit hashes of its words with their frequency bucket
(numpy arrays, ~3 MB for 340,000 words); the most frequent words themselves are kept only for
the languages whose top words are asked for. Lookups use
wordfreq's own tokenizer and rules (digit sequences, several tokens, rounding), so ``zipf`` returns
exactly what ``wordfreq.zipf_frequency`` does (a test checks it word for word).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

TOP = 40_000
"""How many of a list's most frequent words are kept as words (``top_words``)."""
_FLOOR = 1e-9
"""wordfreq's frequency for an unseen word: Zipf 0."""


def _key(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True)
class _Table:
    keys: np.ndarray
    """Sorted 64-bit hashes of the list's words."""
    centibels: np.ndarray
    """Each word's frequency bucket, in centibels below 1 (wordfreq's quantisation)."""

    def frequency(self, token: str) -> float | None:
        key = np.uint64(_key(token))
        i = int(np.searchsorted(self.keys, key))
        if i < len(self.keys) and self.keys[i] == key:
            return 10.0 ** (-int(self.centibels[i]) / 100.0)
        return None


def _words(lang: str, wordlist: str) -> Iterator[tuple[int, str]]:
    """``(bucket, word)`` for every word of wordfreq's list, most frequent first: its cBpack (a
    header, then one list of words per centibel) read a bucket at a time, so that its 340,000
    strings never sit in memory together."""
    import gzip

    import msgpack
    from wordfreq import available_languages

    path = available_languages(wordlist).get(lang)
    if path is None:
        raise LookupError(f"wordfreq has no {wordlist!r} word list for {lang!r}")
    with gzip.open(path, "rb") as packed:
        reader = msgpack.Unpacker(packed, raw=False)
        buckets = reader.read_array_header() - 1
        header = reader.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{path}: not a wordfreq cBpack (header {header!r})")
        for bucket in range(buckets):
            for word in reader.unpack():
                yield bucket, word


@cache
def _table(lang: str, wordlist: str) -> _Table:
    from array import array

    keys, centibels = array("Q"), array("H")
    for bucket, word in _words(lang, wordlist):
        keys.append(_key(word))
        centibels.append(bucket)
    hashes = np.frombuffer(keys, dtype=np.uint64)
    order = np.argsort(hashes, kind="stable")
    return _Table(hashes[order], np.frombuffer(centibels, dtype=np.uint16)[order])


@cache
def _top(lang: str, wordlist: str) -> tuple[str, ...]:
    """The ``TOP`` most frequent words, most frequent first (no digit sequences, as wordfreq's
    top_n_list); read only for the languages whose words are asked for (English), so that a
    language met once in a message costs its hashes and no strings."""
    from wordfreq.numbers import has_digit_sequence

    top: list[str] = []
    for _, word in _words(lang, wordlist):
        if not has_digit_sequence(word):
            top.append(word)
            if len(top) == TOP:
                break
    return tuple(top)


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str = "en", wordlist: str = "best") -> float:
    """``wordfreq.zipf_frequency(word, lang, wordlist)``: 0 unseen, 3 once per million words, ~7 "the"."""
    from wordfreq import lossy_tokenize
    from wordfreq.numbers import digit_freq, smash_numbers

    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return 0.0
    table = _table(lang, wordlist)
    inverse = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        freq = table.frequency(smashed)
        if freq is None:
            return 0.0
        if smashed != token:
            freq *= digit_freq(token)
        inverse += 1.0 / freq
    freq = max(1.0 / inverse, _FLOOR)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # wordfreq's 3 significant digits
    return round(math.log(freq, 10) + 9, 2)


def top_words(lang: str, n: int, wordlist: str = "best") -> tuple[str, ...]:
    """The ``n`` (at most ``TOP``) most frequent words, as ``wordfreq.top_n_list``."""
    if n > TOP:
        raise ValueError(f"top_words keeps the {TOP} most frequent words, not {n}")
    return _top(lang, wordlist)[:n]
