"""Dates in a sentence, absolute ("June 3, 2017", "in April 2006") or relative to the publication date
("on Saturday night", "Friday's attack", "two weeks ago"), as ISO dates with a precision.

Rules, regexes only (dateparser is ~100x slower and guesses too freely):
- Absolute: "June 3, 2017", "3 June 2017", "2017-06-03" -> day; "April 2006" -> month; a bare year
  only after a preposition ("in 2006", "since 2014") -> year. A day and month without a year
  ("on June 3") take the year that puts them on or before publication, and count as relative.
- Relative, resolved against `Document.published` (none of them is returned when it is unknown; where the
  report's address names only its month, those that every day of that month resolves alike):
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
- Chained (lang `chained_back` / `chained_forward`): a day counted from another date of the report ("claimed
  on Monday an attack the day before", "a day earlier", "came a day after a bombing", "the following day",
  "two days later", "a week earlier"), from the last day named before it in the sentence, else the last day
  the sentences before named; a day counted back falls back on publication, one counted forward never does.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from .. import lang
from ..model import DateMention, DatePrecision
from ..url_dates import date_from_url
from .numbers import parse_number

if TYPE_CHECKING:
    from ..work import Work

_TIME = r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?"
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")


@dataclass(frozen=True)
class _Words:
    """The date words of one language (`lang/<code>/dates.toml`), compiled once."""

    language: str
    months: dict[str, int]
    weekdays: dict[str, int]  # every form of a weekday -> 0 (Monday) .. 6
    future: frozenset[str]
    strictly_before: frozenset[str]
    count_words: dict[str, int]
    units: dict[str, str]
    month: str
    weekday: str
    day: str
    year: str
    prefilter: re.Pattern[str]
    mdy: re.Pattern[str]
    dmy: re.Pattern[str]
    md: re.Pattern[str]
    dm: re.Pattern[str]
    month_year: re.Pattern[str]
    weekday_mention: re.Pattern[str]
    year_only: re.Pattern[str]
    year_attributive: re.Pattern[str]
    same_day: re.Pattern[str]
    day_before: re.Pattern[str]
    two_days_before: re.Pattern[str]
    same_night: re.Pattern[str]
    ago: re.Pattern[str]
    last_unit: re.Pattern[str]
    month_alone: re.Pattern[str]
    # A weekday right before a day and month ("mardi 12 mars", "Tuesday, March 12", "am Dienstag, den 12. März"):
    # one short word (an article) may stand between.
    weekday_before: re.Pattern[str]
    chained_back: re.Pattern[str] | None = None  # "the day before", "a day earlier" (counted from another date)
    chained_forward: re.Pattern[str] | None = None  # "the following day", "two days later"
    # A night between two days ("la nuit du 9 au 10 février", "in der Nacht zum Samstag"): dated on its first day.
    night_days: re.Pattern[str] | None = None  # with day numbers: groups d1, m1, wd1 (optional), d2, m2, y, wd2
    night_weekdays: re.Pattern[str] | None = None  # weekdays only: wd1 (optional), wd2
    weekday_last_week: re.Pattern[str] | None = None  # "Thursday of last week": group weekday
    season: re.Pattern[str] | None = None  # "last fall", "this summer": groups last, this, season
    season_year: re.Pattern[str] | None = None  # "in the summer of 2017": groups season, year
    weekend: re.Pattern[str] | None = None  # "over the weekend", "last weekend"
    seasons: dict[str, int] | None = None  # season word -> the month it starts in
    month_same_year: re.Pattern[str] | None = None  # "October of the same year": group month


@functools.lru_cache(maxsize=16)
def words(language: str | None = None) -> _Words:
    """The compiled date words of `language` (English where it has none of its own)."""
    res = lang.resources(language)
    data = res.section("dates")
    cased = {key: res.pattern("dates", key, flags=0) for key in ("mdy", "dmy", "md", "dm", "month_year",
                                                                  "weekday_mention", "month_alone")}
    uncased = {key: res.pattern("dates", key) for key in ("prefilter", "year_only", "year_attributive", "same_day",
                                                          "day_before", "two_days_before", "same_night", "ago",
                                                          "last_unit")}
    def chained(key: str) -> re.Pattern[str] | None:  # English's words only where a language wrote its own
        return res.pattern("dates", key) if res.defines("dates", key) else None

    return _Words(
        language=res.code,
        months={str(k): int(v) for k, v in data["months"].items()},
        weekdays={form.lower(): index for index, forms in enumerate(data["weekdays"]["names"]) for form in forms},
        future=frozenset(data["weekdays"]["future"]),
        strictly_before=frozenset(data["weekdays"]["strictly_before"]),
        count_words={str(k): int(v) for k, v in data["count_words"].items()},
        units={str(k): str(v) for k, v in data["units"].items()},
        month=res.text("dates", "month"),
        weekday=res.text("dates", "weekday"),
        day=res.text("dates", "day"),
        year=res.text("dates", "year"),
        **cased,
        **uncased,
        weekday_before=re.compile(rf"(?<!\w)(?P<weekday>{res.text('dates', 'weekday')})[,.]?\s+(?:\w{{1,3}}\s+)?$",
                                  re.IGNORECASE),
        chained_back=chained("chained_back"),
        chained_forward=chained("chained_forward"),
        night_days=chained("night_days"),
        night_weekdays=chained("night_weekdays"),
        weekday_last_week=chained("weekday_last_week"),
        season=chained("season"),
        season_year=chained("season_year"),
        weekend=chained("weekend"),
        seasons={str(k): int(v) for k, v in data["seasons"].items()} if "seasons" in data else None,
        month_same_year=res.pattern("dates", "month_same_year", flags=0) if res.defines("dates", "month_same_year")
        else None,
    )


# How far into the text a written date may stand and still date the report ("COTONOU, April 24, 2025 —").
_OPENING = 300


def find_dates(work: Work) -> list[DateMention]:
    """Date mentions in every sentence, with document offsets; relative ones only with a publication date,
    or, where the page gives none, the full date the report opens with (its dateline or first caption)."""
    published = work.document.published or opening_date(work)
    month = None if published is not None else _month_of_address(work.document.url)
    # Nothing dates the report: a day its weekday gives the year of ("mardi 12 mars") gives it to the days
    # written without one ("le 8 mars"), none of which can be after the latest such day.
    hint = None if published is not None or month is not None else _latest_weekday_day(work)
    found: list[DateMention] = []
    previous: date | None = None  # the last day named in the sentences before, for "the following day"
    year: int | None = None  # the year of the last date named before, for "October of the same year"
    for sentence in work.sentences:
        if month is not None:
            mentions = _read_against_month(sentence.text, month, work.document.language)
        else:
            mentions = dates_in(sentence.text, published, work.document.language, previous=previous, year=year,
                                year_hint=hint)
        days = [m for m in mentions if m.precision == "day"]
        previous = date.fromisoformat(days[-1].date) if days else previous
        year = int(mentions[-1].date[:4]) if mentions else year
        for mention in mentions:
            mention.start += sentence.start
            mention.end += sentence.start
            mention.sentence = sentence.index
            found.append(mention)
    return found


def _month_of_address(url: str | None) -> tuple[datetime, datetime] | None:
    """The first and last day of the month a report's address names ("/2017-06/"), when it names no day."""
    found = date_from_url(url)
    if found is None or found.precision != "month":
        return None
    first = datetime(found.date.year, found.date.month, 1)
    return first, datetime(first.year, first.month, calendar.monthrange(first.year, first.month)[1])


