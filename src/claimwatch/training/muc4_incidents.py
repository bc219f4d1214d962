"""Train `muc4_incidents.json`, the per-incident relevance and type model of `incident_relevance.py`:

1. Run the real pipeline over the MUC-4 training documents, so the model learns from the incidents it will
   see at run time (the role tagger and document model must be trained first: `claimwatch train muc4`
   trains them, then this).
2. Label each incident with the type of the gold template the scorer's best mapping gives it when incident
   types are ignored (entity overlap alone), or "none" when it maps to no template or the document has none.
3. Features: `incident_relevance.incident_features`. The document model's scores inside them come from
   models trained on the other four fifths of train (`train_relevance` on each fold): scored by the model
   trained on the same documents they would be near certain, and the incident model would learn to trust
   them far more than it should on unseen text.
4. Cross-validation over documents (five folds) picks the relevance threshold with the best MUC-4 micro F1
   on train; then one logistic regression over all incidents is stored as plain numbers.

About three minutes on two CPU cores, most of it the pipeline.
"""

from __future__ import annotations

import json
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import model_registry
from ..document_relevance import DocumentScores, document_scores
from ..evaluation import muc4
from ..evaluation.muc4 import GoldDocument, Template
from ..incident_relevance import MODEL, NOT_RELEVANT, incident_features
from ..model import Document, Incident

FOLDS = 5
C = 1.0  # inverse L2 strength; 1 and 4 were measured (5-fold CV on train 65.2 vs 65.4: a tie), 1 is smaller
MIN_WORD_INCIDENTS = 2  # a word feature is kept when it occurs in at least this many training incidents
THRESHOLDS = tuple(round(0.15 + 0.05 * k, 2) for k in range(10))  # 0.15 .. 0.60


@dataclass
class IncidentTrainingReport:
    documents: int
    incidents: int
    labels: dict[str, int]
    threshold: float
    cv_micro_f1: dict[float, float]  # threshold -> micro F1 of the out-of-fold predictions on train
    seconds: float
    path: Path
    features: int = 0


def _extract(document: GoldDocument) -> list[Incident]:
    from ..pipeline import extract_document

    return extract_document(Document(text=document.text, source=document.docid)).incidents


def run_pipeline(documents: list[GoldDocument], processes: int = 2) -> list[list[Incident]]:
    """The incidents the pipeline finds in each document, in order."""
    if processes <= 1:
        return [_extract(d) for d in documents]
    with ProcessPoolExecutor(max_workers=processes) as pool:
        return list(pool.map(_extract, documents, chunksize=10))


def incident_labels(incidents: list[Incident], gold: list[Template]) -> list[str]:
    """Each incident's class: the first type of the gold template it maps to, or "none"."""
    if not gold or not incidents:
        return [NOT_RELEVANT] * len(incidents)
    mapping = muc4.best_mapping([muc4.incident_to_template(i) for i in incidents], gold, match_types=False)
    return [
        str(gold[mapping[k]]["incident_type"]).split("/")[0].strip() if k in mapping else NOT_RELEVANT
        for k in range(len(incidents))
    ]


def out_of_fold_document_scores(documents: list[GoldDocument], folds: int = FOLDS) -> list[DocumentScores]:
    """Each document scored by a document model trained on the other folds (`training/muc4.train_relevance`,
    read back through `role_assignment.document_scores`: the arithmetic the pipeline uses)."""
    from sklearn.model_selection import KFold

    from .muc4 import train_relevance

    raw = [{"doctext": d.text, "templates": d.templates} for d in documents]
    scores: list[DocumentScores | None] = [None] * len(documents)
    with tempfile.TemporaryDirectory() as directory:
        for fold, (fit, held) in enumerate(KFold(folds, shuffle=True, random_state=0).split(raw)):
            path = Path(directory) / f"relevance-{fold}.json"
            train_relevance([raw[i] for i in fit], path=path)
            model = json.loads(path.read_text(encoding="utf-8"))
            for i in held:
                scores[i] = document_scores(documents[i].text, model)
    return [s for s in scores if s is not None]


def _fit(rows: list[dict[str, float]], labels: list[str]) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    classifier = LogisticRegression(C=C, max_iter=5000)
    classifier.fit(vectorizer.fit_transform(rows), labels)
    return vectorizer, classifier


