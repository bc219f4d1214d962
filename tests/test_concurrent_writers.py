"""Several processes writing one store at once store each document, incident and claim once.

Every writer adds the same reports (several reports of each attack, in its own order) at the same moment;
the record must be the one a single writer builds: no document twice, no attack split into two incidents,
no claim twice. Runs on SQLite and on PostgreSQL (tests/conftest.py).
"""

from __future__ import annotations

import multiprocessing
import random
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimwatch.model import Count, Extraction, Place
from claimwatch.store import Store
from store_builders import AQ, IS, article, claim, extraction, incident

WRITERS = 3
PLACES = [
    Place("Mosul", "IQ", 36.34, 43.13, "Nineveh", 99072),
    Place("Kabul", "AF", 34.53, 69.17, "Kabul", 1138958),
    Place("Maiduguri", "NG", 11.85, 13.16, "Borno", 2331447),
    Place("Mogadishu", "SO", 2.04, 45.34, "Banaadir", 53654),
]
OUTLETS = ["Wire One", "Wire Two", "Wire Three"]


def reports() -> list[Extraction]:
    """Three outlets' reports of each of four attacks; the first outlet also carries a claim."""
    items: list[Extraction] = []
    for number, place in enumerate(PLACES):
        day = datetime(2023, 5, 1 + 7 * number)
        for which, outlet in enumerate(OUTLETS):
            first = f"A bomb went off in {place.name} on {day:%B %d}, killing {10 + which} people, {outlet} said."
            claimed = f"{'Islamic State' if number % 2 else 'al-Qaeda'} claimed the attack."
            doc = article(f"{first} {claimed}", published=day + timedelta(hours=6 + which), outlet=outlet)
            found = incident(doc, first, date=day.date().isoformat(), place=place, killed=Count(10 + which))
            items.append(extraction(doc, [found], [claim(doc, claimed, IS if number % 2 else AQ)]))
    return items


def _write(url: str, seed: int, barrier: multiprocessing.synchronize.Barrier) -> None:
    order = reports()
    random.Random(seed).shuffle(order)
    with Store(url) as store:
        barrier.wait(timeout=60)
        for item in order:
            store.add(item.document, item)


def _record(url: str) -> dict[str, object]:
    with Store(url) as store, store.engine.connect() as conn:
        counts = {
            table: conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("documents", "incidents", "incident_reports", "claims", "claim_reports", "evidence",
                          "casualty_reports")
        }
        incidents = sorted((r.place.name if r.place else "", r.report_count) for r in store.incidents())
        claims = sorted((c.group.name if c.group else "", c.status) for c in store.claims())
    return {"counts": counts, "incidents": incidents, "claims": claims}


def test_concurrent_writers_store_each_fact_once(db_url: str, tmp_path: Path) -> None:
    Store(db_url).close()  # migrate once, before the writers start
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WRITERS)
    writers = [context.Process(target=_write, args=(db_url, seed, barrier)) for seed in range(WRITERS)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
    assert [p.exitcode for p in writers] == [0] * WRITERS

    alone = f"sqlite:///{tmp_path / 'alone.db'}"
    with Store(alone) as store:
        for item in reports():
            store.add(item.document, item)
    expected = _record(alone)
    assert expected["counts"]["documents"] == len(PLACES) * len(OUTLETS)  # type: ignore[index]
    assert expected["incidents"] == sorted((p.name, len(OUTLETS)) for p in PLACES)
    assert _record(db_url) == expected


ARTICLES = [
    ("kabul-1.txt", "Kabul, May 2, 2023 (Wire One) - A suicide bomber killed 9 people at a checkpoint in Kabul on "
     "Tuesday, police said. Islamic State claimed the attack in a statement on its Amaq agency."),
    ("kabul-2.txt", "Kabul, May 3, 2023 (Wire Two) - The toll from Tuesday's suicide bombing at a checkpoint in "
     "Kabul rose to 11, officials said on Wednesday."),
    ("mosul-1.txt", "Mosul, June 4, 2023 (Wire One) - A car bomb exploded at a market in Mosul on Sunday, killing "
     "7 people and wounding 20, police said."),
    ("mosul-2.txt", "Mosul, June 5, 2023 (Wire Three) - Islamic State said on Monday it carried out Sunday's car "
     "bombing at a market in Mosul that killed 7 people."),
]


@pytest.mark.slow
@pytest.mark.postgresql
def test_two_ingest_processes_with_workers_on_one_postgresql_database(pg_databases: object, tmp_path: Path) -> None:
    """`claimwatch ingest --workers 2` and `--workers 1` at once over the same folder: the record of one ingest."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES:
        (folder / name).write_text(text, encoding="utf-8")
    url = pg_databases.create()  # type: ignore[attr-defined]
    try:
        Store(url).close()
        claimwatch = str(Path(sys.executable).with_name("claimwatch"))
        command = [claimwatch, "ingest", str(folder), "--db", url, "--workers", "2"]
        runs = [subprocess.Popen([*command[:-1], workers], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for workers in ("2", "1")]
        outputs = [run.communicate(timeout=300) for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        alone = f"sqlite:///{tmp_path / 'alone.db'}"
        done = subprocess.run([claimwatch, "ingest", str(folder), "--db", alone], capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr
        expected = _record(alone)
        assert expected["counts"]["documents"] == len(ARTICLES)  # type: ignore[index]
        assert _record(url) == expected
    finally:
        pg_databases.drop(url)  # type: ignore[attr-defined]
