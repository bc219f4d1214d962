"""The query layer the CLI and the REST API share: one call per question, judgements read from the store.

    desk = Desk(store)
    page = desk.incidents(IncidentQuery(country="GB"), limit=50)      # .items, .total, .next_cursor
    desk.incident("inc-…")                                            # claims with their usual delay
    desk.claims(ClaimQuery(anomalous=True)); desk.groups(); desk.group("Islamic State"); desk.stats()

Claim judgements (usual delay range, anomaly) and group profiles are computed when claims are written
(`store/judgements.py`) and only read here, so no request rescans every claim. Limits on paging live
here too; the edges only translate the typed errors (`InvalidQuery`, `NotFound`, `StoreError`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from . import analytics
from .errors import InvalidQuery, NotFound
from .store.queries import IncidentFilter

if TYPE_CHECKING:
    from .store import ClaimRecord, IncidentRecord, Store

PAGE_MAX = 500
OFFSET_MAX = 10_000  # deeper pages: follow `next_cursor`, which costs the same at any depth
SEARCH_MAX = 100


IncidentQuery = IncidentFilter  # the store's one definition of the incident filters


@dataclass
class ClaimQuery:
    group: str | None = None
    since: date | None = None
    until: date | None = None
    status: str | None = None
    anomalous: bool | None = None
    min_confidence: float | None = None  # 0-1: claims at least this sure

    def filters(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Page:
    """One page of a list; `next_offset`/`next_cursor` are None on the last page."""

    items: list[Any]
    total: int | None
    limit: int
    offset: int
    next_offset: int | None = None
    next_cursor: str | None = None
    judgements: dict[str, dict[str, Any]] = field(default_factory=dict)  # claim id -> usual range, anomaly


def check_page(limit: int, offset: int, *, most: int = PAGE_MAX) -> None:
    if not 1 <= limit <= most:
        raise InvalidQuery(f"limit must be between 1 and {most}, not {limit}")
    if not 0 <= offset <= OFFSET_MAX:
        raise InvalidQuery(f"offset must be between 0 and {OFFSET_MAX:,}, not {offset}; page deeper with the cursor")


def with_judgement(claim: dict[str, Any], judged: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A claim's dict with its group's usual delay range and, when it falls outside, the anomaly."""
    return {**claim, **judged.get(str(claim.get("id")), _blank())}


def _blank() -> dict[str, Any]:
    return {"history": None, "usual_range": None, "anomaly": None}


class Desk:
    """Questions an analyst asks of a store, answered the same way for the CLI and the API."""

    def __init__(self, store: Store, *, page_max: int | None = PAGE_MAX) -> None:
        self.store = store
        self.page_max = page_max  # None: no upper bound on a page (the CLI, where the user asked for it)

    def _check(self, limit: int, offset: int, most: int | None = None) -> None:
        ceiling = most or self.page_max
        check_page(limit, offset, most=ceiling if ceiling is not None else max(limit, 1))

    # ----------------------------------------------------------------------- incidents

    def incidents(self, query: IncidentQuery, *, limit: int = 50, offset: int = 0, cursor: str | None = None,
                  count: bool = True) -> Page:
        self._check(limit, offset)
        if cursor is not None and offset:
            raise InvalidQuery("give either offset or cursor, not both")
        filters = query.filters()
        records = self.store.incidents(**filters, limit=limit + 1, offset=offset, after=cursor)
        more = len(records) > limit
        records = records[:limit]
        total = self.store.count_incidents(**filters) if count else None
        return Page(
            items=records,
            total=total,
            limit=limit,
            offset=offset,
            next_offset=offset + limit if more and cursor is None and offset + limit <= OFFSET_MAX else None,
            next_cursor=self.store.incident_cursor(records[-1]) if more else None,
        )

    def incident(self, incident_id: str) -> tuple[IncidentRecord, dict[str, dict[str, Any]]]:
        """One incident and the stored judgement of each of its claims."""
        record = self.store.incident(incident_id)
        return record, self.store.judgements([c.id for c in record.claims])

    def incident_dict(self, incident_id: str) -> dict[str, Any]:
        record, judged = self.incident(incident_id)
        data = record.to_dict()
        data["claims"] = [with_judgement(c, judged) for c in data.get("claims") or []]
        return data

    # ----------------------------------------------------------------------- claims

    def claims(self, query: ClaimQuery, *, limit: int = 50, offset: int = 0, count: bool = True) -> Page:
        self._check(limit, offset)
        filters = query.filters()
        records: list[ClaimRecord] = self.store.claims(**filters, limit=limit + 1, offset=offset)
        more = len(records) > limit
        records = records[:limit]
        total = self.store.count_claims(**filters) if count else None
        return Page(
            items=records,
            total=total,
            limit=limit,
            offset=offset,
            next_offset=offset + limit if more and offset + limit <= OFFSET_MAX else None,
            judgements=self.store.judgements([r.id for r in records]),
        )

    # ----------------------------------------------------------------------- groups and stats

    def groups(self) -> list[dict[str, Any]]:
        """Every group's stored profile, most claims first."""
        return self.store.group_profiles()

    def group(self, name: str) -> dict[str, Any]:
        """One group's profile with every claim's delay (read from the claims, judgements stored)."""
        found = self.store.group_profiles(name)
        if not found:
            raise NotFound(f"no group named {name!r}: see /api/groups (or claimwatch stats) for the names it holds")
        profile = found[0]
        points = self.store.claim_points(profile["name"])
        judged = self.store.judgements([p.id for p in points])
        kinds = {cid: (u.get("anomaly") or {}).get("kind") for cid, u in judged.items()}
        return {**profile, "delays": analytics.delay_rows(points, kinds)}

    def stats(self, *, group: str | None = None, since: date | None = None, unclaimed_days: int = 7,
              today: date | None = None) -> tuple[analytics.Summary, list[analytics.Unclaimed]]:
        """Claim-timing analytics over the whole history (light rows, no evidence), and the silent attacks."""
        summary = analytics.summarise(self.store.claim_points(), group=group, since=since,
                                      judged=self.store.anomalies())
        silent = analytics.unclaimed(self.store.unclaimed_candidates(since), days=unclaimed_days, today=today)
        return summary, silent

    # ----------------------------------------------------------------------- documents and search

    def documents(self, *, limit: int = 50, offset: int = 0) -> Page:
        self._check(limit, offset)
        found = self.store.documents(limit=limit + 1, offset=offset)
        more = len(found) > limit
        return Page(items=found[:limit], total=None, limit=limit, offset=offset,
                    next_offset=offset + limit if more and offset + limit <= OFFSET_MAX else None)

    def search(self, query: str, *, limit: int = 20) -> list[Any]:
        self._check(limit, 0, SEARCH_MAX if self.page_max else None)
        return list(self.store.search(query, limit=limit))
