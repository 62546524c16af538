"""Safety triage before retrieval: emergency, crisis, personal advice, or none.

``triage(text)`` normalises the message (case, apostrophes, common misspellings) and matches
patterns written for *situations happening to a person now* ("my lips are turning blue",
"he took his whole week of morphine"), not for topics ("can radiation cause shortness of breath
later"), so benign look-alikes pass through. Crisis wins over emergency (a person in crisis gets
the 988 line and 911), emergency over personal advice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EMERGENCY = "emergency"
CRISIS = "crisis"
PERSONAL = "personal_advice"

EMERGENCY_REPLY = (
    "Call 911 (or your local emergency number) now. What you describe can be a medical emergency "
    "and needs help right away. If the person is not breathing or cannot be woken, tell the 911 "
    "dispatcher, who will guide you until help arrives."
)
CRISIS_REPLY = (
    "I'm really sorry you're carrying this. You don't have to face it alone: please call or text 988 "
    "to reach the 988 Suicide & Crisis Lifeline, any time, day or night (chat at 988lifeline.org). "
    "If you might act on these thoughts now, call 911. Your care team also wants to know how you "
    "are feeling, and can help."
)
PERSONAL_REPLY = (
    "I can't advise on your own situation, such as a diagnosis, a dose, or which treatment to choose. "
    "Your care team knows your case and is the right place for that question. You can also call "
    "NCI's Cancer Information Service at 1-800-4-CANCER (1-800-422-6237)."
)
PERSONAL_WITH_INFO = (
    PERSONAL_REPLY + " Here is general information from trusted sources that may help you prepare:"
)

_FIXES = {
    r"\bcant\b": "can't",
    r"\bcannot\b": "can't",
    r"\bcan not\b": "can't",
    r"\bwont\b": "won't",
    r"\bdont\b": "don't",
    r"\bim\b": "i'm",
    r"\bive\b": "i've",
    r"\bits\b": "it's",
    r"\btheres\b": "there's",
    r"\bbreath\b": "breathe",
    r"\bpian\b": "pain",
    r"\bsuicde\b": "suicide",
    r"\bsucide\b": "suicide",
    r"\bwanna\b": "want to",
    r"\bwat\b": "what",
    r"\bpainfull\b": "painful",
    r"\balot\b": "a lot",
    r"\bthinkin\b": "thinking",
    r"\bu\b": "you",
    r"\br\b": "are",
}

_WHO = r"(?:i|i'm|i've|me|my|mine|he|he's|she|she's|they|they're|his|her|their|we|(?:my )?(?:mom|dad|mother|father|husband|wife|son|daughter|child|kid|baby|grandma|grandmother|grandpa|grandfather|partner|brother|sister|friend|patient))"

_EMERGENCY = [
    # Breathing and airway, happening now.
    r"\b(?:can't|unable to|struggling to|hard to) (?:breathe|catch (?:my|his|her|their) breath|get air)\b",
    r"\b(?:not|stopped|barely) breathing\b|\bgasping\b|\bchoking\b|\bbreathing (?:super |very |really )?fast\b",
    r"\blips (?:are |look |is )?(?:\w+ )?(?:blue|gray|grey|purple|turning blue|swelling)\b|\bturning blue\b",
    r"\bthroat (?:is |feels like (?:it's |its )?)?(?:closing|swelling)\b",
    # Heart, stroke, collapse, consciousness.
    rf"\b{_WHO}\b[^.?!]{{0,60}}\b(?:chest (?:pain|pressure)|pain in my chest|pressure in my chest)\b",
    r"\b(?:crushing|sudden|sharp|bad|severe) (?:\w+ )?(?:pain|pressure) in (?:my|his|her) chest\b|\bsudden (?:bad )?chest pain\b",
    r"\bchest pain (?:going|spreading|radiating)\b",
    r"\b(?:face|smile) (?:is |looks )?(?:drooping|droopy)\b|\bslurr(?:ed|ing)\b",
    r"\bsuddenly can't (?:lift|move|feel|see|speak)\b|\bcan't feel my legs\b",
    r"\bworst headache of my life\b",
    r"\b(?:passed out|collapsed|fainted|unconscious|unresponsive|not responding|not really answering)\b",
    r"\b(?:having|had|have) a (?:heart attack|stroke)\b|\banaphyla",
    r"\b(?:can't|won't|not) (?:wake|waking) (?:him|her|them|up)\b|\bhard to wake\b|\bstill not waking\b",
    r"\bconfused\b[^.?!]{0,40}\bbreathing\b",
    r"\b(?:is having|having|had|just had) a seizure\b|\bseizing\b|\bconvuls",
    # Bleeding.
    r"\bblood (?:is |keeps )?(?:pouring|gushing|spurting)\b|\b(?:bleeding|blood)[^.?!]{0,30}\b(?:won't|doesn't|will not) stop\b",
    r"\bcan't stop (?:the )?bleeding\b|\b(?:throwing up|vomiting|coughing up) (?:a lot of |lots of )?blood\b(?! (?:in|from) (?:general|people))",
    r"\bsoak(?:ed|ing) (?:through|with blood)\b|\bbleeding (?:heavily|a lot|badly|everywhere)\b",
    # Overdose and poisoning.
    r"\b(?:took|taken|swallowed|ate) (?:way )?(?:too many|too much|the whole (?:bottle|week)|a whole (?:bottle|week)|all (?:of )?(?:my|his|her) )",
    r"\boverdos(?:ed|ing)\b(?! risk)|\b(?:drank|swallowed|ate) (?:\w+ ){0,3}(?:poison|bleach|antifreeze)\b",
    # Fever during chemotherapy (neutropenic fever) and severe reactions.
    r"\b(?:fever|temp(?:erature)?) (?:of |is |was )?(?:10[0-9](?:\.\d)?|3[89](?:\.\d)?|4[0-2](?:\.\d)?)\b",
    r"\bfever\b[^.?!]{0,60}\b(?:chills|shaking|neutrophils|counts were)\b",
    r"\bhives (?:all over|everywhere)\b|\ballergic reaction\b[^.?!]{0,30}\b(?:now|right now|swelling)\b",
    r"\b(?:call|calling) (?:911|an ambulance)\b\??\s*$|\bshould i call 911\b",
]

_CRISIS = [
    r"\b(?:kill|killing|hurt|hurting|harm|harming) (?:myself|himself|herself|themselves)\b",
    r"\bsuicid(?:e|al)\b(?! gene)|\bself[- ]harm",
    r"\b(?:take|taking|took) (?:my|his|her) own life\b|\bwish (?:i|he|she) (?:was|were) dead\b|\bno will to live\b",
    r"\bend(?:ing)? (?:my|his|her) (?:own )?life\b|\bend(?:ing)? it(?: all)?\b(?! (?:with|early on))",
    r"\b(?:don't|do not|no longer) want to (?:live|be alive|be here|wake up)\b|\bwant(?: to)? (?:to )?die\b",
    r"\bno (?:reason|point) (?:to|in) (?:keep )?(?:living|going on|live)\b|\bwhat's the point of (?:going on|living)\b",
    r"\bbetter off without me\b|\b(?:just )?a burden\b[^.?!]{0,40}\b(?:everyone|family|without me)\b",
    r"\b(?:never|not|don't) (?:wake up|come back)\b[^.?!]{0,20}$|\bjust don't wake up\b|\bto not wake up\b",
    r"\bcutting myself\b|\bburning (?:my|myself)\b[^.?!]{0,30}\bon purpose\b|\bon purpose\b[^.?!]{0,30}\bburn",
    r"\b(?:least painful|easiest|quickest) way to die\b|\bways to (?:overdose|die|kill)\b",
    r"\b(?:saving up|stockpiling|collecting) (?:my |his |her )?(?:\w+ )?pills\b",
    r"\btaking all (?:of )?my\b[^.?!]{0,20}\b(?:pills|morphine|meds|medicine)\b",
    r"\bgoodbye (?:letters|notes)\b|\bgiving away my (?:things|stuff)\b|\bwritten a (?:suicide )?note\b",
    r"\bdisappear for good\b|\bgo to sleep and never\b|\bdriv(?:e|ing) into a (?:wall|tree)\b",
    r"\bi'm done\b[^.?!]{0,80}\b(?:note|gun|pills)\b|\b(?:where|keeps) (?:his|her|the) gun\b",
]

_PERSONAL = [
    r"\bhow (?:many|much) (?:mg|milligrams|pills|tablets|of (?:my|his|her|the))\b[^?]{0,60}\b(?:should|do|can) (?:i|he|she|we)\b",
    r"\bwhat (?:dose|dosage|amount)\b[^?]{0,40}\bshould (?:i|he|she|we)\b",
    r"\b(?:double|skip|miss|halve|increase|decrease) (?:up )?(?:my|his|her|the next|my next) ?(?:next )?(?:\w+ )?(?:dose|pill|treatment|infusion)?",
    r"(?<!how often )(?<!what age )(?<!when )\bshould (?:i|my \w+|he|she|we) (?:stop|start|skip|quit|continue|keep|take|get|have|pick|choose|join|go|push|ask|still)\b",
    r"\bshould my \w+\b[^?]{0,60}\b(?:get|have|take|start|stop|skip|try)\b",
    r"\b(?:do|does|could|might) (?:i|he|she|my \w+) have (?:cancer|a tumor|melanoma|leukemia|lymphoma|\w+ tumor|\w+ cancer)\b",
    r"\bdoes (?:she|he) have\b|\bdo i need (?:a|an|to)\b",
    r"\bis (?:this|it|my|that) (?:\w+ )?(?:lump|mole|spot|rash|bump|pain)?\s?(?:cancer|melanoma|cancerous|a tumor)\b",
    r"\bis it (?:\w+ )?or (?:is it )?cancer\b|\bis my (?:chemo|treatment|\w+) working\b",
    r"\bhow long do (?:i|we|he|she) have\b|\bhow long (?:will|does) (?:my|he|she) (?:\w+ )?(?:live|have)\b",
    r"\bwhich (?:one|treatment|option|drug) should (?:i|he|she|we)\b|\bis it (?:ok|okay|safe) for me\b",
    r"\bcan i (?:take|skip|double|stop|drink|have|get)\b[^?]{0,50}\b(?:while i'm on|while on|during my|with my)\b",
]

_GENERAL = re.compile(
    r"\b(?:what|which|how|why|when|where|who)\b[^?]*\b(?:in general|is|are|does|do|mean|have)\b"
)


@dataclass(frozen=True)
class Triage:
    category: str | None
    general_part: bool = False


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = " ".join(text.split())
    for pattern, repl in _FIXES.items():
        text = re.sub(pattern, repl, text)
    return text


_COMPILED = {
    CRISIS: [re.compile(p) for p in _CRISIS],
    EMERGENCY: [re.compile(p) for p in _EMERGENCY],
    PERSONAL: [re.compile(p) for p in _PERSONAL],
}


def triage(text: str) -> Triage:
    clean = normalise(text)
    for category in (CRISIS, EMERGENCY, PERSONAL):
        for pattern in _COMPILED[category]:
            match = pattern.search(clean)
            if match is None:
                continue
            if category != PERSONAL:
                return Triage(category)
            rest = (clean[: match.start()] + " " + clean[match.end() :]).strip()
            return Triage(category, general_part=bool(_GENERAL.search(rest)))
    return Triage(None)


def reply(category: str) -> str:
    return {EMERGENCY: EMERGENCY_REPLY, CRISIS: CRISIS_REPLY, PERSONAL: PERSONAL_REPLY}[category]
