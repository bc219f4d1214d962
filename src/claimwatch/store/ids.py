"""Stable ids, derived from content hashes: rebuilding a store from the same files gives the same ids."""

from __future__ import annotations

import hashlib


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def document_id(content_hash: str) -> str:
    return f"doc-{content_hash[:16]}"


def incident_id(content_hash: str, local_id: str) -> str:
    """An incident is named after the first document that reported it, and its id inside that document."""
    return f"inc-{_digest(content_hash, local_id)}"


def claim_id(incident_id: str | None, group_key: str, content_hash: str, index: int) -> str:
    """Claims on a stored incident are named by incident and group (so they merge); others by document."""
    if incident_id:
        return f"clm-{_digest(incident_id, group_key)}"
    return f"clm-{_digest(content_hash, 'claim', index)}"


def fact_id(prefix: str, *parts: object) -> str:
    """Ids of rows that belong to one document: reports, evidence, casualty figures, quotes."""
    return f"{prefix}-{_digest(*parts)}"
