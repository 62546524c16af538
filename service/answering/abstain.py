"""Abstention: does the top section really answer the question, or is it only the nearest text?

``Answerability(documents)`` turns a retrieval result into ``Evidence``, seven numbers:

- ``dense``: cosine of the question and the best chunk of the top section (MiniLM);
- ``coverage``: the IDF-weighted share of the question's content terms that the top page uses
  (a term the corpus never uses weighs the most, so "pancreatic cancer symptoms" over a corpus
  without a pancreatic page covers little);
- ``rare_unknown``: words the corpus does not know (after spelling) that are also rare in
  everyday English (wordfreq Zipf < 4): drug, gene and disease names we have no page for;
- ``common_unknown``: everyday words the corpus does not know ("passport", "pizza"), capped at 3;
- ``site_fit``: whether the top page is about the cancer the question names (1 when a site or type
  word of the question, such as "vaginal", is in the page's title or cancer types; 0 when the
  question names one the page's names lack; 0.5 when it names none);
- ``type_fit``: whether the top section offers the kind of answer asked for (1 when its heading
  does, 0 when the question asks for a kind it does not offer, 0.5 when no kind is asked): "what
  causes liver cancer" answered from a symptoms section is a poor fit however close the words.
- ``sentence``: cosine of the question and the closest single sentence of the top section: a
  section can sit near a long message as a whole while none of its sentences says the thing
  asked (a dog's lymphoma, vaping, a mortgage after cancer).

``AbstainModel`` is a logistic regression over them, fitted by ``python -m eval.calibrate`` on our
suites' answerable, out-of-scope and unanswerable questions and stored in ``abstain.json``; the
service abstains when the probability of an answer is below the stored threshold.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from core.frequency import zipf
from index.lexical import term_set, term_words, terms
from ingest.model import Document
from service.answering.gaps import sites
from service.understanding.terms import offered, question_topics, topics

MODEL_PATH = Path(__file__).with_name("abstain.json")
RARE_ZIPF = 4.0
# Words that say what kind of answer is wanted, not what it is about.
_QUESTION_WORDS = set(
    terms(
        "cancer cancers tumor tumors symptoms signs treatment treatments treat treated options side "
        "effects outlook prognosis stage stages diagnosis diagnose diagnosed test tests risk risks cause "
        "causes prevent prevention screening screen trials trial research information common usually "
        "know tell explain mean means type types help normal happen long"
    )
)


@dataclass(frozen=True)
class Evidence:
    dense: float
    coverage: float
    rare_unknown: float
    common_unknown: float
    type_fit: float = 0.5
    site_fit: float = 0.5
    sentence: float = 0.5

    FEATURES = ("dense", "coverage", "rare_unknown", "common_unknown", "type_fit", "site_fit", "sentence")

    def vector(self) -> list[float]:
        return [float(getattr(self, name)) for name in self.FEATURES]

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(**{name: float(data[name]) for name in cls.FEATURES})


class Answerability:
    def __init__(self, documents: Iterable[Document]) -> None:
        documents = list(documents)
        self.vocab: dict[str, frozenset[str]] = {d.id: term_set(f"{d.title} {d.text}") for d in documents}
        df = Counter(t for v in self.vocab.values() for t in v)
        self.corpus_terms = frozenset(df)
        """Every stemmed word any page uses."""
        self.names: dict[str, frozenset[str]] = {
            d.id: frozenset(terms(" ".join([d.title, *d.meta.cancer_types]))) for d in documents
        }
        n = len(self.vocab)
        self._idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        self._unseen = math.log((n + 1) / 0.5)

    def evidence(
        self,
        query: str,
        top_doc: str,
        dense: float,
        unknown: Sequence[str],
        heading: str = "",
        sentence: float = 0.5,
    ) -> Evidence:
        # Each content term weighs its IDF in the corpus times how specific it is in everyday
        # English: "thermography" counts, "always" and "good" barely do. Everyday words the corpus
        # never uses ("scared", "husband") are context, not subject, and words naming the answer
        # type ("define", "raise") are left to the reranker.
        weights: dict[str, float] = {}
        for t, w in term_words(query):
            if t in _QUESTION_WORDS or topics(w) or (t not in self._idf and zipf(w) >= RARE_ZIPF):
                continue
            weights[t] = self._idf.get(t, self._unseen) * min(1.0, max(0.1, (6.0 - zipf(w)) / 3.0))
        vocab = self.vocab.get(top_doc, frozenset())
        total = sum(weights.values())
        covered = sum(v for t, v in weights.items() if t in vocab)
        rare = sum(min(1.0, (RARE_ZIPF - zipf(w)) / RARE_ZIPF) for w in unknown if zipf(w) < RARE_ZIPF)
        common = sum(1 for w in unknown if zipf(w) >= RARE_ZIPF)
        return Evidence(
            dense=round(dense, 4),
            coverage=round(covered / total, 4) if total else 1.0,
            rare_unknown=round(rare, 4),
            common_unknown=float(min(common, 3)),
            type_fit=type_fit(query, heading),
            site_fit=self.site_fit(query, top_doc),
            sentence=round(sentence, 4),
        )

    def site_fit(self, query: str, top_doc: str) -> float:
        named = {t for w in sites(query) for t in terms(w)}
        if not named:
            return 0.5
        return 1.0 if named & self.names.get(top_doc, frozenset()) else 0.0


def type_fit(query: str, heading: str) -> float:
    """1 when the heading offers a kind of answer the question asks for, 0 when it asks for kinds
    the heading does not offer, 0.5 when it asks for no particular kind (or there is no heading)."""
    wanted = question_topics(query) - {"definition", "treatment"}
    if not wanted or not heading:
        return 0.5
    return 1.0 if wanted & offered(heading) else 0.0


@dataclass(frozen=True)
class AbstainModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float
    meta: dict[str, Any] | None = None
    """What it was fitted on (suites and their hash) and the figures it reached."""

    def probability(self, evidence: Evidence) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, evidence.vector(), strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def abstains(self, evidence: Evidence) -> bool:
        return self.probability(evidence) < self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(Evidence.FEATURES),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
            "meta": self.meta or {},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AbstainModel:
        if list(data["features"]) != list(Evidence.FEATURES):
            raise ConfigError(
                f"abstain model features {data['features']} are not {list(Evidence.FEATURES)}: "
                "refit it with `make calibrate`"
            )
        return cls(
            tuple(float(w) for w in data["weights"]),
            float(data["bias"]),
            float(data["threshold"]),
            dict(data.get("meta") or {}),
        )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> AbstainModel:
        return cls.from_dict(json.loads(path.read_text()))
