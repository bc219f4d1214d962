"""The store on SQLite and on PostgreSQL (tests/conftest.py): schema, dedup, linking, casualty history, filters,
search."""

from __future__ import annotations

import string
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch.errors import NotFound, StoreError
from claimwatch.model import Count, Group, Place, Range
from claimwatch.store import Store, write
from claimwatch.store.schema import metadata
from store_builders import (
    AQ,
    IS,
    MOSUL,
    VERSION,
    article,
    claim,
    extraction,
    incident,
    mosul_first,
    mosul_update,
    nice_attack,
)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    yield opened
    opened.close()


def _count(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


# --------------------------------------------------------------------------- schema


def test_opening_a_new_file_creates_every_table_at_the_head_revision(tmp_path: Path) -> None:
    from claimwatch.migrations import current_revision, head_revision

    store = Store(f"sqlite:///{tmp_path / 'sub' / 'new.db'}")
    with store.engine.connect() as conn:
        names = set(sa.inspect(conn).get_table_names())
        assert current_revision(conn) == head_revision() is not None
    assert {"documents", "incidents", "incident_reports", "claims", "claim_reports", "casualty_reports",
            "evidence", "quotes", "documents_fts", "alembic_version", "claim_judgements", "group_profiles"} <= names
    store.close()
    Store(str(tmp_path / "sub" / "new.db")).close()  # opening again migrates nothing and fails nothing


def test_an_empty_database_is_migrated_to_the_head_revision(db_url: str) -> None:
    from claimwatch.migrations import current_revision, head_revision

    with Store(db_url) as store, store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        assert {"documents", "incidents", "claims", "evidence"} <= set(sa.inspect(conn).get_table_names())
    Store(db_url).close()  # opening again migrates nothing and fails nothing


def test_migrations_and_schema_module_agree(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def known(name: str | None, type_: str, *_args: object) -> bool:
        # Full text is dialect-specific SQL (search.py): FTS5 tables on SQLite, a GIN index on PostgreSQL.
        full_text = bool(name) and str(name).removeprefix("ix_").startswith(("documents_fts", "documents_search",
                                                                               "search_vector"))
        return not (full_text or (type_ == "table" and name == "alembic_version"))

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": known})
        assert compare_metadata(context, metadata) == []


def test_a_store_of_the_first_revision_keeps_its_rows_through_the_trace_migration(tmp_path: Path) -> None:
    from claimwatch.migrations import run_upgrade

    path = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        run_upgrade(conn, "0001_initial")
        conn.execute(sa.text(
            "INSERT INTO documents (id, content_hash, text, ingested_at, extractor_version) "
            "VALUES ('doc-1', 'h', 'A bomb exploded.', '2024-01-01 00:00:00', 'claimwatch.rules.v1')"
        ))
    engine.dispose()
    store = Store(str(path))
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT extractor_version FROM documents")).scalar_one() == "claimwatch.rules.v1"
        columns = {c["name"] for c in sa.inspect(conn).get_columns("incident_reports")}
    assert "trace" in columns
    store.close()


def test_a_postgresql_url_without_its_driver_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the postgres extra were not installed
    with pytest.raises(StoreError, match="pip install"):
        Store("postgresql://user:secret@localhost/claimwatch")


def test_in_memory_store_works() -> None:
    store = Store("sqlite://")
    assert store.add(mosul_first().document, mosul_first()).created
    assert store.count_incidents() == 1
    store.close()


# --------------------------------------------------------------------------- writing


def test_readding_the_same_document_adds_nothing(store: Store) -> None:
    first = mosul_first()
    added = store.add(first.document, first)
    assert added.created and len(added.incident_ids) == 1 and len(added.claim_ids) == 1
    assert store.has_document(first.document.content_hash)
    counts = {t: _count(store, t) for t in ("documents", "incidents", "claims", "evidence", "casualty_reports")}
    again = mosul_first()
    again.document.text = "  " + again.document.text.upper() + "\n"  # case and spacing do not make it new
    result = store.add(again.document, again)
    assert not result.created and result.document_id == added.document_id and result.incident_ids == []
    assert {t: _count(store, t) for t in counts} == counts


def test_a_failed_write_leaves_nothing_half_stored(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> str:
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(write, "_add_claim", broken)
    first = mosul_first()
    with pytest.raises(StoreError, match="disk full"):
        store.add(first.document, first)
    tables = ["documents", "incidents", "incident_reports", "evidence"]
    if store.engine.dialect.name == "sqlite":
        tables.append("documents_fts")
    for table in tables:
        assert _count(store, table) == 0, table
    assert not store.has_document(first.document.content_hash)


def test_every_fact_records_the_extractor_version(store: Store) -> None:
    first = mosul_first()
    store.add(first.document, first)
    for table in ("documents", "incidents", "incident_reports", "claims", "evidence", "casualty_reports", "quotes"):
        with store.engine.connect() as conn:
            versions = set(conn.execute(sa.text(f"SELECT DISTINCT extractor_version FROM {table}")).scalars())
        assert versions == {VERSION}, table


def test_reports_of_one_incident_merge_and_keep_every_source(store: Store) -> None:
    first, update, other = mosul_first(), mosul_update(), nice_attack()
    a = store.add(first.document, first)
    b = store.add(update.document, update)
    c = store.add(other.document, other)
    assert b.merged_incident_ids == a.incident_ids == b.incident_ids
    assert c.merged_incident_ids == [] and c.incident_ids != a.incident_ids
    assert store.count_incidents() == 2

    record = store.incident(a.incident_ids[0])
    assert record.report_count == 2
    assert [s.outlet for s in record.sources] == ["Wire One", "Wire Two"]
    assert {e.document_id for e in record.evidence} == {a.document_id, b.document_id}
    assert record.place is not None and record.place.geonameid == MOSUL.geonameid  # the most specific kept
    assert record.weapon_types == ["explosives"]


def test_casualty_history_keeps_every_figure_and_shows_the_latest(store: Store) -> None:
    first, update = mosul_first(), mosul_update()
    store.add(first.document, first)
    added = store.add(update.document, update)
    record = store.incident(added.incident_ids[0])
    killed = [(r.count.value, r.outlet, r.reported_at) for r in record.casualty_reports if r.kind == "killed"]
    assert killed == [(12, "Wire One", datetime(2017, 6, 3, 18)), (15, "Wire Two", datetime(2017, 6, 4, 9))]
    assert all(r.evidence is not None and r.evidence.text for r in record.casualty_reports)
    assert record.killed.value == 15
    assert record.killed_basis is not None and record.killed_basis.document_id == added.document_id
    assert record.wounded.min == 20  # only the first report gave it


def test_claims_merge_per_group_and_two_claimants_dispute(store: Store) -> None:
    first, update = mosul_first(), mosul_update()
    a = store.add(first.document, first)
    store.add(update.document, update)
    # A third report repeats Islamic State's claim: it merges into the stored claim.
    doc = article("Islamic State said it carried out the Mosul market bombing on Saturday.",
                  published=datetime(2017, 6, 5), outlet="Wire Four")
    sentence = doc.text
    third = extraction(doc, [incident(doc, sentence, killed=None)], [claim(doc, sentence, IS, status="claimed")])
    c = store.add(doc, third)
    assert c.claim_ids == a.claim_ids

    claims = {c.group.name: c for c in store.claims() if c.group}
    assert set(claims) == {IS.name, AQ.name}
    assert {c.status for c in claims.values()} == {"disputed"}
    islamic_state = claims[IS.name]
    assert len(islamic_state.document_ids) == 2 and len(islamic_state.evidence) == 2
    assert islamic_state.channel == "Amaq" and islamic_state.delay_hours == Range(value=6)
    assert islamic_state.incident_date == "2017-06-03"
    assert [g.name for g in store.groups()] == [IS.name, AQ.name]


def test_one_group_alone_stays_claimed(store: Store) -> None:
    first = mosul_first()
    store.add(first.document, first)
    assert [c.status for c in store.claims()] == ["claimed"]


def test_ids_are_stable_when_the_store_is_rebuilt(tmp_path: Path, db_url: str) -> None:
    def build(name: str) -> list[str]:
        with Store(name) as store:
            ids: list[str] = []
            for item in (mosul_first(), mosul_update(), nice_attack()):
                result = store.add(item.document, item)
                ids += [result.document_id, *result.incident_ids, *result.claim_ids]
            return ids

    assert build(str(tmp_path / "one.db")) == build(db_url)  # the same ids on SQLite and on each back end


# --------------------------------------------------------------------------- reading


@pytest.fixture(scope="module")
def filled(module_db_url: str) -> Iterator[Store]:
    """One store for the read-only tests below (they never write), on each back end."""
    store = Store(module_db_url)
    for item in (mosul_first(), mosul_update(), nice_attack()):
        store.add(item.document, item)
    yield store
    store.close()


@pytest.mark.parametrize(
    ("filters", "places"),
    [
        ({}, ["Mosul", "Nice"]),
        ({"since": date(2017, 1, 1)}, ["Mosul"]),
        ({"until": date(2016, 12, 31)}, ["Nice"]),
        ({"since": date(2016, 7, 14), "until": date(2016, 7, 14)}, ["Nice"]),
        ({"country": "FR"}, ["Nice"]),
        ({"country": "Iraq"}, ["Mosul"]),
        ({"group": "islamic state"}, ["Mosul"]),
        ({"group": "Q34490"}, ["Mosul"]),
        ({"group": "Hezbollah"}, []),
        ({"attack_type": "Vehicle Ramming"}, ["Nice"]),
        ({"claimed": True}, ["Mosul"]),
        ({"claimed": False}, ["Nice"]),
        ({"query": "promenade"}, ["Nice"]),
        ({"query": "toll rose"}, ["Mosul"]),
    ],
)
def test_incident_filters(filled: Store, filters: dict[str, object], places: list[str]) -> None:
    found = filled.incidents(**filters)
    assert [r.place.name for r in found if r.place] == places
    assert filled.count_incidents(**filters) == len(places)


def test_limit_offset_and_newest_first(filled: Store) -> None:
    assert [r.place.name for r in filled.incidents(limit=1) if r.place] == ["Mosul"]
    assert [r.place.name for r in filled.incidents(limit=1, offset=1) if r.place] == ["Nice"]


def test_claim_filters(filled: Store) -> None:
    assert [c.group.name for c in filled.claims(group="AL-QAEDA") if c.group] == [AQ.name]
    assert filled.claims(status="claimed") == []
    assert len(filled.claims(since=date(2017, 1, 1))) == 2
    assert filled.claims(until=date(2016, 12, 31)) == []


def test_full_text_search(filled: Store) -> None:
    hits = filled.search("market bombing")
    assert len(hits) == 2 and all(h.incident_ids for h in hits)
    assert "[" in hits[0].snippet
    assert filled.search("Promenade des Anglais")[0].title == "Truck attack in Nice"
    assert filled.search('al-Qaeda "also" (claimed)') != []  # punctuation is not FTS syntax
    assert filled.search("NEAR(AND OR*") == []
    assert filled.search("...") == []
    assert filled.search("zeppelin") == []


def test_documents_and_unknown_ids(filled: Store) -> None:
    listed = filled.documents()
    assert [d.outlet for d in listed] == ["Wire Two", "Wire One", "Wire Three"]
    assert listed[0].text is None and "text" not in listed[0].to_dict()
    full = filled.document(listed[0].id)
    assert full.text and full.text.startswith("The death toll")
    with pytest.raises(NotFound, match="claimwatch incidents"):
        filled.incident("inc-missing")
    with pytest.raises(NotFound):
        filled.document("doc-missing")


def test_records_are_json_ready(filled: Store) -> None:
    import json

    for record in filled.incidents():
        json.dumps(record.to_dict())
    for hit in filled.search("Mosul"):
        json.dumps(hit.to_dict())
    json.dumps([g.to_dict() for g in filled.groups()] + [d.to_dict() for d in filled.documents()])


# --------------------------------------------------------------------------- round trip

_names = st.text(alphabet=string.ascii_letters + " -'", min_size=1, max_size=20).map(str.strip).filter(bool)
_counts = st.builds(Count, value=st.none() | st.integers(0, 5000))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    day=st.dates(min_value=date(1970, 1, 1), max_value=date(2030, 12, 31)),
    precision=st.sampled_from(["day", "month", "year"]),
    place=st.builds(Place, name=_names, country_code=st.sampled_from(["IQ", "FR", "NG", None]),
                    lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180)),
    types=st.lists(st.sampled_from(["bombing", "shooting", "kidnapping", "arson"]), unique=True),
    killed=_counts,
    group=st.none() | st.builds(Group, name=_names),
    published=st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2030, 1, 1)),
)
def test_round_trip(day: date, precision: str, place: Place, types: list[str], killed: Count,
                    group: Group | None, published: datetime) -> None:
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
    doc = article(f"An attack was reported on {value} in {place.name}. Someone claimed it.", published=published)
    first = f"An attack was reported on {value} in {place.name}."
    item = incident(doc, first, date=value, precision=precision, place=place, attack_types=types,
                    weapon_types=[], killed=killed)
    claims = [claim(doc, "Someone claimed it.", group)] if group is not None else []
    with Store("sqlite://") as store:
        added = store.add(doc, extraction(doc, [item], claims))
        record = store.incident(added.incident_ids[0])
    assert (record.date, record.date_precision) == (value, precision)
    assert record.place == place
    assert record.attack_types == types
    assert record.killed.value == killed.value
    assert [e.text for e in record.evidence] == [first]
    assert [c.group for c in record.claims] == [c.group for c in claims]
    assert record.sources[0].published == published
