"""How an answer is laid out on the chat page (the server-rendered, no-JavaScript path).

``answer_view(data)`` takes the API's answer dict and returns what ``_answer.html`` needs:
sentences grouped into paragraphs and lists (the main answer's, then each other question's under
its own heading), each citation's link to the source view, one
source entry per cited section (with the numbers it covers), and the kind of reply (safety,
advice, abstention) that decides how it looks. ``static/chat.js`` lays out answers the same way
in the browser.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

URGENT = ("emergency", "crisis")
"""Fixed replies: the whole box is an alert."""
CARE_TEAM_NOW = "urgent"
"""Call the care team now: an alert box first, the general cited answer under it."""
EASY_GRADE = 8.0
"""Answers at or under this US school grade read as "Easy to read" (our target for patients)."""

# Every phone number we show, with the number to dial and a name for screen readers.
_PHONES = (
    (re.compile(r"1-800-4-CANCER \(1-800-422-6237\)|1-800-4-CANCER|1-800-422-6237"), "+18004226237",
     "Call NCI's Cancer Information Service, 1-800-422-6237"),
    (re.compile(r"\b911\b"), "911", "Call 911"),
    (re.compile(r"\b988\b(?!lifeline)"), "988", "Call or text 988, the Suicide and Crisis Lifeline"),
    (
        re.compile(r"1-800-799-7233"),
        "+18007997233",
        "Call the National Domestic Violence Hotline, 1-800-799-7233",
    ),
    (re.compile(r"1-800-677-1116"), "+18006771116", "Call the Eldercare Locator, 1-800-677-1116"),
)


def phone_segments(text: str | None) -> list[dict[str, str | None]]:
    """``text`` cut into plain runs and phone numbers, each number with its ``tel:`` link and an
    accessible name: ``[{"text": "Call ", "tel": None}, {"text": "911", "tel": "tel:911", ...}]``."""
    if not text:
        return []
    found = sorted(
        ((m.start(), m.end(), tel, name) for pattern, tel, name in _PHONES for m in pattern.finditer(text)),
        key=lambda f: (f[0], -f[1]),
    )
    out: list[dict[str, str | None]] = []
    at = 0
    for start, end, tel, name in found:
        if start < at:
            continue
        if start > at:
            out.append({"text": text[at:start], "tel": None, "label": None})
        out.append({"text": text[start:end], "tel": f"tel:{tel}", "label": name})
        at = end
    if at < len(text):
        out.append({"text": text[at:], "tel": None, "label": None})
    return out


def source_href(citations: list[dict[str, Any]], n: int) -> str:
    """``/doc/{doc}?hl=...#q-START``: every quote of that page highlighted, scrolled to quote ``n``."""
    cited = next(c for c in citations if c["n"] == n)
    ranges = sorted({(c["start"], c["end"]) for c in citations if c["doc"] == cited["doc"]})
    query = "&".join(f"hl={s}-{e}" for s, e in ranges)
    return f"/doc/{quote(cited['doc'], safe='')}?{query}#q-{cited['start']}"


