"""The `score` stage: put role mentions (extract/roles.py) onto the incidents `resolve` built, and score them.

Rules, in the order `assign_roles` applies them:
1. A role mention goes to the incident whose evidence sentences are closest to the mention's sentence;
   on a tie, to the earlier (main) incident. With one incident, everything goes to it.
2. A perpetrator organisation also goes to every other incident that has no perpetrator group, and a
   perpetrator individual ("the guerrillas") to every one that has no individual: reports attribute a
   series of attacks ("they also burned three vehicles") to the same attackers far more often than not.
3. Duplicates (same text after case, punctuation and article normalisation) are dropped.
4. Every incident gets a relevance and a MUC-4 type. The document model (`document_relevance.py`), a
   TF-IDF + logistic regression trained on MUC-4 (`training/muc4.py`), gives the probability that the
   document reports a terrorist incident rather than fighting between armed forces, politics or an
   anniversary, and its likely type.
   The incident model (`incident_relevance.py`) reads those with each incident's own words, attack types
   and filled roles, and answers per incident. Without the incident model every incident gets the
   document's scores, its type made specific by its own attack words (`_document_type`). Consumers that
   want only terrorist incidents (the MUC-4 evaluation) filter on relevance; the product keeps them all.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from .document_relevance import DocumentScores, document_scores
from .incident_relevance import incident_features, own_muc_type, score_incident
from .model import Incident, Perpetrator, PerpetratorKind, RoleMention, add_trace

if TYPE_CHECKING:
    from .work import Work

# The rules of the module docstring, by the ids an incident's trace carries.
NEAREST = "score.1.nearest"  # a role filler went to the incident closest to its sentence
SERIES = "score.2.series"  # the perpetrators named went to an incident without its own
INCIDENT_MODEL = "score.4.incident-model"  # relevance and type from the per-incident model
DOCUMENT_MODEL = "score.4.document-model"  # relevance and type from the document model alone

_PUNCT = re.compile(r"[^\w\s]|_")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def stage(work: Work) -> Work:
    """The `score` component: runs after `resolve`, on the incidents of `work.extraction`."""
    if work.extraction is not None:
        assign_roles(work.extraction.incidents, work.mentions.roles, work)
    return work


def assign_roles(incidents: list[Incident], roles: list[RoleMention], work: Work) -> None:
    if not incidents:
        return
    spans = _incident_sentences(incidents, work)
    for mention in sorted(roles, key=lambda m: m.start):
        nearest = incidents[_closest(spans, mention.sentence)]
        if _add(nearest, mention):
            add_trace(nearest.trace, NEAREST)
    for role, kind in (("perpetrator_group", "group"), ("perpetrator_individual", "individual")):
        named = [m for m in roles if m.role == role]
        for incident in incidents:
            if named and not any(p.kind == kind for p in incident.perpetrators):
                if any([_add(incident, mention) for mention in named]):
                    add_trace(incident.trace, SERIES)
    scores = document_scores(work.document.text)
    if scores is not None:
        score_incidents(incidents, scores, len(work.document.text))


def score_incidents(incidents: list[Incident], scores: DocumentScores, text_length: int = 0) -> None:
    """Set each incident's relevance and MUC-4 type (rule 4); run after the roles are in place, which the
    incident model reads."""
    for index, incident in enumerate(incidents):
        own = score_incident(incident_features(incident, index, len(incidents), scores, text_length))
        if own is not None:
            incident.relevance, incident.type_hint = own.relevance, own.incident_type
            add_trace(incident.trace, INCIDENT_MODEL)
        else:
            incident.relevance, incident.type_hint = scores.relevance, _document_type(incident, scores)
            add_trace(incident.trace, DOCUMENT_MODEL)


# MUC-4 types that the incident's own attack words may set over the document model's "attack". The model
# answers "attack" for most documents (the commonest type), so words that say a bomb went off or someone was
# kidnapped are more specific. Arson stays with the model: our fire and sabotage words also report attacks
# that MUC-4 files under "attack" (measured on dev: letting them through costs 1.5 points).
_OWN_TYPE_OVER_ATTACK = ("kidnapping", "bombing")


def _document_type(incident: Incident, scores: DocumentScores) -> str:
    """The document model's type, unless it is the generic "attack" and the incident's own attack words name
    a bombing or kidnapping."""
    own = own_muc_type(incident)
    if scores.incident_type == "attack" and own in _OWN_TYPE_OVER_ATTACK:
        return own
    return scores.incident_type


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


def _add(incident: Incident, mention: RoleMention) -> bool:
    """Put the mention in its slot unless the slot holds it already; True when it was added."""
    key = _key(mention.text)
    if not key:
        return False
    if mention.role in ("perpetrator_individual", "perpetrator_group"):
        kind: PerpetratorKind = "group" if mention.role == "perpetrator_group" else "individual"
        if all(_key(p.name) != key for p in incident.perpetrators):
            incident.perpetrators.append(Perpetrator(name=mention.text, kind=kind))
            return True
        return False
    slot = {"target": incident.targets, "victim": incident.victims, "weapon": incident.weapons}[mention.role]
    if all(_key(existing) != key for existing in slot):
        slot.append(mention.text)
        return True
    return False
