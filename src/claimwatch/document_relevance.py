"""The document model: does an article report a terrorist incident (MUC-4 relevance), and of which type.

A TF-IDF + logistic regression trained on MUC-4 (`training/muc4.py`), stored as plain numbers (term ->
idf and one weight per class) so that no pickle is needed; `role_assignment` (the `score` stage) and the
per-incident model (`incident_relevance.py`) read its scores.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .model_registry import load_json

MODEL = "relevance"  # its name in the model registry (model_registry.py)

_TERM = re.compile(r"(?u)\b\w\w+\b")


def load_relevance_model() -> dict[str, Any] | None:
    """The document model, checked by the registry and read once per process; None (after a warning) when it
    is not installed: then incidents get no relevance."""
    return load_json(MODEL)


@dataclass
class DocumentScores:
    relevance: float  # P(the document reports a terrorist incident)
    incident_type: str  # the most likely MUC-4 incident type, should it report one
    type_probabilities: dict[str, float] = field(default_factory=dict)  # P(type | it reports one)


def document_relevance(text: str) -> float | None:
    scores = document_scores(text)
    return scores.relevance if scores else None


def document_scores(text: str, model: dict[str, Any] | None = None) -> DocumentScores | None:
    """Relevance and incident type of a document, by the shipped model unless `model` is given; None when
    no model is shipped.

    The same arithmetic as scikit-learn's TfidfVectorizer(sublinear_tf, l2) and LogisticRegression,
    done over the stored vocabulary so that no pickle is needed.
    """
    model = model if model is not None else load_relevance_model()
    if model is None:
        return None
    words = _TERM.findall(text.lower())
    grams = Counter(words)
    for n in range(2, int(model.get("ngram_max", 1)) + 1):
        grams.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    terms: dict[str, list[float]] = model["terms"]
    hits: list[tuple[float, list[float]]] = []
    for term, count in grams.items():
        entry = terms.get(term)
        if entry is not None:
            hits.append(((1.0 + math.log(count)) * entry[0], entry))
    norm = math.sqrt(sum(v * v for v, _ in hits)) or 1.0
    z = float(model["intercept"]) + sum(v / norm * entry[1] for v, entry in hits)
    types: list[str] = model.get("types", [])
    type_z = [float(model["type_intercepts"][k]) + sum(v / norm * entry[2 + k] for v, entry in hits)
              for k in range(len(types))]
    best_type, probabilities = "attack", {}
    if types:
        best_type = types[max(range(len(types)), key=lambda k: type_z[k])]
        top = max(type_z)
        exp = [math.exp(v - top) for v in type_z]  # softmax, as the multinomial model's predict_proba
        probabilities = {kind: e / sum(exp) for kind, e in zip(types, exp, strict=True)}
    return DocumentScores(
        relevance=1.0 / (1.0 + math.exp(-z)), incident_type=best_type, type_probabilities=probabilities
    )
