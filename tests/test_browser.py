"""Browser tests: Playwright driving Debian's Chromium against live uvicorn servers.

Two servers: the demo corpus with the real model (shared with the integration tests' session
index), and a tiny corpus with the fake embedder that holds an injection page and needs a staff
token. Screenshots go to ``var/screenshots/``; the axe-core results to ``var/reports/axe.json``.
The browser and the demo server are shared with ``test_browser_staff.py`` (``browser_support.py``).
Skipped, with the reason, when ``/usr/bin/chromium`` is absent (``apt-get install chromium``).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from index.search import Filters
from tests.browser_support import CHROMIUM, REPORTS, SHOTS
from tests.conftest import FakeEmbedder
from tests.web_support import EVIL, EVIL_TITLE, INJECTED_QUESTION, corpus_settings, live_server
from web.answer_view import number_label
from web.provenance import format_citation

TOKEN = "staff-browser-token"
QUESTION = "What are the side effects of lapatinib?"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"),
]
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="session")
def evil(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """The tiny corpus plus an injection page, fake embedder, staff token set."""
    from web.app import create_app

    embedder = FakeEmbedder()
    settings = corpus_settings(tmp_path_factory.mktemp("web-evil"), embedder, EVIL, staff_token=TOKEN)
    app = create_app(settings, embedder)
    with live_server(app) as url:
        yield url, app


@pytest.fixture
def page(browser) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """A fresh page; fails the test on any console error (a CSP violation shows up there)."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    errors: list[str] = []
    expected = "Failed to load resource: the server responded with a status of 401"  # staff sign-in page
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" and expected not in m.text else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield tab
    context.close()
    assert errors == []


def ask(tab: Any, question: str) -> Any:
    """Type a question into the chat and wait for its answer box; returns the box."""
    count = tab.locator(".msg.bot").count()
    tab.fill("#question", question)
    tab.press("#question", "Enter")
    box = tab.locator(".msg.bot").nth(count)
    box.wait_for()
    return box


def api_answer(url: str, question: str, previous: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"question": question, "previous": previous}
    response = httpx.post(f"{url}/api/ask", json=body, timeout=60)
    response.raise_for_status()
    return response.json()  # type: ignore[no-any-return]


def _runs(answer: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The answer's sentences in runs quoted from one section (each run gets one marker)."""
    section = {c["n"]: (c["doc"], c["section"]) for c in answer["citations"]}
    return [list(r) for _, r in itertools.groupby(answer["answer"], key=lambda s: section[s["citation"]])]


def in_viewport(tab: Any, selector: str) -> bool:
    return bool(
        tab.eval_on_selector(
            selector,
            "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }",
        )
    )


@pytest.mark.integration
def test_ask_shows_a_cited_answer(page: Any, demo: tuple[str, Any]) -> None:
    url, _ = demo
    expected = api_answer(url, QUESTION)
    page.goto(url + "/")
    assert page.get_attribute("#log", "role") == "log" and page.get_attribute("#log", "aria-live") == "polite"
    box = ask(page, QUESTION)
    shown = box.evaluate(
        """box => { const c = box.cloneNode(true); c.querySelectorAll("sup, .term-tip").forEach(s => s.remove());
        return Array.from(c.querySelectorAll(".answer-text, .answer-list li"))
          .map(e => e.textContent).join(" ").replace(/\\s+/g, " ").trim(); }"""
    )
    assert shown == " ".join(" ".join(s["text"] for s in expected["answer"]).split())
    links = box.locator("a.cite")  # one marker per run of sentences from one section
    assert [links.nth(i).text_content() for i in range(links.count())] == [
        f"Source [{number_label([s['citation'] for s in run])}]" for run in _runs(expected)
    ]
    titles = box.locator(".sources .entry > a").all_inner_texts()
    assert titles == list(dict.fromkeys(c["title"] for c in expected["citations"]))
    assert box.locator(".notice").inner_text() == f"Note {expected['notice']}"
    assert box.locator(".more a").get_attribute("href") == expected["read_more"]
    grade = box.locator(".more .grade")
    assert grade.get_attribute("title") == f"Reading level: US school grade {expected['reading_grade']:.1f}"
    words = "Easy to read" if expected["reading_grade"] <= 8 else "Some medical words"
    assert grade.text_content() == f"{words} (reading level: US school grade {expected['reading_grade']:.1f})"
    assert box.locator(".suggestions button").all_inner_texts() == expected["suggestions"][:3]
    assert page.evaluate("document.activeElement.id") == "question"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "patient-answer.png"), full_page=True)


