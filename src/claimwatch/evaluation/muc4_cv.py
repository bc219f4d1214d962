"""K-fold cross-validation over MUC-4 train: every shipped model retrained out of fold, the held-out
documents scored by the one pipeline (`claimwatch eval muc4 --cv K`).

Per fold, in a temporary model folder (`CLAIMWATCH_MODEL_DIR` for the duration):
1. the document relevance/type model and the CRF role tagger on the other K-1 folds (`training/muc4.py`);
2. when the pipeline profile reads the contextual tagger and `encoder` is set, that one too
   (`training/muc4_encoder.py`, an hour or more per fold on two cores); when it is not set the shipped
   tagger is used, which saw every training document, and the report says so (`leaks`);
3. the per-incident model over the pipeline's own incidents of those folds (`training/muc4_incidents.py`);
4. the pipeline over the held-out fold, scored (`evaluation/muc4.py`).

The report pools the counts of every held-out document (the per-role table), gives each fold's micro F1
and their mean, and a bootstrap interval of the pooled micro F1 over documents (resampled with
replacement). Folds are drawn with a fixed seed, so two runs compare the same splits.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import model_registry
from . import muc4
from .muc4 import Counts, GoldDocument, Score

BOOTSTRAP = 1000  # resamples of the held-out documents
LEVEL = 0.95


@dataclass
class FoldResult:
    fold: int
    documents: int
    micro_f1: float
    seconds: float


@dataclass
class CrossValidation:
    folds: list[FoldResult]
    scores: dict[str, Score]  # pooled over every held-out document, per slot and "micro"
    interval: tuple[float, float]  # bootstrap interval of the pooled micro F1
    seconds: float
    leaks: list[str] = field(default_factory=list)  # shipped models used in every fold (trained on all train)

    @property
    def mean(self) -> float:
        return sum(f.micro_f1 for f in self.folds) / len(self.folds) if self.folds else 0.0

    @property
    def std(self) -> float:
        if len(self.folds) < 2:
            return 0.0
        m = self.mean
        return (sum((f.micro_f1 - m) ** 2 for f in self.folds) / (len(self.folds) - 1)) ** 0.5


def split(count: int, folds: int, seed: int = 0) -> list[list[int]]:
    """The held-out document indexes of each fold: a seeded shuffle dealt round-robin."""
    if folds < 2 or folds > count:
        raise ValueError(f"--cv needs 2 <= K <= {count} documents, not {folds}")
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return [sorted(order[k::folds]) for k in range(folds)]


def bootstrap(counts: list[Counts], resamples: int = BOOTSTRAP, level: float = LEVEL,
              seed: int = 0) -> tuple[float, float]:
    """A percentile interval of the micro F1 of the pooled counts, documents drawn with replacement."""
    if not counts:
        return (0.0, 0.0)
    rng = random.Random(seed)
    rows = [(sum(c.correct.values()), sum(c.predicted.values()), sum(c.found.values()), sum(c.gold.values()))
            for c in counts]
    values = []
    for _ in range(resamples):
        total = [0, 0, 0, 0]
        for _ in range(len(rows)):
            row = rows[rng.randrange(len(rows))]
            for k in range(4):
                total[k] += row[k]
        values.append(Score.of(*total).f1)
    values.sort()
    low = values[int((1 - level) / 2 * (resamples - 1))]
    high = values[int((1 + level) / 2 * (resamples - 1))]
    return (low, high)


def predict(documents: list[GoldDocument], processes: int = 2) -> dict[str, list[muc4.Template]]:
    """The templates the pipeline (with the models now in the registry) fills for each document."""
    from ..training.muc4_incidents import run_pipeline

    found = run_pipeline(documents, processes)
    threshold = _threshold()
    predictions = {}
    for document, incidents in zip(documents, found, strict=True):
        predictions[document.docid] = [
            muc4.incident_to_template(i) for i in incidents if i.relevance is None or i.relevance >= threshold
        ]
    return predictions


def _threshold() -> float:
    from ..incident_relevance import relevance_threshold

    shipped = relevance_threshold()
    return muc4.RELEVANCE_THRESHOLD if shipped is None else shipped


def _uses_encoder() -> bool:
    from ..pipeline import default_pipeline

    return any(m == "roles_encoder" for c in default_pipeline().components for m in c.models)


def cross_validate(path: Path, folds: int = 5, *, seed: int = 0, iterations: int = 100, processes: int = 2,
                   encoder: bool = False, encoder_options: dict[str, Any] | None = None,
                   progress: Callable[[str], None] | None = None) -> CrossValidation:
    """Cross-validate the pipeline over the documents of `path` (see the module docstring)."""
    from ..training.muc4 import load_jsonl, train_relevance, train_roles
    from ..training.muc4_incidents import train_incidents

    say = progress or (lambda line: None)
    started = time.perf_counter()
    raw = load_jsonl(path)
    documents = list(muc4.read_documents(path))
    held_out = split(len(documents), folds, seed)
    uses_encoder = _uses_encoder()
    leaks = ["roles_encoder"] if uses_encoder and not encoder else []
    per_document: list[Counts] = []
    total = Counts()
    results = []
    previous = os.environ.get("CLAIMWATCH_MODEL_DIR")
    try:
        for k, held in enumerate(held_out):
            fold_started = time.perf_counter()
            held_set = set(held)
            fit = [raw[i] for i in range(len(raw)) if i not in held_set]
            with tempfile.TemporaryDirectory(prefix=f"claimwatch-cv{k}-") as directory:
                os.environ["CLAIMWATCH_MODEL_DIR"] = directory
                model_registry.forget()
                tag = f"[fold {k + 1}/{folds}]"
                say(f"{tag} training the document model and the CRF on {len(fit)} documents ...")
                train_relevance(fit)
                train_roles(fit, iterations=iterations)
                fit_path = Path(directory) / "fit.jsonl"
                _write_jsonl(fit_path, fit)
                if uses_encoder and encoder:
                    from ..training.muc4_encoder import train_encoder

                    say(f"{tag} fine-tuning the contextual tagger ...")
                    train_encoder(fit_path, progress=say, **(encoder_options or {}))
                say(f"{tag} per-incident model: the pipeline over {len(fit)} documents, then its own 5-fold CV ...")
                train_incidents(fit_path, processes=processes)
                model_registry.forget()
                scored = [documents[i] for i in held]
                say(f"{tag} the pipeline over the {len(scored)} held-out documents ...")
                predictions = predict(scored, processes)
            fold_counts = Counts()
            for document in scored:
                counts = muc4.score_document(predictions.get(document.docid, []), document.templates)
                per_document.append(counts)
                fold_counts.add(counts)
            total.add(fold_counts)
            micro = fold_counts.score().f1
            results.append(FoldResult(k + 1, len(scored), micro, time.perf_counter() - fold_started))
            say(f"{tag} micro F1 {micro:.2f} ({results[-1].seconds:.0f} s; "
                f"{(time.perf_counter() - started) / 60:.1f} min so far)")
    finally:
        if previous is None:
            os.environ.pop("CLAIMWATCH_MODEL_DIR", None)
        else:
            os.environ["CLAIMWATCH_MODEL_DIR"] = previous
        model_registry.forget()
    return CrossValidation(results, muc4.report(total), bootstrap(per_document), time.perf_counter() - started,
                           leaks)


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
