"""Dates in a sentence, absolute ("June 3, 2017", "in April 2006") or relative to the publication date
("on Saturday night", "Friday's attack", "two weeks ago"), as ISO dates with a precision.

Rules, regexes only (dateparser is ~100x slower and guesses too freely):
- Absolute: "June 3, 2017", "3 June 2017", "2017-06-03" -> day; "April 2006" -> month; a bare year
  only after a preposition ("in 2006", "since 2014") -> year. A day and month without a year
  ("on June 3") take the year that puts them on or before publication, and count as relative.
- Relative, resolved against `Document.published` (none of them is returned when it is unknown):
    weekday ("on Friday", "Friday's attack", "Saturday night")   the most recent such day on or before
                                                                  publication; "last Friday" is strictly
                                                                  before it
    today, tonight, this morning / yesterday, last night         the day / the day before      (day)
    N days ago                                                   published - N                 (day)
    last week, N weeks ago                                       published - 7N, precision month: a week
                                                                 is too vague for a day, and the month of
                                                                 that day is right most of the time
    last month, N months ago, earlier this month                 (month)
    last year, N years ago, earlier this year                    (year)
  Future phrases ("next week", "tomorrow") are not returned: attacks are reported after the fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from ..model import DateMention, DatePrecision
from .numbers import parse_number

if TYPE_CHECKING:
    from ..work import Work

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Month names must be capitalised ("May", not the verb "may"); abbreviations may end in a dot.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_TIME = r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?"
_COUNT_WORD = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|a\s+few)"

_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_MDY = re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:,\s*|\s+)(?P<year>{_YEAR})\b")
_DMY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b"
)
_MD = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?!\s*(?:,\s*)?\d)")
_DM = re.compile(rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})\b(?!\s*,?\s*\d)")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b")
_YEAR_ONLY = re.compile(
    rf"\b(?:in|since|during|until|till|by|from|of|through|before|after)\s+(?:(?:early|late|mid)[- ]?)?"
    rf"(?P<year>{_YEAR})\b(?!\s*(?:%|percent|people|km|[-–]\d))",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<mod>(?i:last|this\s+past|past|next|this|coming))\s+)?(?P<weekday>{_WEEKDAY})\b(?!\s*,?\s*{_MONTH})"
    r"(?:'s|’s)?(?:\s+(?:night|morning|evening|afternoon))?",
)
_SAME_DAY = re.compile(
    r"\b(?:earlier\s+)?today\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b|\bearlier\s+in\s+the\s+day\b",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(
    r"\b(?:the\s+day\s+before\s+yesterday|yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night|"
    r"late\s+last\s+night|overnight)\b",
    re.IGNORECASE,
)
_AGO = re.compile(
    rf"\b(?P<n>{_COUNT_WORD})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE
)
_LAST_UNIT = re.compile(
    r"\b(?:(?P<last>last|past|previous)|(?P<this>(?:earlier\s+|late\s+|early\s+)?this))\s+"
    r"(?P<unit>week|month|year)\b(?!\s+(?:ago|old))",
    re.IGNORECASE,
)


def find_dates(work: Work) -> list[DateMention]:
    """Date mentions in every sentence, with document offsets; relative ones only with a publication date."""
    published = work.document.published
    found: list[DateMention] = []
    for sentence in work.sentences:
        for mention in dates_in(sentence.text, published):
            mention.start += sentence.start
            mention.end += sentence.start
            mention.sentence = sentence.index
            found.append(mention)
    return found


def dates_in(text: str, published: datetime | None = None) -> list[DateMention]:
    """Date mentions in one sentence; offsets into `text`, sentence index 0."""
    if not re.search(r"\d|day|night|ago|week|month|year|tonight|morning|afternoon|evening|"
                     r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec", text, re.IGNORECASE):
        return []
    pub = published.date() if published else None
    candidates = list(_absolute(text, pub))
    if pub is not None:
        candidates.extend(_relative(text, pub))
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[DateMention] = []
    for mention in candidates:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    kept.sort(key=lambda m: m.start)
    return kept


# --------------------------------------------------------------------------- absolute dates


def _absolute(text: str, pub: date | None) -> Iterator[DateMention]:
    for match in _ISO.finditer(text):
        day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day:
            yield _mention(text, match.start(), match.end(), day.isoformat(), "day", False)
    for pattern in (_MDY, _DMY):
        for match in pattern.finditer(text):
            day = _safe_date(int(match["year"]), _month(match["month"]), _day(match["day"]))
            if day:
                yield _mention(text, match.start(), match.end(), day.isoformat(), "day", False)
    for match in _MONTH_YEAR.finditer(text):
        yield _mention(text, match.start(), match.end(), f"{match['year']}-{_month(match['month']):02d}", "month",
                       False)
    for match in _YEAR_ONLY.finditer(text):
        yield _mention(text, match.start("year"), match.end("year"), match["year"], "year", False)
    if pub is None:
        return
    for pattern in (_MD, _DM):
        for match in pattern.finditer(text):
            day = _day_before(pub, _month(match["month"]), _day(match["day"]))
            if day:
                yield _mention(text, match.start(), match.end(), day.isoformat(), "day", True)


def _day_before(pub: date, month: int, day_of_month: int) -> date | None:
    """The date with this month and day on or before publication (a day-month has no year)."""
    for year in (pub.year, pub.year - 1):
        day = _safe_date(year, month, day_of_month)
        if day and day <= pub + timedelta(days=1):
            return day
    return None


# --------------------------------------------------------------------------- relative dates


def _relative(text: str, pub: date) -> Iterator[DateMention]:
    for match in _WEEKDAY_RE.finditer(text):
        modifier = (match["mod"] or "").lower()
        if modifier in {"next", "coming"}:
            continue
        target = _WEEKDAYS.index(match["weekday"].lower())
        back = (pub.weekday() - target) % 7
        if back == 0 and modifier in {"last", "past", "this past"}:
            back = 7
        day = pub - timedelta(days=back)
        yield _mention(text, match.start(), match.end(), day.isoformat(), "day", True)
    for match in _SAME_DAY.finditer(text):
        yield _mention(text, match.start(), match.end(), pub.isoformat(), "day", True)
    for match in _DAY_BEFORE.finditer(text):
        back = 2 if match.group(0).lower().startswith("the day before") else 1
        if match.group(0).lower() == "overnight":
            back = 0
        yield _mention(text, match.start(), match.end(), (pub - timedelta(days=back)).isoformat(), "day", True)
    for match in _AGO.finditer(text):
        n = _count(match["n"])
        if n is None:
            continue
        unit = match["unit"].lower().rstrip("s")
        yield _shifted(text, match.start(), match.end(), pub, unit, n)
    for match in _LAST_UNIT.finditer(text):
        unit = match["unit"].lower()
        yield _shifted(text, match.start(), match.end(), pub, unit, 1 if match["last"] else 0)


def _shifted(text: str, start: int, end: int, pub: date, unit: str, n: int) -> DateMention:
    if unit == "day":
        return _mention(text, start, end, (pub - timedelta(days=n)).isoformat(), "day", True)
    if unit == "week":
        return _mention(text, start, end, (pub - timedelta(days=7 * n)).isoformat()[:7], "month", True)
    if unit == "month":
        months = pub.year * 12 + (pub.month - 1) - n
        return _mention(text, start, end, f"{months // 12:04d}-{months % 12 + 1:02d}", "month", True)
    return _mention(text, start, end, f"{pub.year - n:04d}", "year", True)


def _count(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower())
    if word in {"a", "an"}:
        return 1
    if word in {"a couple of"}:
        return 2
    if word in {"a few"}:
        return 3
    return parse_number(word)


# --------------------------------------------------------------------------- helpers


def _mention(text: str, start: int, end: int, iso: str, precision: DatePrecision, relative: bool) -> DateMention:
    return DateMention(
        start=start, end=end, text=text[start:end], sentence=0, date=iso, precision=precision, relative=relative
    )


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- publication dates

_PUB_MDY = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})"
    rf"(?:,?\s+(?:at\s+)?(?:{_TIME}))?",
)
_PUB_DMY = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?P<day>{_DAY})\s+(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})"
    rf"(?:,?\s+(?:at\s+)?(?:{_TIME}))?",
)
_PUB_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_publication_date(text: str) -> datetime | None:
    """A date (and time, when given) from a metadata line: "June 4, 2017 10:48 pm",
    "Monday, August 28th, 2017", "2017-06-04T22:48:00Z". None when no date is found.

    ISO strings keep their timezone; written dates are naive (the outlet's local time)."""
    iso = _PUB_ISO.search(text)
    if iso:
        raw = iso.group(0).replace(" ", "T")
        raw = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", raw)
        try:
            return datetime.fromisoformat(raw)
        except ValueError:
            pass
    for pattern in (_PUB_MDY, _PUB_DMY):
        match = pattern.search(text)
        if match:
            day = _safe_date(int(match["year"]), _month(match["month"]), _day(match["day"]))
            if day is None:
                continue
            hour, minute = _clock(match)
            return datetime(day.year, day.month, day.day, hour, minute)
    return None


def _clock(match: re.Match[str]) -> tuple[int, int]:
    """Hour and minute when the match has a time ("10:48 pm", "22:48", "9 a.m."); midnight otherwise."""
    if not match["hour"] or not (match["minute"] or match["ampm"]):
        return 0, 0
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour, minute
