"""Red flags told in Spanish get the same tiers as in English, and the reply in Spanish; topic
questions, long-past events and English text are left alone."""

from __future__ import annotations

import pytest

from service.safety import spanish
from service.safety.tiers import CRISIS, EMERGENCY, PERSONAL, URGENT, reply
from service.safety.triage import triage


@pytest.mark.parametrize(
    ("message", "tier"),
    [
        ("Mi papá no puede respirar y tiene los labios morados", EMERGENCY),
        ("mi esposa esta tosiendo sangre desde anoche, tiene cancer de pulmon", EMERGENCY),
        ("Mi hijo se tragó unas pastillas de mi quimio, tiene 3 años", EMERGENCY),
        ("MI ABUELA NO SE DESPIERTA Y RESPIRA RARO", EMERGENCY),
        ("a mi tio le dio una convulsion hace 10 minutos, tiene un tumor en el cerebro", EMERGENCY),
        ("se le esta hinchando la cara y la garganta durante la infusion", EMERGENCY),
        ("ya no aguanto mas, quiero quitarme la vida", CRISIS),
        ("he estado guardando mis pastillas para cuando ya no pueda mas", CRISIS),
        ("Mi mamá dice que es una carga para nosotros y que estaríamos mejor sin ella", CRISIS),
        ("Estoy en quimioterapia y tengo fiebre de 38.6, ¿qué hago?", URGENT),
        ("mi niño tiene leucemia y tiene calentura y escalofrios", URGENT),
        ("el cateter de mi esposo esta rojo y le sale pus, esta en quimio", URGENT),
        ("¿Puedo tomar cúrcuma con mi quimioterapia?", PERSONAL),
        ("¿Cuánto tiempo le queda a mi papá? El doctor dice que el cáncer se extendió", PERSONAL),
        ("¿Debo dejar la quimio? Me siento muy mal con los efectos", PERSONAL),
    ],
)
def test_a_red_flag_told_in_spanish_gets_its_tier(message: str, tier: str) -> None:
    assert triage(message, learned=False).category == tier


@pytest.mark.parametrize(
    "message",
    [
        "¿Qué es una convulsión y por qué pasa con los tumores del cerebro?",
        "¿Cuáles son los signos de una reacción alérgica a la quimioterapia?",
        "Hace dos años mi papá tuvo una convulsión, ahora está bien. ¿Qué tumores causan eso?",
        "Mi esposo no tiene fiebre y está bien. ¿Cómo se trata el cáncer de colon?",
        "¿Cuáles son los síntomas del cáncer de mama?",
    ],
)
def test_topic_questions_and_past_events_in_spanish_get_no_tier(message: str) -> None:
    assert spanish.matches(message) == ()
    assert triage(message, learned=False).category is None


@pytest.mark.parametrize(
    "message",
    [
        "What are convulsions? My dad had one years ago.",
        "Is suicidal intent common after a cancer diagnosis? I'm asking for a class.",
        "What does a port look like and how is it placed?",
    ],
)
def test_english_text_never_fires_a_spanish_concept(message: str) -> None:
    assert spanish.matches(message) == ()


def test_accents_are_optional() -> None:
    assert spanish.fold("Está vomitando sangre, ¿qué hago? Niño") == "esta vomitando sangre, ¿que hago? nino"
    with_accents = triage("Mi mamá está vomitando sangre", learned=False)
    without = triage("mi mama esta vomitando sangre", learned=False)
    assert with_accents.category == without.category == EMERGENCY


def test_the_spanish_replies_keep_every_number() -> None:
    assert "911" in reply(EMERGENCY, lang="es") and "llame" in reply(EMERGENCY, lang="es").lower()
    assert "988" in reply(CRISIS, lang="es") and "oprima el 2" in reply(CRISIS, lang="es")
    assert "911" in reply(CRISIS, frozenset({EMERGENCY}), lang="es").split(".")[0]
    assert "988" in reply(EMERGENCY, frozenset({CRISIS}), lang="es")
    for tier in (URGENT, PERSONAL):
        assert "1-800-422-6237" in reply(tier, lang="es")
    assert reply(EMERGENCY) != reply(EMERGENCY, lang="es")


def test_the_service_answers_a_spanish_red_flag_in_spanish(tiny_service) -> None:  # type: ignore[no-untyped-def]
    emergency = tiny_service.ask("mi esposo tiene cancer y no puede respirar")
    assert emergency.safety == EMERGENCY and emergency.message_lang == "es"
    assert emergency.message == reply(EMERGENCY, lang="es") and emergency.passages == ()
    urgent = tiny_service.ask("Mi hija tiene leucemia y fiebre de 38.5 después de la quimio. ¿Es normal?")
    assert urgent.safety == URGENT and urgent.message_lang == "es"
    assert urgent.message == reply(URGENT, lang="es")
    plain = tiny_service.ask("¿Cuáles son los efectos secundarios del lapatinib?")
    assert plain.safety is None and plain.message_lang == "es"
    # mostly English with a Spanish red flag: the tier, and the reply in English
    mixed = tiny_service.ask("my husband has colon cancer, el pecho le duele mucho, please what do I do")
    assert mixed.safety == EMERGENCY
