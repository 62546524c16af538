"""The staff desk over HTTP (TestClient, fake embedder, the tiny corpus plus a health-professional
page on lapatinib): ``POST /api/search``'s contract, its access rule and errors, and the ``/staff``
page's whole sections, highlights, counterparts and copy text."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.test_staff_search import LAPATINIB_HP
from tests.web_support import corpus_settings
from web.app import create_app
from web.auth import NEED_TOKEN
from web.lookup import LookupRow, SectionCard, copy_text, lookup_rows, plain_text, selection_copy
from web.provenance import format_citation
from web.source import Block, SectionView, Segment

TOKEN = "s3cret-token-for-tests"


@pytest.fixture
def app(tmp_path: Path, fake_embedder):  # type: ignore[no-untyped-def]
    return create_app(corpus_settings(tmp_path, fake_embedder, LAPATINIB_HP), fake_embedder)


@pytest.fixture
def client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app)


def _sentences(doc: Any, n: int) -> set[str]:
    return {doc.text[s.start : s.end] for s in doc.sentences if s.section == n}


def test_api_search_contract(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/search", json={"query": "lapatinib side effects", "k": 4})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"query", "results"} and body["query"] == "lapatinib side effects"
    assert 0 < len(body["results"]) <= 4
    documents = app.state.qa.index.documents
    types = {
        "rank": int, "doc": str, "title": str, "section": str, "score": float, "audience": str,
        "url": (str, type(None)), "source": (str, type(None)), "last_reviewed": (str, type(None)),
        "section_text": str, "highlights": list, "counterpart": (dict, type(None)),
    }
    for rank, result in enumerate(body["results"], start=1):
        assert set(result) == set(types)
        for field, kind in types.items():
            assert isinstance(result[field], kind), (field, result[field])
        assert result["rank"] == rank
        doc = documents[result["doc"]]
        n = doc.section_index(result["section"])
        assert n is not None and result["title"] == doc.title and result["audience"] == doc.meta.audience
        assert (result["url"], result["source"], result["last_reviewed"]) == (doc.meta.url, doc.meta.source, doc.meta.last_reviewed)
        assert result["section_text"] == doc.section_text(n).strip()
        assert result["highlights"]
        for h in result["highlights"]:
            assert set(h) == {"start", "end"}
            assert result["section_text"][h["start"] : h["end"]] in _sentences(doc, n)
        other = result["counterpart"]
        if other is not None:
            assert set(other) == {"doc", "section"}
            page = documents[other["doc"]]
            assert page.section_index(other["section"]) is not None
            assert {page.meta.audience, doc.meta.audience} == {"patient", "professional"}
    first = body["results"][0]
    assert (first["doc"], first["section"]) == ("lapatinib", "Side effects of lapatinib")
    assert first["counterpart"] == {"doc": "lapatinib-hp", "section": "Adverse effects of lapatinib"}
    assert {r["counterpart"] is None for r in body["results"] if r["doc"] == "melanoma"} <= {True}


def test_api_search_filters_and_default_k(client: TestClient) -> None:
    body = client.post("/api/search", json={"query": "lapatinib", "audiences": ["professional"]}).json()
    assert {r["audience"] for r in body["results"]} == {"professional"}
    assert body["results"][0]["counterpart"]["doc"] == "lapatinib"  # the other audience, whatever the filter
    every = client.post("/api/search", json={"query": "lapatinib melanoma skin breast"}).json()
    assert len(every["results"]) == 6  # k defaults to 10; the corpus has 6 sections
    skin = client.post("/api/search", json={"query": "lapatinib", "cancer_types": ["skin"], "k": 50}).json()
    assert {r["doc"] for r in skin["results"]} == {"melanoma"}


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({}, "query: Field required"),
        ({"query": "   "}, "query is empty"),
        ({"query": "x" * 2001}, "query is too long (2001 characters; the limit is 2000)"),
        ({"query": "x", "k": 0}, "k: Input should be greater than or equal to 1"),
        ({"query": "x", "k": 51}, "k: Input should be less than or equal to 50"),
        ({"query": "x", "k": "ten"}, "k: Input should be a valid integer, unable to parse string as an integer"),
        ({"query": 3}, "query: Input should be a valid string"),
        ({"query": "x", "audiences": ["p"] * 21}, "audiences: List should have at most 20 items after validation, not 21"),
    ],
)
def test_api_search_refuses_bad_input_with_one_line(client: TestClient, body: dict[str, Any], detail: str) -> None:
    response = client.post("/api/search", json=body)
    assert (response.status_code, response.json()) == (422, {"detail": detail})


def test_api_search_needs_the_staff_token_when_one_is_set(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    settings = corpus_settings(tmp_path, fake_embedder, LAPATINIB_HP, staff_token=TOKEN)
    client = TestClient(create_app(settings, fake_embedder))
    body = {"query": "lapatinib"}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        refused = client.post("/api/search", json=body, headers=headers)
        assert (refused.status_code, refused.json()) == (401, {"detail": NEED_TOKEN})
    assert client.post("/api/search", json={}).status_code == 401  # the token first, then the body
    assert client.post("/api/search", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    signed_in = client.post("/staff/login", data={"token": TOKEN}, follow_redirects=False)
    cookie = signed_in.cookies["qa_staff"]
    client.cookies.clear()
    assert client.post("/api/search", json=body, cookies={"qa_staff": cookie}).status_code == 200
    assert client.post("/api/search", json=body, cookies={"qa_staff": cookie + "x"}).status_code == 401


def test_api_search_is_not_rate_limited_like_questions(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    settings = corpus_settings(tmp_path, fake_embedder, LAPATINIB_HP, rate_limit="2/minute")
    client = TestClient(create_app(settings, fake_embedder))
    assert [client.post("/api/search", json={"query": "lapatinib"}).status_code for _ in range(5)] == [200] * 5
    asked = [client.post("/api/ask", json={"question": "lapatinib?"}).status_code for _ in range(3)]
    assert asked == [200, 200, 429]


def test_api_search_is_in_the_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/api/search"]["post"]
    assert operation["tags"] == ["staff"]
    assert {"200", "401", "422"} <= set(operation["responses"])
    components = schema["components"]["schemas"]
    request = components["SearchRequest"]["properties"]
    assert set(request) == {"query", "k", "cancer_types", "sources", "audiences"}
    assert (request["k"]["default"], request["k"]["minimum"], request["k"]["maximum"]) == (10, 1, 50)
    result = components["SearchResultOut"]["properties"]
    assert all(result[f].get("description") for f in ("section_text", "highlights", "counterpart", "score"))


def _results(page: str) -> list[tuple[str, str]]:
    """Each lookup result's document and HTML, in order."""
    parts = page.split('<li class="result" data-doc="')[1:]
    return [(p.partition('">')[0], p.partition('">')[2].split("</ol>")[0]) for p in parts]


