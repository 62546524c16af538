"""When a red flag counts: a situation happening to someone, not a topic asked about.

``matches(part, message)`` returns the concepts of ``concepts.py`` and ``readings.py`` whose lay description is in a
message part and describes a situation. A description does not count when the text before it
frames a question about information ("what are the signs of", "can chemo cause"), or, for a
physical sign, when it is denied ("no fever"), hypothetical ("if I get a fever"), past or over
("two years ago", "she's fine now") or a bare keyword query ("liver cancer symptoms yellow eyes").
Warning signs of suicide count however they are asked, unless they are about people in general
("why do patients say they feel like a burden") or denied ("no thoughts of hurting myself").
Personal advice must be asked for, and about a person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from service.safety.anchors import Prefilter, Quick
from service.safety.concepts import CONCEPTS, PERSON, Concept
from service.safety.readings import READINGS
from service.safety.tiers import CRISIS, EMERGENCY, PERSONAL, URGENT

_FRAME = re.compile(
    r"\b(?:can|could|does|do|will|would|might|may|did)\b(?: \w+){0,6} (?:cause|causes|lead to|result in|(?:make|give) (?:you|people|someone|a person|patients))\b"
    r"|\b(?:signs?|symptoms?|warning signs?|risks?|chances?|odds|rates?|causes?|treatment|treatments|statistics|definition|meaning|types?) (?:of|for)\b"
    r"|\bwhat (?:is|are|does|do|causes?|happens|are the|is the|is a|is an)\b|\bwhat's (?:a|an|the)\b"
    r"|\b(?:how|why) (?:do|does|is|are|can|would|common|often|likely|long does|dangerous|serious|bad|risky)\b"
    r"|\bis (?:it|that) (?:normal|common|possible|usual|rare|dangerous) (?:for|that|to)\b|\bis (?:it|that|this) (?:really )?true\b"
    r"|\b(?:in general|generally|in people|people (?:with|who|on)|patients (?:with|who|on)|someone (?:with|who|on)|a person (?:with|who)|anyone|if someone|if a person|if a loved one|when someone)\b"
    r"|\b(?:when|how) (?:should|do|does) (?:you|someone|a person|one|patients|people) (?:call|go|worry|seek)\b"
    r"|\b(?:learn|read|know|information|info|explain|tell me) (?:more )?about\b|\bdefine\b"
    r"|\bwhich (?:symptoms|signs|problems)\b|\ba list (?:of|for)\b|\b(?:signs|symptoms|warning signs|red flags)(?: \w+){0,2}:"
    r"|\b(?:a|an|the|our|my) (?:\w+ )?(?:binder|checklist|cheat sheet|training|handout|poster|fridge list)\b|\bwhat to do if\b"
    r"|\b(?:where|how) (?:can|do|should) (?:i|we) (?:learn|take|find|sign up for)\b|\b(?:learn|training|course|class)\w* (?:in |on |about )?(?:cpr|first aid)\b"
    r"|\bis there a (?:rule|guideline|threshold|cutoff|number|point)\b|\bwhat counts as\b|\bcounts? as (?:an? )?(?:emergency|heavy|high|too)\b"
    r"|\bwhat(?:'s| is) (?:it|this|that) called\b|\bwhat (?:symptoms|signs)\b|\bsymptoms that\b|\bwhen to call\b|\bwh(?:at|ich) would mean\b|\bgeneral (?:sense|list|idea)\b"
    r"|\b(?:can|could|do|does|will|would|is it possible to|how do) (?:you(?! (?:please )?(?:explain|tell|help|give|let|say|check|look|find|send)\b)"
    r"|someone|people|a person|one|patients|anyone|everyone|everybody|kids|children"
    r"|an? (?:teen(?:ager)?|child|kid|baby|toddler|man|woman|adult|patient|older (?:person|adult)))\b"
    r"|\bcounts? as (?:a )?fever\b|\bwhat (?:temperature|temp|number|reading) (?:counts|is|should)\b"
    r"|\b(?:ask|asks|asking|asked) (?:\w+ )?(?:if|whether|about)\b(?! (?:i|we|he|she|they) (?:should|can|could|may)\b)"
    r"(?: (?:i|we|you|he|she|they|patients|people|someone) (?:feel|feels|am|are|is|have|has|had|ever|was|were|'m)\b)?"
    r"|\bdoes (?:it|that|this) mean (?:she|he|i|they|my \w+)(?:'s| is| am| are)\b"
    r"|\bexplain (?:what|how|why|the difference)\b|\bresources? (?:for|about|on)\b|\b(?:patients|people|someone|anyone|those|families) (?:dealing|struggling|coping|living) with\b"
)
_SITUATION = re.compile(
    rf"(?<!\ba )(?<!\ban )\b{PERSON}\b(?! (?:general|people)\b)|\b(?:right now|just now|now|tonight|today|this (?:morning|afternoon|evening)|since|currently|for (?:the last|the past|\d+|two|three|a few) (?:hours?|days?|minutes?))\b"
)
_GENERIC = re.compile(
    r"\b(?:why|how|what|when|is it common)\b[^.?!]{0,40}\b(?:patients|a patient|people|someone|a person|a loved one|anyone|families|caregivers|they)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|in case|what if|whether|unless|worried about|afraid of|scared of|terrified of|frightened of|fear of|phobi\w*|dread\w*|"
    r"don't want to|do not want to|so (?:i|he|she) don't|to avoid|to prevent|how to (?:tell|know|spot|recognize)|"
    r"ever|almost|nearly|(?:should|must|always) report|report any|watch (?:out )?for|look out for|keep an eye (?:out )?for)\b|\bany\s*$"
)
_HISTORY = re.compile(
    r"\b(?:years? ago|months? ago|weeks? ago|long ago|a long time ago|ages ago|decades ago|last (?:year|month|spring|summer|fall|autumn|winter|cycle|round|time|course)|"
    r"back in|back when|when i was|used to|in the past|previously|(?:a|one) time|once had|had (?:a|an) (?:\w+ )?(?:history|episode)|"
    r"after (?:my|his|her) (?:first|last) (?:cycle|round)|it stopped|they (?:gave|treated|kept|admitted)|went away|resolved|"
    r"ended up in|was (?:admitted|hospitalized)|since (?:i|he|she) was (?:a )?(?:kid|child|little|teen\w*|young|baby|\d+)|"
    r"had (?:a |an )?(?:\w+ )?(?:\w+ )?reaction to (?:the |his |her |my )?(?:first|second|last|previous|earlier)|went to (?:a&e|the er|er|the emergency room|the emergency department|the hospital|urgent care) with|always|last (?:mon|tues|wednes|thurs|fri|satur|sun)day|at one point|even before|back during|passed away|near the end|at the end|died|die (?:of|from) (?:\w+ )?cancer|turned out|last week|"
    r"during (?:my|his|her) (?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:cycle|round)|during (?:my|his|her) (?:first|last|previous) (?:cycle|round|treatment)|"
    r"(?:on|at|during) (?:a|my|his|her|the) (?:\w+ )?(?:physical|check-?up|screening|medical|annual exam|yearly exam)|sent (?:me|him|her|us) (?:for|to have) (?:a|an)|"
    r"in (?:19|20)\d\d|in (?:january|february|march|april|june|july|august|september|october|november|december)|by the time|it was (?:only )?when|that's (?:how|when) (?:we|they) found|which is (?:how|when) (?:we|they) found|led to (?:the|his|her|my) diagnosis)\b"
)
_RECURRING = re.compile(r"\b(?:sometimes|occasionally|now and then|now and again|from time to time|every so often|on and off|off and on)\b")
"""A sign that comes and goes: a reason to ask the care team, not a 911 call (unless it began today)."""
_STARTED = re.compile(r"\b(?:right now|just now|tonight|today|this (?:morning|afternoon|evening)|suddenly|all of a sudden)\b")
_NEGATED = re.compile(
    r"\b(?:no|not|without|never|denies|don't have|doesn't have|didn't have|isn't|wasn't|haven't|hasn't|didn't)\s+(?:\w+\s+)?$"
    r"|\b(?:not having|not getting|haven't had|hasn't had|no signs? of|without) any\s+$"
)
_DENIED = re.compile(
    r"\b(?:not|never|isn't|wasn't|no longer)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:no|not having any|not having|don't have any|haven't had any|without any|never had any)\s+(?:\w+\s+)?(?:thoughts|plans|intentions?|urges?)\s+(?:of|about|to)\s+(?:(?:\w+\s+){1,3}or\s+)?$"
)
_TOPIC = re.compile(
    r"\b(?:symptoms?|signs?|causes?|treatments?|side effects?|risks?|meaning|definition|stages?|types?)\b"
)
_FICTION = (
    r"(?<!not )(?<!isn't )(?<!it's not )\b(?:for|in) (?:a|my|our|the) (?:\w+ )?(?:story|novel|screenplay|script|play|book|short film)\b"
    r"|\b(?:novel|story|screenplay|script) question\b|\b(?:my|the|a|our) (?:main )?character(?:'s)?\b|\bone of (?:my|our|the) characters\b"
)
"""Not a real person's situation: fiction, for the physical tiers."""
_NOT_REAL = re.compile(
    r"\b(?:novel|screenplay|script|scriptwriter|screenwriter|playwright|novelist|fiction|fictional|short story|narrator|memoir|(?:my|the|a|our) (?:main )?character(?:'s)?|one of (?:my|our|the) characters)\b"
)
"""Fiction, for a crisis: only words that can mean nothing else ("my story", "a book" can be the
writer's own), and never when denied ("not for a novel")."""
_DONT = re.compile(r"\b(?:don't|doesn't|didn't|do not|does not)\s+(?:\w+\s+)?$")
"""Denied with "don't", and nothing after ("I don't want to die."): fear of dying, not a wish to;
"I don't want to die in a hospital bed" goes on, and still counts."""
_ASKED_NO = re.compile(
    r"\b(?:asked|ask|asks|asking) (?:[\w']+ ){0,3}(?:if|whether) (?:[\w']+ ){0,3}(?:thoughts|thinking|suicidal|felt like|feels like|feeling like)\b[^.?!]{0,90}\b(?:said|says) (?:no|absolutely not|not at all|never)\b"
)
"""Asked about such thoughts and told no ("we asked him if he'd had thoughts of hurting himself and
he said no"): the question was put, and answered."""
_NOT_FICTION = re.compile(r"\b(?:not|isn't|it's not|this is not) (?:for|in|about|from) (?:a|an|my|the)\b")
_RESOLVED = re.compile(
    r"\b(?:(?:he's|she's|i'm|i am|he is|she is|all|it's|everything is|everything's) (?:absolutely |totally |completely |perfectly )?(?:fine|good|ok|okay|better|stable|resolved) now|got admitted|were admitted|was admitted"
    r"|(?:said|says|told (?:me|us|him|her)) (?:that's|that is|it's|it is|this is|it was|that was) (?:fine|normal|ok|okay|expected|nothing to worry about)|told (?:me|us|him|her) to expect|(?:it's|it has|it) (?:already )?cleared up"
    r"|(?:he's|she's|i'm|he is|she is|i am) (?:doing )?(?:really |very |so )?well now|back to (?:normal|work|golf|school) now"
    r"|nothing(?:'s| is) wrong (?:right )?now|passed away|has died|died (?:last|in|on|a|two|three))\b"
)
_NOT_A_CASE = re.compile(
    # not a real person's situation: fiction, teaching material, a school project
    r"\b(?:writing|write|wrote|working on) (?:a|an|my) (?:\w+ )?(?:story|novel|script|screenplay|poem|eulogy|tribute|obituary|handout|leaflet|brochure|article|essay|paper|report|presentation|book|blog post)\b"
    r"|\bfor (?:a|my) (?:class|course|school project|assignment|nursing exam)\b|\bfor (?:pharmacy|nursing|medical|med|dental) school\b"
    r"|\b(?:pharmacology|pharmacy|nursing|medical|med|paramedic|dental|physician assistant|pa) students?\b[^.?!]{0,80}\b(?:case|presentation|exam|assignment|essay|project|class|lecture)\b"
    r"|\b(?:doing|preparing|giving|writing) (?:a|my|our) case (?:presentation|study|report|write-?up)\b"
    r"|\b(?:putting together|making|creating|preparing|updating|designing) (?:a|an|our|my) (?:\w+ ){0,2}(?:teaching sheet|sheet|handout|leaflet|checklist|education material|poster)\b"
    r"|\bin (?:the|a|this) (?:film|movie|show|tv show|series|book|novel|episode|play)\b"
    # someone else's story, read or heard, or a case made up for teaching
    r"|\b(?:memoir|documentary|podcast|creative writing|narrator|case study|case scenario)\b"
    r"|\bbook club (?:is |are |was |were )?(?:reading|read|discuss\w*)\b"
    r"|\bnot a real (?:patient|person|case)\b|\b(?:a|the) (?:news|newspaper) (?:story|article|report|item)\b"
    + r"|" + _FICTION
)
_RESOLVED = re.compile(_RESOLVED.pattern + "|" + _NOT_A_CASE.pattern)
_OVER = re.compile(
    r"\b(?:was|were) (?:absolutely |totally |completely |perfectly )?(?:fine|ok|okay|alright) (?:after|afterwards|again|within|that day|the next day)\b"
    r"|\b(?:checked|saw|examined) (?:him|her|me|them) (?:that|the same|the next) day\b|\bback to (?:him|her|my|them)sel(?:f|ves)\b"
    r"|\bbefore (?:he|she|they|mum|mom|dad|grandad|grandma) (?:passed|died)\b"
    r"|\b(?:learned|learnt|heard) (?:in|at) (?:biology|class|school|college|uni|a lecture)\b"
    r"|\b(?:has|have|he's|she's|i've|we've) been (?:absolutely |totally |perfectly )?(?:fine|ok|okay|good|well|normal) (?:ever )?since\b"
    r"|(?:would like|'d like|want|need) (?:a|an) (?:\w+ ){0,2}(?:sheet|handout|leaflet|checklist|poster|guide)\b"
    r"|\b(?:the )?(?:later|other|next|following) (?:ones|cycles|rounds|infusions|doses|sessions) (?:were|have been|went) (?:all )?(?:fine|ok|okay|smoothly|better)\b"
    r"|\b(?:in|on) (?:the )?(?:icu|itu|hdu|intensive care|high dependency|resus)\b"
    r"|\bwent home (?:the )?(?:next|same|that) (?:day|morning|evening|night)\b"
    r"|\b(?:was|were) (?:absolutely|totally|completely|perfectly) (?:fine|ok|okay|alright)(?=\s*(?:[.!]|$))"
    r"|\b(?:the )?(?:doctors|nurses|paramedics|team) (?:are|is) (?:already )?(?:with|treating|looking after) (?:him|her|them|me)\b"
)
"""Over, or not about a person at all ("he was fine after some juice", "we learned in biology"), or
already in professional hands ("unresponsive in the ICU, the doctors are with him"):
a physical sign elsewhere in the message counts only in a part that says it is happening now."""
_LOSS = re.compile(
    r"\b(?:took (?:his|her|their) own li(?:fe|ves)|killed (?:him|her|them)sel(?:f|ves)|(?:died|death) by suicide|committed suicide"
    r"|lost (?:him|her|them|my \w+|\w+) to suicide|(?:mother|mom|mum|father|dad|uncle|aunt|brother|sister|friend|son|daughter|cousin|"
    r"grandfather|grandmother|grandpa|grandma|husband|wife|he|she) (?:\w+ )?attempted suicide (?:in (?:19|20)\d\d|\w+ years ago|when)"
    r"|(?:cell|cellular|cell's|cells') suicide|suicide (?:of|by) (?:the )?cells?)\b"
)
"""Someone else's past death by suicide (grief, a family's history) or cell biology: not, by
itself, the writer's crisis. The writer's own words ("I want to join him") still count."""
_QUOTED = re.compile(
    r"\b(?:a patient|patients|people|someone|members|a member|a resident|residents|a client|clients|they) "
    r"(?:says?|said|tells? (?:me|us)|told (?:me|us)|will say|say things like|says things like)[,:]? [\"']([^\"]{1,160})[\"']"
)
"""Words quoted from people in general ("when a patient says 'I just want it to be over', how
should I respond?"): a question about care, not the writer's crisis."""
_ASKS_LINK = re.compile(
    r"^(?:\w+ \w+, |\w+, )?(?:is|are|could|can|might|would) (?:the|her|his|my|this|that|these|those) [^.?!]{0,80}?"
    r"\b(?:likely to be |possibly |probably |all |both )?(?:connected|related|linked|due|caused|explained|part of|a sign of|a symptom of)\b"
)
"""A question whether signs already told of are linked to a condition ("is the muddled thinking
likely to be connected to the raised calcium?"): asks about the link, reports nothing new."""
_TREATMENT_BEFORE = re.compile(
    r"\b(?:treatments?|surgery|biopsy|chemo\w*|operations?|op|scans?|radiation|radiotherapy|appointments?|tests?|procedures?)\b"
)
"""A treatment named just before "get it over with": about getting the treatment done."""
_WELL_NOW = re.compile(
    r"\b(?:is|are|was|were|has been|have been) (?:doing )?(?:really |very |so |absolutely )?(?:well|fine|ok|okay|great|good) (?:now|since|these days)\b"
)
"""Told as over within the sentence ("my brother took an overdose years ago, he survived and is
doing well now"): "now" there describes the recovery, not the sign."""
_PET = re.compile(
    r"\b(?:dog|dogs|cat|cats|puppy|puppies|kitten|kittens|pet|pets|labrador|spaniel|terrier|retriever|collie|rabbit|horse|hamster|guinea pig|budgie|parrot)\b"
)
"""An animal: its signs are for a vet, not for 911 or a cancer care team."""
_PAST_TOLD = re.compile(r"\b(?:i|he|she|they) (?:felt|thought|had thoughts|went through|used to)\b")
"""Told in the past tense ("I felt everyone would be better off without me"): with a word that
it is over now, the history of a crisis, not one."""
_OVER_NOW = re.compile(
    r"\bno (?:thoughts|feelings|urges) (?:like (?:that|those|this)|of (?:that|self-harm|suicide)) (?:since|now|anymore|any more|for (?:years|a long time|months))\b"
    r"|\b(?:haven't|have not|hasn't|has not) (?:had|felt) (?:any )?(?:thoughts|feelings|urges) like (?:that|those|this)\b"
    r"|\b(?:i'm|i am|he's|she's) (?:not|no longer) (?:suicidal|having (?:those|these|any such) thoughts)\b"
    r"|\b(?:i'm|i am) (?:doing )?(?:great|really well|well|fine|good|stable) now\b|\bwhile (?:i'm|i am) (?:stable|well)\b"
    r"|\b(?:i'm|i am|he's|she's|he is|she is) (?:now )?in a (?:much |far |lot )?(?:better|good|great) place(?: now| these days)?\b"
)
"""Thoughts of suicide told as past and said to be over now ("two years ago I had thoughts of
ending my life... no thoughts like that since"): the past tells the history, the denial the now."""
_PREPARING = re.compile(
    r"\b(?:binder|checklist|cheat sheet|training|first aid|(?:family |home )?emergency plan|compiling|want to (?:understand|be prepared|learn|know what)|"
    r"to be prepared|(?:i've|i have) (?:heard|read)|i was reading|reading about|i (?:read|saw) something|which symptoms|"
    r"what (?:are|is) (?:considered|the basic)|warning signs (?:i|we) should)\b"
)
"""A message that prepares or learns ("a checklist for the babysitter", "warning signs I should
watch for"): the signs it lists are not happening unless a part says they are happening now."""
_MEASURED = re.compile(
    r"\b(?:thermometer|oximeter|monitor|cuff|machine|(?:forehead|ear|digital) one|temp|temperature)\b[^.?!\d]{0,15}"
    r"\b(?:says|reads|shows|showing|is at|is|came up|went up to|hit)\b\s*(?:a |at )?\d"
)
"""A reading someone takes now ("the forehead thermometer says 38.4"): happening, even in a
message that also speaks of a binder or of being prepared."""
_SOURCE_SAYS = re.compile(
    r"\b(?:sheet|leaflet|booklet|handout|card|guide|instructions|paper|pamphlet|website|binder|label|chart|"
    r"neighbou?r|friend|nurse|doctor|oncologist|team)\s+(?:says?|said|told (?:me|us)|recommends?)\s+"
    r"(?:(?:to )?call (?:at|if|over|above)\s+|(?:anything )?(?:over|above|of)\s+|it's\s+|is\s+)?$"
)
"""A threshold quoted from a sheet or a person ("the sheet says 100.4 but my neighbour says 101"):
a number told as advice, not a reading."""
_SINCE = r"(?<!fine )(?<!okay )(?<!ok )(?<!well )(?<!good )(?<!normal )(?<!ever )since(?! (?:i|he|she|they|we) (?:was|were)\b)"
""""since" as a moment ("since this morning"), not in "been fine since" or "since I was a kid"."""
_RIGHT_NOW = re.compile(
    r"\b(?:right now|just now|now|tonight|this (?:morning|afternoon|evening)|" + _SINCE + r"|currently|at the moment)\b"
)
_NOW = re.compile(
    r"\b(?:now(?!,? (?:i|we)(?:'m| am|'re| are)? (?:can't stop (?:thinking|worrying)|keep (?:thinking|worrying)|(?:so |really |very )?(?:worried|scared|anxious|nervous|panicking|paranoid|worrying)))"
    r"|right now|(?<!never happened )(?<!hasn't happened )(?<!didn't happen )(?<!never came back )again|today|tonight|this (?:morning|afternoon|evening)|" + _SINCE + r"|still|currently|keeps?|just)\b"
)
_ASKING = re.compile(
    r"\?|^(?:(?:and|also|but|so|ok|okay) )?(?:should|can|could|is|are|do|does|will|would|what|how|which|when|am|may)\b|"
    r",\s*(?:which|what|how|is|does|do|can|should|will|could|would)\b|\bwhich one\b|\bcan (?:i|we|he|she)\b|\b(?:if|whether) (?:i|we|he|she|they) (?:can|could|should|may)\b|"
    r"\b(?:wondering|wonder whether|want to know|need to know|find out|advice|advise|tell me|help me decide|not sure (?:if|whether)|ok\b|okay\b|is (?:that|this|it)|"
    r"should (?:i|we|he|she)|is it (?:ok|okay|safe|bad|alright)|what (?:do|should|would) (?:i|we|you))\b"
)
_POINTED = (
    r"\b(?:this|these) (?:\w+ )?(?:lumps?|spots?|moles?|rash|bumps?|marks?|sores?|swelling|pain|cough|bruises?|growths?|nodules?|results?|scans?|reports?)\b"
    r"|\b(?:psa|cea|ca-?125|ca ?19-9|afp|hcg|ldh)\b (?:has |have )?(?:gone|went|rose|risen|jumped|doubled|climbed|is now)\b"
    r"|^(?:the )?(?:\w+ )?(?:scan|report|biopsy|mri|ct|pet|x-?ray|mammogram|ultrasound|pathology)(?: report)? (?:says?|said|shows?|showed|reads?|found)\b"
    # the writer, left out as in a text message: "on immunotherapy, ok to start ...?"
    r"|^(?:currently |still |just started |now )?on (?:\w+ ){0,2}(?:chemo\w*|immunotherapy|radiation|radiotherapy|treatment|\w+(?:inib|mab|platin|taxel|ciclib|zole|ozole|xifen|lutamide|relin|mide|parib))\b"
)
_COMPILED = tuple(
    (
        c,
        c.compiled(),
        re.compile(c.context) if c.context else None,
        re.compile(c.unless) if c.unless else None,
    )
    for c in CONCEPTS + READINGS
)
"""Each concept with its cues, its context and its exclusions compiled."""
_CUES = [cue for _, cues, _, _ in _COMPILED for cue in cues]
_AT_END = frozenset(i for i, cue in enumerate(_CUES) if "$" in cue.pattern)
"""Cues anchored at the end of a part ("asking for myself$"): read on the part alone."""
_CONCEPT_OF = [c for c, (_, cues, _, _) in enumerate(_COMPILED) for _ in cues]
"""Each cue's concept (its position in ``_COMPILED``), cues numbered across concepts in order."""
_PREFILTER = Prefilter(_CUES)