@pytest.mark.integration
def test_citation_opens_the_source_view_with_the_quote_highlighted(page: Any, demo: tuple[str, Any]) -> None:
    url, _ = demo
    expected = api_answer(url, QUESTION)
    first = expected["citations"][0]
    page.goto(url + "/")
    box = ask(page, QUESTION)
    box.locator("a.cite").first.click()
    page.wait_for_url(re.compile(rf"/doc/{first['doc']}\?hl=.*#q-{first['start']}$"))
    mark = page.locator(f"mark#q-{first['start']}")
    assert mark.inner_text() == first["quote"]
    assert in_viewport(page, f"mark#q-{first['start']}")
    same_doc = [c for c in expected["citations"] if c["doc"] == first["doc"]]
    assert page.locator("section.doc-section mark").count() == len(same_doc)
    assert page.locator("section.cited").count() >= 1
    assert page.locator(f"section.cited mark#q-{first['start']}").count() == 1
    assert page.locator(f'a[href="{first["url"]}"]').count() == 1
    page.screenshot(path=str(SHOTS / "source-view.png"))


@pytest.mark.integration
def test_keyboard_only_flow(page: Any, demo: tuple[str, Any]) -> None:
    url, _ = demo
    page.goto(url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the question box"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "question"
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    page.locator(".msg.bot").first.wait_for()
    assert page.evaluate("document.activeElement.id") == "question"
    for _ in range(60):  # back through the answer to its last citation link
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    else:
        pytest.fail("no citation link reachable with Shift+Tab")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/doc/"))
    anchor = href.split("#")[1]
    assert page.url.endswith(href) and page.locator(f"mark#{anchor}").is_visible()
    assert in_viewport(page, f"mark#{anchor}")


@pytest.mark.integration
def test_follow_up_uses_the_previous_question(page: Any, demo: tuple[str, Any]) -> None:
    url, _ = demo
    page.goto(url + "/")
    ask(page, "What is melanoma?")
    box = ask(page, "how is it treated?")
    assert box.locator(".understood").inner_text() == "Answering: “how is melanoma treated?”"
    expected = api_answer(url, "how is melanoma treated?")
    titles = box.locator(".sources .entry > a").all_inner_texts()
    assert titles == list(dict.fromkeys(c["title"] for c in expected["citations"]))
    assert page.input_value("#previous") == "how is melanoma treated?"


@pytest.mark.integration
def test_form_post_works_with_javascript_off(browser, demo: tuple[str, Any]) -> None:  # type: ignore[no-untyped-def]
    url, _ = demo
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(url + "/")
    tab.fill("#question", QUESTION)
    with tab.expect_navigation():
        tab.click("#ask-button")
    expected = api_answer(url, QUESTION)
    assert tab.locator(".msg.bot a.cite").count() == len(_runs(expected))
    assert tab.locator(".msg.user").text_content() == f"You asked: {QUESTION}"
    assert tab.input_value("#previous") == QUESTION
    tab.fill("#question", "and for children?")
    with tab.expect_navigation():
        tab.click("#ask-button")
    assert tab.locator(".understood").inner_text() == f"Answering: “{QUESTION[:-1]} for children?”"
    tab.locator("a.cite").first.click()
    tab.wait_for_url(re.compile(r"/doc/"))
    assert tab.locator("mark[id^=q-]").count() >= 1
    context.close()


@pytest.mark.integration
def test_feedback_is_stored_without_the_question_unless_shared(page: Any, demo: tuple[str, Any]) -> None:
    url, app = demo
    expected = api_answer(url, QUESTION)
    page.goto(url + "/")
    box = ask(page, QUESTION)
    box.locator("details.feedback summary").click()
    box.get_by_label("No", exact=True).check()
    box.get_by_label("Why? (optional)").fill("I wanted to know about the heart")
    box.get_by_role("button", name="Send feedback").click()
    assert box.get_by_role("status").inner_text() == "Thank you. Your feedback was saved."
    newest = app.state.feedback.recent()[0]
    sources = tuple(dict.fromkeys((c["doc"], c["section"]) for c in expected["citations"]))
    assert (newest.rating, newest.reason, newest.question, newest.sources) == (
        "down", "I wanted to know about the heart", None, sources,
    )
    box = ask(page, "What is melanoma?")
    box.locator("details.feedback summary").click()
    box.get_by_label("Yes", exact=True).check()
    box.get_by_label("Share my question with the team").check()
    box.get_by_role("button", name="Send feedback").click()
    assert "Your question was shared with the team." in box.get_by_role("status").inner_text()
    newest = app.state.feedback.recent()[0]
    assert (newest.rating, newest.reason, newest.question) == ("up", None, "What is melanoma?")
    page.goto(url + "/staff/feedback")
    rows = page.locator("table.feedback-table tbody tr")
    assert rows.count() == len(app.state.feedback.recent())
    assert rows.first.locator("td").nth(4).inner_text() == "What is melanoma?"


@pytest.mark.integration
def test_safety_reply_is_a_red_alert(page: Any, demo: tuple[str, Any]) -> None:
    url, _ = demo
    page.goto(url + "/")
    answered = ask(page, QUESTION)
    crisis = ask(page, "I want to kill myself")
    assert crisis.get_attribute("role") == "alert"
    assert crisis.get_attribute("class") == "msg bot safety crisis"
    assert "988" in crisis.locator(".message").inner_text()
    style = "e => [getComputedStyle(e).borderTopColor, getComputedStyle(e).backgroundColor]"
    assert crisis.evaluate(style) == ["rgb(181, 9, 9)", "rgb(253, 236, 234)"]
    assert answered.evaluate(style) != crisis.evaluate(style)
    assert page.input_value("#previous") == ""  # a crisis is not carried into the next question


URGENT_QUESTION = "I'm on chemo and my temperature is 38.5 tonight. What are the signs of infection during chemo?"


@pytest.mark.integration
def test_urgent_reply_shows_the_care_team_box_above_the_cited_answer_with_tel_links(page: Any, demo: tuple[str, Any]) -> None:
    url, _ = demo
    page.set_viewport_size({"width": 900, "height": 1100})
    page.goto(url + "/")
    box = ask(page, URGENT_QUESTION)
    data = api_answer(url, URGENT_QUESTION)
    assert data["safety"] == "urgent" and data["answer"], "the urgent reply keeps the general cited answer"
    assert box.get_attribute("class") == "msg bot urgent"
    assert box.locator(".answer-label").text_content() == "Call your care team now"
    alert = box.locator(".care-now")
    assert alert.get_attribute("role") == "alert"
    assert (alert.text_content() or "").strip().startswith("Call your cancer care team now, day or night.")
    answer = box.locator(".answer-text, .answer-list").first
    assert alert.bounding_box()["y"] + alert.bounding_box()["height"] <= answer.bounding_box()["y"]
    assert box.locator(".answer-text a.cite, .answer-list a.cite").count() >= 1
    call = alert.get_by_role("link", name="Call 911")
    assert (call.get_attribute("href"), call.evaluate("a => a.protocol")) == ("tel:911", "tel:")
    help_box = page.get_by_role("complementary", name="Getting help")
    for name, href in [("Call 911", "tel:911"), ("Call or text 988, the Suicide and Crisis Lifeline", "tel:988"),
                       ("Call NCI's Cancer Information Service, 1-800-422-6237", "tel:+18004226237")]:
        link = help_box.get_by_role("link", name=name)
        assert link.get_attribute("href") == href
        link.focus()
        assert link.evaluate("a => document.activeElement === a")
    SHOTS.mkdir(parents=True, exist_ok=True)
    box.screenshot(path=str(SHOTS / "urgent-answer.png"))


@pytest.mark.integration
def test_staff_search_with_a_filter_and_copy_with_citation(browser, demo: tuple[str, Any]) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from service.staff.search import search_sections
    from web.lookup import lookup_rows

    url, app = demo
    context = browser.new_context(viewport={"width": 1100, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    tab = context.new_page()
    tab.goto(url + "/staff")
    tab.fill("#q", "HER2 targeted therapy heart")
    tab.select_option("#f-audience", "professional")
    with tab.expect_navigation():
        tab.click("form.lookup button[type=submit]")
    service = app.state.qa
    found = search_sections(service, "HER2 targeted therapy heart", Filters(audiences=("professional",)), k=10)
    results = tab.locator("li.result")
    assert [results.nth(i).get_attribute("data-doc") for i in range(results.count())] == [r.section.doc for r in found.results]
    assert set(tab.locator("li.result .card:not(.counterpart) .badge").all_inner_texts()) == {"Health professional"}
    tab.locator("button.copy").first.click()
    playwright_api.expect(tab.locator("#copy-status")).to_have_text("Copied the section with its citation.")
    top = lookup_rows(service, found, date.today())[0].card
    assert top.citation == format_citation(service.index.documents[top.section.doc].meta, top.section.section)
    assert tab.evaluate("navigator.clipboard.readText()") == top.copy
    tab.screenshot(path=str(SHOTS / "staff-view.png"))
    context.close()


def test_suggestions_are_offered_and_ask_when_clicked(page: Any, evil: tuple[str, Any]) -> None:
    url, app = evil
    service = app.state.qa
    offered = ("What is melanoma?", "How is melanoma treated?", "What is lapatinib?", "A fourth one?")
    original = service.ask
    service.ask = lambda q, f=None: replace(original(q, f), suggestions=offered)
    try:
        page.goto(url + "/")
        box = ask(page, "melanoma treatment")
        buttons = box.locator("button.suggestion")
        assert buttons.all_inner_texts() == list(offered[:3])
        buttons.nth(1).click()
        page.locator(".msg.bot").nth(1).wait_for()
        assert page.locator(".msg.user").all_text_contents()[-1] == "You asked: How is melanoma treated?"
    finally:
        del service.ask


def test_injection_is_rendered_as_text(page: Any, evil: tuple[str, Any]) -> None:
    url, _ = evil
    page.goto(url + "/")
    box = ask(page, INJECTED_QUESTION)
    assert page.locator(".msg.user").text_content() == f"You asked: {INJECTED_QUESTION}"
    assert box.locator(".sources .entry > a").first.inner_text() == EVIL_TITLE
    assert page.locator("img[src=x]").count() == 0 and page.locator("b").count() == 0
    box.locator("a.cite").first.click()
    page.wait_for_url(re.compile(r"/doc/evil"))
    assert page.locator("h1").inner_text() == EVIL_TITLE
    assert page.locator("img[src=x]").count() == 0 and page.locator("a[href^=javascript]").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_staff_pages_need_the_token(page: Any, evil: tuple[str, Any]) -> None:
    url, _ = evil
    response = page.goto(url + "/staff/feedback")
    assert response.status == 401 and page.locator("h1").inner_text() == "Staff sign-in"
    page.fill("#token", "wrong")
    page.click("form.login button")
    assert page.locator("p.error").inner_text() == "That token is not right."
    page.fill("#token", TOKEN)
    with page.expect_navigation():
        page.click("form.login button")
    assert page.url == url + "/staff" and page.locator("h1").inner_text() == "Look up passages"
    page.fill("#q", "moles that change")
    page.select_option("#f-cancer_type", "skin")
    with page.expect_navigation():
        page.click("form.lookup button[type=submit]")
    assert page.locator("li.result").first.get_attribute("data-doc") == "evil"
    assert page.locator("li.result").first.locator(".flag").inner_text() == "Review overdue"
    assert page.locator("li.result .result-section").first.inner_text() == "Moles that change"


def _axe(tab: Any) -> dict[str, list[str]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab)
    by_impact: dict[str, list[str]] = {}
    for v in results.response["violations"]:
        by_impact.setdefault(v["impact"] or "unknown", []).append(f"{v['id']} ({len(v['nodes'])} nodes)")
    return by_impact


@pytest.mark.integration
def test_axe_finds_no_serious_violations(browser, demo: tuple[str, Any]) -> None:  # type: ignore[no-untyped-def]
    url, _ = demo
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    tab = context.new_page()
    tab.goto(url + "/")
    ask(tab, QUESTION)
    ask(tab, "I want to kill myself")
    ask(tab, "How do I renew my passport?")
    advice = ask(tab, "Should I stop taking my lapatinib?")
    assert advice.get_attribute("class") == "msg bot advice"
    urgent = ask(tab, URGENT_QUESTION)
    assert urgent.get_attribute("class") == "msg bot urgent"
    tab.locator("details.feedback summary").first.click()  # check the feedback form too
    report = {"/ (answer, crisis, abstention, advice, urgent, feedback form)": _axe(tab)}
    tab.goto(url + "/staff?q=HER2+targeted+therapy")
    assert tab.locator("li.result").count() > 0
    report["/staff (results)"] = _axe(tab)
    tab.goto(url + "/staff/feedback")
    report["/staff/feedback"] = _axe(tab)
    first = api_answer(url, QUESTION)["citations"][0]
    tab.goto(f"{url}/doc/{first['doc']}?hl={first['start']}-{first['end']}")
    report["/doc (highlight)"] = _axe(tab)
    context.close()
    # The conversation restored, a source open beside it, a reply in Spanish; and on a phone.
    for name, viewport in (("wide", {"width": 1440, "height": 900}), ("phone", {"width": 390, "height": 844})):
        context = browser.new_context(viewport=viewport)
        tab = context.new_page()
        tab.goto(url + "/")
        ask(tab, QUESTION)
        ask(tab, "¿Qué es el cáncer de mama?")
        tab.reload()
        tab.locator("#log .msg.bot").nth(1).wait_for()
        report[f"/ ({name}: restored conversation, Spanish reply)"] = _axe(tab)
        if name == "wide":
            tab.locator("#log a.cite").first.click()
            tab.locator("#source-panel mark").first.wait_for()
            report["/ (wide: source beside the chat)"] = _axe(tab)
        context.close()
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "axe.json").write_text(json.dumps(report, indent=2))
    serious = {page: {k: v for k, v in found.items() if k in ("serious", "critical")} for page, found in report.items()}
    assert serious == {page: {} for page in report}, serious


@pytest.mark.integration
def test_a_second_question_is_answered_under_its_own_heading_with_and_without_javascript(
    browser,
    demo: tuple[str, Any],  # type: ignore[no-untyped-def]
) -> None:
    url, _ = demo
    message = (
        "Hi, my dad was just told he has melanoma on his back. What are the signs of melanoma? "
        "And how is melanoma diagnosed? Thanks, Sam"
    )
    expected = api_answer(url, message)
    (part,) = expected["parts"]
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        tab = context.new_page()
        tab.goto(url + "/")
        tab.fill("#question", message)
        if javascript:
            tab.press("#question", "Enter")
            tab.locator(".msg.bot .part").wait_for()
        else:
            with tab.expect_navigation():
                tab.click("#ask-button")
        section = tab.locator(".msg.bot .part")
        assert section.locator(".part-label").inner_text() == f"You also asked: “{part['question']}”"
        cites = section.locator("a.cite")
        runs = _runs({"answer": part["answer"], "citations": expected["citations"]})
        assert [cites.nth(i).text_content() for i in range(cites.count())] == [
            f"Source [{number_label([s['citation'] for s in run])}]" for run in runs
        ]
        assert section.locator(".more a").get_attribute("href") == part["read_more"]
        sources = tab.locator(".msg.bot .sources .section").all_inner_texts()
        assert "How melanoma is diagnosed" in sources
        context.close()


def _transcript(tab: Any) -> list[str]:
    return [" ".join(t.split()) for t in tab.locator("#log .msg").all_inner_texts()]


@pytest.mark.integration
def test_the_conversation_survives_a_visit_to_a_source_on_a_wide_screen(browser, demo: tuple[str, Any]) -> None:  # type: ignore[no-untyped-def]
    url, _ = demo
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    tab.goto(url + "/")
    assert tab.locator("#banner").is_visible() and not tab.locator("#clear").is_visible()
    ask(tab, QUESTION)
    box = ask(tab, "What is trastuzumab?")
    before = _transcript(tab)
    assert not tab.locator("#banner").is_visible()  # said once; each answer carries its own note
    cite = box.locator("a.cite").first
    cite.click()
    panel = tab.get_by_role("complementary", name=re.compile(r"^Source: "))
    panel.wait_for()
    assert tab.evaluate("location.pathname") == "/"  # the chat stayed where it was
    assert panel.locator("mark").count() >= 1 and _transcript(tab) == before
    assert tab.evaluate("document.activeElement.id") == "source-panel-title"
    panel_box, log_box = panel.bounding_box(), tab.locator("#log").bounding_box()
    assert panel_box["x"] >= log_box["x"] + log_box["width"]  # beside the chat, not over it
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / "source-beside-chat.png"))
    tab.keyboard.press("Escape")
    assert panel.is_hidden() and cite.evaluate("a => document.activeElement === a")
    cite.click()
    panel.wait_for()
    tab.go_back()  # Back closes the source, not the chat
    panel.wait_for(state="hidden")
    assert _transcript(tab) == before
    tab.reload()  # the tab's session keeps the conversation
    tab.locator("#log .msg.bot").nth(1).wait_for()
    assert _transcript(tab) == before and tab.locator("#clear").is_visible()
    assert tab.input_value("#previous") != ""
    tab.get_by_role("button", name="Clear conversation").click()
    assert tab.locator("#log .msg").count() == 0 and tab.locator("#banner").is_visible()
    tab.reload()
    assert tab.locator("#log .msg").count() == 0
    context.close()


