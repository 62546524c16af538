"""The question-answering service: one public entry point, ``QAService.ask``.

It validates the question, retrieves sections, composes a cited extractive answer (or abstains
plainly when the sources do not answer), and logs only a hash of the question unless raw logging
was switched on explicitly.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from core.errors import BadQuestionError
from core.settings import Settings
from core.text import encodable
from index.embedder import Embedder, serving_embedder
from index.search import Filters, Hit, Retriever
from index.store import StoredIndex, load_index
from service.answer import Answer, AnswerPart, Citation, Passage
from service.answering.abstain import AbstainModel, Answerability, Evidence
from service.answering.compose import LIST_EXTRA_WORDS, Composition, boilerplate_sentences, compose, quote
from service.answering.gaps import Gap, missing
from service.answering.glossary import Glossary
from service.answering.readability import answer_grade
from service.answering.replies import ABSTAIN_MESSAGE, NOTICE, abstain, not_english
from service.answering.suggest import follow_ups, nearby_topics
from service.rerank import Reranker
from service.safety import FIXED, reply, triage
from service.safety.triage import default_model
from service.staff.counterparts import Counterparts
from service.timing import AskObserver, Laps
from service.understanding.focus import FocusFinder
from service.understanding.language import foreign
from service.understanding.message import Message, read_message
from service.understanding.spelling import Speller
from service.understanding.terms import expand, question_topics, topics
from service.warmup import warm_in_background

log = logging.getLogger("cancer_qa.service")

MAX_SUGGESTIONS = 4
MAIN_WORDS = 150  # the main answer's word budget (a list may run past it)
MAX_PARTS = 2  # a message's other questions answered under their own headings
PART_SENTENCES, PART_WORDS, PART_LIST_WORDS = 4, 70, 30
PART_CONFIDENCE = 0.65  # the refit abstention model (7 features) spreads its probabilities wider
SAME_PART_SENTENCES = 2  # a part from a section the main answer already quotes
PREFER_MARGIN = 0.05


@dataclass(frozen=True)
class Query:
    """A question as understood for retrieval (spelling fixed, lay terms expanded), its words the
    corpus does not know, and its vector (which triage reads too)."""

    text: str
    unknown: tuple[str, ...]
    vector: np.ndarray
    message: Message | None = None
    """The message as understood (main question, other questions, focus), when it was read."""
    message_vector: np.ndarray | None = None
    """The whole message's vector, which triage's learned layer reads (``vector`` when the same)."""


@dataclass(frozen=True)
class Retrieval:
    """What ``QAService.retrieve`` found: the understood query, its vector, ranked sections, and
    the evidence that the top section answers the question (``None`` when nothing was found)."""

    query: str
    vector: np.ndarray
    hits: list[Hit]
    evidence: Evidence | None


class QAService:
    def __init__(
        self,
        settings: Settings,
        index: StoredIndex,
        embedder: Embedder,
        log_key: bytes | None = None,
        abstain_model: AbstainModel | None = None,
    ) -> None:
        self.settings = settings
        self.index = index
        self.retriever = Retriever(index, embedder)
        documents = list(index.documents.values())
        self.reranker = Reranker(documents)
        self.speller = Speller(t for d in documents for t in (d.title, d.text))
        self.answerability = Answerability(documents)
        self.focus = FocusFinder(documents, self.answerability.vocab)
        self.abstain_model = abstain_model or AbstainModel.load()  # given: a refit (eval/calibrate.py)
        self.triage_model = default_model()  # the one copy context.py's triage reads too
        self.embedder_name = embedder.name
        self.boilerplate = boilerplate_sentences(index)  # once, at start-up, not on a question
        self.glossary = Glossary(index)  # term -> definitions, once
        self.counterparts = Counterparts(documents, index.chunks)  # patient <-> professional pages, once
        self._known = frozenset(self.speller.counts)  # the corpus's words count as English
        self.on_ask: AskObserver | None = None
        """Told of every answer and its stage timings (``service/timing.py``); the web layer's
        metrics set it. Not called for a question refused as bad."""
        # Logged question hashes are keyed: without the key, hashing a list of likely questions
        # cannot re-identify them. A key per process unless QA_LOG_KEY sets one for the deployment.
        # (A service built for a new index version keeps its predecessor's key: ``log_key``.)
        self.log_key = log_key or (settings.log_key or "").encode() or secrets.token_bytes(32)
        if settings.log_questions:
            log.warning(
                "QA_LOG_QUESTIONS is on: raw question text will be written to the logs. "
                "Use this for local debugging only; health questions are sensitive."
            )

    @classmethod
    def open(
        cls, settings: Settings, embedder: Embedder | None = None, abstain_model: AbstainModel | None = None
    ) -> QAService:
        path = settings.resolved_index_dir()
        hint = (
            f"cancer-qa index --corpus {settings.corpus}"
            + (f" --out {path}" if settings.index_dir else "")
            + " --force"
        )
        warm_in_background()  # word lists, language detector, syllables: beside the index load
        index = load_index(Path(path), settings.model, hint)
        embedder = embedder or serving_embedder(index.path, settings.model)
        return cls(settings, index, embedder, abstain_model=abstain_model)

    def ask(self, question: str, filters: Filters | None = None) -> Answer:
        laps = Laps()
        clean = self._validate(question)
        # The knowledge rules first: an emergency or crisis they find is answered before anything
        # is embedded. Otherwise the query vector (needed for retrieval anyway) lets the learned
        # layer read the message with both of its models.
        safety = triage(clean, learned=False)
        query = None
        told_in_spanish = any(c.startswith("es_") for c in safety.concepts)
        language = foreign(clean, self._known) if safety.category not in FIXED or told_in_spanish else None
        lang = "es" if language == "es" else "en"
        if language is not None and safety.category not in FIXED:
            # we read and answer English only: declined before retrieval, or, for an urgent sign or
            # a personal question told in Spanish, the care team (and the Spanish line) in Spanish
            tier = safety.category if lang == "es" else None
            message, lang = (reply(tier, lang=lang), lang) if tier else not_english(language)
            answer = Answer(
                (), (), (), abstained=True, message=message, safety=tier, notice=NOTICE, message_lang=lang
            )
            laps.lap("understand")
            return self._finish(clean, answer, laps)
        if safety.category not in FIXED:
            query = self.understand(clean)
            safety = triage(clean, query.message_vector, self.embedder_name, self.triage_model, rules=safety)
        laps.lap("understand")
        if safety.category in FIXED:
            # Fixed, reviewed replies; no retrieval at all.
            answer = Answer(
                (),
                (),
                (),
                abstained=True,
                message=reply(safety.category, safety.tiers, concepts=safety.concepts, lang=lang),
                safety=safety.category,
                notice=NOTICE,
                message_lang=lang,
            )
        else:
            # Urgent and personal-advice replies keep the general information the sources have.
            answer = self.glossary.explain(self._answer(clean, filters, query, laps))
            laps.lap("compose")
            if safety.category is not None:
                message = reply(safety.category, answered=bool(answer.answer))
                answer = replace(answer, safety=safety.category, message=message)
        return self._finish(clean, answer, laps)

    def search(self, query: str, filters: Filters | None = None, k: int = 10) -> tuple[Passage, ...]:
        """Ranked passages (one per section), every audience alike; no answer is composed."""
        return tuple(self._passage(h) for h in self.staff_retrieve(query, filters, k).hits)

    def staff_retrieve(self, query: str, filters: Filters | None = None, k: int = 10) -> Retrieval:
        """Staff search's retrieval (``service/staff/search.py``): the query checked like a question,
        and sections of every audience ranked alike (no penalty on health-professional pages)."""
        return self.retrieve(self._validate(query), filters, k=k, patient=False)

    def understand(self, question: str) -> Query:
        """The message read for its main question and focus (``understanding.message``); that
        question's spelling checked against the corpus, lay terms and brand names expanded; and
        the vectors of the question and of the whole message (for triage)."""
        message = read_message(question, self.focus)
        checked = self.speller.check(message.query, known=lambda w: expand(w) != w or bool(topics(w)))
        text = expand(checked.text)
        if not message.rewritten:
            vector = self.retriever.embed(text)
            return Query(text, checked.unknown, vector, message, vector)
        # Words we lack count against answering only when the question itself uses them: the
        # sentence read with it for its referent ("I worked at a petrochemical plant") is context.
        asked = set(re.findall(r"[a-z'-]+", message.questions[0].lower()))
        unknown = tuple(w for w in checked.unknown if w in asked)
        vector, whole = self.retriever.embedder.encode([text, expand(question)])
        return Query(text, unknown, vector, message, whole)

    def retrieve(
        self,
        question: str,
        filters: Filters | None = None,
        k: int = 10,
        patient: bool = True,
        query: Query | None = None,
        prefer: str | None = None,
    ) -> Retrieval:
        """Rank sections for the understood question, and weigh whether the top one answers it.
        ``prefer`` (a page) comes first when it scores nearly as well as the top: a message's
        other questions are about the same thing as its main one."""
        query = query or self.understand(question)
        hits = self.retriever.search(query.text, k=k + 20, filters=filters, vector=query.vector)
        hits = self.reranker.rerank(hits, query.text, question_topics(query.text), patient=patient)[:k]
        if any(h.doc == prefer and h.score >= hits[0].score - PREFER_MARGIN for h in hits):
            # the page the message is about, when it answers nearly as well
            hits = sorted(hits, key=lambda h: h.doc != prefer)
        if not hits:
            return Retrieval(query.text, query.vector, hits, None)
        dense = self.retriever.dense_score(hits[0].chunk, query.vector)
        rows = self.index.section_rows(hits[0].doc, hits[0].section)
        sentences = self.index.sentence_vectors[rows].astype(np.float32)
        sentence = float((sentences @ query.vector).max(initial=0.0))
        evidence = self.answerability.evidence(
            query.text, hits[0].doc, dense, query.unknown, hits[0].heading, sentence
        )
        return Retrieval(query.text, query.vector, hits, evidence)

    def _answer(
        self, clean: str, filters: Filters | None, query: Query | None = None, laps: Laps | None = None
    ) -> Answer:
        query = query or self.understand(clean)
        found = self.retrieve(clean, filters, k=max(self.settings.top_k, 10), query=query)
        passages = tuple(self._passage(h) for h in found.hits[: self.settings.top_k])
        if laps is not None:
            laps.lap("retrieve")
        gap, blocked = self._gap(query, found)
        if found.evidence is None or blocked:
            answer = abstain(passages, nearby_topics(found.hits, self.index.documents))
        else:
            confidence = round(self.abstain_model.probability(found.evidence), 4)
            if confidence < self.abstain_model.threshold:
                answer = abstain(passages, nearby_topics(found.hits, self.index.documents), confidence)
            else:
                answer = replace(self._compose(found, passages, _cues(query.message)), confidence=confidence)
        if answer.abstained and gap is not None:  # say what is missing when we can tell
            answer = replace(
                answer, message=ABSTAIN_MESSAGE.replace(" Please ask", f" {gap.text} Please ask", 1)
            )
        message = query.message
        if message is None or not message.rewritten:
            return answer
        if not answer.abstained:
            answer = self._parts(message, answer, filters)
        # Say what was answered; the message's other questions come first among the follow-ups.
        answered = {p.question for p in answer.parts} | {c.section for c in answer.citations}
        others = tuple(q for q in message.questions[1:] if q not in answer.suggestions and q not in answered)
        answer = replace(answer, suggestions=tuple(s for s in answer.suggestions if s not in answered))
        return replace(
            answer, understood_as=message.query, suggestions=(*others, *answer.suggestions)[:MAX_SUGGESTIONS]
        )

    def _validate(self, question: object) -> str:
        if not isinstance(question, str) or not question.strip():
            raise BadQuestionError("question is empty")
        if not encodable(question):
            raise BadQuestionError("question is not valid Unicode text (it holds a lone surrogate)")
        clean = " ".join(question.split())
        limit = self.settings.max_question_chars
        if len(clean) > limit:
            raise BadQuestionError(f"question is too long ({len(clean)} characters; the limit is {limit})")
        return clean

    def _gap(self, query: Query, found: Retrieval) -> tuple[Gap | None, bool]:
        """What the sources lack for ``query`` (or ``None``), and whether that rules answering out:
        a gap that blocks, and that the best section found does not fill after all."""
        gap = missing(query.text, query.unknown, self.answerability.corpus_terms)
        if gap is None or not gap.blocks:
            return gap, False
        return gap, not (found.hits and gap.answered_by(self._text(found.hits[0])))

    def _text(self, hit: Hit) -> str:
        """The body of the hit's section."""
        doc = self.index.documents[hit.doc]
        section = doc.sections[hit.section]
        return doc.text[section.start : section.end]

    def _passage(self, hit: Hit) -> Passage:
        doc = self.index.documents[hit.doc]
        chunk = self.index.chunks[self.retriever.chunk_position(hit.chunk)]
        return Passage(
            doc=hit.doc,
            section=hit.heading,
            title=doc.title,
            score=round(hit.score, 4),
            text=chunk.text,
            url=doc.meta.url,
            audience=doc.meta.audience,
        )

    def _compose(self, found: Retrieval, passages: tuple[Passage, ...], cues: str = "") -> Answer:
        composed = self._choose(found, self.settings.max_sentences, MAIN_WORDS, LIST_EXTRA_WORDS, cues)
        sentences, citations, read_more = quote(self.index, composed.picks)
        if not sentences:
            return abstain(passages)
        first = self.index.documents[composed.picks[0].doc]
        return Answer(
            sentences,
            citations,
            passages,
            abstained=False,
            notice=NOTICE,
            reading_grade=answer_grade([s.text for s in sentences]),
            read_more=read_more,
            suggestions=follow_ups(first, first.sentences[composed.picks[0].sentence].section),
            more_in_section=composed.cut,
        )

    def _quoted(self, citations: list[Citation]) -> frozenset[tuple[str, int]]:
        """The (page, sentence position) of every quoted sentence, and of every sentence of those
        pages that says the same words (a page that repeats itself)."""
        said = {c.quote for c in citations}
        return frozenset(
            (doc, j)
            for doc in {c.doc for c in citations}
            for j, s in enumerate(self.index.documents[doc].sentences)
            if self.index.documents[doc].text[s.start : s.end] in said
        )

    def _choose(
        self,
        found: Retrieval,
        sentences: int,
        words: int,
        list_words: int,
        cues: str = "",
        exclude: frozenset[tuple[str, int]] = frozenset(),
    ) -> Composition:
        return compose(
            found.vector,
            found.hits,
            self.index,
            max_sentences=sentences,
            max_words=words,
            list_extra_words=list_words,
            question=found.query,
            boilerplate=self.boilerplate,
            cues=cues,
            exclude=exclude,
        )

    def _parts(self, message: Message, answer: Answer, filters: Filters | None) -> Answer:
        """The message's other questions answered under their own headings where the sources
        answer them (at most ``MAX_PARTS``), with sentences the answer does not already quote;
        the rest stay follow-ups."""
        cited = {(c.doc, c.section) for c in answer.citations}
        parts: list[AnswerPart] = []
        citations = list(answer.citations)
        main_doc = answer.citations[0].doc
        others = [q for q in message.questions[1:] if q.rstrip().endswith("?")]
        for question in [*message.within, *others][:MAX_PARTS]:
            shared = [x for x in message.about if x.lower() not in question.lower()]
            text = f"{question} ({', '.join(shared)})" if shared else question
            query = self.understand(text)
            found = self.retrieve(text, filters, query=query, prefer=main_doc)
            if found.evidence is None or self._gap(query, found)[1]:
                continue
            same = (found.hits[0].doc, found.hits[0].heading) in cited
            # the section offers the kind of answer asked for, or the answer above already
            # found that it answers the message (a yes/no question about it has no type to fit)
            plain = found.evidence.type_fit == 1.0 or same
            if not plain or self.abstain_model.probability(found.evidence) < PART_CONFIDENCE:
                continue
            # From a section the answer above already quotes: only what it has not quoted yet
            # ("does it usually stay in the ovary?" after "what is it?", from one section).
            quoted = self._quoted(citations) if same else frozenset()
            composed = self._choose(
                found, SAME_PART_SENTENCES if same else PART_SENTENCES, PART_WORDS, PART_LIST_WORDS,
                _cues(message), quoted,
            )
            sentences, new, read_more = quote(self.index, composed.picks, len(citations) + 1)
            if sentences:
                parts.append(AnswerPart(question, sentences, read_more, composed.cut))
                citations.extend(new)
                cited |= {(c.doc, c.section) for c in new}
        if not parts:
            return answer
        answer = replace(answer, parts=tuple(parts), citations=tuple(citations))
        return replace(answer, reading_grade=answer_grade([s.text for s in answer.all_sentences]))

    def _finish(self, question: str, answer: Answer, laps: Laps) -> Answer:
        seconds = laps.total()
        self._log(question, answer, seconds)
        if self.on_ask is not None:
            self.on_ask(answer, {**laps, "total": seconds})
        return answer

    def _log(self, question: str, answer: Answer, seconds: float) -> None:
        fields = {
            "request_id": uuid.uuid4().hex[:12],
            "question_hmac": hmac.new(self.log_key, question.encode(), hashlib.sha256).hexdigest()[:16],
            "abstained": answer.abstained,
            "safety": answer.safety,
            "sentences": len(answer.answer),
            "latency_ms": round(seconds * 1000, 1),
        }
        if self.settings.log_questions:
            fields["question"] = question
        log.info("ask %s", " ".join(f"{k}={v}" for k, v in fields.items()))


def _cues(message: Message | None) -> str:
    """What the message says besides the question answered: its history and other questions."""
    return " ".join((*message.questions, *message.context)) if message is not None else ""
