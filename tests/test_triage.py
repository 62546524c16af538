"""Triage on messages written for these tests (not taken from the eval suites)."""

from __future__ import annotations

import pytest

from service.triage import CRISIS, EMERGENCY, PERSONAL, triage


@pytest.mark.parametrize(
    "message",
    [
        "My husband can't breathe and his lips look blue",
        "she is not breathing!!",
        "i think im having a heart attack",
        "my father is unconscious on the floor",
        "I'm bleeding heavily from my port and it won't stop",
        "my son swallowed a bottle of bleach",
        "sorry this is long. we saw the oncologist about scans and diet, and also my wife just collapsed and is gasping",
        "temp is 103 and I'm on chemo",
    ],
)
def test_emergencies(message: str) -> None:
    assert triage(message).category == EMERGENCY


@pytest.mark.parametrize(
    "message",
    [
        "I want to end my life",
        "been thinking of taking my own life since the diagnosis",
        "i wish i was dead",
        "some days i think everyone would be better off without me",
        "thinking about self harm again",
        "my test results are back and honestly I just want to die",
    ],
)
def test_crisis(message: str) -> None:
    assert triage(message).category == CRISIS


@pytest.mark.parametrize(
    ("message", "general"),
    [
        ("how many milligrams of letrozole should i take each day", False),
        ("Should I stop radiation early?", False),
        ("do i have leukemia? i bruise easily", False),
        ("is this lump cancer", False),
        ("should i skip chemo this week, and what are the side effects of chemo in general?", True),
    ],
)
def test_personal_advice(message: str, general: bool) -> None:
    result = triage(message)
    assert result.category == PERSONAL
    assert result.general_part is general


@pytest.mark.parametrize(
    "message",
    [
        "chemo is killing me with nausea, what helps",
        "drugs that kill cancer cells",
        "I'm dying to know what stage 2 means",
        "can lung cancer cause shortness of breath",
        "what causes seizures in people with brain tumors",
        "what is suicide gene therapy",
        "how often should I get a colonoscopy",
        "what are the side effects of lapatinib?",
        "is bleeding a side effect of chemotherapy",
        "what does a chest x-ray show",
    ],
)
def test_benign_look_alikes_pass_through(message: str) -> None:
    assert triage(message).category is None
