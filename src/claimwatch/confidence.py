"""How sure the pipeline is of each incident and claim, and how firm each figure of an incident is.

The `confidence` component runs after `score`, on the incidents and claims of `work.extraction`:

1. Features an analyst would accept as evidence (`incident_features`, `claim_features`), read from what the
   pipeline already did: how the incident was found (the rule and cue ids of its trace: a specific attack
   word or only "attack", joined by place and date or only carried over from the sentence before), how many
   sentences and attributed sources support it, whether its date, place and toll were read, its MUC-4
   relevance; for a claim its status, the kind of cue (an explicit "claimed responsibility", a group's own
   wording, a denial, a suspicion by others), whether the group is named in the claim sentence itself or
   came from context ("the group said"), its channel, whether the sentence is attributed to an outlet.
2. A logistic regression per kind (`training/confidence.py`, fit on our own labelled articles,
   `evaluation/claims/dev.jsonl`) turns them into the probability that the incident, or the claim, matches
   one an analyst labelled (the matching of `evaluation/claims.py`). Its calibration, measured out of fold,
   is printed by `claimwatch eval claims --calibration` (`evaluation/calibration.py`).
3. Per-field firmness (`firmness`), by rules with ids, no model: a toll read as an exact count, only as
   bounds ("at least 20", "dozens"), or from the group's own claim; a date read explicitly, from a relative
   expression ("on Saturday"), only to the month or year, or inferred from the claim delay; a place named
   as a town, or only a region or country.
4. Stored as plain numbers (feature -> weight), read through the model registry. Without the model
   (the registry warns once) confidence stays None; firmness is always set.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .logistic import sigmoid
from .model import Claim, Count, DateMention, Extraction, GroupMention, Incident
from .model_registry import load_json

if TYPE_CHECKING:
    from .work import Work

MODEL = "confidence"  # its name in the model registry (model_registry.py)
KINDS = ("incident", "claim")

# Firmness values (step 3), by field.
EXACT, BOUNDED, CLAIMANT = "exact", "bounded", "claimant"
EXPLICIT, RELATIVE, APPROXIMATE, INFERRED = "explicit", "relative", "approximate", "inferred"
TOWN, REGION, COUNTRY = "town", "region", "country"
FIRMNESS_VALUES = {
    "killed": (EXACT, BOUNDED, CLAIMANT),
    "wounded": (EXACT, BOUNDED, CLAIMANT),
    "date": (EXPLICIT, RELATIVE, APPROXIMATE, INFERRED),
    "place": (TOWN, REGION, COUNTRY),
}
# Which values an analyst reads as firm; the rest are estimates or inferences.
FIRM = frozenset({EXACT, EXPLICIT, TOWN})

_EVIDENCE_CAP = 4  # supporting sentences beyond this add nothing more
_GENERIC_EVENT = "attack"  # the cue name of a bare "attack"/"attacked": an act of unknown kind


# --------------------------------------------------------------------------- step 3: firmness


def firmness(incident: Incident, work: Work) -> dict[str, str]:
    """Field -> how it was read (`FIRMNESS_VALUES`); a field with no value has no entry."""
    result: dict[str, str] = {}
    for kind, count in (("killed", incident.killed), ("wounded", incident.wounded)):
        value = count_firmness(kind, count, incident, work)
        if value is not None:
            result[kind] = value
    date = date_firmness(incident, work.mentions.dates)
    if date is not None:
        result["date"] = date
    if incident.place is not None:
        result["place"] = (TOWN, REGION, COUNTRY)[incident.place.rank]
    elif incident.country is not None:
        result["place"] = COUNTRY  # known only by its country
    return result


def count_firmness(kind: str, count: Count, incident: Incident, work: Work) -> str | None:
    """"claimant" when the figure shown is the group's own ("claimed it killed 17"), else "exact" for a
    single number and "bounded" for "at least 20", "dozens", "20 to 30"."""
    if not count.known:
        return None
    sentences = {e.start for e in incident.evidence} | {r.evidence.start for r in incident.casualty_reports}
    by_start = {s.index: s.start for s in work.sentences}
    for mention in work.mentions.counts:
        if mention.kind == kind and mention.count == count and by_start.get(mention.sentence) in sentences:
            if mention.by_claimant:
                return CLAIMANT
            break
    if count.value is not None or (count.min is not None and count.min == count.max):
        return EXACT
    return BOUNDED


def date_firmness(incident: Incident, dates: Iterable[DateMention]) -> str | None:
    """"inferred" from the claim delay (no date of its own), "approximate" when only the month or year is
    known, "relative" when read from "on Saturday" or "two days ago", else "explicit"."""
    if incident.date is None:
        return None
    if "resolve.5.date-from-delay" in incident.trace:
        return INFERRED
    if incident.date_precision in ("month", "year"):
        return APPROXIMATE
    evidence = {(e.start, e.end) for e in incident.evidence}
    readings = [d for d in dates if d.date[:10] == incident.date[:10]]
    near = [d for d in readings if any(start <= d.start < end for start, end in evidence)] or readings
    if not near:
        return INFERRED
    return EXPLICIT if any(not d.relative for d in near) else RELATIVE


# --------------------------------------------------------------------------- step 1: features


def _cue_names(trace: Iterable[str], family: str) -> list[str]:
    """The names of the `<lang>.<family>.<name>` cue ids of a trace ("en.event.bombing" -> "bombing")."""
    names = []
    for value in trace:
        parts = value.split(".")
        if len(parts) == 3 and parts[1] == family and parts[0] not in ("resolve", "claims", "score"):
            names.append(parts[2])
    return names


def incident_features(incident: Incident, index: int, extraction: Extraction) -> dict[str, float]:
    """The features of the `index`-th incident of an extraction; a pure function of its arguments."""
    trace = set(incident.trace)
    events = _cue_names(incident.trace, "event")
    features: dict[str, float] = {
        "relevance": incident.relevance if incident.relevance is not None else 0.5,
        "evidence": min(len(incident.evidence), _EVIDENCE_CAP) / _EVIDENCE_CAP,
    }
    flags = {
        "cue:specific": any(name != _GENERIC_EVENT for name in events),
        "cue:generic-only": bool(events) and all(name == _GENERIC_EVENT for name in events),
        "rule:joined": "resolve.1.joined" in trace,
        "rule:separate": "resolve.1.separate" in trace,
        "rule:refers-back": "resolve.2.refers-back" in trace,
        "rule:to-main": "resolve.2.main" in trace or "resolve.2.recalled" in trace,
        "rule:figures": "resolve.3.figures" in trace,
        "rule:type-from-weapon": "resolve.3.type-from-weapon" in trace,
        "rule:date-from-delay": "resolve.5.date-from-delay" in trace,
        "rule:series": "score.2.series" in trace,
        "attributed": any(e.attributed_to for e in incident.evidence),
        "date:day": incident.date is not None and incident.date_precision in ("day", "hour"),
        "date:none": incident.date is None,
        "place:town": incident.place is not None and incident.place.rank == 0,
        "place:none": incident.place is None and incident.country is None,  # a country alone counts as placed
        "killed:known": incident.killed.known,
        "main": index == 0,
        "incidents:many": len(extraction.incidents) >= 3,
        "claimed": any(c.incident_id == incident.id for c in extraction.claims),
    }
    features.update({name: 1.0 for name, on in flags.items() if on})
    return features


def claim_features(claim: Claim, extraction: Extraction, groups: Iterable[GroupMention]) -> dict[str, float]:
    """The features of one claim; `groups` are the document's group mentions (the alias matches)."""
    trace = set(claim.trace)
    first = claim.evidence[0] if claim.evidence else None
    named = (
        first is not None
        and claim.group is not None
        and any(g.group.name == claim.group.name and first.start <= g.start < first.end for g in groups)
    )
    claim_cues = _cue_names(claim.trace, "claim")
    features: dict[str, float] = {
        f"status={claim.status}": 1.0,
        "evidence": min(len(claim.evidence), _EVIDENCE_CAP) / _EVIDENCE_CAP,
    }
    flags = {
        "cue:claim": bool(claim_cues),
        "cue:responsibility": "responsibility" in claim_cues,
        "cue:deny": bool(_cue_names(claim.trace, "deny")),
        "cue:suspect": bool(_cue_names(claim.trace, "suspect")),
        "cue:link": bool(_cue_names(claim.trace, "link")),
        "group:named": named,
        "group:context": claim.group is not None and not named,
        "group:none": claim.group is None,
        "group:known-id": claim.group is not None and claim.group.wikidata_id is not None,
        "channel:known": claim.channel is not None,
        "attributed": any(e.attributed_to for e in claim.evidence),
        "incident:none": claim.incident_id is None,
        "incident:main": bool(extraction.incidents) and claim.incident_id == extraction.incidents[0].id,
        "rule:to-main": "resolve.4.main" in trace,
        "rule:timing": "resolve.4.timing" in trace,
        "rule:attributed-act": "claims.3.attributed-act" in trace,
        "rule:branch": "claims.3.branch" in trace,
        "rule:disputed": "resolve.4.disputed" in trace or "claims.2.competing" in trace,
    }
    features.update({name: 1.0 for name, on in flags.items() if on})
    return features


