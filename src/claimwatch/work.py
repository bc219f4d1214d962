"""The stage contract: what the pipeline's components pass along, and nothing else.

Every component (`components.py`) takes a `Work`, reads the fields it declares in `requires` and fills
the ones it declares in `assigns`. The names are dotted paths into `Work` ("sentences", "mentions.events",
"extraction"). This module imports only the plain dataclasses of `model.py`, so any stage can import it
without importing the pipeline or another stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .model import (
    ClaimMention,
    CountMention,
    DateMention,
    Document,
    EventMention,
    Extraction,
    GroupMention,
    PlaceMention,
    Quote,
    RoleMention,
    Sentence,
)


@dataclass
class Mentions:
    """Everything the extractors found, sentence by sentence: one field per extractor of the default
    pipeline; an extractor added by configuration keeps its mentions in `extra` under its own name."""

    events: list[EventMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    groups: list[GroupMention] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # sentence index -> the outlet or person the article attributes that sentence to
    attributions: dict[int, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def put(self, kind: str, found: Any) -> None:
        """Keep what the extractor `kind` found: in its own field, else in `extra[kind]`."""
        if kind in MENTION_FIELDS:
            setattr(self, kind, found)
        else:
            self.extra[kind] = found

    def get(self, kind: str) -> Any:
        return getattr(self, kind) if kind in MENTION_FIELDS else self.extra.get(kind)


MENTION_FIELDS = frozenset(f.name for f in fields(Mentions) if f.name != "extra")


@dataclass
class Work:
    """What the stages pass along: each stage reads what earlier ones left and adds its own part."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    parsed: dict[int, Any] = field(default_factory=dict)  # sentence index -> spaCy Doc
    mentions: Mentions = field(default_factory=Mentions)
    extraction: Extraction | None = None
