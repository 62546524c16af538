"""Safety: which messages get a fixed reply (911, 988), an urgent call-your-care-team box, or a
personal-advice note, and the replies themselves. ``triage`` is the entry point."""

from service.safety.tiers import (
    CRISIS,
    EMERGENCY,
    FIXED,
    PERSONAL,
    PERSONAL_WITH_INFO,
    URGENT,
    URGENT_WITH_INFO,
    reply,
)
from service.safety.triage import Triage, triage

__all__ = [
    "CRISIS",
    "EMERGENCY",
    "FIXED",
    "PERSONAL",
    "PERSONAL_WITH_INFO",
    "URGENT",
    "URGENT_WITH_INFO",
    "Triage",
    "reply",
    "triage",
]
