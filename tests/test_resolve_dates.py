"""Dates the resolver gives incidents the text leaves undated (resolve_dates.py); sentences written for the tests."""

from __future__ import annotations

import claimwatch


def test_another_bomb_without_a_day_takes_the_main_incidents_date() -> None:
    text = (
        "A suicide bomber struck a police station in Herat on Tuesday, killing nine officers. "
        "Another bomb went off near a mosque in the city, wounding two worshippers."
    )
    incidents = claimwatch.extract(text, published="2023-03-08T10:00:00").incidents
    assert len(incidents) == 2
    assert [i.date for i in incidents] == ["2023-03-07", "2023-03-07"]
    assert "resolve.3.main-date" in incidents[1].trace


def test_an_act_that_came_before_the_main_one_does_not_take_its_date() -> None:
    text = (
        "Gunmen attacked a checkpoint in Kandahar on Tuesday, killing four soldiers. "
        "The attack followed bombings in Kabul and Ghazni, officials said."
    )
    incidents = claimwatch.extract(text, published="2023-03-08T10:00:00").incidents
    assert incidents[0].date == "2023-03-07" and len(incidents) == 3
    assert all(i.date is None for i in incidents[1:])


def test_a_date_after_an_attack_word_dates_it_rather_than_the_next_one_across_a_comma() -> None:
    from claimwatch.anchors import nearest_dates
    from claimwatch.model import DateMention, EventMention

    text = ("the shooting at a crowded open-air concert in Denver last fall that killed 12, an attack on a hotel "
            "in Lima in May 2016")
    def event(word: str) -> EventMention:
        start = text.index(word)
        return EventMention(start=start, end=start + len(word), text=word, sentence=0)

    def when(phrase: str, iso: str, precision: str) -> DateMention:
        start = text.index(phrase)
        return DateMention(start=start, end=start + len(phrase), text=phrase, sentence=0, date=iso,
                           precision=precision, relative=True)  # type: ignore[arg-type]

    shooting, attack = event("shooting"), event("attack")
    fall, may = when("last fall", "2015", "year"), when("May 2016", "2016-05", "month")
    assert nearest_dates(shooting, [shooting, attack], [fall, may], text) == [fall]
    assert nearest_dates(attack, [shooting, attack], [fall, may], text) == [may]


def test_an_earlier_act_is_dated_by_a_day_written_far_after_its_word() -> None:
    text = (
        "Militants stormed an army post near Baidoa on Monday, killing six soldiers. "
        "The attack followed the killing of some 30 Kenyan troops at a lonely camp far to the south of the "
        "country on Friday."
    )
    incidents = claimwatch.extract(text, published="2023-03-07T10:00:00").incidents
    assert incidents[0].date == "2023-03-06"
    earlier = [i for i in incidents if "resolve.1.earlier" in i.trace]
    assert [i.date for i in earlier] == ["2023-03-03"]


def test_a_sentence_saying_when_the_act_took_place_dates_the_incident_it_refers_to() -> None:
    text = (
        "Three guards were killed when a car bomb hit their checkpoint in Khost province, an official said. "
        "The governor told reporters that the incident took place shortly before dawn on Saturday."
    )
    incidents = claimwatch.extract(text, published="2023-03-06T10:00:00").incidents
    assert [i.date for i in incidents] == ["2023-03-04"]
    assert "resolve.2.told-when" in incidents[0].trace


def test_the_day_something_was_said_after_a_verb_of_occurring_does_not_date_the_act() -> None:
    text = (
        "Gunmen killed four workers at a dam in Kunar province. "
        "It was carried out by a unit of the group, its spokesman said in a statement on Sunday."
    )
    incidents = claimwatch.extract(text, published="2023-03-06T10:00:00").incidents
    assert "resolve.2.told-when" not in incidents[0].trace


def test_an_undated_main_incident_is_news_of_the_publication_day_but_acts_beside_it_stay_undated() -> None:
    text = (
        "A roadside bomb wounded eleven people travelling to a market in Zabul province, officials said. "
        "Officials also blamed the group for bomb attacks in Zabul and Farah provinces."
    )
    incidents = claimwatch.extract(text, published="2023-03-06T10:00:00").incidents
    assert incidents[0].date == "2023-03-06" and "resolve.3.news-of-the-day" in incidents[0].trace
    assert all(i.date is None for i in incidents[1:])
    assert claimwatch.extract(text).incidents[0].date is None  # no publication time: no day to take


def test_a_day_across_a_word_of_sequence_dates_the_other_clause() -> None:
    text = "Troops rescued forty workers on Thursday after gunmen kidnapped them at a mine in Zamfara on Tuesday."
    incidents = claimwatch.extract(text, published="2023-03-10T10:00:00").incidents
    assert incidents[0].date == "2023-03-07"


def test_another_bomb_beside_a_main_incident_of_the_publication_day_shares_that_day() -> None:
    text = (
        "A suicide bomber rammed a truck into an army convoy outside Baidoa, killing nine soldiers, officials said. "
        "A second car bomb targeted a police post in Marka."
    )
    incidents = claimwatch.extract(text, published="2023-03-06T10:00:00").incidents
    assert len(incidents) == 2 and [i.date for i in incidents] == ["2023-03-06", "2023-03-06"]


def test_an_incident_told_over_two_days_in_one_sentence_is_dated_by_the_first() -> None:
    text = (
        "Police ended a 20-hour siege of a school in Kano on Sunday morning after gunmen stormed it following a "
        "bomb blast at its gate on Saturday evening."
    )
    incidents = claimwatch.extract(text, published="2023-03-06T10:00:00").incidents
    assert [i.date for i in incidents] == ["2023-03-04"]


def test_a_day_right_before_a_noun_naming_the_act_dates_the_incident_referred_to() -> None:
    text = (
        "Gunmen shot dead five farmers in a village of Plateau state, the police said. "
        "Sunday's incident follows weeks of unrest in the region."
    )
    incidents = claimwatch.extract(text, published="2023-03-07T10:00:00").incidents
    assert [i.date for i in incidents] == ["2023-03-05"]
    assert "resolve.2.told-when" in incidents[0].trace


def test_acts_placed_in_a_period_up_to_now_do_not_take_the_main_incidents_date() -> None:
    text = (
        "A van ploughed into shoppers on a market street in Graz on Saturday, killing three people. "
        "In the past year, a gunman shot dead two guards at a bank in Porto."
    )
    incidents = claimwatch.extract(text, published="2023-03-06T10:00:00").incidents
    assert incidents[0].date == "2023-03-04" and len(incidents) > 1
    assert all(i.date is None for i in incidents[1:])
