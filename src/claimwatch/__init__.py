"""Claimwatch: militant attacks and claims of responsibility, as a sourced, queryable record.

    >>> import claimwatch
    >>> result = claimwatch.extract(text, published="2017-06-04T22:48")
    >>> store = claimwatch.Store("sqlite:///claimwatch.db")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Claim, Document, Extraction, Incident, Quote
from .pipeline import extract, extract_document, extractor_version

__version__ = "0.1.0"
__all__ = [
    "Claim",
    "Document",
    "Extraction",
    "Incident",
    "Quote",
    "Store",
    "extract",
    "extract_document",
    "extractor_version",
]

if TYPE_CHECKING:
    from .store import Store


def __getattr__(name: str) -> Any:
    # The store pulls in SQLAlchemy; extraction-only users (a Spark task) do not pay for it.
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(name)