def _read_against_month(text: str, month: tuple[datetime, datetime], language: str | None) -> list[DateMention]:
    """Dates in a sentence of a report known to be written in `month` only: a relative date is kept where any
    day of the month gives it ("im November des vergangenen Jahres", "last year"), not "on Friday"."""
    early = dates_in(text, month[0], language)
    late = {(m.start, m.end, m.date, m.precision) for m in dates_in(text, month[1], language)}
    return [m for m in early if (m.start, m.end, m.date, m.precision) in late]


def _latest_weekday_day(work: Work) -> date | None:
    """The latest day the report writes with its weekday but no year ("jeudi 9 février"), its year the latest
    up to today with that weekday on that day (`year_of_weekday`)."""
    days = [date.fromisoformat(m.date) for sentence in work.sentences
            for m in dates_in(sentence.text, None, work.document.language) if m.relative and m.precision == "day"]
    return max(days, default=None)


def opening_date(work: Work) -> datetime | None:
    """The first full date (day, month and year) written in the report's opening characters: where the page
    gives no publication time, the day the report speaks from ("Monday" is read against it)."""
    for sentence in work.sentences:
        if sentence.start >= _OPENING:
            break
        for mention in dates_in(sentence.text, None, work.document.language):
            if mention.precision == "day" and not mention.relative and sentence.start + mention.start < _OPENING:
                return datetime.fromisoformat(mention.date)
    return None