Live = tuple[tuple[Concept, tuple[tuple[int, re.Pattern[str]], ...]], ...]


@lru_cache(maxsize=64)
def _live(message: str) -> Live:
    """The concepts that could fire somewhere in ``message``, each with the cues that could match
    (an anchor of theirs is in the message: ``anchors.Prefilter``) and their numbers, with its
    context present and its exclusions absent. Every part of a message is a piece of it, so this
    is worked out once per message rather than once per part."""
    possible: dict[int, list[tuple[int, re.Pattern[str]]]] = {}
    for i in sorted(_PREFILTER.possible(message)):
        possible.setdefault(_CONCEPT_OF[i], []).append((i, _CUES[i]))
    out = []
    for c, live in possible.items():
        concept, _, context, unless = _COMPILED[c]
        if context is not None and context.search(message) is None:
            continue
        if unless is not None and unless.search(message):
            continue
        out.append((concept, tuple(live)))
    return tuple(out)


_LONG_STANDING = re.compile(
    r"\b(?:for|over|past|last|about|like|nearly|almost) (?:the )?(?:(?:a|few|several|couple of|\d+|two|three|four|five|six|many) )?"
    r"(?:weeks|months|years)\b|\b(?:for|over) (?:about |nearly |almost |more than )?(?:a|one) (?:year|month)\b|\bsince (?:christmas|the summer|last (?:month|year|spring|summer|fall|autumn|winter))\b"
)
_ACUTE = re.compile(
    r"\b(?:(?<!weeks )(?<!months )(?<!years )(?<!days )now|right now|just now|tonight|suddenly|sudden|today|this (?:morning|afternoon|evening)|an hour|every hour|"
    r"minutes?|getting worse|worse|can't|cannot)\b"
)


