"""`claimwatch spark load DIR --db URL`: the job's Parquet tables into an empty store, in one transaction.

PostgreSQL gets each table by COPY (psycopg's binary-free text COPY, row by row from Arrow batches);
SQLite by batched INSERTs, with its FTS5 rows. The store is migrated first (`Store()`), so the tables
exist; a store that already holds documents is refused, because the job linked its documents among
themselves only (to add to a store that has data, use `claimwatch ingest`). Reads with pyarrow: no
Spark needed here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..errors import SparkError, StoreError
from ..store import Store, columnar, judgements, search
from ..store.schema import documents, metadata

BATCH_ROWS = 5000


def _batches(folder: Path, table: str) -> Iterator[list[dict[str, Any]]]:
    try:
        import pyarrow.dataset as ds
    except ImportError as error:
        raise SparkError("pyarrow is not installed: pip install 'claimwatch[spark]'") from error
    path = folder / table
    if not path.exists():
        raise SparkError(f"{path}: no such table folder; is {folder} the --out folder of 'claimwatch spark extract'?")
    columns = [c.name for c in metadata.tables[table].columns]
    if not any(path.rglob("*.parquet")):
        return  # an empty table: Spark writes only its _SUCCESS marker
    dataset = ds.dataset(str(path), format="parquet", partitioning="hive")
    for batch in dataset.to_batches(columns=columns, batch_size=BATCH_ROWS):
        yield batch.to_pylist()


def load(
    folder: str | Path, url: str | None, progress: Callable[[str, int], None] = lambda _t, _n: None
) -> dict[str, int]:
    """Load every table; returns the rows loaded per table."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SparkError(f"{folder}: no such folder")
    store = Store(url)
    try:
        with store.engine.connect() as conn:
            if conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one():
                raise StoreError(f"{store._safe_url()} already holds documents: spark load fills an empty store")
        counts: dict[str, int] = {}
        with store.engine.begin() as conn:
            for table in columnar.TABLES:
                counts[table] = 0
                for rows in _batches(folder, table):
                    if conn.dialect.name == "postgresql":
                        _copy(conn, table, rows)
                    else:
                        conn.execute(metadata.tables[table].insert(), rows)
                        if table == "documents":
                            for row in rows:
                                search.index_document(conn, row["id"], row["title"], row["text"])
                    counts[table] += len(rows)
                    progress(table, counts[table])
            judgements.rejudge(conn)  # derived from the claims just loaded
        return counts
    except sa.exc.SQLAlchemyError as error:
        raise StoreError(f"loading {folder} into {store._safe_url()} failed: {error}") from error
    finally:
        store.close()


def _copy(conn: sa.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = [c.name for c in metadata.tables[table].columns]
    quoted = ", ".join(f'"{c}"' for c in columns)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])
