"""Lexical retrieval: BM25 over chunk texts (bm25s), Snowball-stemmed (PyStemmer).

``terms(text)`` is the one tokenizer for both sides (chunks at build time, questions at query
time). ``Lexical.build(texts)`` indexes the chunks' embedding texts (title, heading and body);
``Lexical.scores(query)`` returns one BM25 score per chunk, in chunk order, so the retriever can
fuse it with the dense score of the same chunk. The model is saved inside the index folder.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

_TOKEN = re.compile(r"[a-z0-9]+")
# bm25s's English list plus question words: they carry no topic, and long messages are full of them.
_STOP_WORDS = """
    whats hows whos im ive dont doesnt isnt cant wont any all some every everyone anyone someone
    much many more most other others ever even really
    a an and are as at be but by for if in into is it no not of on or such that the their then there
    these they this to was will with what how do does did can could should would i my me we our you
    your he she his her him them its am been being have has had from about which who whom when where
    why so than too very just also get got
"""
_STOP = frozenset(_STOP_WORDS.split())


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def words(text: str) -> list[str]:
    """Lower-cased alphanumeric words, stopwords kept."""
    return _TOKEN.findall(text.lower())


def term_words(text: str) -> list[tuple[str, str]]:
    """(stemmed term, word) for each content word of ``text``."""
    return [(stem(w), w) for w in words(text) if w not in _STOP and (len(w) > 1 or w.isdigit())]


def terms(text: str) -> list[str]:
    """Stemmed content terms: the unit both BM25 sides and the coverage checks use."""
    return [t for t, _ in term_words(text)]


def term_set(text: str) -> frozenset[str]:
    """``frozenset(terms(text))``, stemming each distinct word once (whole pages at start-up)."""
    return frozenset(stem(w) for w in set(words(text)) if w not in _STOP and (len(w) > 1 or w.isdigit()))


class Lexical:
    """BM25 over a fixed list of texts; ``scores`` is aligned with that list."""

    DIRNAME = "bm25"

    def __init__(self, model: Any, size: int) -> None:
        self._model = model
        self.size = size

    @classmethod
    def build(cls, texts: Sequence[str]) -> Lexical:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import
        model = bm25s.BM25()
        model.index([terms(t) for t in texts], show_progress=False)
        return cls(model, len(texts))

    def save(self, folder: Path) -> None:
        self._model.save(str(folder / self.DIRNAME), show_progress=False)

    @classmethod
    def load(cls, folder: Path, size: int) -> Lexical:
        import bm25s

        model = bm25s.BM25.load(str(folder / cls.DIRNAME), show_progress=False)
        return cls(model, size)

    def scores(self, query: str) -> np.ndarray:
        tokens = [t for t in terms(query) if t in self._model.vocab_dict]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)[: self.size]
