"""The Spark job: inputs -> extraction -> blocking -> linking through the store's own code -> Parquet.

    claimwatch spark extract INPUT... --out DIR [--master local[*]] [--partitions N]
    spark-submit --master yarn -m claimwatch.spark.job INPUT... --out DIR     (see the README)

Stages as in `claimwatch/spark/__init__.py`. The output folder holds, each partitioned by `incident_month`:

    DIR/<table>/          every table of the store (store/columnar.py), what `claimwatch spark load` reads
    DIR/export/<table>/   documents, incidents, claims, evidence, casualty_reports in the schema of the
                          store's Parquet export (export/parquet.py: the same code builds the rows)
    DIR/rejects/          source, reason, kind of every input that was not stored
    DIR/_summary.json     the counts that the command prints
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..errors import ClaimwatchError, SparkError
from ..model import Document, Extraction
from ..store import columnar
from .blocking import assign_blocks, block_keys, gather, window_places
from .inputs import Item, Order, Rejected, read_inputs

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

REJECTS = "rejects"
EXPORT = "export"  # the same tables in the schema of `claimwatch export parquet` (export/parquet.py)
SUMMARY = "_summary.json"


@dataclass
class JobSummary:
    documents: int = 0
    new: int = 0
    duplicates: int = 0
    rejected: int = 0
    incidents: int = 0
    claims: int = 0
    blocks: int = 0
    seconds: float = 0.0
    tables: dict[str, int] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"{self.documents} documents: {self.new} new, {self.duplicates} duplicates, {self.rejected} rejected; "
            f"{self.incidents} incidents, {self.claims} claims in {self.blocks} link blocks "
            f"({self.seconds:.1f} s, {self.docs_per_second:.2f} docs/s)"
        )


def session(master: str | None = "local[*]", app_name: str = "claimwatch extract") -> SparkSession:
    """A Spark session; under spark-submit (master None) the submitted master is used."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise SparkError("PySpark is not installed: pip install 'claimwatch[spark]' (and a Java 17 runtime)") from error
    builder = SparkSession.builder.appName(app_name).config("spark.sql.session.timeZone", "UTC")
    if master:  # local: the Python workers are this interpreter (this virtual environment)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        builder = builder.master(master).config("spark.ui.enabled", "false")
    try:
        spark = builder.getOrCreate()
    except Exception as error:  # no Java, a JVM that does not start
        reason = f"{type(error).__name__}: {str(error)[:300]}"
        raise SparkError(f"Spark did not start ({reason}); is Java 17 installed?") from error
    spark.sparkContext.setLogLevel("WARN")
    return spark


# --------------------------------------------------------------------------- stage 2: extract


def extract_partition(items: Iterable[Item]) -> Iterator[tuple[str, Order, Any]]:
    """("doc", order, Extraction) or ("reject", order, (source, reason, kind)), per input item."""
    from ..pipeline import extract_document  # the models load on first use, once per Python worker

    for order, item in items:
        if isinstance(item, Rejected):
            yield "reject", order, (item.source, item.reason, item.kind)
            continue
        try:
            yield "doc", order, extract_document(item)
        except Exception as error:  # one odd document must not end the job (as in ingest)
            reason = f"extraction failed ({type(error).__name__}: {error})"
            yield "reject", order, (item.source or "?", reason, "ExtractionFailed")


# --------------------------------------------------------------------------- stage 4: link


def link_partition(blocks: Iterable[tuple[int, Iterable[tuple[Order, Extraction]]]]) -> Iterator[tuple[Any, ...]]:
    """Store each block, in input order, into an in-memory store; emit its rows, then empty the store.

    Yields ("row", table, values), ("outcome", order, "new" | "duplicate") and ("reject", order, ...)."""
    from ..store import Store

    store = Store("sqlite://")
    try:
        for _block, members in blocks:
            for order, extraction in sorted(members, key=lambda member: member[0]):
                document = extraction.document or Document(text="")
                try:
                    added = store.add(document, extraction)
                except ClaimwatchError as error:
                    yield "reject", order, (document.source or "?", f"could not store ({error})", "StoreError")
                    continue
                yield "outcome", order, "new" if added.created else "duplicate"
            yield from export_rows(store)
            with store.engine.begin() as conn:
                yield from table_rows(conn)
                clear(conn)
    finally:
        store.close()


