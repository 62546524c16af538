"""Scraped web pages saved as plain text: keep the medical prose, drop the site around it.

A line is *prose* when it is a long, punctuated sentence run without promotional wording. The main
content is the largest cluster of prose lines (clusters are split by three or more non-prose
lines); other clusters survive only when they are substantial. Short lines inside a kept cluster
become section headings; the short line just before the first kept prose line is the page title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.builder import DocumentBuilder, normalise_space

_PROMO = re.compile(
    r"sign ?up|subscribe|newsletter|log ?in\b|sign in|advertis|cookie|privacy|terms of (use|service)"
    r"|copyright|©|all rights reserved|share (this|on)|follow us|get started|get answers|today on"
    r"|font size|next article|related (links|articles|content)|was this (page|article) helpful"
    r"|download (our|the) app|in your inbox|award-winning|slideshow|pill identifier|communit(y|ies)"
    r"|forum|our (tool|experts|editors)|click here|read more|learn more|see more|view all|shop\b",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?:]['\")\]]*(\[\d+(,\s*\d+)*\])*(\[[^\]]{0,60}\])?$")
_SOURCE_URL = re.compile(
    r"^(?:(?:source|page url|url|canonical|original)\s*:\s*)?(https?://\S+)$", re.IGNORECASE
)
_MIN_PROSE_WORDS = 10
_GAP = 3
_MIN_EXTRA_WORDS = 60
_MAX_HEADING_WORDS = 14


@dataclass
class _Cluster:
    first: int
    last: int
    words: int
    prose_lines: int


def _is_prose(line: str) -> bool:
    words = len(line.split())
    return words >= _MIN_PROSE_WORDS and bool(_TERMINAL.search(line)) and not _PROMO.search(line)


def _clusters(lines: list[str], prose: list[bool]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    gap = _GAP
    for i, is_prose in enumerate(prose):
        if not is_prose:
            gap += 1
            continue
        words = len(lines[i].split())
        if gap >= _GAP or not clusters:
            clusters.append(_Cluster(i, i, words, 1))
        else:
            c = clusters[-1]
            c.last, c.words, c.prose_lines = i, c.words + words, c.prose_lines + 1
        gap = 0
    return clusters


def infer_audience(text: str) -> str:
    lowered = text.lower()
    if "health professional" in lowered or "for clinicians" in lowered:
        return "professional"
    if "patient" in lowered:
        return "patient"
    return "unknown"


def source_url(raw: str) -> str | None:
    """The page's own address when the saved text states it ("Source: https://...")."""
    for line in raw.splitlines():
        match = _SOURCE_URL.match(line.strip())
        if match:
            return match.group(1)
    return None


def parse_scraped(raw: str, builder: DocumentBuilder, fallback_title: str) -> str:
    """Feed the kept prose into ``builder``; return the inferred page title."""
    lines = [normalise_space(x) for x in raw.splitlines()]
    lines = [x for x in lines if x]
    prose = [_is_prose(x) for x in lines]
    clusters = _clusters(lines, prose)
    if not clusters:
        return fallback_title
    main = max(clusters, key=lambda c: c.words)
    kept = [c for c in clusters if c is main or (c.prose_lines >= 2 and c.words >= _MIN_EXTRA_WORDS)]
    title = _title_before(lines, prose, main.first) or fallback_title
    for cluster in kept:
        heading = title if cluster is kept[0] else _title_before(lines, prose, cluster.first)
        builder.heading(heading or title)
        for i in range(cluster.first, cluster.last + 1):
            line = lines[i]
            if prose[i]:
                builder.line(line)
            elif len(line.split()) <= _MAX_HEADING_WORDS and not _PROMO.search(line):
                builder.heading(line)
    return title


def _title_before(lines: list[str], prose: list[bool], first: int) -> str | None:
    for i in range(first - 1, max(first - 4, -1), -1):
        line = lines[i]
        if prose[i]:
            return None
        if not _PROMO.search(line) and 2 <= len(line.split()) <= 40:
            return line
    return None
