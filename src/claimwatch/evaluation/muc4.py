"""MUC-4 template filling: read the labelled JSON lines, map our extractions to templates, score them.

The metric is the one the recent papers report (see ../shared/data/README.md):
1. Mentions are normalised: lower case, no punctuation, no articles (a/an/the), single spaces.
2. Per document, every one-to-one mapping of predicted to gold templates is tried (a predicted template
   may map to none); the mapping with the best micro F1 is kept. A pair may be mapped only when the
   predicted incident type is contained in the gold incident type string ("bombing" in "attack / bombing").
3. In a mapped pair a predicted entity is correct when all of its mentions are among the mentions of one
   gold entity of the same role; a gold entity is found when some predicted entity matches it. Each
   mapped pair scores one correct incident type. Unmapped templates count against precision or recall.
4. Counts are summed over documents; P/R/F1 per role and micro over all roles.

The adapter (`extraction_to_templates`) only translates what `claimwatch.pipeline.extract_document`
returned: it never extracts anything itself, so `eval muc4` measures the product's one code path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..incident_relevance import own_muc_type, relevance_threshold
from ..model import Extraction, Incident

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
SCORED = ("incident_type", *ROLES)
INCIDENT_TYPES = ("attack", "bombing", "kidnapping", "arson", "robbery", "forced work stoppage")

# An incident whose relevance score (set by role_assignment from the MUC-trained models) is below the
# threshold is not reported as a MUC template: it is most likely fighting between armies, a political
# statement or an old event, which MUC-4 does not count. The incident model ships the threshold it chose
# by cross-validation on train; this one serves the document model alone.
RELEVANCE_THRESHOLD = 0.35

# Above this many candidate mappings in one document the exhaustive search gives way to an optimal
# assignment on pair scores (only documents with very many predicted and gold templates get there).
_MAX_MAPPINGS = 200_000

Entity = list[str]  # coreferent mention strings
Template = dict[str, Any]  # {"incident_type": str, role: list[Entity], ...}


@dataclass
class GoldDocument:
    docid: str
    text: str
    templates: list[Template]


# --------------------------------------------------------------------------- reading


def read_documents(path: Path) -> Iterator[GoldDocument]:
    """The documents of a MUC-4 JSON-lines file; a malformed line raises `EvaluationError` naming it."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                yield GoldDocument(
                    docid=str(raw["docid"]),
                    text=str(raw["doctext"]),
                    templates=[_gold_template(t) for t in raw.get("templates", [])],
                )
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
                raise EvaluationError(
                    f"{path}:{number}: not a MUC-4 document ({error}); expected docid, doctext and templates"
                ) from error


def _gold_template(raw: dict[str, Any]) -> Template:
    """Gold entities come as lists of [text, offset]; keep the texts."""
    template: Template = {"incident_type": str(raw["incident_type"])}
    for role in ROLES:
        template[role] = [[str(m[0]) for m in entity] for entity in raw.get(role, [])]
    return template


# --------------------------------------------------------------------------- adapter

def muc_incident_type(incident: Incident) -> str:
    """The MUC-4 incident type of one of our incidents: the type the pipeline's role assignment stage gave it
    (per incident, from the incident model or the document model), else the one its GTD attack types map to."""
    return incident.type_hint or own_muc_type(incident)


def incident_to_template(incident: Incident) -> Template:
    individuals = [p.name for p in incident.perpetrators if p.kind == "individual"]
    groups = [p.name for p in incident.perpetrators if p.kind == "group"]
    return {
        "incident_type": muc_incident_type(incident),
        "PerpInd": _entities(individuals),
        "PerpOrg": _entities(groups),
        "Target": _entities(incident.targets),
        "Victim": _entities(incident.victims),
        "Weapon": _entities(incident.weapons),
    }


def _entities(mentions: Iterable[str]) -> list[Entity]:
    """One entity per distinct mention (after normalisation): we do not resolve coreference."""
    seen: set[str] = set()
    entities: list[Entity] = []
    for mention in mentions:
        key = normalise(mention)
        if key and key not in seen:
            seen.add(key)
            entities.append([mention])
    return entities


