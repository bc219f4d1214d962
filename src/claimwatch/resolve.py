"""Stage 4: group mentions into incidents and claims (placeholder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Extraction

if TYPE_CHECKING:
    from .pipeline import Work


def stage(work: Work) -> Work:
    work.extraction = Extraction(document=work.document, quotes=list(work.mentions.quotes))
    return work
