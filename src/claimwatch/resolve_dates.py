"""Dates the resolve stage gives incidents the text leaves undated, once every claim is linked (so that no date
given here changes which incident a claim goes to).

- A further act the report tells beside its main incident ("Another bomb went off near a shrine", "A second car
  bomb targeted soldiers", "The militants also attacked a base", the next sentence's "they were attacked by
  snipers in X village"), with no date of its own, is of the main incident's date (resolve.3.main-date): news of
  the day tells the acts of that day together. Not an act the text says came before the main one ("the attack
  followed bombings in A and B": resolve.1.earlier), which the main incident's date does not give, nor one the
  sentence that first tells it places in a period up to now ("used as weapons in A and B in the past year":
  lang/<code>/resolve.toml `period_act`).
- A main incident still undated in a report with a publication time is news of the publication day
  (resolve.3.news-of-the-day): what the labels of real reports do where the text gives no day. It comes after the
  claims are linked, and only a further act marked as another of the same news ("A second car bomb ...") takes it:
  it is a default, not a date the text writes.

While sentences are read (`told_when`): a sentence with no attack word that says when the act it refers back to
happened ("the accident took place on Sunday night", "Sunday's incident follows a hard year") dates that incident
where it has no date (resolve.2.told-when, lang/<code>/resolve.toml `occurred_before`, `occurrence_noun_after`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from . import periods
from .model import DateMention, Document, Incident, add_trace
from .url_dates import date_from_url

if TYPE_CHECKING:
    from .drafts import Draft

NEWS_OF_THE_DAY = "resolve.3.news-of-the-day"  # a main incident the text dates nowhere: the publication day
MAIN_DATE = "resolve.3.main-date"  # an undated further act told beside the main incident: the main one's date
MONTH_OF_ADDRESS = "resolve.3.month-of-address"  # undated main incident of an undated report: its URL's month
TOLD_WHEN = "resolve.2.told-when"  # "the accident took place on Sunday night": the date of the incident referred to
_EARLIER = "resolve.1.earlier"  # resolve.EARLIER (not imported: resolve imports this module)
_SEPARATE = "resolve.1.separate"  # resolve.SEPARATE: an act the text marks as another one ("another bomb")


def date_further_acts(drafts: list[Draft], sentences: list[str] | None = None,
                      period: re.Pattern[str] | None = None) -> None:
    """Give each undated incident after the main one the main incident's date, unless it is an earlier act or the
    sentence that first tells it places it in a period up to now (`period`: "in the past year")."""
    if not drafts:
        return
    main = drafts[0].incident
    if main.date is None:
        return
    for draft in drafts[1:]:
        incident = draft.incident
        if incident.date is not None or _EARLIER in incident.trace:
            continue
        opening = sentences[draft.opened_in] if sentences and 0 <= draft.opened_in < len(sentences) else ""
        if period is not None and period.search(opening):
            continue
        _take(incident, main)


def _take(incident: Incident, source: Incident) -> None:
    incident.date, incident.date_precision = source.date, source.date_precision
    add_trace(incident.trace, MAIN_DATE)


def told_when(text: str, start: int, end: int, dates: list[DateMention], occurred: re.Pattern[str],
              noun_after: re.Pattern[str], said: re.Pattern[str]) -> DateMention | None:
    """The date a sentence (text[start:end]) with no attack word gives the act it refers back to: the first one
    after a verb of occurring ("took place", "carried out") with no verb of saying (`said`) between, else one
    right before a noun that names the act ("Sunday's incident"); None where it gives none."""
    verb = occurred.search(text, start, end)
    if verb is not None:
        after = [d for d in dates if d.start >= verb.end()]
        first = min(after, key=lambda d: d.start) if after else None
        # "was the work of a squad of its men, the group wrote online on Monday": the day it was said
        if first is not None and not said.search(text, verb.end(), first.start):
            return first
    # a weekday's mention may end on its possessive ("Sunday's"), which the noun pattern starts with
    def tail(d: DateMention) -> str:
        return text[d.end - 2 : end] if d.text.endswith(("'s", "’s")) else text[d.end : end]

    return next((d for d in dates if noun_after.match(tail(d))), None)


def date_news_of_the_day(drafts: list[Draft], published: datetime | None) -> None:
    """An undated main incident of a report with a publication time, where no date the text writes dates it: the
    day of publication (news of the day reports the day's attack). Of the undated acts told beside it, only those
    the text marks as another act of the same news ("A second car bomb ...", "Another bomb ...":
    resolve.1.separate) take that day too; others ("bomb attacks in A and B provinces", in an official's summary)
    are not dated by a default."""
    if not drafts or published is None:
        return
    main = drafts[0].incident
    if main.date is not None:
        return
    main.date, main.date_precision = published.date().isoformat(), "day"
    add_trace(main.trace, NEWS_OF_THE_DAY)
    for draft in drafts[1:]:
        if draft.incident.date is None and _SEPARATE in draft.incident.trace[:1]:
            _take(draft.incident, main)


def date_from_address(incident: Incident, document: Document) -> None:
    """An undated main incident of a report that gives no publication time but whose address names the month it
    was written in ("/2017-01/"): news of the day reports an attack of that month (resolve.3.month-of-address)."""
    if document.published is not None:
        return
    written = date_from_url(document.url)
    if written is not None and written.precision == "month":
        incident.date, incident.date_precision = written.date.isoformat()[:7], "month"
        add_trace(incident.trace, MONTH_OF_ADDRESS)


# An undated main incident is news of the day: not an attack dated more than this many days before it.
_RECENT_DAYS = 7


def long_before(when: DateMention, published: datetime | None, written_after: date | None) -> bool:
    """True when a date ends more than a week before publication: news of the day reports recent attacks, so an
    undated main incident is not one that long ago. Without a publication time, the article was written no
    earlier than the latest date it names (`written_after`: "in August 2021" then rules out an April 2006 bombing
    as the news of the day)."""
    now = published.date() if published is not None else written_after
    last = periods.last_day(when.date, when.precision)
    if now is None or last is None:
        return False
    return (now - last).days > _RECENT_DAYS


def other_day(text: str, mine: DateMention | None, when: DateMention | None, days: periods.DayWords | None) -> bool:
    """True when an attack word dated a named day (`when`) is another act than the incident dated the named day
    before or after it (`mine`), not one night told on either side of midnight (periods.told_apart)."""
    if days is None or when is None or mine is None:
        return False
    return periods.told_apart(mine.date, mine.precision, text[max(0, mine.start - 25) : mine.end + 15],
                              when.date, when.precision, text[max(0, when.start - 25) : when.end + 15], days)
