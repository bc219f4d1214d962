"""An incident known only by its country (no place): model, store round trip, linking, exports and the evaluator.

resolve.3.country gives an incident without a place of its own the country its report is about, as
`Incident.country_code`; the place stays unknown. Fixtures are written for these tests."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime

import pytest

from claimwatch.evaluation.claims import GoldIncident, incident_checks
from claimwatch.export import ExportFilter, export
from claimwatch.export.misp import load_events
from claimwatch.model import Count, Incident, Place, incident_country
from claimwatch.store import Store, link
from store_builders import article, extraction, incident

HERAT = Place("Herat", "AF", 34.35, 62.20, "AF.11", 1140026)


def _bus_report() -> tuple[Incident, object]:
    doc = article("A roadside bomb hit a minibus ten days ago, killing four passengers. The province has seen "
                  "many such blasts.", published=datetime(2023, 3, 14, 9), outlet="Desk Nord",
                  title="Minibus blast")
    made = incident(doc, "A roadside bomb hit a minibus ten days ago, killing four passengers.",
                    date="2023-03-04", place=None, killed=Count(4))
    made.country_code = "AF"
    return made, extraction(doc, [made])


def test_the_country_prefers_the_place_and_falls_back_to_the_incident_own() -> None:
    assert incident_country(None, "AF") == "AF"
    assert incident_country(HERAT, "PK") == "AF"  # the place's country wins
    assert incident_country(Place("Somewhere"), "AF") == "AF"  # a place with no country: the incident's
    assert incident_country(None, "") is None
    alone = Incident(id="x", country_code="AF")
    assert alone.country == "AF" and alone.to_dict()["country_code"] == "AF" and alone.place is None


@pytest.fixture()
def store() -> Iterator[Store]:
    with Store("sqlite:///:memory:") as s:
        _, made = _bus_report()
        s.add(made.document, made)  # type: ignore[attr-defined]
        yield s


def test_sqlite_keeps_the_country_of_an_incident_without_a_place(store: Store) -> None:
    (record,) = store.incidents()
    assert record.place is None and record.country == "AF"
    assert record.to_dict()["country_code"] == "AF" and record.to_dict()["place"] is None
    assert [r.id for r in store.incidents(country="AF")] == [record.id]  # the country filter finds it
    assert store.incidents(country="PK") == []
    again = store.incident(record.id)
    assert again.place is None and again.country == "AF"


def test_a_country_alone_links_within_its_country_and_vetoes_another() -> None:
    only_country = Incident(id="a", date="2023-03-04", date_precision="day", country_code="AF",
                            attack_types=["bombing"], killed=Count(4))
    in_herat = Incident(id="b", date="2023-03-04", date_precision="day", place=HERAT,
                        attack_types=["bombing"], killed=Count(4))
    in_quetta = Incident(id="c", date="2023-03-04", date_precision="day", place=Place("Quetta", "PK"),
                         attack_types=["bombing"], killed=Count(4))
    assert link.score(only_country, in_herat).place == "within"
    assert link.score(only_country, in_quetta).score is None
    merged = link.combine([only_country, in_herat])
    assert merged.place == HERAT and merged.country == "AF"
    assert link.combine([only_country]).country_code == "AF" and link.combine([only_country]).place is None


def test_exports_fall_back_to_the_incident_country(store: Store) -> None:
    (gtd,) = export(store, "gtd-csv", ExportFilter())
    (row,) = list(csv.DictReader(io.StringIO(gtd.content.decode())))
    assert row["country_txt"] == "Afghanistan" and row["city"] == "" and row["specificity"] == "5"

    (stix,) = export(store, "stix", ExportFilter())
    locations = [o for o in json.loads(stix.content)["objects"] if o["type"] == "location"]
    assert [loc["country"] for loc in locations] == ["AF"]

    (misp,) = export(store, "misp", ExportFilter())
    (event,) = load_events(misp.content)
    (geo,) = [o for o in event.objects if o.name == "geolocation"]
    values = {a.object_relation: a.value for a in geo.attributes}
    assert values.get("countrycode") == "AF" and "city" not in values
    assert "Afghanistan" in event.info

    (geojson,) = export(store, "geojson", ExportFilter())
    collection = json.loads(geojson.content)
    (feature,) = collection["features"]  # an unlocated feature (RFC 7946: null geometry), not left out
    assert feature["geometry"] is None and collection["claimwatch_skipped"] == 0
    assert (feature["properties"]["country_code"], feature["properties"]["place_level"]) == ("AF", "country")


def test_the_evaluator_compares_the_incident_country() -> None:
    made, _ = _bus_report()
    gold = GoldIncident(date="2023-03-04", country_code="AF", places=[], killed=4, wounded=None,
                        attack_types=[], weapon_types=[])
    checks = incident_checks(gold, made)
    assert checks["country"] is True
    made.country_code = "PK"
    assert incident_checks(gold, made)["country"] is False
