"""Per-incident MUC-4 relevance and incident type, from a logistic regression over the incident's own features.

The document model (`document_relevance.document_scores`) says whether an article reports a terrorist incident
and of which type, once for the whole article. An article often reports several acts: a bombing and a
kidnapping, or a terrorist attack beside fighting between armies that MUC-4 does not count. This model reads
each incident on its own and answers one of the MUC-4 types or "none":

1. Features (`incident_features`): the words of the incident's evidence sentences, its GTD attack and weapon
   types and the MUC-4 type they map to, the event cue and resolver rule ids of its trace, which role slots it
   has filled, whether it is the document's first (main) incident and how many the document has, where in the
   document its first evidence sentence lies and how many it has, and the document model's relevance (as a
   probability and as log-odds) and type probabilities.
2. A multinomial logistic regression (`training/muc4_incidents.py`, trained on the pipeline's own incidents
   over MUC-4 train, each labelled with the type of the gold template it maps to) turns them into one
   probability per class. Relevance is 1 - P(none); the type is the most probable of the others.
3. The model is stored as plain numbers (feature -> one weight per class), not a pickle, so it loads under
   any scikit-learn version. When the file is missing (the registry warns once) `score_incident` returns None
   and the caller keeps the document-level scores.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .logistic import softmax
from .model import Incident
from .model_registry import load_json

if TYPE_CHECKING:
    from .document_relevance import DocumentScores

MODEL = "incidents"  # its name in the model registry (model_registry.py)
NOT_RELEVANT = "none"  # the class of incidents that map to no MUC-4 template

_TERM = re.compile(r"(?u)\b\w\w+\b")

# GTD attack types (extract/events.py) -> MUC-4 incident types, most specific first.
_GTD_TO_MUC: tuple[tuple[str, str], ...] = (
    ("Hostage Taking (Kidnapping)", "kidnapping"),
    ("Hostage Taking (Barricade Incident)", "kidnapping"),
    ("Hijacking", "kidnapping"),
    ("Bombing/Explosion", "bombing"),
    ("Facility/Infrastructure Attack", "arson"),
    ("Assassination", "attack"),
    ("Armed Assault", "attack"),
    ("Unarmed Assault", "attack"),
)


def own_muc_type(incident: Incident) -> str:
    """The MUC-4 type the incident's GTD attack and weapon types map to; "attack" by default."""
    for gtd, muc in _GTD_TO_MUC:
        if gtd in incident.attack_types:
            return muc
    if any(w.lower().startswith("incendiary") for w in incident.weapon_types):
        return "arson"
    return "attack"


# Trace ids the features leave out: the score stage's own rule 4 (set by this model, absent when it reads them).
_OWN_TRACE = "score.4."
_POSITIONS = 5  # the document is cut into this many equal parts for the position of the first evidence sentence
_MAX_EVIDENCE = 4  # evidence counts from here up share one feature


def _log_odds(probability: float) -> float:
    p = min(max(probability, 1e-4), 1.0 - 1e-4)
    return math.log(p / (1.0 - p))


def incident_features(incident: Incident, index: int, count: int, document: DocumentScores,
                      text_length: int = 0) -> dict[str, float]:
    """The features of the `index`-th of a document's `count` incidents (the document `text_length` characters
    long; 0 leaves out the position); a pure function of its arguments."""
    features = {"doc:relevance": document.relevance, "doc:log-odds": _log_odds(document.relevance)}
    for kind, probability in sorted(document.type_probabilities.items()):
        features[f"doc:type={kind}"] = probability
    features["main"] = 1.0 if index == 0 else 0.0
    features[f"incidents={min(count, 3)}"] = 1.0
    for attack in incident.attack_types:
        features[f"attack={attack}"] = 1.0
    for weapon in incident.weapon_types:
        features[f"weapon={weapon}"] = 1.0
    features[f"own={own_muc_type(incident)}"] = 1.0
    for rule in sorted(set(incident.trace)):
        if not rule.startswith(_OWN_TRACE):
            features[f"trace={rule}"] = 1.0
    if incident.evidence:
        features[f"evidence={min(len(incident.evidence), _MAX_EVIDENCE)}"] = 1.0
        if text_length > 0:
            first = min(e.start for e in incident.evidence) / text_length
            features[f"position={min(int(first * _POSITIONS), _POSITIONS - 1)}"] = 1.0
    filled = {
        "perpind": any(p.kind == "individual" for p in incident.perpetrators),
        "perporg": any(p.kind == "group" for p in incident.perpetrators),
        "target": bool(incident.targets),
        "victim": bool(incident.victims),
        "weapon": bool(incident.weapons),
    }
    for slot, present in filled.items():
        if present:
            features[f"has:{slot}"] = 1.0
    if not any(filled.values()):
        features["has:nothing"] = 1.0
    # Each distinct word once, scaled so that a long evidence list weighs no more than a short one.
    words = sorted({w for evidence in incident.evidence for w in _TERM.findall(evidence.text.lower())})
    for word in words:
        features[f"word:{word}"] = 1.0 / math.sqrt(len(words))
    return features


@dataclass
class IncidentScore:
    relevance: float  # 1 - P(the incident maps to no MUC-4 template)
    incident_type: str  # the most probable MUC-4 type


def load_model() -> dict[str, Any] | None:
    """The incident model, checked by the registry and read once per process; None (after a warning) when it
    is not installed: then every incident keeps the document's scores."""
    return load_json(MODEL)


def score_incident(features: dict[str, float], model: dict[str, Any] | None = None) -> IncidentScore | None:
    """Relevance and type from the features; None when no model is shipped."""
    model = model if model is not None else load_model()
    if model is None:
        return None
    classes: list[str] = model["classes"]
    weights: dict[str, list[float]] = model["weights"]
    z = [float(b) for b in model["intercepts"]]
    for name, value in features.items():
        row = weights.get(name)
        if row is not None:
            for k, weight in enumerate(row):
                z[k] += weight * value
    probabilities = dict(zip(classes, softmax(z), strict=True))
    relevance = 1.0 - probabilities.get(NOT_RELEVANT, 0.0)
    types = {kind: p for kind, p in probabilities.items() if kind != NOT_RELEVANT}
    best = max(sorted(types), key=lambda kind: types[kind]) if types else "attack"
    return IncidentScore(relevance=relevance, incident_type=best)


def relevance_threshold(model: dict[str, Any] | None = None) -> float | None:
    """The relevance below which an incident is not a MUC-4 incident, chosen by cross-validation on train."""
    model = model if model is not None else load_model()
    if model is None or "threshold" not in model:
        return None
    return float(model["threshold"])
