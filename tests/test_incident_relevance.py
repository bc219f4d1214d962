"""Per-incident MUC-4 relevance and type (incident_relevance.py, role_assignment rule 4, its training labels)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from claimwatch import incident_relevance, model_registry
from claimwatch.document_relevance import DocumentScores
from claimwatch.evaluation import muc4
from claimwatch.incident_relevance import incident_features, load_model, score_incident
from claimwatch.model import Document, Evidence, Extraction, Incident, Perpetrator
from claimwatch.role_assignment import _document_type, score_incidents
from claimwatch.training.muc4_incidents import incident_labels

SCORES = DocumentScores(relevance=0.8, incident_type="attack",
                        type_probabilities={"attack": 0.7, "bombing": 0.2, "kidnapping": 0.1})


def bombing() -> Incident:
    return Incident(
        id="i1",
        attack_types=["Bombing/Explosion"],
        weapon_types=["Explosives"],
        perpetrators=[Perpetrator("urban rebels", "group")],
        targets=["water tower"],
        evidence=[Evidence("Urban rebels bombed the water tower.", 0, 36),
                  Evidence("The tower was bombed again in May.", 37, 71)],
    )


def test_features_are_a_pure_function_of_the_incident_and_document() -> None:
    first = incident_features(bombing(), 0, 2, SCORES)
    assert first == incident_features(bombing(), 0, 2, SCORES)
    assert first["main"] == 1.0 and first["incidents=2"] == 1.0
    assert first["own=bombing"] == 1.0 and first["attack=Bombing/Explosion"] == 1.0
    assert first["has:perporg"] == 1.0 and first["has:target"] == 1.0 and "has:nothing" not in first
    assert first["doc:relevance"] == 0.8 and first["doc:type=bombing"] == 0.2
    words = [k for k in first if k.startswith("word:")]
    assert "word:bombed" in words and "word:the" in words  # each distinct word once, lower case
    assert first["word:bombed"] == pytest.approx(1 / math.sqrt(len(words)))
    assert incident_features(Incident(id="i2"), 1, 5, SCORES)["has:nothing"] == 1.0


def test_features_read_the_trace_position_evidence_count_and_document_log_odds() -> None:
    incident = bombing()
    incident.trace = ["resolve.1.new", "en.event.bombing", "score.1.nearest", "score.4.incident-model"]
    features = incident_features(incident, 0, 1, SCORES, text_length=100)
    assert features["trace=en.event.bombing"] == 1.0 and features["trace=score.1.nearest"] == 1.0
    assert not any(k.startswith("trace=score.4") for k in features)  # the model's own rule is not a feature
    assert features["evidence=2"] == 1.0
    assert features["position=0"] == 1.0  # the first evidence sentence opens the document
    assert features["doc:log-odds"] == pytest.approx(math.log(0.8 / 0.2))
    late = bombing()
    late.evidence = [Evidence("The tower was bombed again in May.", 90, 124)]
    assert incident_features(late, 0, 1, SCORES, text_length=100)["position=4"] == 1.0
    assert not any(k.startswith("position=") for k in incident_features(late, 0, 1, SCORES))  # length unknown


def test_score_is_the_softmax_of_the_stored_weights() -> None:
    model = {"classes": ["attack", "bombing", "none"], "intercepts": [0.0, 0.0, 1.0],
             "weights": {"own=bombing": [0.0, 3.0, 0.0]}, "threshold": 0.4}
    scored = score_incident({"own=bombing": 1.0, "unknown": 5.0}, model)
    assert scored is not None
    exp = [1.0, math.exp(3.0), math.exp(1.0)]
    assert scored.relevance == pytest.approx(1 - exp[2] / sum(exp))
    assert scored.incident_type == "bombing"
    assert incident_relevance.relevance_threshold(model) == 0.4


def test_a_missing_model_file_reads_as_none_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_registry, "SHIPPED_DIR", tmp_path)
    model_registry.forget()
    with pytest.warns(model_registry.MissingModelWarning, match="'incidents'"):
        assert load_model() is None
    model_registry.forget()


def test_without_the_incident_model_incidents_get_the_document_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incident_relevance, "load_model", lambda: None)
    assert incident_relevance.relevance_threshold() is None
    incidents = [bombing(), Incident(id="i2", attack_types=["Armed Assault"])]
    score_incidents(incidents, SCORES)
    assert [(i.relevance, i.type_hint) for i in incidents] == [(0.8, "bombing"), (0.8, "attack")]
    incidents[1].relevance = 0.3  # below the document-model threshold, 0.35
    templates = muc4.extraction_to_templates(Extraction(document=Document(text="x"), incidents=incidents))
    assert [t["incident_type"] for t in templates] == ["bombing"]


@pytest.mark.parametrize(
    ("document_type", "attack_types", "expected"),
    [
        ("attack", ["Bombing/Explosion"], "bombing"),
        ("attack", ["Hostage Taking (Kidnapping)"], "kidnapping"),
        ("attack", ["Facility/Infrastructure Attack"], "attack"),  # fire words often report an attack
        ("arson", ["Bombing/Explosion"], "arson"),  # a specific type from the document model stays
    ],
)
def test_document_type_is_made_specific_by_the_incident_own_words(
    document_type: str, attack_types: list[str], expected: str
) -> None:
    scores = DocumentScores(relevance=0.9, incident_type=document_type)
    assert _document_type(Incident(id="i1", attack_types=attack_types), scores) == expected


def test_shipped_model_scores_an_incident() -> None:
    model = load_model()
    if model is None:
        pytest.skip("the incident model is not shipped in this checkout")
    assert "none" in model["classes"] and 0.0 < model["threshold"] < 1.0
    scored = score_incident(incident_features(bombing(), 0, 1, SCORES))
    assert scored is not None
    assert 0.0 <= scored.relevance <= 1.0
    assert scored.incident_type in muc4.INCIDENT_TYPES


def test_training_labels_follow_the_untyped_best_mapping() -> None:
    gold: list[muc4.Template] = [{"incident_type": "bombing / attack", "PerpInd": [], "PerpOrg": [],
                                  "Target": [["water tower"]], "Victim": [], "Weapon": []}]
    unrelated = Incident(id="i0", attack_types=["Armed Assault"], targets=["army post"])
    assert incident_labels([unrelated, bombing()], gold) == ["none", "bombing"]
    assert incident_labels([bombing()], []) == ["none"]
