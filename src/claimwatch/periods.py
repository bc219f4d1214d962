"""Dates as periods: the days an ISO date of some precision may mean, and whether two dates can agree.

One implementation for the resolver (is this report about the incident drafted so far?) and for linking
across documents (`store/link.py`): "2017-06" at month precision is 1..30 June 2017, "2017" at year
precision the whole year. Two dates agree when their periods overlap; two single days also when they are
one day apart (a night attack reported on either side of midnight, time zones). `told_apart` says when such
two days are still two acts: each named as a day of its own ("on Sunday", "on Monday"), neither the edge of one
night ("late Sunday", "early Monday", "overnight").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .model import DateMention

PRECISION_RANK = {"hour": 0, "day": 1, "month": 2, "year": 3}
SLACK_DAYS = 1  # two single days this far apart may name one attack

Agreement = Literal["same", "adjacent", "coarse", "unknown"]


def precision_rank(precision: str | None) -> int:
    """0 hour, 1 day, 2 month, 3 year; an unknown precision counts as coarser than all (4); None as a day."""
    if precision is None:
        return 1
    return PRECISION_RANK.get(precision, 4)


def date_range(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date may mean at its precision ("2017-06", month -> June 1..30); None
    for no date or one that does not parse."""
    if not value:
        return None
    rank = precision_rank(precision)
    try:
        year = int(value[:4])
        if rank >= 3 or len(value) < 7:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(value[5:7])
        if rank == 2 or len(value) < 10:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(value[8:10]))
    except ValueError:
        return None
    return day, day


def agreement(a: str | None, a_precision: str | None, b: str | None, b_precision: str | None) -> Agreement | None:
    """"same" (one day), "adjacent" (two days SLACK_DAYS apart at most), "coarse" (overlapping periods, one
    of them longer than a day), "unknown" (a side without a readable date), None: they cannot agree."""
    ra, rb = date_range(a, a_precision), date_range(b, b_precision)
    if ra is None or rb is None:
        return "unknown"
    if ra[0] == ra[1] and rb[0] == rb[1]:
        gap = abs((ra[0] - rb[0]).days)
        return "same" if gap == 0 else "adjacent" if gap <= SLACK_DAYS else None
    if ra[0] > rb[1] or rb[0] > ra[1]:
        return None
    return "coarse"


def compatible(a: str, a_precision: str, b: str, b_precision: str) -> bool:
    """Two dates may name the same attack (`agreement` is not None)."""
    return agreement(a, a_precision, b, b_precision) is not None


@dataclass(frozen=True)
class DayWords:
    """A language's words for days (lang/<code>/resolve.toml): `named` a day named as such ("Sunday", "3 May"),
    `late` the late end of one ("late on", "night", "evening"), `early` the early end ("early", "dawn", "a.m."),
    `overnight` a night across two days, `span` the words before a period's first day ("between", "from")."""

    named: re.Pattern[str]
    late: re.Pattern[str]
    early: re.Pattern[str]
    overnight: re.Pattern[str]
    span: re.Pattern[str]


def told_apart(a: str, a_precision: str, a_words: str, b: str, b_precision: str, b_words: str,
               words: DayWords) -> bool:
    """True when two dates one day apart name two days of two acts: both single days named as such (`a_words`,
    `b_words`: the date mentions with the words around them), and no night across them: "late Sunday" and
    "early Monday", "Sunday night" and "Monday morning", "overnight" are one attack told on either side of
    midnight; "Friday night" and "Saturday night" are two."""
    if agreement(a, a_precision, b, b_precision) != "adjacent":
        return False
    if not (words.named.search(a_words) and words.named.search(b_words)):
        return False
    if words.overnight.search(a_words) or words.overnight.search(b_words):
        return False
    earlier, later = (a_words, b_words) if a < b else (b_words, a_words)
    return not (words.late.search(earlier) and words.early.search(later))


_LIST_START = 25  # characters from a plural attack word to the first day it lists
_LIST_GAP = 12  # characters between two days listed


def listed_days(text: str, end: int, dates: list[DateMention], coordination: re.Pattern[str],
                words: DayWords) -> list[DateMention]:
    """The named single days a plural attack word ending at `end` lists right after it ("two attacks over
    Sunday and Monday", "raids on 3 and 4 May"): two or more different days joined by "and" or commas. A
    period ("between Sunday and Tuesday", "from ... to") is no list."""
    following = sorted((d for d in dates if d.start >= end and d.precision == "day"), key=lambda d: d.start)
    if not following or following[0].start - end > _LIST_START:
        return []
    if words.span.search(text[end : following[0].start]) or not words.named.search(following[0].text):
        return []
    listed = [following[0]]
    for day in following[1:]:
        gap = text[listed[-1].end : day.start]
        if len(gap) > _LIST_GAP or not coordination.match(gap) or not words.named.search(day.text):
            break
        if day.date != listed[-1].date:
            listed.append(day)
    return listed if len(listed) > 1 else []


def first_day(value: str, precision: str) -> date | None:
    span = date_range(value, precision)
    return span[0] if span else None


def last_day(value: str, precision: str) -> date | None:
    span = date_range(value, precision)
    return span[1] if span else None

