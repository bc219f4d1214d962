"""Train `confidence.json`, the incident and claim confidence model of `confidence.py`, on our own labels:

1. Run the real pipeline over the labelled articles (`evaluation/claims/dev.jsonl`: our own, written and
   labelled for this project; never the real-news sets of `shared/data/news/`, which are for measuring
   only). Each extracted incident and claim gets its features (`confidence.features_of`) and its label,
   right or wrong, by the evaluation's own matching (`evaluation/calibration.fact_labels`).
2. Out of fold: the articles fall into `FOLDS` folds by their order in the file; each fold is scored by a
   model fit on the others, and those confidences are what `claimwatch eval claims --calibration` measures
   on this set (a model scored on the facts it was fit on would look better calibrated than it is).
3. One L2-regularised logistic regression per kind over all the facts is stored as plain numbers
   (feature -> weight, an intercept), with the sha256 of the labels it was fit on and its out-of-fold
   calibration. A kind with a single class in the data gets the smoothed base rate and no weights.

MUC-4 train is not used: its labels say whether an incident is a MUC-4 terrorist incident (relevance, which
the `score` stage already answers), not whether the pipeline read an incident an analyst would record, and
the relevance feature is in-sample on it (the relevance models were fit on those documents).

Deterministic (lbfgs, fixed folds); about half a minute, most of it the pipeline.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import model_registry
from ..confidence import KINDS, MODEL, features_of
from ..evaluation.calibration import Calibration, fact_labels, measure
from ..evaluation.claims import LabelledArticle, read_labels

if TYPE_CHECKING:
    from ..work import Work

FOLDS = 5
C = 1.0  # inverse L2 strength: with a few dozen facts per kind, the weights stay small and the intercept leads


@dataclass
class Fact:
    """One extracted incident or claim of a labelled article, with its features and whether it is right."""

    article: int  # index of its article in the labels file
    kind: str
    features: dict[str, float]
    right: bool


@dataclass
class ConfidenceTrainingReport:
    articles: int
    facts: dict[str, int]  # kind -> extracted facts
    right: dict[str, int]  # kind -> of which right
    calibration: dict[str, Calibration]  # kind -> out of fold
    seconds: float
    path: Path
    failures: list[str] = field(default_factory=list)


def collect(articles: list[LabelledArticle]) -> tuple[list[Fact], list[str]]:
    """Every fact the pipeline extracts from the articles, labelled; and the articles it failed on."""
    from ..pipeline import run

    works: list[Work | None] = []
    failures: list[str] = []
    for article in articles:
        try:
            works.append(run(article.document()))
        except Exception as error:  # noqa: BLE001 - a bad article is set aside, the rest goes on
            failures.append(f"{article.id}: {type(error).__name__}: {error}")
            works.append(None)
    return facts_of(articles, works), failures


def facts_of(articles: list[LabelledArticle], works: list[Work | None]) -> list[Fact]:
    """The labelled facts of the pipeline's work on each article (None: the pipeline failed on it)."""
    facts: list[Fact] = []
    for index, (article, work) in enumerate(zip(articles, works, strict=True)):
        if work is None or work.extraction is None:
            continue
        labels = fact_labels(article, work.extraction)
        for kind, rows in features_of(work).items():
            facts.extend(Fact(index, kind, row, right) for row, right in zip(rows, labels[kind], strict=True))
    return facts


def fit(rows: list[dict[str, float]], labels: list[bool]) -> dict[str, Any]:
    """{"intercept", "weights"} of a logistic regression; the smoothed base rate when one class only."""
    if len(set(labels)) < 2:
        rate = (sum(labels) + 1) / (len(labels) + 2)
        return {"intercept": round(math.log(rate / (1 - rate)), 5), "weights": {}}
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    classifier = LogisticRegression(C=C, max_iter=5000)
    classifier.fit(vectorizer.fit_transform(rows), labels)
    weights = {
        name: round(float(classifier.coef_[0][i]), 5) for name, i in sorted(vectorizer.vocabulary_.items())
    }
    return {"intercept": round(float(classifier.intercept_[0]), 5), "weights": weights}


def out_of_fold(facts: list[Fact], folds: int = FOLDS) -> dict[str, list[tuple[float, bool]]]:
    """Kind -> (confidence, right) of each fact, scored by a model fit on the other folds' articles."""
    from ..confidence import probability

    result: dict[str, list[tuple[float, bool]]] = {kind: [] for kind in KINDS}
    for kind in KINDS:
        mine = [f for f in facts if f.kind == kind]
        for fold in range(folds):
            train = [f for f in mine if f.article % folds != fold]
            held = [f for f in mine if f.article % folds == fold]
            if not held:
                continue
            weights = fit([f.features for f in train], [f.right for f in train])
            result[kind].extend((probability(f.features, weights), f.right) for f in held)
    return result


def sha256_text(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_confidence(labels_path: Path, path: Path | None = None) -> ConfidenceTrainingReport:
    started = time.perf_counter()
    if "shared/data/news" in labels_path.resolve().as_posix():
        from ..errors import EvaluationError

        raise EvaluationError(f"{labels_path}: the real-news sets are for measuring only, never for fitting")
    articles = read_labels(labels_path)
    facts, failures = collect(articles)
    calibration = {kind: measure(pairs) for kind, pairs in out_of_fold(facts).items()}
    model: dict[str, Any] = {"version": model_registry.MODELS[MODEL].version}
    for kind in KINDS:
        mine = [f for f in facts if f.kind == kind]
        model[kind] = fit([f.features for f in mine], [f.right for f in mine])
    model["trained_on"] = {
        "file": labels_path.name,
        "sha256": sha256_text(labels_path),
        "articles": len(articles),
        "folds": FOLDS,
        "c": C,
    }
    model["out_of_fold"] = {kind: _summary(c) for kind, c in calibration.items()}
    target = path or model_registry.output_path(MODEL)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if path is None:
        model_registry.record(MODEL, target)
    return ConfidenceTrainingReport(
        articles=len(articles),
        facts={kind: sum(1 for f in facts if f.kind == kind) for kind in KINDS},
        right={kind: sum(1 for f in facts if f.kind == kind and f.right) for kind in KINDS},
        calibration=calibration,
        seconds=time.perf_counter() - started,
        path=target,
        failures=failures,
    )


def _summary(calibration: Calibration) -> dict[str, Any]:
    return {"count": calibration.count, "base_rate": round(calibration.base_rate, 4),
            "brier": round(calibration.brier, 4), "ece": round(calibration.ece, 4)}
