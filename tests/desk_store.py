"""The analyst's desk store: the desk fixture articles run through the real pipeline into a SQLite store
(and, for the [postgresql] tests, into a PostgreSQL template database).

tests/fixtures/desk/articles.json holds short news articles written for these tests: seven Islamic State
attacks claimed through Amaq or a statement 10-15 hours later, the London attack claimed a little more
than 24 hours later (so it stands out), a Taliban claim, a denial, and an unclaimed raid whose text holds
a `<script>` tag. The API and browser tests read the store `claimwatch ingest` would build from them, so
they exercise extraction, storage and the desk together. Extraction takes seconds, so the database is
built once per test session and each test works on a copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa

from claimwatch.ingest.batch import StoreLike, ingest_batch
from claimwatch.store import Store

ARTICLES = Path(__file__).parent / "fixtures" / "desk" / "articles.json"


def desk_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The desk store's SQLite file, built on first use in this session's temporary folder."""
    folder = tmp_path_factory.getbasetemp() / "desk-store"
    database = folder / "desk.db"
    if database.exists():
        return database
    folder.mkdir(exist_ok=True)
    building = folder / "building.db"
    with Store(f"sqlite:///{building}") as store:
        summary = ingest_batch([ARTICLES], cast(StoreLike, store))
    if summary.failed or not summary.new:
        raise RuntimeError(f"the desk articles did not ingest cleanly: {summary.to_dict()}")
    building.rename(database)  # only a complete store is ever reused
    return database


def desk_store_copy(tmp_path_factory: pytest.TempPathFactory, folder: Path, pg_databases: Any = None) -> Store:
    """A `Store` over a private copy of the desk database, free to be written to.

    With `pg_databases` (tests/conftest.py), the copy is a PostgreSQL database cloned from a template that
    `claimwatch ingest`'s batch filled once per session through the same pipeline."""
    if pg_databases is not None:
        return Store(pg_databases.create(template=_desk_template(pg_databases)))
    copy = folder / "desk.db"
    shutil.copyfile(desk_database(tmp_path_factory), copy)
    return Store(f"sqlite:///{copy}")


_TEMPLATES: dict[int, str] = {}


def _desk_template(pg_databases: Any) -> str:
    """The name of a PostgreSQL database holding the desk store, built on first use (no connection left open)."""
    key = id(pg_databases)
    if key not in _TEMPLATES:
        url = pg_databases.create()
        with Store(url) as store:
            summary = ingest_batch([ARTICLES], cast(StoreLike, store))
        if summary.failed or not summary.new:
            raise RuntimeError(f"the desk articles did not ingest cleanly into PostgreSQL: {summary.to_dict()}")
        _TEMPLATES[key] = str(sa.engine.make_url(url).database)
    return _TEMPLATES[key]
