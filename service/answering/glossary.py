"""Hard words of an answer, explained with the definitions the pages give (``index/glossary.py``).

A word is *hard* when it is rare in everyday English (wordfreq Zipf under 3.5, about three uses
per million words) and longer than two syllables (counted as the reading grade counts them).
Just above the line are words most readers know: "ultrasound" 3.51, "microscope" 3.50,
"nausea" 3.54, "chemotherapy" 3.56; below it the jargon a definition helps with: "leukemia"
3.46, "prognosis" 3.33, "biopsy" 3.31, "malignant" 3.33, "metastasis" 2.87. A term of several
words ("watchful waiting") is hard when its rarest word is.

Each hard term that the glossary defines gets one definition: from the page the sentence
quotes when it has one, else the plainest and shortest. A term is left out when the answer
already quotes one of its definitions (the reader has it; a sentence never explains itself).
``Glossary`` is built once per service; explaining an answer is a few dictionary look-ups.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from core.frequency import zipf
from index.glossary import GlossaryEntry
from index.glossary_words import FUNCTION, singular
from index.store import StoredIndex
from ingest.model import Document
from service.answer import Answer, AnswerSentence, GlossaryItem, Occurrence
from service.answering.readability import syllables

HARD_ZIPF = 3.5
MIN_SYLLABLES = 3
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")


@lru_cache(maxsize=65536)
def hard(word: str) -> bool:
    """Rare in everyday English and longer than two syllables; never an abbreviation or a
    word with digits ("HER2", "CT")."""
    if not word.isascii() or any(c.isdigit() for c in word) or word.isupper():
        return False
    lowered = word.lower()
    return zipf(lowered) < HARD_ZIPF and syllables(lowered) >= MIN_SYLLABLES


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """The words of a sentence with their offsets (digits stay inside their word: "HER2")."""
    for m in _WORD.finditer(text):
        yield m.start(), m.end(), m.group()


class Glossary:
    def __init__(self, index: StoredIndex) -> None:
        self.documents = index.documents
        self.entries: dict[str, list[GlossaryEntry]] = {}
        for entry in index.glossary:
            self.entries.setdefault(entry.key, []).append(entry)
        self.lengths: dict[str, set[int]] = {}  # first word -> the term lengths starting with it
        for key in self.entries:
            self.lengths.setdefault(key.split()[0], set()).add(len(key.split()))
        self._plain: dict[GlossaryEntry, int] = {}  # counted when first needed: start-up stays quick
        self._first_uses: dict[str, tuple[tuple[int, int, str], ...]] = {}

    def explain(self, answer: Answer) -> Answer:
        """The answer with its ``glossary``: its hard words that the pages define."""
        if not answer.answer or not self.entries:
            return answer
        return replace(answer, glossary=self.items(answer))

    def items(self, answer: Answer) -> tuple[GlossaryItem, ...]:
        quoted = {c.n: c for c in answer.citations}
        spans = [(c.doc, c.start, c.end) for c in answer.citations]
        found: dict[str, list[tuple[Occurrence, str, str]]] = {}  # key -> (where, surface, doc)
        lists = [(None, answer.answer)] + [(i, p.answer) for i, p in enumerate(answer.parts)]
        for part, sentences in lists:
            for i, sentence in enumerate(sentences):
                cited = quoted.get(sentence.citation)
                for start, end, key in self.terms(sentence):
                    where = Occurrence(i, start, end, part)
                    found.setdefault(key, []).append(
                        (where, sentence.text[start:end], cited.doc if cited else "")
                    )
        out = []
        for key, places in found.items():
            entries = self.entries[key]
            if any(
                e.doc == d and e.start < end and start < e.end for e in entries for d, start, end in spans
            ):
                continue  # the answer quotes a definition of it already
            best = self.best(key, places[0][2])
            meta = self.documents[best.doc].meta
            out.append(
                GlossaryItem(
                    places[0][1],
                    best.definition,
                    best.doc,
                    best.start,
                    best.end,
                    best.kind,
                    meta.title,
                    meta.url,
                    tuple(p[0] for p in places),
                )  # fmt: skip
            )
        return tuple(out)

    def best(self, key: str, doc: str) -> GlossaryEntry:
        """The definition to show for ``key`` in a text of ``doc``: that page's own when it has
        one, else the plainest, then the shortest."""
        entries = self.entries[key]
        return min(entries, key=lambda e: (e.doc != doc, self.plainness(e), len(e.definition.split())))

    def first_uses(self, doc: Document) -> tuple[tuple[int, int, str], ...]:
        """Each hard term's first use in the sections of page ``doc`` (start, end, key), in reading
        order; worked out once per page (the source view asks on every visit)."""
        if doc.id not in self._first_uses:
            first: dict[str, tuple[int, int]] = {}
            for section in doc.sections:
                for a, b, key in self.page_terms(doc.id, doc.text, section.start, section.end):
                    first.setdefault(key, (a, b))
            self._first_uses[doc.id] = tuple(sorted((a, b, key) for key, (a, b) in first.items()))
        return self._first_uses[doc.id]

    def page_terms(self, doc: str, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """Hard glossary terms in ``text[start:end]`` of page ``doc`` (absolute offsets), except
        where the page defines that very term (the definition is not its own explanation)."""
        for a, b, key in self.terms_in(text[start:end]):
            a, b = a + start, b + start
            if not any(e.doc == doc and e.start <= a and b <= e.end for e in self.entries[key]):
                yield a, b, key

    def plainness(self, entry: GlossaryEntry) -> int:
        """How many hard words a definition has besides the term's own: the fewer, the plainer."""
        if entry not in self._plain:
            own = set(entry.key.split())
            self._plain[entry] = sum(
                hard(w) and singular(w.lower()) not in own for _, _, w in words(entry.definition)
            )
        return self._plain[entry]

    def terms(self, sentence: AnswerSentence) -> Iterator[tuple[int, int, str]]:
        """Hard glossary terms in a sentence, longest first and not overlapping: (start, end, key)."""
        return self.terms_in(sentence.text)

    def terms_in(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Hard glossary terms in ``text``, longest first and not overlapping: (start, end, key)."""
        tokens = list(words(text))
        keys = [singular(t[2].lower()) for t in tokens]
        i = 0
        while i < len(tokens):
            for n in sorted(self.lengths.get(keys[i], ()), reverse=True):
                run = tokens[i : i + n]
                if len(run) < n or any(text[a[1] : b[0]] != " " for a, b in itertools.pairwise(run)):
                    continue
                key = " ".join(keys[i : i + n])
                if key in self.entries and _hard_term(t[2] for t in run):
                    yield run[0][0], run[-1][1], key
                    i += n - 1
                    break
            i += 1


def _hard_term(surface: Iterator[str]) -> bool:
    """Hard by its rarest word (function words aside)."""
    content = [w for w in surface if w.lower() not in FUNCTION]
    return bool(content) and hard(min(content, key=lambda w: zipf(w.lower())))
