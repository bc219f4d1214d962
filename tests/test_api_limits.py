"""Bounded work per request and errors that never leak (issue 11 rows 2, 3, 6, 8, 10, 12; issue 8 item 6).

Over the desk store (real pipeline, fixture articles). Each test names the row of issue 11 it re-runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from claimwatch import analytics
from claimwatch.api import create_app
from claimwatch.errors import QueryTimeout
from claimwatch.store import Store
from desk_store import desk_store_copy
from test_api import TOKEN, fake_extractor


@pytest.fixture()
def store(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Store]:
    store = desk_store_copy(tmp_path_factory, tmp_path)
    yield store
    store.close()


@pytest.fixture()
def client(store: Store) -> TestClient:
    return TestClient(create_app(store, token=TOKEN, extractor=fake_extractor), raise_server_exceptions=False)


def _error(response: object, status: int) -> str:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and body["error"]["status"] == status
    message: str = body["error"]["message"]
    return message


# --------------------------------------------------------------------------- row 8: judgements stored, not per request


def test_reads_use_stored_judgements_and_never_rejudge(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_rescans(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("a read judged every claim again")

    monkeypatch.setattr(analytics, "usual_ranges", no_rescans)
    london = client.get("/api/incidents", params={"q": "London"}).json()["items"][0]
    (claim,) = client.get(f"/api/incidents/{london['id']}").json()["claims"]
    assert claim["anomaly"]["kind"] == "late"
    flagged = client.get("/api/claims", params={"anomalous": "true"}).json()
    assert flagged["total"] == 1 and flagged["items"][0]["anomaly"]["kind"] == "late"
    groups = client.get("/api/groups").json()["items"]
    assert groups[0]["name"] == "Islamic State" and groups[0]["anomalies"][0]["kind"] == "late"
    assert any(d["anomaly"] == "late" for d in client.get("/api/groups/islamic state").json()["delays"])


def test_a_write_rejudges_the_groups_it_touched(client: TestClient, store: Store) -> None:
    before = {g["name"]: g["claims"] for g in client.get("/api/groups").json()["items"]}
    response = client.post("/api/documents", json={"text": "A bomb went off in Kano. Boko Haram claimed it."},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201
    after = {g["name"]: g["claims"] for g in client.get("/api/groups").json()["items"]}
    assert after["Boko Haram"] == before.get("Boko Haram", 0) + 1
    (claim_id,) = response.json()["claim_ids"]
    assert set(store.judgements([claim_id])[claim_id]) == {"history", "usual_range", "anomaly"}


def test_a_store_written_before_judgements_were_kept_is_judged_on_open(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM claim_judgements"))
        conn.execute(sa.text("DELETE FROM group_profiles"))
    url = store.url
    store.close()
    with Store(url) as reopened:
        assert reopened.group_profiles("Islamic State")[0]["anomalies"][0]["kind"] == "late"


# --------------------------------------------------------------------------- row 10: attack types and wildcards


def test_attack_type_accepts_the_stored_name_its_slug_and_one_word(client: TestClient) -> None:
    stored = client.get("/api/incidents", params={"attack_type": "Bombing/Explosion"}).json()["total"]
    assert stored > 0
    for spelling in ("bombing", "BOMBING", "bombing_explosion", "bombing/explosion"):
        assert client.get("/api/incidents", params={"attack_type": spelling}).json()["total"] == stored


@pytest.mark.parametrize("wildcard", ["%", "_", "%bomb%", "\\"])
def test_like_wildcards_match_literally(client: TestClient, wildcard: str) -> None:
    assert client.get("/api/incidents", params={"attack_type": wildcard}).json()["total"] == 0
    assert client.get("/api/incidents", params={"group": wildcard}).json()["total"] == 0


# --------------------------------------------------------------------------- row 2: bounded queries


@pytest.mark.parametrize("path", ["/api/search", "/api/incidents"])
def test_long_or_wordy_queries_are_refused(client: TestClient, path: str) -> None:
    assert "q" in _error(client.get(path, params={"q": "a " * 800}), 422)
    many = " ".join(f"word{i}" for i in range(13))
    assert "12" in _error(client.get(path, params={"q": many}), 422)
    repeated = " ".join(["market"] * 40)  # 40 words, one of them different: fine, and cheap
    assert client.get(path, params={"q": repeated}).status_code == 200


# --------------------------------------------------------------------------- row 6: paging validated, keyset cursor


@pytest.mark.parametrize("path", ["/api/incidents", "/api/documents", "/api/claims"])
@pytest.mark.parametrize("params", [{"offset": "99999999999999999999"}, {"offset": "-1"}, {"limit": "0"},
                                    {"limit": "100000"}, {"offset": "10001"}])
def test_out_of_range_paging_is_a_json_422(client: TestClient, path: str, params: dict[str, str]) -> None:
    _error(client.get(path, params=params), 422)


def test_cursor_pages_walk_every_incident_once(client: TestClient) -> None:
    everything = [i["id"] for i in client.get("/api/incidents", params={"limit": 500}).json()["items"]]
    seen: list[str] = []
    params: dict[str, str | int] = {"limit": 3}
    while True:
        page = client.get("/api/incidents", params=params).json()
        seen += [i["id"] for i in page["items"]]
        if page["next_cursor"] is None:
            break
        params = {"limit": 3, "cursor": page["next_cursor"]}
    assert seen == everything and len(everything) == 11


def test_a_forged_cursor_is_a_json_422(client: TestClient) -> None:
    assert "cursor" in _error(client.get("/api/incidents", params={"cursor": "bm90IGEgY3Vyc29y"}), 422)


# --------------------------------------------------------------------------- row 3: bodies bounded, auth first


def test_an_unauthenticated_upload_is_refused_before_its_body_is_read(client: TestClient) -> None:
    def body() -> Iterator[bytes]:
        raise AssertionError("the body was read before the token was checked")
        yield b""  # pragma: no cover

    _error(client.post("/api/documents", content=body(), headers={"Content-Type": "application/json"}), 401)


def test_a_body_over_the_limit_is_413_from_its_length(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_MAX_BYTES", "1000")
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    message = _error(client.post("/api/documents", content=b"x" * 200_000, headers=headers), 413)
    assert "CLAIMWATCH_MAX_BYTES" in message


def test_a_streamed_body_over_the_limit_is_413(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_MAX_BYTES", "1000")
    sent = []

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit applies while the bytes arrive
        for _ in range(3000):
            sent.append(1)
            yield b" " * 100

    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    _error(client.post("/api/documents", content=chunks(), headers=headers), 413)


@pytest.mark.parametrize("text", ["\x00", "\x00\x00\x00", " \n\t\x00 ", "\u200b\ufeff"])
def test_text_without_readable_characters_is_refused(client: TestClient, text: str) -> None:
    response = client.post("/api/documents", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert "readable" in _error(response, 422)


def test_deeply_nested_json_body_is_a_json_error(client: TestClient) -> None:
    body = b"[" * 200_000
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    response = client.post("/api/documents", content=body, headers=headers)
    assert response.status_code in (400, 422) and "error" in response.json()


# --------------------------------------------------------------------------- time per request, errors without internals


def test_a_statement_past_the_timeout_is_stopped(tmp_path: Path) -> None:
    slow = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
    with Store(str(tmp_path / "t.db"), statement_timeout=0.2) as store:
        with pytest.raises(QueryTimeout, match="CLAIMWATCH_STATEMENT_TIMEOUT"), store._reading() as conn:
            conn.execute(sa.text(slow)).scalar()


def test_a_timeout_is_a_json_503(client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*_args: object, **_kwargs: object) -> object:
        raise QueryTimeout("reading the store took longer than 10 s and was stopped (CLAIMWATCH_STATEMENT_TIMEOUT)")

    monkeypatch.setattr(store, "claim_points", slow)
    assert "longer than" in _error(client.get("/api/stats"), 503)


def test_store_errors_leave_without_sql(client: TestClient, store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE claim_judgements"))
    message = _error(client.get("/api/claims"), 503)
    assert "SELECT" not in message and "claim_judgements" in message


def test_an_unexpected_error_is_a_json_500_without_details(client: TestClient, store: Store,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("secret internals at /srv/app")

    monkeypatch.setattr(store, "documents", broken)
    assert "secret" not in _error(client.get("/api/documents"), 500)


# --------------------------------------------------------------------------- row 12: headers, docs, OpenAPI security


@pytest.mark.parametrize("path", ["/", "/api/health", "/api/docs", "/api/openapi.json", "/api/incidents", "/nope"])
def test_every_page_has_csp_and_referrer_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert "script-src 'self';" in response.headers["content-security-policy"]
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_api_docs_load_only_vendored_assets(client: TestClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200 and "http" not in page.text.replace("/api/openapi.json", "")
    for asset in ("/vendor/swagger-ui/swagger-ui-bundle.js", "/vendor/swagger-ui/swagger-ui.css", "/api-docs.js"):
        assert asset in page.text and client.get(asset).status_code == 200


def test_openapi_says_reads_are_open_unless_protected(store: Store) -> None:
    def security(app_client: TestClient) -> dict[str, bool]:
        spec = app_client.get("/api/openapi.json").json()
        return {f"{m} {p}": bool(op.get("security")) for p, ops in spec["paths"].items() for m, op in ops.items()}

    open_reads = security(TestClient(create_app(store, token=TOKEN, extractor=fake_extractor)))
    assert open_reads["post /api/documents"] and not any(v for k, v in open_reads.items() if k.startswith("get"))
    protected = security(TestClient(create_app(store, token=TOKEN, protect_reads=True, extractor=fake_extractor)))
    assert protected["get /api/incidents"] and protected["post /api/documents"] and not protected["get /api/health"]


def test_json_errors_are_envelopes_everywhere(client: TestClient) -> None:
    for response in (client.get("/api/incidents/inc-nope"), client.get("/api/nothing"),
                     client.get("/api/incidents", params={"since": "x"}), client.post("/api/documents", json={})):
        assert set(response.json()) == {"error"}, json.dumps(response.json())