def long_standing(message: str) -> bool:
    """A message that tells of weeks or months of a problem and of nothing sudden or happening
    now ("bloated for like 6 weeks... what are the symptoms of ovarian cancer?"): not a 911 call."""
    return bool(_LONG_STANDING.search(message)) and not _ACUTE.search(message)


def _happening_now(text: str) -> bool:
    """A moment ("right now", "since this morning") or a reading taken now ("the thermometer says 38.4")."""
    return bool(_RIGHT_NOW.search(text) or _MEASURED.search(text))


_READY = re.compile(r"\b(?:just in case|(?:want|wanted|trying) to be (?:ready|prepared)|in the future|(?:plan|planning) ahead)\b")


def preparing(message: str) -> bool:
    """A message that prepares for what may happen ("if I find him hard to wake one day, what do
    I do? he's fine today, I want to be ready") and says nothing is happening right now."""
    return bool(_PREPARING.search(message) or _READY.search(message)) and not _happening_now(message)


_CALM = re.compile(
    r"\b(?:(?:it's |this is |this isn't |it isn't |is )?not (?:an? )?(?:urgent|emergency)|no rush|not in a rush"
    r"|breathing (?:is |seems |looks )?(?:normal|fine|ok|okay|good|easy)|breathes? (?:normal|normally|fine|ok|okay)|can (?:still )?talk (?:fine|normally|ok|okay)|(?:he's|she's|i'm|he is|she is|i am) breathing (?:fine|normally|ok|okay|easily)"
    r"|not (?:short of breath|breathless|out of breath)(?: at all)? (?:when |while )?(?:sitting|at rest|resting|lying))\b"
)