def dates_in(text: str, published: datetime | None = None, language: str | None = None,
             previous: date | None = None, year_hint: date | None = None,
             year: int | None = None) -> list[DateMention]:
    """Date mentions in one sentence; offsets into `text`, sentence index 0. `previous`: the last day the
    sentences before named, which "the following day" and "a day earlier" may count from. `year_hint`: without
    a publication date, a day the report cannot be older than, which gives a day and month their year."""
    w = words(language)
    if not w.prefilter.search(text):
        return []
    pub = published.date() if published else None
    candidates = list(_absolute(w, text, pub, year_hint))
    if pub is not None:
        candidates.extend(_relative(w, text, pub))
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[DateMention] = []
    for mention in candidates:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    kept.sort(key=lambda m: m.start)
    same_year = list(_same_year(w, text, kept, year))  # over the month alone it contains ("in March that year")
    kept = [k for k in kept if all(k.end <= m.start or k.start >= m.end for m in same_year)] + same_year
    kept.sort(key=lambda m: m.start)
    chained = list(_chained(w, text, kept, previous, pub))
    if chained:
        kept = sorted([*kept, *(c for c in chained
                                if all(c.end <= k.start or c.start >= k.end for k in kept))], key=lambda m: m.start)
    return kept


def _same_year(w: _Words, text: str, found: list[DateMention], year: int | None) -> Iterator[DateMention]:
    """"October of the same year", "in March that year": the month of the year last named before it in the
    sentence, else in the sentences before."""
    if w.month_same_year is None:
        return
    for match in w.month_same_year.finditer(text):
        before = [m for m in found if m.end <= match.start()]
        named = int(before[-1].date[:4]) if before else year
        if named is not None:
            yield _mention(text, match.start(), match.end(), f"{named:04d}-{_month(match['month'], w):02d}", "month",
                           True)


def _chained(w: _Words, text: str, found: list[DateMention], previous: date | None,
             pub: date | None) -> Iterator[DateMention]:
    """Days counted from another date ("on Monday claimed an attack the day before"; "a day earlier"; "the
    following day"): from the last day named before the phrase in the sentence, else the day the sentences
    before named last; a day counted back falls back on publication."""
    for pattern, sign in ((w.chained_back, -1), (w.chained_forward, 1)):
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            before = [m for m in found if m.end <= match.start() and m.precision == "day"]
            anchor = date.fromisoformat(before[-1].date) if before else previous
            if anchor is None and sign < 0:
                anchor = pub
            word = next((g for g in match.groups() if g), None)
            n = 1 if word is None else _count(w, word)
            if anchor is None or n is None:
                continue
            if match.groupdict().get("weeks"):  # "a week earlier", "two weeks later"
                n *= 7
            day = anchor + timedelta(days=sign * n)
            yield _mention(text, match.start(), match.end(), day.isoformat(), "day", True)


# --------------------------------------------------------------------------- absolute dates


def _absolute(w: _Words, text: str, pub: date | None, year_hint: date | None = None) -> Iterator[DateMention]:
    for match in _ISO.finditer(text):
        day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day:
            yield _mention(text, match.start(), match.end(), day.isoformat(), "day", False)
    for pattern in (w.mdy, w.dmy):
        for match in pattern.finditer(text):
            day = _safe_date(int(match["year"]), _month(match["month"], w), _day(match["day"]))
            if day:
                yield _mention(text, match.start(), match.end(), day.isoformat(), "day", False)
    for match in w.month_year.finditer(text):
        yield _mention(text, match.start(), match.end(), f"{match['year']}-{_month(match['month'], w):02d}",
                       "month", False)
    for pattern in (w.year_only, w.year_attributive):
        for match in pattern.finditer(text):
            yield _mention(text, match.start("year"), match.end("year"), match["year"], "year", False)
    if w.season_year is not None and w.seasons is not None:
        for match in w.season_year.finditer(text):
            yield _mention(text, match.start(), match.end(), match["year"], "year", False)
    yield from _nights(w, text, pub or year_hint)
    for pattern in (w.md, w.dm):
        for match in pattern.finditer(text):
            month, day_of_month = _month(match["month"], w), _day(match["day"])
            weekday = w.weekday_before.search(text[max(0, match.start() - 20) : match.start()])
            if pub is None and weekday is not None:
                # "mardi 12 mars" in a report nothing else dates: the weekday gives the year.
                day = year_of_weekday(month, day_of_month, w.weekdays[weekday["weekday"].lower()])
                start = max(0, match.start() - 20) + weekday.start()
            else:
                reference = pub or year_hint
                day = _day_before(reference, month, day_of_month) if reference else None
                start = match.start()
            if day:
                yield _mention(text, start, match.end(), day.isoformat(), "day", True)


