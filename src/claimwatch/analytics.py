"""Claim-timing analytics: how fast each group claims, through which channel, and which claims break the pattern.

Pure functions over claim and incident records (the store's `ClaimRecord` / `IncidentRecord`, their
`to_dict()` output, or any mapping with the same keys), so the CLI, the REST API and the tests share them.

How a delay's uncertainty is carried (never dropped):

    A delay is read as an interval [low, high] in hours. "26 hours" is [26, 26]; "a little more than
    24 hours" stored as min=24 is [24, 24] with `open_high`; "between 20 and 30 hours" is [20, 30].
    Its *point* is `value` when given, else the midpoint of min/max, else the one known bound.

    Every statistic (median, Q1, Q3) is computed three times: over the points (the headline number),
    over the low bounds and over the high bounds. The result is a `Spread(value, low, high)`: the
    headline and the range the statistic could take given how loosely each delay is known.

How a claim is flagged as unusual (the anomaly rule):

    Take the same group's *earlier* claims (incident date strictly before this claim's incident date)
    with a known delay. With at least `MIN_HISTORY` (5) of them, compute Q1 and Q3 of their points and
    the Tukey fences [Q1 - 1.5 IQR, Q3 + 1.5 IQR]. The claim is `late` when even its low bound lies
    above the upper fence, `early` when even its high bound lies below the lower fence. A claim whose
    interval straddles a fence is not flagged: the data cannot tell. Only claims a group made itself
    (`claimed`, or `disputed` when another group claims the same attack) count and are judged.
"""

from __future__ import annotations

import statistics
from bisect import insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import Any, Literal

MIN_HISTORY = 5
# Statuses in which a group says it did it. The store marks competing claims `disputed`: each is still
# that group's claim, with its own delay. Denials and "suspected" attributions by others are not claims.
CLAIMING = frozenset({"claimed", "disputed"})
FENCE_FACTOR = 1.5
LINKS = ("directed", "inspired", "unclear")

AnomalyKind = Literal["late", "early"]
Period = Literal["year", "month"]


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Delay:
    """A claim delay in hours as an interval; `point` is the headline value."""

    point: float
    low: float
    high: float
    open_high: bool = False  # only a lower bound was reported ("more than 24 hours")

    @property
    def exact(self) -> bool:
        return self.low == self.high and not self.open_high

    def describe(self) -> str:
        if self.exact:
            return f"{_hours(self.point)} h"
        if self.open_high:
            return f"more than {_hours(self.low)} h"
        return f"{_hours(self.low)}–{_hours(self.high)} h"


@dataclass(frozen=True)
class ClaimPoint:
    """The few fields of a claim that analytics reads."""

    id: str
    group: str | None
    channel: str | None
    delay: Delay | None
    link: str
    status: str
    incident_id: str | None
    incident_date: date | None


def delay_from(raw: Any) -> Delay | None:
    """Read a `Range`-like value (object or mapping with value/min/max); None when nothing is known."""
    if raw is None:
        return None
    value, low, high = (_num(_get(raw, key)) for key in ("value", "min", "max"))
    if value is None and low is None and high is None:
        return None
    lo = low if low is not None else value if value is not None else high
    hi = high if high is not None else value if value is not None else low
    assert lo is not None and hi is not None
    if lo > hi:
        lo, hi = hi, lo
    point = value if value is not None else (lo + hi) / 2
    return Delay(point=point, low=min(lo, point), high=max(hi, point), open_high=high is None and value is None)


def claim_point(record: Any) -> ClaimPoint:
    """Adapt a `ClaimRecord`, its `to_dict()`, or any mapping with the same keys (a `ClaimPoint` as is)."""
    if isinstance(record, ClaimPoint):
        return record
    raw = record.to_dict() if hasattr(record, "to_dict") else record
    group = raw.get("group")
    group_name = group.get("name") if isinstance(group, Mapping) else group
    return ClaimPoint(
        id=str(raw.get("id", "")),
        group=group_name or None,
        channel=raw.get("channel") or None,
        delay=delay_from(raw.get("delay_hours")),
        link=raw.get("link") or "unclear",
        status=raw.get("status") or "claimed",
        incident_id=raw.get("incident_id"),
        incident_date=parse_date(raw.get("incident_date")),
    )


def claim_points(records: Iterable[Any]) -> list[ClaimPoint]:
    return [claim_point(r) for r in records]


# --------------------------------------------------------------------------- distributions


