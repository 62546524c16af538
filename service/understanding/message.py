"""Message understanding: from a raw message to the question to answer, before retrieval.

Real messages come with greetings, thanks, names, history, requests to call back, and sometimes
several questions. ``read_message(text, names)`` keeps what retrieval needs:

- drops greetings, thanks, sign-offs, names and placeholders ("[NAME]"), and requests to mail or
  call back (they say nothing about what to answer);
- finds the question sentences (a question mark, a question word first, or "I'd like to know",
  "wondering", "please explain"...), the main one first: the first that asks for a kind of answer
  the pages give (``terms.question_topics``), else the first;
- finds the *focus* (the cancer type, drug, test or procedure asked about) with ``focus.py``, in
  the question first, then in the rest of the message ("my mom has stage II colon cancer. What is
  the usual treatment?" is about colon cancer);
- keeps the personal context (the other sentences) for triage and tone, not for retrieval.

The result's ``query`` is what retrieval reads: the main question, with the focus added when the
question does not name it. A message that is one question is left as it is. Anchors: NLM's CHiQA
(focus and type drive retrieval) and MeQSum (summarising a consumer question first helps).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.lexical import terms
from service.understanding.focus import FocusFinder, rare_focus
from service.understanding.terms import question_topics

MAX_QUESTIONS = 3

_SPLIT = re.compile(
    # not after a title, an initial or an abbreviation ("Dr. Okafor", "Mr. L. has", "e.g. this")
    r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\b[Dd]r\.)(?<!\b[Mm]r\.)(?<!\b[Mm]s\.)(?<!\b[Mm]rs\.)(?<!\b[Pp]rof\.)(?<!\b[Ss]t\.)(?<!\bvs\.)(?<!\be\.g\.)(?<!\bi\.e\.)"
    r"[\"')\]]*\s+(?=\S)|\n+|(?<=\?)(?=\S)|(?<=[a-z0-9)][.!?])(?=[A-Z])")
_HEADER = re.compile(
    r"^\s*(?:subject|re|fwd?|question|topic)\s*:\s*(.*?)\s*(?:\bmessage\s*:|$)", re.IGNORECASE | re.DOTALL
)
_LABEL = re.compile(r"^\s*(?:message|msg|body)\s*:\s*", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\[[A-Z_ ]+\]|\{\{?\w+\}?\}|<[A-Z_]+>")
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening|day)|greetings|to whom it may concern|"
    r"hiya|howdy|hi there|hello there)\b[\w ,.'!-]{0,40}$",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"^(?:(?:many |thanks|thank you|thx|ty|cheers|much appreciated|i appreciate|appreciate)\b.{0,80}|"
    r"(?:best|kind|warm)? ?(?:regards|wishes)\b.{0,40}|sincerely\b.{0,40}|yours (?:truly|sincerely)\b.{0,40}|"
    r"(?:god bless|take care|have a (?:good|great|nice) (?:day|one))\b.{0,40}|"
    r"(?:sorry|apologies) (?:for|about) (?:the|this|my) (?:long|rambling|length|english|typos?|spelling)\b.{0,60}|"
    r"(?:sorry|apologies),? (?:this|it) (?:is|got) (?:so )?long\b.{0,40})$",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"\b(?:(?:please|pls|can you|could you|would you) )?(?:e-?mail|call|phone|text|ring|contact|reach|get back to|"
    r"write (?:back )?to|reply to) me\b|\bmy (?:e-?mail|number|phone(?: number)?) is\b|\b\S+@\S+\.\w+\b|"
    r"\b\d{3}[-. ]\d{3}[-. ]\d{4}\b",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^[-\u2013\u2014~]*\s*[A-Z][a-z]+(?: [A-Z]\.?)?(?: [A-Z][a-z]+)?\.?$")
_ASK_WORDS = (
    r"what|what's|whats|how|why|when(?! (?:i|we|he|she|they|my|our|his|her|it) )|where|which|who|whom|is|are|am|was|were|can|could|should|would|"
    r"will|do|does|did|has|have|may|might|shall|any|anything"
)
_ASKS = re.compile(
    rf"\?\s*$|^(?:(?:and|also|but|so|or|then|ok|okay|well|please|plus|lastly|finally|secondly|first|second|"
    rf"my (?:main|other|last|first|second) question is),? )*(?:{_ASK_WORDS})\b|"
    r"\b(?:i(?:'d| would)? (?:like|want|need) to (?:know|understand|learn|ask|find out)|(?:i'm|i am|we're|we are) "
    r"(?:wondering|curious|trying to (?:understand|find out|figure out))|i wonder|wondering (?:if|whether|what|how|why|about)|"
    r"(?:please|pls|can you|could you) (?:explain|tell|help|describe|clarify|let me know)|tell me (?:about|what|how|why|if|whether)|"
    r"explain (?:to me )?(?:what|how|why)|my question is|question:|any (?:info|information|advice|idea)s?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Message:
    """A message as understood: what retrieval reads (``query``), the question sentences (main
    first), the focus, and the rest (context for triage and tone, never for retrieval)."""

    text: str
    query: str
    questions: tuple[str, ...]
    focus: str | None
    context: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    """What the whole message is about (its focus, and a child or a pregnancy when it says so):
    its other questions share it ("and what tests would they do?")."""
    within: tuple[str, ...] = ()
    """Questions inside the main question's sentence after its first ("what raises the risk of
    bowel cancer, and what is known to lower it?" -> "what is known to lower it?"): answered as
    parts of the reply, never offered as follow-ups (they lean on the main question's words)."""

    @property
    def rewritten(self) -> bool:
        """True when retrieval reads something other than the message as typed."""
        return " ".join(self.query.split()) != " ".join(self.text.split())


_WITHIN = re.compile(
    r",?\s+and (?:also )?(?=(?:what|whether|how|is|are|does|do|can|could|which|why|when|where|if)\b)", re.IGNORECASE
)
_WITHIN_WORDS = 4  # each side of "and" at least this many words: "what and how" is one question


def within(question: str) -> tuple[str, ...]:
    """The questions a question sentence joins with "and" after its first one."""
    pieces = [p.strip(" ,") for p in _WITHIN.split(question)]
    if len(pieces) < 2 or len(pieces[0].split()) < _WITHIN_WORDS:
        return ()
    return tuple(p for p in pieces[1:] if len(p.split()) >= _WITHIN_WORDS)


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SPLIT.split(text.strip()) if s and s.strip(" .,!?-")]


