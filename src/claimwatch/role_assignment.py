"""Put role mentions (extract/roles.py) onto the incidents the resolve stage built, and score relevance.

Rules, in the order `assign_roles` applies them:
1. Every incident gets the document's relevance: the probability, from a TF-IDF + logistic regression
   model trained on MUC-4 (`training/muc4.py`), that the document reports a terrorist incident rather
   than fighting between armed forces, politics or an anniversary. Consumers that want only terrorist
   incidents (the MUC-4 evaluation) filter on it; the product keeps every incident.
2. A role mention goes to the incident whose evidence sentences are closest to the mention's sentence;
   on a tie, to the earlier (main) incident. With one incident, everything goes to it.
3. A perpetrator organisation also goes to every other incident that has no perpetrator group, and a
   perpetrator individual ("the guerrillas") to every one that has no individual: reports attribute a
   series of attacks ("they also burned three vehicles") to the same attackers far more often than not.
4. Duplicates (same text after case, punctuation and article normalisation) are dropped.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import Incident, Perpetrator, PerpetratorKind, RoleMention

if TYPE_CHECKING:
    from .pipeline import Work

RELEVANCE_PATH = Path(__file__).resolve().parent / "data" / "models" / "muc4_relevance.json"

_PUNCT = re.compile(r"[^\w\s]|_")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_TERM = re.compile(r"(?u)\b\w\w+\b")


def assign_roles(incidents: list[Incident], roles: list[RoleMention], work: Work) -> None:
    if not incidents:
        return
    scores = document_scores(work.document.text)
    if scores is not None:
        for incident in incidents:
            incident.relevance = scores.relevance
            incident.type_hint = scores.incident_type
    spans = _incident_sentences(incidents, work)
    for mention in sorted(roles, key=lambda m: m.start):
        _add(incidents[_closest(spans, mention.sentence)], mention)
    for role, kind in (("perpetrator_group", "group"), ("perpetrator_individual", "individual")):
        named = [m for m in roles if m.role == role]
        for incident in incidents:
            if named and not any(p.kind == kind for p in incident.perpetrators):
                for mention in named:
                    _add(incident, mention)


def _incident_sentences(incidents: list[Incident], work: Work) -> list[list[int]]:
    """The sentence indexes each incident's evidence covers."""
    by_start = {s.start: s.index for s in work.sentences}
    return [[by_start[e.start] for e in incident.evidence if e.start in by_start] for incident in incidents]


def _closest(spans: list[list[int]], sentence: int) -> int:
    best, best_distance = 0, math.inf
    for i, sentences in enumerate(spans):
        if not sentences:
            continue
        distance = min(abs(s - sentence) for s in sentences)
        if distance < best_distance:
            best, best_distance = i, distance
    return best


def _key(text: str) -> str:
    return " ".join(_ARTICLES.sub(" ", _PUNCT.sub(" ", text.lower())).split())


def _add(incident: Incident, mention: RoleMention) -> None:
    key = _key(mention.text)
    if not key:
        return
    if mention.role in ("perpetrator_individual", "perpetrator_group"):
        kind: PerpetratorKind = "group" if mention.role == "perpetrator_group" else "individual"
        if all(_key(p.name) != key for p in incident.perpetrators):
            incident.perpetrators.append(Perpetrator(name=mention.text, kind=kind))
        return
    slot = {"target": incident.targets, "victim": incident.victims, "weapon": incident.weapons}[mention.role]
    if all(_key(existing) != key for existing in slot):
        slot.append(mention.text)


# --------------------------------------------------------------------------- relevance


@functools.lru_cache(maxsize=1)
def _relevance_model() -> dict[str, Any] | None:
    try:
        return dict(json.loads(RELEVANCE_PATH.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


@dataclass
class DocumentScores:
    relevance: float  # P(the document reports a terrorist incident)
    incident_type: str  # the most likely MUC-4 incident type, should it report one


def document_relevance(text: str) -> float | None:
    scores = document_scores(text)
    return scores.relevance if scores else None


def document_scores(text: str) -> DocumentScores | None:
    """Relevance and incident type of a document; None when the model is not shipped.

    The same arithmetic as scikit-learn's TfidfVectorizer(sublinear_tf, l2) and LogisticRegression,
    done over the stored vocabulary so that no pickle is needed.
    """
    model = _relevance_model()
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
    best_type, best_z = "attack", -math.inf
    for k, kind in enumerate(types):
        zk = float(model["type_intercepts"][k]) + sum(v / norm * entry[2 + k] for v, entry in hits)
        if zk > best_z:
            best_type, best_z = kind, zk
    return DocumentScores(relevance=1.0 / (1.0 + math.exp(-z)), incident_type=best_type)
