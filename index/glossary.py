"""Definitions the pages give themselves, mined at index time: ``mine_glossary(documents)``.

Each ``GlossaryEntry`` is a quote, like a citation: ``doc.text[start:end] == definition``. Only
forms a page uses to explain a word count, each checked strictly (a wrong definition beside an
answer is worse than none; the word-level tests are in ``index/glossary_words.py``):

- ``gloss``: a plain-words parenthesis after a term, "prognosis (chance of recovery)"; never an
  abbreviation, a name, a number, a list, a synonym or anything harder than the term;
- ``reverse``: "chance of recovery (prognosis)", only where the pages also gloss the term forward
  with those very words (word order alone cannot tell it reliably);
- ``sentence``: "A biopsy is the removal of cells...", "Lymph nodes are small structures that...";
- ``called``: "... is called staging.", and "This is called adjuvant therapy." together with the
  sentence before it (alone, "This" would point elsewhere);
- ``heading``: the first sentence of a "What is X?" section when it starts with X;
- ``list``: a list item "Biopsy: The removal of cells..." (the part after the colon).

A term may have several entries (pages repeat and vary definitions); the service picks one per
answer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from index.glossary_words import (
    EVERYDAY,
    FUNCTION,
    MAX_DEFINITION_WORDS,
    MAX_TERM_WORDS,
    REMARK,
    TOKEN,
    good_definition,
    good_term,
    plain_gloss,
    term_key,
    zipf,
)
from ingest.model import Document

KINDS = ("gloss", "reverse", "sentence", "called", "heading", "list")
BOUND = 0.5
"""A word before a glossed term joins it when at least this share of the term's uses in the
corpus follow that word ("watchful waiting" 100%, "genetic counseling" 57%; "affect prognosis" 39%)."""
_FIXED = frozenset({"in situ", "in vitro", "de novo"})
_FINITE_WORDS = "is are was were may can will has have had should might must does do did"
_FINITE = frozenset(_FINITE_WORDS.split())
_PARTICIPLES = "used found given made caused treated removed done common rare"
_NOT_PLURAL_DEFINITION = frozenset(_PARTICIPLES.split())
"""'Tumors are found...', 'Drugs are given...': what happens to X, not what X is."""

_IS_A = re.compile(r"^(?:(?:A|An|The) )?(?P<term>[^,;:()]+?) (?P<verb>is|are) (?P<pred>[^;]+)\.$")
_CALLED = re.compile(
    r"^(?P<lead>.+?),? (?:is|are) called (?:an? |the )?(?P<term>[^,;:()]+?)(?: \([^()]*\))?\.$"
)
_THIS_CALLED = re.compile(
    r"^(?:This|These|It|They) (?:is|are) called (?:an? |the )?(?P<term>[^,;:()]+?)(?: \([^()]*\))?\.$"
)
_HEADING = re.compile(r"^What (?:is|are|does) (?:an? |the )?(?P<term>[^?]+?)(?: mean)?\??$", re.I)
_SUBJECT = re.compile(r"^(?:(?:A|An|The) )?(?P<subject>[^,;:()]+?) (?:is|are|means|refers)\b")
_LIST = re.compile(r"^(?P<term>[^:()]+?)(?: \([^()]*\))? ?: (?P<def>[A-Z].+)$")
_PAREN = re.compile(r"\(([^()]+)\)")
_NOT_DEFINING = re.compile(r"being studied| than |, so |, [a-z]+ (?:is|are) ")
_CLASS_ONLY = re.compile(r"^an? (?:\w+ )?(?:type|kind|form) of(?: [\w\-]+){1,3}$")
_PLURAL_CLASS = re.compile(r"^(?:[a-z\-]+,? ){0,3}[a-z\-]+s (?:that|which|who|made|where|in which|found)\b")
_POINTING = re.compile(
    r"\b(?:it|they|them|this|these|those|examples?)\b|^(?:Instead|However|Also|Then|Next|Or|But|So)\b", re.I
)
_CLAUSE = re.compile(r"^(?:(?!\b(?:that|which|who)\b).)*\b(?:may|can|will|should)\b")


@dataclass(frozen=True)
class GlossaryEntry:
    """A term and a definition quoted from a page: ``doc.text[start:end] == definition``."""

    term: str
    definition: str
    doc: str
    start: int
    end: int
    kind: str

    @property
    def key(self) -> str:
        return term_key(self.term)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> GlossaryEntry:
        return cls(**data)  # type: ignore[arg-type]


def mine_glossary(documents: Iterable[Document]) -> tuple[GlossaryEntry, ...]:
    """Every definition the documents give, in document order (a term may have several)."""
    docs = list(documents)
    found = [e for doc in docs for e in _sentence_entries(doc)]
    known = frozenset(e.key for e in found)  # terms whose bounds a sentence or list item showed
    phrases = _Phrases(docs)
    for doc in docs:
        for s in doc.sentences:
            found.extend(_glosses(doc, doc.text[s.start : s.end], s.start, known, phrases))
    found.extend(_reverse_glosses(docs, found))
    order = {doc.id: i for i, doc in enumerate(docs)}
    found.sort(key=lambda e: (order[e.doc], e.start, e.end))
    unique = {(e.doc, e.key, e.start, e.end): e for e in reversed(found)}  # first kind wins
    return tuple(sorted(unique.values(), key=lambda e: (order[e.doc], e.start, e.end)))


def _sentence_entries(doc: Document) -> Iterator[GlossaryEntry]:
    first: dict[int, int] = {}  # section -> its first sentence's position
    for i, s in enumerate(doc.sentences):
        first.setdefault(s.section, i)
    for i, s in enumerate(doc.sentences):
        text = doc.text[s.start : s.end]
        found = [
            _heading(doc, s.section, text, s.start) if first[s.section] == i else None,
            _sentence(doc, text, s.start),
            _called(doc, i, text),
            _list_item(doc, text, s.start),
        ]
        yield from (e for e in found if e is not None)


def _entry(doc: Document, term: str, start: int, end: int, kind: str) -> GlossaryEntry | None:
    definition = doc.text[start:end]
    if not good_term(term) or not good_definition(definition, term):
        return None
    return GlossaryEntry(term, definition, doc.id, start, end, kind)


def _whole(text: str) -> bool:
    """A sentence that can stand as a definition: not a lead-in, a question or too long."""
    return not text.rstrip().endswith((":", "?")) and len(text.split()) <= MAX_DEFINITION_WORDS


def _heading(doc: Document, section: int, text: str, start: int) -> GlossaryEntry | None:
    m = _HEADING.match(doc.sections[section].heading.strip())
    subject = _SUBJECT.match(text)
    if m is None or subject is None or term_key(subject.group("subject")) != term_key(m.group("term")):
        return None
    return _entry(doc, m.group("term"), start, start + len(text), "heading") if _whole(text) else None


def _sentence(doc: Document, text: str, start: int) -> GlossaryEntry | None:
    m = _IS_A.match(text)
    if m is None or not _whole(text) or _NOT_DEFINING.search(text) or _CLASS_ONLY.match(m.group("pred")):
        return None  # a trial, a comparison, two clauses; "is a type of glial cell" names a class only
    pred = m.group("pred").split()
    opener = pred[0].lower()
    if opener in ("a", "an", "the"):  # "...is the removal of", not "...is the second leading cause"
        if len(pred) < 4 or REMARK & {w.lower().strip(",") for w in pred[1:4]}:
            return None
    elif m.group("verb") != "are" or opener in FUNCTION | _NOT_PLURAL_DEFINITION:
        return None
    if opener not in ("a", "an", "the") and not _PLURAL_CLASS.match(m.group("pred")):
        return None  # "are" needs a class: "Lymph nodes are small structures that..."
    return _entry(doc, m.group("term"), start, start + len(text), "sentence")


def _called(doc: Document, i: int, text: str) -> GlossaryEntry | None:
    s = doc.sentences[i]
    alone = _THIS_CALLED.match(text)
    if alone is None:
        m = _CALLED.match(text)
        if m is None or " also " in f" {m.group('lead')} " or text.count(" called ") > 1 or not _whole(text):
            return None  # "also called": a synonym
        return _entry(doc, m.group("term"), s.start, s.end, "called")
    # "This is called X.": the sentence before says what "this" is, and is quoted with it.
    if i == 0 or doc.sentences[i - 1].section != s.section:
        return None
    before = doc.sentences[i - 1]
    previous = doc.text[before.start : before.end]
    if doc.text[before.end : s.start].strip(" ") or _POINTING.search(previous):
        return None  # another paragraph, or a sentence that itself points elsewhere
    return _entry(doc, alone.group("term"), before.start, s.end, "called")


def _list_item(doc: Document, text: str, start: int) -> GlossaryEntry | None:
    m = _LIST.match(text)
    if m is None:
        return None
    term, definition = m.group("term").strip(), m.group("def")
    words = [w.lower().strip(",") for w in definition.split()]
    if not definition.endswith(".") or sum(w[0].isupper() for w in definition.split()) > len(words) / 2:
        return None  # a title ("Cigarette Smoking: Health Risks and How to Quit")
    if _FINITE & set(words[:4]) or words[0] in ("see", "for", "if", "when", "in", "treatment"):
        return None  # a clause ("Macroadenoma: The tumor is 1 centimeter or larger."), not a definition
    if _CLAUSE.match(definition) or term_key(term) in term_key(definition):
        return None  # "Lymph nodes in the pelvis may be removed."; "X: X with Y is given."
    offset = start + m.start("def")
    return _entry(doc, term, offset, offset + len(definition), "list")


def _glosses(
    doc: Document, text: str, start: int, known: frozenset[str], phrases: _Phrases
) -> Iterator[GlossaryEntry]:
    for m in _PAREN.finditer(text):
        term = _gloss_term(text[: m.start()], known, phrases)
        near = {w.lower() for w in TOKEN.findall(text[: m.start()])[-MAX_TERM_WORDS - 2 :]}
        if len(m.group(1).split()) <= 3 and near & {w.lower() for w in TOKEN.findall(m.group(1))}:
            continue  # "small cell carcinoma (oat cell cancer)": another name, not a gloss
        if term is not None and plain_gloss(m.group(1), term):
            entry = _entry(doc, term, start + m.start(1), start + m.end(1), "gloss")
            if entry is not None:
                yield entry


def _reverse_glosses(docs: list[Document], found: list[GlossaryEntry]) -> Iterator[GlossaryEntry]:
    """ "chance of recovery (prognosis)" where "prognosis (chance of recovery)" was seen."""
    forward: dict[str, set[str]] = {}
    for e in found:
        if e.kind == "gloss":
            forward.setdefault(e.key, set()).add(e.definition.lower())
    for doc in docs:
        for s in doc.sentences:
            text = doc.text[s.start : s.end]
            for m in _PAREN.finditer(text):
                term, before = m.group(1), text[: m.start()].rstrip()
                for gloss in forward.get(term_key(term), ()):
                    if before.lower().endswith(gloss) and not before[-len(gloss) - 1 : -len(gloss)].isalpha():
                        entry = _entry(
                            doc, term, s.start + len(before) - len(gloss), s.start + len(before), "reverse"
                        )
                        if entry is not None:
                            yield entry


def _gloss_term(before: str, known: frozenset[str], phrases: _Phrases) -> str | None:
    """The term a parenthesis explains: the word just before it, with the words before that
    when together they are a term the pages define elsewhere ("combination chemotherapy") or
    when the pages mostly use the shorter words with them ("watchful waiting"). ``None`` when
    a rare word before it is left out ("polycystic ovary syndrome (...)": the gloss explains
    all three) or after "and"/"or" (which words would it gloss?)."""
    tokens = list(TOKEN.finditer(before))
    if not tokens or not before.endswith(" ") or tokens[-1].end() != len(before) - 1:
        return None
    span = [tokens[-1]]
    for tok in reversed(tokens[:-1]):
        word = tok.group().lower()
        if before[tok.end() : span[0].start()] != " " or len(span) == MAX_TERM_WORDS:
            break
        longer = before[tok.start() : span[-1].end()].lower()
        shorter = before[span[0].start() : span[-1].end()].lower()
        bound = word not in FUNCTION and not word.endswith("ing") and phrases.share(longer, shorter) >= BOUND
        if not (bound or term_key(longer) in known or longer in _FIXED):
            if word not in FUNCTION and zipf(word) < EVERYDAY:
                return None
            break
        span.insert(0, tok)
    if before[: span[0].start()].rstrip().endswith((",", " and", " or")):
        return None
    return before[span[0].start() : span[-1].end()]


class _Phrases:
    """How often runs of up to four words occur in the corpus (lower case, within sentences)."""

    def __init__(self, docs: list[Document]) -> None:
        self.counts: Counter[str] = Counter()
        for doc in docs:
            for s in doc.sentences:
                words = TOKEN.findall(doc.text[s.start : s.end].lower())
                for n in range(1, MAX_TERM_WORDS + 1):
                    self.counts.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))

    def share(self, longer: str, shorter: str) -> float:
        """The share of ``shorter``'s uses that are inside ``longer`` (seen at least 3 times)."""
        n = self.counts[longer]
        return n / self.counts[shorter] if n >= 3 and self.counts[shorter] else 0.0
