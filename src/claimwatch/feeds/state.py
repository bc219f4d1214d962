"""The watcher's state in the store (tables feed_sources and feed_items, migration 0004).

Each change is its own short transaction, written *before* the work it records moves on, so that a
restart (or a kill -9) resumes where it stopped:
- an item is recorded `pending` as soon as its source lists it (a URL is recorded once, whichever
  source lists it again, so nothing is fetched twice);
- it becomes `stored` (or `duplicate`, `failed`) only after its document is in the store; a restart
  retries the pending ones, and the store's content hash makes a second `Store.add` a no-op;
- a source's validators and next poll are saved after its new items are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from ..errors import FeedError
from ..store.ids import fact_id
from ..store.schema import documents, feed_items, feed_sources
from .parse import Item

MAX_BACKOFF = timedelta(hours=6)


@dataclass
class SourceState:
    id: str
    url: str
    kind: str
    every_seconds: int
    origin: str
    etag: str | None
    last_modified: str | None
    next_poll_at: datetime
    last_polled_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    error_count: int
    items_seen: int
    added_at: datetime
    items_stored: int = 0
    items_pending: int = 0
    items_failed: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        for key, value in data.items():
            if isinstance(value, datetime):
                data[key] = value.isoformat()
        return data


@dataclass
class ItemState:
    id: str
    source_id: str
    url: str
    title: str | None
    published: datetime | None
    attempts: int


def source_id(url: str) -> str:
    return fact_id("src", url)


def add_source(engine: sa.Engine, url: str, every: int, kind: str, origin: str, now: datetime) -> SourceState:
    """Add a source, or update the interval and kind of one already known; due at once when new."""
    with engine.begin() as conn:
        row = conn.execute(sa.select(feed_sources).where(feed_sources.c.url == url)).first()
        if row is None:
            conn.execute(feed_sources.insert().values(
                id=source_id(url), url=url, kind=kind, every_seconds=every, origin=origin, next_poll_at=now,
                error_count=0, items_seen=0, added_at=now))
        elif (row.every_seconds, row.kind) != (every, kind):
            conn.execute(feed_sources.update().where(feed_sources.c.id == row.id).values(
                every_seconds=every, kind=kind, next_poll_at=min(row.next_poll_at, now + timedelta(seconds=every))))
    return get_source(engine, url)


def remove_source(engine: sa.Engine, url: str) -> None:
    with engine.begin() as conn:
        row = conn.execute(sa.select(feed_sources.c.id).where(feed_sources.c.url == url)).first()
        if row is None:
            raise FeedError(f"no source {url!r}; `claimwatch sources` lists them")
        conn.execute(feed_items.delete().where(feed_items.c.source_id == row.id, feed_items.c.status == "pending"))
        kept = conn.execute(sa.select(sa.func.count()).where(feed_items.c.source_id == row.id)).scalar_one()
        if kept:  # items already stored keep their source row, which stops being polled
            conn.execute(feed_sources.update().where(feed_sources.c.id == row.id).values(
                next_poll_at=datetime.max, origin="removed"))
        else:
            conn.execute(feed_sources.delete().where(feed_sources.c.id == row.id))


def get_source(engine: sa.Engine, url: str) -> SourceState:
    found = [s for s in list_sources(engine) if s.url == url]
    if not found:
        raise FeedError(f"no source {url!r}")
    return found[0]


def list_sources(engine: sa.Engine) -> list[SourceState]:
    with engine.connect() as conn:
        counts: dict[tuple[str, str], int] = {
            (row.source_id, row.status): row.n
            for row in conn.execute(
                sa.select(feed_items.c.source_id, feed_items.c.status, sa.func.count().label("n"))
                .group_by(feed_items.c.source_id, feed_items.c.status)
            )
        }
        rows = conn.execute(sa.select(feed_sources).where(feed_sources.c.origin != "removed")
                            .order_by(feed_sources.c.added_at, feed_sources.c.url)).all()
    result = []
    for row in rows:
        state = SourceState(**{c: row._mapping[c] for c in feed_sources.c.keys()})
        state.items_stored = counts.get((row.id, "stored"), 0) + counts.get((row.id, "duplicate"), 0)
        state.items_pending = counts.get((row.id, "pending"), 0)
        state.items_failed = counts.get((row.id, "failed"), 0)
        result.append(state)
    return result


def record_poll(engine: sa.Engine, source: SourceState, now: datetime, *, etag: str | None,
                last_modified: str | None, seen: int) -> None:
    with engine.begin() as conn:
        conn.execute(feed_sources.update().where(feed_sources.c.id == source.id).values(
            etag=etag or source.etag, last_modified=last_modified or source.last_modified,
            next_poll_at=now + timedelta(seconds=source.every_seconds), last_polled_at=now, last_ok_at=now,
            last_error=None, error_count=0, items_seen=feed_sources.c.items_seen + seen))


def record_poll_error(engine: sa.Engine, source: SourceState, now: datetime, error: str) -> datetime:
    """Back off: the interval doubles with each error in a row, up to MAX_BACKOFF."""
    count = source.error_count + 1
    delay = min(timedelta(seconds=source.every_seconds * 2 ** min(count, 16)), MAX_BACKOFF)
    with engine.begin() as conn:
        conn.execute(feed_sources.update().where(feed_sources.c.id == source.id).values(
            next_poll_at=now + delay, last_polled_at=now, last_error=error, error_count=count))
    return now + delay


def add_items(engine: sa.Engine, source: SourceState, items: list[Item], now: datetime) -> int:
    """Record the items not seen before (by URL, in any source) as pending; how many were new."""
    new = 0
    with engine.begin() as conn:
        for item in items:
            if conn.execute(sa.select(feed_items.c.id).where(feed_items.c.url == item.url)).first():
                continue
            stored = conn.execute(sa.select(documents.c.id).where(documents.c.url == item.url)).first()
            conn.execute(feed_items.insert().values(
                id=fact_id("itm", item.url), source_id=source.id, url=item.url, title=item.title,
                published=item.published, first_seen=now, status="duplicate" if stored else "pending",
                attempts=0, document_id=stored.id if stored else None))
            new += 0 if stored else 1
    return new


def pending_items(engine: sa.Engine, limit: int = 1000) -> list[ItemState]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(feed_items).where(feed_items.c.status == "pending")
                            .order_by(feed_items.c.first_seen, feed_items.c.id).limit(limit)).all()
    return [ItemState(r.id, r.source_id, r.url, r.title, r.published, r.attempts) for r in rows]


def finish_item(engine: sa.Engine, item: ItemState, status: str, now: datetime, *, document_id: str | None = None,
                error: str | None = None) -> None:
    with engine.begin() as conn:
        conn.execute(feed_items.update().where(feed_items.c.id == item.id).values(
            status=status, document_id=document_id, error=error, fetched_at=now, attempts=item.attempts + 1))


def retry_item(engine: sa.Engine, item: ItemState, now: datetime, error: str) -> None:
    with engine.begin() as conn:
        conn.execute(feed_items.update().where(feed_items.c.id == item.id).values(
            error=error, fetched_at=now, attempts=item.attempts + 1))


def item_counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {row.status: row.n for row in conn.execute(
            sa.select(feed_items.c.status, sa.func.count().label("n")).group_by(feed_items.c.status))}


def document_incidents(engine: sa.Engine, document_id: str) -> list[str]:
    """The stored incidents a document reports (for alerts on a document stored before a restart)."""
    from ..store.schema import incident_reports

    with engine.connect() as conn:
        rows = conn.execute(sa.select(incident_reports.c.incident_id)
                            .where(incident_reports.c.document_id == document_id).distinct()).all()
    return sorted(row.incident_id for row in rows)
