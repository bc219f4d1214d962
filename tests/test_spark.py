"""The Spark job against `claimwatch ingest`: the same articles give the same incidents and claims.

One small local job (`local[2]`) over a folder of JSON lines and a WARC.gz written here from the demo
articles (first reports in the web archive, follow-ups and claims in the JSON lines, so linking crosses
formats), with one broken line that both must reject. JVM start-up is slow, so the job runs once per
module and every test reads its output. Skipped without PySpark or Java, except under CI=true.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimwatch.cli import app
from claimwatch.store import Store

pytestmark = [pytest.mark.spark, pytest.mark.slow]
SAMPLES = Path(__file__).resolve().parents[1] / "src" / "claimwatch" / "data" / "samples"
runner = CliRunner()


def _need_spark() -> None:
    reason = None
    try:
        import pyspark  # noqa: F401
    except ImportError:
        reason = "PySpark is not installed (pip install '.[spark]')"
    if reason is None and shutil.which("java") is None:
        reason = "no Java runtime (apt-get install openjdk-17-jre-headless)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def _warc(pages: list[tuple[str, str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, title, text in pages:
        paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
        html = f"<html><head><title>{title}</title></head><body><article>{paragraphs}</article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "articles"
    folder.mkdir()
    lines: list[str] = []
    pages: list[tuple[str, str, str]] = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix == ".json":
            lines.append(json.dumps(json.loads(path.read_text(encoding="utf-8"))))
        elif "first-report" in path.name:
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            pages.append((f"https://news.example/{path.stem}", title, body))
        else:
            lines.append(json.dumps({"text": path.read_text(encoding="utf-8"), "outlet": "Desk"}))
    lines.insert(2, "{not json")  # rejected by both, named by its line
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(_warc(pages))
    return folder


@pytest.fixture(scope="module")
def job_output(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    _need_spark()
    out = tmp_path_factory.mktemp("spark") / "out"
    result = runner.invoke(app, ["spark", "extract", str(corpus), "--out", str(out), "--master", "local[2]",
                                 "--partitions", "3"])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    db = f"sqlite:///{tmp_path_factory.mktemp('ingest') / 'ingest.db'}"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--json"])
    assert result.exit_code == 1  # the broken line
    return db, json.loads(result.stdout)


def _record(url: str) -> tuple[list[str], list[str]]:
    """Every incident and claim as JSON, ids included, without the times of storing."""
    def clean(data: dict[str, Any]) -> str:
        return json.dumps({k: v for k, v in data.items() if k not in ("first_seen", "updated_at")},
                          sort_keys=True, default=str)

    with Store(url) as store:
        return (sorted(clean(r.to_dict()) for r in store.incidents(limit=1000)),
                sorted(clean(c.to_dict()) for c in store.claims(limit=1000)))


def test_spark_extract_gives_the_incidents_and_claims_of_ingest(
    corpus: Path, job_output: tuple[Path, str], ingested: tuple[str, dict[str, Any]], tmp_path: Path
) -> None:
    out, output = job_output
    db, summary = ingested
    loaded = f"sqlite:///{tmp_path / 'loaded.db'}"
    result = runner.invoke(app, ["spark", "load", str(out), "--db", loaded])
    assert result.exit_code == 0, result.output
    incidents, claims = _record(loaded)
    assert (incidents, claims) == _record(db)
    assert len(incidents) < summary["new"]  # several reports were linked into one incident
    assert f"{summary['new']} new" in output and f"{summary['failed']} rejected" in output
    import pyarrow.parquet as pq

    rejects = pq.read_table(out / "rejects").to_pylist()
    assert [r["source"] for r in rejects] == [f"{corpus / 'wire.jsonl'}:3"]  # the name ingest gives it
    assert "not valid JSON" in rejects[0]["reason"] and rejects[0]["kind"] == "MalformedInput"
    assert {p.name.split("=")[0] for p in (out / "incidents").iterdir() if p.is_dir()} == {"incident_month"}


@pytest.mark.postgresql
def test_spark_load_fills_a_postgresql_store_that_the_api_serves(
    job_output: tuple[Path, str], ingested: tuple[str, dict[str, Any]], pg_databases: Any
) -> None:
    from fastapi.testclient import TestClient

    from claimwatch.api import create_app

    out, _ = job_output
    url = pg_databases.create()
    try:
        result = runner.invoke(app, ["spark", "load", str(out), "--db", url])
        assert result.exit_code == 0, result.output
        assert _record(url) == _record(ingested[0])
        again = runner.invoke(app, ["spark", "load", str(out), "--db", url])
        assert again.exit_code == 1 and "empty store" in again.output
        with Store(url) as store:
            client = TestClient(create_app(store))
            listed = client.get("/api/incidents").json()
            assert listed["total"] == len(_record(url)[0])
            assert client.get("/api/search", params={"q": "Amaq"}).json()["items"]
    finally:
        pg_databases.drop(url)