_FORM_PROMPT = re.compile(
    r"^[^\n\"]{0,80}\b(?:question|item|field|q)\s*#?\d+\s*[:.)\u2013\u2014-]\s*[\"\u201c]"
    r"|^[^\n\"]{0,60}\b(?:intake|form|questionnaire|survey|free[- ]text)\b[^\n\"]{0,40}[\"\u201c(]",
    re.IGNORECASE,
)
"""A form's own numbered prompt quoted above the writer's answer ("Intake, Question 14: 'Anything
else you want to know?'"): the form asks it, not the writer."""


def _noise(sentence: str) -> bool:
    s = _PLACEHOLDER.sub("", sentence).strip(" ,.!-")
    if not s:
        return True
    if _GREETING.match(s) or _THANKS.match(s) or _SIGNATURE.match(s) or _FORM_PROMPT.match(s):
        return True
    return bool(_CONTACT.search(s)) and not _ASKS.search(_CONTACT.sub("", s).strip())


def asks(sentence: str) -> bool:
    return bool(_ASKS.search(sentence.strip()))


def _strip_greeting(sentence: str) -> str:
    """ "Hi, what is ..." -> "what is ..."; "Thanks! How ..." is split already."""
    return re.sub(
        r"^(?:hi|hello|hey|dear \w+|good (?:morning|afternoon|evening))(?: there| all| everyone)?[,!.:\s-]+",
        "",
        sentence,
        flags=re.IGNORECASE,
    )


