"""The date a news page's address carries ("/2016/06/30/", "/20160630/", "-2016-06-30-", "/2017-01/"), for
reports whose page and record give no publication time (htmldate and trafilatura read it the same way).

A full date (year, month, day) may stand for the publication day; a year and month alone only say the month
the report was written in. Only the path is read (never the host or the query), and only dates between 1990
and 2100 that exist on the calendar, so article numbers ("/articles/20987654") are not taken for dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from urllib.parse import urlsplit

from .model import Document

# A separator or the edge of a path segment on either side, so that digits inside longer runs are not read.
_EDGE_BEFORE = r"(?:(?<=[/_\-.])|^)"
_EDGE_AFTER = r"(?=[/_\-.]|$)"
_YEAR = r"(?P<y>19\d\d|20\d\d)"
_MONTH = r"(?P<m>0?[1-9]|1[0-2])"
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_FULL = (
    re.compile(_EDGE_BEFORE + _YEAR + r"(?P<sep>[/\-_])" + _MONTH + r"(?P=sep)" + _DAY + _EDGE_AFTER),
    re.compile(_EDGE_BEFORE + r"(?P<y>19\d\d|20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])" + _EDGE_AFTER),
)
_MONTH_ONLY = re.compile(_EDGE_BEFORE + _YEAR + r"[/\-_]" + _MONTH + r"(?=/|$)")


@dataclass(frozen=True)
class UrlDate:
    date: date
    precision: Literal["day", "month"]


def date_from_url(url: str | None) -> UrlDate | None:
    """The full date in a URL's path, else its year and month (precision "month"); None when it has neither."""
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    for pattern in _FULL:
        for match in pattern.finditer(path):
            found = _day(match)
            if found is not None:
                return UrlDate(found, "day")
    for match in _MONTH_ONLY.finditer(path):
        year, month = int(match["y"]), int(match["m"])
        if 1990 <= year <= 2100:
            return UrlDate(date(year, month, 1), "month")
    return None


def published_from_url(url: str | None) -> datetime | None:
    """The publication day a URL names in full (midnight, no time zone); None for a month alone or nothing."""
    found = date_from_url(url)
    if found is None or found.precision != "day":
        return None
    return datetime(found.date.year, found.date.month, found.date.day)


def with_url_date(document: Document) -> Document:
    """The document, its publication day read from its URL's path when neither the page nor the record gives
    one (ingest: JSON records, HTML pages, the API; the claims evaluation); a year and month alone leave it
    unset (the resolver reads them as the month the report was written in)."""
    if document.published is None:
        document.published = published_from_url(document.url)
    return document


def _day(match: re.Match[str]) -> date | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not 1990 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
