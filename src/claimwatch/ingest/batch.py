"""A batch: read every input, extract each new document, store it; one bad document never stops the rest.

    1. read      `iter_documents`: a document, or an `InputError` that is counted as a failure
    2. dedup     the cleaned text's content hash is looked up first, so re-ingesting files costs no
                 extraction and adds nothing
    3. extract   `pipeline.extract_document`, here or in a pool of worker processes (the model is
                 loaded once per process); an exception in one document fails that document only
    4. store     `store.add(document, extraction)` in this process (one writer), in input order

The CLI (`claimwatch ingest`), the REST API and scripts call `ingest_batch` and only present its outcomes.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from ..clean import clean_document
from ..errors import ClaimwatchError, InputError
from ..model import Document, Extraction
from ..pipeline import extract_document
from . import iter_documents

Status = Literal["new", "duplicate", "failed"]


class AddResultLike(Protocol):
    document_id: str
    created: bool
    incident_ids: list[str]
    claim_ids: list[str]


class StoreLike(Protocol):
    """The part of `claimwatch.store.Store` a batch needs."""

    def has_document(self, content_hash: str) -> bool: ...

    def add(self, document: Document, extraction: Extraction) -> AddResultLike: ...


@dataclass
class Outcome:
    """What became of one input: stored as new, already there, or failed with a reason."""

    source: str
    status: Status
    reason: str | None = None
    document_id: str | None = None
    incidents: int = 0
    claims: int = 0


@dataclass
class Summary:
    new: int = 0
    duplicates: int = 0
    failed: int = 0
    incidents: int = 0
    claims: int = 0
    seconds: float = 0.0
    failures: list[Outcome] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.new + self.duplicates + self.failed

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def count(self, outcome: Outcome) -> None:
        if outcome.status == "new":
            self.new += 1
            self.incidents += outcome.incidents
            self.claims += outcome.claims
        elif outcome.status == "duplicate":
            self.duplicates += 1
        else:
            self.failed += 1
            self.failures.append(outcome)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "new": self.new,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "incidents": self.incidents,
            "claims": self.claims,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 3),
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
        }


def ingest_batch(
    paths: Iterable[str | Path],
    store: StoreLike,
    *,
    workers: int = 1,
    on_outcome: Callable[[Outcome], None] | None = None,
    language: str | None = None,
) -> Summary:
    """Ingest every document under `paths` into `store`; `on_outcome` hears of each one as it is done.
    `language` (ISO 639-1) overrides each document's language, which is otherwise the source's or detected."""
    summary = Summary()
    started = time.perf_counter()
    for outcome in iter_outcomes(paths, store, workers=workers, language=language):
        summary.count(outcome)
        summary.seconds = time.perf_counter() - started
        if on_outcome:
            on_outcome(outcome)
    summary.seconds = time.perf_counter() - started
    return summary


def iter_outcomes(
    paths: Iterable[str | Path], store: StoreLike, *, workers: int = 1, language: str | None = None
) -> Iterator[Outcome]:
    todo = _new_documents(paths, store, language)
    if workers <= 1:
        for item in todo:
            yield item if isinstance(item, Outcome) else _store(store, item, _extract(item))
        return
    # spawn, not fork: the parent runs threads (the progress bar) that fork would copy mid-flight
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        window: deque[tuple[Document, Future[Extraction | str] | Outcome]] = deque()
        for item in todo:
            if isinstance(item, Outcome):
                window.append((Document(text=""), item))
            else:
                window.append((item, pool.submit(_extract, item)))
            while len(window) > workers * 4:  # bounded: a big corpus is never all in memory
                yield _finish(store, *window.popleft())
        while window:
            yield _finish(store, *window.popleft())


def _new_documents(
    paths: Iterable[str | Path], store: StoreLike, language: str | None = None
) -> Iterator[Document | Outcome]:
    """Documents still to extract; inputs that failed or are already stored come as finished outcomes."""
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            yield Outcome(item.source, "failed", item.reason)
            continue
        if language:
            item.language = language
        source = item.source or "?"
        try:
            known = store.has_document(clean_document(item).content_hash)
        except ClaimwatchError as error:
            yield Outcome(source, "failed", str(error))
            continue
        yield Outcome(source, "duplicate") if known else item


def _finish(store: StoreLike, document: Document, work: Future[Extraction | str] | Outcome) -> Outcome:
    if isinstance(work, Outcome):
        return work
    try:
        result = work.result()
    except Exception as error:  # a worker that died (out of memory, killed): this document fails
        result = f"extraction failed ({type(error).__name__}: {error})"
    return _store(store, document, result)


def _extract(document: Document) -> Extraction | str:
    """The extraction, or why it failed: an extractor bug on one odd document must not end the batch."""
    try:
        return extract_document(document)
    except Exception as error:
        return f"extraction failed ({type(error).__name__}: {error})"


def _store(store: StoreLike, document: Document, result: Extraction | str) -> Outcome:
    source = document.source or "?"
    if isinstance(result, str):
        return Outcome(source, "failed", result)
    try:
        added = store.add(result.document, result)
    except ClaimwatchError as error:
        return Outcome(source, "failed", f"could not store ({error})")
    if not added.created:
        return Outcome(source, "duplicate", document_id=added.document_id)
    return Outcome(
        source,
        "new",
        document_id=added.document_id,
        incidents=len(added.incident_ids),
        claims=len(added.claim_ids),
    )
