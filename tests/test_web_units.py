"""Pure pieces of the web layer: provenance, answer layout, highlights, feedback records."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.errors import BadFeedbackError, BadParameterError
from ingest.model import Document, Metadata, Section, Sentence
from service.store.feedback import Feedback, new_feedback
from web.answer_view import answer_view, next_previous, number_label, reply_kind, source_href
from web.provenance import format_citation, http_url, review_status
from web.source import Block, SectionView, Segment, parse_highlights, section_views

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("reviewed", "expected"),
    [
        ("2026-03-15", "current"),
        ("2023-11-24", "current"),  # 1095 days ago
        ("2023-11-23", "overdue"),  # 1096 days ago
        ("2019-01-01", "overdue"),
        (None, "missing"),
        ("", "missing"),
        ("last spring", "missing"),
    ],
)
def test_review_status(reviewed: str | None, expected: str) -> None:
    assert review_status(reviewed, TODAY, 1095) == expected


def test_format_citation() -> None:
    meta = Metadata(
        title="Lapatinib for HER2-Positive Breast Cancer",
        url="https://www.cancer.gov/lapatinib",
        source="NCI",
        last_reviewed="2026-03-15",
    )
    assert format_citation(meta, "What are the side effects of lapatinib?") == (
        "Lapatinib for HER2-Positive Breast Cancer. What are the side effects of lapatinib? NCI. "
        "https://www.cancer.gov/lapatinib. Last reviewed 2026-03-15."
    )
    assert format_citation(Metadata(title="Moles", url="javascript:x()"), "Moles that change") == (
        "Moles. Moles that change. Review date not given."
    )


def test_http_url() -> None:
    assert http_url("https://www.cancer.gov/x") and http_url("HTTP://example.org")
    assert not http_url("javascript:alert(1)") and not http_url(None) and not http_url("/doc/x")


def test_number_label() -> None:
    assert number_label([1, 2, 3, 5]) == "1–3, 5"
    assert number_label([4]) == "4"
    assert number_label([7, 6, 9, 10]) == "6–7, 9–10"


CITATIONS = [
    {"n": 1, "doc": "lapatinib", "section": "Side effects", "start": 40, "end": 80, "title": "L", "quote": "a"},
    {"n": 2, "doc": "melanoma", "section": "Treatment", "start": 5, "end": 9, "title": "M", "quote": "b"},
    {"n": 3, "doc": "lapatinib", "section": "Side effects", "start": 10, "end": 30, "title": "L", "quote": "c"},
]


def test_source_href_highlights_every_quote_of_the_page_and_targets_the_cited_one() -> None:
    assert source_href(CITATIONS, 1) == "/doc/lapatinib?hl=10-30&hl=40-80#q-40"
    assert source_href(CITATIONS, 3) == "/doc/lapatinib?hl=10-30&hl=40-80#q-10"
    assert source_href(CITATIONS, 2) == "/doc/melanoma?hl=5-9#q-5"


def test_answer_view_groups_sentences_and_sources() -> None:
    data = {
        "answer": [
            {"text": "Lead in:", "citation": 1, "list_item": False},
            {"text": "Item one.", "citation": 3, "list_item": True},
            {"text": "Other page.", "citation": 2, "list_item": False},
        ],
        "citations": CITATIONS,
        "abstained": False,
        "safety": None,
        "suggestions": ["a?", "b?", "c?", "d?"],
    }
    view = answer_view(data)
    assert [(g["is_list"], [s["n"] for s in g["sentences"]]) for g in view["groups"]] == [
        (False, [1]),
        (True, [3]),
        (False, [2]),
    ]
    assert [(s["doc"], s["label"], s["href"]) for s in view["sources"]] == [
        ("lapatinib", "1, 3", "/doc/lapatinib?hl=10-30&hl=40-80#q-40"),
        ("melanoma", "2", "/doc/melanoma?hl=5-9#q-5"),
    ]
    assert view["refs"] == ["lapatinib|Side effects", "melanoma|Treatment"]
    assert view["suggestions"] == ["a?", "b?", "c?"]
    assert view["parts"] == []
    assert view["kind"] == "answered" and view["urgent"] is False


def test_answer_view_lays_out_each_other_question_under_its_own_heading() -> None:
    part = {
        "question": "And how is it treated?",
        "answer": [{"text": "Other page.", "citation": 2, "list_item": False}],
        "read_more": "https://elsewhere.example/x",
        "more_in_section": True,
    }
    data = {"answer": [{"text": "Lead in:", "citation": 1}], "citations": CITATIONS, "parts": [part]}
    (shown,) = answer_view(data)["parts"]
    assert shown["question"] == "And how is it treated?"
    (group,) = shown["groups"]
    assert group["is_list"] is False and [s["text"] for s in group["sentences"]] == ["Other page."]
    assert group["sentences"][0]["mark"] == {"label": "2", "href": "/doc/melanoma?hl=5-9#q-5"}
    assert shown["read_more"] is None  # only links to our own source view
    assert shown["more_in_section"] is True


def test_sentences_from_one_section_share_one_marker_at_the_end_of_their_run() -> None:
    citations = [
        {"n": 1, "doc": "a", "section": "S", "start": 0, "end": 5},
        {"n": 2, "doc": "a", "section": "S", "start": 6, "end": 9},
        {"n": 3, "doc": "a", "section": "S", "start": 10, "end": 14},
        {"n": 4, "doc": "b", "section": "T", "start": 0, "end": 4},
        {"n": 5, "doc": "a", "section": "S", "start": 20, "end": 24},
    ]
    answer = [
        {"text": "Lead in:", "citation": 1},
        {"text": "One", "citation": 2, "list_item": True},
        {"text": "Two", "citation": 3, "list_item": True},
        {"text": "Elsewhere.", "citation": 4},
        {"text": "Back again. Call 1-800-4-CANCER.", "citation": 5},
    ]
    view = answer_view({"answer": answer, "citations": citations})
    marks = [s["mark"] and s["mark"]["label"] for g in view["groups"] for s in g["sentences"]]
    assert marks == [None, None, "1–3", "4", "5"]  # a run may cross from a lead-in into its list
    first_run = view["groups"][1]["sentences"][1]["mark"]
    assert first_run["href"] == "/doc/a?hl=0-5&hl=6-9&hl=10-14&hl=20-24#q-0"
    assert [p["tel"] for p in view["groups"][2]["sentences"][1]["parts"]] == [None, "tel:+18004226237", None]


@pytest.mark.parametrize(("grade", "words"), [(6.1, "Easy to read"), (8.0, "Easy to read"), (9.4, "Some medical words")])
def test_the_reading_level_is_said_in_plain_words_with_the_grade_kept(grade: float, words: str) -> None:
    view = answer_view({"answer": [], "citations": [], "reading_grade": grade})
    assert view["reading"] == {"words": words, "grade": f"US school grade {grade:.1f}"}
    assert answer_view({"answer": [], "citations": []})["reading"] is None


@pytest.mark.parametrize(
    ("safety", "abstained", "kind"),
    [("emergency", True, "safety emergency"), ("crisis", True, "safety crisis"),
     ("urgent", False, "urgent"), ("personal_advice", False, "advice"), (None, True, "abstain"),
     (None, False, "answered")],
)
def test_reply_kind(safety: str | None, abstained: bool, kind: str) -> None:
    assert reply_kind({"safety": safety, "abstained": abstained}) == kind


def test_next_previous_is_dropped_after_an_emergency_or_crisis() -> None:
    assert next_previous("is it curable?", {"understood_as": "is melanoma curable?"}) == "is melanoma curable?"
    assert next_previous("What is melanoma?", {"understood_as": None}) == "What is melanoma?"
    assert next_previous("he is not breathing", {"safety": "emergency"}) == ""
    assert next_previous("I want to die", {"safety": "crisis"}) == ""


def test_parse_highlights() -> None:
    assert parse_highlights(["40-80", "10-30", "40-80"], 100) == ((10, 30), (40, 80))
    assert parse_highlights([], 100) == ()
    for bad in ("abc", "30-10", "5-5", "10-101", "-3-4", "1-2-3"):
        with pytest.raises(BadParameterError) as err:
            parse_highlights([bad], 100)
        assert str(err.value) == (
            f"hl={bad!r} is not valid: use START-END character offsets with 0 <= START < END <= 100 "
            "(this document's length)"
        )
    with pytest.raises(BadParameterError, match=r"^too many hl values \(51; the limit is 50\)$"):
        parse_highlights(["1-2"] * 51, 100)


def _doc() -> Document:
    text = "Title\n\nIntro\n\nFirst sentence. Second one.\nList lead:\nItem A.\nItem B.\n\nOther\n\nLast one."
    first = text.index("First")
    second = text.index("Second")
    lead = text.index("List lead:")
    a, b = text.index("Item A."), text.index("Item B.")
    last = text.index("Last one.")
    return Document(
        id="d",
        path="d.md",
        kind="markdown",
        meta=Metadata(title="Title"),
        text=text,
        sections=(Section("Intro", first, b + len("Item B.")), Section("Other", last, len(text))),
        sentences=(
            Sentence(0, first, first + len("First sentence.")),
            Sentence(0, second, second + len("Second one.")),
            Sentence(0, lead, lead + len("List lead:")),
            Sentence(0, a, a + len("Item A."), item=True),
            Sentence(0, b, b + len("Item B."), item=True),
            Sentence(1, last, len(text)),
        ),
    )


def test_section_views_split_paragraphs_lists_and_marks() -> None:
    doc = _doc()
    second = doc.text.index("Second")
    a = doc.text.index("Item A.")
    views = section_views(doc, ((second, second + len("Second one.")), (a, a + len("Item A."))))
    intro, other = views
    assert intro.marked is True and other.marked is False
    assert [b.is_list for b in intro.blocks] == [False, False, True]
    assert intro.blocks[0].lines == (
        (Segment("First sentence. "), Segment("Second one.", True, f"q-{second}")),
    )
    assert intro.blocks[1].lines == ((Segment("List lead:"),),)
    assert intro.blocks[2].lines == ((Segment("Item A.", True, f"q-{a}"),), (Segment("Item B."),))
    assert other == SectionView(1, "Other", (Block(False, ((Segment("Last one."),),)),), False)


def test_explained_words_sit_inside_their_segment_and_never_split_a_highlight() -> None:
    doc = _doc()
    second = doc.text.index("Second")
    words = [{"start": second, "end": second + len("Second"), "term": "Second", "definition": "d"},
             {"start": doc.text.index("sentence"), "end": doc.text.index("sentence") + 8, "term": "s", "definition": "e"}]
    intro = section_views(doc, ((second, second + len("Second one.")),), words)[0]
    assert intro.blocks[0].lines == (
        (Segment("First sentence. ", terms=((6, 14, 1),)), Segment("Second one.", True, f"q-{second}", ((0, 6, 0),))),
    )


def test_the_answer_view_marks_each_explained_word_once_and_lists_it() -> None:
    data = {
        "answer": [{"text": "A biopsy helps. Another biopsy.", "citation": 1}],
        "citations": CITATIONS,
        "glossary": [{"term": "biopsy", "definition": "removing some tissue", "doc": "melanoma", "start": 5,
                      "end": 9, "kind": "gloss", "title": "M", "url": None,
                      "occurs": [{"sentence": 0, "start": 2, "end": 8, "part": None},
                                 {"sentence": 0, "start": 24, "end": 30, "part": None}]}],
    }  # fmt: skip
    view = answer_view(data)
    parts = view["groups"][0]["sentences"][0]["parts"]
    assert [(p["text"], p.get("term")) for p in parts] == [("A ", None), ("biopsy", 0), (" helps. Another biopsy.", None)]
    assert parts[1]["definition"] == "removing some tissue"
    assert view["words"] == [{"n": 0, "term": "biopsy", "definition": "removing some tissue", "title": "M",
                              "href": "/doc/melanoma?hl=5-9#q-5"}]  # fmt: skip


def test_new_types_round_trip() -> None:
    view = section_views(_doc(), ((10, 30),))[0]
    assert SectionView.from_dict(view.to_dict()) == view
    block = view.blocks[0]
    assert Block.from_dict(block.to_dict()) == block
    assert Segment.from_dict(Segment("x", True, "q-1").to_dict()) == Segment("x", True, "q-1")
    with_word = Segment("a biopsy was done", False, None, ((2, 8, 0),))
    assert Segment.from_dict(with_word.to_dict()) == with_word
    assert with_word.pieces() == [("a ", None), ("biopsy", 0), (" was done", None)]
    feedback = Feedback("down", "2026-11-23T10:00:00+00:00", "why", (("d", "S"),), "q?", 3)
    assert Feedback.from_dict(feedback.to_dict()) == feedback


NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


def test_new_feedback_keeps_the_question_only_when_shared() -> None:
    kept = new_feedback("up", " clear ", [("d", "S")], " my  question ", share_question=True, now=NOW)
    assert kept == Feedback("up", "2026-11-23T10:30:00+00:00", "clear", (("d", "S"),), "my question")
    dropped = new_feedback("down", "", [], "my question", share_question=False, now=NOW)
    assert dropped == Feedback("down", "2026-11-23T10:30:00+00:00", None, (), None)


@pytest.mark.parametrize(
    ("kwargs", "detail"),
    [
        ({"rating": "meh"}, "rating must be 'up' or 'down', not 'meh'"),
        ({"rating": ""}, "rating must be 'up' or 'down', not ''"),
        ({"rating": "up", "reason": "x" * 1001}, "reason is too long (1001 characters; the limit is 1000)"),
        ({"rating": "up", "sources": [("d", "s")] * 21}, "too many sources (21; the limit is 20)"),
        ({"rating": "up", "share_question": True}, "share_question is set but no question was sent"),
        (
            {"rating": "up", "share_question": True, "question": "q" * 2001},
            "question is too long (2001 characters; the limit is 2000)",
        ),
    ],
)
def test_new_feedback_rejects_bad_input(kwargs: dict, detail: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(BadFeedbackError) as err:
        new_feedback(**kwargs)
    assert str(err.value) == detail


def test_phone_numbers_become_tel_segments_with_accessible_names() -> None:
    from web.answer_view import phone_segments

    parts = phone_segments("Call 911 now, text 988 (988lifeline.org), or 1-800-4-CANCER (1-800-422-6237).")
    links = [(p["text"], p["tel"], p["label"]) for p in parts if p["tel"]]
    assert links == [
        ("911", "tel:911", "Call 911"),
        ("988", "tel:988", "Call or text 988, the Suicide and Crisis Lifeline"),
        ("1-800-4-CANCER (1-800-422-6237)", "tel:+18004226237", "Call NCI's Cancer Information Service, 1-800-422-6237"),
    ]
    assert "".join(p["text"] or "" for p in parts) == (
        "Call 911 now, text 988 (988lifeline.org), or 1-800-4-CANCER (1-800-422-6237)."
    )
    assert phone_segments(None) == [] and phone_segments("no numbers") == [{"text": "no numbers", "tel": None, "label": None}]


def test_server_connections_send_small_responses_at_once() -> None:
    import socket
    from unittest.mock import MagicMock

    from uvicorn.config import Config
    from uvicorn.server import ServerState

    from web.serving import NoDelayHTTP

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # proto 0, as uvicorn binds for workers
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    try:
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0  # what asyncio leaves alone
        config = Config(app=MagicMock(), factory=False)
        config.load()
        transport = MagicMock()
        transport.get_extra_info.side_effect = lambda name, default=None: {
            "socket": accepted, "sockname": accepted.getsockname(), "peername": accepted.getpeername()
        }.get(name, default)
        NoDelayHTTP(config=config, server_state=ServerState(), app_state={}).connection_made(transport)
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        for s in (client, accepted, listener):
            s.close()


def test_each_server_process_answers_a_few_questions_at_a_time(tiny_settings, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    import anyio.to_thread
    from fastapi.testclient import TestClient

    from web.app import create_app
    from web.serving import ANSWER_THREADS

    with TestClient(create_app(tiny_settings, fake_embedder)) as client:
        limit = client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)  # type: ignore[union-attr]
        assert limit == ANSWER_THREADS < 40  # anyio's default
        assert client.post("/api/ask", json={"question": "What is lapatinib?"}).status_code == 200