def table_rows(conn: sa.Connection) -> Iterator[tuple[str, str, tuple[Any, ...]]]:
    """Every row of the store, as ("row", table, values in `columnar.arrow_schema` order)."""
    from ..store.schema import metadata

    tables = {name: [dict(r._mapping) for r in conn.execute(sa.select(metadata.tables[name]))]
              for name in columnar.TABLES}
    month = {r["id"]: columnar.month_of(r["date_start"]) for r in tables["incidents"]}
    claim_month = {r["id"]: month.get(r["incident_id"], columnar.UNDATED) for r in tables["claims"]}
    document_month: dict[str, str] = {}
    for r in sorted(tables["incident_reports"], key=lambda r: r["id"]):
        document_month.setdefault(r["document_id"], month.get(r["incident_id"], columnar.UNDATED))

    def partition(name: str, row: dict[str, Any]) -> str:
        if name == "incidents":
            return month[row["id"]]
        if name in ("incident_reports", "casualty_reports"):
            return month.get(row["incident_id"], columnar.UNDATED)
        if name == "claims":
            return claim_month[row["id"]]
        if name == "claim_reports":
            return claim_month.get(row["claim_id"], columnar.UNDATED)
        if name == "evidence":
            fact = row["fact_id"]
            return claim_month.get(fact) or month.get(fact) or columnar.UNDATED
        if name == "documents":
            return document_month.get(row["id"], columnar.UNDATED)
        return document_month.get(row.get("document_id") or "", columnar.UNDATED)  # quotes

    for name, rows in tables.items():
        columns = [c.name for c in metadata.tables[name].columns]
        for row in rows:
            yield "row", name, (*(row[c] for c in columns), partition(name, row))


def export_rows(store: Any) -> Iterator[tuple[str, str, tuple[Any, ...]]]:
    """The block as the Parquet export's tables (export/parquet.py, the same code and schema), as
    ("export", table, values in `export_schema` order)."""
    from ..export.data import ExportFilter, collect
    from ..export.parquet import SCHEMAS, tables
    from ..store.schema import casualty_reports, claims, incident_reports, incidents

    with store.engine.connect() as conn:
        month = {r.id: columnar.month_of(r.date_start) for r in conn.execute(sa.select(incidents))}
        for r in conn.execute(sa.select(claims.c.id, claims.c.incident_id)):
            month[r.id] = month.get(r.incident_id, columnar.UNDATED)
        for r in conn.execute(sa.select(casualty_reports.c.id, casualty_reports.c.incident_id)):
            month[r.id] = month.get(r.incident_id, columnar.UNDATED)
        reports = conn.execute(sa.select(incident_reports.c.document_id, incident_reports.c.incident_id)
                               .order_by(incident_reports.c.id)).all()
    for r in reports:
        month.setdefault(r.document_id, month.get(r.incident_id, columnar.UNDATED))
    key = {"incidents": "id", "claims": "id", "casualty_reports": "id", "evidence": "fact_id", "documents": "id"}
    for name, rows in tables(collect(store, ExportFilter())).items():
        names = SCHEMAS[name].names
        for row in rows:
            yield "export", name, (*(row[n] for n in names), month.get(row[key[name]], columnar.UNDATED))


def export_schema(name: str) -> Any:
    import pyarrow as pa

    from ..export.parquet import SCHEMAS

    return SCHEMAS[name].append(pa.field(columnar.PARTITION, pa.string(), nullable=False))


class _RowsOf:
    """Filter: the rows of one table (a class, not a lambda in a loop, so each keeps its own name)."""

    def __init__(self, table: str, kind: str = "row") -> None:
        self.table, self.kind = table, kind

    def __call__(self, record: tuple[Any, ...]) -> bool:
        return bool(record[0] == self.kind and record[1] == self.table)


def clear(conn: sa.Connection) -> None:
    from ..store.schema import metadata

    for table in reversed(metadata.sorted_tables):
        conn.execute(table.delete())
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("DELETE FROM documents_fts"))


# --------------------------------------------------------------------------- the job