@pytest.mark.integration
def test_the_conversation_survives_a_visit_to_a_source_on_a_phone(browser, demo: tuple[str, Any]) -> None:  # type: ignore[no-untyped-def]
    url, _ = demo
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(url + "/")
    ask(tab, "What is trastuzumab?")
    box = ask(tab, QUESTION)
    before = _transcript(tab)
    box.locator("a.cite").first.scroll_into_view_if_needed()
    where = tab.evaluate("window.scrollY")
    box.locator("a.cite").first.click()
    tab.wait_for_url(re.compile(r"/doc/"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / "phone-source.png"))
    tab.go_back()
    tab.locator("#log .msg.bot").nth(1).wait_for()
    assert _transcript(tab) == before
    assert abs(tab.evaluate("window.scrollY") - where) < 80  # back where the person was reading
    tab.goto(url + "/doc/lapatinib")
    tab.get_by_role("link", name="Back to your questions").click()
    tab.locator("#log .msg.bot").nth(1).wait_for()
    assert _transcript(tab) == before
    tab.screenshot(path=str(SHOTS / "phone-chat.png"), full_page=True)
    context.close()


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "kind"),
    [("My husband has chest pain and can't breathe", "safety emergency"), (URGENT_QUESTION, "urgent")],
)
def test_the_call_link_is_focused_first_in_emergency_and_urgent_replies(
    page: Any, demo: tuple[str, Any], question: str, kind: str
) -> None:
    url, _ = demo
    page.goto(url + "/")
    box = ask(page, question)
    assert box.get_attribute("class") == f"msg bot {kind}"
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.protocol]")
    assert focused == ["A", "tel:"]
    assert box.locator("a.tel").first.evaluate("a => document.activeElement === a")
    assert box.locator("a.tel").first.get_attribute("aria-label").startswith("Call")


