"""Literal anchors of a regular expression: strings, one of which every match must contain.

The red-flag rules are some 360 large regular expressions; nearly all of them fail on nearly
every message, and searching each of them in each sentence and clause was most of triage's time.
``anchors(pattern)`` reads the pattern's syntax tree and finds plain strings such that any match
contains at least one of them: ``r"\\b(?:kill|hurt) (?:myself|himself)\\b"`` gives the four
phrases; ``r"\\b(?:pills|meds)\\b.{0,40}\\bon purpose"`` gives whichever word set is the more
selective. A message that contains none of a pattern's anchors cannot match it, and the pattern
is not searched: an exact prefilter, in the spirit of RE2's, for the syntax the rules use.
``None`` means no anchor was found (the pattern is always searched).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

try:  # Python 3.11+ names the parser ``re._parser`` (``sre_parse`` is its deprecated alias)
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_MIN_LENGTH = 2
"""Anchors shorter than this (not counting spaces) are not worth checking."""
_COMMON = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "had", "has",
        "have", "he", "her", "him", "his", "i", "if", "in", "is", "it", "me", "my", "no", "not", "of", "on",
        "or", "our", "she", "so", "that", "the", "them", "they", "this", "to", "up", "was", "we", "what",
        "when", "with", "you", "your",
    }
)  # fmt: skip
"""Words in nearly every message: as anchors they select nothing, so they count as one letter."""
_MAX_STRINGS = 64
"""At most this many strings stand for one run of items."""
_SELECTIVE = 5
"""Anchors of this many characters are rare enough: between such sets, the smaller one wins."""
_MAX_CLASS = 10
"""Character classes of at most this many characters are spelled out (``[4-8]``)."""

Anchors = frozenset[str] | None


def anchors(pattern: str | re.Pattern[str]) -> Anchors:
    """Strings one of which is in every match of ``pattern``, or ``None`` when none were found.
    Patterns compiled with ``re.IGNORECASE`` get lowercase anchors (check a lowercased text)."""
    if isinstance(pattern, re.Pattern):
        flags, source = pattern.flags, pattern.pattern
    else:
        flags, source = 0, pattern
    try:
        tree = _p.parse(source, flags)
    except re.error:
        return None
    if tree.state.flags & re.IGNORECASE:
        found = _sequence(list(tree))
        return None if found is None else frozenset(s.lower() for s in found)
    return _sequence(list(tree))


def _sequence(items: list[tuple[Any, Any]]) -> Anchors:
    """The best anchor set of a concatenation: a run of items that match few strings (their
    product: ``(?:is )?(?:10[0-6]|38)`` gives "100".."106", "38", "is 100", ...), or one item's
    own anchors."""
    candidates: list[frozenset[str]] = []
    run: set[str] = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # takes no characters: the items either side are adjacent in the match
        few = _few(op, av)
        if few is not None and len(run) * len(few) <= _MAX_STRINGS:
            run = {a + b for a in run for b in few}
            continue
        if run != {""}:
            candidates.append(frozenset(run))
        run = set(few) if few is not None else {""}
        if few is None:
            inner = _item(op, av)
            if inner is not None:
                candidates.append(inner)
    if run != {""}:
        candidates.append(frozenset(run))
    return _best(candidates)


def _few(op: Any, av: Any) -> set[str] | None:
    """Every string an item can match, when they are few (a literal, a small class, an optional
    or alternative group of such), else ``None``."""
    if op is _c.LITERAL:
        return {chr(av)}
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < _MAX_CLASS:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None  # a negated class, a category (``\d``), a wide range
        return chars if len(chars) <= _MAX_CLASS else None
    if op is _c.SUBPATTERN:
        return _few_sequence(list(av[-1]))
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _few_sequence(list(branch))
            if found is None:
                return None
            union |= found
        return union if len(union) <= _MAX_STRINGS else None
    if op in _REPEATS:
        low, high, inner = av
        if high > 3:
            return None
        once = _few_sequence(list(inner))
        if once is None:
            return None
        out: set[str] = set()
        layer = {""}
        for times in range(high + 1):
            if times >= low:
                out |= layer
            layer = {a + b for a in layer for b in once}
            if len(layer) > _MAX_STRINGS:
                return None
        return out if len(out) <= _MAX_STRINGS else None
    return None


def _few_sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    out = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        few = _few(op, av)
        if few is None or len(out) * len(few) > _MAX_STRINGS:
            return None
        out = {a + b for a in out for b in few}
    return out


def _item(op: Any, av: Any) -> Anchors:
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if found is None:
                return None  # one way to match with no anchor: the whole alternation has none
            union |= found
        return _simplest(union)
    if op in _REPEATS:
        low, _high, inner = av
        return _sequence(list(inner)) if low >= 1 else None
    return None  # any character, a wide or negated class, a back-reference: no literal


def _simplest(strings: set[str]) -> frozenset[str]:
    """Drop strings that contain another one of the set ("killing" when "kill" is there)."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _best(candidates: list[frozenset[str]]) -> Anchors:
    """The most selective candidate: the longest shortest string (up to ``_SELECTIVE``; common
    words count as one letter), then the fewest strings."""
    scored = [(min(_SELECTIVE, *(_length(s) for s in c)), -len(c), _simplest(set(c))) for c in candidates]
    useful = [entry for entry in scored if entry[0] >= _MIN_LENGTH]
    if not useful:
        return None
    return max(useful, key=lambda entry: entry[:2])[2]


def _length(anchor: str) -> int:
    word = anchor.strip()
    return 1 if word in _COMMON else len(word)


class Prefilter:
    """Which of many patterns could match a text: those with an anchor in it, and those with none.

    ``possible(text)`` is a superset of the patterns that match ``text`` or any piece of it (a
    substring has no anchor its whole lacks), found in one Aho-Corasick pass over the text for
    all the anchors at once (about 0.01 ms for a long message) rather than a search per pattern."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._always: list[int] = []
        self._lower = False
        index: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            found = anchors(pattern)
            self._lower |= bool(pattern.flags & re.IGNORECASE)
            if found is None:
                self._always.append(i)
            for anchor in found or ():
                index.setdefault(anchor, []).append(i)
        self._automaton = _automaton({anchor: tuple(which) for anchor, which in index.items()})

    def possible(self, text: str) -> frozenset[int]:
        if self._lower:
            text = text.lower()
        out = set(self._always)
        if self._automaton is not None:
            for _, which in self._automaton.iter(text):
                out.update(which)
        return frozenset(out)


class Quick:
    """A compiled pattern whose search is skipped, with the same answer, when the text holds
    none of its anchors: for the large message-level patterns searched once per message."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        needs = anchors(pattern)
        self._automaton = None if needs is None else _automaton({a: () for a in needs})
        self._lower = bool(pattern.flags & re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        automaton, seen = self._automaton, text.lower() if self._lower else text
        if automaton is not None and next(automaton.iter(seen), None) is None:
            return None
        return self.pattern.search(text)


def _automaton(words: dict[str, tuple[int, ...]]) -> Any:
    """An Aho-Corasick automaton of ``words``, each with its value; ``None`` for no words."""
    if not words:
        return None
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word, value in words.items():
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton
