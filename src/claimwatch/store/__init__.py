"""The store: documents, incidents, claims and their evidence, linked across documents.

    database.py  Store: open + migrate (Alembic), one transaction per document, the read interface
    schema.py    the tables (SQLAlchemy Core)          records.py  what reads return (dataclasses)
    write.py     storing one document                  link.py     cross-document merging (pure)
    queries.py   filters and hydration                 search.py   full text (FTS5 / tsvector)
    ids.py       stable ids from content hashes
"""

from __future__ import annotations

from .database import Store
from .records import (
    AddResult,
    CasualtyReportRecord,
    ClaimRecord,
    CountBasis,
    DocumentRecord,
    EvidenceRecord,
    GroupRecord,
    IncidentRecord,
    SearchHit,
    SourceRecord,
)

__all__ = [
    "AddResult",
    "CasualtyReportRecord",
    "ClaimRecord",
    "CountBasis",
    "DocumentRecord",
    "EvidenceRecord",
    "GroupRecord",
    "IncidentRecord",
    "SearchHit",
    "SourceRecord",
    "Store",
]
