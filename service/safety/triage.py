"""Safety triage of one message, before retrieval.

``triage(text, vector=None, model_name=None)`` splits the message into sentences and clauses
(``clauses.parts``) and triages each with two layers, recall first:

1. *knowledge*: the red-flag concepts of ``concepts.py`` (lay descriptions from trusted guidance),
   counted only when they describe a situation rather than ask about a topic (``situation.py``),
   and the same guidance in Spanish (``spanish.py``);
2. *learned*: the logistic-regression models of ``learned.py`` over each part's words and
   characters and over the message's sentence embedding, weighed by a stacker that also sees
   what the rules found.

A tier fires when either layer finds it; the strongest tier wins (``tiers.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from service.safety import situation, spanish
from service.safety.clauses import parts, sentences
from service.safety.concepts import Concept
from service.safety.learned import TriageModel
from service.safety.tiers import CRISIS, EMERGENCY, PERSONAL, URGENT, strongest

TAKEN = "overdose_taken"
"""Concepts that say an overdose was already taken: an emergency first, even when it was meant."""


@dataclass(frozen=True)
class Triage:
    category: str | None
    tiers: frozenset[str] = frozenset()
    """Every tier that fired (the strongest is ``category``)."""
    concepts: tuple[str, ...] = ()
    """Ids of the red-flag concepts that fired: why, for tests and the eval report (never logged)."""


def rule_matches(pieces: list[str]) -> list[list[Concept]]:
    """The concepts that fire in each part. Rules read sentences and clauses (the whole message
    only when it is one sentence), so "two years ago" in one sentence does not excuse "right now"
    in another."""
    message = pieces[0]
    whole = len(sentences(message)) <= 1
    if spanish.dominant(message):  # told in Spanish: the Spanish rules read it
        return [list(spanish.matches(message))] + [[] for _ in pieces[1:]]
    found = [situation.matches(p, message) if i or whole else [] for i, p in enumerate(pieces)]
    found[0] = [*found[0], *spanish.matches(message)]  # a red flag in Spanish inside an English message
    return found


@cache
def default_model() -> TriageModel:
    return TriageModel.load()


def triage(
    text: str,
    vector: np.ndarray | None = None,
    model_name: str | None = None,
    model: TriageModel | None = None,
    learned: bool = True,
    rules: Triage | None = None,
) -> Triage:
    """Triage ``text``; ``learned=False`` asks the knowledge rules alone (no model, no vector).
    ``rules``: what the rules alone already found for this very text (they are not run again)."""
    pieces = parts(text)
    if rules is None:
        found = [c for fired in rule_matches(pieces) for c in fired]
        tiers = {c.tier for c in found}
        concept_ids = tuple(dict.fromkeys(c.id for c in found))
    else:
        tiers, concept_ids = set(rules.tiers), rules.concepts
    if not learned:
        return Triage(_category(tiers, concept_ids), frozenset(tiers), concept_ids)
    model = model or default_model()
    cues = situation.cue_features(pieces[0], len(sentences(pieces[0])))
    label = model.decide(pieces, tiers, vector, model_name, cues)
    if label == PERSONAL and not situation.names_a_person(pieces[0]):
        label = "none"  # "phesgo shot instead of iv" asks about a drug, not about a person
    if label == EMERGENCY and EMERGENCY not in tiers and situation.long_standing(pieces[0]):
        label = "none"  # the model alone does not call 911 for weeks of a problem and nothing sudden
    if label in (EMERGENCY, URGENT) and label not in tiers and situation.preparing(pieces[0]):
        label = "none"  # nor for signs someone prepares for ("just in case", "I want to be ready")
    if label in (EMERGENCY, URGENT, PERSONAL) and label not in tiers and situation.pet_only(pieces[0]):
        label = "none"  # an animal's signs are for a vet
    if label in (EMERGENCY, CRISIS, URGENT) and label not in tiers and situation.not_a_case(pieces[0], label):
        label = "none"  # nor for a memoir, a news story, a case study or a novel's character
    if label == EMERGENCY and EMERGENCY not in tiers and situation.calm(pieces[0]):
        label = URGENT  # "breathing is normal", "not an emergency": the care team now, not 911
    fired = tiers | ({label} if label != "none" else set())
    return Triage(_category(fired, concept_ids), frozenset(fired), concept_ids)


def _category(fired: set[str], concept_ids: tuple[str, ...]) -> str | None:
    """The strongest tier, except that an overdose already taken is answered as an emergency (with
    988 added) rather than as a crisis (with 911 added): the poisoning comes first."""
    top = strongest(list(fired))
    if top == CRISIS and EMERGENCY in fired and TAKEN in concept_ids:
        return EMERGENCY
    return top
