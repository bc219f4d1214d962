"""Stage 3: sentence-level mentions (placeholder until the extractors land)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Mentions

if TYPE_CHECKING:
    from ..pipeline import Work


def find_mentions(work: Work) -> Work:
    work.mentions = Mentions()
    return work