def calm(message: str) -> bool:
    """The writer says it is not an emergency or that breathing is normal ("not urgent, but his
    arm has swelled up near the port"): the learned layer alone then asks for the care team now
    (urgent), not 911; a red flag the rules find still calls 911."""
    return _CALM.search(message) is not None


def names_a_person(message: str) -> bool:
    """Personal advice is about someone: the writer, a person they name ("my dad", "she"), a
    sign they point at ("is this lump cancer"), or a marker that has gone up ("CEA gone from 3 to 6")."""
    return re.search(rf"\b{PERSON}\b|{_POINTED}", message) is not None


def framed(part: str, start: int, frame: re.Pattern[str] | None = None) -> bool:
    """True when the text before ``start`` frames what follows as a question about information,
    and no person or moment ("my husband", "right now") comes between the frame and ``start``."""
    before = part[max(0, start - 90) : start]
    # searched with a little of what follows, so that a frame's lookahead sees it ("she asks if
    # she can" is asked for, not a frame); a frame must still end before ``start``
    ahead = part[max(0, start - 90) : start + 30]
    frames = [f for f in (frame or _FRAME).finditer(ahead) if f.end() <= len(before)]
    if not frames:
        return False
    return _SITUATION.search(before, frames[-1].end()) is None


def not_a_case(message: str, tier: str) -> bool:
    """Someone's story rather than a situation: fiction, a memoir, a news story, a case made up for
    teaching; for a crisis, only words that can mean nothing else (``_NOT_REAL``). Never when
    denied ("this is not for a novel")."""
    if _NOT_FICTION.search(message):
        return False
    return bool((_NOT_REAL if tier == CRISIS else _NOT_A_CASE).search(message))