def test_the_page_shows_whole_sections_with_lists_highlights_and_counterparts(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    api = client.post("/api/search", json={"query": "lapatinib side effects"}).json()
    page = client.get("/staff", params={"q": "lapatinib side effects"}).text
    results = _results(page)
    assert [d for d, _ in results] == [r["doc"] for r in api["results"]]  # one code path
    doc, first = results[0]
    main, _, other = first.partition('<article class="card counterpart"')
    items = re.findall(r"<li>(.*?)</li>", main, re.S)
    assert [re.sub(r"<[^>]+>", "", i) for i in items] == ["Diarrhea.", "Rash on the hands.", "Liver problems."]
    assert main.count("<ul>") == 1
    marked = [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", main)]
    top = api["results"][0]
    assert marked == [top["section_text"][h["start"] : h["end"]] for h in top["highlights"]]
    assert '<p class="card-label">Health-professional version</p>' in other
    assert 'href="/doc/lapatinib-hp#sec-0"' in other and '<span class="badge professional">' in other
    assert other.count('class="secondary copy"') == 1 and other.count('class="secondary copy-selection"') == 1
    docs = app.state.qa.index.documents
    citation = format_citation(docs["lapatinib"].meta, "Side effects of lapatinib")
    copied = html.unescape(re.search(r'data-copy="([^"]*)"', main).group(1))  # type: ignore[union-attr]
    assert copied == (
        "Lapatinib can cause side effects. Common side effects include the following:\n\n"
        f"- Diarrhea.\n- Rash on the hands.\n- Liver problems.\n\n{citation}"
    )
    assert re.findall(r"<button [^>]*>", main) and all(" hidden>" in b for b in re.findall(r"<button [^>]*>", main))
    assert page.count('class="pair with-counterpart"') == sum(r["counterpart"] is not None for r in api["results"])


def test_copy_text_keeps_paragraphs_and_lists() -> None:
    line = lambda text: (Segment(text),)  # noqa: E731
    view = SectionView(0, "Side effects", (
        Block(False, (line("Lapatinib can cause side effects."),)),
        Block(False, ((Segment("Common ones "), Segment("include", True), Segment(" these:")),)),
        Block(True, (line("Diarrhea."), line("Rash."))),
        Block(False, (line("Call your doctor."),)),
    ))
    assert plain_text(view) == (
        "Lapatinib can cause side effects.\n\nCommon ones include these:\n\n- Diarrhea.\n- Rash.\n\nCall your doctor."
    )
    assert copy_text(view, "T. S.") == plain_text(view) + "\n\nT. S."
    assert selection_copy("  Rash.\nCall ", "T. S.") == "Rash.\nCall\n\nT. S."


def test_lookup_types_round_trip(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from service.staff.search import search_sections

    rows = lookup_rows(app.state.qa, search_sections(app.state.qa, "lapatinib side effects"), date(2026, 11, 23))
    assert rows[0].counterpart is not None and any(r.counterpart is None for r in rows)
    for row in rows:
        assert LookupRow.from_dict(row.to_dict()) == row
        assert SectionCard.from_dict(row.card.to_dict()) == row.card
