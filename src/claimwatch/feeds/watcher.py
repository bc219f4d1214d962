"""One watcher pass, and the loop around it:

1. sync     the config file's sources are added to (or updated in) the store's sources
2. poll     each due source (with `force`, as `--once` does, every source but those backing off after
            an error): a conditional GET; a 304
            changes nothing; else the body is read as a feed, sitemap or URL list and each item not
            seen before (by URL) is recorded as pending. A failing source is recorded with its error
            and backs off (state.py); the other sources go on.
3. items    each pending item, oldest first: its page fetched (fetch.py), its article read by
            trafilatura (`ingest.html.from_html`), skipped when the store already holds its cleaned text
            (content hash), else extracted by the pipeline and stored with its URL, feed (`source`) and
            times; the item is marked done only after that. A network error is retried on later passes
            (MAX_ATTEMPTS in all); a page that is not an article (a PDF, too large, forbidden) fails at once.
4. alerts   the rules run over the incidents of each stored document; new alerts go to the outbox,
            then every due alert is delivered (alerts.py).

`stop()` (SIGINT/SIGTERM in the CLI) is honoured between items and between sources.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..clean import clean_document
from ..errors import ClaimwatchError, FeedError, InputError
from ..ingest.decode import decode, html_charset
from ..ingest.html import from_html
from ..model import Document, Extraction
from ..store.ids import document_id
from . import alerts, state
from .config import WatchConfig
from .fetch import Fetched, Fetcher, FetchError
from .parse import parse_listing

if TYPE_CHECKING:
    from ..store import Store

MAX_ATTEMPTS = 3
_HTML = ("text/html", "application/xhtml+xml", "")
_TEXT = ("text/plain",)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class WatchStats:
    sources: int = 0
    failing: int = 0
    polled: int = 0
    listed: int = 0  # new items found in the sources
    fetched: int = 0
    stored: int = 0  # new documents
    duplicates: int = 0
    failed: int = 0
    incidents: int = 0
    claims: int = 0
    alerts: int = 0
    alerts_sent: int = 0
    alerts_failed: int = 0

    def line(self) -> str:
        failing = f" ({self.failing} failing)" if self.failing else ""
        return (f"sources {self.sources}{failing} · {self.listed} new items · {self.fetched} fetched · "
                f"{self.stored} stored, {self.duplicates} duplicates, {self.failed} failed · "
                f"{self.incidents} incidents, {self.claims} claims · alerts {self.alerts} new, "
                f"{self.alerts_sent} sent" + (f", {self.alerts_failed} to retry" if self.alerts_failed else ""))

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Watcher:
    def __init__(
        self,
        store: Store,
        config: WatchConfig,
        *,
        fetcher: Fetcher | None = None,
        extract: Callable[[Document], Extraction] | None = None,
        on_event: Callable[[str], None] | None = None,
        webhook_client: Any = None,
    ) -> None:
        if extract is None:
            from ..pipeline import extract_document

            extract = extract_document
        self.store = store
        self.engine = store.engine
        self.config = config
        self.fetcher = fetcher or Fetcher(config.settings)
        self.extract = extract
        self.on_event = on_event or (lambda message: None)
        self.webhook_client = webhook_client
        self._stop = threading.Event()

    # ----------------------------------------------------------------------- control

    def stop(self) -> None:
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def close(self) -> None:
        self.fetcher.close()

    def run_once(self, *, force: bool = True) -> WatchStats:
        stats = WatchStats()
        self.sync_sources()
        self.poll(stats, force=force)
        self.process_items(stats)
        self.deliver_alerts(stats)
        sources = state.list_sources(self.engine)
        stats.sources = len(sources)
        stats.failing = sum(1 for s in sources if s.last_error)
        return stats

    def run_forever(self, on_pass: Callable[[WatchStats], None] | None = None, idle: float = 1.0) -> None:
        """Pass after pass until `stop()`; between passes, wait for the next due source or alert."""
        while not self.stopping:
            stats = self.run_once(force=False)
            if on_pass:
                on_pass(stats)
            wake = time.monotonic() + self._seconds_to_next_poll()
            while not self.stopping and time.monotonic() < wake:
                self._stop.wait(idle)

    def _seconds_to_next_poll(self) -> float:
        sources = state.list_sources(self.engine)
        if not sources:
            return 60.0
        soonest = min(s.next_poll_at for s in sources)
        return max(1.0, min(60.0, (soonest - utcnow()).total_seconds()))

    # ----------------------------------------------------------------------- 1-2. sources

    def sync_sources(self) -> None:
        now = utcnow()
        for index, source in enumerate(self.config.sources):  # listed (and polled) in the file's order
            state.add_source(self.engine, source.url, source.every or self.config.settings.every, source.kind,
                             "config", now + timedelta(microseconds=index))

    def poll(self, stats: WatchStats, *, force: bool) -> None:
        now = utcnow()
        for source in state.list_sources(self.engine):
            if self.stopping:
                return
            backing_off = source.error_count > 0 and source.next_poll_at > now
            if source.next_poll_at > now and (backing_off or not force):
                continue
            stats.polled += 1
            try:
                fetched = self.fetcher.get(source.url, etag=source.etag, last_modified=source.last_modified)
                if fetched.not_modified:
                    state.record_poll(self.engine, source, utcnow(), etag=fetched.etag,
                                      last_modified=fetched.last_modified, seen=0)
                    continue
                listing = parse_listing(fetched.content, source.kind, where=source.url)
            except FeedError as error:
                retry = state.record_poll_error(self.engine, source, utcnow(), str(error))
                self.on_event(f"source failed: {error} (next try {retry:%H:%M:%S} UTC)")
                continue
            new = state.add_items(self.engine, source, listing.items, utcnow())
            state.record_poll(self.engine, source, utcnow(), etag=fetched.etag,
                              last_modified=fetched.last_modified, seen=new)
            stats.listed += new
            if listing.broken:
                self.on_event(f"{source.url}: {listing.broken} items without a usable link were skipped")

    # ----------------------------------------------------------------------- 3-4. items

    def process_items(self, stats: WatchStats) -> None:
        for item in state.pending_items(self.engine):
            if self.stopping:
                return
            self._process(item, stats)

    def _process(self, item: state.ItemState, stats: WatchStats) -> None:
        try:
            fetched = self.fetcher.get(item.url)
            stats.fetched += 1
            document = self._document(item, fetched)
        except FetchError as error:
            if error.retryable and item.attempts + 1 < MAX_ATTEMPTS:
                state.retry_item(self.engine, item, utcnow(), error.reason)
                self.on_event(f"will retry {item.url}: {error.reason}")
            else:
                state.finish_item(self.engine, item, "failed", utcnow(), error=error.reason)
                stats.failed += 1
                self.on_event(f"failed {item.url}: {error.reason}")
            return
        except InputError as error:
            state.finish_item(self.engine, item, "failed", utcnow(), error=error.reason)
            stats.failed += 1
            self.on_event(f"failed {item.url}: {error.reason}")
            return
        try:
            content_hash = clean_document(document).content_hash
            if self.store.has_document(content_hash):
                doc_id, created, incident_ids = document_id(content_hash), False, None
            else:
                extraction = self.extract(document)
                added = self.store.add(extraction.document, extraction)
                doc_id, created, incident_ids = added.document_id, added.created, added.incident_ids
                if created:
                    stats.incidents += len(added.incident_ids)
                    stats.claims += len(added.claim_ids)
            if incident_ids is None:
                incident_ids = state.document_incidents(self.engine, doc_id)
            stats.alerts += alerts.evaluate(self.store, self.config.alerts, incident_ids,
                                            self.config.settings.dashboard_url, utcnow())
        except ClaimwatchError as error:  # the store is unreachable: the item stays pending
            state.retry_item(self.engine, item, utcnow(), str(error))
            self.on_event(f"could not store {item.url}: {error}")
            return
        except Exception as error:  # an extractor bug on one odd page must not stop the watcher
            reason = f"extraction failed ({type(error).__name__}: {error})"
            state.finish_item(self.engine, item, "failed", utcnow(), error=reason)
            stats.failed += 1
            self.on_event(f"failed {item.url}: {reason}")
            return
        state.finish_item(self.engine, item, "stored" if created else "duplicate", utcnow(), document_id=doc_id)
        if created:
            stats.stored += 1
        else:
            stats.duplicates += 1

    def _document(self, item: state.ItemState, fetched: Fetched) -> Document:
        source = self._source_url(item.source_id)
        if fetched.content_type in _HTML:
            document = from_html(decode(fetched.content, item.url, html_charset(fetched.content)), item.url,
                                 url=item.url)
        elif fetched.content_type in _TEXT:
            document = Document(text=decode(fetched.content, item.url))
        else:
            raise FetchError(item.url, f"not an article page ({fetched.content_type})", retryable=False)
        if not document.text.strip():
            raise FetchError(item.url, "the page has no text", retryable=False)
        document.url = item.url
        document.source = source
        document.title = document.title or item.title
        document.published = document.published or item.published
        return document

    def _source_url(self, source_id: str) -> str:
        return next((s.url for s in state.list_sources(self.engine) if s.id == source_id), source_id)

    def deliver_alerts(self, stats: WatchStats) -> None:
        result = alerts.deliver(self.engine, utcnow(), self.webhook_client)
        stats.alerts_sent += result.sent
        stats.alerts_failed += result.failed