def topic_only(part: str) -> bool:
    """A keyword query about a topic ("liver cancer symptoms yellow eyes"): no person, no moment."""
    return bool(_TOPIC.search(part)) and _SITUATION.search(part) is None


def not_happening(part: str, start: int, end: int | None = None) -> bool:
    """True when a physical sign is denied ("no trouble breathing"), hypothetical ("if I get a
    fever") or in the past ("two years ago I had a seizure") rather than happening now. The sign's
    own words (``start:end``) say nothing of when ("couldn't keep anything down" is no "keeps")."""
    if _NEGATED.search(part[max(0, start - 20) : start]) or _HYPOTHETICAL.search(
        part[max(0, start - 50) : start]
    ):
        return True
    if _RESOLVED.search(part) or _WELL_NOW.search(part):
        return True
    rest = part if end is None else part[:start] + " " + part[end:]
    return bool(_HISTORY.search(part)) and not _NOW.search(rest)


_WORKED_UP = re.compile(
    r"\b(?:did|ran|ordered|took|sent (?:me|him|her|us) for) (?:some |more |a few |urgent )?(?:bloods|blood ?work|blood tests?|tests|scans?|an? (?:ct|mri|pet|x-?ray|ultrasound|biopsy|scan|chest x-?ray))\b"
    r"|\breferred (?:me|him|her|us|them) (?:urgently )?(?:to|for)\b"
    r"|\b(?:found|showed|shows|revealed|saw) (?:a|an) (?:\w+ ){0,2}(?:mass|tumou?r|growth|shadow)\b"
    r"|\b(?:is|are) (?:now )?(?:checking|testing|looking) (?:him |her |me )?for\b"
    r"|\b(?:where|and) (?:they|the doctors?) (?:found|diagnosed|said)\b"
    r"|\b(?:wants?|wanted|booked|is sending|arranged for) (?:me|him|her|us|them) (?:to have|for) (?:a|an) (?:\w+ )?(?:colonoscopy|scan|biopsy|ct|mri|endoscopy|cystoscopy|ultrasound|mammogram|x-?ray|tests?)\b"
    r"|\bfound (?:my|his|her|their) (?:\w+ ){1,2}(?:was|were|is|are) (?:very |really |quite |a bit |too )?(?:high|low|raised|abnormal)\b"
    r"|\b(?:send|sends|sending) (?:me|him|her|us|them) (?:for|to) (?:a |an |the )?(?:\w+ )?(?:scan|tests?|biopsy|ct|mri|x-?ray|ultrasound|colonoscopy|endoscopy)\b"
    r"|\b(?:tests?|scan|biopsy|x-?ray|ct|mri|colonoscopy|endoscopy|bloods|blood tests?|blood ?work)\b (?:\w+ ){0,2}(?:found|showed|confirmed|revealed) "
    r"(?:\w+ ){0,3}(?:cells|cancer|tumou?r|mass|lesion|nodule|growth|lymphoma|leuka?emia|carcinoma)\b"
    r"|\b(?:endocrinologist|oncologist|ha?ematologist|gp|doctor|specialist|urologist|dermatologist|surgeon|pa?ediatrician) (?:felt|found) (?:a|an)\b"
    r"|\bon (?:a |my |his |her )?routine (?:blood tests?|bloods|blood ?work|check-?up|scan)\b"
)
"""The signs were already seen by a doctor and led to tests or a diagnosis ("the pediatrician
did bloodwork", "ended up in the ER, where they found a big mass", "the ENT is now checking for")."""


