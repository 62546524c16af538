"""Red flags read from numbers: vital signs and counts, as people report them.

People often describe an emergency by what a device or a count says rather than by naming it
("the finger monitor reads 79", "filling a pad every 10 minutes", "thrown up 7 times"). These
concepts turn such readings into tiers, with the thresholds trusted guidance gives:

- oxygen saturation below 90% is an emergency (NHLBI, pulse oximetry); 90-92% is a call now;
- a resting heart rate of 140 or more, a systolic blood pressure under 90, or breathing 30 or more
  times a minute are signs of shock, sepsis or a clot in the lung (oncologic emergencies);
- soaking a pad, towel or dressing within an hour, or losing blood by the cupful or mouthful, is
  heavy bleeding (ACOG; NCI *Chemotherapy and You*); bleeding with dizziness or fainting is too;
- vomiting four or more times in a day, or not passing urine for 12 hours or more, is a call to
  the care team now (NCI *Chemotherapy and You*: vomiting, dehydration).

Like every concept, a reading counts only when it describes a situation happening now
(``situation.py``): "what oxygen level is too low" and "my sats were 85 last year" do not.
"""

from __future__ import annotations

from service.safety.concepts import IDIOM_ON, Concept
from service.safety.tiers import EMERGENCY, URGENT

_OXIMETER = r"(?:o2|oxygen|sats?|saturations?|spo2|sp02|pulse ?ox\w*|oximeter|ox(?:imeter)? reading|finger (?:monitor|thing|clip|reader|probe)|(?:clip|monitor|probe|thing|reader|gadget) on (?:my|his|her|the|their) finger)"
_HEART = r"(?:heart ?rate|pulse|hr|heart(?: is)? (?:going|beating|racing)(?: at)?)"
_VOMIT = r"(?:thrown up|threw up|throwing up|vomited|vomiting|puked|puking|been sick|sick)"
_MEDICINE = (
    r"(?:pills?|tablets?|capsules?|meds|medicines?|bottle|oxy\w*|morphine|fentanyl|norco|percocet|"
    r"\w+(?:codone|morphone|pam|lam|done|tadol|barbital|pine|zine|triptyline|pril|olol))"
)

