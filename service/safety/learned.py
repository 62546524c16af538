"""The learned layer of triage: two logistic-regression models in one small, versioned artifact.

- *lexical*: TF-IDF over word and stem 1-2-grams and character 3-5-grams of a normalised message part
  (robust to typos and new wording); applied to each sentence and clause.
- *semantic*: over the message's MiniLM sentence embedding, the vector the service computes for
  retrieval anyway; used only when the artifact's model name matches the embedder's.

Both are trained by ``python -m eval.train_triage`` (``make triage-model``) from the messages in
``eval/triage/``, with a stacker over both and the rules' findings; the artifact records its
format version, the training-data hash, the bias chosen by cross-validation and the scores it
reached. Only numpy is needed here.
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import ConfigError

FORMAT_VERSION = 3
"""2: arrays are stored as base64 float32 (0.03 s to load instead of version 1's 0.23 s for number lists);
3: the stackers also read the message's cues (``situation.CUES``: framing, time, reality)."""
DEFAULT_PATH = Path(__file__).with_name("triage_model.json")
LABELS = ("none", "personal_advice", "urgent", "crisis", "emergency")
_TOKEN = re.compile(r"[a-z0-9']+")


@cache
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def features(text: str) -> Counter[str]:
    """Word 1-2-grams, stemmed 1-2-grams and skip-bigrams, and character 3-5-grams (inside word
    boundaries) of normalised text."""
    words = [_word(w) for w in _TOKEN.findall(text)]
    grams = list(chain.from_iterable(grams for _, _, grams in words))
    grams += [f"b:{a} {b}" for (a, _, _), (b, _, _) in zip(words, words[1:], strict=False)]
    grams += [f"t:{a} {b}" for (_, a, _), (_, b, _) in zip(words, words[1:], strict=False)]
    grams += [f"k:{a} {c}" for (_, a, _), (_, c, _) in zip(words, words[2:], strict=False)]
    return Counter(grams)


@lru_cache(maxsize=2048)
def _word(word: str) -> tuple[str, str, tuple[str, ...]]:
    """A word, its stem, and its grams of one word: itself, its stem and its character 3-5-grams
    (padded with a space each side). Words recur across the sentences and clauses of a message,
    and across messages; 2,048 of them hold about 4 MB."""
    stem = _stemmer().stemWord(word)
    padded = f" {word} "
    chars = (f"c:{padded[i : i + n]}" for n in (3, 4, 5) for i in range(len(padded) - n + 1))
    return word, stem, (f"w:{word}", f"s:{stem}", *chars)


@dataclass(frozen=True)
class Linear:
    """A multinomial logistic regression: ``probabilities(x) = softmax(W x + b)``."""

    weights: np.ndarray  # (labels, features)
    bias: np.ndarray  # (labels,)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return softmax(x @ self.weights.T + self.bias)


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The lexical model's grams, column ``i`` at position ``i``, sorted, as one fixed-width byte
    array: about 4 MB in the server where a dict of 145,000 strings took about 25 MB."""

    grams: np.ndarray  # dtype ``S<width>`` (UTF-8), strictly increasing

    @classmethod
    def of(cls, grams: list[str]) -> Vocabulary:
        encoded = [g.encode("utf-8") for g in grams]
        width = max((len(g) for g in encoded), default=1)
        array = np.array(encoded, dtype=f"S{width}")
        if len(array) > 1 and not bool(np.all(array[1:] > array[:-1])):
            raise ConfigError(
                "triage model vocabulary is not sorted and unique: rebuild it with `make triage-model`"
            )
        return cls(array)

    def __len__(self) -> int:
        return len(self.grams)

    def words(self) -> list[str]:
        return [g.decode("utf-8") for g in self.grams.tolist()]

    @cached_property
    def _hashed(self) -> tuple[np.ndarray, np.ndarray]:
        """Each gram's ``hash`` (this process's), sorted, and the column it stands for: a lookup
        is then a search among integers rather than among byte strings, about three times faster,
        in 3 MB rather than the 25 MB of a dict."""
        hashes = np.array([hash(g) for g in self.words()], dtype=np.int64)
        order = np.argsort(hashes, kind="stable")
        return hashes[order], order.astype(np.int64)

    def columns(self, grams: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(positions, columns)``: which of ``grams`` are in the vocabulary, and their columns.
        Grams are matched by their 64-bit hash: that a gram outside the vocabulary shares one with
        any of its 200,000 grams has odds of about 1 in 10^14, and would add one small weight."""
        if not len(self.grams) or not grams:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        hashes, order = self._hashed
        query = np.fromiter(map(hash, grams), dtype=np.int64, count=len(grams))
        ascending = np.argsort(query)  # numpy's binary search narrows from the last key when keys rise
        at = np.minimum(np.searchsorted(hashes, query[ascending]), len(hashes) - 1)
        hit = hashes[at] == query[ascending]
        positions, columns = ascending[hit], order[at[hit]]
        back = np.argsort(positions)
        return positions[back], columns[back]


