"""The pages over HTTP (TestClient, fake embedder, tiny corpora): chat without JavaScript, source
view, staff lookup and feedback, staff token, feedback API, headers and escaping."""

from __future__ import annotations

import html
import itertools
import logging
import re
from datetime import date
from pathlib import Path

import markupsafe
import pytest
from fastapi.testclient import TestClient

from service.store.database import SqliteDatabase
from service.store.feedback import FeedbackStore
from tests.web_support import EVIL, EVIL_TITLE, INJECTED_QUESTION, corpus_settings
from web.answer_view import source_href
from web.app import create_app
from web.lookup import corpus_options
from web.provenance import format_citation
from web.security import CSP

QUESTION = "What are the side effects of lapatinib?"


def esc(text: str) -> str:
    """Text as Jinja's autoescape writes it."""
    return str(markupsafe.escape(text))


@pytest.fixture
def app(tmp_path: Path, fake_embedder):  # type: ignore[no-untyped-def]
    return create_app(corpus_settings(tmp_path, fake_embedder, EVIL), fake_embedder)


@pytest.fixture
def client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app)


@pytest.fixture
def locked(tmp_path: Path, fake_embedder) -> TestClient:  # type: ignore[no-untyped-def]
    settings = corpus_settings(tmp_path, fake_embedder, staff_token="s3cret-token-for-tests")
    return TestClient(create_app(settings, fake_embedder))


def _plain(page: str) -> str:
    """The page with explained words shown as plain text (their links taken off)."""
    return re.sub(r'<a class="term"[^>]*>([^<]*)</a>', r"\1", page)


def _hidden(page: str, name: str) -> list[str]:
    return [html.unescape(v) for v in re.findall(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)]


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    responses = [
        client.get("/"),
        client.get("/doc/lapatinib"),
        client.get("/staff"),
        client.get("/static/site.css"),
        client.post("/api/ask", json={"question": QUESTION}),
        client.get("/doc/missing"),
    ]
    for r in responses:
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_pages_load_only_local_assets_and_no_inline_script_or_style(client: TestClient) -> None:
    pages = [
        client.get("/").text,
        client.post("/", data={"question": QUESTION}).text,
        client.get("/doc/lapatinib?hl=10-40").text,
        client.get("/staff?q=lapatinib").text,
        client.get("/staff/feedback").text,
    ]
    for page in pages:
        assert re.findall(r"<script(?![^>]*\bsrc=\"/static/)", page) == []
        assert "<style" not in page and " style=" not in page and " on" + "click=" not in page
        assets = re.findall(r'<(?:script|img|link)[^>]*(?:src|href)="([^"]+)"', page)
        assert assets and all(a.startswith("/static/") for a in assets), assets


def test_no_js_post_renders_the_cited_answer(client: TestClient) -> None:
    api = client.post("/api/ask", json={"question": QUESTION}).json()
    response = client.post("/", data={"question": QUESTION})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    page = _plain(response.text)
    for sentence in api["answer"]:
        assert esc(sentence["text"]) in page
    links = [html.unescape(h) for h in re.findall(r'<a class="cite" href="([^"]+)"', page)]
    # One marker after each run of sentences quoted from the same section.
    section = {c["n"]: (c["doc"], c["section"]) for c in api["citations"]}
    runs = [list(r) for _, r in itertools.groupby(api["answer"], key=lambda s: section[s["citation"]])]
    assert links == [source_href(api["citations"], run[0]["citation"]) for run in runs]
    assert len(links) < len(api["answer"])
    assert set(_hidden(page, "previous")) == {QUESTION}  # the chat form and the suggestions form
    assert _hidden(page, "source") == ["lapatinib|Side effects of lapatinib"]
    assert 'role="log"' in page and 'aria-live="polite"' in page


def test_no_js_follow_up_uses_the_previous_question(client: TestClient) -> None:
    page = _plain(client.post("/", data={"question": "what about side effects", "previous": "What is lapatinib?"}).text)
    assert "Answering: “side effects of lapatinib?”" in page
    assert set(_hidden(page, "previous")) == {"side effects of lapatinib?"}
    assert "Lapatinib can cause side effects." in page


def test_api_follow_up_reports_how_it_was_understood(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "what about side effects", "previous": "What is lapatinib?"}).json()
    assert body["understood_as"] == "side effects of lapatinib?"
    assert body["citations"][0]["section"] == "Side effects of lapatinib"
    plain = client.post("/api/ask", json={"question": QUESTION}).json()
    assert plain["understood_as"] is None


