"""Normalise front-matter metadata (camelCase keys, dates, lists) into ``Metadata``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ingest.model import Metadata


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _items(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple):
        value = [value]
    return tuple(dict.fromkeys(t for t in (_text(v) for v in value) if t))


def _date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return text


def audience(value: Any) -> str:
    text = (_text(value) or "").lower()
    if not text:
        return "unknown"
    if "prof" in text or text in {"hp", "clinician", "health professional"}:
        return "professional"
    if "patient" in text or "public" in text or "consumer" in text or "caregiver" in text:
        return "patient"
    return "unknown"


def normalise(raw: dict[str, Any], fallback_title: str) -> Metadata:
    """Map raw front matter (any key casing) to ``Metadata``; unknown keys are dropped."""
    data = {str(k).lower().replace("_", ""): v for k, v in raw.items()}
    return Metadata(
        title=_text(data.get("title")) or fallback_title,
        url=_text(data.get("url") or data.get("source_url") or data.get("sourceurl")),
        source=_text(data.get("source")),
        source_type=_text(data.get("sourcetype")),
        audience=audience(data.get("audiencelevel") or data.get("audience")),
        cancer_types=tuple(t.lower() for t in _items(data.get("cancertypes"))),
        last_reviewed=_date(data.get("lastreviewed") or data.get("reviewed") or data.get("date")),
        license=_text(data.get("license")),
        citation=_text(data.get("citation")),
        status=(_text(data.get("status")) or "active").lower(),
        language=(_text(data.get("language")) or "en").lower(),
        tags=_items(data.get("tags")),
    )