def worked_up(part: str, message: str) -> bool:
    """A physical sign told as the story behind a diagnosis being made, in a message that asks
    about it ("what is LCH, what symptoms can it cause?"): the care team has it in hand, unless the
    part or the message says something is happening now or began today. A sign told before the
    work-up ("... and now there are tiny red dots on his legs. The GP did bloods yesterday") is the
    story the doctor already heard, unless the part says it began today or just now."""
    if not (_WORKED_UP.search(message) and _FRAME.search(message)):
        return False
    if not _RIGHT_NOW.search(part) and not _STARTED.search(message):
        return True
    start = message.find(part)
    end = start + len(part)
    return start >= 0 and not _STARTED.search(part) and any(m.start() >= end for m in _WORKED_UP.finditer(message))


def resolved_before(part: str, lead: str, message: str) -> bool:
    """The message says something is over ("they said that's normal", "she's fine now"): in the
    part's own sentence or after it, that settles the part; only before it, it settles the part
    unless the part says it is happening now ("they said the nausea is normal. But this afternoon
    my belly is hard and swollen")."""
    start = max(message.find(part) - len(lead), 0)
    if _RESOLVED.search(message, start):
        return True
    return bool(_RESOLVED.search(message[:start])) and not (_RIGHT_NOW.search(part) or _STARTED.search(part))


