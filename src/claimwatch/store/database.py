"""`Store`: opens (and migrates) the database, and is the one interface the CLI, API and jobs use.

    store = Store("sqlite:///claimwatch.db")     # or a path, or postgresql://…, or None for settings.db_url()
    result = store.add(document, extraction)     # one transaction per document
    store.incidents(country="FR", since=date(2017, 1, 1))

Every method translates database failures into `StoreError`; unknown ids raise `NotFound`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from .. import analytics
from ..errors import QueryTimeout, StoreError
from ..model import Document, Extraction
from ..settings import db_url
from ..settings import statement_timeout as settings_timeout
from . import judgements, queries, write
from .ids import document_id
from .records import AddResult, ClaimRecord, DocumentRecord, GroupRecord, IncidentRecord, SearchHit

# SQLite in WAL mode lets readers run beside the one writer; each API worker thread needs a connection.
POOL_SIZE = 8
POOL_OVERFLOW = 24


def _engine(url: str, timeout: float) -> sa.Engine:
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
            options.update(connect_args={"timeout": 30, "check_same_thread": False},
                           pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, pool_timeout=30)
    elif backend == "postgresql" and timeout > 0:
        options.update(connect_args={"options": f"-c statement_timeout={int(timeout * 1000)}"})
    try:
        engine = sa.create_engine(parsed, **options)
    except ModuleNotFoundError as error:
        hint = "pip install 'psycopg[binary]'" if backend == "postgresql" else f"install a driver for {backend}"
        raise StoreError(f"cannot open {parsed.render_as_string(hide_password=True)}: {error}; {hint}") from error
    if backend == "sqlite":
        _sqlite_events(engine, timeout, wal=database not in ("", ":memory:"))
    return engine


def _sqlite_events(engine: sa.Engine, timeout: float, *, wal: bool) -> None:
    """Pragmas, transactions the driver does not second-guess, and a statement timeout.

    Python's sqlite3 starts a transaction only before INSERT/UPDATE/DELETE, so a migration's CREATE
    TABLEs ran outside any lock and two processes opening a new store raced. Here the driver is told
    to stay out of it and every SQLAlchemy transaction is an explicit BEGIN (IMMEDIATE for writers:
    the write lock is taken up front, so two writers wait for each other instead of failing).
    SQLite has no statement timeout: a progress handler aborts a statement that runs past its deadline.
    """

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if wal:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()
        record.info["deadline"] = None
        if timeout > 0:
            def _past_deadline() -> int:
                deadline = record.info.get("deadline")
                return 1 if deadline is not None and time.monotonic() > deadline else 0

            dbapi_connection.set_progress_handler(_past_deadline, PROGRESS_STEPS)

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _start_clock(conn: sa.Connection, *_args: Any) -> None:
        if timeout > 0:
            untimed = conn.get_execution_options().get("no_timeout")
            conn.connection.info["deadline"] = None if untimed else time.monotonic() + timeout


PROGRESS_STEPS = 10_000  # SQLite virtual machine steps between two looks at the clock


def _reason(error: sa.exc.SQLAlchemyError) -> str:
    """What the database said, without the SQL statement and parameters (those never leave the store)."""
    original = getattr(error, "orig", None) or error
    first = (str(original).strip().splitlines() or [type(original).__name__])[0]
    return first[:300]


def _timed_out(error: sa.exc.SQLAlchemyError) -> bool:
    text = str(getattr(error, "orig", "") or "")
    return "interrupted" in text or "statement timeout" in text or "canceling statement" in text


class Store:
    """Documents, incidents, claims, casualty figures and evidence, linked across documents."""

    def __init__(self, url: str | None = None, *, statement_timeout: float | None = None) -> None:
        self.url = db_url(url)
        self.statement_timeout = settings_timeout() if statement_timeout is None else statement_timeout
        self.engine = _engine(self.url, self.statement_timeout)
        try:
            self._migrate()
        except sa.exc.SQLAlchemyError as error:
            self.engine.dispose()
            raise StoreError(f"cannot open the store at {self._safe_url()}: {_reason(error)}") from error

    def _migrate(self) -> None:
        """Bring the schema to the newest revision, one process at a time; judge old claims once."""
        from ..migrations import current_revision, head_revision, run_upgrade

        with self.engine.connect() as probe:
            if current_revision(probe) == head_revision() and not judgements.needs_judging(probe):
                return
        options = {"sqlite_begin": "IMMEDIATE", "no_timeout": True}
        with self.engine.connect().execution_options(**options) as conn, conn.begin():
            if conn.dialect.name == "postgresql":  # one migrating process at a time
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4208117)")
            run_upgrade(conn)  # a no-op when another process migrated while this one waited
            if judgements.needs_judging(conn):
                judgements.rejudge(conn)

    def _safe_url(self) -> str:
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    def _failure(self, doing: str, error: sa.exc.SQLAlchemyError) -> StoreError:
        if _timed_out(error):
            return QueryTimeout(
                f"{doing} took longer than {self.statement_timeout:g} s and was stopped "
                "(CLAIMWATCH_STATEMENT_TIMEOUT); narrow the query"
            )
        return StoreError(f"{doing} failed: {_reason(error)}")

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as error:
            raise self._failure(f"reading the store at {self._safe_url()}", error) from error

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        with self.engine.connect().execution_options(sqlite_begin="IMMEDIATE", no_timeout=True) as conn:
            with conn.begin():
                yield conn

    # ----------------------------------------------------------------------- writing

    def add(self, document: Document, extraction: Extraction) -> AddResult:
        """Store one document and what was extracted from it, in one transaction.

        The claim judgements of every group the document touched are recomputed in the same transaction.
        """
        now = datetime.now(UTC).replace(tzinfo=None)
        doing = f"storing {document.source or document.title or 'a document'}"
        try:
            with self._writing() as conn:
                result = write.add_document(conn, document, extraction, now)
                if result.created:
                    judgements.rejudge(conn, judgements.groups_touched(conn, result.incident_ids, result.claim_ids))
                return result
        except sa.exc.IntegrityError as error:
            if self.has_document(document.content_hash):  # another writer stored it first
                return AddResult(document_id=document_id(document.content_hash), created=False)
            raise self._failure(doing, error) from error
        except sa.exc.SQLAlchemyError as error:
            raise self._failure(doing, error) from error

    def rejudge(self) -> int:
        """Recompute every claim judgement and group profile (after writing claims by other means)."""
        try:
            with self._writing() as conn:
                return judgements.rejudge(conn)
        except sa.exc.SQLAlchemyError as error:
            raise self._failure("judging the claims", error) from error

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
        min_confidence: float | None = None,
        limit: int = 100,
        offset: int = 0,
        after: str | None = None,
    ) -> list[IncidentRecord]:
        """Incidents newest first; `after` is a cursor from `incident_cursor` (keyset paging)."""
        filters = queries.IncidentFilter(since, until, country, group, attack_type, claimed, query, min_confidence)
        with self._reading() as conn:
            return queries.list_incidents(conn, filters, limit, offset, after)

    def incident_cursor(self, record: IncidentRecord) -> str:
        """The cursor for the incidents after `record` in the list order."""
        with self._reading() as conn:
            starts = queries.incident_date_starts(conn, [record.id])
        return queries.cursor_of(record, starts.get(record.id))

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
        min_confidence: float | None = None,
    ) -> int:
        filters = queries.IncidentFilter(since, until, country, group, attack_type, claimed, query, min_confidence)
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
        anomalous: bool | None = None,
        min_confidence: float | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[ClaimRecord]:
        """Claims, newest incident first; `anomalous` filters on the stored judgements, `min_confidence` (0-1)
        on the claims' confidence."""
        with self._reading() as conn:
            return queries.list_claims(conn, group=group, since=since, until=until, status=status,
                                       anomalous=anomalous, min_confidence=min_confidence, limit=limit,
                                       offset=offset)

    def count_claims(
        self,
        *,
        group: str | None = None,
        since: date | None = None,
        until: date | None = None,
        status: str | None = None,
        anomalous: bool | None = None,
        min_confidence: float | None = None,
    ) -> int:
        with self._reading() as conn:
            return queries.count_claims(conn, group=group, since=since, until=until, status=status,
                                        anomalous=anomalous, min_confidence=min_confidence)

    def judgements(self, claim_ids: list[str]) -> dict[str, dict[str, Any]]:
        """The stored judgement of each claim: `{"history", "usual_range", "anomaly"}` (see analytics.Usual)."""
        with self._reading() as conn:
            return judgements.usual_of(conn, claim_ids)

    def group_profiles(self, name: str | None = None) -> list[dict[str, Any]]:
        """Stored group profiles (delay statistics, channels, wording, anomalies), most claims first."""
        with self._reading() as conn:
            return judgements.profiles(conn, name)

    def claim_points(self, group: str | None = None) -> list[analytics.ClaimPoint]:
        """Every claim (or one group's) as the few fields analytics reads, without evidence or sources."""
        with self._reading() as conn:
            return judgements.claim_points(conn, group)

    def anomalies(self) -> list[analytics.Anomaly]:
        """Every stored anomaly (judged when its group's claims were written)."""
        with self._reading() as conn:
            return judgements.anomalies(conn)

    def unclaimed_candidates(self, since: date | None = None) -> list[dict[str, Any]]:
        with self._reading() as conn:
            return queries.unclaimed_candidates(conn, since)

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

