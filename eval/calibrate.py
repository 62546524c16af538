"""Fit the abstention model on labelled suites: ``python -m eval.calibrate --run CORPUS:SUITE,...``.

Every answerable question whose gold section is in the corpus is a positive; every out-of-scope
or unanswerable one a negative (safety messages are left out: they never reach retrieval). For
each, ``QAService.retrieve`` gives the ``Evidence`` the service itself will see; a logistic
regression (scikit-learn, class-balanced) is fitted on it, and the threshold is the highest one
that keeps false abstention on answerable questions at or under ``--max-false`` in every suite of
the training data. Five-fold cross-validated figures are printed too, because in-sample figures
flatter. The model is written to ``service/abstain.json`` (``make calibrate`` does all this).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np

from core.settings import load_settings
from eval.suite import load_suite
from service.answering.abstain import MODEL_PATH, AbstainModel, Evidence
from service.qa import QAService

UNFITTED = AbstainModel(tuple(0.0 for _ in Evidence.FEATURES), 0.0, 0.0)


def collect(runs: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Evidence rows, labels (1 answerable), and ids ``corpus:suite:question``."""
    from index.maintain import ensure_index

    rows, labels, ids = [], [], []
    for run in runs:
        corpus, _, suites = run.partition(":")
        settings = load_settings(corpus=Path(corpus))
        ensure_index(settings)
        # Evidence only: the stored model is not read (it may predate a new feature).
        service = QAService.open(settings, abstain_model=UNFITTED)
        for path in suites.split(","):
            for q in load_suite(Path(path)).questions:
                if q.kind not in ("answerable", "out_of_scope", "unanswerable"):
                    continue
                if q.kind == "answerable" and not any(r.doc in service.index.documents for r in q.relevant):
                    continue  # no gold page in this corpus: we do not know that it is answerable
                found = service.retrieve(q.question)
                if found.evidence is None:
                    continue
                rows.append(found.evidence.vector())
                labels.append(int(q.kind == "answerable"))
                ids.append(f"{Path(corpus).name}:{Path(path).stem}:{q.id}")
    return np.array(rows), np.array(labels), ids


def _threshold(probs: np.ndarray, labels: np.ndarray, groups: np.ndarray, max_false: float) -> float:
    """The highest threshold that keeps false abstention <= max_false in *every* suite: the easy
    templated suites must not buy room for the realistic ones."""
    best = 1.0
    for group in np.unique(groups):
        positives = np.sort(probs[(labels == 1) & (groups == group)])
        allowed = int(np.floor(max_false * len(positives)))
        if allowed < len(positives):
            best = min(best, float(positives[allowed]))
    return best


def _rates(probs: np.ndarray, labels: np.ndarray, threshold: float) -> tuple[float, float]:
    """(false abstention on answerable, correct abstention on the rest); nan where there are none."""
    abstain = probs < threshold
    pos, neg = abstain[labels == 1], abstain[labels == 0]
    return (float(pos.mean()) if pos.size else math.nan, float(neg.mean()) if neg.size else math.nan)


def fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray, max_false: float) -> AbstainModel:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(class_weight="balanced", C=1.0, max_iter=1000).fit(x, y)
    probs = model.predict_proba(x)[:, 1]
    return AbstainModel(
        tuple(round(float(w), 4) for w in model.coef_[0]),
        round(float(model.intercept_[0]), 4),
        math.floor(_threshold(probs, y, groups, max_false) * 1e4) / 1e4,  # round down, never up
    )


def cross_validate(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, max_false: float, folds: int = 5
) -> tuple[float, float]:
    from sklearn.model_selection import StratifiedKFold

    false_abstain, correct_abstain = [], []
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(x, y):
        model = fit(x[train], y[train], groups[train], max_false)
        probs = np.array([model.probability(Evidence(*row)) for row in x[test]])
        fa, ca = _rates(probs, y[test], model.threshold)
        false_abstain.append(fa)
        correct_abstain.append(ca)
    return float(np.mean(false_abstain)), float(np.mean(correct_abstain))


def _run_name(run: str) -> str:
    """``CORPUS:SUITE,...`` with folder names only (no machine paths in the artifact)."""
    corpus, _, suites = run.partition(":")
    return f"{Path(corpus).name}:{','.join(Path(p).name for p in suites.split(','))}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", action="append", required=True, help="CORPUS:SUITE[,SUITE...]")
    parser.add_argument("--max-false", type=float, default=0.03)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    x, y, ids = collect(args.run)
    groups = np.array([i.rsplit(":", 1)[0] for i in ids])
    model = fit(x, y, groups, args.max_false)
    probs = np.array([model.probability(Evidence(*row)) for row in x])
    fa, ca = _rates(probs, y, model.threshold)
    cv_fa, cv_ca = cross_validate(x, y, groups, args.max_false)
    digest = hashlib.sha256()
    for run in args.run:
        for path in sorted(run.partition(":")[2].split(",")):
            digest.update(Path(path).name.encode() + b"\0" + Path(path).read_bytes())
    model = replace(
        model,
        meta={
            "runs": [_run_name(r) for r in args.run],
            "training_data_sha256": digest.hexdigest(),
            "questions": len(y),
            "max_false": args.max_false,
            "in_sample": {"false_abstention": round(fa, 4), "correct_abstention": round(ca, 4)},
            "cv5": {"false_abstention": round(cv_fa, 4), "correct_abstention": round(cv_ca, 4)},
        },
    )
    args.out.write_text(json.dumps(model.to_dict(), indent=2) + "\n")
    print(f"{len(y)} questions ({int(y.sum())} answerable, {int((1 - y).sum())} not)")
    print(f"in-sample: false abstention {fa:.3f}, correct abstention {ca:.3f}")
    print(f"5-fold CV: false abstention {cv_fa:.3f}, correct abstention {cv_ca:.3f}")
    for group in np.unique(groups):
        gfa, gca = _rates(probs[groups == group], y[groups == group], model.threshold)
        print(f"  {group}: false abstention {gfa:.3f}, correct abstention {gca:.3f}")
    print(f"written {args.out}: {json.dumps(model.to_dict())}")


if __name__ == "__main__":
    main()
