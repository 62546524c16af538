from __future__ import annotations

import pytest

from cancer_qa.errors import BadQuestionError
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