def features_of(work: Work) -> dict[str, list[dict[str, float]]]:
    """Kind -> the features of each incident and claim of the work's extraction, in order."""
    extraction = work.extraction
    if extraction is None:
        return {kind: [] for kind in KINDS}
    return {
        "incident": [incident_features(i, k, extraction) for k, i in enumerate(extraction.incidents)],
        "claim": [claim_features(c, extraction, work.mentions.groups) for c in extraction.claims],
    }


# --------------------------------------------------------------------------- step 2: the model


def load_model() -> dict[str, Any] | None:
    """The confidence model, checked by the registry and read once per process; None (after a warning)
    when it is not installed."""
    return load_json(MODEL)


def probability(features: dict[str, float], weights: dict[str, Any]) -> float:
    """sigmoid(intercept + sum of weight * value) for one kind's weights {"intercept", "weights"}."""
    z = float(weights["intercept"])
    table: dict[str, float] = weights["weights"]
    for name, value in features.items():
        z += table.get(name, 0.0) * value
    return sigmoid(z)


def stage(work: Work) -> Work:
    """The `confidence` component: a confidence on every incident and claim, firmness on every incident."""
    extraction = work.extraction
    if extraction is None:
        return work
    for incident in extraction.incidents:
        incident.firmness = firmness(incident, work)
    model = load_model()
    if model is None:
        return work
    found = features_of(work)
    for incident, features in zip(extraction.incidents, found["incident"], strict=True):
        incident.confidence = round(probability(features, model["incident"]), 4)
    for claim, features in zip(extraction.claims, found["claim"], strict=True):
        claim.confidence = round(probability(features, model["claim"]), 4)
    return work


def as_percent(confidence: float | None) -> int | None:
    """0-100, as STIX 2.1's `confidence` property and the dashboard show it."""
    return None if confidence is None or math.isnan(confidence) else round(confidence * 100)