@dataclass(frozen=True)
class Spread:
    """A statistic over the points, and the same statistic over the low and the high bounds."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class DelayStats:
    n: int
    median: Spread
    q1: Spread
    q3: Spread
    min: float
    max: float
    uncertain: int  # how many of the n delays are ranges or open-ended, not exact

    @property
    def iqr(self) -> float:
        return self.q3.value - self.q1.value

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "iqr": self.iqr}


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """Q1, median, Q3 (inclusive method: a single value is its own quartiles)."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def delay_stats(delays: Iterable[Delay]) -> DelayStats | None:
    """Count, median and quartiles of some delays, carrying their uncertainty; None for no delays."""
    items = list(delays)
    if not items:
        return None
    points = quartiles([d.point for d in items])
    lows = quartiles([d.low for d in items])
    highs = quartiles([d.high for d in items])
    q1, q2, q3 = (Spread(points[i], lows[i], highs[i]) for i in range(3))
    return DelayStats(
        n=len(items),
        median=q2,
        q1=q1,
        q3=q3,
        min=min(d.low for d in items),
        max=max(d.high for d in items),
        uncertain=sum(not d.exact for d in items),
    )


def delay_stats_by(points: Iterable[ClaimPoint], key: Literal["group", "channel"]) -> dict[str, DelayStats]:
    """Delay statistics per group or per channel, over claims (CLAIMING) with a known delay."""
    buckets: dict[str, list[Delay]] = defaultdict(list)
    for p in points:
        if p.status in CLAIMING and p.delay is not None:
            buckets[(p.group if key == "group" else p.channel) or "unknown"].append(p.delay)
    result = {name: delay_stats(delays) for name, delays in sorted(buckets.items())}
    return {name: s for name, s in result.items() if s is not None}


# --------------------------------------------------------------------------- anomalies


@dataclass(frozen=True)
class Anomaly:
    claim_id: str
    kind: AnomalyKind
    delay: Delay
    fence: tuple[float, float]
    history: DelayStats
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "kind": self.kind,
            "delay": asdict(self.delay),
            "usual_range": list(self.fence),
            "history": self.history.to_dict(),
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Usual:
    """What a group's earlier claims say is usual, as seen from one claim."""

    claim_id: str
    history: DelayStats | None  # None: fewer than MIN_HISTORY earlier claims with a delay
    fence: tuple[float, float] | None
    anomaly: Anomaly | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "history": self.history.to_dict() if self.history else None,
            "usual_range": list(self.fence) if self.fence else None,
            "anomaly": self.anomaly.to_dict() if self.anomaly else None,
        }


def judge(point: ClaimPoint, history: list[Delay], *, min_history: int = MIN_HISTORY) -> Usual:
    """Compare one claim's delay with earlier delays of its group (the rule in the module docstring)."""
    return judge_against(point, delay_stats(history) if len(history) >= min_history else None)


def judge_against(point: ClaimPoint, stats: DelayStats | None) -> Usual:
    """`judge` with the history already summed up (None: too little history to judge)."""
    if stats is None:
        return Usual(point.id, None, None, None)
    fence = (max(0.0, stats.q1.value - FENCE_FACTOR * stats.iqr), stats.q3.value + FENCE_FACTOR * stats.iqr)
    kind: AnomalyKind | None = None
    if point.delay is not None and point.status in CLAIMING:
        if point.delay.low > fence[1]:
            kind = "late"
        elif point.delay.high < fence[0] and not point.delay.open_high:
            kind = "early"
    anomaly = None
    if kind is not None and point.delay is not None:
        anomaly = Anomaly(point.id, kind, point.delay, fence, stats, anomaly_sentence(point, stats))
    return Usual(point.id, stats, fence, anomaly)


def anomaly_sentence(point: ClaimPoint, history: DelayStats) -> str:
    """'claimed 26 h after the attack; Islamic State's median is 13 h (n=41)'."""
    assert point.delay is not None
    return (
        f"claimed {point.delay.describe()} after the attack; "
        f"{point.group or 'the group'}'s median is {_hours(history.median.value)} h (n={history.n})"
    )


