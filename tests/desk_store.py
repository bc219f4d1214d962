"""The analyst's desk store: the desk fixture articles run through the real pipeline into a SQLite store.

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
from typing import cast

import pytest

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


def desk_store_copy(tmp_path_factory: pytest.TempPathFactory, folder: Path) -> Store:
    """A `Store` over a private copy of the desk database, free to be written to."""
    copy = folder / "desk.db"
    shutil.copyfile(desk_database(tmp_path_factory), copy)
    return Store(f"sqlite:///{copy}")
