"""Browser tests of the staff desk (Playwright, Debian's Chromium, the demo corpus with the real
model): whole sections with their highlights and the counterpart section beside them (below on a
phone), "Copy with citation" and "Copy selection with citation" (clipboard API and fallback),
and axe on the lookup with results. Screenshots: ``var/screenshots/staff-*.png``; axe results:
``var/reports/axe-staff.json``."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from service.staff.search import search_sections
from tests.browser_support import CHROMIUM, REPORTS, SHOTS
from tests.test_browser import _axe, playwright_api
from web.lookup import LookupRow, lookup_rows

QUERY = "lapatinib side effects"
WIDE = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


def _open(browser: Any, url: str, viewport: dict[str, int], clipboard: bool = True) -> tuple[Any, Any, list[str]]:
    """A context (clipboard allowed) and a tab on the lookup's results; console errors collected."""
    context = browser.new_context(viewport=viewport)
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(url + "/staff")
    tab.fill("#q", QUERY)
    with tab.expect_navigation():
        tab.press("#q", "Enter")
    return context, tab, errors


def _expected(app: Any) -> list[LookupRow]:
    service = app.state.qa
    return lookup_rows(service, search_sections(service, QUERY), date.today())


def _box(tab: Any, selector: str) -> dict[str, float]:
    return tab.locator(selector).bounding_box()  # type: ignore[no-any-return]


def test_staff_search_shows_whole_sections_with_highlights_and_the_counterpart_beside_or_below(browser, demo) -> None:  # type: ignore[no-untyped-def]
    url, app = demo
    rows = _expected(app)
    assert rows[0].counterpart is not None, "the demo's lapatinib page has a health-professional counterpart"
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("wide", WIDE), ("phone", PHONE)):
        context, tab, errors = _open(browser, url, viewport)
        results = tab.locator("li.result")
        assert [results.nth(i).get_attribute("data-doc") for i in range(results.count())] == [r.card.section.doc for r in rows]
        first = results.first
        main, other = first.locator(".card").nth(0), first.locator(".card.counterpart")
        top = rows[0].card
        # The whole section, laid out: its paragraphs and one list with every item.
        doc = app.state.qa.index.documents[top.section.doc]
        items = [doc.text[s.start : s.end] for s in doc.sentences if s.section == top.section.section_n and s.item]
        shown = main.locator(".section-text li").all_inner_texts()
        assert len(shown) == sum(b.is_list for b in top.view.blocks for _ in b.lines) and shown
        assert " ".join(shown).split() == " ".join(items).split()
        assert main.locator(".section-text").inner_text().split() == top.section.text.split()
        marks = main.locator(".section-text mark").all_inner_texts()
        assert marks == [top.section.text[h.start : h.end] for h in top.section.highlights]
        # The counterpart: the other audience's page, its closest section, its own copy buttons.
        assert other.locator(".card-label").inner_text().lower() == "health-professional version"
        assert other.locator(".result-section").inner_text() == rows[0].counterpart.section.section  # type: ignore[union-attr]
        assert other.locator(".badge").inner_text() == "Health professional"
        assert other.locator("mark").count() == len(rows[0].counterpart.section.highlights)  # type: ignore[union-attr]
        assert other.locator("button.copy").is_visible() and other.locator("button.copy-selection").is_visible()
        a, b = _box(tab, "li.result >> nth=0 >> .card >> nth=0"), _box(tab, "li.result >> nth=0 >> .card.counterpart")
        if name == "wide":  # side by side
            assert b["x"] > a["x"] + a["width"] - 1 and abs(b["y"] - a["y"]) < 2
        else:  # below, full width
            assert b["y"] >= a["y"] + a["height"] - 1 and abs(b["x"] - a["x"]) < 2
            assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        tab.screenshot(path=str(SHOTS / f"staff-{name}.png"))
        first.screenshot(path=str(SHOTS / f"staff-{name}-result.png"))
        context.close()
        assert errors == []