@dataclass(frozen=True)
class Lexical:
    vocabulary: Vocabulary
    idf: np.ndarray
    model: Linear

    def matrix(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(columns, values)``: the vocabulary columns any of ``texts`` has, and each text's
        sublinear, IDF-weighted, unit-length values over them (one row per text). Each distinct
        gram is looked up once: a message's sentences and clauses share most of theirs."""
        counted = [features(t) for t in texts]
        distinct = list(dict.fromkeys(chain.from_iterable(counted)))
        positions, cols = self.vocabulary.columns(distinct)
        slot = dict(zip(map(distinct.__getitem__, positions.tolist()), range(len(positions)), strict=True))
        sizes = [len(grams) for grams in counted]
        total = sum(sizes)
        at = np.fromiter(map(slot.get, chain.from_iterable(counted), repeat(-1)), dtype=np.int64, count=total)
        n = np.fromiter(chain.from_iterable(g.values() for g in counted), dtype=np.float32, count=total)
        row = np.repeat(np.arange(len(texts)), sizes)
        found = at >= 0
        counts = np.zeros((len(texts), len(positions)), dtype=np.float32)
        counts[row[found], at[found]] = n[found]
        values = np.zeros_like(counts)
        seen = counts > 0
        values[seen] = 1.0 + np.log(counts[seen])
        values *= self.idf[cols]
        norms = np.linalg.norm(values, axis=1, keepdims=True)
        return cols, values / np.where(norms > 0, norms, 1.0)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        cols, values = self.matrix(texts)
        return softmax(values @ self.model.weights[:, cols].T + self.model.bias)


@dataclass(frozen=True)
class TriageModel:
    """Two first-level models and a stacker that weighs them with the rule layer's findings.

    The stacker reads ``log`` probabilities of the lexical model (highest over the message's
    parts), of the semantic model (when a vector from the right embedder is given) and which
    tiers the rules found; ``bias`` (per layer, added to the stacker's logits: up for ``none``,
    down for ``personal_advice``) was set on out-of-fold predictions so that false alarms stay
    within budget.
    """

    lexical: Lexical
    semantic: Linear | None
    semantic_model: str | None
    stack_full: Linear
    stack_lexical: Linear
    bias: dict[str, list[float]]
    meta: dict[str, object]

    def semantic_probabilities(self, vector: np.ndarray | None, model_name: str | None) -> np.ndarray | None:
        """The semantic model's probabilities for the message vector, when it fits this model."""
        if self.semantic is None or vector is None or model_name != self.semantic_model:
            return None
        if vector.shape[-1] != self.semantic.weights.shape[1]:
            return None
        return self.semantic.probabilities(vector.reshape(1, -1))[0]

    def decide(
        self,
        parts: list[str],
        rule_tiers: set[str],
        vector: np.ndarray | None = None,
        model_name: str | None = None,
        cues: list[float] | None = None,
    ) -> str:
        """The learned label: ``none`` or a tier. ``cues``: the message's ``situation.cue_features``."""
        per_part = self.lexical.probabilities(parts)
        semantic = self.semantic_probabilities(vector, model_name)
        layer = "full" if semantic is not None else "lexical"
        stacker = self.stack_full if semantic is not None else self.stack_lexical
        x = stack_features(per_part.max(axis=0), semantic, rule_tiers, cues or [])
        if x.shape[0] != stacker.weights.shape[1]:
            raise ConfigError(
                f"triage model reads {stacker.weights.shape[1]} stack features, not {x.shape[0]}: "
                "rebuild it with `make triage-model`"
            )
        z = x @ stacker.weights.T + stacker.bias
        z = z + np.asarray(self.bias[layer], dtype=np.float32)
        return LABELS[int(np.argmax(z))]

    def to_dict(self) -> dict[str, object]:
        vocab = self.lexical.vocabulary.words()
        return {
            "format_version": FORMAT_VERSION,
            "labels": list(LABELS),
            "meta": self.meta,
            "bias": self.bias,
            "lexical": {
                "vocabulary": vocab,
                "idf": _pack(self.lexical.idf),
                **_linear_dict(self.lexical.model),
            },
            "semantic": None
            if self.semantic is None
            else {"model": self.semantic_model, **_linear_dict(self.semantic)},
            "stack_full": _linear_dict(self.stack_full),
            "stack_lexical": _linear_dict(self.stack_lexical),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TriageModel:
        if data.get("format_version") != FORMAT_VERSION or tuple(data.get("labels") or ()) != LABELS:
            raise ConfigError(
                f"triage model format {data.get('format_version')!r} is not {FORMAT_VERSION}: "
                "rebuild it with `make triage-model`"
            )
        lex = data["lexical"]
        lexical = Lexical(
            Vocabulary.of(lex["vocabulary"]),
            _unpack(lex["idf"]),
            _linear(lex),
        )
        sem = data.get("semantic")
        return cls(
            lexical,
            _linear(sem) if sem else None,
            sem["model"] if sem else None,
            _linear(data["stack_full"]),
            _linear(data["stack_lexical"]),
            {k: [float(b) for b in v] for k, v in data["bias"].items()},
            dict(data["meta"]),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> TriageModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"triage model {path} cannot be read ({exc}): rebuild it with `make triage-model`"
            ) from exc
        return cls.from_dict(data)


def stack_features(
    lexical: np.ndarray, semantic: np.ndarray | None, rule_tiers: set[str], cues: list[float]
) -> np.ndarray:
    """The stacker's input: log probabilities of each first-level model, the rules' tiers and the
    message's cues."""
    rules = [1.0 if t in rule_tiers else 0.0 for t in LABELS[1:]]
    logs = [np.log(lexical + 1e-4)] + ([np.log(semantic + 1e-4)] if semantic is not None else [])
    return np.concatenate([*logs, np.asarray(rules), np.asarray(cues, dtype=np.float32)]).astype(np.float32)


def _linear_dict(model: Linear) -> dict[str, object]:
    return {"weights": _pack(model.weights), "bias": _pack(model.bias)}


def _linear(data: dict[str, Any]) -> Linear:
    return Linear(_unpack(data["weights"]), _unpack(data["bias"]))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=-1, keepdims=True))


def _pack(a: np.ndarray) -> dict[str, object]:
    """A float32 array as its shape and little-endian bytes in base64 (exact, and quick to load)."""
    data = np.ascontiguousarray(a, dtype="<f4")
    return {"shape": list(data.shape), "f4": base64.b64encode(data.tobytes()).decode("ascii")}


def _unpack(packed: dict[str, Any]) -> np.ndarray:
    raw = base64.b64decode(packed["f4"])
    return np.frombuffer(raw, dtype="<f4").reshape(packed["shape"]).astype(np.float32)