def test_a_long_message_shows_what_was_answered_and_offers_its_other_question(client: TestClient) -> None:
    message = (
        "Hello, my mother started lapatinib in June and I look after her. What are the side effects of it? "
        "Also, does it stop working after a while? Thanks, [NAME]"
    )
    body = client.post("/api/ask", json={"question": message}).json()
    # "of it" points back, so the sentence it points to goes with it; the greeting and name do not
    assert body["understood_as"] == "my mother started lapatinib in June and I look after her. What are the side effects of it?"
    assert body["suggestions"][0] == "Also, does it stop working after a while?"
    assert body["citations"][0]["section"] == "Side effects of lapatinib"
    page = client.post("/", data={"question": message}).text
    assert "Answering: “" in page and "Also, does it stop working after a while?" in page


def test_previous_question_is_never_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        client.post("/api/ask", json={"question": "and for children?", "previous": "Jane Roe has melanoma"})
        client.post("/", data={"question": "and for children?", "previous": "Jane Roe has melanoma"})
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert text.count("question_hmac=") == 2
    assert "Jane" not in text and "children" not in text


def test_no_js_bad_question_is_shown_as_an_error(client: TestClient) -> None:
    response = client.post("/", data={"question": "   "})
    assert response.status_code == 422
    assert '<p class="error" role="alert">question is empty</p>' in response.text


