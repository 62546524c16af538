"""Safety tiers, their order of strength, and the fixed, reviewed replies that go with them.

``null`` (no tier) < ``personal_advice`` < ``urgent`` < ``emergency`` < ``crisis``: when several
parts of one message are triaged, the strongest tier wins. A crisis outranks an emergency because
the words that signal one ("so I won't wake up", "all my pills") also sound like an overdose;
when both are found, the crisis reply opens with the 911 instruction (see ``reply``). An overdose
already taken is the exception: it is a poisoning whatever the intent, so ``triage`` answers it
as an emergency, and the emergency reply then ends with the 988 line.
"""

from __future__ import annotations

EMERGENCY = "emergency"
CRISIS = "crisis"
URGENT = "urgent"
PERSONAL = "personal_advice"

TIERS = (PERSONAL, URGENT, EMERGENCY, CRISIS)
"""Weakest first; ``strength(tier)`` is the position (``None`` is -1)."""

FIXED = (EMERGENCY, CRISIS)
"""Tiers answered with a fixed reply before any retrieval."""

CANCER_INFO_LINE = "NCI's Cancer Information Service at 1-800-4-CANCER (1-800-422-6237)"

EMERGENCY_REPLY = (
    "Call 911 (or your local emergency number) now. What you describe can be a medical emergency "
    "and needs help right away. If the person is not breathing or cannot be woken, tell the 911 "
    "dispatcher, who will guide you until help arrives."
)
CRISIS_REPLY = (
    "I'm really sorry you're carrying this. You don't have to face it alone: please call or text 988 "
    "to reach the 988 Suicide & Crisis Lifeline, any time, day or night (chat at 988lifeline.org). "
    "If you might act on these thoughts now, call 911. Your care team also wants to know how you "
    "are feeling, and can help."
)
HARM_FROM_OTHERS = "harm_from_others"
"""The concept that someone is being hurt or threatened by another person (``concepts.py``)."""
HARM_REPLY = (
    "I'm sorry this is happening. You deserve to be safe. If you or anyone else is in danger now, "
    "call 911. The National Domestic Violence Hotline can help you plan to stay safe, any time, day "
    "or night: call 1-800-799-7233 or text START to 88788. If an older or disabled adult is being "
    "hurt or their money taken, call Adult Protective Services; the Eldercare Locator, 1-800-677-1116, "
    "can connect you. If you are having thoughts of hurting yourself, call or text 988. Your care "
    "team also wants to know, and can help."
)
CALL_911_FIRST = (
    "If someone has taken too much of a medicine, is hurt, or cannot be woken, call 911 (or your local "
    "emergency number) now. "
)
AND_988 = (
    " When the person is safe, please also call or text 988, the 988 Suicide & Crisis Lifeline, "
    "any time, day or night."
)
URGENT_REPLY = (
    "Call your cancer care team now, day or night. If their office is closed, use the after-hours "
    "number they gave you; do not wait for your next visit. If there is trouble breathing, chest pain, "
    "heavy bleeding, or the person cannot be woken, call 911."
)
PERSONAL_REPLY = (
    "I can't advise on your own situation, such as a diagnosis, a dose, or which treatment to choose. "
    "Your care team knows your case and is the right place for that question. "
    f"You can also call {CANCER_INFO_LINE}."
)
PERSONAL_WITH_INFO = (
    PERSONAL_REPLY + " Here is general information from trusted sources that may help you prepare:"
)
URGENT_WITH_INFO = URGENT_REPLY + " General information from trusted sources is below."


_REPLIES = {EMERGENCY: EMERGENCY_REPLY, CRISIS: CRISIS_REPLY, URGENT: URGENT_REPLY, PERSONAL: PERSONAL_REPLY}

CANCER_INFO_LINE_ES = (
    "El Servicio de Información sobre el Cáncer del NCI responde sus preguntas en español al 1-800-422-6237."
)
_REPLIES_ES = {
    EMERGENCY: (
        "Llame al 911 (o al número de emergencias de su país) ahora. Lo que describe puede ser una "
        "emergencia médica y necesita ayuda de inmediato. Si la persona no respira o no se despierta, "
        "dígaselo a la operadora del 911, que le guiará hasta que llegue la ayuda."
    ),
    CRISIS: (
        "Siento mucho que esté pasando por esto. No tiene que enfrentarlo a solas: llame o envíe un "
        "mensaje de texto al 988 (para español, oprima el 2) para hablar con la Línea 988 de Prevención "
        "del Suicidio y Crisis, a cualquier hora, de día o de noche. Si podría actuar sobre estos "
        "pensamientos ahora, llame al 911. Su equipo de atención también quiere saber cómo se siente, "
        "y puede ayudarle."
    ),
    URGENT: (
        "Llame ahora a su equipo de atención del cáncer, de día o de noche. Si el consultorio está "
        "cerrado, use el número para después del horario que le dieron; no espere a su próxima cita. "
        "Si hay dificultad para respirar, dolor de pecho, sangrado abundante o la persona no se "
        "despierta, llame al 911. " + CANCER_INFO_LINE_ES
    ),
    PERSONAL: (
        "No puedo aconsejarle sobre su situación personal, como un diagnóstico, una dosis o qué "
        "tratamiento elegir. Su equipo de atención conoce su caso y es el lugar indicado para esa "
        "pregunta. " + CANCER_INFO_LINE_ES
    ),
}
"""The same replies for a message in Spanish (the general answer is in English only, so a Spanish
urgent or personal-advice reply points to the Spanish line instead of quoting the sources)."""
CALL_911_FIRST_ES = (
    "Si alguien tomó demasiado de un medicamento, está herido o no se despierta, llame al 911 ahora. "
)
AND_988_ES = (
    " Cuando la persona esté a salvo, llame o envíe un mensaje de texto también al 988 (para español, "
    "oprima el 2), a cualquier hora."
)


def strength(tier: str | None) -> int:
    return TIERS.index(tier) if tier in TIERS else -1


def strongest(tiers: list[str | None]) -> str | None:
    return max(tiers, key=strength, default=None)


def reply(
    tier: str,
    also: frozenset[str] = frozenset(),
    answered: bool = False,
    concepts: tuple[str, ...] = (),
    lang: str = "en",
) -> str:
    """The fixed reply for ``tier``. A crisis that also shows an emergency opens with 911, and an
    emergency that also shows a crisis ends with 988; an urgent or personal-advice reply that comes
    with a general answer says so. A crisis that is harm from another person (``concepts``) gets
    the lines for safety at home (911, the Domestic Violence Hotline, Adult Protective Services, 988).
    ``lang="es"``: the reply in Spanish (the safety-at-home lines stay in English)."""
    if lang == "es" and not (tier == CRISIS and HARM_FROM_OTHERS in concepts):
        text = _REPLIES_ES[tier]
        if tier == CRISIS and EMERGENCY in also:
            text = CALL_911_FIRST_ES + text
        if tier == EMERGENCY and CRISIS in also:
            text += AND_988_ES
        return text
    if answered and tier in (URGENT, PERSONAL):
        return URGENT_WITH_INFO if tier == URGENT else PERSONAL_WITH_INFO
    text = HARM_REPLY if tier == CRISIS and HARM_FROM_OTHERS in concepts else _REPLIES[tier]
    if tier == CRISIS and EMERGENCY in also:
        text = CALL_911_FIRST + text
    if tier == EMERGENCY and CRISIS in also:
        text += AND_988
    return text
