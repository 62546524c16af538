"""Red-flag concepts: what trusted guidance says needs 911, 988, or a call to the care team now.

Each concept names its source and carries *lay descriptions* of the situation (how people write
it, not the clinical term), as regular expressions over a normalised message part. Whether a
description describes something happening ("my leg is swollen and hot", "fever of 101 since
lunch") or asks about a topic ("what are the signs of a blood clot") is ``situation.py``'s call.

Sources: NCI, *Chemotherapy and You* and *Radiation Therapy and You* (call-your-doctor lists);
the oncologic emergencies as NCI PDQ and ASCO patient pages describe them (febrile neutropenia,
spinal cord compression, superior vena cava syndrome, hypercalcemia, blood clots and pulmonary
embolism, bleeding, seizures, infusion reactions, bowel obstruction, tumor lysis, sepsis); the
988 Suicide & Crisis Lifeline and NIMH warning signs of suicide; Poison Control (overdose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.safety.tiers import CRISIS, EMERGENCY, PERSONAL, URGENT

PERSON = (
    r"(?:i|i'm|i've|i'd|me|my|we|we're|our|us|he|he's|she|she's|him|his|her|"
    r"(?:my |our )?(?:mom|mum|mother|dad|father|husband|wife|son|daughter|child|kid|baby|boy|girl|"
    r"grandma|grandmother|grandpa|grandfather|partner|boyfriend|girlfriend|brother|sister|friend|"
    r"aunt|uncle|patient|fianc\w+|spouse|toddler|teen|teenager|neighbou?r|roommate|housemate))"
)
_TREATMENT = (
    r"\b(?:chemo|chemotherapy|infusion|cycle|round|immunotherapy|keytruda|opdivo|treatment|"
    r"radiation|transplant|neutropeni\w*|counts?|white cells|wbc|port|picc|folfox|folfiri|"
    r"carboplatin|cisplatin|taxol|paclitaxel|docetaxel|adriamycin|cytoxan|rituxan|leukemia|"
    r"lymphoma|myeloma|sarcoma|carcinoma|melanoma|\w+blastoma|cancer|tumou?r|oncolog\w*|\w+(?:inib|mab|platin|taxel|rubicin|fosfamide|abine|mide|mus)|"
    r"xeloda|tagrisso|taxotere|gemzar|neulasta|r-chop|abvd|ac|steroids?|prednisone|dexamethasone|maintenance)\b"
)
_NAMED_DIAGNOSIS = (
    r"\b(?:diagnosed (?:with|as)|diagnosis (?:is|was)|came back (?:as|showing)|(?:they|doctors?|surgeon|he|she) "
    r"(?:say|says|said|called|calls) (?:it(?:'s| is| was)|it a|this is|that it)|(?:it's|it is) called|turned out to be)\b"
    r"|\bwhat (?:exactly )?(?:is|are) (?:that|this|a|an)\b(?! (?:lump|spot|mole|bump|mass|growth|swelling))|\bwhat (?:is|does) (?:\w+ ){1,3}mean\b"
    # the name as the specialist gave it: "the haematologist told me I have MGUS"
    r"|\b(?:biopsy|pathology|histology|marrow|dermatologist|ha?ematologist|doctor|specialist)\b[^.?!]{0,40}\b(?:says?|said|told (?:me|us|him|her)|shows?|showed)\b"
    r"(?: (?:that )?(?:it's|it is|it was|i have|she has|he has|he's got|she's got|they have))? (?:an? )?['\"]?"
    r"(?:\w+ ){0,3}(?:syndrome|histiocytosis|gammopathy|mgus|mds|lch|(?!\w*(?:carcin|sarc|lymph|myel|melan)oma)\w+oma)\b"
)
"""A message that names the diagnosis: "is it a cancer?" then asks what that diagnosis is."""
_HOT = r"(?:10[0-6](?:\.\d)?|38(?:\.\d)?|39(?:\.\d)?|4[0-2](?:\.\d)?)"
_HOT_READING = r"(?:100\.[4-9]|10[1-5]\.\d|38\.\d|39\.\d|40\.\d)"  # a bare reading: "38.4 and shivery"


IDIOM_ON = (
    r"(?! on (?:\w+ ){0,2}(?:candy|sugar|chocolate|sweets|cake|pie|cookies|turkey|food|tv|netflix|coffee|caffeine|sun|"
    r"sunshine|information|news|carbs|episodes|reading|box ?sets?|shows?|series|podcasts?|youtube|tiktok|crosswords?|puzzles?|"
    r"soaps?|films?|movies|cat videos|love|kindness|advice|research|websites?|forums?|googl\w*|facts?)\b)"
)
"""'Overdosed on Netflix': an idiom, not a poisoning."""


@dataclass(frozen=True)
class Concept:
    id: str
    tier: str
    source: str
    cues: tuple[str, ...]
    context: str | None = None
    """When set, the concept fires only if this also appears somewhere in the message."""
    unless: str | None = None
    """When set, the concept does not fire if this appears somewhere in the message."""

    def compiled(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(c) for c in self.cues)


CONCEPTS: tuple[Concept, ...] = (
    # --- 911 -----------------------------------------------------------------------------------
    Concept("airway_breathing", EMERGENCY, "NCI Chemotherapy and You; oncologic emergencies", (
        r"\b(?:can't|cannot|unable to|struggling to|hard to|trouble|barely|fighting to) (?:breathe|breathing|catch (?:my|his|her|a|their) breath|get (?:air|a breath|enough air))\b",
        r"\b(?:not|stopped|isn't|wasn't|barely|quit) breathing\b|\bgasping\b|\bchoking\b",
        r"\bbreathing (?:is )?(?:super |very |really |so )?(?:fast|shallow|weird|strange|noisy|funny|rattly)\b",
        r"\b(?:lips|face|fingers|fingertips|skin) (?:are |is |look |looks |have |has )?(?:gone |going |turned |turning )?(?:blue|gray|grey|purple|dusky)\b|\bturning blue\b",
        r"\bthroat (?:is |feels )?(?:like (?:it's )?)?(?:closing|swelling|tight)\b|\b(?:tongue|lips) (?:is |are )?swelling\b",
        r"\b(?:breathing|breathe) through a straw\b|\bsuffocat\w+\b|\bdrowning\b(?! in (?!(?:(?:his|her|my|their) own|fluids?|secretions|mucus|phlegm|water|blood)\b))",
        r"\bout of breath (?:just )?(?:sitting|lying|resting|at rest|talking)\b|\bshort of breath (?:at rest|sitting|lying)\b",
        r"\bcan't (?:lie|lay) (?:down|flat) (?:without|because)[^.?!]{0,30}\bbreath",
        r"\b(?:so|very|really|suddenly|super|extremely|too) (?:breathless|short of breath|out of breath|winded)\b|\bcan (?:hardly|barely) breathe\b",
        r"\bbreathing (?:is |feels |sounds |got |has gotten )?(?:slow|shallow|weird|whistly|tight|wrong|labou?red|rattly|gurgly)\b|\bwheez\w+\b",
        r"\b(?:can't|can hardly|can barely|couldn't) (?:talk|speak|finish a sentence|say a sentence)\b[^.?!]{0,40}\b(?:breath|air|breathe)|\b(?:breath|air)\b[^.?!]{0,40}\bcan (?:barely|hardly) talk\b",
        r"\b(?:like|as if|as though) (?:i|he|she|they|i'd|i've) (?:just )?(?:has |have |had )?(?:just )?(?:ran|run|climbed|sprinted|walked) (?:up )?(?:a |the )?(?:\w+ ){0,3}(?:stairs|marathon|mile|hill|flights?)\b[^.?!]{0,50}\b(?:sitting|resting|lying|doing nothing|in (?:my|a|the|his|her) (?:chair|bed))\b",
        r"\b(?:sitting|resting|lying) (?:still |down |in (?:my|a|the|his|her) (?:chair|bed) )?[^.?!]{0,20}\b(?:like|as if) (?:i|he|she) (?:just )?(?:ran|run|climbed) (?:up )?(?:a |the )?(?:\w+ ){0,3}(?:stairs|marathon|mile|hill|flights?)\b",
        r"\bcan't get (?:a full|a deep|enough|any) (?:breath|air)\b|\bcan't catch (?:my|his|her) breath\b",
        r"\b(?:face and neck|neck and face)\b[^.?!]{0,30}\b(?:swollen|swelling|puffy|puffier|swelled)\b|\bcollar (?:won't|doesn't|will not|does not|can't) (?:do up|button|fasten|close)\b|\b(?:big |swollen |bulging )?veins (?:showing |standing out |sticking out )?(?:across|all over) (?:my|his|her) (?:chest|neck)\b|\bveins (?:on|in) (?:my|his|her) (?:chest|neck) (?:are )?(?:sticking out|bulging|swollen)\b",
    )),
    Concept("chest_pain_clot", EMERGENCY, "oncologic emergencies: blood clots and pulmonary embolism", (
        rf"\b{PERSON}\b[^.?!]{{0,70}}\b(?:chest (?:pain|pressure|tightness|hurts|feels)|pain in (?:my|his|her|the) chest|pressure (?:in|on) (?:my|his|her|the) chest|heart (?:is )?(?:racing|pounding))\b",
        r"\b(?:crushing|sudden|sharp|stabbing|bad|severe|tight) (?:\w+ )?(?:pain|pressure|tightness) (?:in|on) (?:my|his|her|the) chest\b|\bsudden (?:bad |sharp )?chest pain\b"
        # a heart attack happening now, said in those words (the model used to carry it alone)
        r"|\b(?:i'm|im|i am|he's|hes|she's|shes|he is|she is|(?:my |our )?(?:mom|mum|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|grandma|grandpa|nan|gran) is) (?:\w+ )?having a heart attack\b",
        r"\bchest (?:pain|pressure) (?:going|spreading|radiating|down)\b|\bpain (?:going |spreading )?down (?:my|his|her) (?:left )?arm\b",
        r"\bhurts to (?:breathe|take a (?:deep )?breath)\b|\bsharp pain when (?:i|he|she) breathe",
        r"\bchest (?:feels|is|felt) (?:like|so|really|very)? ?(?:tight|crushing|heavy|an elephant|a vice|squeezed)\b|\b(?:vice|elephant|band) (?:around|on) (?:my|his|her) chest\b|\bchest (?:is )?crushing\b",
        r"\bpain in (?:my|his|her) chest\b|\bchest pain\b[^.?!]{0,40}\b(?:breath|breathe|jaw|arm|sweat|now|minutes?|min)\b",
        r"\bheart (?:is )?(?:going crazy|pounding and irregular|stops and starts|skipping)\b|\bheart rate\b[^.?!]{0,20}\b1[4-9]\d\b|\b(?:bp|blood pressure) (?:is |of )?(?:[5-8]\d) (?:over|/)",
        r"\b(?:terrible|awful|horrible|really bad|heavy|crushing|squeezing) (?:\w+ )?(?:pain|pressure|tightness|ache) (?:in|on|across) (?:my|his|her|the) chest\b|\b(?:left arm|jaw) (?:aches|hurts|is aching)\b[^.?!]{0,30}\bchest\b|\bchest\b[^.?!]{0,40}\b(?:left arm|jaw) (?:aches|hurts)\b",
        r"\b(?:breathless|short of breath|can't breathe|out of breath)\b[^.?!]{0,30}\bchest pain\b|\bchest pain\b[^.?!]{0,30}\b(?:breathless|short of breath|can't breathe)\b",
        # formal words: pressure behind the breastbone spreading to the shoulder, arm, jaw or neck
        r"\b(?:pressure|tightness|heaviness|pain|ache|discomfort|squeezing)\b (?:\w+ )?(?:across|in|on|behind|over|under|beneath) (?:my|his|her|the) (?:sternum|breastbone|breast bone)\b"
        r"|\b(?:sternum|breastbone|breast bone|chest)\b[^.?!]{0,50}\b(?:extending|spreading|radiating|going|moving|travel\w*) (?:up |down )?(?:into|to|down|towards?) (?:my|his|her|the) (?:left )?(?:shoulder|arm|jaw|neck)\b",
    )),
    Concept("stroke_neuro", EMERGENCY, "oncologic emergencies; stroke warning signs", (
        r"\b(?:face|smile|mouth) (?:is |looks |went |has gone )?(?:drooping|droopy|crooked|lopsided|sagging)\b|\bslurr(?:ed|ing)\b",
        r"\b(?:suddenly|all of a sudden)\b[^.?!]{0,30}\b(?:can't|cannot|unable to) (?:lift|move|feel|see|speak|talk|walk|stand)\b",
        r"\bworst headache\b|\bthunderclap\b|\b(?:one|left|right) side (?:of (?:my|his|her) body )?(?:is |went |feels )?(?:numb|weak|limp|dead)\b",
        r"\bcan't (?:get|find) (?:his|her|my) words\b|\bwords (?:are |came out )?(?:jumbled|garbled|wrong)\b",
        r"\b(?:half|one side|left side|right side) of (?:my|his|her) (?:face|body)\b[^.?!]{0,30}\b(?:numb|droop\w*|weak|dead|won't move)\b",
        r"\b(?:arm|leg|hand)\b[^.?!]{0,20}\b(?:won't do what|feels like dead weight|won't move|went limp|stopped working)\b",
        r"\b(?:i think )?(?:i'm|im|he's|she's|i am|he is|she is|(?:my |our )?(?:mom|mum|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|grandma|grandpa|nan|gran) is) having a stroke\b|\b(?:can't|trouble|having trouble) (?:talk|talking|speak|speaking) (?:properly|right|clearly)\b",
        r"\bseeing double\b|\bsuddenly (?:can't see|blind|lost (?:my|his|her) vision)\b",
        r"\b(?:mouth|face|lip) (?:go|goes|went|gone|is going|has gone|pulled|pulling) (?:to )?(?:one side|sideways|crooked)\b|\b(?:arm|leg|hand) (?:no|not|will not|won't|can't|cannot) (?:move|grip|lift|work)\b",
        r"\bspeech (?:has gone|is|went|sounds|got) (?:peculiar|strange|funny|weird|slurred|garbled|odd|wrong)\b|\b(?:speak|talk|talking|speaking) (?:strange|strangely|funny|weird|gibberish)\b",
    )),
    Concept("unresponsive", EMERGENCY, "oncologic emergencies: hypercalcemia, sepsis, brain metastases", (
        r"\b(?:passed out|fainted|blacked out|unconscious|unresponsive|not responding|won't respond|limp and)\b|\b(?:he|she|i|they|mom|dad|husband|wife|son|daughter|father|mother|grandma|grandpa|patient|and|just)\s+(?:has\s+|had\s+|just\s+)?collapsed\b",
        r"\b(?:can't|won't|not|couldn't) (?:wake|waking|rouse|arouse) (?:him|her|them|up|my)\b(?<!to not wake up)|\bhard to (?:wake|rouse)\b|(?<!to )(?<!i )(?<!i'll )(?<!about )(?<!about just )(?<!of )(?<!of just )\b(?:not|won't|isn't|barely) (?:waking|wake) up\b(?! tomorrow| in the morning)|\bwon't wake\b(?! up tomorrow)",
        r"\b(?:keeps|kept) (?:passing|drifting|nodding) (?:out|off)\b[^.?!]{0,40}\b(?:can't|won't|mid)\b|\bcan barely keep (?:my|his|her) eyes open\b",
        r"(?<!we are )(?<!we're )(?<!we all )(?<!we both )(?<!we are all )(?<!i am )(?<!i'm )(?<!i was )(?<!i feel )(?<!i felt )\b(?:suddenly|very|really|so|super|newly|totally|completely) confused\b(?! (?:about|by|with|as to|which|what|on|over|reading|because|why|how)\b)(?!,? (?:and |but )?(?:also )?(?:scared|worried|upset|frightened|overwhelmed|anxious|lost|stressed|heartbroken|sad|angry|grieving)\b)(?!,? i(?:'d| had| have)? never heard)(?!,? (?:and |as |because )?(?:he|she|they|we|i|mum|mom|dad) (?:thought|thinks|believed|assumed|misunderstood|didn't understand|doesn't understand|had understood)\b)|\bdoesn't (?:know|recognize) (?:me|us|where (?:he|she) is)\b|\bmaking no sense\b|\bnot making sense\b",
        r"\bconfused\b[^.?!]{0,60}\b(?:breathing|sleepy|drowsy|hard to wake|fever)\b",
        r"\b(?:not|isn't|no longer) (?:recogni[sz]ing|recogni[sz]e|knowing) (?:me|us|(?:his|her|their|my) (?:\w+ )?(?:children|kids|family|husband|wife|son|daughter|mum|mom|dad))\b|\bnow (?:she|he|they|mum|mom|dad)(?:'s| is| are) (?:so |very |really |completely )?(?:confused|disoriented|not making sense)\b",
        r"\b(?:not able to|unable to|can't|cannot) (?:answer|respond|talk) (?:properly|normally|clearly|right)\b",
        r"\bcan't (?:stay|keep (?:him|her|me)) awake\b|\b(?:keep|keeps) (?:nodding off|falling asleep (?:in the middle|mid))\b|\bzoning out\b|\bso out of it\b|\bcan (?:barely|hardly) (?:answer|respond)\b",
        r"\bseeing things\b(?! (?:online|on|about|in|like))|\bdon't know where (?:i am|i'm|he is|she is)\b|\bdon't remember (?:the last|falling|anything|what happened)\b|\btalking nonsense\b|(?<!gets )(?<!get )(?<!i got )(?<!i was )(?<!i'm )(?<!i am )(?<!i get )\bmuddled\b(?! (?:with|about|over|up))",
        r"\bwoke up on the floor\b|\bblack(?:ed)? out\b|\beverything went black\b|\b(?:keep |kept |i'm |he's |she's )?passing out\b|\b(?:going|about) to (?:faint|pass out)\b(?! (?:when|if|whenever|every time) (?:i|he|she|they) (?:stand|get up|sit up))|\bfeel (?:so )?faint\b(?! (?:when|if|whenever|every time) (?:i|he|she|they) (?:stand|get up|sit up))",
        r"\b(?:doesn't|does not|didn't) know who (?:i am|i'm|we are|she is|he is)\b|\b(?:all )?floppy\b",
        r"\b(?:doesn't|does not|didn't|don't) know (?:what (?:year|day|month|time) it is|what day|his own name|her own name|my name|where (?:he|she) is)\b|\bdisoriented\b",
        r"\bslumped\b|\b(?:could not|couldn't|can't|cannot) tell (?:me|us) where (?:he|she|they|i) (?:was|is|were|are)\b|\b(?:falls|falling|fell|keeps falling) asleep (?:while|when|as|in the middle)\b",
        r"\b(?:can't|couldn't|cannot) get (?:any|a) (?:response|reaction|answer) (?:out of|from) (?:him|her|them|my \w+)\b",
        r"\bbarely (?:responsive|conscious|awake|rousable)\b|\b(?:on|fell to|found (?:him|her|them) on) (?:the )?floor\b[^.?!]{0,40}\b(?:not|won't|isn't|can't|gr[ae]y|pale|blue)\b",
        rf"\b{PERSON}\b(?! (?:siblings|family|relatives|brothers|sisters|friends|kids|children|doctors?|office|clinic|nurses?|team|gp|phone|calls?)\b)[^.?!]{{0,40}}\b(?:not|isn't|wasn't|won't|stopped) (?:answering|responding|reacting)\b(?! (?:to|well)\b)(?! (?:my|the|his|her|our|their) (?:phone|calls?|texts?|messages?|emails?|door))",
        r"\b(?:very|so|really|all of a sudden|suddenly) confuse\b|\b(?:talk\w*|speak\w*|waving) to (?:people|someone|things|somebody) (?:who|that) (?:is|are|isn't|aren't|was|were) not there\b|\b(?:sees|seeing|talking to) (?:people|things|someone) (?:who|that) (?:aren't|are not|isn't|is not) there\b",
        r"\b(?:confused|confuse|disoriented|out of it)\b[^.?!]{0,80}\b(?:yesterday|this morning|last night|an hour ago) (?:she|he|i|they) (?:was|were|seemed) (?:fine|normal|okay|ok)\b",
        r"\b(?:confused|confuse|disoriented|out of it|didn't recogni[sz]e|doesn't recogni[sz]e)\b(?:[^.?!]*[.!] ?){0,2}[^.?!]{0,40}\b(?:she|he|they|i) (?:was|were|seemed) (?:completely |totally |perfectly |absolutely )?(?:fine|normal|okay|ok|herself|himself) (?:yesterday|this morning|last night|an hour ago|a few hours ago)\b",
        r"\b(?:one|his|her|my) pupils? (?:is |looks |seems )?(?:bigger|larger|huge|blown|much bigger)\b|\bpupils (?:are |look )?(?:different|uneven|two different) sizes?\b",
    )),
    Concept("seizure", EMERGENCY, "oncologic emergencies: seizures", (
        r"\b(?:is having|having|just had|has had|went into) (?:a |another )?(?:seizure|fit|convulsion)s?\b|\bhad (?:a |another )?(?:seizure|fit|convulsion) (?:just now|today|tonight|this (?:morning|afternoon|evening)|an hour ago|(?:a few )?minutes ago)\b|\bseizing\b|\bconvuls\w+\b|\b(?:had|having|has had) (?:\d+|two|three|four|several|multiple) (?:seizures|fits|convulsions) (?:in the (?:last|past) (?:hour|few hours|day)|since|today|tonight|this (?:morning|afternoon|evening))\b",
        r"\b(?:shaking|jerking|twitching) (?:all over|uncontrollably|and (?:not|won't|can't))\b|\beyes rolled back\b",
        rf"\b(?:i|he|she|they|{PERSON})\b (?:just )?had what [^.?!]{{0,30}}\b(?:was|were|looked like|think was) (?:a |another )?(?:seizure|fit|convulsion)|\b(?:seizure|fit|convulsion)s? (?:just now|a (?:few|couple of) minutes ago|\d+ min\w* ago)\b",
        r"\bfoaming at (?:the )?mouth\b|\b(?:jerking|twitching|shaking)\b[^.?!]{0,30}\b(?:won't stop|not stopping|foaming|eyes rolled|unresponsive|can't wake)\b",
    )),
    Concept("heavy_bleeding", EMERGENCY, "NCI Chemotherapy and You; oncologic emergencies: bleeding", (
        r"\bblood (?:is |keeps )?(?:pouring|gushing|spurting|everywhere)\b|\b(?:bleeding|blood)[^.?!]{0,30}\b(?:won't|doesn't|will not|wont|hasn't|not) stop",
        r"\b(?:won't|doesn't|will not|wont|isn't|not) clot(?:ting)?\b(?! (?:normally|as well))",
        r"\bcan't stop (?:the )?bleeding\b|\b(?:throwing up|vomiting|puking|coughing up|spitting up) (?:a lot of |lots of |so much |big clots of |clots of |bright red |pure )?blood\b",
        r"\bsoak(?:ed|ing) (?:through|with blood)\b|\bbleeding (?:heavily|a lot|badly|everywhere|like crazy)\b|\b(?:a )?pool of blood\b",
        r"\b(?:black|tarry|maroon)\b[^.?!]{0,20}\b(?:stool|poop|stools)\b[^.?!]{0,40}\b(?:dizzy|faint|weak)\b",
        r"\b(?:vomit\w*|throwing up|threw up|puking|cough\w*|spitting)\b(?![^.?!]{0,40}(?<!not )(?<!not a )\b(?:little|streaks?|streaked|streaky|tinged?|specks?|specked|spots?|spotted|bit of|small amount|trace|flecks?|flecked)\b)[^.?!]{0,40}(?<!no )(?<!without )(?<!any )\b(?:blood|bright red|coffee grounds?|clots)\b",
        r"\b(?:blood|bleeding) (?:from|out of) (?:everywhere|my bottom|my rectum|his bottom|her bottom)\b|\btoilet (?:bowl )?(?:is )?full of (?:it|(?:bright red |dark red |dark )?blood)\b|\b(?:gushing|pouring|pumping out|running down)\b[^.?!]{0,20}\bblood\b",
        r"\b(?:pure|bright red) blood\b[^.?!]{0,30}\b(?:clots|lots|a lot|filled)\b|\bnose ?bleed\b[^.?!]{0,30}\b(?:over an hour|for an hour|hours|won't stop)\b|\bfilled (?:a|the) (?:bowl|bucket|cup)\b",
    )),
    Concept("overdose_poisoning", EMERGENCY, "Poison Control; overdose", (
        r"\boverdos(?:ed|ing|e)\b(?! of (?:radiation|x-?rays?|sun|information|love|googl\w*|dr\.? google|the internet|internet|forums?|reading|research|news|sugar|cake|chocolate|sweets|christmas|positivity|advice|sympathy|tv|netflix|youtube|tiktok|social media|kindness|questions|leaflets|worry|worrying|stress|emotions?|feelings|grapes|casseroles?)\b)(?! (?:risk|symptoms|signs|warnings?|prevention|kit|antidote|reversal|education|training|awareness))" + IDIOM_ON + r"(?! (?:can|could|may|might|would|will|is|are) (?:be|kill|cause|damage|lead))|\b(?:drank|swallowed|ate|drinking) (?:\w+ ){0,3}(?:poison|bleach|antifreeze|drain cleaner|lighter fluid)\b",
        r"\b(?:got into|found (?:him|her|them) with) (?:my|his|her|the) (?:pills|meds|medicine|bottle)\b|\b(?:chewed|swallowed) (?:a |my |one of my )?(?:fentanyl )?patch\b",
        r"\bpin ?point pupils\b|\bempty (?:pill )?bottle\b",
        r"\b(?:took|taken|gave (?:him|her|me)) (?:it|them|another|one|my \w+) (?:again|too)\b[^.?!]{0,40}\b(?:drowsy|breathing|can't|sleepy|nodding|out of it|strange)\b|\btook (?:it|them) again\b",
        r"\b(?:methotrexate|weekly (?:pill|dose|tablet|injection))\b[^.?!]{0,40}\b(?:every (?:single )?day|daily)\b|\b(?:every day|daily) (?:this week )?instead of (?:once a week|weekly)\b|\binstead of (?:one|one day's|a single|once a)\b[^.?!]{0,20}\bdose\b|\bforgot to take the old (?:patch|patches|one|ones|two) off\b",
        r"\b(?:drank|had) (?:a bottle of|a lot of|\w+ glasses of|a glass of)\b[^.?!]{0,30}\b(?:with|after|and)\b[^.?!]{0,20}\b(?:pills|pill|sleeping|oxy\w*|morphine|ativan|xanax)\b|\bpupils (?:are )?(?:tiny|pinpoint)\b",
        r"\b(?:on purpose|intentionally)\b[^.?!]{0,30}\b(?:pills|took|swallowed|overdose)\b|\b(?:pills|took|swallowed)\b[^.?!]{0,30}\bon purpose\b",
        r"\b(?:kid|child|son|daughter|toddler|baby|grandson|granddaughter|girl|boy|little one|dog|puppy|(?:\d+|two|three|four|five|six) ?(?:(?:yr|year|month)s?[- ]old|yo|y/o))\b[^.?!]{0,40}\b(?:drank|drunk|swallowed|ate|eat|eaten|got into|chewed|chewing|sucking|sucked|licking|licked|took|had)\b[^.?!]{0,60}\b(?:pills?|morphine|medicine|meds|capsules|tablets|patch|patches|liquid|syrup|bottle)\b",
        r"\b(?:chew\w*|suck\w*|lick\w*|in (?:his|her|their) mouth)\b[^.?!]{0,40}\b(?:fentanyl|duragesic|opioid|morphine|butrans) (?:patch|patches|lollipop|pops?)\b|\b(?:fentanyl|duragesic|butrans) patch\w*\b[^.?!]{0,40}\b(?:in (?:his|her|their) mouth|chew\w*|suck\w*|lick\w*)\b",
        r"\b(?:swallowed|drank|ate|taken|took) (?:some|several|a few|all) of (?:my|his|her|their|\w+'s) (?:\w+ )?(?:pills|capsules|tablets|medicine|meds|morphine)\b",
        r"\b(?:swallowed|downed) (?:a |the |half a |half the |most of (?:a|the|my|his|her) )?(?:whole |full |entire )?(?:bottle|packet|pack|box|handful|strip|blister pack)s? of\b(?! (?:water|wine|beer|vodka|whisky|juice|squash|lucozade|coke|milk|tea|fizzy)\b)"
        r"|\b(?:took|taken|ate) (?:a |the |half a |half the |most of (?:a|the|my|his|her) )?(?:whole |full |entire )?(?:bottle|packet|pack|box|handful|strip|blister pack)s? of (?:\w+ )?(?:pills|tablets|capsules|meds|medicine|painkillers|paracetamol|tylenol|morphine|sleeping)\b",
    )),
    Concept("severe_reaction", EMERGENCY, "NCI Chemotherapy and You: allergic and infusion reactions", (
        r"\banaphyla\w*\b|\bhives (?:all over|everywhere)\b[^.?!]{0,60}\b(?:breath|throat|swell|dizzy)",
        r"\b(?:allergic reaction|reaction to (?:the )?(?:infusion|drip|drug|chemo))\b[^.?!]{0,40}\b(?:now|right now|swelling|breath|throat)\b",
        r"\b(?:face|neck|eyes|lips)\b[^.?!]{0,20}\b(?:swell\w*|puff\w*)\b[^.?!]{0,60}\b(?:breath|breathing|throat|choking|dizzy|hoarse)\b",
        r"\b(?:breath|breathing|throat)\b[^.?!]{0,60}\b(?:face|neck)\b[^.?!]{0,20}\b(?:swell\w*|puff\w*)\b",
        r"\b(?:tongue|lips|throat|face)\b[^.?!]{0,20}\b(?:swelled|swollen|swelling|numb and swollen)\b[^.?!]{0,40}\b(?:talk|voice|breath|swallow|huge)\b|\btongue swelled\b",
        r"\breaction to (?:the )?(?:\w+ )?(?:contrast|infusion|drug|dye|transfusion)\b|\b(?:wheez\w+|hives)\b[^.?!]{0,30}\b(?:after|since|during) (?:the|my|his|her) (?:infusion|contrast|dose|first)\b",
        r"\bswollen (?:tongue|lips|throat)\b|\b(?:tongue|lips|throat) (?:is |are |got |went )?(?:swollen|swelling up|swelled)\b",
    )),
    Concept("cord_bladder_bowel", EMERGENCY, "oncologic emergencies: spinal cord compression (bladder and bowel)", (
        r"\b(?:had|having|keep having|two|three|several) (?:\w+ )?accidents\b(?! (?:at|on|in) (?:work|the road|school))|\b(?:pooped|pooed|soiled|wet|peed|messed) (?:myself|himself|herself|themselves|the bed)\b|\b(?:can't|couldn't|unable to) (?:hold|control) (?:my|his|her) (?:pee|urine|poop|bowels|bladder)\b",
    ), context=r"\b(?:back|spine|spinal|legs?|numb\w*|saddle|vertebra\w*|bones?)\b"),
    Concept("cord_compression", EMERGENCY, "oncologic emergencies: spinal cord compression", (
        r"\b(?:can't|unable to|couldn't|trouble) (?:feel|move|stand on|lift) (?:my|his|her|both) (?:legs|feet)\b|\blegs (?:gave out|are giving out|went numb|suddenly weak|won't hold)\b",
        r"\b(?:numb|weak)\b[^.?!]{0,60}\b(?:can't|lost control of|couldn't) (?:pee|urinate|hold (?:my|his|her) (?:bladder|bowels|pee))\b",
        r"\b(?:lost|losing|lose|no|less) (?:some |any |all )?(?:control (?:of|over) )?(?:my|his|her|your|the) (?:bladder|bowels?)\b",
        r"\b(?:numb|tight|tingly|tingling|strange|weird|funny)\b[^.?!]{0,10}\b(?:band|belt|strip|line)\b[^.?!]{0,10}\baround (?:my|his|her|the) (?:stomach|belly|chest|waist|middle|ribs|tummy)\b",
        r"\blegs? (?:feel|feels|are|is|went|got|have gone|has gone) (?:\w+ ){0,2}(?:heavy|weak|numb|like jelly|wobbly|dead)\b[^.?!]{0,60}\b(?:(?:can (?:barely|hardly)|can't|couldn't|hard to|trouble) (?:lift|walk|stand|move|climb)|fell|falling|keep falling|collapsed)",
        r"\blegs? (?:feel|feels|are|went) like jelly\b|\bnumb (?:from|below) (?:the|my|his|her) (?:belly|waist|chest|navel|hips?|belly button)(?: button)? (?:down|downward)\b|\bnumb\w* (?:down there|in (?:my|his|her) (?:groin|bottom|private)|saddle)\b|\bsaddle (?:area|numbness)\b",
        r"\b(?:back|spine)\b[^.?!]{0,80}\b(?:legs?|feet)\b[^.?!]{0,30}\b(?:numb|weak|heavy|tingl\w*|giving (?:out|way))\b[^.?!]{0,60}\b(?:pee|urinate|bladder|walk|stand)\b",
        r"\b(?:can't|cannot|couldn't|could not|unable to) (?:pass water|pee|wee|urinate)\b[^.?!]{0,60}\b(?:legs?|numb\w*|back)\b|\b(?:legs?|numb\w*|back|spine)\b[^.?!]{0,60}\b(?:can't|cannot|couldn't|could not) (?:pass water|pee|wee|urinate)\b",
        r"\blegs (?:have |has )?(?:just |suddenly )?(?:went|gone|gave way|given way|given out|stopped working)\b(?! (?:numb|to sleep|dead|fine|back))|\b(?:cannae|canny|can't|cannot) stand up\b[^.?!]{0,40}\blegs\b",
        r"\blegs (?:won't|wont|don't) (?:work|hold (?:me|him|her))\b|\b(?:wet|peed|soiled) (?:myself|himself|herself)\b[^.?!]{0,40}\b(?:legs|numb|back|can't)\b|\b(?:legs|numb|back)\b[^.?!]{0,40}\b(?:wet|peed) (?:myself|himself|herself)\b",
    )),
    Concept("cord_legs", EMERGENCY, "oncologic emergencies: spinal cord compression (legs failing, with back pain)", (
        r"\blegs? (?:feel|feels|felt|are|went|have gone)\b[^.?!]{0,50}\b(?:heavy|tingl\w*|numb|weak|belong to (?:someone|somebody) else|not (?:my|his|her) own|like rubber)\b[^.?!]{0,80}\b(?:nearly fell|almost fell|fell|can't walk|couldn't walk|(?:can't|cannot|couldn't|could not) (?:pass water|pee|wee|urinate))\b",
    ), context=r"\b(?:back|spine|spinal|vertebra\w*)\b"),
    Concept("sepsis", EMERGENCY, "oncologic emergencies: sepsis in febrile neutropenia", (
        r"\b(?:fever|temp\w*|chills|10[0-4]\.\d|3[89]\.\d)\b[^.?!]{0,80}\b(?:confused|blotchy|mottled|cold and clammy|can't stand|very fast|racing heart|blood pressure (?:is )?(?:low|dropping)|dizzy and|faint\w*|pass(?:ing)? out)\b",
        r"\b(?:blood pressure|bp)\b[^.?!]{0,20}\b(?:[4-8]\d/\d{2}|dropping|crashing|really low|very low)\b",  # systolic under 90
        r"\b(?:fever|temp\w*|chills|freezing)\b[^.?!]{0,60}\b(?:can't think|muddled|seeing things|don't know where|can barely answer|can't stand|purple|cold and clammy|clammy)\b",
        r"\b(?:can't think|confused|muddled|can't stand)\b[^.?!]{0,60}\b(?:fever|temp \d+|temperature)\b",
    )),
    Concept("rigors_on_treatment", EMERGENCY, "oncologic emergencies: fever with rigors in febrile neutropenia", (
        r"\b(?:shaking|shivering|shakes|rigou?rs)\b[^.?!]{0,40}\b(?:so hard|so badly|uncontrollabl\w*|can't stop|won't stop|teeth (?:are )?chatter\w*|whole body|violently)\b[^.?!]{0,120}\b(?:3[89](?:\.\d)?|10[0-5](?:\.\d)?|fever|feverish|burning up)\b",
        r"\b(?:3[89](?:\.\d)?|10[0-5](?:\.\d)?|fever|feverish|burning up)\b[^.?!]{0,120}\b(?:shaking|shivering|rigou?rs)\b[^.?!]{0,30}\b(?:so hard|so badly|uncontrollabl\w*|can't stop|won't stop|teeth (?:are )?chatter\w*|violently)\b",
        r"\b(?:fever|temp\w*|3[89](?:\.\d)?|10[0-5](?:\.\d)?)\b[^.?!]{0,20}\bwith rigou?rs\b|\bshivering\b[^.?!]{0,60}\b(?:did not|didn't|won't|will not) stop\b",
    ), context=_TREATMENT),
    Concept("shock_signs", EMERGENCY, "oncologic emergencies: sepsis and blood loss (shock)", (
        r"\b(?:nearly|almost|about to|going to) (?:pass(?:ed)? out|faint\w*|black(?:ed)? out|collapse\w*)\b(?! (?:when|if|whenever|every time) (?:i|he|she|they) (?:stand|get up|sit up))",
        r"\b(?:cold and clammy|clammy|mottled|blotchy (?:purple|blue|gr[ae]y)|purple (?:blotches|patches)|(?:skin|knees|legs) (?:look |looks |are |is )?(?:blotchy|mottled))\b",
        r"\bheart (?:is )?(?:going|racing|pounding|beating) (?:at |like )?(?:1[2-9]\d|2\d\d)\b|\b(?:pulse|heart rate|hr) (?:is |of |at )?(?:1[3-9]\d)\b",
    ), context=r"\b(?:fever|temp\w*|chills|rigors|shaking|chemo\w*|infusion|neutropeni\w*|counts?|anc|bleed\w*|blood|vomit\w*|transplant|10[0-4](?:\.\d)?|3[89]\.\d)\b"),
    Concept("spleen_after_growth_factor", EMERGENCY, "FDA pegfilgrastim and filgrastim labels: splenic rupture (left upper belly or shoulder tip pain)", (
        r"\b(?:pain|ache|aching|hurts?|hurting|sore)\b[^.?!]{0,50}\b(?:left (?:upper )?(?:side|ribs|belly|tummy|abdomen|stomach)|under (?:my|his|her|the) left ribs|(?:tip|top) of (?:my|his|her|the) left shoulder|left shoulder tip)\b",
        r"\b(?:left (?:upper )?(?:side|ribs|belly|tummy|abdomen|stomach)|under (?:my|his|her|the) left ribs)\b[^.?!]{0,40}\b(?:pain|ache|aching|hurts?|hurting|sore)\b",
    ), context=(
        # with a growth-factor shot, and faintness or pallor: bleeding inside
        r"\A(?=[\s\S]*\b(?:neulasta|onpro|pegfilgrastim|filgrastim|neupogen|udenyca|fulphila|ziextenzo|nivestym|zarxio|granix|releuko|growth factor (?:shot|injection))\b)"
        r"(?=[\s\S]*\b(?:light-?headed|faint\w*|dizzy|white as a sheet|pale|clammy|passed out|grey|gray)\b)"
    )),
    Concept("tumor_lysis_signs", EMERGENCY, "oncologic emergencies: tumor lysis syndrome", (
        r"\b(?:almost no|barely any|very little|hardly any|not much|no|a small cup of|only a little) (?:pee|urine|wee|wet (?:nappy|nappies|diapers?))\b|\b(?:pee|pees|peed|urinat\w+) (?:very |so )?little\b|\b(?:barely|hardly) (?:passed|passing|peed|peeing|urinated)\b|\b(?:barely|hardly|not) (?:wet|wetting|wets|wetted) (?:his|her|their|a|the|any) (?:diaper|nappy|nappie)s?\b",
    ), context=r"\b(?:cramps?|cramping|twitch\w*|flutter\w*|irregular|not regular|palpitations|numb\w*|tingl\w*|confus\w*)\b"),
    Concept("high_calcium_or_pressure", EMERGENCY, "oncologic emergencies: hypercalcemia; brain swelling", (
        r"\b(?:so|very|really|extremely|always|constantly) thirsty\b|\bdrinking and drinking\b",
        r"\bheadache\b[^.?!]{0,60}\b(?:vomit\w*|throwing up|blurr\w*|can't (?:open|see)|worst|worse and worse)\b|\b(?:vomit\w*|throwing up)\b[^.?!]{0,40}\bheadache\b",
    ), context=r"\b(?:sleepy|drowsy|confus\w*|can't wake|hard to wake|out of it|muddled|brain|glioblastoma|glioma|tumou?r|dex\w*|steroids?|myeloma|radiation|radiotherapy)\b"),
    Concept("tumor_lysis", EMERGENCY, "oncologic emergencies: tumor lysis syndrome", (
        r"\b(?:haven't|hasn't|not|barely|hardly|no)\b[^.?!]{0,10}\b(?:peed|urinated|peeing|pee|urine)\b[^.?!]{0,80}\b(?:cramps?|cramping|flutter\w*|twitch\w*|palpitations|heart (?:racing|skipping|pounding|is off))\b",
        r"\b(?:cramps?|cramping|flutter\w*|twitch\w*|palpitations)\b[^.?!]{0,80}\b(?:haven't|hasn't|not|barely|hardly|no)\b[^.?!]{0,10}\b(?:peed|urinated|peeing|pee|urine)\b",
        r"\b(?:barely|hardly|not|haven't|hasn't)\b[^.?!]{0,10}\b(?:peed|urinated|passed (?:water|urine))\b[^.?!]{0,80}\b(?:like|colou?r of) (?:cola|coke|coca-cola)\b",
    )),
    Concept("head_injury", EMERGENCY, "oncologic emergencies: bleeding on blood thinners or with low platelets", (
        r"\b(?:hit|smacked|banged|bumped|struck|cracked) (?:my|his|her) head\b|\bfell\b[^.?!]{0,40}\bhead\b",
        r"\b(?:hit|hits|smacked|banged|bumped|struck) (?:his |her |my |the )?head\b",
        r"\b(?:hit|smacked|banged|bumped|struck|cracked)\b[^.?!]{0,20}\bhead\b",
    ), context=r"\b(?:eliquis|apixaban|xarelto|rivaroxaban|warfarin|coumadin|blood thinners?|anticoagulants?|lovenox|enoxaparin|heparin|platelets|confus\w*|vomit\w*|seeing double|blurry|drowsy|pounding|bleeding)\b"),
    Concept("call_911", EMERGENCY, "asking whether to call 911", (
        r"\bshould (?:i|we) call (?:911|an ambulance|the ambulance)\b|\b(?:call|calling) (?:911|an ambulance)\b\??$",
        r"\bdo (?:i|we) (?:need to )?(?:go to|take (?:him|her) to) the (?:er|emergency room|hospital) (?:right )?now\b",
    )),
    # --- 988 -----------------------------------------------------------------------------------
    Concept("suicide_named", CRISIS, "988 Suicide & Crisis Lifeline", (
        r"\bsuicid(?:e|al)\b(?! gene| rates?\b| statistics| risk| prevention)|\bself[- ]harm\w*",
    )),
    Concept("suicidal_thoughts", CRISIS, "988 Suicide & Crisis Lifeline; NIMH warning signs", (
        r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|burn|burning) (?:myself|himself|herself|themselves)\b(?! (?:with (?:cake|sugar|food|work|worry|chocolate|sweets|junk|stress|overtime|kindness)|laughing|trying to)\b)",
        r"\b(?:take|taking|took) (?:my|his|her|their) own life\b|\bwish (?:i|he|she) (?:was|were|had) (?:dead|never)\b|\bno will to live\b",
        r"\bend(?:ing)? (?:my|his|her) (?:own )?life\b|(?<!in the )(?<!at the )(?<!by the )\bend(?:ing)? it(?! all (?:with|early|there|was|is|turned|came|up)\b)(?: all)?\b(?! (?:with|early|there|was|is|turned|came|up)\b)|\bcheck(?:ing)? out (?:early|for good)\b",
        r"\b(?:don't|do not|no longer|doesn't|does not) want to (?:live|be alive|be here|wake up|exist|go on|keep going|do this anymore)\b|\bwant(?:s)?(?: to)? (?:to )?die\b(?! at home| in (?:peace|hospice|(?:her|his|my) own bed)| with dignity| peacefully| naturally| of (?:boredom|embarrassment|shame|laughter|laughing|cringe|curiosity))|\bready to die\b|\b(?:rather|sooner) (?:be dead|die)\b|\bwants? to be dead\b",
        r"\bno (?:reason|point|purpose) (?:to|in) (?:keep )?(?:living|going on|live|go on|keep going|carrying on|being here|trying)\b|\bwhat's the point (?:of|in) (?:going on|living|any of this|trying|being here)\b",
        r"\bbetter off (?:without me|if i (?:was|were) gone|dead)\b",
        r"\b(?:want|wish|hope|hoping|pray|prays|praying)\b[^.?!]{0,12}\b(?:never|not|don't|won't|wouldn't) (?:wake up|come back)\b|\bjust don't wake up\b|\bto not wake up\b|\bnot wake up (?:tomorrow|in the morning)\b",
        r"\b(?:least painful|easiest|quickest|painless) way to (?:die|go)\b|\bways to (?:overdose|die|kill)\b|\bhow (?:many|much) (?:\w+ ){0,3}(?:would|will|to) (?:kill|be fatal|be lethal|be enough to)\b|\blethal (?:dose|amount)\b[^.?!]{0,30}\b(?:my|i|he|she)\b",
        r"\b(?:saving up|stockpil\w+|collecting|hoarding|stashing|putting aside|keeping) (?:my |his |her |some |all )?(?:\w+ ){0,2}(?:pills|meds|tablets|morphine|oxy\w*|painkillers|sleeping pills)\b"
        r"|\b(?:got|have|has|had|built up|building up|keeping) (?:a |my |his |her |quite a |a little |a small |a big )?stockpile\b(?! of (?!(?:my |his |her )?(?:pills|meds|tablets|morphine|oxy\w*|painkillers|sleeping pills)))",
        # hurting oneself without a blade: biting till it bleeds, banging one's head
        r"\b(?:bit|bites|biting|bitten) (?:his|her|my|their) (?:own )?(?:arms?|hands?|wrists?|skin|fingers?|lips?)\b[^.?!]{0,25}\b(?:until|till|til|and) (?:it|they) (?:bled|bleeds?|bleeding)\b"
        r"|\b(?:been|keeps?|kept|started|starts) (?:bang\w*|hitting|punching|slapping) (?:his|her|my|their) (?:own )?(?:head|face)\b",
        # a mercy killing and one's own death after
        r"\bhelp (?:her|him|them) (?:to )?go\b[^.?!]{0,30}\b(?:pillow|mercy)\b|\bpillow over (?:her|his|their) face\b|\b(?:and|then) (?:go|follow (?:her|him)) myself\b|\bgo myself (?:after|too)\b",
        r"\b(?:giving|gave) away (?:my|his|her) (?:things|stuff|belongings)\b|\bwrit(?:ten|ing|e) (?:a |my )?(?:suicide |goodbye )?note\b|\bsaying goodbye to everyone\b",
        r"\bdisappear (?:for good|forever)\b|\bgo to sleep and (?:never|not)\b|\bdriv(?:e|ing) into a (?:wall|tree)\b|\bcan't (?:go on|do this anymore|take (?:it|this) anymore)\b",
        r"\b(?:where|keeps) (?:his|her|the|my) (?:gun|pistol|rifle)\b|\bbought a gun\b|\bbetter if i (?:was|were)n't here\b|\btrapped with no way out\b",
        r"\b(?:go to sleep|sleep) (?:forever|and never wake)\b|\b(?:hoping|hope|wish) (?:i|he|she) (?:won't|don't|wouldn't|doesn't|never) wake\b|\bdisappointed (?:that )?i woke up\b",
        r"\bwish (?:the cancer|it) would (?:hurry|just|take me)\b|\bwaiting to die\b|\bsp(?:eed|ed|eeding) (?:it|things|this) up\b|\bwant (?:it|this|everything) (?:all )?to (?:stop|end|be over)\b|\bi want out\b|\bmake it stop\b",
        r"\b(?:wants?|want|asked|begging|begs|help) (?:god )?(?:to take (?:her|him|me)|(?:me |us )?(?:to )?help (?:her|him|me) die|(?:me |us )?(?:to )?find a way out)\b|\bwant to be with (?:her|him)\b|\b(?:go|going to|want to|wanna) join (?:her|him|them)\b",
        r"\b(?:took|swallowed|taken|downed)\b[^.?!]{0,50}\b(?:on purpose|deliberately|intentionally|so (?:i|he|she) (?:wouldn't|won't|don't|would not) wake)\b|\b(?:on purpose|deliberately|intentionally)\b[^.?!]{0,20}\b(?:took|swallowed)\b",
        r"\b(?:run out of|no more|don't see (?:a|any)) reasons? (?:to live|to be here|to keep going|to do anything)\b|\bdon't see (?:a|any|the) (?:future|point|way forward)\b(?! (?:of|in) (?:the|this|that|these|those|a|an|getting|doing|having|asking|seeing|taking|paying|going (?:to|back|for)) )|\bdon't see why (?:i'd|i would|i should) (?:keep going|go on|bother)\b",
        r"\b(?:nobody|no one|anyone) (?:would|will|even) (?:care|notice|miss me)\b|\bif i (?:was|were|disappeared|just disappeared) gone\b|\bwon't be (?:around|here) (?:much longer|for|to)\b|\bdon't plan on (?:being here|sticking around|being around)\b",
        r"\bdon't want (?:a life|to be alive|to be here|to exist|to live like this)\b|\bcan't face (?:living|another|life)\b|\bwhat's (?:even )?the point of me\b|\bnot (?:going to|gonna) (?:be here|live like this)\b",
        r"\ba waste of (?:everyone's \w+|space)\b(?! asking| with (?:my|all|these|so many) (?:questions|messages))|\b(?:i'm|i am|i feel|feeling|being|become|i've become) (?:like )?(?:such |just |nothing but )?(?:a )?(?:drain|dead weight|waste of money)\b|\ba drain (?:on|to|for) (?:everyone|everybody|my family|the family|them|my kids|my wife|my husband)\b|\bsave everyone the trouble\b|\b(?:be )?better off (?:with|if|once)\b[^.?!]{0,30}\b(?:me|i'm|i was|i wasn't|i were)\b",
        r"\b(?:gun|pistol|rifle|revolver|firearm|shotgun)\b[^.?!]{0,60}\b(?:holding|taking it out|by the bed|keeps|bought|loaded|cleaning|talking about)\b|\b(?:talking|talks) about (?:his|her|my) (?:old )?(?:\w+ )?(?:gun|pistol|rifle)\b",
        r"\b(?:saving|saved|stash\w*|hoard\w*|hiding|counting) (?:up )?(?:my|his|her|all (?:my|his|her)|enough|some)? ?(?:\w+ )?(?:pills|meds|tablets|morphine|oxy\w*|lorazepam|ativan|pain pills|sleeping pills)\b|\benough (?:pills|meds|morphine) (?:saved|put away|to)\b|\bwhether it's enough\b",
        r"\b(?:lethal|fatal|deadly) (?:amount|dose|doses) of (?!chemo|radiation)\w+|\bwhat doses? (?:of \w+ )?would (?:be fatal|kill)\b|\bhow (?:many|much)\b[^.?!]{0,40}\b(?:would it take|it would take) to\b|\bmost painless way\b|\bpainless death\b|(?<!men )(?<!them )(?<!people )(?<!soldiers )(?<!others )(?<!friends )\bbleed out\b|\bexit (?:bag|plan)\b",
        # "get it over with" is about a treatment when one is named before it in the sentence
        r"\bget it (?:all )?over with\b",  # not after a named treatment: situation.py
        r"\bthink(?:ing)? about not being (?:here|around|alive)\b|\beasier for (?:them|everyone|my (?:kids|family|children|wife|husband)) (?:to grieve|if i (?:was|were)n't|without me)\b",
        r"\b(?:engine|car|motor) (?:running|on|idling)\b[^.?!]{0,60}\b(?:garage|door shut|doors? closed)\b|\b(?:garage|shut(?:ting)? the (?:garage )?door)\b[^.?!]{0,60}\b(?:engine|car|motor) (?:running|on|idling)\b",
        r"\bso (?:we|i|he|she|they) (?:both |all )?(?:just )?(?:go to sleep|fall asleep|drift off)\b|\bwe (?:both|could both|can both) (?:just )?(?:go|die|end it)\b",
        r"\b(?:hang|hanging|hanged) (?:my|him|her)self\b|\btried to (?:kill|hang|hurt|overdose|end|take all)\b|\b(?:swerv\w+|driv\w+|drove|steer\w*|veer\w*|crash\w*) into (?:the|a|an) (?:overpass|wall|tree|truck|oncoming|bridge|lorry|central reservation|median|crash barrier|barrier|river|lamppost|pole)\b|\b(?:jump|jumping) (?:off|from)\b|\bthe top of the (?:parking|garage|building)\b",
        r"\bi have (?:a|the) plan\b|\bpicked (?:the|a) day\b|\bdecided how (?:it|this) ends\b|\b(?:made|make) my decision\b[^.?!]{0,40}\b(?:peace|won't need)\b|\b(?:go|going|leave|leaving|die|dying|out|it|things)\b(?: \w+){0,3} on (?:my|his|her|one's) own terms\b|\bby (?:my|his|her) own hand\b|\b(?:take|taking) matters into (?:my|his|her) own hands\b",
        r"\b(?:finish|end) (?:it|things|this) (?:myself|himself|herself)\b|(?<!can i )(?<!could i )(?<!how do i )(?<!how can i )(?<!learn to )\bdo (?:it|this) (?:myself|himself|herself)\b(?! without| with| at home| instead| or\b| and save| to save)|\b(?:i'll|he'll|she'll) do it (?:myself|himself|herself)\b|\bend things\b|\b(?:a|the) (?:door|way) out\b|\bwhen she goes,? i go\b",
        r"\b(?:i'll|i will|i could|i might|i want to|i'm going to|i am going to|gonna|i'd) (?:just )?take (?:all|the lot|every (?:one|last one)|everything)\b[^.?!]{0,25}\b(?:pills|tablets|meds|medication|medicine|at once|in one go)\b|"
r"\b(?:take|taking|took) (?:everything|all) in (?:my|his|her) pill\b|\bmake it look like\b[^.?!]{0,30}\b(?:cancer|accident)\b|\bthe only thing stopping me\b",
        r"\b(?:said|saying|told \w+) goodbye\b[^.?!]{0,40}\blast time\b|\blike it was the last time\b|\bwr(?:ote|iting) (?:letters to|my obituary)\b",
        r"\b(?:gave|giving) (?:away )?(?:my|his|her) (?:stuff|things|belongings|books|jewelry|wedding ring|\w+ kit|xbox|tools|clothes)\b(?! to charity because)|\bput (?:my|his|her) affairs in order\b|\bputting things in order\b|\bmade arrangements\b",
        r"\bwon't need (?:this|anything|it) (?:anymore|much longer)\b|\bthanks for everything\b|\bremember i love you\b|\bjust in case\b[^.?!]{0,40}\b(?:password|will|envelope|bank)\b|\b(?:password|will|envelope|bank)\w*\b[^.?!]{0,60}\bjust in case\b",
        r"\b(?:been |started )?cutting (?:my|his|her) (?:arms?|legs?|wrists?|skin)\b|\bbeen cutting\b|\b(?:i|he|she) (?:cut|burned|burnt) again\b|\b(?:started|start|am|i'm) (?:cutting|burning) (?:myself )?again\b|\bcutting where\b|\bscratching (?:my|his|her) \w+ (?:til|till|until) (?:they|it) bleed\b|\bburned (?:my|his|her) (?:arm|leg|hand|skin)\b[^.?!]{0,30}\b(?:lighter|on purpose|cigarette)\b",
        r"\bhid(?:e|ing) (?:the |my |these |those |his |her |all the )?(?:scratches|cuts|burns)\b|\bhid(?:e|ing) (?:the |my )?(?:scars|marks) on (?:my|his|her) (?:arms?|wrists?|legs?|thighs?)\b"
        r"|\b(?:want|wanting|wish|ready|need) to be gone\b(?! (?:by|for|from|on|at|until|in)\b)|\bhow long (?:does it|it) takes? (?:\w+ ){0,2}to die if (?:you|i|someone|a person) (?:just )?stops? (?:eating|drinking)\b",
        r"\b(?:on purpose|deliberately)\b[^.?!]{0,30}\b(?:hoping|to hurt|burn\w*|cut\w*|messed)\b|\bi want to hurt (?:it|my body|me)\b|\bdon't care what happens to me\b|\bdon't feel safe with myself\b",
        r"\b(?:window )?ledge\b|\bedge of the (?:roof|bridge|building)\b|\bkeep looking at the window\b|\b(?:imagining|picturing) (?:my|his|her) own funeral\b",
        r"\b(?:easier|better) (?:for everyone )?to (?:just )?(?:die|be dead|not be here|not wake up)\b|\bone way or another\b|\b(?:took|swallowed) a handful of\b|\blining up (?:my|his|her|the) (?:\w+ )?(?:pills|meds)\b",
        r"\bhow (?:to|do (?:i|you|people)) say goodbye without\b|\bwhat happens (?:to your body )?if you take all (?:your|my|of)\b|\bwhat doses would do what\b|\bwould it be fast\b",
        r"\bwhat(?:'s| is) (?:even )?the point (?:of |in )?(?:going on|living|carrying on|being here)\b|\b(?:think|thinking|thought) (?:about|of) (?:just )?(?:not|never) waking up\b",
        r"\b(?:standing|stood|been standing|stand) (?:at|on|near) the edge\b(?! of (?:the|my|his|her) (?:bed|bath|bathtub|chair|couch|sofa|seat|table|pool))|\bedge (?:at|of) the (?:lookout|cliff|quarry|platform|gorge)\b",
        r"\bwhat(?:'s| is) (?:even )?the point (?:of|in) (?:anything|any of (?:this|it)|it all|more \w+|carrying on|fighting)\b|\bmake (?:it|this|everything) (?:all )?stop (?:for good|forever|permanently)\b|\bhow to make (?:it|this|everything) (?:all )?stop\b",
        r"\b(?:i've|i have|i|he's|she's|he has|she has) (?:already )?(?:written|wrote) (?:goodbye )?(?:letters|notes|cards) (?:to|for) (?:my|his|her|the) (?:kids|children|family|wife|husband|daughter|son|grandkids)\b",
        r"\b(?:written|wrote) (?:\w+ )?(?:letters|notes|cards) (?:to|for) (?:each of (?:them|you|my \w+)|all of them|everyone|every one of them)\b[^.?!]{0,80}\b(?:will|drawer|envelope|left|leave|find)\b",
        r"\bfound (?:new )?homes? for (?:her|his|my|their) (?:cats?|dogs?|pets?|birds?)\b|\bthanked (?:me|us|everyone|everybody) for everything\b|\b(?:weirdly|strangely|suddenly|unusually|eerily) (?:calm|peaceful|at peace)\b",
        r"\b(?:won't|will not|do not|don't) (?:expect to )?need (?:them|it|anything|this|any of it) (?:after (?:that|this|friday|the weekend)|anymore)\b|\baffairs (?:are |fully |all |completely )*in order by\b",
        r"\bone last time\b[^.?!]{0,20}$|\b(?:tallest|highest) (?:building|bridge|roof|place)\b|\b(?:insurance|policy)\b[^.?!]{0,60}\b(?:take|takes|took|taking) (?:my|their|his|her) own life\b|\bhow to do it (?:painlessly|quickly|without pain)\b|\bpainless(?:ly)?\b[^.?!]{0,30}\b(?:die|do it|go|end it)\b|\b(?:already )?worked out how\b",
        r"\bwhen (?:she|he|they|my \w+) (?:goes|go|dies|die|is gone|passes),? (?:i(?:'ll| will)?|i'm) (?:go|going|be going|follow)\b|\b(?:know|picked|chosen|decided) (?:which|what|how many) (?:pills|meds|tablets|method|way)\b[^.?!]{0,30}\b(?:i'd|i would|i'll|to) use\b",
        r"\b(?:use|using|turn|turning|point|pointing|put|putting)\b[^.?!]{0,30}\b(?:gun|rifle|pistol|shotgun|revolver|knife|blade|razor)\b[^.?!]{0,20}\b(?:on|against|to) (?:myself|himself|herself|my head|my wrists?)\b",
        r"\b(?:standing|sitting|been|waiting) (?:on|at|by) (?:the|a) (?:edge of the |top of the )?(?:overpass|bridge|roof|rooftop|ledge|railing|cliff|top floor|tracks|train tracks)\b",
        r"\basking for (?:me|myself)\b[^.]{0,10}$|\b(?:for|about) me,? not (?:for )?(?:a|someone|a friend|research)\b",
        r"\b(?:car|engine) running\b[^.?!]{0,40}\b(?:garage|door (?:shut|closed))\b|\b(?:garage|door (?:shut|closed))\b[^.?!]{0,40}\b(?:car|engine) running\b|\b(?:would|it'd|it would) be easier for everyone\b(?! to (?:understand|know|plan|read|follow))",
        r"\b(?:to not|not to|rather not|could just not) exist\b|\bstop(?:ped)? existing\b|\bwish (?:i|he|she) didn't exist\b|\btonight(?:'s| is) the night\b|\bin case (?:i|he|she) decide",
        r"\b(?:think|thinks|thinking|thought) (?:about|of) (?:jumping\b(?! (?:in|into|on|onto|rope|jacks|back|up|at|over|around|through))|hanging (?:my|him|her)self\b|driving off|stepping in front\b)|\b(?:rope|noose)\b[^.?!]{0,60}\b(?:knows? what to do with|for (?:my|him|her)self)\b",
        r"\b(?:give|giving) (?:her|him|them) (?:all|the whole)\b[^.?!]{0,20}\b(?:morphine|pills|meds|tablets|oxy\w*|bottle)\b[^.?!]{0,60}\b(?:myself|we can both|us both)\b|\b(?:take|taking) the rest (?:of (?:it|them) )?myself\b",
        r"\b(?:printouts?|print-outs?|searching|searched|looked up|looking up|researching|reading up|googl\w+|browser history)\b[^.?!]{0,40}\b(?:carbon monoxide|exhaust fumes|hosepipe|noose|lethal (?:dose|amount)|how to hang)\b",
        r"\b(?:weeks?|months?)'? (?:worth|supply)\b[^.?!]{0,20}\b(?:saved|stashed|hidden|put (?:away|aside)|hoarded)\b|\b(?:saved|stashed|stockpiled|hidden|hid|hiding|hoarded|put (?:away|aside))\b[^.?!]{0,20}\b(?:weeks?|months?)'? (?:worth|supply)\b",
        r"\b(?:saved|saving|stashed|stockpiled|hidden|hid|hiding|hoarded|put (?:away|aside))\b[^.?!]{0,80}\bfor when (?:things|it|life|everything) (?:gets?|become|becomes) (?:bad|too|unbearable)",
        r"\b(?:pretend\w*|told|telling|tell|said|saying) (?:\w+ ){0,3}(?:i|i've|that i) (?:lost|dropped|spilled) (?:my |the )?(?:\w+ )?(?:pills|meds|tablets|prescription|script|lorazepam|morphine|oxy\w*|\w+pam|\w+done)\b[^.?!]{0,30}\bso (?:they|he|she|i)\b",
        r"\b(?:sent|texted|left|posted|wrote|messaged|rang)\b[^.?!]{0,60}\b(?:sorry for everything|goodbye to (?:us|me|everyone)|love you forever)\b"
        r"|\bso (?:nobody|no one|none of (?:us|you|them)) (?:has|have|will have|would have) to (?:watch|see) (?:him|her|me|them) (?:go|die|suffer|waste)\b",
        r"\b(?:i've|i have) (?:got )?(?:it|everything|it all) (?:all )?(?:planned|worked out)\b[^.?!]{0,40}\b(?:won't|will not|not going to|don't want to) (?:put|make) (?:them|him|her|my \w+|everyone|anyone)\b"
        r"|\b(?:stopped|stopping|quit|refus\w+)\b[^.?!]{0,40}\bon purpose so (?:that )?(?:she|he|i|they) (?:can|could|will|would|may) ['\"]?(?:die|go to|be with|join)\b",
        r"\b(?:thinking|thought|think|thoughts) (?:about|of) (?:overdosing|taking an overdose|taking (?:all|every one) of (?:my|the|his|her) (?:pills|tablets|meds))\b",
        r"\bgoing to be with (?:him|her|them|grandpa|grandma|mom|dad)\b(?! (?:for|at|during|when|while|after|before|through|on|in|every|all|the whole|throughout)\b)|\b(?:sock|drawer|box|shoebox|bag|jar|envelope|tin)\b[^.?!]{0,30}\b(?:full of|stuffed with|crammed with|packed with) (?:\w+ )?(?:pills|tablets|meds|capsules)\b|\b(?:sock|jar|envelope|tin|plastic bag|baggie|carrier bag) (?:of|with) (?:a lot of |lots of |loads of |all (?:his|her|my) )?(?:\w+ )?(?:pills|tablets|meds|capsules)\b",
        # pills set out for a plan; the whole supply at once "to do it"; a way over a height
        r"\b(?:pills|tablets|meds|capsules|them)\b[^.?!]{0,25}\b(?:lined|laid|counted) (?:up|out)\b[^.?!]{0,60}\b(?:tonight|done properly|do it|end it|get it done|it done)\b"
        r"|\b(?:lined|laid|counted) (?:up|out) (?:all )?(?:my|his|her|the|\d+|fifty|a hundred)? ?(?:\w+ )?(?:pills|tablets|meds|capsules)\b[^.?!]{0,60}\b(?:tonight|done properly|do it|end it|get it done|it done)\b",
        r"\b(?:take|taking|took|swallow\w*|have) (?:the|a|my|his|her|all (?:my|his|her|the)) (?:whole|entire|full) (?:month|week|bottle|box|pack|packet|supply|lot|strip|prescription)\b[^.?!]{0,40}\b(?:would (?:that|it|this) (?:do it|be enough|kill|work)|enough to)\b",
        # a plan told for later ("tonight I'm going to take the whole bottle"); burning or cutting oneself again
        r"\b(?:going to|gonna|i'll|i will|planning to|plan to|about to)\s+(?:just\s+)?(?:take|swallow|down)\s+(?:the|my|a|his|her)\s+(?:whole|entire)\s+(?:bottle|box|pack|packet|supply|strip|prescription)\b"
        r"|\b(?:burned|burnt|cut|scratched) (?:myself|my (?:arm|arms|leg|legs|hand|skin|wrist|wrists))\b[^.?!]{0,30}\b(?:again|on purpose|lighter|cigarette|razor|blade)\b",
        r"\b(?:think\w*|thought)\b[^.?!]{0,20}\b(?:climbing|stepping|going|getting|jumping) over (?:the )?(?:railings?|barriers?|edge|side|parapet|balcony|wall|fence)?\b(?! (?:to|into|and)\b)|\b(?:stopping|stopped|stop|lingering|linger) on the (?:bridge|overpass|platform edge|cliff)\b",
    )),
    Concept("feeling_a_burden", CRISIS, "NIMH warning signs: feeling a burden to others", (
        r"\b(?:(?:just |such )?a burden)\b(?! (?:asking|with (?:my|all|these|so many) (?:questions|messages)|for asking))|\bburden (?:on|to) (?:everyone|my family|them|my kids)\b",
    ), unless=(
        # a burden of practical help, asked about as services ("rides, meals, home care")
        r"\b(?:rides?|driving|drivers?|volunteers?|services|home care|home help|meals? (?:delivery|on wheels|services?|programs?)|meal delivery|laundry|respite|carers?|aides?|help at home|paying someone|pay someone|hire someone)\b"
    )),
    Concept("farewell_letters", CRISIS, "NIMH warning signs: saying goodbye, putting affairs in order", (
        r"\bgoodbye (?:videos?|letters?|notes?|posts?|texts?|messages?)\b",
    ), unless=(
        # legacy letters for a dying person's family's future days: end-of-life care, not a plan
        r"\blegacy\b|\bmemory (?:box|book)\b|\bfuture (?:birthdays|graduations?|weddings?|milestones)\b|\bfor (?:their|his|her|the \w+'s?) (?:future )?(?:graduations?|weddings?|milestones)\b"
    )),
    Concept("harm_from_others", CRISIS, "National Domestic Violence Hotline; Adult Protective Services (elder abuse)", (
        r"\b(?:he|she|my (?:husband|wife|partner|boyfriend|girlfriend|ex|son|daughter|dad|father|mom|mum|mother|brother|sister|carer|caregiver|stepdad|stepfather|stepmom)|(?:her|his) (?:son|daughter|husband|wife|partner))\b"
        r"(?: \w+){0,2} (?:hit|hits|slapped|slaps|punched|punches|kicked|kicks|choked|chokes|strangled|beat|beats|shoved|pushed|threw (?:a |the )?\w+ at) "
        r"(?:me|us|her|him|my (?:mom|mum|mother|dad|sister|brother|kids?|children|wife|husband|son|daughter|face))\b"
        r"(?! (?:to (?!the (?:floor|ground|wall|door)\b)|into \w+ing\b|for|through|along|in a wheelchair|with (?:the )?(?:news|question|bill)|up|out of the way|head|chest|arm|leg|back|hip|knee|side|shoulder|neck|belly|stomach|hand|foot|elbow|toe)\b)",
        r"\bhands? (?:a?round|on) (?:my|her|his) (?:throat|neck)\b|\b(?:chased|came at|went for|threatened|threatening) (?:me|us|her|him)\b[^.?!]{0,30}\bwith (?:a|the|his|her) (?:knife|gun|bat|hammer|belt)\b",
        r"\bthreat\w* to (?:kill|hurt|harm|shoot|stab|beat) (?:me|us|her|him|the kids|the children|my \w+)\b|\bnext time (?:he|she|he'll|she'll|hell|shell|he will|she will)\b[^.?!]{0,20}\b(?:hurt|kill)\b",
        r"\b(?:grip|finger) ?marks\b|\bdon't let (?:her|him|them) hurt me\b|\bslap(?:s|ped)? (?:her|his|my) face\b|\b(?:takes?|took|taking|steals?|stole|stealing) (?:her|his) (?:pension|money|benefits|savings|bank card)\b[^.?!]{0,40}\b(?:shout|hit|slap|afraid|scared|threat)",
        r"\b(?:he|she|my \w+) (?:hits?|hit|beats?|slaps?) me\b|\b(?:afraid|scared|frightened|terrified) (?:to go home|of (?:my husband|my wife|my partner|my son|my dad))\b",
    )),
    Concept("overdose_meant", CRISIS, "988 Lifeline: an overdose taken in despair is a suicide attempt", (
        r"\b(?:took|taken|swallowed|downed)\b[^.?!]{0,30}\b(?:all|half|most|the rest|a (?:whole|full) (?:bottle|pack|box|strip)|a handful|a bunch|loads)\b[^.?!]{0,30}\b(?:pills|tablets|meds|medicine|morphine|oxy\w*|sleeping|pain ?killers|capsules|bottle)\b",
    ), context=(
        r"\btired of (?:it all|everything|fighting|living|this|being)\b|\bjust (?:wanted|want) (?:someone|somebody|you) to know\b|\b(?:don't|do not|won't) (?:want to )?(?:go to (?:the )?hospital|call anyone|tell anyone)\b"
        r"|\bcan't do (?:this|it) any ?more\b|\bsorry (?:for everything|to everyone)\b|\bgoodbye\b|\bon purpose\b|\bno point\b|\bdone with (?:it all|all of (?:it|this)|everything|life|living)\b"
    )),
    Concept("hopeless_worn_out", CRISIS, "NIMH warning signs: feeling hopeless, no reason to live", (
        r"\bhopeless\b",
    ), context=(
        r"\bnothing (?:left|more)\b(?! to (?:try|do|offer|treat))|\btired of (?:it all|all of (?:it|this)|everything|living|"
        r"fighting|being alive|being here)\b|\bdone (?:with (?:it all|everything|life|living)|fighting)\b"
    )),
    # --- call the care team now ----------------------------------------------------------------
    Concept("fever_on_treatment", URGENT, "NCI Chemotherapy and You: fever of 100.4 F (38 C) or higher", (
        rf"\b(?:fever|temp\w*|temperature|thermometer|reading|running)\b[^.?!]{{0,25}}\b{_HOT}\b",
        rf"\b{_HOT} ?(?:f|c|degrees|°)\b|\b{_HOT} (?:fever|temp|temperature)\b",
        r"\b(?:i|he|she|i've|he's|she's|i'm|we|they)\b[^.?!]{0,30}\b(?:have|has|got|running|spiked|developed|getting) (?:a |another )?(?:high |low grade |bad |slight )?(?:fever|temperature|temp)\b",
        r"\b(?:shaking|uncontrollable) chills\b|\bchills and (?:shaking|sweats)\b|\bburning up\b",
        rf"(?<![\d/.-])\b{_HOT_READING}\b(?![\d/.-])",
        r"\b(?:got the shakes|teeth (?:are )?chattering|shivery|shivering|having (?:shaking |bad )?chills|hot and cold|feverish|(?:got|have|having|with) chills)\b",
        r"(?<!no )\bchills\b",
    ), context=_TREATMENT),
    Concept("infection_site", URGENT, "NCI Chemotherapy and You: pain or redness at the catheter site", (
        r"\b(?:port|picc|line|catheter|incision|wound|stitches|drain|scar|needle site|injection site)\b[^.?!]{0,50}\b(?:red|hot|swollen|pus|oozing|leaking|draining|streak\w*|infected|smells)\b",
        r"\b(?:red|hot|swollen|pus|oozing)\b[^.?!]{0,40}\b(?:around|at|near) (?:my|his|her|the) (?:port|picc|line|catheter|incision|wound)\b",
        r"\b(?:exit site|hickman|port site|line site)\b[^.?!]{0,40}\b(?:oozing|red|tender|gunk|pus|swollen|hot)\b",
        r"\b(?:pus|crusts?|yellow\w* (?:stuff|gunk|fluid))\b[^.?!]{0,30}\b(?:coming out|bumps|oozing|draining)\b",
    )),
    Concept("line_arm_swelling", URGENT, "oncologic emergencies: a clot around a central line (arm, neck or shoulder swelling)", (
        r"\b(?:arm|hand|shoulder|neck)\b[^.?!]{0,20}\b(?:is |are |has |have |got |gone )?(?:swelling|swollen|puffy|bigger|fatter)\b|\bveins? (?:in|on|at|around) (?:the|his|her|my) (?:shoulder|chest|neck|arm)\b[^.?!]{0,20}\b(?:big|bulging|swollen|blue|stand(?:ing)? out)\b",
    ), context=r"\b(?:picc|port|central line|hickman|broviac|portacath|port-a-cath)\b"),
    Concept("line_out", URGENT, "NCI Chemotherapy and You: a catheter or tube that comes out, breaks or leaks", (
        r"\b(?:tube|line|catheter|picc|nephrostomy|stent|feeding tube|g-tube|peg|broviac|hickman)\b[^.?!]{0,30}\b(?:fell out|(?:got |was |been )?pulled out|slipped out|slid (?:\w+ )?out|came loose|cracked|broke|split|(?:came|has come) out (?:\w+ ){0,5}(?:when|while|by accident|accidentally|on its own))\b"
        r"|\b(?:cap|clamp|dressing) (?:came|fell) off\b[^.?!]{0,60}\b(?:line|picc|broviac|hickman|catheter|blood)\b",
    ), unless=r"\b(?:trach\w*|breathing tube|airway)\b"),
    Concept("vomiting_dehydration", URGENT, "NCI Chemotherapy and You: vomiting, not keeping fluids down", (
        r"\b(?:can't|cannot|unable to|won't|not able to|couldn't) (?:keep|hold) (?:anything|any fluids|fluids|liquids|water|food|down)\b|\b(?:can't|won't|not) (?:keep|keeping) (?:\w+ )?down\b",
        r"\b(?:throwing up|vomiting|puking|been sick)\b[^.?!]{0,40}\b(?:all (?:day|night)|every (?:hour|time)|since (?:yesterday|last night|this morning)|for (?:hours|a day|(?:\d+|two|three) ?(?:hours|days))|nonstop|non-stop|won't stop)\b",
        r"\b(?:hasn't|haven't|not) (?:peed|urinated|passed urine)\b|\b(?:barely|hardly) (?:peeing|any pee)\b|\bpee is (?:dark|brown)\b",
        r"\b(?:hasn't|haven't|can't|won't) (?:been able to )?(?:eat|drink) (?:anything|for)\b",
        r"\b(?:puking|vomiting|throwing up|been sick)\b[^.?!]{0,10}\bsince\b|\b(?:comes?|came|coming) (?:right )?back up\b(?! within| to\b| again within| after (?:a|an|the|about) | in (?:a|an|the|about) )|\bnothing (?:has )?(?:stayed|stays|staying) down\b",
        r"\b(?:haven't|hasn't|can't|couldn't) (?:kept|keep) (?:much|anything|it|them|my \w+(?: \w+)?) down\b|\bvomited (?:\d+|six|seven|eight|many) times\b|\bcan't stop (?:throwing up|vomiting|puking)\b",
        r"\b(?:haven't|hasn't) (?:peed|urinated)\b|\bbarely peeing\b|\burine (?:is |looks )?(?:very |really )?dark\b|\bmouth (?:is |feels )?like sandpaper\b|\b(?:so|very|really|i'm|i think i'm) dehydrated\b",
        r"\b(?:haven't|hasn't) (?:eaten|drunk|had anything)\b[^.?!]{0,20}\b(?:\d+|two|three) days\b",
        # "not been able to keep his tablets or even water down"
        r"\b(?:not|n't|never) (?:been )?able to (?:keep|hold)\b[^.?!]{0,30}\b(?:water|fluids?|liquids?|drinks?|food|anything|tablets|pills|meds|medicines?)\b[^.?!]{0,10}\bdown\b",
    )),
    Concept("diarrhea", URGENT, "NCI Chemotherapy and You: diarrhea", (
        r"\b(?:diarr?h?e?a|runs|loose stools?|watery (?:poop|stools?))\b[^.?!]{0,50}\b(?:\d+|five|six|seven|eight|nine|ten|dozen|many|several) (?:times|bouts|episodes)\b",
        r"\b(?:\d+|five|six|seven|eight|nine|ten|a dozen) (?:times|bouts|episodes)\b[^.?!]{0,40}\b(?:diarr?h?e?a|bathroom|toilet|loose|watery)\b",
        r"\b(?:diarr?h?e?a|runs)\b[^.?!]{0,30}\b(?:all (?:day|night)|won't stop|for (?:two|three|\d) days|nonstop|with blood|and cramps)\b",
        r"\b(?:\d+\+?|ten|eleven|twelve) (?:watery |loose )?(?:stools|trips|bowel movements|bms|poops)\b|\bdiarr?h?e?a every (?:hour|half hour)\b|\b(?:\d+|seven|eight|nine|ten) times a day\b[^.?!]{0,30}\b(?:diarr?h?e?a|stools?|loose|watery|mucus)\b",
    )),
    Concept("new_severe_pain", URGENT, "NCI Chemotherapy and You: new or severe pain", (
        r"\b(?:new|sudden|severe|terrible|unbearable|excruciating|horrible|worst|really bad|awful|intense|crazy)\b[^.?!]{0,20}\b(?:pain|headache|ache|aching|cramps?|cramping)\b",
        r"\b(?:pain|headache)\b[^.?!]{0,30}\b(?:unbearable|excruciating|out of control|not controlled|10 out of 10|10/10|9/10|won't go away|not helping|isn't helping|doesn't help)\b",
        r"\bpain (?:meds|medicine|pills) (?:aren't|isn't|are not|not) (?:working|helping|touching)\b",
        r"\b(?:pain|headache|ache)\b[^.?!]{0,40}\b(?:\d+ ?out of 10|[7-9]/10|10/10|isn't touching|not touching|nothing (?:helps|is helping)|new and severe|suddenly (?:so much )?worse|unreal)\b",
        r"\b(?:pain|headache)\b[^.?!]{0,10}\b(?:is )?(?:suddenly )?(?:so much|way|much) worse\b",
    )),
    Concept("mouth_sores", URGENT, "NCI Chemotherapy and You: mouth and throat sores", (
        r"\b(?:mouth|throat|tongue|gums)\b[^.?!]{0,40}\b(?:so (?:sore|raw|painful)|sores?|ulcers?|blisters?)\b[^.?!]{0,40}\b(?:can't|cannot|won't|unable|not able|hard)\b[^.?!]{0,10}\b(?:eat|drink|swallow)\b",
        r"\b(?:can't|cannot|hurts to|too painful to) (?:swallow|eat or drink)\b",
        r"\bmouth (?:is )?(?:full of|all|covered in) (?:ulcers|sores|blisters)\b|\bmouth sores\b[^.?!]{0,20}\bcan't (?:drink|eat)\b|\b(?:water|drinking|swallowing) hurts\b|\bhurts (?:so much )?to (?:drink|swallow)\b",
    )),
    Concept("minor_bleeding", URGENT, "NCI Chemotherapy and You: bleeding and bruising", (
        r"\b(?:nose ?bleed|nose is bleeding|bleeding gums|gums (?:are |keep )?bleed\w*|blood in (?:my|his|her|the) (?:pee|urine|stool|poop)|bloody (?:pee|urine|stool|poop|nose)|pink pee|pee is (?:red|pink))\b",
        r"\b(?:tiny|little|small) (?:red|purple) (?:dots|spots)\b|\bpetechiae\b|\bbruis(?:es|ing)\b[^.?!]{0,30}\b(?:all over|everywhere|for no reason|out of nowhere|easily)\b",
        r"\b(?:pee|urine) (?:looks |is |has been )?(?:pinkish|pink|red|reddish|cola[- ]colou?red|brown|bloody)\b|\bpink in the toilet\b|\bblood (?:on the toilet paper|when i wipe|in the (?:bowl|toilet))\b",
        r"\b(?:red|bright red) (?:streaks|blood) in (?:my|his|her|the) (?:stool|poop)\b|\b(?:poop|stool) has (?:a little |some )?(?:red )?blood\b|\bblood blisters\b|\bgums (?:ooze|are oozing)\b",
        r"\bbruis(?:es|ing)\b[^.?!]{0,40}\b(?:out of nowhere|for no reason|showed up)\b|\b(?:pinpoint|tiny) red dots\b",
        r"\b(?:little|streaks?|tinged?|specks?|spots?|bit of|small amount of|trace of|flecks? of) (?:of )?(?:red )?blood (?:in|on) (?:my|his|her|the) (?:phlegm|sputum|spit|mucus|pee|urine|stool|poop|toilet|tissue)\b|\bcough\w* up (?:a little|some|a bit of|a streak of|streaks of) (?:\w+ )?blood\b|\bblood[- ](?:tinged|streaked) (?:phlegm|sputum|spit|mucus)\b|\bnose ?bleed\b[^.?!]{0,30}\b(?:took|for|lasted|went on for) (?:almost |nearly |about |over )?(?:\d+|twenty|thirty|forty) (?:min|mins|minutes)\b",
    ), context=r"\b(?:my|his|her|i|i'm|he|she|he's|she's|i've)\b", unless=(
        # the sign that started a diagnostic work-up now booked ("had blood in his urine and the
        # urologist has booked a ureteroscopy"): a question about the tests, not a bleed to report
        r"\b(?:urologist|gastroenterologist|specialist|consultant|gp|doctor|surgeon|hospital)\b[^.?!]{0,40}\b(?:has |have |had )?(?:booked|scheduled|ordered|arranged|referred)\b"
        r"[^.?!]{0,40}\b(?:ureteroscopy|cystoscopy|colonoscopy|endoscopy|sigmoidoscopy|scope|biopsy|ct|scan|mri|cytology|tests?)\b"
    )),
    Concept("clot_leg", URGENT, "oncologic emergencies: deep vein thrombosis", (
        r"\b(?:calf|leg|arm|ankle)\b[^.?!]{0,40}\b(?:swollen|swelling|puffy|hot|red|tender|hard)\b[^.?!]{0,40}\b(?:pain|hurts|sore|warm|red|tender|bigger|only one|one side)\b",
        r"\bone (?:leg|arm|calf) (?:is )?(?:bigger|swollen|fatter|puffier)\b|\bcalf (?:is )?(?:much |way |a lot )?(?:bigger|fatter) than the other\b",
        r"\b(?:right|left|one) (?:leg|arm|calf) is (?:way |much )?(?:bigger|fatter|more swollen)\b|\bache\w* behind (?:my|his|her|the) knee\b",
        r"\b(?:calf|leg|arm)\b[^.?!]{0,30}\b(?:swelled up|tight and painful|pain and swelling|swelling and pain)\b|\b(?:calf|leg) pain and swelling\b",
    )),
    Concept("clot_leg_told", URGENT, "oncologic emergencies: deep vein thrombosis (one swollen leg, told over sentences)", (
        r"\b(?:leg|calf)\b (?:is |has |has gotten |has got |has become |has grown |got |went |gone )?(?:very |really |quite |noticeably )?(?:swollen|bigger|larger|puffy|fatter)\b",
        r"\b(?:leg|calf)\b[^.?!]{0,60}\b(?:bigger|larger|fatter|twice the size|double the size) (?:than|of) (?:the|my|his|her) (?:other|right|left)\b",
    ), context=r"\b(?:warm|red|tender|sore|achy|aching|hot|hurts|painful)\b"),
    Concept("clot_breathless", EMERGENCY, "oncologic emergencies: pulmonary embolism (a leg clot, then breathlessness)", (
        r"\b(?:breathless|short of breath|out of breath|winded|puffed out|can't catch (?:my|his|her) breath)\b|\b(?:sharp|stabbing) pain\b[^.?!]{0,30}\bwhen (?:i|he|she) breathe",
    ), context=(
        r"\b(?:calf|leg|ankle)\b[^.?!]{0,40}\b(?:swollen|swelling|puffy|hot|red|tender|hard)\b[^.?!]{0,40}\b(?:pain|hurts|sore|warm|red|tender|bigger|only one|one side)\b"
        r"|\bone (?:leg|calf) (?:is )?(?:bigger|swollen|fatter|puffier)\b|\b(?:right|left|one) (?:leg|calf) is (?:way |much )?(?:bigger|fatter|more swollen)\b"
        r"|\b(?:calf|leg)\b[^.?!]{0,30}\b(?:swelled up|swollen|tight and painful|pain and swelling|swelling and pain|sore and puffy)\b"
    )),
    Concept("neuropathy_falls", URGENT, "NCI Chemotherapy and You: numbness that makes walking unsafe", (
        r"\b(?:feet|legs|toes|hands|fingers)\b[^.?!]{0,30}\bnumb\w*\b[^.?!]{0,60}\b(?:walk|fall|fell|trip|tripping|stumbl\w*|dropping|button|catching my toes|can't feel)\b",
        r"\bnumb\w*\b[^.?!]{0,30}\b(?:creeping|up to my|from (?:my|the) knees)\b|\b(?:can't|cannot) (?:really )?feel (?:my|the) (?:feet|floor)\b",
    )),
    Concept("bowel_obstruction", URGENT, "NCI Chemotherapy and You: constipation", (
        r"\b(?:haven't|hasn't|not|no) (?:pooped|had a bowel movement|had a bm|gone|passed gas|been able to go)\b[^.?!]{0,40}\b(?:days|since|week)\b",
        r"\b(?:no bm|no bowel movement|haven't gone|hasn't gone|haven't pooped|constipated|constipation)\b[^.?!]{0,40}\b(?:\d+|four|five|six|seven) days\b",
        r"\b(?:belly|stomach|abdomen|tummy) (?:is )?(?:getting )?(?:distended|swollen|bigger|hard)\b",
    )),
    Concept("bowel_blocked", EMERGENCY, "oncologic emergencies: bowel obstruction and perforation", (
        r"\b(?:belly|stomach|abdomen|tummy)\b[^.?!]{0,30}\b(?:swollen|distended|hard as a (?:rock|board|drum)|like a drum|bloated|tight)\b[^.?!]{0,60}\b(?:throwing up|threw up|thrown up|vomit\w*|puk\w*|been sick|being sick|no (?:poop|poo|stool|gas|wind|bm)|(?:hasn't|haven't|hadn't|not) (?:opened (?:her|his|my|their) bowels|pooed|pooped|been able to go))\b",
        r"\b(?:throwing up|threw up|thrown up|vomit\w*|puk\w*)\b[^.?!]{0,60}\b(?:belly|stomach|abdomen|tummy)\b[^.?!]{0,20}\b(?:swollen|distended|hard|like a drum)\b",
        r"\b(?:vomit|throw up|throwing up|threw up|thrown up|puke|sick)\w*\b[^.?!]{0,70}\b(?:smells?|smelled|smelling|looks?|looked) (?:like|of) (?:poop|stool|feces|faeces|poo|sewage)\b|\bf(?:a)?ecal vomit\w*\b",
        r"\b(?:hasn't|haven't|hadn't|not|no)\b[^.?!]{0,10}\b(?:pooped|pooed|had a bowel movement|had a bm)\b (?:or|and|nor) (?:passed |had )?(?:any )?(?:gas|wind|farts?)\b|\bhard (?:like|as) (?:a )?(?:board|rock|wood)\b|\bno (?:poop|poo|stool|bm|bowel movement)s? (?:or|and|nor) (?:gas|wind|farts?)\b|\b(?:can't|haven't|not) (?:pass(?:ed|ing)?|fart\w*) (?:any )?(?:gas|wind)\b[^.?!]{0,40}\b(?:vomit\w*|throw\w* up|days|since)\b",
        r"\bnothing (?:has )?(?:come|came|coming|gone|going|passed|passing|moved|moving) (?:\w+ ){0,3}?(?:through|out)\b[^.?!]{0,40}\bnot even (?:any )?(?:wind|gas|a fart)\b|\bnot even (?:any )?(?:wind|gas)\b[^.?!]{0,40}\b(?:cramp\w*|vomit\w*|swollen|bloated|days|since)\b",
        r"\b(?:belly|stomach|abdomen|tummy) (?:is |feels |went )?(?:hard as a board|rigid|board-?like)\b|\b(?:sudden|severe|terrible|excruciating|worst)\b[^.?!]{0,20}\b(?:belly|stomach|abdominal|tummy) pain\b[^.?!]{0,60}\b(?:hard|rigid|swollen|can't stand|doubled over)\b",
    )),
    Concept("skin_reaction", URGENT, "NCI Chemotherapy and You: rash and skin reactions", (
        r"\b(?:rash|skin|hands|feet|palms|soles)\b[^.?!]{0,40}\b(?:blister\w*|bleeding|oozing|open sores)\b",
        r"\b(?:new|bad|spreading|angry)\b rash\b[^.?!]{0,40}\b(?:since|after|on|started)\b",
        r"\bblister\w*\b[^.?!]{0,40}\b(?:can't walk|can't hold|all over|spreading|open|bleeding|pus|fever|mouth|eyes)\b|\bpus bumps\b",
        r"\brash\b[^.?!]{0,40}\b(?:crusty|weeping|infected|oozing|raw|really painful|so painful|can't sleep)\b",
    ), context=_TREATMENT),
    Concept("dizzy_weak", URGENT, "NCI Chemotherapy and You: dizziness, feeling faint", (
        r"\b(?:dizzy|lightheaded|light-headed|faint|woozy)\b[^.?!]{0,40}\b(?:stand|get up|every time|keep|all day|weak)\b",
        r"\b(?:so|really|very|too) weak (?:i|he|she) (?:can't|cannot|could barely)\b",
        r"\b(?:so|too) (?:weak and dizzy|dizzy|weak)\b|\bdizzy (?:on standing|when i stand)\b|\bstanding up makes me (?:so )?dizzy\b|\bhold (?:on to )?the walls\b|\bwashed out and dizzy\b",
    )),
    Concept("immune_side_effects", URGENT, "immunotherapy side effects to report right away", (
        r"\b(?:new|bad|dry|constant) cough\b[^.?!]{0,60}(?<!no )(?<!without )(?<!any )\b(?:immunotherapy|keytruda|opdivo|yervoy|fever)\b",
        r"\b(?:blood sugar|sugar|glucose)\b[^.?!]{0,25}\b(?:[3-9]\d\d|high|through the roof|over 300)\b",
        r"\b(?:yellow|jaundiced) (?:skin|eyes)\b|\b(?:skin|eyes) (?:are |is |look |looks |turning |turned )?yellow\b",
        r"\bsugars? (?:are |is |in the |of |were |just read |read )?(?:3[5-9]\d|[4-9]\d\d|400s|500s)\b|\bmeter (?:just )?(?:says|reads|said) hi\b",
        r"\b(?:coughing|cough)\b[^.?!]{0,40}(?<!no )(?<!without )(?<!any )\b(?:fever|feverish|38\.\d|tecentriq|keytruda|opdivo|immunotherapy)\b",
    )),
    # --- a decision for one person -------------------------------------------------------------
    Concept("dose", PERSONAL, "NCI: dosing is decided by the care team", (
        r"\bhow (?:many|much) (?:mg|milligrams|ml|pills|tablets|capsules|units|of (?:my|his|her|the|this|it))\b[^?.]{0,60}\b(?:should|do|can|to give|to take|is safe)\b",
        r"\bwhat (?:dose|dosage|amount|strength)\b[^?.]{0,50}\b(?:should|do|can|for (?:my|him|her|a \d+|me))\b",
        r"\b(?:double|halve|cut|split|crush|increase|decrease|lower|up|raise)\b (?:up )?(?:my|his|her|the) (?:next |own )?(?:\w+ ){0,2}(?:dose|pills?|tablets?|dosage|patch)\b",
        r"\b(?:dose|dosage|how much)\b[^?.]{0,40}\b(?:for (?:my|a) (?:\d+|two|three|four|five|six|seven|eight|nine|ten)[- ](?:year|month)|(?:my|our) (?:son|daughter|child|kid|baby|toddler))\b",
        r"\b(?:missed|forgot) (?:my|his|her|a|the) (?:dose|pill|tablet)\b",
        r"\b(?:should|can|do|shall|must) (?:i|we) (?:give|let) (?:her|him|them) (?:take |have )?(?:another|a second|an extra|a new)(?: one| dose| pill| tablet)?\b"
        r"|\b(?:take|give|have) (?:2|two|both|double|an extra(?: one| pill| tablet| dose)?)\b[^.?!]{0,20}\bto (?:catch up|make up)\b|\bcut (?:them|it|these|those|the (?:pills|tablets)|my \w+|his \w+|her \w+) in (?:half|two)\b",
        r"\bhow (?:much|many)\b(?! (?:detail|information|info|time|notice|warning|truth|of (?:it|this|that) (?:to|should)))[^.?!]{0,40}\b(?:i|he|she|we) (?:ought to|should|need to|must) (?:take|give|have)\b"
        r"|\bhow (?:much|many)\b(?! (?:detail|information|info|time|notice|warning|truth))[^.?!]{0,40}\b(?:ought|should) (?:i|he|she|we) (?:take|give)\b",
        r"\b(?:right|correct|safe|max|maximum) (?:\w+ )?dose for (?:me|him|her|my \w+)\b|\b(?:take|give) (?:a )?double\b|\bhow much (?!detail|information|info|time|notice|warning|truth)\w+ (?:may|can|should|do) (?:we|i) give\b",
    )),
    Concept("skip_stop", PERSONAL, "NCI: changing a treatment plan is decided with the care team", (
        r"(?<!you )(?<!people )(?<!women )(?<!men )(?<!patients )(?<!they )(?<!someone )(?<!does it )(?<!does that )(?<!does this )\b(?:skip|skipping|miss|stop|stopping|quit|quitting|pause|pausing|delay|delaying|postpone|put off|take a break from|cut back on|push back|restart|come off)\b (?:my|his|her|our|the|this|next|a)? ?(?:next |last |remaining |final )?(?:\w+ ){0,2}(?:chemo|chemotherapy|treatments?|cycles?|rounds?|infusions?|radiation|sessions?|doses?|pills?|meds|medications?|tamoxifen|letrozole|anastrozole|hormone therapy|immunotherapy|keytruda|herceptin)\b",
        r"\b(?:is it (?:ok|okay|safe|bad|dangerous)|would it be (?:ok|okay|bad)|can (?:i|he|she|we))\b[^?.]{0,30}\b(?:skip|stop|miss|delay|quit|pause)\b(?! (?:this|it|that|them) (?:from )?(?:happening|getting|coming))",
        r"\bcan (?:i|we|he|she) (?:just )?wait\b[^.?!]{0,25}\b(?:\d+|two|three|a few|another|more) (?:more )?(?:years?|months?)\b",
        r"\b(?:say no to|turn down|decline|refuse) (?:the |my |his |her )?(?:last |next |final |remaining )?(?:rounds?|cycles?|doses?|sessions?|course|chemo\w*|treatment|radiotherapy|radiation|surgery|operation)\b",
        r"\bwhen (?:can|should|could|do|may) (?:i|he|she|we) (?:restart|resume|start back on|go back on|get back on|start (?:taking )?(?:\w+ ){1,2}again)\b"
        r"(?! (?:gentle |light |normal |my normal |usual |my usual )?(?:gardening|exercise|exercising|work|working|driving|sex|swimming|running|walking|the gym|gym|activities|lifting|golf|sport|sports|housework|travel)\b)",
        r"\b(?:can|could|should|may) (?:i|we|he|she) (?:just )?(?:start|take|begin) (?:it|them|(?:my|his|her) (?:meds|medication|medicine|pills|tablets|tamoxifen|letrozole|anastrozole|exemestane|\w+(?:inib|mide|parib)))(?: \w+)? (?:again|back up)\b",
        r"\b(?:minded|inclined|tempted) to (?:discontinue|stop|quit|come off|give up)\b|\bnot (?:bother|bothering) (?:with|taking) (?:the|my|his|her) \w+ (?:any ?more|now)\b"
        r"|\bis it (?:ok|okay|alright|fine|bad) if (?:i|he|she|we) (?:just )?(?:don't|do not|stop|skip|quit|refuse|miss)\b|\b(?:want|wanting|thinking about|planning|going) to (?:skip|stop|delay|quit|miss) (?:it|them|this|that|my|the|her|his)\b",
    )),
    Concept("choose", PERSONAL, "NCI: choosing a treatment is a shared decision with the care team", (
        r"(?<!when )(?<!how often )(?<!what age )(?<!how soon )(?<!how early )(?<!how long )\b(?:should|would) (?:i|we|he|she|my \w+|mom|dad) (?:do|go with|choose|pick|get|have|try|take|start|stop|skip|join|opt for|refuse|decline|continue|keep|switch)\b(?! (?:screened|a mammogram|a colonoscopy|tested|(?:my |his |her |the )?(?:moles?|skin) checked|checked|(?:a |some )?tests? (?:too|as well)|(?:a |the |regular )?check-?ups?)\b)(?!(?<=keep) (?:in|on hand|handy|at home|with me|by|near|next to|on the fridge)\b)(?!(?<=take) (?:the|a) day off\b)(?!(?<=\bdo) (?:if|when|in case)\b)",
        r"\bwhich (?:one|treatment|option|drug|surgery|plan|doctor|hospital)\b[^?.]{0,30}\bshould (?:i|we|he|she)\b|\bwhat would you do\b|\bif you were (?:me|him|her|them|my \w+|in my shoes|in (?:my|his|her|our) (?:position|place|situation))\b|\bif (?:it|this|she|he) (?:were|was) (?:your|you)\b",
        r"\bwould you (?:just )?(?:stop|skip|quit|keep (?:going|taking)|carry on|go ahead|refuse|choose|pick|bother)\b|\bwould you\b[^.?!]{0,50}\bif (?:you were|it (?:were|was) your)\b",
        r"\b(?:is|would) (?:\w+ ){0,3}(?:the )?(?:right|best|better) (?:choice|option|treatment|decision) for (?:me|him|her|my \w+|us)\b",
        r"\bwhat should (?:i|we|he|she) do\b(?! if| when| in case)",
        r"\b(?:which|what) (?:is better|would you recommend|do you recommend|would you suggest|do you think) for (?:me|him|her|us|a man|a woman)\b|\bwhat (?:we|should we|do we|would you) choose\b|\b(?:is (?:it|this|that) (?:the )?right decision)\b",
        r"\b(?:would|is|will) (?:that|it|this) be (?:unwise|wise|a mistake|a bad idea|sensible|dangerous|risky) (?:in (?:my|his|her) (?:particular |own |specific )?case|for (?:me|him|her))\b"
        r"|\b(?:what (?:do )?you think for me|in your opinion)\b|\bshould (?:the family|we|i|my \w+|wife|husband|mom|dad) (?:try|tell(?! (?:my|our|their|his|her|the) (?:\w+ )?(?:kids|children|teachers?|school|boss|employer|work|family|friends|coworkers|colleagues|grandkids|grandchildren|neighbou?rs|church|manager)\b)|keep(?! (?:in|on hand|handy|at home|with me|by|near|next to|on the fridge)\b)|freeze|persuade|(?<!questions should i )(?<!questions should we )bring(?! (?:with (?:me|us|him|her)|along)\b)(?! (?:to|with|along|for) (?:the|my|a|an|his|her|our) (?:first )?(?:infusion|appointment|unit|clinic|session|visit|chemo|treatment|stay))|let|push|go ahead)\b",
        r"\b(?:would|is|will) (?:\w+ ){1,3}(?:be )?(?:better|best|the right choice|worth it)\b[^.?!]{0,60}\bfor (?:me|him|her|my|his|our)\b",
        r"\bwhich (?:one|option|treatment|of (?:them|these|the two))\b[^.?!]{0,30}\b(?:gives?|will give|would give) (?:her|him|me|them|us) (?:more|the most|longer|the best)\b",
        r"\bworth (?:it|doing|having|the risk)\b[^.?!]{0,20}\bfor (?:someone|a (?:man|woman|person)) (?:my|his|her) age\b",
        r"\b(?:does|do) (?:my \w+|he|she|i|we) (?:really |actually |honestly |truly |even )?need (?:it|this|that|them)\s*\?"
        r"|\b(?:does|do) (?:my \w+|he|she|i|we) (?:really )?need (?:a|an|the|to have|to get) (?:\w+ ){0,2}(?:transplant|surgery|chemo\w*|radiation|mastectomy|biopsy|treatment|scan|transfusion|operation|port|infusion)\b",
        r"\bis (?:it )?better (?:for (?:him|her|me|us) to|(?:that )?(?:he|she|i|we)) (?:do|have|get|take|go|try|start|stop)\b|\b(?:do|have) it or not\s*\?",
        r"\b(?:tell|say|give) (?:me |us |her |him )?(?:a )?(?:straight |simple |direct )?(?:yes or no|yes/no)\b|\b(?:a |your )?(?:direct|personal|straight) recommendation\b|\bfor (?:her|him|me|them) specifically\b"
        r"|\bin (?:her|his|my|their|our) (?:particular |specific |own )?case (?:it's|it is|is it|is that|would it be)\b|\bis (?:it|this|that) (?:safe|ok|okay|alright|too risky|a good idea|wise) for (?:me|him|her|us)\s*(?:\?|$|to\b(?! be (?:around|near|with)\b)|if\b)",
        r"\bshould (?:i|we|he|she) just (?:stop|skip|quit|leave|give up|ignore|wait|refuse)\b|\b(?:just )?leave it (?:alone )?and see what happens\b|\bshould (?:i|we|he|she) add (?:them|it|this|that|these|those)\b",
        r"\bis (?:a |the |her |his |my |this |that )?(?:\w+ ){0,2}(?:really |actually |truly |even )?(?:necessary|needed|essential) for (?:her|him|me|my \w+)\b",
        r"^(?:so |and )?should (?:i|we|he|she)\s*\?|\bshould (?:my \w+|he|she|we|i) (?:insist|demand|wait|hold off|go ahead)\b|\btrying to decide (?:if|whether|between)\b",
    )),
    Concept("own_results", PERSONAL, "NCI: results are read with the care team", (
        r"\b(?:my|his|her|our) (?:\w+ )?(?:scan|scans|ct|pet|mri|biopsy|report|results|labs|blood work|bloodwork|psa|ca-?125|cea|marker|markers|pathology|counts|platelets|hemoglobin|wbc|ki-?67|gleason|oncotype)\b[^?.]{0,80}\b(?:mean|means|good|bad|normal|worried|worry|worse|better|concerning|high|low|say|says|came back|showed|shows)\b",
        r"\b(?:is|are) (?:my|his|her) (?:\w+ )?(?:numbers|levels|results|counts|markers?)\b",
        r"\b(?:psa|ca-?125|cea|hgb|hemoglobin|platelets?|platelet count|wbc|white count|anc|creatinine|marker|markers|afp|ldh|a1c|tsh)\b[^.?!]{0,25}\b\d[\d.,]*\b[^.?!]{0,60}\b(?:bad|normal|worry|worried|mean|serious|dangerous|concerning|high|low|ok|okay|good)\b",
        r"\bwhat (?:these|those|my|his|her|the) (?:\w+ )?(?:numbers|results|levels|counts|values|readings) mean for (?:me|him|her|us)\b",
        r"\bwhat (?:does|do) (?:she|he|my \w+|i) have\s*\?",
        r"\bwhat (?:kind|type|sort|stage) of (?:cancer|tumou?r|lymphoma|leukemia|leukaemia) (?:do i|does (?:he|she|my \w+)) have\b",
        r"\b(?:what does (?:it|this|that) mean for (?:me|him|her|us)|is mean (?:i|he|she)|does (?:this|that|it) mean (?:i|he|she|my)|it mean (?:cancer|the cancer|i|he|she))\b",
        r"\b(?:my|his|her) (?:\w+ )?(?:scan|report|biopsy|results?|blood test|pathology)\b[^.?!]{0,80}\b(?:does (?:this|that|it) mean|is (?:this|that|it) (?:something|bad|serious|cancer))\b",
    )),
    Concept("is_it_cancer", PERSONAL, "NCI: only an exam and tests can tell", (
        r"\b(?:do|does|could|might|can) (?:i|he|she|my \w+) (?:have|has|still have) (?:cancer|a tumor|melanoma|leukemia|leukaemia|lymphoma|myeloma|sarcoma|mesothelioma|carcinoma|cll|cml|aml|mds|hodgkin'?s?|\w+ (?:tumor|cancer))\b|\bme (?:have|has|got) (?:\w+ )?cancer\?",
        r"\bis (?:it|this|that) worth (?:getting (?:it |this |that )?(?:checked|looked at|seen)|(?:seeing|going to|paying for|paying to see) (?:a |the |an )?(?:doctor|gp|urgent care|dermatologist|specialist))\b",
        r"\bis (?:this|it|my|that|his|her) (?:(?:new|little|small|hard|red|dark|weird|strange|painful|growing|swollen) ){0,2}(?:lump|mole|spot|rash|bump|pain|cough|bruise|swelling|mass|nodule)?\s?(?:cancer|melanoma|cancerous|malignant|a tumor)\b(?! (?:more|less|common|rare|hereditary|genetic|inherited|runs?|usually|often|passed|among|the same)\b)",
        r"\b(?:is|has) (?:the|my|his|her) cancer (?:back|come back|spread|returned|growing)\b|\b(?:is (?:this|it|that)|(?:this|it|that) is) (?:\w+ ){0,2}(?:coming back|come back|returning|back again)\b|\bam i (?:dying|in remission|cured)\b|\bis (?:my|his|her) (?:chemo|treatment|\w+) working\b",
        r"\b(?:lump|mole|node|lymph node|spot|bump|mass|cough|bruise|nodule|lesion|swelling|sore)\b[^.?!]{0,60}\b(?:cancer|melanoma|leukemia|lymphoma|malignant|tumou?r|cancer back)\s*\?",
        r"\b(?:is|could) (?:it|this|that|my \w+|his \w+|her \w+)(?! (?:true|possible|common|normal|rare|different|likely|usual|more|less))(?: (?!for\b|about\b|of\b|in\b|with\b|from\b)\w+){0,2} (?:be )?(?:likely to be )?(?:lung |breast |skin |colon )?(?:cancer|melanoma|leukemia|a melanoma|malignant)\b(?! (?:more|less|common|rare|hereditary|genetic|inherited|runs?|usually|often|passed|among|the same)\b)(?! or (?:the )?(?:chemo\w*|treatment|radiation|radiotherapy|medicines?|drugs?|tablets)\b)",
        r"\bis (?:my|his|her|moms?|dads?)\b[^.?!]{0,30}\b(?:her|his|the)? ?cancer (?:back|spreading)\b",
        r"^(?:so |and )?has (?:it|the cancer|my cancer|his cancer|her cancer|the tumou?r) (?:come|came|grown) back\b",
        r"\b(?:does (?:that|this|it) mean|(?:do you )?think|reckon) (?:it's|it is|it has|the cancer is|the cancer's|the cancer has) (?:back|come back|returned|spread)\b",
    ), unless=_NAMED_DIAGNOSIS),
    Concept("prognosis_person", PERSONAL, "NCI: prognosis for one person is for the care team", (
        r"\bhow long (?:do|does|will|would|has|have|did) (?:i|we|he|she|my \w+|mom|dad)\b[^?.]{0,20}\b(?:have|live|got|left|survive|last)\b(?! to\b)",
        r"\bhow long (?:she|he|i|we|my \w+|mom|mum|dad) (?:has|have|has got|has left|might have|may have)\b(?! to\b| been| had)"
        r"|\bhow long (?:she|he|my \w+|mom|mum|dad) (?:will|would|is going to|can) (?:live|survive|last)\b",
        r"\b(?:what are|what's) (?:my|his|her) (?:chances|odds)\b|\b(?:will|is) (?:i|he|she|my \w+) (?:going to )?(?:survive|die|make it|be ok|beat)\b",
        r"\bhow (?:many|much) (?:months|time|longer|long)\b[^.?!]{0,40}\b(?:she|he|my|i|dad|mom|mother|father|brother|sister|husband|wife)\b|\b(?:mom|dad|mother|father|husband|wife)\b[^.?!]{0,40}\bhow (?:many months|much time|much longer|long)\b",
        r"\bhow long (?:do|does|will|can|would) (?:people|someone|patients|a person|men|women) (?:\w+ )?(?:in|with) (?:her|his|my|their|our) (?:situation|condition|position|case|shoes|stage)\b",
        r"\bhow (?:long|many (?:years|months)|much time)\b[^.?!]{0,60}\bfor (?:someone|somebody|a (?:man|woman|person)|people) like (?:her|him|me|my \w+|us)\b",
        r"\b(?:my|his|her) prognosis\b|\bhow long (?:she|he) is likely to have\b|\bwill (?:not|he|she) see (?:christmas|easter|\w+ birthday)\b",
        r"\bhow long (?:do you think|would you say|does it look like) (?:my \w+|he|she|i|mom|dad) (?:has|have|got|will live)\b",
    )),
    Concept("interactions", PERSONAL, "NCI: check supplements and other drugs with the care team", (
        r"\b(?:can|could|should|(?:is|would) it (?:be )?(?:ok|okay|safe|alright|fine)(?: for (?:me|him|her|my \w+))? to) (?:i |he |she |we )?(?:take|use|drink|have(?! (?:been|\w+ed|done|known|seen|had|got|gotten|caught|found)\b)|give|eat|try|keep taking|continue)\b(?! (?:\w+ ){0,4}(?:leave|time off|off work|vacation|holiday|trip|a break|the bus|the train|a flight|school|work|college|classes|uni|university|nursery|daycare|exercise|exercising|the gym|swimming|sport|sports|running|working))[^?.]{0,60}\b(?:while|with|during|on|alongside|and)\b[^?.]{0,20}\b(?:my|his|her|chemo|treatment|radiation|immunotherapy|tamoxifen|letrozole|keytruda)\b",
        r"\b(?:turmeric|curcumin|cbd|cannabis|marijuana|weed|edibles|vitamin \w+|supplements?|herbs?|herbal|st\.? john's wort|fish oil|melatonin|mushrooms?|essiac|grapefruit|alcohol|wine|beer|ibuprofen|advil|tylenol|aspirin|antibiotics?)\b[^?.]{0,60}\b(?:my|his|her) (?:chemo|treatment|radiation|infusion|pills|meds|immunotherapy|cycle|tamoxifen|letrozole)\b",
        r"\b(?:ok|okay|safe|fine|alright)\b[^.?!]{0,25}\b(?:with|during|on|while on)\b[^.?!]{0,15}\b(?:my|his|her) (?:\w+ )?(?:chemo|treatment|tx|radiation|radiotherapy|infusion|immunotherapy|pills|tablets|meds|cancer)\b",
        r"\b(?:may|can|could|might) (?:i|we|he|she) (?:take|have|continue|use|drink|give (?:him|her)|keep taking)\b[^.?!]{0,50}\b(?:during|whilst|while on|while|with|on|before|after) (?:my|his|her) (?:\w+ )?(?:chemo\w*|treatment|radiotherapy|radiation|infusion|tablets|surgery|tx)\b"
        r"|\b(?:(?:may|can|could|might) (?:i|we|he|she)|(?:i|we|he|she) (?:may|can|could|might)) (?:take|have|continue|keep taking)\b[^.?!]{0,60}\b(?:on )?the (?:morning|day|night) (?:of|before) (?:my |his |her |the )?(?:surgery|operation|op|procedure|scan|chemo)\b",
        r"\b(?:ok|okay|safe|fine|alright) (?:to (?:take|have|use) (?:them |it |both )?)?together\?|\b\w+ \+ \w+ (?:ok|okay|safe)\b|\b(?:take|taking) \w+ (?:w|with) my \w+\b",
        r"\bis (?:my|his|her) \w+(?: \w+)? (?:ok|okay|safe|fine) (?:with|on|during|while)\b",
        r"^(?:i'm |i am |currently )?on (?:\w+ ){0,3}(?:chemo\w*|immunotherapy|treatment|radiation|radiotherapy|\w+(?:inib|mab|platin|taxel|ciclib|zole|ozole|xifen|lutamide|relin|mide|parib))\b"
        r"[^.?!]{0,40}\b(?:ok|okay|safe|alright|fine) to (?:take|start|have|use|try|drink|eat|get|keep)\b",
        r"\b(?:can|could|should|may) (?:i|we|he|she) (?:give|take) (?:them |both |the two )?(?:both )?(?:at the same time|together)\b",
        r"\b(?:are|is) (?:those|these|they|both|that|this) (?:two |both )?(?:ok|okay|safe|fine|alright) (?:for|with) (?:him|her|me|my \w+)\b",
        r"\b(?:mess|interfere|interact|react) with (?:my|his|her) \w+\b|\b(?:want|going|planning|thinking) (?:to|of|about) (?:start|starting|take|taking|try|trying|use|using) \w+(?: \w+){0,3}\b[^.?!]{0,40}\b(?:ok|okay|safe)\b",
        r"\bcan (?:i|he|she) (?:take|use|try|have) (?:\w+ ){1,3}for (?:mine|my \w+|his|hers)\b",
        r"\b(?:can|could|should|may) (?:i|he|she|we|my \w+) (?:still )?(?:get|have|take) (?:the |a |my |his |her |their )?(?:\w+ ){0,2}(?:shots?|vaccines?|vaccinations?|jabs?|boosters?)\b[^.?!]{0,40}\b(?:while|during|on|between|after|before|with) (?:my |his |her |the )?(?:\w+ )?(?:chemo\w*|treatment|cycles?|infusions?|immunotherapy|radiation|radiotherapy|transplant|keytruda|opdivo|\w+mab|\w+inib)\b"
        r"|\b(?:can|could|should|may) (?:i|he|she|we) (?:still )?(?:fast|keep (?:the |my )?fast|do (?:the |a )?fast)\b",
        r"\bis (?!it\b|this\b|that\b|there\b)(?:\w+ ){1,3}(?:ok|okay|safe|alright|fine) (?:to (?:give|use|take) )?for (?:me|him|her|my|his|our)\b[^.?!]{0,50}\b(?:chemo\w*|treatment|radiation|radiotherapy|immunotherapy|infusions?|transplant)\b",
    )),
)
