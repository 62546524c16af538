"""Knowledge rules: signs told as over, idioms, animals and fears get no tier, and the real thing
near those words still does (rules alone, no model)."""

from __future__ import annotations

import pytest

from service.safety import situation
from service.safety.tiers import CRISIS, EMERGENCY, URGENT
from service.safety.triage import triage


@pytest.mark.parametrize(
    "message",
    [
        # over, and said to be over in the same sentence
        "Long ago my cousin took an overdose; she survived and is doing well now. What is a PET scan?",
        "My dad couldn't keep anything down for four days after his first cycle and ended up on a drip.",
        "He had a nasty reaction to the first infusion, chills and a rash, but the later ones were fine.",
        "Her blood pressure dipped during the transfusion, they watched her and it came back up within an hour.",
        "My uncle is unresponsive in intensive care after his transplant and the doctors are with him.",
        # idioms
        "I've had an overdose of Google this week. What does stage 2 mean for bowel cancer?",
        "I'm drowning in forms and appointment letters. Who helps with benefits?",
        "I want to die of boredom in the infusion chair, any good audiobooks?",
        "Going to end it all with a big party when the last cycle is done! Ideas for a cake?",
        "Can I do it myself without a plumber, or should I call someone?",
        "I'd like to retire from teaching on my own terms before treatment starts. How do people raise it?",
        # animals and fears
        "Our cat, a 12 year old tabby, has been vomiting for two days. Can cats get lymphoma?",
        "I start chemo on Monday and I've been phobic about vomiting since I was a kid. What helps?",
        # fear of dying, and the question already put and answered
        "My markers went up again. I'm so scared. I don't want to die. What should I ask the team?",
        "We asked her if she'd had thoughts of hurting herself and she said no. How do we keep supporting her?",
        "After treatment I felt everyone would be better off without me, but I'm in a much better place now.",
    ],
)
def test_signs_told_as_over_idioms_and_animals_get_no_tier_from_the_rules(message: str) -> None:
    assert triage(message, learned=False).category is None


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("Some nights I think I'll just take all the oxycodone at once and be done.", CRISIS),
        ("I'll do it myself if nobody will help me go.", CRISIS),
        ("I don't want to die in a hospital with tubes, I have what I need at home to make sure.", CRISIS),
        ("My sister swallowed a whole bottle of her sleeping tablets an hour ago.", EMERGENCY),
        ("My nosebleed stopped after 20 minutes but my platelets are very low, should I call?", URGENT),
        ("I picked up the cat and had a sudden terrible pain in my hip, I can hardly stand on it.", URGENT),
        ("Vomited all day since chemo yesterday, even the anti-sickness tablet came right back up too.", URGENT),
        ("The dog has been sick all week and now my husband, who is on chemo, has a temperature of 38.6.", URGENT),
        ("He's thrown up six times tonight, the last lot was brown and smelled of poo, and his belly is swollen.", EMERGENCY),
        ("Since an hour her belly is hard like wood and she cannot bear me to touch it.", EMERGENCY),
        (
            "I felt queasy on and off last week, they said that's normal. But this afternoon I've been sick eight times and "
            "it smells like poo.",
            EMERGENCY,
        ),
    ],
)
def test_the_real_thing_near_those_words_still_fires(text: str, tier: str) -> None:
    assert triage(text, learned=False).category == tier


WORKED_UP = [
    "There is blood in my pee. My urologist wants me to have a cystoscopy. What are the signs of bladder cancer?",
    "My doctor wants me to have a colonoscopy because there was some blood in my stool. What are the "
    "early signs of colon cancer?",
    "He has had bruises all over his legs for weeks; the pediatrician did bloodwork and referred us to "
    "oncology. What does it mean if leukemia is suspected?",
]


def test_signs_already_worked_up_by_a_doctor_are_the_story_behind_a_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert [triage(t, learned=False).category for t in WORKED_UP] == [None, None, None]
    monkeypatch.setattr(situation, "worked_up", lambda part, message: False)
    situation._live.cache_clear()
    assert [triage(t, learned=False).category for t in WORKED_UP] == ["urgent"] * 3  # what it prevents


def test_a_sign_that_began_after_the_tests_still_counts() -> None:
    assert triage(
        "The doctor ran blood tests last week. Tonight he has a nosebleed that won't stop and he is dizzy. What is ITP?",
        learned=False,
    ).category == "emergency"
    assert triage(
        "They found a mass in his chest last week. Now his face and neck are swollen and he can't breathe. "
        "What is superior vena cava syndrome?",
        learned=False,
    ).category == "emergency"


def test_a_sign_told_before_the_work_up_is_the_story_the_doctor_heard() -> None:
    told_first = (
        "For three weeks she has been tired and bruising, and now there are tiny red spots on her arms. "
        "The GP did blood tests yesterday and referred her to haematology. What are the signs of leukaemia?"
    )
    assert triage(told_first, learned=False).category is None
    # ... unless it began just now or today, whatever comes after it
    just_now = (
        "Right now his lips are blue and he can't breathe properly. The doctor did a scan last month. "
        "What are the signs of lung cancer?"
    )
    assert triage(just_now, learned=False).category == "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "My calcium was high on a routine blood test and I've been very thirsty and foggy. The endocrinologist felt "
        "a lump in my neck. What symptoms does parathyroid cancer cause?",
        "His eyes went yellow two weeks ago and his urine is dark. The doctor send him for scan. What are the signs "
        "of bile duct cancer?",
        "She had a cough with blood-streaked phlegm and a sputum test found cancer cells. What is occult stage lung cancer?",
    ],
)
def test_signs_a_doctor_has_already_tested_are_the_story(message: str) -> None:
    assert triage(message, learned=False).category is None


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("She lives alone and I'm going to be with her for the surgery. How is a thymoma diagnosed?", None),
        ("My husband died in May and I'm going to be with him soon, I have the pills ready.", CRISIS),
    ],
)
def test_being_with_someone_for_a_treatment_is_not_joining_the_dead(text: str, tier: str | None) -> None:
    assert triage(text, learned=False).category == tier
