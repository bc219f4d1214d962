"""The store's tables as columnar (Apache Arrow) schemas: one definition for Parquet output.

The Spark job (`claimwatch spark extract`) writes these tables, and `claimwatch spark load` reads them
back into a store; a Parquet export of the store can write the same ones. Every column of
`store/schema.py`, with the same name and an Arrow type that holds its values, plus one partition column,
`incident_month` ("2017-06", or "undated"): the month of the incident a row belongs to, so a reader of one
period opens only its folders. The schema is derived from `schema.py`, so the two cannot drift.

    arrow_schema("incidents")      pyarrow.Schema of that table, partition column last
    TABLES                         the tables, in an order that loads without breaking foreign keys
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from .schema import metadata

if TYPE_CHECKING:
    import pyarrow as pa

PARTITION = "incident_month"
UNDATED = "undated"
# documents first, dependents after; the claim judgements are derived, recomputed by the store (judgements.py)
TABLES = [t.name for t in metadata.sorted_tables if t.name not in ("claim_judgements", "group_profiles")]


def arrow_type(column: sa.Column[Any]) -> pa.DataType:
    import pyarrow as pa

    kind = column.type
    if isinstance(kind, sa.Boolean):
        return pa.bool_()
    if isinstance(kind, sa.Integer):
        return pa.int64()
    if isinstance(kind, sa.Float):
        return pa.float64()
    if isinstance(kind, sa.DateTime):
        return pa.timestamp("us")  # naive UTC, as the store keeps times
    if isinstance(kind, sa.Date):
        return pa.date32()
    return pa.string()


def arrow_schema(table: str) -> pa.Schema:
    import pyarrow as pa

    columns = metadata.tables[table].columns
    fields = [pa.field(c.name, arrow_type(c), nullable=bool(c.nullable) and not c.primary_key) for c in columns]
    return pa.schema([*fields, pa.field(PARTITION, pa.string(), nullable=False)])


def month_of(date_start: Any) -> str:
    """The partition value for an incident's first possible day (a date, or None)."""
    return date_start.strftime("%Y-%m") if date_start is not None else UNDATED
