"""Markdown bodies (front matter already removed) to headings and lines.

Sections start at ``#``/``##`` headings; in Q&A pages whose questions are numbered bold lines
(``1. **What is ...?**``), each question starts a section named by its text. Deeper headings,
paragraphs and list items become lines; inline markup (emphasis, links, images, code, HTML) is
dropped so quotes read as plain text.
"""

from __future__ import annotations

import html
import re

from ingest.builder import DocumentBuilder

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_QUESTION = re.compile(r"^\s*\d{1,3}[.)]\s*\*\*(.+?)\*\*\s*(.*)$")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_FENCE = re.compile(r"^\s*(```|~~~)")

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_TAG = re.compile(r"<[^>]{1,200}>")
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_EM = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")


def clean_inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    return html.unescape(text).replace("\\", "")


def parse_markdown(body: str, builder: DocumentBuilder, fallback_heading: str) -> str | None:
    """Feed ``body`` into ``builder``; return the first level-1 heading (a title), if any."""
    title: str | None = None
    in_fence = False
    for raw in body.splitlines():
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            _line(builder, raw, fallback_heading)
            continue
        heading = _HEADING.match(raw)
        if heading:
            level, text = len(heading.group(1)), clean_inline(heading.group(2))
            if level == 1 and title is None:
                title = " ".join(text.split())
            if level <= 2:
                builder.heading(text)
            else:
                _line(builder, text, fallback_heading)
            continue
        question = _QUESTION.match(raw)
        if question:
            builder.heading(clean_inline(question.group(1)))
            _line(builder, clean_inline(question.group(2)), fallback_heading)
            continue
        if _TABLE_RULE.match(raw):
            continue
        if raw.strip().startswith("|"):
            cells = [clean_inline(c) for c in raw.strip().strip("|").split("|")]
            _line(builder, "; ".join(c.strip() for c in cells if c.strip()), fallback_heading)
            continue
        item = _ITEM.match(raw)
        text = item.group(1) if item else raw
        _line(builder, clean_inline(text), fallback_heading, item=item is not None)
    return title


def _line(builder: DocumentBuilder, text: str, fallback_heading: str, item: bool = False) -> None:
    if not text.strip():
        return
    if not builder.has_heading:
        builder.heading(fallback_heading)
    builder.line(text, item=item)