def test_source_view_marks_the_quoted_sentences(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    api = client.post("/api/ask", json={"question": QUESTION}).json()
    first, last = api["citations"][0], api["citations"][-1]
    page = _plain(client.get(f"/doc/lapatinib?hl={first['start']}-{first['end']}&hl={last['start']}-{last['end']}").text)
    assert f'<mark id="q-{first["start"]}">{esc(first["quote"])}</mark>' in page
    assert f'<mark id="q-{last["start"]}">{esc(last["quote"])}</mark>' in page
    assert page.count("<mark") == 3  # two quotes and the legend
    doc = app.state.qa.index.documents["lapatinib"]
    cited = next(i for i, s in enumerate(doc.sections) if s.start <= first["start"] < s.end)
    assert re.findall(r'<section id="sec-(\d+)" class="doc-section cited"', page) == [str(cited)]
    assert len(re.findall(r'<section id="sec-\d+"', page)) == len(doc.sections)
    assert '<a href="https://example.org/lapatinib" rel="external noreferrer">' in page


def test_source_view_errors_are_exact(client: TestClient) -> None:
    missing = client.get("/doc/nope")
    assert missing.status_code == 404
    assert '<p class="error" id="detail">no document &#39;nope&#39; in this index</p>' in missing.text
    bad = client.get("/doc/lapatinib?hl=9-3")
    assert bad.status_code == 422
    assert "hl=&#39;9-3&#39; is not valid: use START-END character offsets" in bad.text


def test_injection_in_questions_and_documents_is_rendered_as_text(client: TestClient) -> None:
    page = client.post("/", data={"question": INJECTED_QUESTION}).text
    assert esc(INJECTED_QUESTION) in page
    assert esc(EVIL_TITLE) in page  # the evil page is the cited source
    doc = client.get("/doc/evil").text
    staff = client.get("/staff?q=moles+change+shape").text
    for text in (page, doc, staff):
        assert "<script>window" not in text and "<img src=x" not in text and "<b>bold" not in text
        assert "javascript:" not in text
    assert f"<h1>{esc(EVIL_TITLE)}</h1>" in doc
    assert "<dd>Not given</dd>" in doc  # the javascript: URL is not linked
    assert esc(EVIL_TITLE) in staff and "NCI &lt;b&gt;bold&lt;/b&gt;" in staff


def test_staff_lookup_ranks_passages_with_filters_from_the_corpus(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    service = app.state.qa
    assert corpus_options(service) == {
        "cancer_type": ["breast", "skin"],
        "source": ["NCI", "NCI <b>bold</b>"],
        "audience": ["patient", "professional"],
    }
    page = client.get("/staff?q=lapatinib+side+effects").text
    expected = service.search("lapatinib side effects", None, k=10)
    assert re.findall(r'<li class="result" data-doc="([^"]+)">', page) == [p.doc for p in expected]
    assert re.findall(r'<span class="score">score (-?[0-9.]+)</span>', page) == [f"{p.score:.3f}" for p in expected]
    skin = client.get("/staff?q=lapatinib+side+effects&cancer_type=skin").text
    docs = re.findall(r'<li class="result" data-doc="([^"]+)">', skin)
    assert docs and {service.index.documents[d].meta.cancer_types for d in docs} == {("skin",)}
    assert '<option value="skin" selected>skin</option>' in skin
    bad = client.get("/staff?q=x&cancer_type=lung")
    assert bad.status_code == 422
    assert "cancer_type=&#39;lung&#39; is not in this corpus; choose one of: breast, skin" in bad.text


class _Today(date):
    @classmethod
    def today(cls) -> date:
        return date(2026, 11, 23)


def _results(page: str) -> dict[str, str]:
    """Each staff lookup result's HTML by its document (the first result of a document)."""
    found: dict[str, str] = {}
    for part in page.split('<li class="result" data-doc="')[1:]:
        doc, _, rest = part.partition('">')
        found.setdefault(doc, rest.split("</ol>")[0])
    return found


def test_staff_lookup_flags_reviews_and_offers_copy_with_citation(
    client: TestClient, app, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr("web.lookup.date", _Today)
    page = client.get("/staff?q=moles+melanoma+lapatinib").text
    results = _results(page)
    assert set(results) == {"evil", "melanoma", "lapatinib"}
    assert '<strong class="flag">Review overdue</strong>' in results["evil"]  # reviewed 2019-01-01
    assert '<strong class="flag">Review date missing</strong>' in results["melanoma"]
    assert 'class="flag"' not in results["lapatinib"]
    assert '<span class="badge professional">Health professional</span>' in results["evil"]
    docs = app.state.qa.index.documents
    copied = [html.unescape(c) for c in re.findall(r'data-copy="([^"]*)"', results["lapatinib"])]
    section = html.unescape(re.search(r'<p class="result-section">(.*?)</p>', results["lapatinib"]).group(1))  # type: ignore[union-attr]
    citation = format_citation(docs["lapatinib"].meta, section)
    assert len(copied) == 1 and copied[0].endswith(f"\n\n{citation}")
    assert [html.unescape(c) for c in re.findall(r'data-citation="([^"]*)"', results["lapatinib"])] == [citation]


def test_staff_pages_need_the_token_when_it_is_set(locked: TestClient) -> None:
    for path in ("/staff", "/staff/feedback", "/staff?q=lapatinib"):
        response = locked.get(path)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == 'Bearer realm="staff"'
        assert "staff token required: send &#39;Authorization: Bearer &lt;token&gt;&#39;" in response.text
        assert 'name="token" type="password"' in response.text
        assert locked.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert locked.get(path, headers={"Authorization": "Bearer s3cret-token-for-tests"}).status_code == 200
    assert locked.get("/").status_code == 200  # the chat stays public


def test_staff_login_sets_a_session_cookie_that_is_not_the_token(locked: TestClient) -> None:
    wrong = locked.post("/staff/login", data={"token": "nope"}, follow_redirects=False)
    assert wrong.status_code == 401 and "That token is not right." in wrong.text
    right = locked.post("/staff/login", data={"token": "s3cret-token-for-tests"}, follow_redirects=False)
    assert right.status_code == 303 and right.headers["location"] == "/staff"
    assert "Path=/;" in right.headers["set-cookie"]  # the session reaches POST /api/search too
    locked.cookies.clear()  # the cookie path is "/": the client would send it with every request below
    cookie = right.cookies["qa_staff"]
    assert cookie and "s3cret" not in cookie
    assert "HttpOnly" in right.headers["set-cookie"] and "SameSite=strict" in right.headers["set-cookie"]
    signed_in = locked.get("/staff/feedback", cookies={"qa_staff": cookie})
    assert signed_in.status_code == 200 and "Sign out" in signed_in.text
    assert locked.get("/staff", cookies={"qa_staff": cookie + "x"}).status_code == 401
    again = locked.post("/staff/login", data={"token": "s3cret-token-for-tests"}, follow_redirects=False)
    assert again.cookies["qa_staff"] != cookie  # a new random session at every sign-in
    locked.cookies.clear()
    out = locked.post("/staff/logout", cookies={"qa_staff": cookie}, follow_redirects=False)
    assert out.status_code == 303
    assert locked.get("/staff", cookies={"qa_staff": cookie}).status_code == 401  # revoked, not just deleted
    assert locked.get("/staff", cookies={"qa_staff": again.cookies["qa_staff"]}).status_code == 200


def test_staff_tokens_must_be_long() -> None:
    from core.errors import ConfigError
    from core.settings import load_settings

    with pytest.raises(ConfigError, match=r"^QA_STAFF_TOKEN=<hidden> is not valid: Value error, must be at least 16"):
        load_settings(staff_token="short")


def test_feedback_api_stores_the_question_only_when_shared(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    store: FeedbackStore = app.state.feedback
    sources = [{"doc": "lapatinib", "section": "Side effects of lapatinib"}]
    first = client.post(
        "/api/feedback", json={"rating": "down", "reason": "too short", "sources": sources, "question": QUESTION}
    )
    assert first.status_code == 201 and first.json() == {"id": 1, "question_stored": False}
    second = client.post(
        "/api/feedback", json={"rating": "up", "sources": sources, "question": QUESTION, "share_question": True}
    )
    assert second.json() == {"id": 2, "question_stored": True}
    stored = store.recent()
    assert [(f.id, f.rating, f.reason, f.question, f.sources) for f in stored] == [
        (2, "up", None, QUESTION, (("lapatinib", "Side effects of lapatinib"),)),
        (1, "down", "too short", None, (("lapatinib", "Side effects of lapatinib"),)),
    ]
    bad = client.post("/api/feedback", json={"rating": "meh"})
    assert bad.status_code == 422 and bad.json() == {"detail": "rating must be 'up' or 'down', not 'meh'"}
    listing = client.get("/staff/feedback").text
    assert "1 helpful, 1 not helpful." in listing
    assert f"<td>{esc(QUESTION)}</td>" in listing and '<span class="muted">not shared</span>' in listing
    assert "<td>too short</td>" in listing


def test_no_js_feedback_form_is_stored(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    page = client.post("/", data={"question": QUESTION}).text
    form = {"rating": "down", "reason": "wanted more", "question": _hidden(page, "question")[0],
            "source": _hidden(page, "source")}
    response = client.post("/feedback", data=form)
    assert response.status_code == 200 and "Thank you. Your feedback was saved." in response.text
    (stored,) = app.state.feedback.recent()
    assert (stored.rating, stored.reason, stored.question) == ("down", "wanted more", None)
    assert stored.sources == (("lapatinib", "Side effects of lapatinib"),)
    shared = client.post("/feedback", data={**form, "share_question": "yes"})
    assert shared.status_code == 200 and app.state.feedback.recent()[0].question == QUESTION
    bad = client.post("/feedback", data={**form, "rating": ""})
    assert bad.status_code == 422 and "rating must be &#39;up&#39; or &#39;down&#39;, not &#39;&#39;" in bad.text


def test_review_age_comes_from_the_settings(
    tmp_path: Path, fake_embedder, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr("web.lookup.date", _Today)
    settings = corpus_settings(tmp_path, fake_embedder, review_max_age_days=1)
    page = TestClient(create_app(settings, fake_embedder)).get("/staff?q=lapatinib").text
    results = dict(re.findall(r'<li class="result" data-doc="([^"]+)">(.*?)</li>', page, re.S))
    assert '<strong class="flag">Review overdue</strong>' in results["lapatinib"]  # reviewed 2026-01-05


def test_scripts_use_no_html_sinks() -> None:
    static = Path(__file__).resolve().parent.parent / "web" / "static"
    scripts = sorted(static.glob("*.js"))
    assert [p.name for p in scripts] == ["chat.js", "staff.js"]
    for script in scripts:
        code = "\n".join(line for line in script.read_text().splitlines() if not line.lstrip().startswith("//"))
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in code, f"{script.name} uses {sink}"


def test_feedback_endpoint_and_new_fields_are_in_the_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/feedback" in schema["paths"]
    components = schema["components"]["schemas"]
    assert "previous" in components["AskRequest"]["properties"]
    assert "understood_as" in components["AskResponse"]["properties"]
    assert set(components["FeedbackRequest"]["properties"]) == {
        "rating", "reason", "sources", "share_question", "question"
    }


def test_no_js_answer_links_the_full_section_and_shows_its_reading_grade(client: TestClient) -> None:
    api = client.post("/api/ask", json={"question": QUESTION}).json()
    page = client.post("/", data={"question": QUESTION}).text
    assert api["read_more"].startswith("/doc/lapatinib#sec-")
    assert f'<a href="{api["read_more"]}">Read the full section</a>' in page
    words = "Easy to read" if api["reading_grade"] <= 8 else "Some medical words"
    assert f'title="Reading level: US school grade {api["reading_grade"]:.1f}">{words}' in page


def test_no_js_urgent_reply_shows_the_care_team_box_first_and_the_answer_under_it(client: TestClient) -> None:
    question = "I've had diarrhea 8 times today on lapatinib. What are the side effects of lapatinib?"
    api = client.post("/api/ask", json={"question": question}).json()
    assert api["safety"] == "urgent" and api["answer"]
    page = _plain(client.post("/", data={"question": question}).text)
    box = page.index('<div class="care-now" role="alert">')
    assert page.index("Call your care team now") < box < page.index("General information") < page.index(
        esc(api["answer"][0]["text"])
    )
    assert '<a class="tel" href="tel:911" aria-label="Call 911">911</a>' in page[box:]


def test_someone_hurt_at_home_gets_the_safety_lines_as_tel_links_before_any_answer(client: TestClient) -> None:
    question = "My son takes her pension and slaps her when she asks for it. What are the side effects of lapatinib?"
    api = client.post("/api/ask", json={"question": question}).json()
    assert api["safety"] == "crisis" and api["answer"] == []
    page = client.post("/", data={"question": question}).text
    links = {href for href in re.findall(r'<a class="tel" href="(tel:[^"]+)"', page)}
    assert {"tel:911", "tel:+18007997233", "tel:+18006771116", "tel:988"} <= links


def test_every_phone_number_on_the_chat_page_is_a_tel_link(client: TestClient) -> None:
    page = client.post("/", data={"question": "i want to kill myself"}).text
    links = re.findall(r'<a class="tel" href="(tel:[^"]+)" aria-label="([^"]+)">([^<]+)</a>', page)
    assert {(href, text) for href, _, text in links} >= {("tel:988", "988"), ("tel:911", "911"),
                                                       ("tel:+18004226237", "1-800-4-CANCER")}
    assert all(label.startswith("Call") for _, label, _ in links)
    text_only = re.sub(r"<a [^>]*>[^<]*</a>", "", page)
    assert not re.search(r"\b(?:911|988)\b|1-800-4-CANCER", re.sub(r"<[^>]+>", "", text_only))


def test_posts_from_another_site_are_refused(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    from web.security import CROSS_SITE

    form = {"rating": "up", "question": "q"}
    for headers in (
        {"origin": "https://evil.example"},
        {"referer": "https://evil.example/page.html"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site", "origin": "https://sub.testserver"},
        {"origin": "null"},
    ):
        for path, kwargs in (("/feedback", {"data": form}), ("/staff/login", {"data": {"token": "x"}}),
                             ("/", {"data": {"question": "What is lapatinib?"}}),
                             ("/api/ask", {"json": {"question": "What is lapatinib?"}})):
            refused = client.post(path, headers=headers, **kwargs)
            assert (refused.status_code, refused.json()) == (403, {"detail": CROSS_SITE}), (path, headers)
    assert app.state.feedback.recent() == []
    same = client.post("/api/ask", json={"question": "What is lapatinib?"}, headers={"origin": "http://testserver"})
    assert same.status_code == 200
    # Chromium sends Origin: null under our no-referrer policy, with Sec-Fetch-Site: same-origin.
    own_form = {"sec-fetch-site": "same-origin", "origin": "null"}
    assert client.post("/", data={"question": "What is lapatinib?"}, headers=own_form).status_code == 200


def test_the_access_log_never_shows_a_query_string(app) -> None:  # type: ignore[no-untyped-def]
    import logging as stdlib_logging

    access = stdlib_logging.getLogger("uvicorn.access")
    record = access.makeRecord(
        "uvicorn.access", stdlib_logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/staff?q=jane+roe+lump", "1.1", 200), None,
    )
    assert all(f.filter(record) for f in access.filters)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /staff HTTP/1.1" 200'


def test_feedback_is_kept_for_the_retention_period_and_paged(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from service.store.feedback import Retention, new_feedback
    from web.staff import PAGE_SIZE

    store = FeedbackStore(SqliteDatabase(tmp_path / "fb.sqlite3"))
    now = datetime(2026, 11, 30, tzinfo=UTC)
    store.add(new_feedback("down", reason="old", now=now - timedelta(days=400)))
    for i in range(PAGE_SIZE + 5):
        store.add(new_feedback("up", reason=f"r{i}", now=now - timedelta(minutes=i)))
    clock = [now]
    retention = Retention(store, 365, clock=lambda: clock[0])
    assert retention.run() == 1 and retention.run() == 0  # once a day at most
    assert "old" not in {f.reason for f in store.recent(1000)}
    clock[0] += timedelta(days=2)
    assert retention.run() == 0  # nothing else is that old yet

    settings = corpus_settings(tmp_path / "site", fake_embedder)
    app = create_app(settings, fake_embedder)
    for i in range(PAGE_SIZE + 5):
        app.state.feedback.add(new_feedback("up", reason=f"reason {i}"))
    client = TestClient(app)
    first = client.get("/staff/feedback").text
    assert first.count('class="rating-up"') == PAGE_SIZE and "reason 54" in first and "reason 4<" not in first
    assert 'href="/staff/feedback?page=2" rel="next"' in first and "kept 365 days" in first
    second = client.get("/staff/feedback?page=2").text
    assert second.count('class="rating-up"') == 5 and 'rel="prev"' in second and 'rel="next"' not in second
    assert client.get("/staff/feedback?page=0").status_code == 422


HELP_PAGE = {
    "help-line.md": """
        ---
        title: Getting help
        url: https://example.org/help
        ---
        # Getting help

        ## Talking to someone

        You can call the Cancer Information Service at 1-800-4-CANCER to talk with a specialist.
        """,
}


def test_without_javascript_the_call_link_is_focused_first_and_spanish_is_marked(client: TestClient) -> None:
    emergency = client.post("/", data={"question": "My husband has chest pain and can't breathe"}).text
    first_tel = re.search(r'<a class="tel"[^>]*>', emergency.split('class="msg bot', 1)[1])
    assert first_tel is not None and "autofocus" in first_tel.group(0) and 'href="tel:911"' in first_tel.group(0)
    assert emergency.count("autofocus") == 1
    spanish = client.post("/", data={"question": "¿Cuáles son los efectos secundarios del lapatinib?"}).text
    assert '<p class="message" lang="es">' in spanish and '<span lang="es">Ayuda en español</span>' in spanish
    assert 'href="tel:988"' in spanish.split('lang="es"', 1)[1]
    emergencia = client.post("/", data={"question": "mi esposo tiene cancer y no puede respirar"}).text
    box = emergencia.split('class="msg bot', 1)[1]
    assert '<span lang="es">Busque ayuda ahora</span>' in box and '<p class="message" lang="es">' in box
    first_tel = re.search(r'<a class="tel"[^>]*>', box)
    assert first_tel is not None and 'href="tel:911"' in first_tel.group(0) and "autofocus" in first_tel.group(0)
    urgente = client.post("/", data={"question": "Mi hija tiene leucemia y fiebre de 38.6 después de la quimio"}).text
    assert "Llame ahora a su equipo de atención" in urgente and 'role="alert"><p class="message" lang="es">' in urgente
    answer = client.post("/", data={"question": QUESTION}).text
    assert "autofocus" not in answer and 'id="banner" hidden' in answer
    assert 'id="banner" hidden' not in client.get("/").text  # said before the first answer


def test_phone_numbers_in_quoted_text_are_tel_links_in_the_source_view_and_staff_lookup(
    tmp_path: Path, fake_embedder  # type: ignore[no-untyped-def]
) -> None:
    settings = corpus_settings(tmp_path, fake_embedder, HELP_PAGE, rate_limit="off")
    client = TestClient(create_app(settings, fake_embedder))
    link = '<a class="tel" href="tel:+18004226237" aria-label="Call NCI&#39;s Cancer Information Service, 1-800-422-6237">1-800-4-CANCER</a>'
    assert link in client.get("/doc/help-line").text
    assert link in client.get("/staff", params={"q": "talk with a specialist"}).text


def test_explained_words_link_to_their_meaning_in_the_chat_and_the_source_view(client: TestClient) -> None:
    api = client.post("/api/ask", json={"question": QUESTION}).json()
    assert api["glossary"], "the tiny corpus defines lapatinib and the answer uses it"
    item = api["glossary"][0]
    page = client.post("/", data={"question": QUESTION}).text
    term = f'<a class="term" href="#a1-w-0" title="{esc(item["definition"])}">{esc(item["term"])}</a>'
    assert term in page and f'<dt id="a1-w-0">{esc(item["term"])}</dt>' in page
    assert "<summary>Words explained (" in page
    doc = client.get("/doc/lapatinib").text
    assert '<summary>Words explained on this page (' in doc and '<a class="term" href="#w-0"' in doc
    defined_at = doc.index('<dt id="w-0">')
    assert doc.index('<a class="term" href="#w-0"') > defined_at  # the list comes first, then the text
