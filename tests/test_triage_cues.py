"""The message cues the learned layer's stacker reads (framing, time, reality), and the stacker's
refusal of a model trained on other features."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.errors import ConfigError
from service.safety.clauses import parts, sentences
from service.safety.learned import LABELS, Linear
from service.safety.situation import CUES, cue_features
from service.safety.triage import default_model


def cues_of(text: str) -> dict[str, float]:
    clean = parts(text)[0]
    return dict(zip(CUES, cue_features(clean, len(sentences(clean))), strict=True))


def test_cues_read_framing_time_and_reality() -> None:
    asked = cues_of("What are the signs of a blood clot in the lung?")
    assert asked["asks_information"] == 1.0 and asked["happening_now"] == 0.0
    told = cues_of("Two years ago he had a clot. He is doing well now.")
    assert told["history"] == 1.0 and told["over"] == 1.0
    now = cues_of("She can't breathe right now and her lips look blue.")
    assert now["happening_now"] == 1.0 and now["history"] == 0.0
    assert cues_of("If I ever get a fever on chemo, who do I call?")["hypothetical"] == 1.0
    assert cues_of("Our dog has been vomiting since Tuesday.")["not_real"] == 1.0
    assert cues_of("One. Two. Three.")["sentences"] == pytest.approx(0.3)
    assert cues_of(" ".join(["Sentence."] * 25))["sentences"] == 1.0


def test_a_stacker_trained_on_other_features_is_refused_with_how_to_rebuild() -> None:
    model = default_model()
    short = Linear(model.stack_lexical.weights[:, :-1], model.stack_lexical.bias)
    other = replace(model, stack_lexical=short)
    cues = list(cues_of("my port site is oozing").values())
    assert model.decide(["my port site is oozing"], set(), None, None, cues) in LABELS
    with pytest.raises(ConfigError, match="make triage-model"):
        other.decide(["my port site is oozing"], set(), None, None, cues)
