"""Where a passage comes from: a formatted citation, and whether its review date is overdue."""

from __future__ import annotations

from datetime import date, timedelta

from ingest.model import Metadata

CURRENT = "current"
OVERDUE = "overdue"
MISSING = "missing"


def review_status(last_reviewed: str | None, today: date, max_age_days: int) -> str:
    """``current``, ``overdue`` (older than ``max_age_days``) or ``missing`` (no readable date)."""
    reviewed = parse_date(last_reviewed)
    if reviewed is None:
        return MISSING
    return OVERDUE if today - reviewed > timedelta(days=max_age_days) else CURRENT


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def format_citation(meta: Metadata, section: str) -> str:
    """``Title. Section. Source. URL. Last reviewed DATE.`` (unknown parts and non-http URLs left out)."""
    parts = [meta.title, section, meta.source or ""]
    if http_url(meta.url):
        parts.append(str(meta.url))
    parts.append(f"Last reviewed {meta.last_reviewed}" if meta.last_reviewed else "Review date not given")
    return " ".join(_sentence(p) for p in parts if p.strip())


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!")) else text + "."


def http_url(url: str | None) -> bool:
    """True for an absolute http(s) URL: the only kind of document URL the pages link to."""
    return bool(url) and str(url).lower().startswith(("https://", "http://"))
