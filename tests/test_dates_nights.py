"""Dates that need more than one word to place (claimwatch.extract.dates, lang/<code>/dates.toml), in every
language, with sentences written for these tests: a night between two days, a weekday that gives a year, a
full date that opens the report, and the day an outlet says it learnt the news."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch.anchors import DATELINE, DATELINE_REACH, not_attack_dates
from claimwatch.extract import dates as dates_module
from claimwatch.extract.dates import dates_in, find_dates, year_of_weekday
from claimwatch.model import Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work

SATURDAY = datetime(2024, 3, 16, 8, 0)  # published on Saturday 16 March 2024


def _days(sentence: str, language: str, published: datetime | None = SATURDAY) -> list[tuple[str, str]]:
    return [(m.text, m.date) for m in dates_in(sentence, published, language)]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # a night is dated on the day it began
        ("Des hommes armés ont attaqué le poste dans la nuit du 13 au 14 mars.", "fr",
         ("nuit du 13 au 14 mars", "2024-03-13")),
        ("L'attaque a eu lieu dans la nuit du mercredi 13 au jeudi 14 mars 2024.", "fr",
         ("nuit du mercredi 13 au jeudi 14 mars 2024", "2024-03-13")),
        ("Le camp a été visé dans la nuit du 29 février au 1er mars.", "fr",
         ("nuit du 29 février au 1er mars", "2024-02-29")),
        ("Le village a été incendié dans la nuit de mercredi à jeudi.", "fr",
         ("nuit de mercredi à jeudi", "2024-03-13")),
        ("Una bomba estalló en la noche del 13 al 14 de marzo.", "es", ("noche del 13 al 14 de marzo", "2024-03-13")),
        ("El cuartel fue atacado la noche del miércoles al jueves.", "es",
         ("noche del miércoles al jueves", "2024-03-13")),
        ("Die Kaserne wurde in der Nacht zum 14. März angegriffen.", "de", ("Nacht zum 14. März", "2024-03-13")),
        ("In der Nacht vom 13. auf den 14. März explodierte eine Bombe.", "de",
         ("Nacht vom 13. auf den 14. März", "2024-03-13")),
        ("Bewaffnete überfielen in der Nacht zum Donnerstag ein Dorf.", "de", ("Nacht zum Donnerstag", "2024-03-13")),
        ("Gunmen stormed the camp in the night of 13 to 14 March.", "en", ("night of 13 to 14 March", "2024-03-13")),
        ("A bomb went off on the night of March 13-14, 2024.", "en", ("night of March 13-14, 2024", "2024-03-13")),
        ("Rebels raided the village overnight Wednesday to Thursday.", "en",
         ("overnight Wednesday to Thursday", "2024-03-13")),
        ("هاجم مسلحون القرية ليل الأربعاء الخميس.", "ar", ("ليل الأربعاء الخميس", "2024-03-13")),
        # the night before the report
        ("انفجرت سيارة مفخخة خلال الليل في السوق.", "ar", ("خلال الليل", "2024-03-15")),
        ("وقع الهجوم الليلة الماضية.", "ar", ("الليلة الماضية", "2024-03-15")),
    ],
)
def test_a_night_between_two_days_is_dated_on_its_first(sentence: str, language: str,
                                                         expected: tuple[str, str]) -> None:
    assert _days(sentence, language) == [expected]


def test_a_night_with_its_year_needs_no_publication_date() -> None:
    assert _days("Attaque dans la nuit du 31 décembre au 1er janvier 2024.", "fr", None) == [
        ("nuit du 31 décembre au 1er janvier 2024", "2023-12-31")]


@pytest.mark.parametrize(
    ("month", "day", "weekday", "until", "expected"),
    [
        (3, 12, 1, date(2024, 12, 1), date(2024, 3, 12)),  # Tuesday 12 March 2024
        (3, 12, 1, date(2024, 3, 11), date(2019, 3, 12)),  # not after `until`: the one before, five years back
        (2, 29, 3, date(2030, 1, 1), date(2024, 2, 29)),  # a leap day: only in leap years
        (3, 12, 0, date(2024, 12, 1), date(2018, 3, 12)),  # a Monday
    ],
)
def test_a_weekday_gives_a_day_and_month_its_latest_year(month: int, day: int, weekday: int, until: date,
                                                         expected: date) -> None:
    assert year_of_weekday(month, day, weekday, until) == expected


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_a_day_is_the_latest_with_its_own_weekday_up_to_itself(day: date) -> None:
    assert year_of_weekday(day.month, day.day, day.weekday(), day) == day
    earlier = year_of_weekday(day.month, day.day, day.weekday(), day - timedelta(days=1))
    assert earlier is None or (earlier < day and earlier.weekday() == day.weekday()
                               and (earlier.month, earlier.day) == (day.month, day.day))


@pytest.fixture
def in_2025(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates_module, "today", lambda: date(2025, 1, 10))


@pytest.mark.usefixtures("in_2025")
@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Les assaillants ont frappé le mardi 12 mars à l'aube.", "fr", ("mardi 12 mars", "2024-03-12")),
        ("Los atacantes llegaron el martes 12 de marzo.", "es", ("martes 12 de marzo", "2024-03-12")),
        ("Der Anschlag geschah am Dienstag, den 12. März.", "de", ("Dienstag, den 12. März", "2024-03-12")),
        ("The attack came on Tuesday, March 12, at dawn.", "en", ("Tuesday, March 12", "2024-03-12")),
        ("The attack came on Tuesday 12 March.", "en", ("Tuesday 12 March", "2024-03-12")),
        ("وقع الهجوم يوم الثلاثاء 12 مارس.", "ar", ("الثلاثاء 12 مارس", "2024-03-12")),
        ("Attaque dans la nuit du lundi 11 au mardi 12 mars.", "fr",
         ("nuit du lundi 11 au mardi 12 mars", "2024-03-11")),
    ],
)
def test_a_weekday_dates_a_report_nothing_else_dates(sentence: str, language: str,
                                                     expected: tuple[str, str]) -> None:
    assert _days(sentence, language, None) == [expected]


def _work(text: str, language: str, published: datetime | None = None, url: str | None = None) -> Work:
    document = Document(text=text, published=published, url=url, language=language)
    return Work(document=document, sentences=split_sentences(text))


@pytest.mark.usefixtures("in_2025")
def test_a_day_the_weekday_dates_gives_its_year_to_the_other_days_of_the_report() -> None:
    text = ("Des hommes armés ont attaqué un marché le mardi 12 mars. Le 10 mars, une patrouille avait été visée. "
            "Le 20 décembre, un convoi avait sauté sur une mine.")
    found = {m.text: m.date for m in find_dates(_work(text, "fr"))}
    assert found == {"mardi 12 mars": "2024-03-12", "10 mars": "2024-03-10", "20 décembre": "2023-12-20"}


def test_a_day_without_a_weekday_or_a_year_stays_undated_where_nothing_dates_the_report() -> None:
    assert find_dates(_work("Le 10 mars, une patrouille a été visée.", "fr")) == []


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("© monsite.net-lundi 11 Mars 2024-Une bombe a explosé", "© monsite.net-lundi 11 Mars 2024-"),
        ("Niamey, le 11 mars 2024 — Une attaque", "Niamey, le 11 mars 2024 —"),
        ("Quito, 11 de marzo de 2024 - Un coche bomba", "Quito, 11 de marzo de 2024 -"),
        ("Kabul, 11. März 2024 – Bei einem Anschlag", "Kabul, 11. März 2024 –"),
        ("agency.example - Monday, March 11, 2024 - A bomb", "agency.example - Monday, March 11, 2024 -"),
        ("بغداد 11 مارس 2024 - قتل", "بغداد 11 مارس 2024 -"),
    ],
)
def test_a_full_date_closed_by_a_dash_at_the_top_is_a_dateline(text: str, dateline: str) -> None:
    match = DATELINE.search(text)
    assert match is not None and match.group() == dateline and match.start() <= DATELINE_REACH


@pytest.mark.parametrize(
    "text",
    [
        "Le 11 mars 2024, une bombe a explosé à Niamey.",  # a date in the lead's sentence, no dash
        "A bomb killed 12 in the years 2014-2015 in Kabul.",  # a span of years
        "Une longue introduction qui ne finit pas avant que, bien plus loin, le 11 mars 2024 - rien.",
    ],
)
def test_a_date_in_the_lead_is_no_dateline(text: str) -> None:
    assert DATELINE.search(text) is None


def test_a_full_date_at_the_top_gives_relative_days_their_reference() -> None:
    text = "© monsite.net-samedi 16 Mars 2024-Une bombe a explosé vendredi soir dans un marché de Niamey."
    found = {m.text: m.date for m in find_dates(_work(text, "fr"))}
    assert found["vendredi soir"] == "2024-03-15"


@pytest.mark.parametrize(
    ("sentence", "language", "said"),
    [
        ("La bombe de mardi soir a fait six morts, apprend-on ce matin de source policière.", "fr", "ce matin"),
        ("L'attaque de jeudi a fait six morts, a-t-on appris samedi auprès de l'armée.", "fr", "samedi"),
        ("Le poste visé jeudi a été évacué, apprend l'agence ce samedi.", "fr", "samedi"),
        ("أعلن التنظيم اليوم السبت مسؤوليته عن تفجير الخميس.", "ar", "اليوم"),
        ("قال مسؤول يوم السبت إن هجوم الخميس أوقع قتلى.", "ar", "يوم السبت"),
        ("The army on Saturday said the raid of Thursday killed six.", "en", "Saturday"),
        ("Security has worsened, with the deadliest attack this year on Thursday.", "en", "this year"),
    ],
)
def test_the_day_the_news_was_learnt_or_said_does_not_date_the_attack(sentence: str, language: str,
                                                                       said: str) -> None:
    found = dates_in(sentence, SATURDAY, language)
    dropped = not_attack_dates(sentence, found, language)
    assert [m.text for m in found if m.start in dropped][:1] == [said]
    assert any(m.start not in dropped for m in found)  # the attack's own day stays


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Le ministre a déclaré vendredi que l'attaque était terroriste.", "fr"),  # French verbs of saying stay
        ("أعلن التنظيم مسؤوليته عن هجوم الجمعة.", "ar"),  # the day of what is claimed
        ("Six soldiers died in an ambush, the army said on Saturday.", "en"),  # no other date: news of that day
        ("Gunmen killed six in an attack on the third base hit in the last week.", "en"),  # "the last week": a period
    ],
)
def test_other_dates_near_a_verb_still_date_the_attack(sentence: str, language: str) -> None:
    found = dates_in(sentence, SATURDAY, language)
    assert not not_attack_dates(sentence, found, language)


def test_a_period_up_to_now_is_not_a_date() -> None:
    assert _days("It was the third raid on the town in the last week.", "en") == []
    assert _days("It was the third raid on the town over the past month.", "en") == []
    assert _days("A raid hit the town last week.", "en") == [("last week", "2024-03")]


def test_a_claim_day_is_still_no_attack_date_where_the_report_names_no_other() -> None:
    sentence = "The group claimed responsibility on Saturday for an ambush that killed six."
    found = dates_in(sentence, SATURDAY, "en")
    assert not_attack_dates(sentence, found, "en") == {found[0].start}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In January, rebels burned a school.", [("In January", "2024-01")]),
        ("In June, rebels burned a school.", [("In June", "2023-06")]),  # after March: the year before
        ("Gunmen struck in early February.", [("in early February", "2024-02")]),
        ("A raid in November last year killed four.", [("in November last year", "2023-11")]),
        ("In a similar raid in January, 28 soldiers died.", [("in January", "2024-01")]),
        ("The group may strike in May 2023 again.", [("May 2023", "2023-05")]),  # a month and year
        ("Officials may say more later.", []),  # "may" is no month
    ],
)
def test_an_english_month_named_alone_is_the_latest_such_month(sentence: str,
                                                                expected: list[tuple[str, str]]) -> None:
    assert _days(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("The siege began on Tuesday of last week.", "en", ("Tuesday of last week", "2024-03-05")),
        ("Le camp a été attaqué mardi de la semaine dernière.", "fr", ("mardi de la semaine dernière", "2024-03-05")),
        ("El cuartel fue atacado el martes de la semana pasada.", "es", ("martes de la semana pasada", "2024-03-05")),
        ("Die Kaserne wurde am Dienstag vergangener Woche angegriffen.", "de",
         ("Dienstag vergangener Woche", "2024-03-05")),
        ("Last November a convoy was ambushed.", "en", ("Last November", "2023-11")),
    ],
)
def test_a_day_of_the_week_before_and_a_month_last_year(sentence: str, language: str,
                                                        expected: tuple[str, str]) -> None:
    assert _days(sentence, language) == [expected]


def test_a_week_earlier_counts_from_the_last_day_named_in_the_sentences_before() -> None:
    text = ("Rebels shelled a market on Wednesday night. The group's spokesman said on its channel that it had "
            "acted. A week earlier, a bomb killed two farmers nearby. Two weeks later the road reopened.")
    found = {m.text: m.date for m in find_dates(_work(text, "en", SATURDAY))}
    assert found["A week earlier"] == "2024-03-06"
    assert found["Two weeks later"] == "2024-03-20"  # from the day named last: the bomb's


def test_a_government_blaming_a_group_on_a_day_does_not_date_the_attack() -> None:
    sentence = "The government on Friday blamed the rebels for a bombing on Thursday evening."
    found = dates_in(sentence, SATURDAY, "en")
    assert [m.text for m in found if m.start in not_attack_dates(sentence, found, "en")] == ["Friday"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A bomb hit the market on Wednesday; by Friday the figure was 31.",
        "A bomb hit the market on Wednesday, and on Friday the death toll stood at 31.",
    ],
)
def test_a_date_right_before_a_toll_says_when_it_was_counted(sentence: str) -> None:
    found = dates_in(sentence, SATURDAY, "en")
    assert [m.text for m in found if m.start in not_attack_dates(sentence, found, "en")] == ["Friday"]