def run(
    spark: SparkSession,
    paths: list[str],
    out: str,
    *,
    partitions: int | None = None,
    text_column: str = "text",
    progress: Callable[[str], None] = lambda _message: None,
) -> JobSummary:
    from pyspark import StorageLevel
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StringType, StructField, StructType

    started = time.monotonic()
    sc = spark.sparkContext
    partitions = partitions or max(2, sc.defaultParallelism * 2)
    progress(f"reading {len(paths)} input path(s)")
    items, missing = read_inputs(spark, paths, text_column)
    extracted = items.repartition(partitions).mapPartitions(extract_partition)
    extracted.persist(StorageLevel.MEMORY_AND_DISK)
    documents = extracted.filter(lambda r: r[0] == "doc")

    progress("extracting")
    places = sc.broadcast(gather(documents.flatMap(lambda r: window_places(r[2])).distinct().collect()))
    progress("blocking")
    keys = documents.map(lambda r: (r[1], block_keys(r[2], places.value))).collect()
    block_of = sc.broadcast(assign_blocks(keys))
    progress(f"linking {len(keys)} documents in {len(set(block_of.value.values()))} blocks")
    linked = (
        documents.map(lambda r: (block_of.value[r[1]], (r[1], r[2])))
        .groupByKey(partitions)
        .mapPartitions(link_partition)
    )
    linked.persist(StorageLevel.MEMORY_AND_DISK)

    summary = JobSummary(blocks=len(set(block_of.value.values())))
    for name in columnar.TABLES:
        progress(f"writing {name}")
        schema = from_arrow_schema(columnar.arrow_schema(name))
        rows = linked.filter(_RowsOf(name)).map(lambda r: r[2])
        frame = spark.createDataFrame(rows, schema)
        frame.write.mode("overwrite").partitionBy(columnar.PARTITION).parquet(f"{out}/{name}")
        summary.tables[name] = rows.count()

    from ..export.parquet import SCHEMAS

    for name in SCHEMAS:
        progress(f"writing export/{name}")
        rows = linked.filter(_RowsOf(name, "export")).map(lambda r: r[2])
        frame = spark.createDataFrame(rows, from_arrow_schema(export_schema(name)))
        frame.write.mode("overwrite").partitionBy(columnar.PARTITION).parquet(f"{out}/{EXPORT}/{name}")

    rejected = extracted.filter(lambda r: r[0] == "reject").union(linked.filter(lambda r: r[0] == "reject"))
    missing_rows = [(e.source, e.reason, e.kind) for _order, e in missing if isinstance(e, Rejected)]
    reject_rows = rejected.map(lambda r: r[2]).union(sc.parallelize(missing_rows, 1))
    reject_schema = StructType([StructField(n, StringType(), False) for n in ("source", "reason", "kind")])
    spark.createDataFrame(reject_rows, reject_schema).coalesce(1).write.mode("overwrite").parquet(f"{out}/{REJECTS}")

    outcomes = linked.filter(lambda r: r[0] == "outcome").map(lambda r: r[2]).countByValue()
    summary.new, summary.duplicates = outcomes.get("new", 0), outcomes.get("duplicate", 0)
    summary.rejected = reject_rows.count()
    summary.documents = summary.new + summary.duplicates + summary.rejected
    summary.incidents, summary.claims = summary.tables["incidents"], summary.tables["claims"]
    summary.seconds = time.monotonic() - started
    extracted.unpersist()
    linked.unpersist()
    _write_summary(out, summary)
    return summary


def _write_summary(out: str, summary: JobSummary) -> None:
    if "://" in out and not out.startswith("file:"):
        return  # a cluster file system: the counts are printed, not written
    path = Path(out.removeprefix("file://")) / SUMMARY
    path.write_text(json.dumps(asdict(summary) | {"docs_per_second": summary.docs_per_second}, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Entry point for spark-submit: the master and resources come from spark-submit's options."""
    parser = argparse.ArgumentParser(prog="claimwatch.spark.job", description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--master", default=None, help="only when not run by spark-submit, e.g. local[*]")
    args = parser.parse_args(argv)
    spark = session(args.master)
    try:
        summary = run(spark, args.inputs, args.out, partitions=args.partitions, text_column=args.text_column,
                      progress=lambda message: print(message, file=sys.stderr, flush=True))
    finally:
        spark.stop()
    print(summary.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
