from __future__ import annotations

import pytest

from core.errors import BadQuestionError
from service.qa import ABSTAIN_MESSAGE


def _check_citations(service, answer) -> None:  # type: ignore[no-untyped-def]
    for c in answer.citations:
        assert service.index.documents[c.doc].text[c.start : c.end] == c.quote


def test_lapatinib_answer_is_whole_cited_sentences(tiny_service) -> None:  # type: ignore[no-untyped-def]
    answer = tiny_service.ask("What are the side effects of lapatinib?")
    assert not answer.abstained
    assert [(s.text, s.citation, s.list_item) for s in answer.answer] == [
        ("Lapatinib can cause side effects.", 1, False),
        ("Common side effects include the following:", 2, False),
        ("Diarrhea.", 3, True),
        ("Rash on the hands.", 4, True),
        ("Liver problems.", 5, True),
    ]
    assert {(c.doc, c.section, c.title, c.url) for c in answer.citations} == {
        ("lapatinib", "Side effects of lapatinib", "Lapatinib", "https://example.org/lapatinib")
    }
    assert answer.citations[0].last_reviewed == "2026-01-05"
    _check_citations(tiny_service, answer)
    assert [(p.doc, p.section) for p in answer.passages][:2] == [
        ("lapatinib", "Side effects of lapatinib"),
        ("lapatinib", "What is lapatinib?"),
    ]


def test_answer_picks_the_matching_section(tiny_service) -> None:  # type: ignore[no-untyped-def]
    answer = tiny_service.ask("How is melanoma treated?")
    assert [s.text for s in answer.answer] == [
        "Surgery removes the melanoma and some normal skin around it.",
        "Immunotherapy helps the immune system fight melanoma.",
    ]
    _check_citations(tiny_service, answer)


def test_unrelated_question_abstains_plainly(tiny_service) -> None:  # type: ignore[no-untyped-def]
    answer = tiny_service.ask("What is the capital of France?")
    assert answer.abstained
    assert answer.answer == () and answer.citations == ()
    assert answer.message == ABSTAIN_MESSAGE
    assert "1-800-4-CANCER" in ABSTAIN_MESSAGE and "care team" in ABSTAIN_MESSAGE


@pytest.mark.parametrize(
    ("question", "message"),
    [("   ", "question is empty"), ("x" * 2001, "question is too long (2001 characters; the limit is 2000)")],
)
def test_bad_questions_raise_clear_errors(tiny_service, question: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadQuestionError) as err:
        tiny_service.ask(question)
    assert str(err.value) == message


def test_emergency_gets_the_fixed_reply_before_any_retrieval(tiny_service, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    from service.safety.tiers import EMERGENCY_REPLY

    calls = fake_embedder.calls
    answer = tiny_service.ask("my dad's lips are blue and he can't breathe, he takes lapatinib")
    assert answer.safety == "emergency"
    assert answer.message == EMERGENCY_REPLY and answer.message.startswith("Call 911")
    assert answer.answer == () and answer.passages == ()
    assert fake_embedder.calls == calls


def test_crisis_reply_gives_988(tiny_service) -> None:  # type: ignore[no-untyped-def]
    answer = tiny_service.ask("i don't want to live anymore")
    assert answer.safety == "crisis"
    assert "988" in (answer.message or "") and answer.answer == ()


def test_personal_advice_gets_general_information_then_the_care_team(tiny_service) -> None:  # type: ignore[no-untyped-def]
    from service.safety.tiers import PERSONAL_REPLY, PERSONAL_WITH_INFO

    unrelated = tiny_service.ask("should I take my grandmother's ring to the jeweller for resizing?")
    assert unrelated.safety == "personal_advice"
    assert unrelated.message == PERSONAL_REPLY and unrelated.answer == () and unrelated.abstained
    mixed = tiny_service.ask("should I stop lapatinib, and what are the side effects of lapatinib?")
    assert mixed.safety == "personal_advice"
    assert mixed.message == PERSONAL_WITH_INFO
    assert mixed.answer[0].text == "Lapatinib can cause side effects."
    assert mixed.text.startswith(PERSONAL_WITH_INFO + "\n")


def test_benign_look_alike_is_answered_normally(tiny_service) -> None:  # type: ignore[no-untyped-def]
    answer = tiny_service.ask("lapatinib side effects are killing me, what are they?")
    assert answer.safety is None and not answer.abstained


def test_raw_logging_is_opt_in_and_warned(tiny_settings, fake_embedder, caplog) -> None:  # type: ignore[no-untyped-def]
    import logging

    from service.qa import QAService

    loud = tiny_settings.model_copy(update={"log_questions": True})
    with caplog.at_level(logging.INFO, logger="cancer_qa"):
        service = QAService.open(loud, fake_embedder)
        service.ask("what is melanoma")
    messages = [r.getMessage() for r in caplog.records]
    assert any(
        r.levelno == logging.WARNING and "QA_LOG_QUESTIONS is on" in r.getMessage() for r in caplog.records
    )
    assert any("question=what is melanoma" in m for m in messages)


def test_search_ranks_passages_without_composing(tiny_service) -> None:  # type: ignore[no-untyped-def]
    from index.search import Filters

    passages = tiny_service.search("melanoma treatment surgery", k=3)
    assert [(p.doc, p.section) for p in passages][0] == ("melanoma", "Melanoma treatment")
    assert all(passages[i].score >= passages[i + 1].score for i in range(len(passages) - 1))
    only_breast = tiny_service.search("melanoma treatment surgery", Filters(cancer_types=("breast",)), k=3)
    assert {p.doc for p in only_breast} == {"lapatinib"}


def test_answer_reports_grade_read_more_follow_ups_and_confidence(tiny_service) -> None:  # type: ignore[no-untyped-def]
    from service.answering.readability import answer_grade

    answer = tiny_service.ask("What are the side effects of lapatinib?")
    assert answer.reading_grade == answer_grade([s.text for s in answer.answer])
    doc = tiny_service.index.documents["lapatinib"]
    assert doc.section_index("Side effects of lapatinib") == 1
    assert answer.read_more == "/doc/lapatinib#sec-1"
    assert answer.suggestions == ("What is lapatinib?",)
    assert answer.confidence is not None
    assert answer.confidence >= tiny_service.abstain_model.threshold


def test_abstention_offers_nearby_topics_only_when_something_is_near(tiny_service) -> None:  # type: ignore[no-untyped-def]
    far = tiny_service.ask("What is the capital of France?")
    assert far.abstained and far.suggestions == ()
    assert far.confidence is not None and far.confidence < tiny_service.abstain_model.threshold


def test_a_long_message_is_answered_for_its_main_question(tiny_service) -> None:  # type: ignore[no-untyped-def]
    short = tiny_service.ask("What are the side effects of lapatinib?")
    long = tiny_service.ask(
        "Good morning. My wife started lapatinib last month for her breast cancer and we are both "
        "nervous. What are the side effects? Also, does it ever stop working? "
        "Please email me back. Many thanks, [NAME]"
    )
    assert not long.abstained and long.safety is None
    # a page's title before a cancer type; "my wife" says the patient is an adult
    assert long.understood_as == "What are the side effects? (lapatinib, adult)"
    assert [s.text for s in long.answer] == [s.text for s in short.answer]
    assert long.suggestions[0] == "Also, does it ever stop working?"
    _check_citations(tiny_service, long)
    assert short.understood_as is None
