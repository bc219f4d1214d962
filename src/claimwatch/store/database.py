"""`Store`: opens (and migrates) the database, and is the one interface the CLI, API and jobs use.

    store = Store("sqlite:///claimwatch.db")     # or a path, or postgresql://…, or None for settings.db_url()
    result = store.add(document, extraction)     # one transaction per document
    store.incidents(country="FR", since=date(2017, 1, 1))

Every method translates database failures into `StoreError`; unknown ids raise `NotFound`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from ..model import Document, Extraction
from ..settings import db_url
from . import queries, write
from .ids import document_id
from .records import AddResult, ClaimRecord, DocumentRecord, GroupRecord, IncidentRecord, SearchHit


def _engine(url: str) -> sa.Engine:
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError as error:
        raise StoreError(f"{url!r} is not a database URL or path: {error}") from error
    backend = parsed.get_backend_name()
    if parsed.drivername == "postgresql":  # psycopg 3 (the postgres extra), whatever SQLAlchemy's default
        parsed = parsed.set(drivername="postgresql+psycopg")
    options: dict[str, Any] = {}
    if backend == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:"):
            # One shared connection, or every checkout would see a new empty database.
            options.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        else:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            options.update(connect_args={"timeout": 30})
    try:
        engine = sa.create_engine(parsed, **options)
    except ModuleNotFoundError as error:
        hint = "pip install 'psycopg[binary]'" if backend == "postgresql" else f"install a driver for {backend}"
        raise StoreError(f"cannot open {parsed.render_as_string(hide_password=True)}: {error}; {hint}") from error
    if backend == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


class Store:
    """Documents, incidents, claims, casualty figures and evidence, linked across documents."""

    def __init__(self, url: str | None = None) -> None:
        self.url = db_url(url)
        self.engine = _engine(self.url)
        try:
            from ..migrations import run_upgrade

            with self.engine.begin() as conn:
                run_upgrade(conn)
        except sa.exc.SQLAlchemyError as error:
            self.engine.dispose()
            raise StoreError(f"cannot open the store at {self._safe_url()}: {error}") from error

    def _safe_url(self) -> str:
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"reading the store at {self._safe_url()} failed: {error}") from error

    # ----------------------------------------------------------------------- writing

    def add(self, document: Document, extraction: Extraction) -> AddResult:
        """Store one document and what was extracted from it, in one transaction."""
        now = datetime.now(UTC).replace(tzinfo=None)
        try:
            with self.engine.begin() as conn:
                return write.add_document(conn, document, extraction, now)
        except sa.exc.IntegrityError as error:
            if self.has_document(document.content_hash):  # another writer stored it first
                return AddResult(document_id=document_id(document.content_hash), created=False)
            raise StoreError(f"storing {document.source or document.title or 'a document'} failed: {error}") from error
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"storing {document.source or document.title or 'a document'} failed: {error}") from error

    def has_document(self, content_hash: str) -> bool:
        from .schema import documents

        with self._reading() as conn:
            found = conn.execute(sa.select(documents.c.id).where(documents.c.content_hash == content_hash)).first()
        return found is not None

    # ----------------------------------------------------------------------- reading

    def incidents(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        country: str | None = None,
        group: str | None = None,
        attack_type: str | None = None,
        claimed: bool | None = None,
        query: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[IncidentRecord]:
        filters = queries.IncidentFilter(since, until, country, group, attack_type, claimed, query)
        with self._reading() as conn:
            return queries.list_incidents(conn, filters, limit, offset)

    def count_incidents(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        country: str | None = None,
        group: str | None = None,
        attack_type: str | None = None,
        claimed: bool | None = None,
        query: str | None = None,
    ) -> int:
        filters = queries.IncidentFilter(since, until, country, group, attack_type, claimed, query)
        with self._reading() as conn:
            return queries.count_incidents(conn, filters)

    def incident(self, incident_id: str) -> IncidentRecord:
        with self._reading() as conn:
            return queries.get_incident(conn, incident_id)

    def claims(
        self,
        *,
        group: str | None = None,
        since: date | None = None,
        until: date | None = None,
        status: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[ClaimRecord]:
        with self._reading() as conn:
            return queries.list_claims(
                conn, group=group, since=since, until=until, status=status, limit=limit, offset=offset
            )

    def documents(self, *, limit: int = 100, offset: int = 0) -> list[DocumentRecord]:
        with self._reading() as conn:
            return queries.list_documents(conn, limit, offset)

    def document(self, document_id: str) -> DocumentRecord:
        with self._reading() as conn:
            return queries.get_document(conn, document_id)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        with self._reading() as conn:
            return queries.search_documents(conn, query, limit)

    def groups(self) -> list[GroupRecord]:
        with self._reading() as conn:
            return queries.list_groups(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

