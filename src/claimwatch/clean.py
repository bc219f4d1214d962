"""Stage 1: drop boilerplate that is not article text; read metadata the text carries (placeholder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pipeline import Work


def stage(work: Work) -> Work:
    return work