_HUMAN = re.compile(
    r"\b(?:mom|mum|mother|dad|father|husband|wife|son|daughter|child|children|kids?|baby|boy|girl|grandma|grandmother|"
    r"grandpa|grandfather|partner|boyfriend|girlfriend|brother|sister|friend|aunt|uncle|patient|spouse|toddler|"
    r"teen|teenager|neighbou?r|cousin|nephew|niece)\b"
    r"|\b(?:i'm|i am|i've been|i have|i had|my) (?:\w+ ){0,2}(?:chemo\w*|cancer|treatment|radiation|radiotherapy|tumou?r|diagnosis|infusion)\b"
)


_ANIMAL = re.compile(_PET.pattern.replace("|pet|pets|", "|"))
"""An animal named (not "pet", which is also a PET scan)."""


def pet_only(message: str) -> bool:
    """A message about an animal and no person ("my dog vomited twice, should I take him to the
    vet?"): a question for a vet, not for 911, a cancer care team, or personal advice. The animal
    is what the message opens with (named in its first sentence): a long message about the writer
    that mentions their cat on the way is about the writer."""
    first = re.split(r"[.?!\n]", message, maxsplit=1)[0]
    return bool(_ANIMAL.search(first)) and _HUMAN.search(message) is None


def about_a_pet(part: str, start: int) -> bool:
    """An animal is what the sign's words are about: named before the sign, and no person anywhere
    before the sign but the animal's owner ("our dog, a 9 year old labrador, has been vomiting for
    two days"; not "I bent to pick up the cat and had a sudden pain")."""
    pet = _PET.search(part[:start])
    if pet is None:
        return False
    before = re.sub(r"\b(?:my|our|his|her|their|the)\s+(?:\w+\s+)?$", "", part[: pet.start()])
    return _SITUATION.search(before + " " + part[pet.end() : start]) is None


_DENIED_AFTER_COMMA = re.compile(
    r"(?:,|\bbut|\band)\s+(?:(?:i |he |she |they )?(?:have|has|had|there's|there is)\s+)?(?:no|not|without|never|denies)\s+(?!even\b)(?:\w+\s+)?[\w']+\s+[\w']+$"
)


def denied_inside(match: re.Match[str]) -> bool:
    """A sign denied inside the words a cue matched ("i'm fine, no chest pain" matches from "i'm"):
    the last two words are the sign, and a negation after a comma, "but" or "and" comes just before
    them, perhaps after "have" ("and have no chest pain"; "not even wind" is no denial)."""
    return _DENIED_AFTER_COMMA.search(match.group(0)[-60:]) is not None


def _lead(part: str, message: str) -> str:
    """The words of ``part``'s sentence before it, when ``part`` is a clause: "what temperature
    counts as a fever on chemo, 100.4 or 101" frames its second clause too."""
    start = message.find(part)
    if start <= 0:
        return ""
    return message[max(message.rfind(stop, 0, start) for stop in ".?!;:\n") + 1 : start]


