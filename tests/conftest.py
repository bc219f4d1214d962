"""The database back ends every store, API and CLI test runs on: SQLite and a live PostgreSQL server.

A test that asks for `db_url` (or `module_db_url`, one database per test module) runs twice, as
`[sqlite]` and `[postgresql]`, each on an empty database of its own. The PostgreSQL server is the one
named by CLAIMWATCH_TEST_PG (a SQLAlchemy URL of a database on it; `scripts/test.sh` starts one with
`scripts/pg.sh`); without it, one throwaway server is started for the session with `scripts/pg.sh` when
PostgreSQL is installed here. Where none can be had the PostgreSQL cases are skipped with the reason,
except under CI=true, where they fail. `-m "not postgresql"` leaves them out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgresql", id="postgresql",
                                                              marks=pytest.mark.postgresql)]


def _initdb_available() -> bool:
    return shutil.which("initdb") is not None or any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a database on a live PostgreSQL server (started here if need be)."""
    url = os.environ.get("CLAIMWATCH_TEST_PG")
    started: str | None = None
    reason = ""
    if not url:
        if _initdb_available():
            done = subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh"), "start"], capture_output=True, text=True)
            if done.returncode == 0:
                found = dict(line.removeprefix("export ").split("=", 1) for line in done.stdout.splitlines())
                url, started = found["CLAIMWATCH_TEST_PG"].strip("'"), found["CLAIMWATCH_PG_DIR"].strip("'")
            else:
                reason = f"scripts/pg.sh could not start a server: {done.stderr.strip()[-300:]}"
        else:
            reason = "PostgreSQL is not installed (apt-get install postgresql, or set CLAIMWATCH_TEST_PG)"
    if not url:
        message = f"no PostgreSQL server for the [postgresql] tests: {reason}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield url
    finally:
        if started:
            subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh"), "stop", started], check=False)


class _PostgresDatabases:
    """Creates and drops one database per test on the server."""

    def __init__(self, url: str) -> None:
        self.url = sa.engine.make_url(url)
        self.admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of `template` when given); returns its URL."""
        name = f"cwtest_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = sa.engine.make_url(url).database
        with self.admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_databases(pg_server: str) -> _PostgresDatabases:
    return _PostgresDatabases(pg_server)


def _database(request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{folder / 'store.db'}"
        return
    databases: _PostgresDatabases = request.getfixturevalue("pg_databases")
    url = databases.create()
    try:
        yield url
    finally:
        databases.drop(url)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """"sqlite" or "postgresql", for tests that build their store their own way (see tests/desk_store.py)."""
    if request.param == "postgresql":
        request.getfixturevalue("pg_databases")  # skip (or fail in CI) here when there is no server
    return str(request.param)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database for one test, on each back end in turn."""
    yield from _database(request, tmp_path)


@pytest.fixture(params=BACKENDS, scope="module")
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty database shared by the tests of one module, on each back end in turn."""
    yield from _database(request, tmp_path_factory.mktemp("db"))
