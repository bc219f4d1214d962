"""Exports (STIX 2.1, MISP, GTD-codebook CSV, Parquet, GeoJSON) and the GTD-CSV import, over hand-built
stores and over the desk store the real pipeline builds; the validators run here."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import stix2validator
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from claimwatch.api import create_app
from claimwatch.cli import app
from claimwatch.errors import ExportError
from claimwatch.export import EXPORTERS, ExportFilter, export
from claimwatch.export import gtd_codebook as book
from claimwatch.export.gtd_import import import_gtd_csv
from claimwatch.export.misp import load_events
from claimwatch.export.parquet import SCHEMAS
from claimwatch.model import Count, Perpetrator, Place, Range
from claimwatch.store import Store
from desk_store import desk_store_copy
from store_builders import AQ, IS, article, claim, extraction, incident, mosul_first, mosul_update, nice_attack

KABUL = Place("Kabul", "AF", 34.53, 69.17, "AF.13", 1138958)
UNLISTED = Place("Apia", "WS", -13.83, -171.76, None, 4035413)


def kabul_denied():
    doc = article("Gunmen stormed a hotel in Kabul in May 2021. The Taliban denied any role in the attack.",
                  published=datetime(2021, 5, 20, 7), outlet="Kabul Desk", title="Hotel attack",
                  url="https://example.org/kabul")
    first = "Gunmen stormed a hotel in Kabul in May 2021."
    return extraction(doc, [incident(doc, first, date="2021-05", precision="month", place=KABUL,
                                     attack_types=["Armed Assault"], weapon_types=["Firearms"],
                                     killed=Count(min=5, includes_perpetrators=False))],
                      [claim(doc, "The Taliban denied any role in the attack.", None, status="denied")])


def suspected_unlisted():
    doc = article("An explosion hit a port in Apia in 2019. Police suspect a local cell.", outlet=None)
    made = incident(doc, "An explosion hit a port in Apia in 2019.", date="2019", precision="year", place=UNLISTED,
                    attack_types=["Bombing/Explosion", "Hijacking"], weapon_types=["Explosives", "Vehicle"])
    made.targets = ["a port"]
    return extraction(doc, [made], [claim(doc, "Police suspect a local cell.", AQ, status="suspected")])


@pytest.fixture()
def store() -> Iterator[Store]:
    with Store("sqlite:///:memory:") as s:
        for build in (mosul_first, mosul_update, nice_attack, kabul_denied, suspected_unlisted):
            made = build()
            s.add(made.document, made)
        yield s


@pytest.fixture()
def desk(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Store]:
    s = desk_store_copy(tmp_path_factory, tmp_path)
    yield s
    s.close()


def _one(store: Store, name: str, **filters: object) -> bytes:
    (file,) = export(store, name, ExportFilter(**filters))  # type: ignore[arg-type]
    return file.content


# --------------------------------------------------------------------------- STIX


def _validate_stix(content: bytes) -> dict[str, object]:
    result = stix2validator.validate_string(content.decode())
    assert result.is_valid, [str(e) for e in result.errors]
    assert not result.errors
    bundle: dict[str, object] = json.loads(content)
    return bundle


def test_stix_bundle_validates_and_maps_every_record(store: Store) -> None:
    bundle = _validate_stix(_one(store, "stix"))
    objects = bundle["objects"]
    assert isinstance(objects, list)
    kinds = {o["type"] for o in objects}
    assert {"incident", "location", "intrusion-set", "relationship", "report", "identity"} <= kinds
    incidents = [o for o in objects if o["type"] == "incident"]
    assert len(incidents) == len(store.incidents())
    groups = {o["name"]: o for o in objects if o["type"] == "intrusion-set"}
    assert "ISIS" in groups["Islamic State"]["aliases"]
    assert groups["Islamic State"]["external_references"][0]["external_id"] == "Q2429253"
    claims = [o for o in objects if o.get("relationship_type") == "attributed-to"]
    statuses = {(o["x_claimwatch_status"], o.get("x_claimwatch_channel")) for o in claims}
    assert ("disputed", "Amaq") in statuses and ("suspected", None) in statuses
    reports = [o for o in objects if o["type"] == "report"]
    urls = {r["url"] for o in reports for r in o["external_references"] if "url" in r}
    assert "https://example.org/kabul" in urls
    ids = {o["id"] for o in objects}
    assert all(ref in ids for o in reports for ref in o["object_refs"])  # no dangling reference


def test_stix_ids_are_the_same_in_every_export(store: Store) -> None:
    first, second = _one(store, "stix"), _one(store, "stix")
    assert first == second
    one_country = json.loads(_one(store, "stix", country="FR"))["objects"]
    everything = {o["id"]: o for o in json.loads(first)["objects"]}
    shared = [o for o in one_country if o["type"] == "incident"]
    assert shared and all(everything[o["id"]] == o for o in shared)


def test_desk_store_exports_validate(desk: Store) -> None:
    """The store the real pipeline builds: STIX with 0 errors, MISP loads back unchanged, the rest opens."""
    _validate_stix(_one(desk, "stix"))
    events = json.loads(_one(desk, "misp"))["response"]
    assert [json.loads(e.to_json()) for e in load_events(_one(desk, "misp").decode())] == events
    rows = list(csv.DictReader(io.StringIO(_one(desk, "gtd-csv").decode())))
    assert len(rows) == desk.count_incidents()
    geo = json.loads(_one(desk, "geojson"))
    assert geo["type"] == "FeatureCollection" and geo["features"]
    for file in export(desk, "parquet"):
        assert pq.read_table(io.BytesIO(file.content)).schema.equals(SCHEMAS[file.name.split(".")[0]])


# --------------------------------------------------------------------------- MISP


def test_misp_events_load_back_into_pymisp_unchanged(store: Store) -> None:
    text = _one(store, "misp").decode()
    events = load_events(text)
    assert [json.loads(e.to_json()) for e in events] == json.loads(text)["response"]
    assert len(events) == len(store.incidents())
    mosul = next(e for e in events if "Mosul" in e.info)
    tags = {t.name for t in mosul.tags}
    assert 'claimwatch:group="Islamic State"' in tags and 'claimwatch:group="al-Qaeda"' in tags
    assert 'misp-galaxy:threat-actor="Islamic State"' in tags
    counters = {a.comment.split()[0]: int(a.value) for a in mosul.attributes if a.type == "counter"}
    assert counters["killed"] == 15  # the most recent figure
    (geo,) = mosul.objects
    assert geo.name == "geolocation"
    assert {a.object_relation for a in geo.attributes} >= {"city", "countrycode", "latitude", "longitude"}
    assert str(mosul.date) == "2017-06-03"


# --------------------------------------------------------------------------- GTD CSV


def _gtd_rows(store: Store) -> list[dict[str, str]]:
    text = _one(store, "gtd-csv").decode()
    try:
        import pandas  # noqa: F401
    except ImportError:
        return list(csv.DictReader(io.StringIO(text)))
    frame = pandas.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    return frame.to_dict("records")  # type: ignore[no-any-return]


def test_gtd_csv_has_the_codebook_columns_and_codes(store: Store) -> None:
    rows = _gtd_rows(store)
    assert list(rows[0]) == book.COLUMNS
    by_city = {r["city"] or r["provstate"] or r["country_txt"]: r for r in rows}
    mosul = by_city["Mosul"]
    assert (mosul["iyear"], mosul["imonth"], mosul["iday"]) == ("2017", "6", "3")
    assert mosul["eventid"] == "201706030001"
    assert (mosul["country"], mosul["country_txt"], mosul["region"]) == ("95", "Iraq", "10")
    assert mosul["gname"] in ("Islamic State", "al-Qaeda") and mosul["compclaim"] == "1"
    assert mosul["claimed"] == "1" and mosul["claim2"] == "1"
    assert mosul["nkill"] == "15" and mosul["specificity"] == "1"
    kabul = by_city["Kabul"]
    assert (kabul["imonth"], kabul["iday"], kabul["approxdate"]) == ("5", "0", "2021-05")
    assert kabul["provstate"] == ""  # the gazetteer kept only a GeoNames code: unknown, not a code
    assert kabul["gname"] == "Unknown" and kabul["claimed"] == "-9"
    assert kabul["nkill"] == "5" and kabul["nkillter"] == "0" and kabul["nwound"] == ""
    assert (kabul["attacktype1"], kabul["weaptype1"], kabul["weaptype1_txt"]) == ("2", "5", "Firearms")
    apia = by_city["Apia"]
    assert apia["country"] == "" and apia["country_txt"] == "WS"  # not in our GTD table: no guessed code
    assert (apia["imonth"], apia["approxdate"]) == ("0", "2019")
    assert (apia["attacktype1"], apia["attacktype2"], apia["weaptype2"]) == ("3", "4", "10")
    assert (apia["gname"], apia["guncertain1"], apia["claimed"]) == ("al-Qaeda", "1", "-9")
    assert apia["targtype1"] == "11"  # "port" -> Maritime
    assert book.target_code(["support staff at an airport"]) == 6


def test_gtd_round_trip_store_to_csv_to_store(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "gtd.csv"
    path.write_bytes(_one(store, "gtd-csv"))
    with Store("sqlite:///:memory:") as fresh:
        summary = import_gtd_csv(path, fresh)
        assert (summary.rows, summary.new, summary.failed) == (len(store.incidents()), summary.rows, [])
        again = import_gtd_csv(path, fresh)
        assert (again.new, again.duplicates) == (0, summary.rows)  # nothing stored twice
        columns = [c for c in book.COLUMNS if c not in ("claimwatch_id", "scite1", "scite2", "scite3", "dbsource")]
        before = [{c: r[c] for c in columns} for r in _gtd_rows(store)]
        after = [{c: r[c] for c in columns} for r in _gtd_rows(fresh)]
        assert after == before


def test_gtd_import_links_to_what_the_pipeline_stored(tmp_path: Path) -> None:
    """A GTD row of an attack the store already holds joins that incident (the store's own linking)."""
    path = tmp_path / "gtd.csv"
    with Store("sqlite:///:memory:") as source:
        made = mosul_first()
        source.add(made.document, made)
        path.write_bytes(_one(source, "gtd-csv"))
    with Store("sqlite:///:memory:") as target:
        made = mosul_update()
        target.add(made.document, made)
        summary = import_gtd_csv(path, target)
        assert (summary.new, summary.merged) == (1, 1)
        (merged,) = target.incidents()
        assert len(merged.sources) == 2


def test_gtd_import_reports_bad_rows_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("eventid,iyear,imonth,iday,country,city,nkill,gname,claimed\n"
                    "202001010001,2020,1,1,153,Quetta,three,Unknown,-9\n"
                    "202001020001,2020,1,2,153,Quetta,4,Lashkar-e-Jhangvi,1\n", encoding="utf-8")
    with Store("sqlite:///:memory:") as target:
        summary = import_gtd_csv(path, target)
        assert summary.new == 1 and [line for line, _ in summary.failed] == [2]
        (record,) = target.incidents()
        assert record.place and record.place.country_code == "PK" and record.killed.value == 4
        assert [c.status for c in record.claims] == ["claimed"]
    not_gtd = tmp_path / "other.csv"
    not_gtd.write_text("a,b\n1,2\n", encoding="utf-8")
    with Store("sqlite:///:memory:") as target, pytest.raises(ExportError, match="iyear"):
        import_gtd_csv(not_gtd, target)


# --------------------------------------------------------------------------- Parquet and GeoJSON


def test_parquet_tables_follow_the_documented_schema(store: Store) -> None:
    files = {f.name: f.content for f in export(store, "parquet")}
    assert set(files) == {f"{name}.parquet" for name in SCHEMAS}
    tables = {name.split(".")[0]: pq.read_table(io.BytesIO(content)) for name, content in files.items()}
    for name, table in tables.items():
        assert table.schema.equals(SCHEMAS[name]), name
    assert tables["incidents"].num_rows == len(store.incidents())
    claims = tables["claims"].to_pylist()
    assert {c["status"] for c in claims} >= {"disputed", "denied", "suspected"}
    assert tables["documents"].num_rows == 5 and all(tables["documents"].column("text").to_pylist())
    kinds = set(tables["evidence"].column("fact_kind").to_pylist())
    assert kinds == {"incident", "claim", "casualty"}


def test_geojson_points_are_lon_lat(store: Store) -> None:
    collection = json.loads(_one(store, "geojson"))
    nice = next(f for f in collection["features"] if f["properties"]["place"] == "Nice")
    assert nice["geometry"] == {"type": "Point", "coordinates": [7.27, 43.7]}
    assert collection["claimwatch_skipped"] == len(store.incidents()) - len(collection["features"])


# --------------------------------------------------------------------------- edges


def test_cli_export_writes_files_and_names_bad_formats(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    with Store(db) as s:
        for build in (mosul_first, nice_attack):
            made = build()
            s.add(made.document, made)
    runner = CliRunner()
    result = runner.invoke(app, ["export", "stix", "--db", db, "--country", "FR", "-o", str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    assert "1 incidents as stix" in result.output
    objects = json.loads((tmp_path / "b.json").read_text())["objects"]
    assert [o["name"] for o in objects if o["type"] == "location"] == ["Nice"]
    result = runner.invoke(app, ["export", "parquet", "--db", db, "-o", str(tmp_path / "pq")])
    assert result.exit_code == 0 and (tmp_path / "pq" / "claims.parquet").exists()
    result = runner.invoke(app, ["export", "xml", "--db", db])
    assert result.exit_code == 1 and "choose one of stix" in result.output
    result = runner.invoke(app, ["import", "gtd-csv", str(tmp_path / "missing.csv"), "--db", db])
    assert result.exit_code == 1 and "missing.csv" in result.output


def test_api_export_with_filters(store: Store) -> None:
    client = TestClient(create_app(store, extractor=lambda d: None))  # type: ignore[arg-type,return-value]
    response = client.get("/api/export/geojson", params={"country": "FR"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/geo+json"
    assert [f["properties"]["place"] for f in response.json()["features"]] == ["Nice"]
    response = client.get("/api/export/parquet")
    assert response.headers["content-type"] == "application/zip"
    assert sorted(zipfile.ZipFile(io.BytesIO(response.content)).namelist()) == sorted(
        f"{n}.parquet" for n in SCHEMAS)
    one = client.get("/api/export/parquet", params={"table": "claims"})
    assert pq.read_table(io.BytesIO(one.content)).schema.equals(SCHEMAS["claims"])
    assert client.get("/api/export/stix").headers["content-type"].startswith("application/stix+json")
    bad = client.get("/api/export/xml")
    assert bad.status_code == 400 and "choose one of" in bad.json()["error"]["message"]
    assert set(EXPORTERS) == {"stix", "misp", "gtd-csv", "parquet", "geojson"}


def test_perpetrator_only_groups_fill_gname() -> None:
    doc = article("Militants of al-Qaeda attacked a convoy near Baghdad in 2016.")
    attack = incident(doc, "Militants of al-Qaeda attacked a convoy near Baghdad in 2016.", date="2016",
                      precision="year", place=Place("Iraq", "IQ"), perpetrators=[Perpetrator("al-Qaeda", "group")])
    attack.targets = ["a military convoy"]
    made = extraction(doc, [attack])
    with Store("sqlite:///:memory:") as s:
        s.add(made.document, made)
        (row,) = _gtd_rows(s)
    assert (row["gname"], row["claimed"], row["specificity"], row["targtype1"]) == ("al-Qaeda", "-9", "5", "4")
    assert IS.name != row["gname"] and Range().known is False
