"""Safety: which messages get a fixed reply (911, 988), an urgent call-your-care-team box, or a
personal-advice note, and the replies themselves. ``triage`` is the entry point."""

from service.safety.tiers import CRISIS, EMERGENCY, FIXED, PERSONAL, URGENT, reply
from service.safety.triage import Triage, triage

__all__ = ["CRISIS", "EMERGENCY", "FIXED", "PERSONAL", "URGENT", "Triage", "reply", "triage"]
