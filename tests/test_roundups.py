"""Security round-ups: two named days one apart are two acts, one night told on either side of midnight is one
(resolve.1.*, periods.told_apart). Fixtures written for these tests."""

from __future__ import annotations

import re

import pytest

from claimwatch import periods
from claimwatch.pipeline import extract

WORDS = periods.DayWords(
    named=re.compile(r"\b(?:fri|satur|sun|mon|tues)day\b", re.I),
    late=re.compile(r"\b(?:late|night)\b", re.I),
    early=re.compile(r"\b(?:early|morning)\b", re.I),
    overnight=re.compile(r"\bovernight\b", re.I),
    span=re.compile(r"\b(?:between|from)\b", re.I),
)


@pytest.mark.parametrize(
    ("a_words", "b_words", "apart"),
    [
        ("on Friday night", "on Saturday night", True),
        ("on Sunday", "on Monday", True),
        ("late on Sunday", "early on Monday", False),
        ("Sunday night", "Monday morning", False),
        ("overnight into Sunday", "on Monday", False),
        ("yesterday", "on Monday", False),
    ],
)
def test_two_named_days_one_apart(a_words: str, b_words: str, apart: bool) -> None:
    assert periods.told_apart("2020-05-03", "day", a_words, "2020-05-04", "day", b_words, WORDS) is apart
    # Told in either order.
    assert periods.told_apart("2020-05-04", "day", b_words, "2020-05-03", "day", a_words, WORDS) is apart


def test_days_further_apart_or_the_same_day_are_not_this_rule() -> None:
    assert not periods.told_apart("2020-05-03", "day", "on Sunday", "2020-05-03", "day", "on Sunday", WORDS)
    assert not periods.told_apart("2020-05", "month", "in May", "2020-05-04", "day", "on Monday", WORDS)


def test_attacks_on_successive_nights_are_incidents_of_their_own() -> None:
    text = (
        "Rebels wounded four soldiers when they fired rockets at an army camp in Kandahar on Friday night. "
        "Three policemen were hurt on Saturday night when gunmen attacked a checkpoint in Kandahar province, "
        "officials said."
    )
    incidents = extract(text, published="2021-03-08T09:00:00").incidents
    assert sorted(i.date for i in incidents if i.date) == ["2021-03-05", "2021-03-06"]


def test_one_night_told_on_both_sides_of_midnight_stays_one_incident() -> None:
    text = (
        "Gunmen stormed a hotel in Kabul late on Sunday, killing six guests. "
        "The attackers fired on guards at the hotel in Kabul early on Monday, police said."
    )
    incidents = extract(text, published="2021-03-09T09:00:00").incidents
    assert len(incidents) == 1


def test_a_toll_told_the_next_day_is_no_attack_of_its_own() -> None:
    text = (
        "A car bomb exploded outside a hotel in Mogadishu on Monday evening, and gunmen stormed the building. "
        "By Tuesday afternoon police said nine people had been killed."
    )
    incidents = extract(text, published="2021-03-09T18:00:00").incidents
    assert len(incidents) == 1


def _days(text: str) -> list:
    from claimwatch.model import DateMention

    found = []
    for m in re.finditer(r"\b(?:Sunday|Monday|Tuesday)\b", text):
        day = {"Sunday": "2020-05-03", "Monday": "2020-05-04", "Tuesday": "2020-05-05"}[m.group()]
        found.append(DateMention(start=m.start(), end=m.end(), text=m.group(), sentence=0, date=day, precision="day"))
    return found


AND = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("Raiders killed five in two attacks over Sunday and Monday.", ["2020-05-03", "2020-05-04"]),
        ("There were raids on Sunday, Monday and Tuesday.", ["2020-05-03", "2020-05-04", "2020-05-05"]),
        ("There were raids between Sunday and Tuesday.", []),
        ("There were raids on Sunday, police said on Monday.", []),
    ],
)
def test_days_a_plural_attack_word_lists(text: str, listed: list[str]) -> None:
    end = re.search(r"attacks|raids", text).end()  # type: ignore[union-attr]
    assert [d.date for d in periods.listed_days(text, end, _days(text), AND, WORDS)] == listed


def test_a_plural_attack_word_over_two_days_reports_an_act_on_each() -> None:
    text = (
        "Gunmen killed six villagers in Kandahar province on Sunday. "
        "Eleven people have died in two attacks over Sunday and Monday, officials said."
    )
    incidents = extract(text, published="2021-03-10T09:00:00").incidents
    assert sorted(i.date for i in incidents if i.date) == ["2021-03-07", "2021-03-08"]


def test_another_group_of_attackers_at_another_place_is_another_act() -> None:
    text = ("Rebels attacked a market in Beni on Monday, killing nine traders, local officials said.\n\n"
            "Another group of the rebels entered the locality of Oicha the same day, where they shot dead four "
            "farmers.")
    incidents = extract(text).incidents
    assert [i.killed.value for i in incidents] == [9, 4] and incidents[1].trace[0] == "resolve.1.separate"
    assert incidents[0].place is not None and incidents[0].place.name == "Beni"
    assert incidents[1].place is not None and incidents[1].place.name != "Beni"


def test_another_group_of_attackers_without_a_place_of_its_own_goes_on_with_the_attack() -> None:
    text = ("Rebels attacked a market in Beni on Monday, killing nine traders, local officials said.\n\n"
            "Another group of the rebels blocked the road out of town during the attack.")
    assert len(extract(text).incidents) == 1
