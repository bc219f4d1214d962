"""Confidence and firmness kept by the store (migration 0006), and filtered and shown by the CLI, the REST API
and the exports: one filter definition (`IncidentFilter.min_confidence`) behind all of them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from claimwatch.api import create_app
from claimwatch.errors import InvalidQuery
from claimwatch.export import ExportFilter, export
from claimwatch.model import Extraction
from claimwatch.store import Store
from store_builders import mosul_first, mosul_update, nice_attack

runner = CliRunner()


def _scored(made: Extraction, incident: float | None, claim: float | None = None,
            firmness: dict[str, str] | None = None) -> Extraction:
    for item in made.incidents:
        item.confidence = incident
        item.firmness = dict(firmness or {})
    for item in made.claims:
        item.confidence = claim
    return made


def _fill(store: Store) -> None:
    """Mosul reported twice (0.6 then 0.9; its Islamic State claim 0.95), Nice once and never scored."""
    for made in (_scored(mosul_first(), 0.6, 0.95, {"killed": "exact", "date": "relative", "place": "town"}),
                 _scored(mosul_update(), 0.9, 0.4, {"killed": "exact"}),
                 _scored(nice_attack(), None)):
        store.add(made.document, made)


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        _fill(opened)
        yield opened


def _by_place(store: Store, **filters: object) -> dict[str, float | None]:
    return {r.place.name: r.confidence for r in store.incidents(**filters) if r.place}  # type: ignore[arg-type]


# --------------------------------------------------------------------------- store


def test_confidence_and_firmness_round_trip_and_merge(store: Store) -> None:
    assert _by_place(store) == {"Mosul": 0.9, "Nice": None}  # a second report of Mosul raised it
    (mosul,) = [r for r in store.incidents() if r.place and r.place.name == "Mosul"]
    assert mosul.killed.value == 15
    assert mosul.firmness["killed"] == "exact"  # the later report gave the figure shown
    assert mosul.firmness["date"] == "relative"
    assert mosul.to_dict()["confidence"] == 0.9 and mosul.to_dict()["firmness"] == mosul.firmness
    claims = {c.group.name: c.confidence for c in store.claims() if c.group}
    assert claims == {"Islamic State": 0.95, "al-Qaeda": 0.4}
    assert store.incident(mosul.id).confidence == 0.9


def test_min_confidence_filters_incidents_and_claims(store: Store) -> None:
    assert _by_place(store, min_confidence=0.8) == {"Mosul": 0.9}
    assert store.count_incidents(min_confidence=0.95) == 0
    assert store.count_incidents(min_confidence=0.0) == 1  # an unscored incident never passes a confidence filter
    assert store.count_incidents() == 2
    assert [c.group.name for c in store.claims(min_confidence=0.5) if c.group] == ["Islamic State"]
    assert store.count_claims(min_confidence=0.5) == 1
    with pytest.raises(InvalidQuery, match="between 0 and 1"):
        store.incidents(min_confidence=80)


def test_migration_0006_adds_and_removes_the_columns(tmp_path: Path) -> None:
    from alembic import command

    from claimwatch.migrations import config, current_revision

    url = f"sqlite:///{tmp_path / 'old.db'}"
    Store(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        assert current_revision(conn) == "0006_confidence"
        columns = {c["name"] for c in sa.inspect(conn).get_columns("incidents")}
        assert {"confidence", "firmness"} <= columns
        command.downgrade(config(conn), "0005_postgres_search")
    with engine.begin() as conn:
        assert "confidence" not in {c["name"] for c in sa.inspect(conn).get_columns("claims")}
        assert "confidence" not in {c["name"] for c in sa.inspect(conn).get_columns("incidents")}
    engine.dispose()
    with Store(url) as reopened:  # opening migrates it up again
        made = _scored(nice_attack(), 0.7)
        reopened.add(made.document, made)
        assert [r.confidence for r in reopened.incidents()] == [0.7]


# --------------------------------------------------------------------------- REST API


@pytest.fixture()
def client(store: Store) -> TestClient:
    return TestClient(create_app(store, token="t0ken"))


def test_api_min_confidence_on_incidents_and_claims(client: TestClient) -> None:
    page = client.get("/api/incidents", params={"min_confidence": 0.8}).json()
    assert page["total"] == 1 and page["items"][0]["confidence"] == 0.9
    assert page["items"][0]["firmness"]["killed"] == "exact"
    assert client.get("/api/incidents").json()["total"] == 2
    claims = client.get("/api/claims", params={"min_confidence": 0.9}).json()["items"]
    assert [(c["group"]["name"], c["confidence"]) for c in claims] == [("Islamic State", 0.95)]
    assert client.get("/api/incidents", params={"min_confidence": 1.5}).status_code == 422
    assert client.get("/api/claims", params={"min_confidence": -0.1}).status_code == 422


def test_openapi_documents_min_confidence(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/incidents", "/api/claims", "/api/export/{format_name}"):
        names = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert "min_confidence" in names, path


def test_api_export_takes_min_confidence(client: TestClient) -> None:
    response = client.get("/api/export/gtd-csv", params={"min_confidence": 0.8})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["city"] for r in rows] == ["Mosul"] and rows[0]["claimwatch_confidence"] == "0.900"


# --------------------------------------------------------------------------- exports


def _one(store: Store, name: str, **filters: object) -> bytes:
    (file,) = export(store, name, ExportFilter(**filters))  # type: ignore[arg-type]
    return file.content


def test_stix_carries_its_own_confidence_property(store: Store) -> None:
    bundle = json.loads(_one(store, "stix"))
    incidents = {o["x_claimwatch_id"]: o for o in bundle["objects"] if o["type"] == "incident"}
    assert sorted(o.get("confidence") for o in incidents.values() if "confidence" in o) == [90]
    assert len(incidents) == 2  # the unscored incident has no confidence property, not a zero
    claimed = {o["x_claimwatch_claim_id"]: o["confidence"] for o in bundle["objects"]
               if o["type"] == "relationship" and o["relationship_type"] == "attributed-to"}
    assert sorted(claimed.values()) == [40, 95]
    only_sure = json.loads(_one(store, "stix", min_confidence=0.8))
    assert len([o for o in only_sure["objects"] if o["type"] == "incident"]) == 1


def test_misp_tags_the_confidence_and_its_likelihood(store: Store) -> None:
    from claimwatch.export.misp import likelihood

    events = json.loads(_one(store, "misp", min_confidence=0.5))["response"]
    (item,) = events
    event = item.get("Event", item)
    tags = {t["name"] for t in event["Tag"]}
    assert 'claimwatch:confidence="90"' in tags
    assert 'estimative-language:likelihood-probability="very-likely"' in tags
    texts = [a for a in event["Attribute"] if a["type"] == "text"]
    assert any("confidence 95%" in a["value"] for a in texts)
    assert (likelihood(3), likelihood(50), likelihood(96)) == ("almost-no-chance", "roughly-even-chance",
                                                               "almost-certain")


def test_gtd_csv_and_parquet_columns(store: Store) -> None:
    import pyarrow.parquet as pq

    rows = {r["city"]: r for r in csv.DictReader(io.StringIO(_one(store, "gtd-csv").decode()))}
    assert rows["Mosul"]["claimwatch_confidence"] == "0.900" and rows["Nice"]["claimwatch_confidence"] == ""
    assert "killed=exact" in rows["Mosul"]["claimwatch_firmness"]
    files = {f.name: f.content for f in export(store, "parquet", ExportFilter(min_confidence=0.8))}
    table = pq.read_table(io.BytesIO(files["incidents.parquet"])).to_pylist()
    assert [(r["place"], r["confidence"], r["killed_firmness"]) for r in table] == [("Mosul", 0.9, "exact")]
    claims = pq.read_table(io.BytesIO(files["claims.parquet"])).to_pylist()
    assert sorted(r["confidence"] for r in claims) == [0.4, 0.95]


# --------------------------------------------------------------------------- CLI


def test_cli_lists_filter_and_show_confidence(tmp_path: Path) -> None:
    from claimwatch.cli import app

    db = str(tmp_path / "cli.db")
    with Store(db) as opened:
        _fill(opened)
    listed = json.loads(runner.invoke(app, ["incidents", "--db", db, "--json", "--min-confidence", "0.8"]).output)
    assert [i["confidence"] for i in listed["incidents"]] == [0.9]
    table = runner.invoke(app, ["incidents", "--db", db])
    assert "Conf." in table.output and "90%" in table.output
    claims = json.loads(runner.invoke(app, ["claims", "--db", db, "--json", "--min-confidence", "0.9"]).output)
    assert [c["group"]["name"] for c in claims] == ["Islamic State"]
    mosul = listed["incidents"][0]["id"]
    shown = runner.invoke(app, ["show", mosul, "--db", db])
    assert "Confidence" in shown.output and "90%" in shown.output
    assert runner.invoke(app, ["incidents", "--db", db, "--min-confidence", "2"]).exit_code != 0
    exported = runner.invoke(app, ["export", "gtd-csv", "--db", db, "--min-confidence", "0.95"])
    assert exported.exit_code == 0 and exported.stdout.count("\n") == 1  # the header alone
