"""Conversation context: a short follow-up borrows the previous question's focus.

``contextualize(question, previous)`` is a pure function. It rewrites a message only when that
message is a short follow-up with no subject of its own, and returns it unchanged otherwise:

- a pronoun takes the previous focus: "how is it treated" -> "how is melanoma treated";
- a new question type gets the focus: "what about side effects" -> "side effects of melanoma";
- a qualifier ("for children", "in women") or a group of people ("kids") extends the previous
  question: "and for children?" -> "What is the treatment for melanoma for children?";
- a new subject after a cue keeps the previous question type:
  "what about lapatinib?" -> "What are the side effects of lapatinib?".

The *focus* of a question is its content words minus question-type words ("side effects",
"treated", "symptoms"...). Emergency and crisis messages are never rewritten. Neither input is
logged or stored here.
"""

from __future__ import annotations

import re

from core.errors import BadQuestionError
from core.text import encodable
from service.safety import FIXED, triage

MAX_FOLLOW_UP_WORDS = 8
MAX_PREVIOUS_WORDS = 30

_CUE = re.compile(
    r"^(?:and|also|but|so|ok(?:ay)?|then|what about|how about|what if|same for|same question for)\b[\s,]*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'+-]*")
_PRONOUNS = frozenset({"it", "its", "it's", "they", "them", "their", "this", "that", "these", "those"})
_STOP = frozenset(
    re.findall(
        r"\w+",
        """a an the of for to in on at with by from and or is are was were be been being do does did can
        could should would will may might what which who whom how why when where i me my you your we our
        there here about any some much many more most get gets got has have had than then as if so but also
        not no yes please tell know explain mean means like very really just well ok okay""",
    )
)
_QUALIFIER_START = frozenset(
    {"for", "in", "with", "during", "after", "before", "among", "at", "without", "while", "if"}
)
_POPULATION = re.compile(
    r"^(?:children|child|kids?|teens?|teenagers?|adolescents?|babies|baby|infants?|adults?|men|women|"
    r"elderly|older|seniors?|pregnan\w*|young)$",
    re.IGNORECASE,
)
# Words that say what kind of answer is wanted rather than what it is about.
_KIND = re.compile(
    r"^(?:side|effects?|treat\w*|therap(?:y|ies)|options?|symptoms?|signs?|stag(?:e|es|ing)|"
    r"diagnos\w*|tests?|testing|caus\w*|risks?|prevent\w*|screen\w*|outlook|prognos\w*|surviv\w*|"
    r"cur(?:e|es|ed|able)|trials?|clinical|works?|working|taken?|take|dose|doses|dosage|used|use|"
    r"uses|spread\w*|detect\w*|manag\w*|recover\w*|rates?|curable|help|helps)$",
    re.IGNORECASE,
)


def contextualize(question: str, previous: str | None) -> str:
    """``question`` with the previous question's focus carried over when it is a short follow-up."""
    if previous is not None and not encodable(previous):
        raise BadQuestionError("previous is not valid Unicode text (it holds a lone surrogate)")
    if not previous or not previous.strip() or not question.strip():
        return question
    if triage(question).category in FIXED:
        return question
    rest = _strip_cues(" ".join(question.split()))
    words = _WORD.findall(rest)
    if not words or len(words) > MAX_FOLLOW_UP_WORDS:
        return question
    cued = rest != " ".join(question.split())
    lower = [w.lower() for w in words]
    pronoun = next((w for w in words if w.lower() in _PRONOUNS), None)
    kinds = [w for w in lower if _KIND.match(w)]
    own = [w for w in lower if w not in _STOP and w not in _PRONOUNS and not _KIND.match(w)]
    if not (cued or pronoun or not own):
        return question  # a question of its own
    prev = " ".join(previous.split()[:MAX_PREVIOUS_WORDS])
    focus = _focus(prev)
    if not focus:
        return question
    body = rest.rstrip(" ?.!")
    if pronoun is not None:
        return re.sub(rf"\b{re.escape(pronoun)}\b", " ".join(focus), rest, count=1)
    if kinds:
        return f"{body} of {' '.join(focus)}?"
    if own and lower[0] in _QUALIFIER_START:
        return f"{prev.rstrip(' ?.!')} {body}?"
    if own and all(_POPULATION.match(w) for w in own):
        return f"{prev.rstrip(' ?.!')} for {body}?"
    if own and cued:
        return _replace_focus(prev, focus, body) or question
    return question


def _strip_cues(text: str) -> str:
    while True:
        stripped = _CUE.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


def _focus(question: str) -> list[str]:
    """Content words of ``question`` that are not question-type words, in order, without repeats."""
    out: list[str] = []
    for word in _WORD.findall(_strip_cues(question)):
        low = word.lower()
        if low in _STOP or low in _PRONOUNS or _KIND.match(low) or low in (w.lower() for w in out):
            continue
        out.append(word)
    return out


def _replace_focus(previous: str, focus: list[str], subject: str) -> str | None:
    """The previous question with the span from its first to its last focus word replaced."""
    if not any(_KIND.match(w) for w in _WORD.findall(previous)):
        return None
    first = re.search(rf"\b{re.escape(focus[0])}\b", previous)
    ends = list(re.finditer(rf"\b{re.escape(focus[-1])}\b", previous))
    last = ends[-1] if ends else None
    if first is None or last is None or last.end() < first.start():
        return None
    return f"{previous[: first.start()]}{subject}{previous[last.end():]}"
