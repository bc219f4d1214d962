"""The extraction pipeline: a list of named stages, and one loop that runs them.

    ingest  (ingest.py)    files, HTML, JSON lines, WARC, stdin  -> Document     [outside extract()]
    1. clean    (clean.py)     boilerplate out, metadata in          Document     -> Document
    2. annotate (annotate.py)  sentences; the NLP model only on sentences that need it
    3. extract  (extract/)     sentence-level mentions: events, dates, places, counts, groups, claims…
    4. resolve  (resolve.py)   mentions -> incidents and claims of this document, with evidence
    link + store (store/)      incidents merged across documents, kept with every source [outside]

`extract()` is a pure function of one document: its input and output are picklable dataclasses and
the model is loaded once per process, so the same call runs in a CLI, a web worker or a Spark task.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from . import annotate, clean, resolve
from .extract import find_mentions
from .model import Document, Extraction, Mentions, Sentence

EXTRACTOR_VERSION = "claimwatch.rules.v1"


@dataclass
class Work:
    """What the stages pass along: each stage reads what earlier ones left and adds its own part."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    parsed: dict[int, Any] = field(default_factory=dict)  # sentence index -> spaCy Doc
    mentions: Mentions = field(default_factory=Mentions)
    extraction: Extraction | None = None


Stage = Callable[[Work], Work]

STAGES: list[tuple[str, Stage]] = [
    ("clean", clean.stage),
    ("annotate", annotate.stage),
    ("extract", find_mentions),
    ("resolve", resolve.stage),
]


def run(document: Document, stages: list[tuple[str, Stage]] | None = None) -> Work:
    work = Work(document=document)
    for name, stage in stages or STAGES:
        work = stage(work)
        if not isinstance(work, Work):  # a stage that forgets to return is a bug, caught early
            raise TypeError(f"pipeline stage {name!r} returned {type(work).__name__}, not Work")
    return work


def extract(
    text: str,
    *,
    published: datetime | str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    language: str | None = None,
) -> Extraction:
    """Read one article and return its incidents, claims and quotes, each fact with its evidence. `language`
    (ISO 639-1) chooses the resources; when None it is detected from the text."""
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    return extract_document(
        Document(text=text, published=published, url=url, outlet=outlet, title=title, language=language)
    )


def extract_document(document: Document) -> Extraction:
    work = run(document)
    assert work.extraction is not None
    work.extraction.extractor_version = EXTRACTOR_VERSION
    return work.extraction
