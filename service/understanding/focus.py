"""The focus of a question: the cancer type, drug, test or procedure it is about.

``FocusFinder(documents)`` learns the names the corpus itself uses: each page's title without the
words that name the kind of page ("Colon Cancer Treatment (PDQ®)" -> "colon cancer"), its
front-matter cancer types, and its section headings' subjects. Lay words and brand names reach
these names through ``terms.expand`` ("bowel cancer" -> colon, "tykerb" -> lapatinib).
``finder(text)`` returns the longest corpus name whose words all appear in the text; failing that,
the rarest run of everyday-English-rare words (wordfreq), which names a topic the corpus may not
have ("Friedreich's ataxia"), so that abstention can say what is missing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from core.frequency import top_words, zipf
from index.lexical import terms
from ingest.model import Document
from service.understanding.terms import expand

_KIND_OF_PAGE = re.compile(
    r"\((?:pdq®?|pdq)\)|[-\u2013\u2014]\s*(?:patient|health professional) version|\b(?:treatment|prevention|"
    r"screening|overview|general information about|what you need to know about|patient version)\b|®",
    re.IGNORECASE,
)
_HEADING_SUBJECT = re.compile(
    r"^(?:general information about|signs and symptoms of|tests to detect (?:and diagnose )?|stages of|"
    r"treatment option overview for|prognosis of|risk factors for|causes of)\s+(.+)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
RARE = 3.2
"""Zipf frequency below which an unknown word may name a focus (e.g. "ataxia" ~1.9, "rash" ~3.6)."""
_NOT_FOCUS = frozenset(
    ["hi", "hello", "thanks", "thank", "regards", "dear", "please", "mom", "mum", "dad", "husband", "wife", "daughter", "son", "sister", "brother", "oncologist", "doctor", "nurse", "hospital", "chemo", "radiation", "cancer", "treatment"]
)


_MODIFIER_WORDS = frozenset(["adult", "adults", "childhood", "child", "children"])
_MODIFIERS = frozenset(terms(" ".join(_MODIFIER_WORDS)))
"""Left out of a name's key: the reranker weighs childhood against adult pages."""


_IDIOMS = re.compile(
    r"\b(?:keep(?:s|ing)?|kept) an eye (?:on|out)\b|\beye[- ]opener\b|\bsee eye to eye\b|\bblink of an eye\b|\bcaught my eye\b"
    r"|\bheart (?:of|to heart)\b|\bby heart\b|\bpain in the neck\b|\bgut feeling\b|\bon my mind\b",
    re.IGNORECASE,
)
"""Body words in idioms ("keep an eye on it", "a gut feeling"): they name no page."""


class FocusFinder:
    def __init__(self, documents: Iterable[Document], vocab: Mapping[str, frozenset[str]] | None = None) -> None:
        """``vocab`` (each page's stemmed words, as ``Answerability`` keeps them) spares reading
        every page's text a second time at start-up."""
        docs = list(documents)
        names: dict[frozenset[str], tuple[int, str]] = {}
        for doc in docs:
            # Titles first: at equal weight a page's own name beats its metadata's cancer type.
            candidates = [(0, _KIND_OF_PAGE.sub(" ", doc.title))]
            for section in doc.sections:
                m = _HEADING_SUBJECT.match(section.heading.strip())
                if m:
                    candidates.append((1, m.group(1)))
            candidates += [(2, c) for c in doc.meta.cancer_types]
            for rank, name in candidates:
                clean = " ".join(w for w in name.replace(",", " ").lower().split() if w not in _MODIFIER_WORDS)
                clean = clean.strip(" -")
                key = frozenset(terms(clean)) - _MODIFIERS
                if key and clean and rank < names.get(key, (3, ""))[0]:
                    names[key] = (rank, clean)
        # How specific a word is: in how many pages it appears at all ("eye" is in many).
        wanted = {t for key in names for t in key}
        words = vocab or {doc.id: frozenset(terms(doc.text)) for doc in docs}
        df = Counter(t for doc in docs for t in wanted.intersection(words.get(doc.id, frozenset())))
        idf = {t: math.log(1 + len(docs) / (1 + df[t])) for t in wanted}
        # The most specific name first: rare words weigh more ("craniopharyngioma" over "eye").
        ranked = sorted(
            ((key, name, sum(idf[t] for t in key), rank) for key, (rank, name) in names.items()),
            key=lambda k: (-k[2], k[3], k[1]),
        )
        self.names = [(key, name, weight) for key, name, weight, _ in ranked]
        # Each name filed under the one of its words that the fewest names share: a text can only
        # hold a name whose words it all has, so only names filed under the text's own words are
        # looked at (not every name of a 5,000-page corpus).
        share = Counter(t for key, _, _ in self.names for t in key)
        self._filed: dict[str, list[int]] = {}
        for n, (key, _, _) in enumerate(self.names):
            self._filed.setdefault(min(key, key=lambda t: (share[t], t)), []).append(n)

    def best(self, text: str) -> tuple[str, float] | None:
        """The most specific corpus name all of whose words are in ``text``, and its weight."""
        found = set(terms(expand(_IDIOMS.sub(" ", text))))
        for n in sorted(n for t in found for n in self._filed.get(t, ())):
            key, name, weight = self.names[n]
            if found.issuperset(key):
                return name, weight
        return None

    def weight(self, name: str) -> float:
        """How specific a name is (the IDF of its words); 0 for text that names nothing."""
        best = self.best(name)
        return best[1] if best else 0.0

    def corpus_focus(self, text: str) -> str | None:
        best = self.best(text)
        return best[0] if best else None

    def __call__(self, text: str) -> str | None:
        return self.corpus_focus(text) or rare_focus(text)


def rare_focus(text: str) -> str | None:
    """The run of words rarest in everyday English (a disease, a drug, a test), if any; web
    addresses and misspelt everyday words ("questins", "pregancey") are not names."""
    runs: list[list[str]] = []
    current: list[str] = []
    clean = _ADDRESS.sub(" ", text)
    for m in _WORD.finditer(clean):
        word = m.group(0)
        base = word.lower().removesuffix("'s")
        # A capitalised word inside a sentence is a name ("Friedreich's"), not a misspelling.
        named = word[:1].isupper() and word[1:2].islower() and not re.search(r"(?:^|[.!?:]\s*)$", clean[: m.start()])
        if base not in _NOT_FOCUS and len(base) > 3 and zipf(base) < RARE and (named or not _misspelt(base)):
            current.append(word)
            continue
        if current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    if not runs:
        return None
    best = min(runs, key=lambda run: min(zipf(w.lower().removesuffix("'s")) for w in run))
    return " ".join(best[:4])


_ADDRESS = re.compile(r"\S+\.(?:gov|com|org|net|edu)\b\S*|https?://\S+", re.IGNORECASE)
MISSPELT = 85.0
"""rapidfuzz ratio at or above which a rare word is read as a misspelt everyday word."""


@cache
def _everyday() -> tuple[str, ...]:
    return tuple(w for w in top_words("en", 40000) if len(w) > 3 and w.isalpha())


@lru_cache(maxsize=8192)  # bounded: the words come from messages
def _misspelt(word: str) -> bool:
    from rapidfuzz import fuzz, process

    if word in _everyday_set():
        return False  # a real word, if a rare one ("shingles", "mesothelioma")
    return process.extractOne(word, _everyday(), scorer=fuzz.ratio, score_cutoff=MISSPELT) is not None


@cache
def _everyday_set() -> frozenset[str]:
    return frozenset(_everyday())