# How many years back a weekday may put a day and month ("jeudi 9 février"): the weekdays of a date repeat
# within 11 years, and a report found without a date is not older than that.
_WEEKDAY_YEARS = 12


def today() -> date:
    """The day the pipeline runs (tests replace it)."""
    return date.today()


def year_of_weekday(month: int, day_of_month: int, weekday: int, until: date | None = None) -> date | None:
    """The latest day up to `until` (today) with this month, day and weekday (0 = Monday): "mardi 12 mars" in a
    report nothing else dates."""
    until = until or today()
    for year in range(until.year, until.year - _WEEKDAY_YEARS, -1):
        day = _safe_date(year, month, day_of_month)
        if day is not None and day <= until and day.weekday() == weekday:
            return day
    return None


def _nights(w: _Words, text: str, reference: date | None) -> Iterator[DateMention]:
    """A night between two days, dated on its first, the day it began ("in der Nacht zum 10. Februar" is the 9th):
    "la nuit du 9 au 10 février", "la noche del 9 al 10 de febrero", "the night of 9 to 10 February"."""
    if w.night_days is None:
        return
    for match in w.night_days.finditer(text):
        if not (match["m2"] or match["m1"]):
            continue
        month2, day2 = _month(match["m2"] or match["m1"] or "", w), _day(match["d2"])
        if match["y"]:
            second = _safe_date(int(match["y"]), month2, day2)
        elif reference is not None:
            second = _day_before(reference, month2, day2)
        elif match["wd2"] or match["wd1"]:
            second = year_of_weekday(month2, day2, w.weekdays[match["wd2"].lower()]) if match["wd2"] else None
            if second is None and match["wd1"] and match["d1"]:  # only the first day has its weekday
                first = year_of_weekday(month2, _day(match["d1"]), w.weekdays[match["wd1"].lower()])
                second = first + timedelta(days=1) if first else None
        else:
            second = None
        if second is None:
            continue
        first = second - timedelta(days=1)
        if match["d1"]:
            month1 = _month(match["m1"], w) if match["m1"] else None
            day1 = _day(match["d1"])
            if month1 is None:
                month1 = second.month if day1 < day2 else (second.month - 2) % 12 + 1
            year1 = second.year - (1 if month1 > second.month else 0)
            first = _safe_date(year1, month1, day1) or first
        yield _mention(text, match.start(), match.end(), first.isoformat(), "day", not match["y"])


def _day_before(pub: date, month: int, day_of_month: int) -> date | None:
    """The date with this month and day on or before publication (a day-month has no year)."""
    for year in (pub.year, pub.year - 1):
        day = _safe_date(year, month, day_of_month)
        if day and day <= pub + timedelta(days=1):
            return day
    return None


# --------------------------------------------------------------------------- relative dates


def _relative(w: _Words, text: str, pub: date) -> Iterator[DateMention]:
    if w.night_weekdays is not None:
        for match in w.night_weekdays.finditer(text):
            # "dans la nuit de jeudi à vendredi": the first weekday; "in der Nacht zum Samstag": the day before.
            if match["wd1"]:
                day = pub - timedelta(days=(pub.weekday() - w.weekdays[match["wd1"].lower()]) % 7)
            else:
                day = pub - timedelta(days=(pub.weekday() - w.weekdays[match["wd2"].lower()]) % 7 + 1)
            yield _mention(text, match.start(), match.end(), day.isoformat(), "day", True)
    for match in w.weekday_mention.finditer(text):
        modifier = re.sub(r"\s+", " ", (match["mod"] or "").lower())
        if modifier in w.future:
            continue
        target = w.weekdays[match["weekday"].lower()]
        back = (pub.weekday() - target) % 7
        if back == 0 and modifier in w.strictly_before:
            back = 7
        day = pub - timedelta(days=back)
        yield _mention(text, match.start(), match.end(), day.isoformat(), "day", True)
    if w.weekday_last_week is not None:
        for match in w.weekday_last_week.finditer(text):
            # "Thursday of last week": that weekday in the week (Monday to Sunday) before publication's
            day = pub - timedelta(days=pub.weekday() + 7 - w.weekdays[match["weekday"].lower()])
            yield _mention(text, match.start(), match.end(), day.isoformat(), "day", True)
    for match in w.same_day.finditer(text):
        yield _mention(text, match.start(), match.end(), pub.isoformat(), "day", True)
    for match in w.day_before.finditer(text):
        back = 2 if w.two_days_before.search(match.group(0)) else 1
        if w.same_night.search(match.group(0)):
            back = 0
        yield _mention(text, match.start(), match.end(), (pub - timedelta(days=back)).isoformat(), "day", True)
    for match in w.ago.finditer(text):
        n = _count(w, match["n"])
        unit = _unit(w, match["unit"])
        if n is None or unit is None:
            continue
        yield _shifted(text, match.start(), match.end(), pub, unit, n)
    for match in w.month_alone.finditer(text):
        # "en juin dernier", "im April": the latest such month up to publication ("des vergangenen Jahres": of
        # the year before).
        month = _month(match["month"], w)
        year = pub.year - 1 if match["prev"] else pub.year - (1 if month > pub.month else 0)
        yield _mention(text, match.start(), match.end(), f"{year:04d}-{month:02d}", "month", True)
    for match in w.last_unit.finditer(text):
        unit = _unit(w, match["unit"])
        if unit is None:
            continue
        yield _shifted(text, match.start(), match.end(), pub, unit, 1 if match["last"] else 0)
    yield from _seasons_and_weekends(w, text, pub)


