"""Split a message into the parts that are triaged one by one: its sentences, and the clauses of
each sentence.

A message is read the way a person types it: lower case, curly or missing apostrophes, common
misspellings, no punctuation. ``parts(text)`` returns the normalised message, its sentences, and the
clauses of the longer ones, so that "sorry this is long. i need a refill and honestly i see no
reason to go on" is triaged as a whole, sentence by sentence, and clause by clause.
"""

from __future__ import annotations

import re
from functools import lru_cache

from service.safety.anchors import anchors

_FIXES = [
    (re.compile(p), r, anchors(p))
    for p, r in (
        (r"\bcant\b|\bcannot\b|\bcan not\b", "can't"),
        (r"\bwont\b", "won't"),
        (r"\bdont\b", "don't"),
        (r"\bdoesnt\b", "doesn't"),
        (r"\bdidnt\b", "didn't"),
        (r"\bisnt\b", "isn't"),
        (r"\bhavent\b", "haven't"),
        (r"\bhasnt\b", "hasn't"),
        (r"\bwasnt\b", "wasn't"),
        (r"\barent\b", "aren't"),
        (r"\bcouldnt\b", "couldn't"),
        (r"\bwouldnt\b", "wouldn't"),
        (r"\bshouldnt\b", "shouldn't"),
        (r"\bthats\b", "that's"),
        (r"\btheyre\b", "they're"),
        (r"\bcuz\b|\bcoz\b", "because"),
        # British spellings, so that one description covers both
        (r"\bdiarrhoea\b", "diarrhea"),
        (r"\bhaemorrhag", "hemorrhag"),
        (r"\banaemi", "anemi"),
        (r"\boedema\b", "edema"),
        (r"\boesophag", "esophag"),
        (r"\bpaediatric", "pediatric"),
        (r"\btumour", "tumor"),
        (r"\bfaeces\b", "feces"),
        (r"\bhaematolog", "hematolog"),
        (r"\bleukaemia", "leukemia"),
        (r"\bim\b", "i'm"),
        (r"\bive\b", "i've"),
        (r"\bid\b", "i'd"),
        (r"\bhes\b", "he's"),
        (r"\bshes\b", "she's"),
        (r"\btheres\b", "there's"),
        (r"\bwhats\b", "what's"),
        (r"\b(can't|cannot|couldn't|can|to|not|barely|hardly|won't|doesn't|don't|i|he|she|they) breath\b", r"\1 breathe"),
        (r"\b(short of|out of|catch (?:my|his|her|a|their)) breathe\b", r"\1 breath"),
        (r"\b(hardly|barely|not) weed\b", r"\1 peed"),
        (r"\bbreating\b|\bbreathin\b|\bbrething\b", "breathing"),
        (r"\bpian\b", "pain"),
        (r"\bsuicde\b|\bsucide\b|\bsuicid\b", "suicide"),
        (r"\bwanna\b", "want to"),
        (r"\bgonna\b", "going to"),
        (r"\bwat\b", "what"),
        (r"\bpainfull\b", "painful"),
        (r"\balot\b", "a lot"),
        (r"\bthinkin\b", "thinking"),
        (r"\bfeaver\b|\bfevor\b|\bfver\b", "fever"),
        (r"\bchemo\w*therapy\b", "chemotherapy"),
        (r"\bu\b", "you"),
        (r"\bur\b", "your"),
        (r"\br\b", "are"),
        (r"\bpls\b|\bplz\b", "please"),
        (r"\bw/", "with "),
        (r"\bhrs\b", "hours"),
        (r"\bmins\b", "minutes"),
        # figures of speech that borrow a danger's words, said plainly ("this bill is giving me a
        # heart attack", "chemo brain will be the death of me"): neither layer reads a danger in them
        (r"\b(giv(?:e|es|ing)|gave|(?:nearly|almost) gave) (me|him|her|us) (?:a )?heart attacks?\b", r"\1 \2 a fright"),
        (r"\b(?:nearly|almost) (?:had|have|having) (?:a )?heart attack (?=when|at|over|reading|seeing)", "got a fright "),
        (r"\bmy heart (?:stopped|skipped a beat|sank|dropped) (?=when|as|at|reading|seeing)", "i was shocked "),
        (r"\b(?:will|is going to|going to) be the death of (me|him|her|us)\b", r"is wearing \1 down"),
        (r"\b(?:dying|dieing) to (know|see|try|hear|get|go|meet|ask|find out|read|eat|have|start|tell)\b", r"eager to \1"),
        (r"\b(bored|scared|worried|freezing|frightened|terrified) to death\b", r"very \1"),
        (
            r"\b(paperwork|waiting|traffic|commute|suspense|insurance|bills?|forms|kids|job|boss|heat|boredom|"
            r"uncertainty|not knowing|parking|admin|red tape|hold music) (is|are) killing me\b",
            r"\1 \2 wearing me down",
        ),
        (r"\bkill(?:ing)? time\b", "pass time"),
        (r"\bto die for\b", "wonderful"),
        (r"\bover my dead body\b", "never"),
        (r"\bdead (?:tired|on my feet|beat)\b", "very tired"),
        (
            r"\boverdos(?:e|ed|ing) on (coffee|caffeine|tv|netflix|news|sugar|chocolate|social media|"
            r"screen time|youtube|podcasts?|research|google|information|reading)\b",
            r"too much \1",
        ),
        (r"\bbleed(?:ing)? (us|me|them|him|her) dry\b", r"costing \1 a lot"),
        (r"\bbleeding money\b", "losing money"),
    )
]
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+-{1,2}\s+|(?<=[a-z])\.{2,}\s*")
_CLAUSE = re.compile(r",\s+(?:and|but|so|because|cause|plus)\s+|\s+(?:but|however|and also|also|plus)\s+|,\s+")
_MIN_CLAUSE_WORDS = 3


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"(\d)\s*°\s*([fc])\b", r"\1 \2", text)
    text = " ".join(text.split())
    for pattern, repl, needs in _FIXES:
        if needs is None or any(a in text for a in needs):  # most fixes have nothing to fix
            text = pattern.sub(repl, text)
    return text


def sentences(clean: str) -> list[str]:
    return [s.strip(" .!;,") for s in _SENTENCE.split(clean) if s.strip(" .!?;,")]


def clauses(sentence: str) -> list[str]:
    pieces = [c.strip(" .!;,") for c in _CLAUSE.split(sentence)]
    return [c for c in pieces if len(c.split()) >= _MIN_CLAUSE_WORDS]


def parts(text: str) -> list[str]:
    """The normalised message, its sentences, then the clauses of sentences that have several."""
    return list(_parts(text))


@lru_cache(maxsize=64)
def _parts(text: str) -> tuple[str, ...]:
    """``parts``, kept for the learned pass, which splits the very message the rules just did."""
    clean = normalise(text)
    found = sentences(clean) or [clean]
    out = [clean, *found]
    for sentence in found:
        pieces = clauses(sentence)
        if len(pieces) > 1:
            out.extend(pieces)
    return tuple(dict.fromkeys(out))
