"""Alembic migrations for the store, shipped inside the package and run by `Store()` (no alembic.ini).

`run_upgrade(connection)` brings any database to the newest schema; `Store()` calls it on open.
To add a revision, copy the newest file in `versions/`, bump `revision`/`down_revision` and write
`upgrade()` with `op.*` calls. Migrations never import `store.schema`: they are frozen history, the
schema module moves on (a test checks the two still agree).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = str(Path(__file__).parent)


def config(connection: sa.Connection | None = None) -> Config:
    """An Alembic Config pointing at this package; `connection` is handed to env.py."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def run_upgrade(connection: sa.Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(config(connection), revision)


def current_revision(connection: sa.Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config()).get_current_head()