def read_message(text: str, names: FocusFinder | None = None) -> Message:
    """Understand ``text``; ``names`` (the corpus's ``FocusFinder``) names the corpus topic a text
    is about. Failing a corpus topic, the focus is the message's rarest words."""
    find: Callable[[str], str | None] = names.corpus_focus if names else (lambda _t: None)
    subject, body = _subject(text)
    sentences = [_strip_greeting(_PLACEHOLDER.sub("", s)).strip() for s in split_sentences(body)]
    kept = [s for s in sentences if s and not _noise(s)]
    if (len(sentences) <= 1 and not subject) or not kept:
        only = kept[0] if kept else text.strip()
        return Message(text, only, (only,), find(only) or rare_focus(only))
    questions = [s for s in kept if asks(s)]
    context = tuple(s for s in kept if s not in questions)
    if not questions:  # a statement ("I'd appreciate any information on X") or no punctuation
        questions = [kept[-1]]
        context = tuple(kept[:-1])
    # The first question, unless a later one names the topic.
    # (a first question that opens with "also" or "and" follows on from something, so it gets no lead)
    first = questions[0] if not _FOLLOW_ON.match(questions[0]) else None
    main = max(questions, key=lambda q: _weight(q, find) + (q is first))
    ordered = [main, *[q for q in questions if q is not main]][:MAX_QUESTIONS]
    asked = _with_referent(main, kept)
    focus = find(asked)
    whole = find(subject) or find(" ".join(kept)) if subject else find(" ".join(kept))
    extras = []
    if whole is not None and (
        focus is None or whole.lower() not in asked.lower() and _more_specific(whole, focus, names)
    ):
        focus = whole
        extras.append(whole)
    if focus is None and subject and (named := rare_focus(subject)) and named.lower() not in asked.lower():
        extras.append(named)  # the subject line names what the message is about
        focus = named
    named = rare_focus(main) or rare_focus(" ".join(kept)) if focus is None and whole is None else None
    if named and named.lower() not in asked.lower():
        # No corpus name, but the message's rarest words ("leiomyosarcoma") say what it is about.
        extras.append(named)
        focus = named
    # Who it is about changes which page answers (childhood or adult, during pregnancy).
    # (from the questions and the sentences about the illness: "my daughter just started
    # university" tells where she is, not who is ill)
    told = " ".join(s for s in kept if s in questions or _MEDICAL.search(s))
    audience = [cue for cue, pattern in _AUDIENCE if pattern.search(told)]
    if "child" in audience and (_ADULT_ASKED.search(asked) or _ADULT_AGE.search(" ".join(kept))):
        audience.remove("child")  # "adult brain tumors", "our son is 22": a grown child is an adult patient
    if "child" not in audience and _ADULT_PATIENT.search(told):
        audience.append("adult")  # "my wife has an astrocytoma": the adult page, not the childhood one
    said = {**dict(_AUDIENCE), "adult": _ADULT_ASKED}
    extras += [cue for cue in audience if not said[cue].search(asked)]
    query = f"{asked} ({', '.join(extras)})" if extras else asked
    about = tuple(dict.fromkeys(x for x in (focus, *audience) if x))
    focus = focus or rare_focus(main) or rare_focus(" ".join(kept))
    return Message(text, query, tuple(ordered), focus, context, about, within(main))


def _subject(text: str) -> tuple[str, str]:
    """A "SUBJECT: ... MESSAGE: ..." message split into its subject line and its body."""
    m = _HEADER.match(text)
    if not m:
        return "", _LABEL.sub("", text)
    return m.group(1).strip(" -:"), text[m.end() :].strip() or m.group(1)


def _weight(question: str, find: Callable[[str], str | None]) -> float:
    """Which question is the main one: one that names a corpus topic and asks for a kind of answer
    the pages give outweighs a follow-up such as "and how is it treated"."""
    return 2.0 * (find(question) is not None) + 1.0 * bool(question_topics(question) - {"definition"})


