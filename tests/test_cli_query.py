"""`claimwatch incidents | claims | show | search | demo` on SQLite and on PostgreSQL (no spaCy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimwatch.cli import app
from claimwatch.model import Count, Document, Extraction
from claimwatch.store import Store
from store_builders import MOSUL, NICE, extraction, incident, mosul_first, mosul_update, nice_attack

runner = CliRunner()


@pytest.fixture(scope="module")
def db(module_db_url: str) -> str:
    """One store for the module, on SQLite and on PostgreSQL (tests/conftest.py)."""
    path = module_db_url
    with Store(path) as store:
        for item in (mosul_first(), mosul_update(), nice_attack()):
            store.add(item.document, item)
    return path


def _ids(db: str) -> dict[str, str]:
    with Store(db) as store:
        return {r.place.name: r.id for r in store.incidents() if r.place}


def test_incidents_table_and_json(db: str) -> None:
    table = runner.invoke(app, ["incidents", "--db", db])
    assert table.exit_code == 0, table.output
    assert "2 of 2 incidents" in table.output and "Mosul (IQ)" in table.output and "Nice (FR)" in table.output
    data = json.loads(runner.invoke(app, ["incidents", "--db", db, "--json", "--country", "FR"]).output)
    assert data["total"] == 1 and data["incidents"][0]["killed"]["value"] == 86


@pytest.mark.parametrize(
    ("args", "places"),
    [
        (["--since", "2017-01-01"], ["Mosul"]),
        (["--until", "2016-12-31"], ["Nice"]),
        (["--group", "al-Qaeda"], ["Mosul"]),
        (["--type", "vehicle ramming"], ["Nice"]),
        (["--limit", "1"], ["Mosul"]),
        (["--query", "promenade"], ["Nice"]),
    ],
)
def test_incident_filters(db: str, args: list[str], places: list[str]) -> None:
    result = runner.invoke(app, ["incidents", "--db", db, "--json", *args])
    assert result.exit_code == 0, result.output
    assert [i["place"]["name"] for i in json.loads(result.output)["incidents"]] == places


def test_a_bad_date_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["incidents", "--db", db, "--since", "June"])
    assert result.exit_code == 2


def test_claims_show_the_delay_in_hours(db: str) -> None:
    claims = json.loads(runner.invoke(app, ["claims", "--db", db, "--json", "--group", "Islamic State"]).output)
    assert len(claims) == 1
    assert claims[0]["delay_hours"]["value"] == 6 and claims[0]["status"] == "disputed"
    table = runner.invoke(app, ["claims", "--db", db])
    assert table.exit_code == 0 and "Amaq" in table.output and "al-Qaeda" in table.output


def test_show_prints_every_fact_with_sources_and_evidence(db: str) -> None:
    mosul = _ids(db)["Mosul"]
    result = runner.invoke(app, ["show", mosul, "--db", db])
    assert result.exit_code == 0, result.output
    for expected in ("Wire One", "Wire Two", "most recent exact figure", "rose to 15", "Islamic State"):
        assert expected in result.output
    data = json.loads(runner.invoke(app, ["show", mosul, "--db", db, "--json"]).output)
    assert data["killed"]["value"] == 15 and len(data["casualty_reports"]) == 3 and len(data["sources"]) == 2


def test_unknown_incident_is_a_clear_error(db: str) -> None:
    result = runner.invoke(app, ["show", "inc-nope", "--db", db])
    assert result.exit_code == 1
    assert "no incident 'inc-nope'" in result.output


def test_an_unopenable_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["incidents", "--db", "postgresql://u:secret@localhost/none"])
    assert result.exit_code == 1 and "error:" in result.output and "secret" not in result.output


def test_search(db: str) -> None:
    hits = json.loads(runner.invoke(app, ["search", "Promenade", "--db", db, "--json"]).output)
    assert [h["title"] for h in hits] == ["Truck attack in Nice"] and hits[0]["incident_ids"]
    table = runner.invoke(app, ["search", "market bombing", "--db", db])
    assert table.exit_code == 0 and "2 documents match" in table.output


def _fake_extract(document: Document) -> Extraction:
    """Stands in for the NLP pipeline: the cleaned document, one bombing read from its first sentence."""
    from claimwatch.clean import clean_document

    cleaned = clean_document(document)
    first = cleaned.text.split(".")[0] + "."
    place = NICE if "school" in cleaned.text else MOSUL  # two articles, two places: two incidents
    return extraction(cleaned, [incident(cleaned, first, date="2019-03-01", place=place, killed=Count(3))])


def test_demo_ingests_a_folder_and_prints_incidents(tmp_path: Path, db_url: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import claimwatch.ingest.batch as batch

    monkeypatch.setattr(batch, "extract_document", _fake_extract)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("A bomb went off in a market today. Three people died.\n", encoding="utf-8")
    (folder / "b.txt").write_text("A second bomb exploded near a school. No one claimed it so far.\n", encoding="utf-8")
    db = db_url
    result = runner.invoke(app, ["demo", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 documents: 2 new" in result.output and "2 incidents" in result.output
    again = runner.invoke(app, ["demo", str(folder), "--db", db])
    assert "2 already stored" in again.output


def test_demo_without_articles_says_what_to_pass(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", str(tmp_path / "missing"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "claimwatch demo PATH" in result.output