def number_label(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``"1–3, 5"``: the citation numbers one source entry covers."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def source_entries(citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per cited (document, section), with the citation numbers it covers."""
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for c in citations:
        key = (c["doc"], c["section"])
        if key not in entries:
            entries[key] = {**c, "numbers": [], "href": source_href(citations, c["n"])}
        entries[key]["numbers"].append(c["n"])
    return [{**e, "label": number_label(e["numbers"])} for e in entries.values()]


def reply_kind(data: dict[str, Any]) -> str:
    safety = data.get("safety")
    if safety in URGENT:
        return f"safety {safety}"
    if safety == CARE_TEAM_NOW:
        return "urgent"
    if safety:
        return "advice"
    return "abstain" if data.get("abstained") else "answered"


def next_previous(question: str, data: dict[str, Any]) -> str:
    """What the next message's ``previous`` should be: nothing after an emergency or crisis."""
    if data.get("safety") in URGENT:
        return ""
    return data.get("understood_as") or question


def _groups(
    sentences: list[dict[str, Any]],
    citations: list[dict[str, Any]],
    terms: dict[int, list[tuple[int, int, int, str]]] | None = None,
) -> list[dict[str, Any]]:
    """Sentences as paragraphs and lists. Consecutive sentences quoted from one section share one
    citation marker, after the last of them (``mark``: the numbers it covers and the link to the
    source view); the API keeps one citation per sentence, this is display only. ``terms``: the
    hard words explained in each sentence (start, end, their number in the answer's word list)."""
    section = {c["n"]: (c["doc"], c["section"]) for c in citations}
    groups: list[dict[str, Any]] = []
    run: list[int] = []
    for i, sentence in enumerate(sentences):
        item = bool(sentence.get("list_item"))
        if not groups or groups[-1]["is_list"] != item:
            groups.append({"is_list": item, "sentences": []})
        n = sentence["citation"]
        run.append(n)
        following = sentences[i + 1]["citation"] if i + 1 < len(sentences) else None
        last = following is None or section.get(following) != section.get(n)
        mark = {"label": number_label(run), "href": source_href(citations, run[0])} if last else None
        if last:
            run = []
        shown = {"text": sentence["text"], "n": n, "href": source_href(citations, n), "mark": mark}
        parts = _with_terms(sentence["text"], (terms or {}).get(i, []))
        groups[-1]["sentences"].append({**shown, "parts": parts})
    return groups


def _with_terms(text: str, spans: list[tuple[int, int, int, str]]) -> list[dict[str, Any]]:
    """The sentence as phone segments, with each explained word its own segment (``term``: its
    number in the answer's word list; ``definition``: for the tooltip)."""
    out: list[dict[str, Any]] = []
    at = 0
    for start, end, n, definition in sorted(spans):
        if start < at:
            continue
        out += phone_segments(text[at:start])
        out.append({"text": text[start:end], "tel": None, "label": None, "term": n, "definition": definition})
        at = end
    return out + phone_segments(text[at:])


def words_explained(data: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[Any, dict[int, list[Any]]]]:
    """The answer's glossary as a list to show (term, definition, the link that highlights the
    definition in its page) and, by (part, sentence), where each word's first use is."""
    words: list[dict[str, Any]] = []
    where: dict[Any, dict[int, list[tuple[int, int, int, str]]]] = {}
    for n, item in enumerate(data.get("glossary") or []):
        occurs = item.get("occurs") or []
        if not occurs:
            continue
        first = occurs[0]
        where.setdefault(first.get("part"), {}).setdefault(first["sentence"], []).append(
            (first["start"], first["end"], len(words), item["definition"])
        )
        href = f"/doc/{quote(item['doc'], safe='')}?hl={item['start']}-{item['end']}#q-{item['start']}"
        words.append({"n": n, "term": item["term"], "definition": item["definition"], "title": item["title"],
                      "href": href})  # fmt: skip
    return words, where


def reading_level(grade: Any) -> dict[str, str] | None:
    """The answer's reading level in plain words, with the grade for a tooltip."""
    if not isinstance(grade, int | float):
        return None
    words = "Easy to read" if grade <= EASY_GRADE else "Some medical words"
    return {"words": words, "grade": f"US school grade {grade:.1f}"}


def _own_link(link: Any) -> str | None:
    """A "read the full section" link, only when it is a path of our own source view."""
    return link if isinstance(link, str) and link.startswith("/doc/") else None


def answer_view(data: dict[str, Any]) -> dict[str, Any]:
    citations = data.get("citations", [])
    words, where = words_explained(data)
    groups = _groups(data.get("answer", []), citations, where.get(None))
    parts = [
        {
            "question": p["question"],
            "groups": _groups(p["answer"], citations, where.get(i)),
            "read_more": _own_link(p.get("read_more")),
            "more_in_section": bool(p.get("more_in_section")),
        }
        for i, p in enumerate(data.get("parts", []))
    ]
    sources = source_entries(citations)
    return {
        "kind": reply_kind(data),
        "urgent": data.get("safety") in URGENT,
        "care_team_now": data.get("safety") == CARE_TEAM_NOW,
        "message": data.get("message"),
        "message_parts": phone_segments(data.get("message")),
        "message_lang": data.get("message_lang") or "en",
        "understood_as": data.get("understood_as"),
        "groups": groups,
        "parts": parts,
        "words": words,
        "sources": sources,
        "notice": data.get("notice"),
        "read_more": _own_link(data.get("read_more")),
        "reading_grade": data.get("reading_grade"),
        "reading": reading_level(data.get("reading_grade")),
        "more_in_section": bool(data.get("more_in_section")),
        "suggestions": list(data.get("suggestions", []))[:3],
        "refs": [f"{e['doc']}|{e['section']}" for e in sources],
    }
