"""Is a confidence of 0.8 right four times in five? Reliability bins, Brier score and expected calibration
error of the confidences the pipeline gives incidents and claims (`confidence.py`).

1. Each extracted incident and claim is labelled right or wrong by the matching of `evaluation/claims.py`
   (`fact_labels`): an incident is right when it is aligned to a gold incident (`align_incidents`); a claim
   when it is aligned to a gold claim of the same group (`align_claims`, `same_group`) with the same status.
2. `measure` bins the (confidence, right) pairs into equal-width bins and reports, per bin, the mean
   confidence against the share right; the Brier score (mean squared error of the probability); the ECE
   (the bins' gaps weighted by their size).
3. `firmness_accuracy`: per field and firmness value ("killed" read as "bounded"), how often that field of
   the aligned incidents is right: whether a firm figure is more often right than a guess.

On our own labelled articles the model was fit on, the confidences measured are out of fold (each article
scored by a model fit on the others: `training/confidence.out_of_fold`); on any other labelled set (the
real-news dev set, never fit on) they are the shipped model's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Document, Extraction
from .claims import LabelledArticle, align_claims, align_incidents, incident_checks, same_group

if TYPE_CHECKING:
    from ..work import Work

BINS = 5  # equal-width bins over [0, 1]; few labelled facts, so few bins


def fact_labels(article: LabelledArticle, extraction: Extraction) -> dict[str, list[bool]]:
    """Kind ("incident", "claim") -> whether each extracted fact, in order, matches the labels."""
    pairs = align_incidents(article.incidents, extraction.incidents)
    matched = {incident.id for incident in pairs.values()}
    incident_of = {pairs[g].id: g for g in pairs}
    claim_pairs = align_claims(article.claims, extraction.claims, incident_of)
    right = {
        id(claim)
        for g, claim in claim_pairs.items()
        if same_group(article.claims[g].group, claim) and claim.status == article.claims[g].status
    }
    return {
        "incident": [incident.id in matched for incident in extraction.incidents],
        "claim": [id(claim) in right for claim in extraction.claims],
    }


@dataclass
class Bin:
    low: float
    high: float
    count: int = 0
    confidence: float = 0.0  # mean confidence in the bin
    accuracy: float = 0.0  # share right

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "count": self.count,
                "confidence": round(self.confidence, 4), "accuracy": round(self.accuracy, 4)}


@dataclass
class Calibration:
    count: int
    base_rate: float  # share right overall
    mean_confidence: float
    brier: float
    ece: float
    bins: list[Bin] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "base_rate": round(self.base_rate, 4),
                "mean_confidence": round(self.mean_confidence, 4), "brier": round(self.brier, 4),
                "ece": round(self.ece, 4), "bins": [b.to_dict() for b in self.bins]}


def measure(pairs: list[tuple[float, bool]], bins: int = BINS) -> Calibration:
    """Reliability, Brier score and ECE of (confidence, right) pairs."""
    edges = [k / bins for k in range(bins + 1)]
    table = [Bin(edges[k], edges[k + 1]) for k in range(bins)]
    sums: list[list[float]] = [[0.0, 0.0] for _ in range(bins)]
    for p, right in pairs:
        k = min(int(p * bins), bins - 1)
        table[k].count += 1
        sums[k][0] += p
        sums[k][1] += float(right)
    n = len(pairs)
    ece = 0.0
    for k, item in enumerate(table):
        if item.count:
            item.confidence = sums[k][0] / item.count
            item.accuracy = sums[k][1] / item.count
            ece += item.count / n * abs(item.confidence - item.accuracy)
    return Calibration(
        count=n,
        base_rate=sum(r for _, r in pairs) / n if n else 0.0,
        mean_confidence=sum(p for p, _ in pairs) / n if n else 0.0,
        brier=sum((p - float(r)) ** 2 for p, r in pairs) / n if n else 0.0,
        ece=ece,
        bins=table,
    )


def constant_brier(pairs: list[tuple[float, bool]]) -> float:
    """The Brier score of always answering the base rate: what a confidence must beat to say anything."""
    if not pairs:
        return 0.0
    rate = sum(r for _, r in pairs) / len(pairs)
    return rate * (1 - rate)


# --------------------------------------------------------------------------- over a labelled set


@dataclass
class CalibrationReport:
    scope: str  # "out of fold" (the set the model was fit on) or "shipped model"
    kinds: dict[str, Calibration]
    constant_brier: dict[str, float]  # kind -> the Brier score of always answering the base rate
    # field -> firmness value -> [right, total] over the incidents aligned to a gold one
    firmness: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            **{kind: {**c.to_dict(), "constant_brier": round(self.constant_brier[kind], 4)}
               for kind, c in self.kinds.items()},
            "firmness": {name: {value: {"right": r, "total": t} for value, (r, t) in sorted(values.items())}
                         for name, values in sorted(self.firmness.items())},
        }


def firmness_accuracy(articles: list[LabelledArticle], works: list[Work | None]) -> dict[str, dict[str, list[int]]]:
    """Field -> firmness value -> [right, total]: how often a field read that way is right, over the
    extracted incidents aligned to a gold incident (`incident_checks`). A field with no value is not counted."""
    table: dict[str, dict[str, list[int]]] = {}
    for article, work in zip(articles, works, strict=True):
        if work is None or work.extraction is None:
            continue
        for g, incident in align_incidents(article.incidents, work.extraction.incidents).items():
            checks = incident_checks(article.incidents[g], incident)
            for name, how in incident.firmness.items():
                if name in checks:
                    cell = table.setdefault(name, {}).setdefault(how, [0, 0])
                    cell[0] += int(checks[name])
                    cell[1] += 1
    return table


def recording_extract(works: list[Work | None]) -> Callable[[Document], Extraction]:
    """An `extract` for `claims.evaluate` that keeps each article's whole `Work` in `works`, in order (None
    for an article the pipeline failed on)."""
    from ..errors import PipelineError
    from ..pipeline import default_pipeline

    def extract(document: Document) -> Extraction:
        pipeline = default_pipeline()
        works.append(None)
        work = pipeline.run(document)
        works[-1] = work
        if work.extraction is None:
            raise PipelineError("the pipeline ended without an extraction")
        work.extraction.extractor_version = pipeline.version
        return work.extraction

    return extract


def fit_on(path: Path) -> bool:
    """Whether the shipped confidence model was fit on this file (the sha256 its training recorded)."""
    from ..confidence import load_model

    model = load_model()
    trained = (model or {}).get("trained_on") or {}
    return bool(trained) and trained.get("sha256") == hashlib.sha256(path.read_bytes()).hexdigest()


def calibrate(path: Path, articles: list[LabelledArticle], works: list[Work | None]) -> CalibrationReport:
    """The calibration of the confidences over labelled articles and the pipeline's work on each: out of
    fold when the model was fit on this very file, else the shipped model's confidences as they are."""
    from ..confidence import load_model
    from ..training.confidence import facts_of, out_of_fold

    if fit_on(path):
        pairs = out_of_fold(facts_of(articles, works))
        scope = "out of fold"
    else:
        pairs = {"incident": [], "claim": []}
        for article, work in zip(articles, works, strict=True):
            if work is None or work.extraction is None:
                continue
            labels = fact_labels(article, work.extraction)
            found: dict[str, list[float | None]] = {
                "incident": [i.confidence for i in work.extraction.incidents],
                "claim": [c.confidence for c in work.extraction.claims],
            }
            for kind, values in found.items():
                pairs[kind].extend(
                    (value, right) for value, right in zip(values, labels[kind], strict=True) if value is not None
                )
        scope = "shipped model"
        if path.name == ((load_model() or {}).get("trained_on") or {}).get("file") and "news" not in path.parts:
            scope += " (fit on another version of this file: `claimwatch train confidence` to measure out of fold)"
    return CalibrationReport(
        scope=scope,
        kinds={kind: measure(p) for kind, p in pairs.items()},
        constant_brier={kind: constant_brier(p) for kind, p in pairs.items()},
        firmness=firmness_accuracy(articles, works),
    )
