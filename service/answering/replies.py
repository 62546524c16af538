"""The service's own words: the plain replies it gives when it does not quote the sources.

``abstain`` (the sources do not answer), ``not_english`` (a message we cannot read), and the note
every reply carries. Safety replies (911, 988, the care team) live in ``service/safety/tiers.py``.
"""

from __future__ import annotations

from service.answer import Answer, Passage

ABSTAIN_MESSAGE = (
    "I could not find an answer to that in the trusted sources I search. "
    "Please ask your care team, or call NCI's Cancer Information Service at 1-800-4-CANCER "
    "(1-800-422-6237), which also answers in Spanish."
)
NOTICE = "General information, not medical advice. Talk to your care team about your own situation."
NOT_ENGLISH_MESSAGE = (
    "I can only read and answer questions written in English, and I could not find one in this message. "
    "If this is an emergency, call 911. NCI's Cancer Information Service answers questions in English and "
    "Spanish at 1-800-4-CANCER (1-800-422-6237)."
)
SPANISH_MESSAGE = (
    "Nuestra información está en inglés, así que solo puedo responder preguntas escritas en inglés. "
    "Si es una emergencia, llame al 911. Si tiene pensamientos suicidas, llame o envíe un mensaje de texto "
    "al 988 (para español, oprima el 2). El Servicio de Información sobre el Cáncer del NCI responde sus "
    "preguntas en español al 1-800-422-6237."
)
"""The reply to a message in Spanish, in Spanish (reviewed wording; the numbers are tappable)."""


def not_english(language: str) -> tuple[str, str]:
    """The plain reply to a message not in English, and the language it is written in: Spanish
    for a message in Spanish, English otherwise."""
    if language == "es":
        return SPANISH_MESSAGE, "es"
    return NOT_ENGLISH_MESSAGE, "en"


def abstain(
    passages: tuple[Passage, ...], suggestions: tuple[str, ...] = (), confidence: float | None = None
) -> Answer:
    """The plain "the sources do not answer this" reply, with nearby topics when there are some."""
    return Answer(
        (),
        (),
        passages,
        abstained=True,
        message=ABSTAIN_MESSAGE,
        notice=NOTICE,
        suggestions=suggestions,
        confidence=confidence,
    )