def usual_ranges(points: Iterable[ClaimPoint], *, min_history: int = MIN_HISTORY) -> dict[str, Usual]:
    """Every claim judged against its own group's earlier claims; keyed by claim ID.

    Each group's claims are walked in incident-date order while the earlier delays are kept sorted, so
    a group of n claims costs n log n (plus the inserts), not n² history scans.
    """
    by_group: dict[str, list[ClaimPoint]] = defaultdict(list)
    for p in points:
        by_group[p.group or ""].append(p)
    result: dict[str, Usual] = {}
    for group, members in by_group.items():
        undated = [p for p in members if not group or p.incident_date is None]
        for p in undated:
            result[p.id] = judge_against(p, None)
        dated = sorted((p for p in members if group and p.incident_date is not None),
                       key=lambda p: p.incident_date or date.min)
        history = _History()
        for _, same_day in groupby(dated, key=lambda p: p.incident_date):
            block = list(same_day)
            stats = history.stats() if history.n >= min_history else None
            for p in block:  # claims of one day share their history: the days strictly before
                result[p.id] = judge_against(p, stats)
            for p in block:
                if p.delay is not None and p.status in CLAIMING:
                    history.add(p.delay)
    return {p.id: result[p.id] for members in by_group.values() for p in members}  # grouped, in input order


class _History:
    """The earlier delays of a group, kept sorted so their quartiles cost no sort."""

    def __init__(self) -> None:
        self.points: list[float] = []
        self.lows: list[float] = []
        self.highs: list[float] = []
        self.uncertain = 0

    @property
    def n(self) -> int:
        return len(self.points)

    def add(self, delay: Delay) -> None:
        insort(self.points, delay.point)
        insort(self.lows, delay.low)
        insort(self.highs, delay.high)
        self.uncertain += not delay.exact

    def stats(self) -> DelayStats:
        points, lows, highs = (_sorted_quartiles(v) for v in (self.points, self.lows, self.highs))
        q1, q2, q3 = (Spread(points[i], lows[i], highs[i]) for i in range(3))
        return DelayStats(n=self.n, median=q2, q1=q1, q3=q3, min=self.lows[0], max=self.highs[-1],
                          uncertain=self.uncertain)


def _sorted_quartiles(data: list[float]) -> tuple[float, float, float]:
    """`quartiles` of data already sorted: the same arithmetic as `statistics.quantiles(method="inclusive")`."""
    if len(data) == 1:
        return data[0], data[0], data[0]
    m = len(data) - 1
    result = []
    for i in (1, 2, 3):
        j, delta = divmod(i * m, 4)
        result.append((data[j] * (4 - delta) + data[j + 1] * delta) / 4)
    return result[0], result[1], result[2]


def anomalies(points: Iterable[ClaimPoint], *, min_history: int = MIN_HISTORY) -> list[Anomaly]:
    return [u.anomaly for u in usual_ranges(points, min_history=min_history).values() if u.anomaly]


# --------------------------------------------------------------------------- group profiles


def group_profile(name: str, wikidata_id: str | None, points: Iterable[ClaimPoint], judged: Mapping[str, Usual]
                  ) -> dict[str, Any]:
    """One group's delay statistics, channels, wording over time and anomalies (what `/api/groups` shows)."""
    mine = [p for p in points if p.group == name]
    flagged = [a for p in mine if p.id in judged and (a := judged[p.id].anomaly) is not None]
    stats = delay_stats_by(mine, "group").get(name)
    return {
        "name": name,
        "wikidata_id": wikidata_id,
        "claims": len(mine),
        "delay": stats.to_dict() if stats else None,
        "by_channel": {k: v.to_dict() for k, v in delay_stats_by(mine, "channel").items()},
        "link_shares": link_shares(mine).get(name, {}),
        "anomalies": [a.to_dict() for a in flagged],
    }


def delay_rows(points: Iterable[ClaimPoint], anomaly_kinds: Mapping[str, str | None]) -> list[dict[str, Any]]:
    """Every claim's delay, for a group's page: one row per claim, with its anomaly kind if any."""
    return [
        {
            "claim_id": p.id,
            "incident_id": p.incident_id,
            "incident_date": p.incident_date.isoformat() if p.incident_date else None,
            "channel": p.channel,
            "status": p.status,
            "link": p.link,
            "delay": asdict(p.delay) if p.delay else None,
            "anomaly": anomaly_kinds.get(p.id),
        }
        for p in points
    ]


# --------------------------------------------------------------------------- wording, conflicts, silence


