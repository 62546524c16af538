"""How an answer is laid out on the chat page (the server-rendered, no-JavaScript path).

``answer_view(data)`` takes the API's answer dict and returns what ``_answer.html`` needs:
sentences grouped into paragraphs and lists, each citation's link to the source view, one
source entry per cited section (with the numbers it covers), and the kind of reply (safety,
advice, abstention) that decides how it looks. ``static/chat.js`` lays out answers the same way
in the browser.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

URGENT = ("emergency", "crisis")


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
    if safety:
        return "advice"
    return "abstain" if data.get("abstained") else "answered"


def next_previous(question: str, data: dict[str, Any]) -> str:
    """What the next message's ``previous`` should be: nothing after an emergency or crisis."""
    if data.get("safety") in URGENT:
        return ""
    return data.get("understood_as") or question


def answer_view(data: dict[str, Any]) -> dict[str, Any]:
    citations = data.get("citations", [])
    groups: list[dict[str, Any]] = []
    for sentence in data.get("answer", []):
        item = bool(sentence.get("list_item"))
        if not groups or groups[-1]["is_list"] != item:
            groups.append({"is_list": item, "sentences": []})
        n = sentence["citation"]
        groups[-1]["sentences"].append({"text": sentence["text"], "n": n, "href": source_href(citations, n)})
    sources = source_entries(citations)
    read_more = data.get("read_more")
    return {
        "kind": reply_kind(data),
        "urgent": data.get("safety") in URGENT,
        "message": data.get("message"),
        "understood_as": data.get("understood_as"),
        "groups": groups,
        "sources": sources,
        "notice": data.get("notice"),
        "read_more": read_more if isinstance(read_more, str) and read_more.startswith("/doc/") else None,
        "reading_grade": data.get("reading_grade"),
        "suggestions": list(data.get("suggestions", []))[:3],
        "refs": [f"{e['doc']}|{e['section']}" for e in sources],
    }
