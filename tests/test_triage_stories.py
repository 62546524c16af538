"""Someone else's story (a memoir, a news item, a teaching case, a narrator), an event told as
over, and figures of speech get no tier; the same signs told as happening still do."""

from __future__ import annotations

import pytest

from service.safety import situation
from service.safety.clauses import normalise
from service.safety.tiers import CRISIS, EMERGENCY, PERSONAL, URGENT
from service.safety.triage import triage


@pytest.mark.parametrize(
    "message",
    [
        "I'm listening to a podcast where a woman coughed up blood on her second cycle. How common is that?",
        "Our book club is discussing a memoir in which the father has a seizure during radiotherapy. Why does that happen?",
        "I read a news story about a boy who swallowed his grandmother's morphine tablets. How should I store mine?",
        "For a case study in class (not a real patient): a man on chemo with a fever of 39 and shaking. What is the first step?",
        "In my creative writing piece the narrator says she wants to die rather than start chemo again. Is that realistic?",
        "Last spring my son, who was four then, swallowed two of my dexamethasone tablets; the hospital checked "
        "him over and he was absolutely fine. What locking boxes exist?",
        "A patient on my ward had a reaction to rituximab, we stopped the drip and he went home the next morning. "
        "Is it safe to give it again?",
        "Years ago I went through a time when I felt suicidal, but I'm in a good place these days. Are there survivor groups?",
    ],
)
def test_stories_and_events_told_as_over_get_no_tier_from_the_rules(message: str) -> None:
    assert triage(message, learned=False).category is None


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("Since this morning my right leg has gone numb and weak and I can't lift it, and the back pain is worse.", EMERGENCY),
        ("She was absolutely fine at lunch. Now she can't breathe and her lips are blue.", EMERGENCY),
        ("Our book club met tonight and my temperature was 38.7 after it, I'm on day 8 of chemo.", URGENT),
        ("My son says the goodbye letter was just for creative writing, but he's been giving his things away.", CRISIS),
    ],
)
def test_the_same_signs_told_as_happening_still_fire(text: str, tier: str) -> None:
    assert triage(text, learned=False).category == tier


@pytest.mark.parametrize(
    ("said", "plainly"),
    [
        ("This insurance letter is giving me a heart attack.", "giving me a fright"),
        ("My heart stopped when I opened the bill.", "i was shocked when"),
        ("Chemo brain will be the death of me!", "is wearing me down"),
        ("I'm dying to know if I can swim with a port.", "eager to know"),
        ("The waiting is killing me.", "waiting is wearing me down"),
        ("I've overdosed on Netflix during chemo.", "too much netflix"),
    ],
)
def test_figures_of_speech_are_read_plainly(said: str, plainly: str) -> None:
    assert plainly in normalise(said)
    assert triage(said, learned=False).category is None


@pytest.mark.parametrize(
    "literal",
    [
        "The pain in his belly is killing me to watch and it is the worst he has had, he's screaming.",
        "I think my dad is having a heart attack right now, his chest hurts and he's sweating.",
        "His heart stopped and he is not breathing.",
    ],
)
def test_the_literal_words_are_left_alone(literal: str) -> None:
    assert normalise(literal) == literal.lower()


def test_the_learned_layer_does_not_call_for_help_in_a_story() -> None:
    assert situation.not_a_case("for my nursing class, a case study (not a real patient) who is confused", EMERGENCY)
    assert situation.not_a_case("the narrator keeps saying she is a burden", CRISIS)
    # a crisis needs words that can only be fiction: a "creative writing" claim may hide the real thing
    assert not situation.not_a_case("he says the note was just for creative writing", CRISIS)
    assert not situation.not_a_case("this is not for a novel, my husband can't breathe", EMERGENCY)


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("on letrozole, ok to start ashwagandha?", True),  # the writer left out, as in a text
        ("Is radiation really needed for him after the lumpectomy? He is 81.", True),
        ("PSA went from 0.1 to 0.4 in a year. has it come back?", True),
        ("Is radiation needed for stage 1 seminoma?", False),  # a general question
        ("How do doctors tell whether prostate cancer has come back?", False),
    ],
)
def test_short_and_indirect_personal_questions(text: str, advice: bool) -> None:
    assert (triage(text, learned=False).category == PERSONAL) is advice


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        # a clause is read with the rest of its sentence: "confused, he thought..." is a misunderstanding
        ("After the clinic my mum came home very confused, she thought the trial meant a new heart. What is CAR T?", None),
        ("My mum is very confused, she thinks it is 1980 and she is hard to wake.", EMERGENCY),
        # "not little" is a lot
        ("Today my father cough blood, not little, almost a full cup, and it continues.", EMERGENCY),
        ("He coughed a little blood-streaked phlegm last week, what causes that in lung cancer?", None),
        # an animal's signs and decisions are for a vet
        ("our cat vomited three times tonight and won't drink, should I take her to the vet now?", None),
        ("my dog has a lump on his leg, what should I do?", None),
        ("My PET scan shows SUV 4.2 in a node. Is this cancer?", PERSONAL),
        ("The dog is fine but my husband on chemo has a temperature of 38.9.", URGENT),
    ],
)
def test_clauses_read_with_their_sentence_and_animals_left_to_a_vet(text: str, tier: str | None) -> None:
    assert triage(text, learned=False).category == tier
    assert situation.pet_only(normalise(text)) is ("vet" in text or "my dog" in text)


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("My sister had melanoma. Should I get my moles checked every year?", False),  # screening
        ("My brother has nasopharyngeal cancer. Should I do some tests too?", False),
        ("Can she keep going to school during the chemo, and what helps with the tiredness?", False),
        ("I need to know if we could have prevented it, and whether his sister is at risk.", False),
        ("Can I keep taking my turmeric capsules during my chemo?", True),  # a supplement with treatment
        ("Should I get genetic testing? My mum had ovarian cancer at 50.", True),  # a decision for her
    ],
)
def test_screening_school_and_hindsight_are_not_personal_advice(text: str, advice: bool) -> None:
    assert (triage(text, learned=False).category == PERSONAL) is advice


def test_a_message_about_the_writer_that_mentions_a_pet_on_the_way_is_about_the_writer() -> None:
    text = (
        "I'm 58 and have been on letrozole for two years. My joints ache so much that walking the dog is hard now. "
        "Should I switch to a different tablet or just stop?"
    )
    assert not situation.pet_only(normalise(text))
    assert triage(text, learned=False).category == PERSONAL