READINGS: tuple[Concept, ...] = (
    Concept("low_oxygen", EMERGENCY, "NHLBI pulse oximetry: a reading under 90% needs emergency care", (
        rf"\b{_OXIMETER}\b[^.?!\d]{{0,30}}\b(?:[3-8]\d)(?: ?%| percent)?(?![\d./%-]| ?(?:liters?|l\b|lpm))",
        rf"\b{_OXIMETER}\b[^.?!\d]{{0,30}}\b(?:in the |low |high )?[5-8]0s\b",
        rf"\b(?:[3-8]\d) ?(?:%|percent) (?:on (?:the )?|according to (?:the )?)?{_OXIMETER}\b",
        r"\b(?:blue|gr[ae]y|purple|dusky)(?:ish)? (?:around|round|at) (?:the |his |her |my )?(?:lips|mouth)\b",
    )),
    Concept("low_oxygen_borderline", URGENT, "NHLBI pulse oximetry: 90-92% is a reason to call now", (
        rf"\b{_OXIMETER}\b[^.?!\d]{{0,30}}\b(?:9[0-2])(?: ?%| percent)?(?![\d./%-]| ?(?:liters?|l\b|lpm))",
    )),
    Concept("shock_vitals", EMERGENCY, "oncologic emergencies: sepsis, bleeding and pulmonary embolism", (
        rf"\b{_HEART}\b[^.?!\d]{{0,20}}\b(?:1[4-9]\d|2[0-4]\d)\b(?! ?(?:mg|ml|lbs?|pounds|kg|days))",
        r"\b(?:bp|blood pressure|pressure|cuff|bp machine|bp monitor)\b[^.?!\d]{0,20}\b(?:[4-8]\d) ?(?:/|over) ?\d{2,3}\b",
        r"\b(?:breathing|breaths|respirations?|resp rate|rr)\b[^.?!\d]{0,20}\b(?:[3-6]\d)\b (?:times |breaths )?(?:a|per|/) ?min",
    )),
    Concept("blood_loss", EMERGENCY, "ACOG and NCI Chemotherapy and You: heavy bleeding", (
        r"\b(?:soak\w*|fill\w*|going through|gone through|went through|changing|changed|bled through)\b[^.?!]{0,25}\b(?:pads?|tampons?|towels?|dressings?|gauze|diapers?|depends)\b[^.?!]{0,30}\b(?:every|an|per|each|in (?:an|half an|the last|under|less than|about)|within) (?:\d+ |few |couple (?:of )?|half (?:an )?)?(?:min\w*|hours?|half hour)\b",
        r"\b(?:pads?|towels?|dressings?)\b[^.?!]{0,15}\b(?:soaked|full|drenched)\b[^.?!]{0,20}\b(?:every|in|within) (?:\d+ |an |a few |half an )?(?:min\w*|hours?)\b",
        r"\b(?:cups?|cupfuls?|mouthfuls?|handfuls?|tablespoons?|spoonfuls?|a glass|a bowl|clumps?|clots? the size of)\b[^.?!]{0,15}\bblood\b|\bblood clots? (?:the size of|as big as)\b",
        r"\b(?:soaked|soaking|filled|gone through|went through) (?:two|three|four|several|2|3|4) (?:\w+ )?(?:towels|pads|dressings|tea ?towels)\b",
        r"\b(?:bleeding|blood(?! (?:pressure|sugars?|thinners?|tests?|work|counts?|cells?|levels?|draws?|results?|type|transfusions?))|bled)\b[^.?!]{0,60}(?<!not )(?<!no )(?<!never )\b(?:dizzy|light[- ]?headed|faint\w*|weak and (?:pale|dizzy|shaky)|pale and (?:sweaty|clammy|dizzy)|clammy|passed out|blacked out|about to pass out)\b",
        r"\b(?:dizzy|light-?headed|faint\w*|clammy|passed out)\b[^.?!]{0,40}\b(?:bright red|dark red|maroon|black|tarry) (?:blood|stool|poop)\b",
    )),
    Concept("overdose_taken", EMERGENCY, "Poison Control: an overdose already taken, whatever the intent", (
        r"\b(?:took|taken|swallowed|ate|downed|had|gave (?:him|her|them))\b[^.?!]{0,25}\b(?:too many|too much|half (?:a|the|my|his|her) (?:bottle|pack|packet|box)|the whole (?:bottle|pack|packet|week|month|strip)|a whole (?:bottle|pack|packet|week|month|strip)|all (?:of )?(?:my|his|her|the|their) (?:\w+ ){0,2}(?:pills|meds|tablets|medicine|morphine|oxy\w*)|double (?:the )?dose|extra (?:doses|pills)|(?:a |the )?handful)\b",
        r"\b(?:i|he|she|they|we|just|has|have|had) overdosed\b" + IDIOM_ON,
        r"\b(?:took|taken|swallowed|had)\b[^.?!]{0,25}\b(?:all|several|two|three|four|five|a|the whole) (?:of )?(?:\w+ ){0,4}(?:\w*day'?s?|days'|week'?s?|weeks'|nights?'?s?) (?:worth of )?(?:pills|tablets|meds|medicines?|doses|capsules)\b[^.?!]{0,20}\b(?:at once|in one go|all together|together)\b",
        rf"\b(?:swallowed|downed|popped|gulped|chugged)\b[^.?!]{{0,20}}\b(?:every|all|the rest of|whatever was left|what was left|everything|the last of|a bunch of|most of|a handful of|loads of)\b[^.?!]{{0,30}}\b{_MEDICINE}",
        r"\b(?:took|taken|ate|gave (?:him|her|me))\b[^.?!]{0,20}\b(?:(?:every|all)\b[^.?!]{0,30}\b(?:left|remaining|at once|in one go|in the (?:bottle|pack|box|packet))|the rest of (?:the|my|his|her) (?:\w+ ){0,2}(?:bottle|pack|box|packet|pills|meds|tablets|medicine)|whatever was left|what was left|everything (?:left|in))\b",
        rf"\b(?:took|taken|swallowed|downed|popped)\b (?:like |about |maybe |around |over )?(?:[1-9]\d|fifteen|twenty|thirty|forty|fifty|a dozen|ten|twelve|a bunch of|a lot of|a whole lot of|a whole bunch of|a handful of|(?:my|his|her|the) entire)\b[^.?!]{{0,25}}\b{_MEDICINE}",
    )),
    Concept("vomiting_count", URGENT, "NCI Chemotherapy and You: vomiting that does not stop", (
        rf"\b{_VOMIT}\b[^.?!]{{0,25}}\b(?:[4-9]|1\d|2\d|four|five|six|seven|eight|nine|ten|a dozen|eleven|twelve)\b (?:times|x)\b",
        rf"\b(?:[4-9]|1\d|four|five|six|seven|eight|nine|ten|a dozen) times\b[^.?!]{{0,25}}\b{_VOMIT}\b",
        r"\b(?:haven't|hasn't|not|no|didn't)\b[^.?!]{0,15}\b(?:peed|urinated|pee|urine|wee|passed water)\b[^.?!]{0,25}\b(?:1[2-9]|2\d|3\d|twelve|fifteen|eighteen|twenty|a whole day|all day|since (?:yesterday|last night))\b",
    )),
)
"""Added to ``concepts.CONCEPTS`` by ``situation.py`` (one table for the rules)."""
