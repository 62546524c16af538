"""Messages not in English are declined plainly before retrieval; English, however short or
full of drug names, is never mistaken for another language."""

from __future__ import annotations

import pytest

from service.answering.replies import NOT_ENGLISH_MESSAGE, SPANISH_MESSAGE
from service.understanding.language import NO_WORDS, OTHER_SCRIPT, foreign


@pytest.mark.parametrize(
    ("message", "why"),
    [
        ("ما هي أعراض سرطان الثدي؟", OTHER_SCRIPT),
        ("乳腺癌的症状是什么？", OTHER_SCRIPT),
        ("Какие симптомы рака груди?", OTHER_SCRIPT),
        ("😀😀😀🔥🔥", NO_WORDS),
        ("??? 123 !!!", NO_WORDS),
        ("¿Cuáles son los síntomas del cáncer de mama?", "es"),
        ("mi esposo tiene cancer y no puede respirar", "es"),
        ("Quels sont les symptômes du cancer du sein?", "fr"),
        ("Ung thư vú có di truyền không?", "vi"),
    ],
)
def test_other_languages_and_scripts_are_found(message: str, why: str) -> None:
    assert foreign(message) == why


@pytest.mark.parametrize(
    "message",
    [
        "symptoms of melanoma?",
        "is PSA test accurate",
        "FOLFOX neuropathy",
        "thx",
        "tamoxifen hot flashes normal?",
        "Mama have chemo for leukemia, the fever is 39.6 and she don't wake up good",
        "Hello, I am writing from Poland, my english is not so good, sorry for mistakes.",
        "Can you tell me about mycosis fungoides and Sezary syndrome",
    ],
)
def test_english_is_english_however_short_or_technical(message: str) -> None:
    assert foreign(message) is None


def test_the_service_declines_before_retrieval_and_triage_still_comes_first(tiny_service) -> None:  # type: ignore[no-untyped-def]
    arabic = tiny_service.ask("ما هي أعراض سرطان الثدي؟")
    assert arabic.abstained and arabic.message == NOT_ENGLISH_MESSAGE
    assert arabic.passages == () and arabic.citations == () and arabic.safety is None
    spanish = tiny_service.ask("¿Cuáles son los efectos secundarios del lapatinib?")
    assert spanish.message == SPANISH_MESSAGE and spanish.message_lang == "es"
    assert all(number in spanish.message for number in ("911", "988", "1-800-422-6237"))
    assert arabic.message_lang == "en"
    assert tiny_service.ask("mi esposo can't breathe and his lips are blue").safety == "emergency"
    assert not tiny_service.ask("What are the side effects of lapatinib?").abstained
