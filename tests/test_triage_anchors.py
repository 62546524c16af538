"""The literal prefilter of the triage rules: a pattern is skipped only when it cannot match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from service.safety import clauses, situation
from service.safety.anchors import Prefilter, anchors
from service.safety.triage import triage

TRIAGE_DATA = Path(__file__).parents[1] / "eval" / "triage"


def messages(every: int) -> list[str]:
    """Every ``every``-th message of the triage training data (in the repository)."""
    found = [
        json.loads(line)["text"]
        for path in sorted(TRIAGE_DATA.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(found) > 1000, "the triage training data is missing"
    return found[::every]


def test_anchors_are_strings_every_match_contains() -> None:
    assert anchors(r"\b(?:kill|killing|hurt) (?:myself|himself)\b") == {
        "kill myself", "kill himself", "killing myself", "killing himself", "hurt myself", "hurt himself"
    }  # fmt: skip
    assert anchors(r"\b(?:10[0-6]|38|39)\b") == {f"10{d}" for d in "0123456"} | {"38", "39"}
    assert anchors(r"\b(?:10[0-6]|38) ?[fc]\b") == {f"{n}{s}{u}" for n in ("100", "101", "102", "103", "104", "105", "106", "38") for s in ("", " ") for u in "fc"}
    assert anchors(r"\bheart (?:is )?(?:racing|pounding)") == {
        "heart racing", "heart pounding", "heart is racing", "heart is pounding"
    }  # fmt: skip
    assert anchors(r"\b(?:pills|meds)\b[^.?!]{0,40}\b(?:on purpose|deliberately)") == {"on purpose", "deliberately"}
    assert anchors(r"(?i)\bChest PAIN\b") == {"chest pain"}


def test_patterns_that_any_text_could_match_have_no_anchors() -> None:
    assert anchors(r"\d+ ?%") is None  # a digit class: no literal
    assert anchors(r"\bfever\b|\d+ ?f\b") is None  # one branch has none: the alternation has none
    assert anchors(r"(?:very )?\w+") is None  # an optional literal is not required
    assert anchors(r"\b(?:on|in|my) \w+") is None  # common words select nothing
    assert anchors(r"[unclosed") is None


def test_the_prefilter_keeps_every_pattern_that_matches() -> None:
    patterns = [re.compile(p) for p in (r"\bfever of 10[1-4]\b", r"\bcan't breathe\b", r"\d+ ?%", r"(?i)BLEEDING")]
    prefilter = Prefilter(patterns)
    assert prefilter.possible("he has a fever of 102 and is bleeding") == {0, 2, 3}
    assert prefilter.possible("what is a normal temperature?") == {2}


def test_every_match_of_every_rule_in_real_messages_contains_one_of_its_anchors() -> None:
    text = "\n".join(clauses.normalise(t) for t in messages(every=12))
    checked = 0
    for concept, cues, _, _ in situation._COMPILED:
        for cue in cues:
            needs = anchors(cue)
            for m in cue.finditer(text):
                checked += 1
                assert needs is None or any(a in m.group(0) for a in needs), (concept.id, m.group(0))
    assert checked > 300  # the sample holds many real matches, so the check has teeth


def test_the_rules_find_the_same_with_and_without_the_prefilter(monkeypatch: pytest.MonkeyPatch) -> None:
    sample = messages(every=25)
    with_prefilter = [triage(t, learned=False) for t in sample]
    everything = frozenset(range(sum(len(cues) for _, cues, _, _ in situation._COMPILED)))

    class Everything:
        """Every cue possible everywhere: each is searched in each part."""

        def possible(self, text: str) -> frozenset[int]:
            return everything

    monkeypatch.setattr(situation, "_PREFILTER", Everything())
    situation._live.cache_clear()
    clauses._parts.cache_clear()
    try:
        assert [triage(t, learned=False) for t in sample] == with_prefilter
    finally:
        situation._live.cache_clear()
    assert sum(r.category is not None for r in with_prefilter) > 100


def test_spelling_fixes_skipped_for_want_of_an_anchor_had_nothing_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    sample = messages(every=10)
    quick = [clauses.normalise(t) for t in sample]
    monkeypatch.setattr(clauses, "_FIXES", [(pattern, repl, None) for pattern, repl, _ in clauses._FIXES])
    assert [clauses.normalise(t) for t in sample] == quick
    assert sum(t.lower() != n for t, n in zip(sample, quick, strict=True)) > 100
