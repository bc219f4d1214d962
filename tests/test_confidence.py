"""How sure the pipeline is: the features, firmness rules and arithmetic of `confidence.py`, the calibration
measures of `evaluation/calibration.py`, the training helpers, and the shipped model through the pipeline.
Every text here is written for these tests."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import pytest

from claimwatch import confidence, model_registry
from claimwatch.evaluation.calibration import constant_brier, fact_labels, measure
from claimwatch.evaluation.claims import parse_label
from claimwatch.model import (
    CasualtyReport,
    Claim,
    Count,
    CountMention,
    DateMention,
    Document,
    Evidence,
    Extraction,
    Group,
    GroupMention,
    Incident,
    Place,
    Sentence,
)
from claimwatch.training.confidence import Fact, fit, out_of_fold
from claimwatch.work import Work

TEXT = (
    "Gunmen stormed a checkpoint outside Tillaberi on Monday, killing at least 9 soldiers. "
    "The Sahel Brigade said its fighters had killed 30 troops."
)
FIRST = TEXT.split(". ")[0] + "."
SECOND = TEXT[len(FIRST) + 1:]
TOWN = Place("Tillaberi", "NE", 14.2, 1.45, "NE.06", 2439376)
BRIGADE = Group("Sahel Brigade")


def _work(incident: Incident, claims: list[Claim] | None = None, **mentions: Any) -> Work:
    document = Document(text=TEXT, published=datetime(2024, 3, 5, 9))
    work = Work(document=document, sentences=[Sentence(0, 0, len(FIRST), FIRST),
                                              Sentence(1, len(FIRST) + 1, len(TEXT), SECOND)])
    for kind, found in mentions.items():
        work.mentions.put(kind, found)
    work.extraction = Extraction(document=document, incidents=[incident], claims=claims or [])
    return work


def _incident(**changes: Any) -> Incident:
    evidence = Evidence(FIRST, 0, len(FIRST))
    values: dict[str, Any] = {
        "id": "i1", "date": "2024-03-04", "date_precision": "day", "place": TOWN, "attack_types": ["Armed Assault"],
        "killed": Count(min=9), "evidence": [evidence], "relevance": 0.9,
        "casualty_reports": [CasualtyReport("killed", Count(min=9), evidence)],
        "trace": ["resolve.1.new", "en.event.storming", "resolve.3.figures", "score.4.incident-model"],
    }
    values.update(changes)
    return Incident(**values)


def _date(relative: bool, iso: str = "2024-03-04") -> DateMention:
    start = FIRST.index("Monday")
    return DateMention(start, start + 6, "Monday", 0, date=iso, relative=relative)


# --------------------------------------------------------------------------- firmness


def test_a_toll_read_as_at_least_is_bounded_and_an_exact_one_exact() -> None:
    work = _work(_incident())
    assert confidence.count_firmness("killed", Count(min=9), _incident(), work) == confidence.BOUNDED
    assert confidence.count_firmness("killed", Count(value=9), _incident(), work) == confidence.EXACT
    assert confidence.count_firmness("killed", Count(min=9, max=9), _incident(), work) == confidence.EXACT
    assert confidence.count_firmness("killed", Count(), _incident(), work) is None


def test_the_groups_own_figure_is_marked_as_the_claimants() -> None:
    start = len(FIRST) + 1 + SECOND.index("30")
    boast = CountMention(start, start + 9, "30 troops", 1, kind="killed", count=Count(30), by_claimant=True)
    incident = _incident(killed=Count(30), evidence=[Evidence(FIRST, 0, len(FIRST)),
                                                     Evidence(SECOND, len(FIRST) + 1, len(TEXT))])
    work = _work(incident, counts=[boast])
    assert confidence.firmness(incident, work)["killed"] == confidence.CLAIMANT


@pytest.mark.parametrize(("incident", "dates", "expected"), [
    (_incident(), [_date(relative=False)], confidence.EXPLICIT),
    (_incident(), [_date(relative=True)], confidence.RELATIVE),
    (_incident(date="2024-03", date_precision="month"), [], confidence.APPROXIMATE),
    (_incident(trace=["resolve.1.new", "resolve.5.date-from-delay"]), [_date(relative=False)], confidence.INFERRED),
    (_incident(), [], confidence.INFERRED),  # no date mention says that day: it came from elsewhere
    (_incident(date=None, date_precision=None), [], None),
])
def test_how_a_date_was_read(incident: Incident, dates: list[DateMention], expected: str | None) -> None:
    assert confidence.date_firmness(incident, dates) == expected


def test_places_by_how_specific_they_are() -> None:
    for place, expected in ((TOWN, "town"), (Place("Tillaberi Region", "NE", admin1="Tillaberi Region"), "region"),
                            (Place("Niger", "NE"), "country")):
        incident = _incident(place=place)
        assert confidence.firmness(incident, _work(incident))["place"] == expected
    bare = _incident(place=None)
    assert "place" not in confidence.firmness(bare, _work(bare))


# --------------------------------------------------------------------------- features


def test_incident_features_read_the_trace_and_the_fields() -> None:
    incident = _incident()
    features = confidence.incident_features(incident, 0, Extraction(Document(TEXT), incidents=[incident]))
    assert features["relevance"] == 0.9
    assert features["evidence"] == pytest.approx(1 / 4)
    for name in ("cue:specific", "rule:figures", "date:day", "place:town", "killed:known", "main"):
        assert features[name] == 1.0, name
    for name in ("cue:generic-only", "rule:joined", "date:none", "place:none", "claimed", "incidents:many"):
        assert name not in features


def test_a_bare_attack_word_is_a_weaker_cue() -> None:
    incident = _incident(trace=["resolve.1.new", "en.event.attack", "resolve.2.refers-back"])
    features = confidence.incident_features(incident, 1, Extraction(Document(TEXT), incidents=[_incident(), incident]))
    assert features["cue:generic-only"] == 1.0 and "cue:specific" not in features
    assert features["rule:refers-back"] == 1.0 and "main" not in features


def test_claim_features_tell_a_group_named_in_the_sentence_from_one_taken_from_context() -> None:
    start = len(FIRST) + 1
    named_mention = GroupMention(start + 4, start + 17, "Sahel Brigade", 1, group=BRIGADE)
    claim = Claim(incident_id="i1", group=BRIGADE, channel="statement", status="claimed",
                  evidence=[Evidence(SECOND, start, len(TEXT), attributed_to="Radio Sahel")],
                  trace=["en.claim.said_its_men_did", "resolve.4.claim"])
    extraction = Extraction(Document(TEXT), incidents=[_incident()], claims=[claim])
    named = confidence.claim_features(claim, extraction, [named_mention])
    assert named["group:named"] == 1.0 and "group:context" not in named
    assert named["status=claimed"] == 1.0 and named["cue:claim"] == 1.0 and named["attributed"] == 1.0
    assert named["channel:known"] == 1.0 and named["incident:main"] == 1.0
    from_context = confidence.claim_features(claim, extraction, [])
    assert from_context["group:context"] == 1.0 and "group:named" not in from_context


def test_the_probability_is_the_logistic_of_the_weighted_sum() -> None:
    weights = {"intercept": -1.0, "weights": {"a": 2.0, "b": -0.5}}
    assert confidence.probability({"a": 1.0, "b": 2.0, "unknown": 5.0}, weights) == pytest.approx(0.5)
    assert confidence.probability({}, weights) == pytest.approx(1 / (1 + math.e))


# --------------------------------------------------------------------------- the stage


def test_the_stage_scores_every_fact_and_marks_firmness(monkeypatch: pytest.MonkeyPatch) -> None:
    model = {"incident": {"intercept": 0.0, "weights": {"killed:known": 1.0}},
             "claim": {"intercept": 2.0, "weights": {}}}
    monkeypatch.setattr(confidence, "load_model", lambda: model)
    claim = Claim(incident_id="i1", group=BRIGADE, evidence=[Evidence(SECOND, len(FIRST) + 1, len(TEXT))])
    work = confidence.stage(_work(_incident(), [claim], dates=[_date(relative=True)]))
    assert work.extraction is not None
    (incident,) = work.extraction.incidents
    assert incident.confidence == pytest.approx(1 / (1 + math.exp(-1)), abs=1e-4)
    assert incident.firmness == {"killed": "bounded", "date": "relative", "place": "town"}
    assert work.extraction.claims[0].confidence == pytest.approx(1 / (1 + math.exp(-2)), abs=1e-4)
    assert incident.to_dict()["confidence"] == incident.confidence
    assert incident.to_dict()["firmness"]["date"] == "relative"


def test_without_a_model_confidence_stays_unknown_but_firmness_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(confidence, "load_model", lambda: None)
    work = confidence.stage(_work(_incident()))
    assert work.extraction is not None
    assert work.extraction.incidents[0].confidence is None
    assert work.extraction.incidents[0].firmness["killed"] == "bounded"


def test_as_percent() -> None:
    assert confidence.as_percent(0.874) == 87
    assert confidence.as_percent(None) is None
    assert confidence.as_percent(1.0) == 100


# --------------------------------------------------------------------------- calibration


def test_reliability_brier_and_ece_by_hand() -> None:
    pairs = [(0.9, True), (0.9, True), (0.9, False), (0.1, False)]
    result = measure(pairs, bins=5)
    assert result.count == 4 and result.base_rate == 0.5
    assert result.brier == pytest.approx((0.01 + 0.01 + 0.81 + 0.01) / 4)
    top, bottom = result.bins[4], result.bins[0]
    assert (top.count, top.confidence, top.accuracy) == (3, pytest.approx(0.9), pytest.approx(2 / 3))
    assert (bottom.count, bottom.accuracy) == (1, 0.0)
    assert result.ece == pytest.approx(3 / 4 * abs(0.9 - 2 / 3) + 1 / 4 * 0.1)
    assert constant_brier(pairs) == pytest.approx(0.25)
    assert measure([(1.0, True)]).bins[-1].count == 1  # a confidence of exactly 1 falls in the last bin


def test_fact_labels_use_the_evaluations_matching() -> None:
    label = parse_label({
        "id": "own-1", "text": TEXT, "published": "2024-03-05T09:00:00",
        "incidents": [{"date": "2024-03-04", "country_code": "NE", "place": "Tillaberi", "killed": {"min": 9},
                       "wounded": None, "attack_types": ["Armed Assault"], "weapon_types": []}],
        "claims": [{"group": "Sahel Brigade", "channel": None, "status": "claimed", "link": "unclear",
                    "incident": 0}],
    })
    stray = _incident(id="i2", date="2023-01-01", place=Place("Dosso", "NE"))
    right = Claim(incident_id="i1", group=BRIGADE, status="claimed")
    wrong_status = Claim(incident_id="i1", group=Group("Desert Hawks"), status="denied")
    extraction = Extraction(Document(TEXT), incidents=[_incident(), stray], claims=[right, wrong_status])
    assert fact_labels(label, extraction) == {"incident": [True, False], "claim": [True, False]}


# --------------------------------------------------------------------------- training


def test_one_class_only_gives_the_smoothed_base_rate() -> None:
    weights = fit([{"a": 1.0}] * 3, [True, True, True])
    assert weights["weights"] == {}
    assert confidence.probability({"a": 1.0}, weights) == pytest.approx(4 / 5)


def test_a_fit_learns_which_feature_marks_a_wrong_fact() -> None:
    rows = [{"weak": 1.0}] * 10 + [{"strong": 1.0}] * 10
    labels = [k % 2 == 0 for k in range(10)] + [True] * 10
    weights = fit(rows, labels)
    assert confidence.probability({"strong": 1.0}, weights) > confidence.probability({"weak": 1.0}, weights)


def test_out_of_fold_scores_each_fact_once_from_the_other_articles() -> None:
    facts = [Fact(article=k, kind="incident", features={"x": float(k % 2)}, right=k % 3 != 0) for k in range(20)]
    facts += [Fact(article=k, kind="claim", features={}, right=True) for k in range(6)]
    scored = out_of_fold(facts, folds=5)
    assert len(scored["incident"]) == 20 and len(scored["claim"]) == 6
    assert all(0.0 < p < 1.0 for p, _ in scored["incident"])
    assert all(p == pytest.approx(5 / 6, abs=0.05) for p, _ in scored["claim"])  # base rate of the other folds


def test_training_refuses_the_real_news_sets(tmp_path: Any) -> None:
    from claimwatch.errors import EvaluationError
    from claimwatch.training.confidence import train_confidence

    news = tmp_path / "shared" / "data" / "news"
    news.mkdir(parents=True)
    (news / "dev.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(EvaluationError, match="measuring only"):
        train_confidence(news / "dev.jsonl", tmp_path / "out.json")


# --------------------------------------------------------------------------- the shipped model


def test_the_shipped_model_is_registered_with_both_kinds() -> None:
    model_registry.forget()
    found = model_registry.info(confidence.MODEL)
    assert found.path is not None and found.tag.startswith("confidence.lr.v1@")
    model = confidence.load_model()
    assert model is not None
    for kind in confidence.KINDS:
        assert isinstance(model[kind]["intercept"], float) and isinstance(model[kind]["weights"], dict)
    assert model["trained_on"]["file"] == "dev.jsonl"  # our own labels, never shared/data/news


def test_the_pipeline_gives_every_incident_and_claim_a_confidence() -> None:
    from claimwatch.pipeline import extract, extractor_version

    text = ("A bomb hidden in a cart went off at a bus station in Maiduguri on Tuesday, killing 6 people. "
            "The Lake Chad faction of Boko Haram claimed responsibility in a statement on Wednesday.")
    result = extract(text, published="2024-05-08T10:00:00", language="en")
    assert result.incidents and all(0.0 < i.confidence < 1.0 for i in result.incidents if i.confidence is not None)
    assert all(i.confidence is not None for i in result.incidents)
    assert all(c.confidence is not None and 0.0 < c.confidence < 1.0 for c in result.claims)
    assert result.incidents[0].firmness.get("killed") == "exact"
    assert "confidence.v2" in extractor_version() and "confidence.lr.v1@" in extractor_version()


def test_firmness_accuracy_counts_each_reading_of_the_aligned_incidents() -> None:
    from claimwatch.evaluation.calibration import firmness_accuracy

    label = parse_label({
        "id": "own-2", "text": TEXT,
        "incidents": [{"date": "2024-03-04", "country_code": "NE", "place": "Tillaberi", "killed": 12,
                       "wounded": None, "attack_types": [], "weapon_types": []}],
        "claims": [],
    })
    found = _incident(firmness={"killed": "bounded", "date": "relative", "place": "town"})
    work = _work(found)
    table = firmness_accuracy([label], [work])
    assert table == {"killed": {"bounded": [0, 1]}, "date": {"relative": [1, 1]}, "place": {"town": [1, 1]}}
    assert firmness_accuracy([label], [None]) == {}


def test_eval_claims_calibration_prints_the_measures(tmp_path: Any) -> None:
    import json

    from typer.testing import CliRunner

    from claimwatch.cli import app

    text = ("A roadside bomb struck a police truck near Garissa on Thursday, killing 4 officers. "
            "Al-Shabaab claimed the attack in a statement on its radio station.")
    labels = tmp_path / "mine.jsonl"
    labels.write_text(json.dumps({
        "id": "own-3", "text": text, "published": "2024-06-14T08:00:00",
        "incidents": [{"date": "2024-06-13", "country_code": "KE", "place": "Garissa", "killed": 4,
                       "wounded": None, "attack_types": ["Bombing/Explosion"], "weapon_types": ["Explosives"]}],
        "claims": [{"group": "al-Shabaab", "channel": "radio", "status": "claimed", "link": "unclear",
                    "incident": 0}],
    }) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "claims", str(labels), "--calibration", "--json"])
    assert result.exit_code == 0, result.output
    calibration = json.loads(result.stdout)["calibration"]
    assert calibration["scope"] == "shipped model"  # not the file the model was fit on
    assert calibration["incident"]["count"] >= 1 and 0.0 <= calibration["incident"]["brier"] <= 1.0
    assert "firmness" in calibration
