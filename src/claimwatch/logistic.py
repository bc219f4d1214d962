"""The arithmetic of the stored linear models (document_relevance.py, incident_relevance.py), without NumPy."""

from __future__ import annotations

import math


def softmax(scores: list[float]) -> list[float]:
    """Probabilities from class scores, as a multinomial logistic regression's predict_proba."""
    top = max(scores)
    exp = [math.exp(v - top) for v in scores]
    total = sum(exp)
    return [e / total for e in exp]


def sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score))
