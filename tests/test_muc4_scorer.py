"""The MUC-4 scorer on hand-made templates (no labelled data needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch.errors import EvaluationError
from claimwatch.evaluation import muc4
from claimwatch.model import Document, Extraction, Incident, Perpetrator


def template(kind: str = "attack", **roles: list[list[str]]) -> dict:
    out: dict = {"incident_type": kind}
    for role in muc4.ROLES:
        out[role] = roles.get(role, [])
    return out


GOLD = [
    template(
        "attack",
        PerpInd=[["rebels", "rebel column"]],
        PerpOrg=[["popular front", "pf"]],
        Target=[["water tower"]],
        Victim=[["mayor ruiz"]],
    ),
    template("bombing", Target=[["post office"]], Weapon=[["pipe bomb"]]),
]


def micro(predicted: list[dict], gold: list[dict]) -> muc4.Score:
    return muc4.report(muc4.score_document(predicted, gold))["micro"]


def test_perfect_prediction_scores_100() -> None:
    scores = muc4.report(muc4.score_document(GOLD, GOLD))
    assert all(score.f1 == pytest.approx(100.0) for score in scores.values())


def test_empty_prediction_has_zero_recall() -> None:
    score = micro([], GOLD)
    assert score.recall == 0.0 and score.f1 == 0.0


def test_predictions_for_a_document_without_templates_cost_precision() -> None:
    counts = muc4.score_document([template("attack", Victim=[["somebody"]])], [])
    assert counts.predicted["incident_type"] == 1 and counts.correct["incident_type"] == 0
    assert counts.predicted["Victim"] == 1 and counts.correct["Victim"] == 0


def test_mentions_are_normalised() -> None:
    predicted = [template("attack", Target=[["The Water-Tower."]])]
    gold = [template("attack", Target=[["water tower"]])]
    assert muc4.normalise("The  Water-Tower.") == "water tower"
    assert micro(predicted, gold).f1 == pytest.approx(100.0)


def test_best_mapping_is_chosen() -> None:
    # Listed in the "wrong" order: the bombing prediction must map to the bombing gold template.
    predicted = [
        template("bombing", Target=[["post office"]], Weapon=[["pipe bomb"]]),
        template("attack", PerpInd=[["rebels"]], Victim=[["mayor ruiz"]]),
    ]
    counts = muc4.score_document(predicted, GOLD)
    assert counts.correct["incident_type"] == 2
    assert counts.correct["Weapon"] == 1 and counts.correct["Victim"] == 1 and counts.correct["PerpInd"] == 1


def test_best_mapping_may_leave_a_template_unmapped() -> None:
    predicted = [template("attack", Victim=[["nobody"]]), template("attack", Victim=[["mayor ruiz"]])]
    counts = muc4.score_document(predicted, GOLD[:1])
    assert counts.correct["Victim"] == 1 and counts.predicted["Victim"] == 2 and counts.found["Victim"] == 1


def test_incident_type_containment() -> None:
    gold = [template("attack / bombing", Weapon=[["bomb"]])]
    assert muc4.score_document([template("bombing", Weapon=[["bomb"]])], gold).correct["Weapon"] == 1
    assert muc4.score_document([template("attack", Weapon=[["bomb"]])], gold).correct["incident_type"] == 1
    # Not contained: the pair may not be mapped, so nothing counts.
    wrong = muc4.score_document([template("kidnapping", Weapon=[["bomb"]])], gold)
    assert wrong.correct["incident_type"] == 0 and wrong.correct["Weapon"] == 0


def test_entity_with_a_mention_outside_the_gold_entity_is_wrong() -> None:
    predicted = [template("attack", PerpOrg=[["pf", "army"]])]
    assert muc4.score_document(predicted, GOLD[:1]).correct["PerpOrg"] == 0


def test_two_predicted_mentions_of_one_gold_entity_find_it_once() -> None:
    predicted = [template("attack", PerpOrg=[["pf"], ["popular front"]])]
    counts = muc4.score_document(predicted, GOLD[:1])
    assert counts.correct["PerpOrg"] == 2 and counts.found["PerpOrg"] == 1


def test_adapter_maps_incidents_to_templates() -> None:
    incident = Incident(
        id="i1",
        attack_types=["Bombing/Explosion"],
        perpetrators=[Perpetrator("gunmen", "individual"), Perpetrator("Popular Front", "group")],
        targets=["post office"],
        victims=["mayor ruiz", "Mayor Ruiz"],
        weapons=["pipe bomb"],
    )
    kidnap = Incident(id="i2", attack_types=["Hostage Taking (Kidnapping)"], relevance=0.9)
    ignored = Incident(id="i3", attack_types=["Armed Assault"], relevance=0.1)
    templates = muc4.extraction_to_templates(
        Extraction(document=Document(text="x"), incidents=[incident, kidnap, ignored])
    )
    assert [t["incident_type"] for t in templates] == ["bombing", "kidnapping"]
    assert templates[0]["PerpInd"] == [["gunmen"]] and templates[0]["PerpOrg"] == [["Popular Front"]]
    assert templates[0]["Victim"] == [["mayor ruiz"]]


@pytest.mark.parametrize(
    ("hint", "attack_types", "expected"),
    [
        ("attack", ["Bombing/Explosion"], "attack"),  # role_assignment already weighed the incident's words
        ("arson", ["Bombing/Explosion"], "arson"),
        (None, ["Facility/Infrastructure Attack"], "arson"),
        (None, ["Bombing/Explosion"], "bombing"),
        (None, [], "attack"),
    ],
)
def test_incident_type_is_the_stage_hint_then_the_incident_own_words(
    hint: str | None, attack_types: list[str], expected: str
) -> None:
    incident = Incident(id="i1", attack_types=attack_types, type_hint=hint)
    assert muc4.muc_incident_type(incident) == expected


def test_reader_and_predictions_file(tmp_path: Path) -> None:
    path = tmp_path / "mini.jsonl"
    line = {"docid": "D1", "doctext": "rebels bombed the post office.",
            "templates": [{"incident_type": "bombing", "PerpInd": [[["rebels", 0]]], "PerpOrg": [],
                           "Target": [[["post office", 18]]], "Victim": [], "Weapon": []}]}
    path.write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    documents = list(muc4.read_documents(path))
    assert documents[0].templates[0]["Target"] == [["post office"]]
    predictions = {"D1": [template("bombing", Target=[["post office"]])]}
    scores = muc4.report(muc4.score(predictions, documents))
    assert scores["Target"].f1 == pytest.approx(100.0) and scores["PerpInd"].recall == 0.0
    out = tmp_path / "pred.json"
    muc4.write_predictions(out, predictions)
    assert json.loads(out.read_text())["D1"]["pred_templates"][0]["incident_type"] == "bombing"


def test_reader_names_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"docid": "D1"}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match="bad.jsonl:1"):
        list(muc4.read_documents(path))


# --------------------------------------------------------------------------- the CLI


def test_cli_skips_when_the_default_data_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from claimwatch.cli import app

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["eval", "muc4"])
    assert result.exit_code == 0 and "skipping" in result.output


def test_cli_fails_on_an_explicit_missing_path(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimwatch.cli import app

    result = CliRunner().invoke(app, ["eval", "muc4", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1 and "not found" in result.output


@pytest.mark.slow
def test_cli_scores_a_small_file_through_the_pipeline(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimwatch.cli import app

    path = tmp_path / "mini.jsonl"
    line = {"docid": "D1", "doctext": "urban guerrillas bombed the water tower in san lucas with dynamite.",
            "templates": [{"incident_type": "bombing", "PerpInd": [[["urban guerrillas", 0]]], "PerpOrg": [],
                           "Target": [[["water tower", 28]]], "Victim": [], "Weapon": [[["dynamite", 57]]]}]}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    out = tmp_path / "pred.json"
    result = CliRunner().invoke(app, ["eval", "muc4", str(path), "--predictions-out", str(out)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output and "docs/second" in result.output
    assert "D1" in json.loads(out.read_text())