def _seasons_and_weekends(w: _Words, text: str, pub: date) -> Iterator[DateMention]:
    """"last fall", "this summer": the year of the latest such season up to publication ("last": of one begun
    before the season publication falls in), a winter by its January's; "over the weekend": the month of the
    latest Saturday up to publication ("last weekend" on a weekend: the one before)."""
    if w.season is not None and w.seasons is not None:
        for match in w.season.finditer(text):
            groups = match.groupdict()
            last = bool(groups.get("last") or groups.get("last2"))
            if not (last or groups.get("this")):  # "en été", "im Sommer": any summer
                continue
            month = w.seasons[match["season"].lower()]
            year = pub.year if (pub.month, pub.day) >= (month, 1) else pub.year - 1
            months_in = (pub.year - year) * 12 + pub.month - month  # how far into that season publication is
            if last and months_in < 3:
                year -= 1
            yield _mention(text, match.start(), match.end(), f"{year + (1 if month == 12 else 0):04d}", "year", True)
    if w.weekend is not None:
        for match in w.weekend.finditer(text):
            groups = match.groupdict()
            back = (pub.weekday() - 5) % 7
            if back <= 1 and (groups.get("last") or groups.get("last2")):
                back += 7
            yield _mention(text, match.start(), match.end(), (pub - timedelta(days=back)).isoformat()[:7], "month",
                           True)


def _shifted(text: str, start: int, end: int, pub: date, unit: str, n: int) -> DateMention:
    if unit == "day":
        return _mention(text, start, end, (pub - timedelta(days=n)).isoformat(), "day", True)
    if unit == "week":
        return _mention(text, start, end, (pub - timedelta(days=7 * n)).isoformat()[:7], "month", True)
    if unit == "month":
        months = pub.year * 12 + (pub.month - 1) - n
        return _mention(text, start, end, f"{months // 12:04d}-{months % 12 + 1:02d}", "month", True)
    return _mention(text, start, end, f"{pub.year - n:04d}", "year", True)


def _count(w: _Words, word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower())
    if word in w.count_words:
        return w.count_words[word]
    return parse_number(word, w.language)


def _unit(w: _Words, word: str) -> str | None:
    word = word.lower()
    return w.units.get(word) or w.units.get(word.rstrip("s"))


# --------------------------------------------------------------------------- helpers


def _mention(text: str, start: int, end: int, iso: str, precision: DatePrecision, relative: bool) -> DateMention:
    return DateMention(
        start=start, end=end, text=text[start:end], sentence=0, date=iso, precision=precision, relative=relative
    )


def _month(name: str, w: _Words | None = None) -> int:
    return (w or words()).months[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- publication dates

# Publication lines are read with the English words (page metadata is mostly English or ISO).
_EN = words()
_PUB_MDY = re.compile(
    rf"(?:{_EN.weekday},?\s+)?(?P<month>{_EN.month})\s+(?P<day>{_EN.day}),?\s+(?P<year>{_EN.year})"
    rf"(?:,?\s+(?:at\s+)?(?:{_TIME}))?",
)
_PUB_DMY = re.compile(
    rf"(?:{_EN.weekday},?\s+)?(?P<day>{_EN.day})\s+(?P<month>{_EN.month}),?\s+(?P<year>{_EN.year})"
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
