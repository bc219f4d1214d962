"""The claims scorer on hand-made labels and extractions (no model, no files outside tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimwatch.errors import EvaluationError
from claimwatch.evaluation import claims as scorer
from claimwatch.model import (
    CasualtyReport,
    Claim,
    Count,
    Document,
    Evidence,
    Extraction,
    Group,
    Incident,
    Place,
    Range,
)

LABEL: dict[str, Any] = {
    "id": "t-1",
    "published": "2024-03-09T08:40:00+00:00",
    "outlet": "Test Wire",
    "title": "Gunmen kill 14",
    "text": "Gunmen killed 14 people in Gajiram on Thursday. ISWAP claimed it through Amaq 30 hours later.",
    "incidents": [
        {"date": "2024-03-07", "country_code": "NG", "place": ["Gajiram", "Borno"], "killed": 14, "wounded": None,
         "attack_types": ["Armed Assault"], "weapon_types": ["Firearms"]},
        {"date": "2021-10", "country_code": "NG", "place": "Maiduguri", "killed": {"min": 50, "max": None},
         "wounded": None, "attack_types": ["Bombing/Explosion"], "weapon_types": ["Explosives"]},
    ],
    "claims": [
        {"group": "Islamic State West Africa Province", "channel": "amaq", "status": "claimed", "link": "directed",
         "delay_hours": {"min": 30, "max": 30}, "incident": 0},
        {"group": "Boko Haram", "channel": None, "status": "suspected", "link": "unclear", "delay_hours": None,
         "incident": 1},
    ],
}


def _article() -> scorer.LabelledArticle:
    return scorer.parse_label(json.loads(json.dumps(LABEL)))


def _incident(id: str, date: str | None, place: str | None, country: str | None, killed: Count, **kw: Any) -> Incident:
    return Incident(
        id=id, date=date, place=Place(name=place, country_code=country) if place else None, killed=killed, **kw
    )


def _perfect() -> Extraction:
    return Extraction(
        document=Document(text=LABEL["text"]),
        incidents=[
            _incident("i1", "2024-03-07", "Gajiram", "NG", Count(value=14),
                      attack_types=["Armed Assault"], weapon_types=["Firearms"]),
            _incident("i2", "2021-10-02", "Maiduguri", "NG", Count(min=50),
                      attack_types=["Bombing/Explosion"], weapon_types=["Explosives"]),
        ],
        claims=[
            Claim(incident_id="i1", group=Group("Islamic State West Africa Province"), channel="Amaq news agency",
                  link="directed", delay_hours=Range(value=28)),
            Claim(incident_id="i2", group=Group("Boko Haram"), status="suspected"),
        ],
    )


def test_perfect_extraction_scores_one_everywhere() -> None:
    report = scorer.score_extraction(_article(), _perfect())
    assert all(score.accuracy == 1.0 for score in report.fields.values()), report.to_dict()["fields"]
    assert report.incidents.precision == report.incidents.recall == 1.0
    assert report.claims.precision == report.claims.recall == 1.0


def test_empty_extraction_counts_every_gold_field_wrong() -> None:
    report = scorer.score_extraction(_article(), Extraction(document=Document(text="x")))
    assert report.fields["incident.killed"].total == 2 and report.fields["incident.killed"].correct == 0
    assert report.fields["claim.group"].total == 2 and report.fields["claim.group"].correct == 0
    assert report.incidents.recall == 0.0 and report.incidents.precision == 0.0


def test_incidents_align_by_agreement_not_order() -> None:
    extraction = _perfect()
    extraction.incidents.reverse()
    report = scorer.score_extraction(_article(), extraction)
    assert report.fields["incident.place"].correct == 2
    assert report.fields["claim.incident"].correct == 2


def test_extra_incident_lowers_precision_only() -> None:
    extraction = _perfect()
    extraction.incidents.append(_incident("i3", "2019-01-01", "Paris", "FR", Count()))
    report = scorer.score_extraction(_article(), extraction)
    assert report.incidents.precision == pytest.approx(2 / 3)
    assert report.incidents.recall == 1.0


def test_claim_with_wrong_group_still_scores_its_other_fields() -> None:
    extraction = _perfect()
    extraction.claims[0].group = Group("Islamic State")
    report = scorer.score_extraction(_article(), extraction)
    assert report.fields["claim.group"].correct == 1
    assert report.fields["claim.channel"].correct == 2
    assert report.claims.recall == 0.5


@pytest.mark.parametrize(
    ("gold", "predicted", "ok"),
    [
        (14, Count(value=14), True),
        (14, Count(min=14, max=14), True),
        (14, Count(value=13), False),
        ((50, None), Count(min=50), True),
        ((50, None), Count(value=57), True),
        ((50, None), Count(value=12), False),
        ((50, None), Count(min=40), False),
        (None, Count(), True),
        (None, Count(value=3), False),
    ],
)
def test_count_rules(gold: Any, predicted: Count, ok: bool) -> None:
    assert scorer.count_matches(gold, predicted) is ok


@pytest.mark.parametrize(
    ("gold", "predicted", "ok"),
    [
        ((30, 30), Range(value=30), True),
        ((30, 30), Range(value=37), True),
        ((30, 30), Range(value=38), False),
        ((12, 15), Range(min=10, max=16), True),
        ((48, 48), Range(min=12, max=48), False),
        (None, Range(), True),
        (None, Range(value=5), False),
        ((24, 24), Range(), False),
    ],
)
def test_delay_tolerance(gold: Any, predicted: Range, ok: bool) -> None:
    assert scorer.delay_matches(gold, predicted) is ok


@pytest.mark.parametrize(
    ("gold", "predicted", "slack", "ok"),
    [
        ("2024-03-07", "2024-03-07", 0, True),
        ("2024-03-07", "2024-03-08", 0, False),
        ("2024-03-07", "2024-03-08", 1, True),
        ("2021-10", "2021-10-19", 0, True),
        ("2021-10", "2021-11-01", 0, False),
        ("2024-03-07", None, 0, False),
    ],
)
def test_date_rules(gold: str, predicted: str | None, slack: int, ok: bool) -> None:
    assert scorer.date_matches(gold, predicted, slack_days=slack) is ok


@pytest.mark.parametrize(
    ("name", "admin1", "ok"),
    [("Gajiram", None, True), ("gajiram town", None, True), ("Monguno", "Borno", True), ("Monguno", None, False),
     ("Mocímboa da Praia", None, True)],
)
def test_place_rules(name: str, admin1: str | None, ok: bool) -> None:
    incident = Incident(id="i", place=Place(name=name, admin1=admin1))
    assert scorer.place_matches(["Gajiram", "Borno", "Mocimboa da Praia"], incident) is ok


def test_channel_synonyms() -> None:
    assert scorer.normalise_channel("Amaq News Agency") == "amaq"
    assert scorer.normalise_channel("phone call") == "phone_call"
    assert scorer.normalise_channel("  ") is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"id": "a", "text": "t", "incidents": []}', "missing key 'claims'"),
        ('{"id": "a", "text": "t", "incidents": [], "claims": [{"group": "X", "status": "won", "link": "unclear"}]}',
         "status must be one of"),
        ('{"id": "a", "text": "t", "incidents": [], "claims": [], "published": "Tuesday"}', "not an ISO date-time"),
    ],
)
def test_bad_label_lines_name_file_line_and_reason(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps(LABEL) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=message) as error:
        scorer.read_labels(path)
    assert f"{path}:2" in str(error.value)


def test_failing_article_is_reported_and_the_batch_goes_on() -> None:
    def extract(document: Document) -> Extraction:
        if document.source == "t-1":
            raise ValueError("boom")
        return _perfect()

    other = scorer.parse_label({**LABEL, "id": "t-2"})
    report = scorer.evaluate([_article(), other], extract=extract)
    assert report.documents == 2
    assert report.failures == [("t-1", "ValueError: boom")]
    assert report.fields["claim.group"].correct == 2 and report.fields["claim.group"].total == 4


def test_floors(tmp_path: Path) -> None:
    report = scorer.score_extraction(_article(), _perfect())
    assert scorer.check_floors(report, {"incident.date": 1.0, "claims.recall": 0.9}) == []
    report.fields["incident.date"].correct = 1
    misses = scorer.check_floors(report, {"incident.date": 0.9})
    assert [(m.name, m.value) for m in misses] == [("incident.date", 0.5)]
    with pytest.raises(EvaluationError, match="unknown scores: incident.colour"):
        scorer.check_floors(report, {"incident.colour": 0.1})
    path = tmp_path / "floors.json"
    path.write_text('{"_comment": "x", "incident.date": 0.5}', encoding="utf-8")
    assert scorer.read_floors(path) == {"incident.date": 0.5}


def test_dev_set_follows_the_format() -> None:
    path = Path(__file__).parents[1] / "evaluation" / "claims" / "dev.jsonl"
    articles = scorer.read_labels(path)
    assert len(articles) >= 40
    assert len({a.id for a in articles}) == len(articles)
    fixtures = {json.loads(p.read_text())["text"] for p in (Path(__file__).parent / "fixtures" / "articles").glob("*")}
    assert not fixtures & {a.text for a in articles}  # the test set is not the evaluation set


def test_cli_json_and_floors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimwatch.cli import app

    monkeypatch.setattr(scorer, "evaluate", lambda articles, on_article=None: scorer.score_extraction(
        articles[0], _perfect()))
    labels = tmp_path / "dev.jsonl"
    labels.write_text(json.dumps(LABEL) + "\n", encoding="utf-8")
    floors = tmp_path / "floors.json"
    floors.write_text('{"incident.date": 0.9}', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "claims", str(labels), "--json", "--check-floors", "--floors", str(floors)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["fields"]["incident.date"]["accuracy"] == 1.0
    floors.write_text('{"incident.date": 1.1}', encoding="utf-8")
    result = runner.invoke(app, ["eval", "claims", str(labels), "--check-floors", "--floors", str(floors)])
    assert result.exit_code == 1
    assert "below floor" in result.output


def test_language_of_labels_and_selection() -> None:
    english = _article()
    french = scorer.parse_label({**LABEL, "id": "t-fr", "lang": "FR"})
    assert english.lang == "en" and french.lang == "fr"
    assert french.document().language == "fr"
    articles = [english, french]
    assert scorer.select_languages(articles, None) == articles
    assert [a.id for a in scorer.select_languages(articles, ["fr"])] == ["t-fr"]
    assert [a.id for a in scorer.select_languages(articles, ["en", " Fr "])] == ["t-1", "t-fr"]
    assert scorer.select_languages(articles, ["de"]) == []


def test_report_per_language() -> None:
    french = scorer.parse_label({**LABEL, "id": "t-fr", "lang": "fr"})
    report = scorer.evaluate(
        [_article(), french],
        extract=lambda d: _perfect() if d.language == "en" else Extraction(document=d),
    )
    assert set(report.languages) == {"en", "fr"}
    assert report.languages["en"].scores()["claim.group"] == 1.0
    assert report.languages["fr"].scores()["claim.group"] == 0.0
    assert report.fields["claim.group"].accuracy == 0.5
    assert report.to_dict()["languages"]["fr"]["documents"] == 1


def test_misses_name_field_expected_found_and_evidence() -> None:
    extraction = _perfect()
    sentence = Evidence(text="Gunmen killed 12 people in Gajiram on Thursday.", start=0, end=47)
    first = extraction.incidents[0]
    first.killed = Count(value=12)
    first.casualty_reports = [CasualtyReport(kind="killed", count=Count(value=12), evidence=sentence)]
    extraction.claims[1].status = "claimed"
    extraction.incidents.append(_incident("i3", "2024-01-01", "Kano", "NG", Count()))
    report = scorer.score_extraction(_article(), extraction)
    by_field = {(m.item, m.field): m for m in report.misses}
    killed = by_field[("incident 0", "incident.killed")]
    assert (killed.expected, killed.found, killed.evidence) == ("14", "12", sentence.text)
    status = by_field[("claim 1", "claim.status")]
    assert (status.expected, status.found) == ("suspected", "claimed")
    assert "Kano" in by_field[("extra", "incident")].found
    assert len(report.misses) == 3  # nothing right is listed
    empty = scorer.score_extraction(_article(), Extraction(document=Document(text="x")))
    assert {m.found for m in empty.misses} == {"no incident aligned", "no claim aligned"}


def test_cli_lang_and_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimwatch.cli import app

    seen: list[str] = []

    def fake_evaluate(articles: list[scorer.LabelledArticle], on_article: Any = None) -> scorer.ClaimsReport:
        seen.extend(a.id for a in articles)
        extraction = _perfect()
        extraction.claims[1].status = "claimed"
        return scorer.score_extraction(articles[0], extraction)

    monkeypatch.setattr(scorer, "evaluate", fake_evaluate)
    labels = tmp_path / "dev.jsonl"
    lines = [LABEL, {**LABEL, "id": "t-fr", "lang": "fr"}]
    labels.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "claims", str(labels), "--lang", "fr", "--misses"])
    assert result.exit_code == 0, result.output
    assert seen == ["t-fr"]
    assert "claim.status: expected suspected, found claimed" in result.output
    result = CliRunner().invoke(app, ["eval", "claims", str(labels), "--json", "--misses"])
    assert [m["field"] for m in json.loads(result.stdout)["misses"]] == ["claim.status"]