def extraction_to_templates(extraction: Extraction, threshold: float | None = None) -> list[Template]:
    """MUC-4 templates for the incidents of one extraction that are relevant to MUC-4 (relevance at least
    `threshold`, by default the shipped incident model's own)."""
    if threshold is None:
        shipped = relevance_threshold()
        threshold = RELEVANCE_THRESHOLD if shipped is None else shipped
    templates = []
    for incident in extraction.incidents:
        if incident.relevance is not None and incident.relevance < threshold:
            continue
        templates.append(incident_to_template(incident))
    return templates


# --------------------------------------------------------------------------- scoring

_PUNCT = re.compile(r"[^\w\s]|_")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_SPACES = re.compile(r"\s+")


def normalise(mention: str) -> str:
    text = _PUNCT.sub(" ", mention.lower())
    text = _ARTICLES.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@dataclass
class Counts:
    """Correct predictions, predictions, found gold and gold, per scored slot."""

    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED, 0))

    def add(self, other: Counts) -> None:
        for slot in SCORED:
            self.correct[slot] += other.correct[slot]
            self.predicted[slot] += other.predicted[slot]
            self.found[slot] += other.found[slot]
            self.gold[slot] += other.gold[slot]

    def score(self, slot: str | None = None) -> Score:
        slots = SCORED if slot is None else (slot,)
        return Score.of(
            sum(self.correct[s] for s in slots),
            sum(self.predicted[s] for s in slots),
            sum(self.found[s] for s in slots),
            sum(self.gold[s] for s in slots),
        )


@dataclass
class Score:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, correct: int, predicted: int, found: int, gold: int) -> Score:
        p = correct / predicted if predicted else 0.0
        r = found / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(100 * p, 100 * r, 100 * f)


def _normalised_template(template: Template) -> Template:
    out: Template = {"incident_type": str(template.get("incident_type", "")).strip().lower()}
    for role in ROLES:
        entities = []
        for entity in template.get(role, []) or []:
            mentions = {normalise(m) for m in entity}
            mentions.discard("")
            if mentions:
                entities.append(mentions)
        out[role] = entities
    return out


def _type_compatible(predicted: str, gold: str) -> bool:
    return bool(predicted) and predicted in gold


def _pair_counts(pred: Template, gold: Template) -> tuple[dict[str, int], dict[str, int]]:
    """(correct predicted entities, found gold entities) per slot for one mapped pair."""
    correct = {"incident_type": 1}
    found = {"incident_type": 1}
    for role in ROLES:
        golds: list[set[str]] = gold[role]
        preds: list[set[str]] = pred[role]
        correct[role] = sum(1 for p in preds if any(p <= g for g in golds))
        found[role] = sum(1 for g in golds if any(p <= g for p in preds))
    return correct, found


def score_document(predicted: list[Template], gold: list[Template]) -> Counts:
    """The counts of one document under its best one-to-one template mapping."""
    pairs, base = _pairs(predicted, gold, match_types=True)
    for key in _best_mapping(len(predicted), len(gold), pairs, base):
        correct, found = pairs[key]
        for slot in SCORED:
            base.correct[slot] += correct[slot]
            base.found[slot] += found[slot]
    return base


def best_mapping(predicted: list[Template], gold: list[Template], *, match_types: bool = True) -> dict[int, int]:
    """predicted index -> gold index under the scorer's best one-to-one mapping; with `match_types` off, any
    predicted template may map to any gold one (training labels our incidents by entity overlap alone)."""
    pairs, base = _pairs(predicted, gold, match_types=match_types)
    return dict(_best_mapping(len(predicted), len(gold), pairs, base))


_PairCounts = dict[tuple[int, int], tuple[dict[str, int], dict[str, int]]]


