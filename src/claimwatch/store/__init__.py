"""The store: documents, incidents, claims and their evidence, behind one interface (placeholder)."""

from __future__ import annotations


class Store:
    def __init__(self, url: str | None = None) -> None:
        raise NotImplementedError("the store lands with the storage work")