def _before(part: str, message: str, at: int, width: int = 120) -> str:
    """The ``width`` characters of ``message`` before position ``at`` of ``part``: "offered to do
    the biopsy this week ... my husband wants to get it over with" names the biopsy sentences before."""
    start = message.find(part)
    return part[max(0, at - width) : at] if start < 0 else message[max(0, start + at - width) : start + at]


def _trail(part: str, message: str) -> str:
    """The words of ``part``'s sentence after it, when ``part`` is a clause: a cue's lookahead reads
    them ("very confused, he thought they would give him someone else's blood" is a misunderstanding)."""
    start = message.find(part)
    if start < 0:
        return ""
    end = start + len(part)
    stops = [i for i in (message.find(stop, end) for stop in ".?!;:\n") if i >= 0]
    return message[end : min(stops, default=len(message))]


_ASKED_ANYHOW = frozenset({"suicidal_thoughts", "feeling_a_burden", "farewell_letters"})
"""Warning signs of suicide: they count however they are asked, unless about people in general."""


def matches(part: str, message: str) -> list[Concept]:
    """Concepts whose lay description is in ``part`` (a normalised sentence or clause) as a
    situation, not as a question about information; ``message`` (normalised) is searched for a
    concept's context. Physical signs must be happening now; personal advice must be asked for."""
    out = []
    lead = _lead(part, message)
    trail = _trail(part, message)
    advice: bool | None = None  # whether personal advice could be asked here, worked out once
    here = _PREFILTER.possible(part)
    for concept, cues in _live(message):
        if concept.tier == PERSONAL:
            if advice is None and pet_only(message):
                advice = False
            elif advice is None:
                # a decision for someone, asked for ("is it a skin cancer or a lymphoma" is not),
                # and not by a novel's character
                advice = bool(_ASKING.search(part) and names_a_person(message)) and not (
                    _NOT_REAL.search(message) and not _NOT_FICTION.search(message)
                )
            if not advice:
                continue
        before = lead if concept.tier in (EMERGENCY, URGENT) else ""
        for i, cue in cues:
            if i not in here:
                continue  # its anchors are in another part of the message
            m = cue.search(part + trail) if trail and i not in _AT_END else cue.search(part)
            if m is not None and m.start() >= len(part):
                m = None  # the words are all in the rest of the sentence, read as a part of its own
            if m is None or framed(
                before + part, len(before) + m.start(), _GENERIC if concept.id in _ASKED_ANYHOW else _FRAME
            ):
                continue  # warning signs of suicide count however they are asked, unless about people in general
            if concept.tier in (EMERGENCY, URGENT) and (
                not_happening(part, m.start(), m.end())
                or denied_inside(m)
                or (concept.id != "overdose_poisoning" and about_a_pet(before + part, len(before) + m.start()))
                or topic_only(part)
                or _NOT_A_CASE.search(message)
                or resolved_before(part, lead, message)
                or (_OVER.search(message) and not _RIGHT_NOW.search(part))
                or worked_up(part, message)
                or (concept.tier == EMERGENCY and long_standing(lead + part))
                or (concept.tier == EMERGENCY and _RECURRING.search(part) and not _STARTED.search(message))
                or (_ASKS_LINK.search(part) and not _RIGHT_NOW.search(part))
                or (_PREPARING.search(message) and not _happening_now(part))
                or _SOURCE_SAYS.search(part[max(0, m.start() - 40) : m.start()])
            ):
                continue
            if concept.tier == CRISIS and (
                _DENIED.search(part[max(0, m.start() - 60) : m.start()])
                or (_NOT_REAL.search(message) and not _NOT_FICTION.search(message))
                or any(loss.start() <= m.start() < loss.end() for loss in _LOSS.finditer(part))
                or ((_HISTORY.search(lead + part) or _PAST_TOLD.search(part)) and _OVER_NOW.search(message))
                or (_DONT.search(part[max(0, m.start() - 30) : m.start()]) and not part[m.end() :].strip(" .,!"))
                or _ASKED_NO.search(part)
                or any(q.start(1) <= m.start() < q.end(1) for q in _QUOTED.finditer(part))
                or (m.group(0).startswith("get it") and _TREATMENT_BEFORE.search(_before(part, message, m.start())))
            ):
                continue  # "I'm not suicidal"; a novel's character; a relative lost to suicide
            out.append(concept)
            break
    return out


CUES = ("asks_information", "history", "happening_now", "over", "hypothetical", "not_real", "sentences")
"""The message-level cues the learned layer's stacker reads beside the models and the rules: what
the rules know about framing, time and reality, for messages no red-flag concept describes."""


_CUE_PATTERNS = tuple(
    tuple(Quick(p) for p in group)
    for group in (
        (_FRAME,),
        (_HISTORY,),
        (_RIGHT_NOW, _STARTED),
        (_RESOLVED, _OVER, _WELL_NOW),
        (_HYPOTHETICAL,),
        (_NOT_REAL, _PET),
    )
)
"""The patterns behind each cue but the last, any of which sets it (``preparing`` also sets
``hypothetical``)."""


def cue_features(message: str, sentence_count: int) -> list[float]:
    """``CUES`` of a normalised message, each 0 or 1 but the sentence count (scaled to 0..1)."""
    found = [any(p.search(message) for p in group) for group in _CUE_PATTERNS]
    found[4] = found[4] or preparing(message)
    return [float(f) for f in found] + [min(sentence_count, 10) / 10.0]
