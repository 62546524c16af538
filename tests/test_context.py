from __future__ import annotations

import pytest

from service.context import contextualize


@pytest.mark.parametrize(
    ("question", "previous", "expected"),
    [
        # a qualifier extends the previous question
        ("and for children?", "What is the treatment for melanoma?", "What is the treatment for melanoma for children?"),
        ("and in children?", "How is liver cancer diagnosed?", "How is liver cancer diagnosed in children?"),
        ("what about kids", "What are the side effects of chemotherapy?", "What are the side effects of chemotherapy for kids?"),
        # a new question type takes the previous focus
        ("what about side effects", "What is melanoma?", "side effects of melanoma?"),
        ("side effects?", "How is lapatinib taken?", "side effects of lapatinib?"),
        ("And what about the symptoms?", "Tell me about liver cancer", "the symptoms of liver cancer?"),
        # a pronoun takes the previous focus
        ("how is it treated", "What is melanoma?", "how is melanoma treated"),
        ("Is it contagious?", "What is melanoma?", "Is melanoma contagious?"),
        ("how does it work", "What is lapatinib?", "how does lapatinib work"),
        # a new subject after a cue keeps the previous question type
        ("what about lapatinib?", "What are the side effects of trastuzumab?", "What are the side effects of lapatinib?"),
        ("and liver cancer?", "How is melanoma treated?", "How is liver cancer treated?"),
    ],
)
def test_follow_ups_carry_the_previous_focus(question: str, previous: str, expected: str) -> None:
    assert contextualize(question, previous) == expected


@pytest.mark.parametrize(
    ("question", "previous"),
    [
        ("What are the symptoms of liver cancer?", "What is melanoma?"),  # a question of its own
        ("hello", "What are the side effects of chemotherapy?"),
        ("why?", "What is melanoma?"),  # nothing to attach the focus to
        ("what about side effects", "What are the side effects?"),  # previous has no focus
        ("what about side effects", None),
        ("what about side effects", "   "),
        ("how is it treated in children who are younger than five years old", "What is melanoma?"),  # too long
        ("and I want to kill myself", "What is melanoma?"),  # crisis: never rewritten
        ("and he is not breathing", "What is melanoma?"),  # emergency: never rewritten
        ("", "What is melanoma?"),
    ],
)
def test_other_messages_are_left_unchanged(question: str, previous: str | None) -> None:
    assert contextualize(question, previous) == question


def test_chained_follow_ups_keep_the_first_focus() -> None:
    first = contextualize("how is it treated?", "What is melanoma?")
    assert first == "how is melanoma treated?"
    assert contextualize("and for children?", first) == "how is melanoma treated for children?"


def test_only_the_first_words_of_a_long_previous_question_are_used() -> None:
    previous = "What is melanoma " + "really " * 100
    assert contextualize("is it curable?", previous) == "is melanoma curable?"
    assert contextualize("and for children?", previous) == "What is melanoma " + "really " * 27 + "for children?"