def link_shares(points: Iterable[ClaimPoint], *, period: Period = "year") -> dict[str, dict[str, dict[str, int]]]:
    """group -> period ("2017" or "2017-06") -> counts of directed / inspired / unclear claims."""
    table: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for p in points:
        if p.status not in CLAIMING or p.group is None:
            continue
        when = "unknown"
        if p.incident_date is not None:
            when = str(p.incident_date.year) if period == "year" else p.incident_date.strftime("%Y-%m")
        table[p.group][when][p.link if p.link in LINKS else "unclear"] += 1
    return {
        group: {when: {link: counts[link] for link in LINKS} for when, counts in sorted(periods.items())}
        for group, periods in sorted(table.items())
    }


@dataclass(frozen=True)
class Conflict:
    """An incident whose claims disagree: several groups claim it, or a group denies it."""

    incident_id: str
    claimed_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)

    @property
    def competing(self) -> bool:
        return len(self.claimed_by) > 1

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "competing": self.competing}


def conflicts(points: Iterable[ClaimPoint]) -> list[Conflict]:
    """Incidents claimed by more than one group, and incidents with a denial."""
    claimed: dict[str, set[str]] = defaultdict(set)
    denied: dict[str, set[str]] = defaultdict(set)
    for p in points:
        if p.incident_id is None or p.group is None:
            continue
        if p.status in CLAIMING:
            claimed[p.incident_id].add(p.group)
        elif p.status == "denied":
            denied[p.incident_id].add(p.group)
    ids = sorted(set(claimed) | set(denied))
    found = [Conflict(i, sorted(claimed[i]), sorted(denied[i])) for i in ids]
    return [c for c in found if c.competing or c.denied_by]


@dataclass(frozen=True)
class Unclaimed:
    incident_id: str
    date: date
    days: int
    place: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"incident_id": self.incident_id, "date": self.date.isoformat(), "days": self.days, "place": self.place}


def unclaimed(incidents: Iterable[Any], *, days: int = 7, today: date | None = None) -> list[Unclaimed]:
    """Incidents at least `days` old that no group has claimed (CLAIMING): the attacks nobody has owned."""
    today = today or date.today()
    result = []
    for record in incidents:
        raw = record.to_dict() if hasattr(record, "to_dict") else record
        when = parse_date(raw.get("date"))
        if when is None or today - when < timedelta(days=days):
            continue
        if any((c.get("status") or "claimed") in CLAIMING for c in raw.get("claims") or []):
            continue
        place = raw.get("place") or {}
        result.append(Unclaimed(str(raw.get("id")), when, (today - when).days, place.get("name")))
    return sorted(result, key=lambda u: u.date)


# --------------------------------------------------------------------------- one summary for CLI and API


@dataclass
class Summary:
    by_group: dict[str, DelayStats]
    by_channel: dict[str, DelayStats]
    anomalies: list[Anomaly]
    link_shares: dict[str, dict[str, dict[str, int]]]
    conflicts: list[Conflict]
    claims: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "by_group": {k: v.to_dict() for k, v in self.by_group.items()},
            "by_channel": {k: v.to_dict() for k, v in self.by_channel.items()},
            "anomalies": [a.to_dict() for a in self.anomalies],
            "link_shares": self.link_shares,
            "conflicts": [c.to_dict() for c in self.conflicts],
        }


def summarise(records: Iterable[Any], *, group: str | None = None, since: date | None = None) -> Summary:
    """Everything `claimwatch stats` and `/api/stats` show. Anomalies are judged on the whole history,
    then filtered to `group` / `since`, so a filter never hides the earlier claims a judgement needs."""
    points = claim_points(records)
    flagged = anomalies(points)
    shown = [
        p
        for p in points
        if (group is None or (p.group or "").casefold() == group.casefold())
        and (since is None or (p.incident_date is not None and p.incident_date >= since))
    ]
    shown_ids = {p.id for p in shown}
    return Summary(
        by_group=delay_stats_by(shown, "group"),
        by_channel=delay_stats_by(shown, "channel"),
        anomalies=[a for a in flagged if a.claim_id in shown_ids],
        link_shares=link_shares(shown),
        conflicts=conflicts(shown),
        claims=len(shown),
    )


# --------------------------------------------------------------------------- helpers


def parse_date(raw: Any) -> date | None:
    """An ISO date or datetime (or a date object); partial dates ("2017-06") count from their first day."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw)
    for size, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return date.fromisoformat(text[:size] + suffix)
        except ValueError:
            continue
    return None


def _get(raw: Any, key: str) -> Any:
    return raw.get(key) if isinstance(raw, Mapping) else getattr(raw, key, None)


def _num(raw: Any) -> float | None:
    return None if raw is None else float(raw)


def _hours(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"
