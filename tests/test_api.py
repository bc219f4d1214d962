"""The REST API over the desk store (fixture articles run through the real pipeline into SQLite and into
PostgreSQL): every endpoint, auth, errors, paging, the OpenAPI document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openapi_spec_validator import validate
from typer.testing import CliRunner

from claimwatch.api import create_app
from claimwatch.model import Claim, Document, Evidence, Extraction, Group, Incident, Place, Range
from claimwatch.store import Store
from desk_store import desk_store_copy

TOKEN = "s3cret"


def fake_extractor(document: Document) -> Extraction:
    """Stands in for the NLP pipeline: one incident and one claim, with evidence from the text."""
    first = document.text.split(".")[0]
    ev = Evidence(text=first, start=0, end=len(first))
    incident = Incident(id="i1", date="2020-02-02", place=Place(name="Kano", country_code="NG", lat=12.0, lon=8.5),
                        attack_types=["bombing"], evidence=[ev])
    claim = Claim(incident_id="i1", group=Group("Boko Haram"), channel="video", delay_hours=Range(value=30),
                  evidence=[ev])
    return Extraction(document=document, incidents=[incident], claims=[claim])


@pytest.fixture()
def store(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, backend: str,
          request: pytest.FixtureRequest) -> Iterator[Store]:
    """The desk store (built once per session by the real pipeline), a private copy per test, on each back end."""
    databases = request.getfixturevalue("pg_databases") if backend == "postgresql" else None
    store = desk_store_copy(tmp_path_factory, tmp_path, databases)
    yield store
    store.close()
    if databases is not None:
        databases.drop(store.url)


@pytest.fixture()
def client(store: Store) -> TestClient:
    return TestClient(create_app(store, token=TOKEN, extractor=fake_extractor))


def london(client: TestClient) -> dict[str, Any]:
    (item,) = client.get("/api/incidents", params={"q": "London", "country": "GB"}).json()["items"]
    return item


def test_openapi_document_validates(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    validate(spec)
    paths = set(spec["paths"])
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/claims", "/api/groups", "/api/groups/{name}",
            "/api/stats", "/api/documents", "/api/documents/{document_id}", "/api/search", "/api/health"} <= paths
    assert "bearer" in str(spec["paths"]["/api/documents"]["post"]["security"]).lower() or spec["components"][
        "securitySchemes"]


def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json()["status"] == "ok"


def test_list_incidents_pages_with_stable_ids(client: TestClient) -> None:
    first = client.get("/api/incidents", params={"limit": 4}).json()
    assert first["total"] == 11 and len(first["items"]) == 4 and first["next_offset"] == 4
    last = client.get("/api/incidents", params={"limit": 4, "offset": 8}).json()
    assert len(last["items"]) == 3 and last["next_offset"] is None
    again = client.get("/api/incidents", params={"limit": 4}).json()
    assert [i["id"] for i in first["items"]] == [i["id"] for i in again["items"]]


@pytest.mark.parametrize(
    ("params", "places"),
    [
        ({"country": "GB"}, {"Manchester", "London"}),
        ({"since": "2017-05-01", "until": "2017-12-31"}, {"Manchester", "London"}),
        ({"group": "Taliban"}, {"Kabul"}),
        ({"attack_type": "Hostage Taking (Barricade Incident)"}, {"Dhaka"}),
        ({"claimed": "false"}, {"Damboa", "Mastung"}),
        ({"q": "Christmas market"}, {"Berlin"}),
    ],
)
def test_incident_filters(client: TestClient, params: dict[str, str], places: set[str]) -> None:
    found = client.get("/api/incidents", params=params).json()["items"]
    assert {i["place"]["name"] for i in found} == places


def test_one_incident_has_claims_with_anomaly_sources_and_evidence(client: TestClient) -> None:
    incident = client.get(f"/api/incidents/{london(client)['id']}").json()
    (claim,) = incident["claims"]
    assert claim["anomaly"]["kind"] == "late"
    assert claim["anomaly"]["sentence"].startswith("claimed more than 24 h after the attack; Islamic State's median")
    assert claim["usual_range"][1] < 24 and claim["delay_hours"]["min"] == 24
    assert any(e["attributed_to"] == "The Independent" for e in claim["evidence"])
    assert incident["sources"][0]["outlet"] == "Riverside Blog"
    assert incident["casualty_reports"][0]["value"] == 7


def test_missing_incident_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/incidents/inc-nope")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["status"] == 404 and "inc-nope" in error["message"]


def test_bad_parameter_is_a_json_422(client: TestClient) -> None:
    response = client.get("/api/incidents", params={"since": "yesterday"})
    assert response.status_code == 422
    assert "since" in response.json()["error"]["message"]


def test_unknown_api_path_is_a_json_404(client: TestClient) -> None:
    assert client.get("/api/nothing").json()["error"]["status"] == 404


def test_claims_with_delay_and_anomaly(client: TestClient) -> None:
    everything = client.get("/api/claims").json()
    assert everything["total"] == 11
    flagged = client.get("/api/claims", params={"anomalous": "true"}).json()["items"]
    assert [c["incident_place"]["name"] for c in flagged] == ["London"]
    denied = client.get("/api/claims", params={"status": "denied"}).json()["items"]
    assert [c["group"]["name"] for c in denied] == ["Tehrik-i-Taliban Pakistan"]
    paged = client.get("/api/claims", params={"group": "Islamic State", "limit": 3, "offset": 7}).json()
    assert paged["total"] == 9 and len(paged["items"]) == 2 and paged["next_offset"] is None


def test_groups_and_one_group_profile(client: TestClient) -> None:
    groups = {g["name"]: g for g in client.get("/api/groups").json()["items"]}
    assert groups["Islamic State"]["delay"]["n"] == 8  # seven earlier claims and London's
    (anomaly,) = groups["Islamic State"]["anomalies"]
    assert anomaly["history"]["n"] == 7 and anomaly["history"]["max"] == 15
    profile = client.get("/api/groups/islamic state").json()
    assert profile["name"] == "Islamic State"
    assert len(profile["delays"]) == 9  # every claim, the competing Kabul one without a delay too
    assert profile["link_shares"]["2017"]["inspired"] == 1
    assert set(profile["by_channel"]) == {"amaq", "statement"}
    assert client.get("/api/groups/Nobody").status_code == 404


def test_stats(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["anomalies"][0]["kind"] == "late"
    assert {c["incident_id"] for c in stats["conflicts"]} and any(c["competing"] for c in stats["conflicts"])
    assert {u["place"] for u in stats["unclaimed"]} == {"Damboa", "Mastung"}
    only = client.get("/api/stats", params={"group": "Taliban"}).json()
    assert list(only["by_group"]) == ["Taliban"] and only["anomalies"] == []


def test_documents_search_and_one_document(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 3}).json()
    assert len(page["items"]) == 3 and page["next_offset"] == 3 and "text" not in page["items"][0]
    hits = client.get("/api/search", params={"q": "Christmas"}).json()["items"]
    assert len(hits) == 1
    document = client.get(f"/api/documents/{hits[0]['id']}").json()
    assert "Christmas market" in document["text"]
    assert client.get("/api/documents/doc-nope").status_code == 404
    assert client.get("/api/search").status_code == 422


def test_untrusted_text_is_returned_as_data(client: TestClient) -> None:
    (hit,) = client.get("/api/search", params={"q": "<script>"}).json()["items"]
    text = client.get(f"/api/documents/{hit['id']}").json()["text"]
    assert "<script>alert(1)</script>" in text  # kept verbatim; the dashboard shows it as text
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_write_without_token_is_401(client: TestClient) -> None:
    response = client.post("/api/documents", json={"text": "A bomb exploded in Kano."})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "bearer token" in response.json()["error"]["message"]
    wrong = client.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_write_with_token_ingests_once(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": "A bomb exploded in a Kano market. Boko Haram claimed it in a video.", "outlet": "Desk Wire",
            "published": "2020-02-03T12:00:00"}
    created = client.post("/api/documents", json=body, headers=auth)
    assert created.status_code == 201
    result = created.json()
    assert result["created"] and len(result["incident_ids"]) == 1 and len(result["claim_ids"]) == 1
    assert client.get(f"/api/incidents/{result['incident_ids'][0]}").json()["place"]["name"] == "Kano"
    again = client.post("/api/documents", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["created"] is False
    assert client.post("/api/documents", json={"text": ""}, headers=auth).status_code == 422


def test_writes_are_refused_when_no_token_is_configured(store: Store) -> None:
    client = TestClient(create_app(store, extractor=fake_extractor))
    response = client.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403 and "--token" in response.json()["error"]["message"]


def test_too_large_document_is_413(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_MAX_BYTES", "10")
    response = client.post("/api/documents", json={"text": "x" * 20}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413


def test_protected_reads_need_the_token(store: Store) -> None:
    client = TestClient(create_app(store, token=TOKEN, protect_reads=True, extractor=fake_extractor))
    assert client.get("/api/incidents").status_code == 401
    assert client.get("/api/incidents", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/api/health").status_code == 200


def test_stats_command(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimwatch.cli import app, serve_cmd

    monkeypatch.setattr(serve_cmd, "_open_store", lambda db: store)
    result = CliRunner().invoke(app, ["stats", "--json"])
    assert result.exit_code == 0, result.output
    assert '"kind": "late"' in result.output
    table = CliRunner().invoke(app, ["stats", "--group", "Islamic State", "--since", "2017-01-01"])
    assert table.exit_code == 0, table.output
    assert "Islamic State's median is" in table.output
    bad = CliRunner().invoke(app, ["stats", "--since", "June"])
    assert bad.exit_code != 0
