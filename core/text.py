"""Text checks every edge shares."""

from __future__ import annotations


def encodable(text: str | None) -> bool:
    """False for text UTF-8 cannot carry: a lone surrogate, such as JSON's "\\ud800", would be
    stored and then break every page that shows it."""
    try:
        (text or "").encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
