"""Absolute and relative dates (claimwatch.extract.dates)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch.extract.dates import dates_in, find_dates, parse_publication_date
from claimwatch.model import Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work

MONDAY = datetime(2017, 6, 5, 9, 30)  # published on Monday 5 June 2017


def _dates(text: str, published: datetime | None = MONDAY) -> list[tuple[str, str, str, bool]]:
    return [(m.text, m.date, m.precision, m.relative) for m in dates_in(text, published)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The attack on June 3, 2017 killed seven.", ("June 3, 2017", "2017-06-03", "day", False)),
        ("On 3 June 2017 a van hit pedestrians.", ("3 June 2017", "2017-06-03", "day", False)),
        ("On Saturday, 3rd June 2017, the attack began.", ("Saturday, 3rd June 2017", "2017-06-03", "day", False)),
        ("Filed 2017-06-03 by the agency.", ("2017-06-03", "2017-06-03", "day", False)),
        ("Sept. 11, 2001 changed everything.", ("Sept. 11, 2001", "2001-09-11", "day", False)),
        ("The group was founded in April 2006.", ("April 2006", "2006-04", "month", False)),
        ("The group was founded in 2006.", ("2006", "2006", "year", False)),
        ("The rebels struck in the summer of 2015.", ("summer of 2015", "2015", "year", False)),
    ],
)
def test_absolute(sentence: str, expected: tuple[str, str, str, bool]) -> None:
    assert _dates(sentence) == [expected]
    assert _dates(sentence, None) == [expected]  # absolute dates need no publication date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The attack on Saturday night killed seven.", ("Saturday night", "2017-06-03", "day")),
        ("Friday's attack was claimed by the group.", ("Friday's", "2017-06-02", "day")),
        ("On Tuesday the group struck.", ("Tuesday", "2017-05-30", "day")),
        ("On Monday police raided a flat.", ("Monday", "2017-06-05", "day")),  # the day of publication
        ("Last Monday the group struck.", ("Last Monday", "2017-05-29", "day")),
        ("Yesterday, gunmen attacked a checkpoint.", ("Yesterday", "2017-06-04", "day")),
        ("A blast was heard last night.", ("last night", "2017-06-04", "day")),
        ("Police said today that two men were held.", ("today", "2017-06-05", "day")),
        ("It happened three days ago.", ("three days ago", "2017-06-02", "day")),
        ("It happened two weeks ago.", ("two weeks ago", "2017-05", "month")),
        ("A similar attack happened last week.", ("last week", "2017-05", "month")),
        ("Earlier this month a bomb went off.", ("Earlier this month", "2017-06", "month")),
        ("Last month a bomb went off.", ("Last month", "2017-05", "month")),
        ("Last year the group lost territory.", ("Last year", "2016", "year")),
        ("On June 3 the bombers struck.", ("June 3", "2017-06-03", "day")),
        ("On 28 December the bombers struck.", ("28 December", "2016-12-28", "day")),
        ("A gunman fired on a crowd last fall.", ("last fall", "2016", "year")),
        ("This past summer a bomb hit a bus.", ("This past summer", "2016", "year")),  # June: the summer before
        ("Earlier this spring a bomb hit a bus.", ("Earlier this spring", "2017", "year")),
        ("Last winter the militants struck twice.", ("Last winter", "2017", "year")),  # by its January
        ("Shops were burned over the weekend.", ("over the weekend", "2017-06", "month")),  # Saturday 3 June
        ("Last weekend a bomb hit a bus.", ("Last weekend", "2017-06", "month")),
    ],
)
def test_relative(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _dates(sentence) == [(*expected, True)]


@pytest.mark.parametrize(
    "sentence", ["On Friday police said little.", "Yesterday the group struck.", "Two weeks ago it began."]
)
def test_relative_needs_publication_date(sentence: str) -> None:
    assert _dates(sentence, None) == []


@pytest.mark.parametrize(
    "sentence",
    ["Next Friday they will meet.", "It may rain.", "The march was peaceful.", "He is 25 years old."],
)
def test_not_dates(sentence: str) -> None:
    assert _dates(sentence) == []


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 6))
def test_weekday_is_latest_on_or_before_publication(published: date, target: int) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][target]
    [mention] = dates_in(f"The attack on {name} was claimed.", datetime(published.year, published.month,
                                                                         published.day))
    resolved = date.fromisoformat(mention.date)
    assert resolved.weekday() == target
    assert timedelta(0) <= published - resolved < timedelta(days=7)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_round_trip(day: date) -> None:
    for text in (day.strftime("%B %-d, %Y"), day.strftime("%-d %B %Y"), day.isoformat()):
        assert [m.date for m in dates_in(f"It happened on {text}.")] == [day.isoformat()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 4, 2017 10:48 pm", datetime(2017, 6, 4, 22, 48)),
        ("Monday, August 28th, 2017", datetime(2017, 8, 28)),
        ("2017-06-04T22:48:00Z", datetime(2017, 6, 4, 22, 48, tzinfo=UTC)),
        ("Published: 4 June 2017 at 9 a.m.", datetime(2017, 6, 4, 9, 0)),
        ("Updated 12:05 AM ET, Mon June 5, 2017", datetime(2017, 6, 5)),
        ("2017-06-04", datetime(2017, 6, 4)),
        ("no date here", None),
    ],
)
def test_parse_publication_date(text: str, expected: datetime | None) -> None:
    assert parse_publication_date(text) == expected


def test_find_dates_offsets() -> None:
    text = "Police gave no details.\nThe attack on Saturday night was claimed on Sunday."
    work = Work(document=Document(text=text, published=MONDAY))
    work.sentences = split_sentences(text)
    found = find_dates(work)
    assert [(m.text, m.date, m.sentence) for m in found] == [
        ("Saturday night", "2017-06-03", 1),
        ("Sunday", "2017-06-04", 1),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_a_year_before_the_attack_noun_dates_the_attack() -> None:
    from claimwatch.extract.dates import dates_in

    found = dates_in("A 2016 truck bomb attack on the ministry killed 40 people.", datetime(2020, 5, 1))
    assert [(d.text, d.date, d.precision) for d in found] == [("2016", "2016", "year")]
    assert dates_in("The 2016 figures were revised.", datetime(2020, 5, 1)) == []


def test_a_weekday_before_the_attack_noun_dates_it_even_after_claimed() -> None:
    from claimwatch.pipeline import extract

    text = "The militants claimed a Sunday ambush on a convoy near the border that left eight soldiers dead."
    [incident] = extract(text, published="2021-03-17T09:00:00").incidents  # a Wednesday
    assert incident.date == "2021-03-14"
    # a day after "claimed ... on" is when the claim was made
    text = "The militants claimed responsibility on Tuesday for an ambush near the border that killed eight soldiers."
    [incident] = extract(text, published="2021-03-17T09:00:00").incidents
    assert incident.date != "2021-03-16"


def test_without_a_publication_time_relative_dates_read_against_the_date_the_report_opens_with() -> None:
    text = "GAO, March 14, 2024 - Gunmen attacked a convoy on Tuesday, officials said.\nNo group has claimed it."
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    assert [(m.text, m.date) for m in find_dates(work)] == [("March 14, 2024", "2024-03-14"), ("Tuesday", "2024-03-12")]


def test_a_full_date_deep_in_the_text_does_not_date_the_report() -> None:
    opening = "Gunmen attacked a convoy on Tuesday, officials said. " * 8
    text = opening + "The army had cleared the road on March 14, 2024."
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    assert [m.text for m in find_dates(work)] == ["March 14, 2024"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # counted from the weekday before it in the sentence (Saturday 3 June), not from publication
        ("The group said on Saturday that it carried out the raid the day before.", ("the day before", "2017-06-02")),
        ("On Saturday the army confirmed that a convoy had been ambushed two days earlier.",
         ("two days earlier", "2017-06-01")),
        # "came a day after <an event>": the event is a day before the date it is counted from
        ("Saturday's arrests came a day after a bombing at the market.", ("a day after", "2017-06-02")),
        # no date before it: a day counted back is counted from publication
        ("Militants said they were behind the attack the previous day.", ("the previous day", "2017-06-04")),
    ],
)
def test_days_counted_from_another_date(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in [(m.text, m.date) for m in dates_in(sentence, MONDAY)]


def test_days_counted_forward_need_a_date_to_count_from() -> None:
    assert [m.text for m in dates_in("Two days later the gunmen struck again.", MONDAY)] == []
    found = dates_in("Two days later the gunmen struck again.", MONDAY, previous=date(2017, 5, 28))
    assert [(m.text, m.date) for m in found] == [("Two days later", "2017-05-30")]
    assert [m.text for m in dates_in("He died the day before yesterday.", MONDAY)] == ["the day before yesterday"]


def test_the_following_day_counts_from_the_sentence_before() -> None:
    text = "Gunmen stormed the camp on May 20, 2017. The following day a car bomb hit the town."
    work = Work(document=Document(text=text, published=MONDAY))
    work.sentences = split_sentences(text)
    assert [(m.text, m.date) for m in find_dates(work)] == [("May 20, 2017", "2017-05-20"),
                                                            ("The following day", "2017-05-21")]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=1, max_value=12))
def test_n_days_earlier_is_n_days_before_the_date_named(day: date, n: int) -> None:
    written = f"On {day.strftime('%B')} {day.day}, {day.year} officials said the attack came {n} days earlier."
    found = dict((m.text, m.date) for m in dates_in(written, datetime(2031, 1, 1)))
    assert found[f"{n} days earlier"] == (day - timedelta(days=n)).isoformat()


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("fr", "L'hiver dernier, une bombe a tué trois soldats.", ("L'hiver dernier", "2017", "year")),
        ("fr", "Des commerces ont été incendiés le week-end dernier.", ("le week-end dernier", "2017-06", "month")),
        ("fr", "Le groupe a frappé à l'automne 2015.", ("à l'automne 2015", "2015", "year")),
        ("es", "El verano pasado estalló un coche bomba.", ("El verano pasado", "2016", "year")),
        ("es", "Hubo dos ataques durante el fin de semana.", ("durante el fin de semana", "2017-06", "month")),
        ("de", "Im vergangenen Herbst explodierte eine Bombe.", ("Im vergangenen Herbst", "2016", "year")),
        ("de", "Am Wochenende wurden zwei Polizisten getötet.", ("Am Wochenende", "2017-06", "month")),
    ],
)
def test_seasons_and_weekends_in_other_languages(language: str, sentence: str, expected: tuple[str, str, str]) -> None:
    assert [(m.text, m.date, m.precision) for m in dates_in(sentence, MONDAY, language)] == [expected]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("fr", "Il a été blessé en été."), ("fr", "Trois soldats ont été tués."), ("de", "Im Sommer ist es heiß.")],
)
def test_a_season_without_last_or_this_is_no_date(language: str, sentence: str) -> None:
    assert dates_in(sentence, MONDAY, language) == []


def test_a_month_of_the_same_year_takes_the_year_last_named() -> None:
    found = [(m.text, m.date, m.precision) for m in dates_in("In 2012 a bomb hit a bus; in May that year another.",
                                                            MONDAY)]
    assert found == [("2012", "2012", "year"), ("May that year", "2012-05", "month")]
    text = "The group first struck in 2013. October of the same year, its gunmen shot a judge in Tanta."
    work = Work(document=Document(text=text, published=MONDAY), sentences=split_sentences(text))
    assert [(m.text, m.date) for m in find_dates(work)] == [("2013", "2013"), ("October of the same year", "2013-10")]