def _as_model(vectorizer: Any, classifier: Any, threshold: float) -> dict[str, Any]:
    classes = [str(k) for k in classifier.classes_]
    coef = classifier.coef_
    intercepts = [float(v) for v in classifier.intercept_]
    if len(classes) == 2:  # a binary model keeps one row; softmax over (0, z) is the same sigmoid
        coef = [[0.0] * coef.shape[1], list(coef[0])]
        intercepts = [0.0, intercepts[0]]
    weights = {
        name: [round(float(coef[k][i]), 5) for k in range(len(classes))]
        for name, i in sorted(vectorizer.vocabulary_.items())
    }
    return {
        "version": model_registry.MODELS[MODEL].version,
        "classes": classes,
        "intercepts": [round(v, 5) for v in intercepts],
        "threshold": threshold,
        "weights": weights,  # feature -> one weight per class
    }


def _cv_scores(documents: list[GoldDocument], incidents: list[list[Incident]], rows: list[list[dict[str, float]]],
               labels: list[list[str]], folds: int = FOLDS) -> dict[float, float]:
    """Micro F1 on train per threshold, each fold's incidents scored by a model fit on the other folds."""
    from sklearn.model_selection import KFold

    from ..incident_relevance import score_incident

    predicted: dict[int, list[tuple[Incident, float, str]]] = {}
    for fit, held in KFold(folds, shuffle=True, random_state=1).split(documents):
        vectorizer, classifier = _fit([r for i in fit for r in rows[i]], [y for i in fit for y in labels[i]])
        model = _as_model(vectorizer, classifier, 0.0)
        for i in held:
            predicted[i] = []
            for incident, features in zip(incidents[i], rows[i], strict=True):
                scored = score_incident(features, model)
                assert scored is not None
                predicted[i].append((incident, scored.relevance, scored.incident_type))
    results = {}
    for threshold in THRESHOLDS:
        templates = {}
        for i, document in enumerate(documents):
            templates[document.docid] = [
                {**muc4.incident_to_template(incident), "incident_type": kind}
                for incident, relevance, kind in predicted[i]
                if relevance >= threshold
            ]
        results[threshold] = round(muc4.report(muc4.score(templates, documents))["micro"].f1, 2)
    return results


def train_incidents(train_path: Path, path: Path | None = None, *, limit: int | None = None,
                    processes: int = 2) -> IncidentTrainingReport:
    started = time.perf_counter()
    model_registry.forget()  # the document model may just have been retrained
    documents = list(muc4.read_documents(train_path))[:limit]
    incidents = run_pipeline(documents, processes)
    document_features = out_of_fold_document_scores(documents)
    labels = [incident_labels(found, d.templates) for found, d in zip(incidents, documents, strict=True)]
    rows = [
        [incident_features(incident, k, len(found), scores, len(d.text)) for k, incident in enumerate(found)]
        for found, scores, d in zip(incidents, document_features, documents, strict=True)
    ]
    word_counts: dict[str, int] = {}
    for row in (r for document_rows in rows for r in document_rows):
        for name in row:
            if name.startswith("word:"):
                word_counts[name] = word_counts.get(name, 0) + 1
    rare = {name for name, count in word_counts.items() if count < MIN_WORD_INCIDENTS}
    rows = [[{k: v for k, v in r.items() if k not in rare} for r in document_rows] for document_rows in rows]

    cv = _cv_scores(documents, incidents, rows, labels)
    threshold = max(THRESHOLDS, key=lambda t: (cv[t], -abs(t - 0.35)))  # on a tie, nearer the old default
    vectorizer, classifier = _fit([r for d in rows for r in d], [y for d in labels for y in d])
    model = _as_model(vectorizer, classifier, threshold)
    target = path or model_registry.output_path(MODEL)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    if path is None:
        model_registry.record(MODEL, target)
    counts: dict[str, int] = {}
    for label in (y for d in labels for y in d):
        counts[label] = counts.get(label, 0) + 1
    return IncidentTrainingReport(
        documents=len(documents),
        incidents=sum(len(found) for found in incidents),
        labels=dict(sorted(counts.items())),
        threshold=threshold,
        cv_micro_f1=cv,
        seconds=time.perf_counter() - started,
        path=target,
        features=len(model["weights"]),
    )
