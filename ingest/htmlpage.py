"""HTML pages: main-content extraction with trafilatura, then the markdown path.

trafilatura drops navigation, asides, footers and promo blocks and returns the article as
markdown (headings, paragraphs, lists), which ``parse_markdown`` turns into sections.
"""

from __future__ import annotations

from typing import Any

from ingest.builder import DocumentBuilder
from ingest.markdown import parse_markdown


def parse_html(raw: str, builder: DocumentBuilder, fallback_title: str) -> dict[str, Any]:
    """Feed the main content into ``builder``; return metadata found in the page (title, url...)."""
    import trafilatura

    body = trafilatura.extract(
        raw,
        output_format="markdown",
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        favor_precision=True,
    )
    meta = trafilatura.extract_metadata(raw)
    found: dict[str, Any] = {}
    if meta is not None:
        found = {"title": meta.title, "url": meta.url, "description": meta.description}
        if meta.date:
            found["lastReviewed"] = meta.date
    title = found.get("title") or fallback_title
    heading = parse_markdown(body or "", builder, title)
    found["title"] = found.get("title") or heading or fallback_title
    return {k: v for k, v in found.items() if v}