@pytest.mark.integration
def test_a_message_in_spanish_gets_the_spanish_reply_with_numbers_to_tap(page: Any, demo: tuple[str, Any]) -> None:
    url, _ = demo
    page.goto(url + "/")
    box = ask(page, "¿Qué es el cáncer de mama?")
    message = box.locator("p.message")
    assert message.get_attribute("lang") == "es"
    assert box.locator(".answer-label span[lang='es']").text_content() == "Ayuda en español"
    assert "1-800-422-6237" in message.inner_text()
    tels = {message.locator("a.tel").nth(i).get_attribute("href") for i in range(message.locator("a.tel").count())}
    assert tels == {"tel:911", "tel:988", "tel:+18004226237"}
    emergencia = ask(page, "Mi mamá está vomitando sangre, mucha. ¿Qué hago?")
    assert emergencia.locator(".answer-label span[lang='es']").text_content() == "Busque ayuda ahora"
    assert emergencia.locator("p.message").get_attribute("lang") == "es"
    assert emergencia.locator("a.tel").first.get_attribute("href") == "tel:911"
    english = ask(page, "What is breast cancer?")
    assert english.locator("p.message[lang]").count() == 0 and english.locator("a.cite").count() >= 1
    page.screenshot(path=str(SHOTS / "spanish-reply.png"), full_page=True)