_AUDIENCE = (
    (
        "child",
        re.compile(
            r"\b(?:child|children|childhood|kids?|son|daughter|toddler|baby|infant|teen\w*|boy|girl|"
            r"(?:[1-9]|1[0-7])[- ]?(?:year|yr)s?[- ]old|(?:[1-9]|1[0-7]) ?(?:yo|y/o))\b",
            re.IGNORECASE,
        ),
    ),
    ("pregnancy", re.compile(r"\bpregnan\w*\b", re.IGNORECASE)),
)
_MEDICAL = re.compile(
    r"\b(?:diagnos\w*|cancer|tumou?rs?|leuk\w*|lymphoma|sarcoma|\w+omas?|treat\w*|chemo\w*|radiation|"
    r"surgery|operation|symptoms?|biops\w*|scans?|tests?|doctors?|oncologist|hospital|sick|ill|pain|"
    r"lumps?|bumps?|swelling|fevers?|bruis\w*|bleed\w*|results?|blood)\b",
    re.IGNORECASE,
)
_ADULT_ASKED = re.compile(r"\b(?:adults?|grown[- ]ups?)\b", re.IGNORECASE)
_ADULT_AGE = re.compile(
    r"\b(?:son|daughter|boy|girl|kid|child)\b[^.?!]{0,25}\b(?:is|aged?|turned|just turned)? ?\(?(?:1[89]|[2-9]\d)\)?(?![\d%.])(?! ?(?:months?|weeks?|days?|kg|lbs?|cm|mm|%))"
    r"|\b(?:1[89]|[2-9]\d)[- ](?:years?|yrs?)[- ]old (?:son|daughter|boy|girl)\b",
    re.IGNORECASE,
)
_ADULT_PATIENT = re.compile(
    r"\b(?:my|our|his|her) (?:wife|husband|partner|boyfriend|girlfriend|fianc\w+|spouse|mum|mom|mother|dad|father|"
    r"grandpa|grandma|grandmother|grandfather|grandad|granddad|uncle|aunt|\w+-in-law)\b"
    r"|\b(?:i'?m|i am|aged?|age) (?:1[89]|[2-9]\d)\b(?! ?(?:months?|weeks?|days?|kg|lbs?|cm|mm|%))|\((?:1[89]|[2-9]\d)\)"
    r"|\b(?:1[89]|[2-9]\d)[- ](?:years?|yrs?)[- ]old\b|\badults?\b",
    re.IGNORECASE,
)
"""Who is ill is a grown-up: a spouse or parent, an adult age, or "adults"."""
_FOLLOW_ON = re.compile(
    r"^(?:(?:i|we|she|he|they|i'm|we're|she's|he's|they're|i am|we are)(?: (?:were|was|are|am|have|had|'ve))? also"
    r"|also|and|plus|another (?:thing|question)|one more (?:thing|question)|lastly|finally)\b",
    re.IGNORECASE,
)
_FEW_TERMS = 2
"""A question with fewer content words ("should I be concerned?") reads with the sentence before it."""
_POINTING = re.compile(r"\b(?:it|they|them|this|that|these|those|its|their)\b", re.IGNORECASE)


def _with_referent(question: str, kept: list[str]) -> str:
    """A question that points back ("is there evidence they work?") or says little ("should I be
    concerned?") keeps the sentence before it."""
    i = kept.index(question)
    if i == 0 or not (_POINTING.search(question) or len(terms(question)) < _FEW_TERMS):
        return question
    return f"{kept[i - 1]} {question}"


def _more_specific(a: str, b: str, names: FocusFinder | None) -> bool:
    """True when corpus name ``a`` weighs more than ``b`` (rarer words); without a finder, the longer."""
    if names is None:
        return len(a.split()) > len(b.split())
    return names.weight(a) > names.weight(b)