def test_copy_with_citation_and_copy_selection_with_citation(browser, demo) -> None:  # type: ignore[no-untyped-def]
    url, app = demo
    rows = _expected(app)
    top, other = rows[0].card, rows[0].counterpart
    assert other is not None
    context, tab, errors = _open(browser, url, WIDE)
    first = tab.locator("li.result").first
    status = tab.locator("#copy-status")
    clipboard = "navigator.clipboard.readText()"

    first.locator(".card >> nth=0 >> button.copy").click()
    playwright_api.expect(status).to_have_text("Copied the section with its citation.")
    assert tab.evaluate(clipboard) == top.copy
    assert "\n- " in top.copy and top.copy.endswith(f"\n\n{top.citation}")

    first.locator(".card.counterpart button.copy").click()
    assert tab.evaluate(clipboard) == other.copy

    # Nothing selected in this section: it says so and copies nothing.
    tab.evaluate("navigator.clipboard.writeText('untouched')")
    tab.evaluate("getSelection().removeAllRanges()")
    first.locator(".card >> nth=0 >> button.copy-selection").click()
    playwright_api.expect(status).to_have_text(
        "Select some text of this section first, then press Copy selection with citation."
    )
    assert tab.evaluate(clipboard) == "untouched"

    # Part of a highlighted sentence, as a person would select it with the mouse.
    mark = first.locator(".card >> nth=0 >> .section-text mark").first
    mark.scroll_into_view_if_needed()
    line = mark.evaluate("m => { const r = m.getClientRects()[0]; return [r.left, r.top, r.width, r.height]; }")
    left, top_y, width, height = line  # the mark's first line on screen
    tab.mouse.move(left + 2, top_y + height / 2)
    tab.mouse.down()
    tab.mouse.move(left + width * 0.6, top_y + height / 2, steps=5)
    tab.mouse.up()
    selected = tab.evaluate("getSelection().toString()")
    assert selected and selected in top.section.text
    first.locator(".card >> nth=0 >> button.copy-selection").click()
    playwright_api.expect(status).to_have_text("Copied the selected text with its citation.")
    assert tab.evaluate(clipboard) == f"{selected.strip()}\n\n{top.citation}"

    # A span from a paragraph into the list: exactly the selected text, a line per item.
    spanned = tab.evaluate(
        """() => {
          const text = document.querySelector("li.result .card .section-text");
          const p = text.querySelector("p"), items = text.querySelectorAll("li");
          const range = document.createRange();
          range.setStart(p.lastChild, Math.floor(p.lastChild.textContent.length / 2));
          range.setEnd(items[1].firstChild, 5);
          getSelection().removeAllRanges(); getSelection().addRange(range);
          return getSelection().toString(); }"""
    )
    assert "\n" in spanned
    first.locator(".card >> nth=0 >> button.copy-selection").click()
    copied = tab.evaluate(clipboard)
    assert copied == f"{spanned.strip()}\n\n{top.citation}"
    body = copied.rsplit("\n\n", 1)[0]
    assert " ".join(body.split()) in " ".join(top.section.text.split())

    # A selection that starts outside the section (in its title) is cut to the section's text.
    tab.evaluate(
        """() => {
          const card = document.querySelector("li.result .card");
          const range = document.createRange();
          range.setStart(card.querySelector("h3 a").firstChild, 0);
          range.setEnd(card.querySelector(".section-text mark").firstChild, 10);
          getSelection().removeAllRanges(); getSelection().addRange(range); }"""
    )
    first.locator(".card >> nth=0 >> button.copy-selection").click()
    copied = tab.evaluate(clipboard)
    assert copied.startswith(top.section.text.split()[0]) and copied.endswith(f"\n\n{top.citation}")
    assert top.section.title not in copied.rsplit("\n\n", 1)[0]
    tab.screenshot(path=str(SHOTS / "staff-selection.png"))
    for button, label in (("button.copy", "Copy with citation"), ("button.copy-selection", "Copy selection with citation")):
        playwright_api.expect(first.locator(f".card >> nth=0 >> {button}")).to_have_text(label, timeout=6000)
    context.close()
    assert errors == []


def test_without_the_clipboard_api_copy_falls_back(browser, demo) -> None:  # type: ignore[no-untyped-def]
    url, app = demo
    top = _expected(app)[0].card
    context, tab, errors = _open(browser, url, WIDE)
    # writeText refused (as on a non-secure origin): execCommand("copy") on a hidden textarea.
    tab.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); }")
    tab.locator("li.result .card >> nth=0 >> button.copy").first.click()
    playwright_api.expect(tab.locator("#copy-status")).to_have_text("Copied the section with its citation.")
    assert tab.evaluate("navigator.clipboard.readText()") == top.copy
    assert tab.locator("textarea").count() == 0  # the hidden one is gone
    # And when that fails too: the text shown selected, for Ctrl+C.
    tab.evaluate("() => { document.execCommand = () => false; }")
    tab.locator("li.result .card >> nth=0 >> button.copy").first.click()
    fallback = tab.locator("li.result .card >> nth=0 >> textarea.copy-fallback")
    assert fallback.input_value() == top.copy
    assert tab.evaluate("document.activeElement.className") == "copy-fallback"
    playwright_api.expect(tab.locator("#copy-status")).to_contain_text("press Ctrl+C")
    context.close()
    assert errors == []


def test_axe_finds_no_serious_violations_on_the_staff_lookup(browser, demo) -> None:  # type: ignore[no-untyped-def]
    url, _ = demo
    report = {}
    for name, viewport in (("wide", WIDE), ("phone", PHONE)):
        context, tab, errors = _open(browser, url, viewport)
        assert tab.locator("li.result .card.counterpart").count() > 0
        report[f"/staff ({name}: whole sections, counterparts)"] = _axe(tab)
        context.close()
        assert errors == []
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "axe-staff.json").write_text(json.dumps(report, indent=2))
    serious = {page: {k: v for k, v in found.items() if k in ("serious", "critical")} for page, found in report.items()}
    assert serious == {page: {} for page in report}, serious