@pytest.mark.integration
def test_an_explained_word_opens_its_meaning_in_place_by_keyboard(page: Any, demo: tuple[str, Any]) -> None:
    url, _ = demo
    expected = api_answer(url, QUESTION)
    assert expected["glossary"], "the demo pages define a word this answer uses"
    item = expected["glossary"][0]
    page.goto(url + "/")
    box = ask(page, QUESTION)
    word = box.get_by_role("button", name=item["term"], exact=True)
    assert word.get_attribute("aria-expanded") == "false" and word.get_attribute("title") == item["definition"]
    tip = box.locator(f"#{word.get_attribute('aria-controls')}")
    assert tip.is_hidden()
    word.focus()
    page.keyboard.press("Enter")
    assert word.get_attribute("aria-expanded") == "true" and tip.inner_text() == item["definition"]
    box.locator("details.words summary").click()
    assert box.locator("details.words dt").first.inner_text() == item["term"]
    report = _axe(page)
    assert {k: v for k, v in report.items() if k in ("serious", "critical")} == {}, report
    SHOTS.mkdir(parents=True, exist_ok=True)
    box.screenshot(path=str(SHOTS / "word-explained.png"))
    word.focus()
    page.keyboard.press("Enter")
    assert tip.is_hidden() and word.get_attribute("aria-expanded") == "false"