def _pairs(predicted: list[Template], gold: list[Template], *, match_types: bool) -> tuple[_PairCounts, Counts]:
    """The correct and found counts of every mappable (predicted, gold) pair, and the document's predicted and
    gold totals (nothing correct yet)."""
    preds = [_normalised_template(t) for t in predicted]
    golds = [_normalised_template(t) for t in gold]
    base = Counts()
    for templates, totals in ((preds, base.predicted), (golds, base.gold)):
        for template in templates:
            totals["incident_type"] += 1
            for role in ROLES:
                totals[role] += len(template[role])
    pairs: _PairCounts = {}
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if not match_types or _type_compatible(p["incident_type"], g["incident_type"]):
                pairs[(i, j)] = _pair_counts(p, g)
    return pairs, base


def _mapping_f1(mapping: list[tuple[int, int]], pairs: dict, base: Counts) -> tuple[float, int]:
    correct = sum(sum(pairs[k][0].values()) for k in mapping)
    found = sum(sum(pairs[k][1].values()) for k in mapping)
    predicted = sum(base.predicted.values())
    gold = sum(base.gold.values())
    return Score.of(correct, predicted, found, gold).f1, correct + found


def _best_mapping(n_pred: int, n_gold: int, pairs: dict, base: Counts) -> list[tuple[int, int]]:
    if not pairs:
        return []
    if _mapping_count(n_pred, n_gold) > _MAX_MAPPINGS:
        return _assignment(n_pred, n_gold, pairs)
    best: list[tuple[int, int]] = []
    best_key = _mapping_f1(best, pairs, base)
    for mapping in _mappings(0, n_pred, list(range(n_gold)), pairs):
        key = _mapping_f1(mapping, pairs, base)
        if key > best_key:
            best, best_key = mapping, key
    return best


def _mappings(i: int, n_pred: int, free: list[int], pairs: dict) -> Iterator[list[tuple[int, int]]]:
    """Every partial one-to-one mapping of predicted templates i.. onto the free gold templates."""
    if i == n_pred:
        yield []
        return
    yield from _mappings(i + 1, n_pred, free, pairs)  # template i maps to none
    for j in free:
        if (i, j) in pairs:
            rest = [k for k in free if k != j]
            for tail in _mappings(i + 1, n_pred, rest, pairs):
                yield [(i, j), *tail]


def _mapping_count(n_pred: int, n_gold: int) -> int:
    total = 0
    for k in range(min(n_pred, n_gold) + 1):
        ways = 1
        for x in range(k):
            ways *= (n_pred - x) * (n_gold - x)
        total += ways // max(1, _factorial(k))
    return total


def _factorial(k: int) -> int:
    result = 1
    for x in range(2, k + 1):
        result *= x
    return result


def _assignment(n_pred: int, n_gold: int, pairs: dict) -> list[tuple[int, int]]:
    """An optimal assignment on summed pair counts: close to the best-F1 mapping, and tractable."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    gain = np.zeros((n_pred, n_gold))
    for (i, j), (correct, found) in pairs.items():
        gain[i, j] = sum(correct.values()) + sum(found.values())
    rows, cols = linear_sum_assignment(-gain)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if (int(i), int(j)) in pairs]


def score(predictions: dict[str, list[Template]], documents: Iterable[GoldDocument]) -> Counts:
    """Summed counts over documents; a document missing from `predictions` has no predicted template."""
    total = Counts()
    for document in documents:
        total.add(score_document(predictions.get(document.docid, []), document.templates))
    return total


def report(counts: Counts) -> dict[str, Score]:
    """P/R/F1 per role and micro over all of them ("micro")."""
    out = {slot: counts.score(slot) for slot in SCORED}
    out["micro"] = counts.score()
    return out


def write_predictions(path: Path, predictions: dict[str, list[Template]]) -> None:
    """The predictions file every MUC-4 scorer reads: {docid: {"pred_templates": [...]}}."""
    payload = {docid: {"pred_templates": templates} for docid, templates in predictions.items()}
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")


def document_count(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


__all__ = [
    "ROLES",
    "SCORED",
    "Counts",
    "GoldDocument",
    "Score",
    "extraction_to_templates",
    "incident_to_template",
    "muc_incident_type",
    "normalise",
    "read_documents",
    "report",
    "score",
    "score_document",
    "write_predictions",
]
