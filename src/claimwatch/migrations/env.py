"""Alembic environment: runs on the connection `Store()` hands over (config.attributes["connection"])."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from claimwatch.store.schema import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # ALTER on SQLite needs batch mode
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # `alembic -x url=… upgrade head` from a shell, for operators
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("pass the database: alembic -x url=sqlite:///claimwatch.db upgrade head")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