@pytest.mark.integration
def test_a_reviewer_turns_a_thumbs_down_into_a_gold_line_in_five_clicks(browser, demo: tuple[str, Any]) -> None:  # type: ignore[no-untyped-def]
    url, _ = demo
    question = "Can trastuzumab hurt my heart?"
    sent = httpx.post(f"{url}/api/feedback", json={"rating": "down", "reason": "not what I asked", "question": question,
                                                   "share_question": True, "sources": []}, timeout=30)  # fmt: skip
    feedback_id = sent.json()["id"]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    tab.goto(url + "/staff/feedback")
    report = {"/staff/feedback (with review links)": _axe(tab)}
    clicks = 0
    tab.get_by_role("link", name=f"Review feedback {feedback_id}").click()
    clicks += 1
    assert tab.locator("#q").input_value() == question  # the search already ran on the question
    options = tab.locator("form.review input[name=section]")
    assert options.count() >= 1
    report["/staff/feedback/{id}"] = _axe(tab)
    tab.get_by_label("Wrong: the section picked below should have answered").check()
    clicks += 1
    chosen = options.nth(1) if options.count() > 1 else options.nth(0)
    chosen.check()
    clicks += 1
    doc, section = chosen.get_attribute("value").split("|", 1)
    tab.get_by_role("button", name="Save review").click()
    clicks += 1
    assert tab.get_by_role("status").inner_text().startswith("Review saved.")
    with tab.expect_download() as download:
        tab.get_by_role("link", name="reviewed questions").click()
        clicks += 1
    lines = [json.loads(x) for x in Path(download.value.path()).read_text().splitlines()]
    mine = [x for x in lines if x["id"] == f"review-{feedback_id}"]
    assert mine and mine[0]["question"] == question and mine[0]["relevant"] == [{"doc": doc, "section": section}]
    assert clicks == 5
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / "staff-review.png"), full_page=True)
    context.close()
    serious = {p: {k: v for k, v in found.items() if k in ("serious", "critical")} for p, found in report.items()}
    assert serious == {p: {} for p in report}, serious
