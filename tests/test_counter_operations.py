"""Acts against militants are no incidents (counter_operations.py): fixtures written for these tests."""

from __future__ import annotations

from claimwatch.pipeline import extract


def test_a_strike_that_killed_a_groups_leader_is_no_incident() -> None:
    text = (
        "Gunmen killed five soldiers at a checkpoint in Mogadishu on Friday. "
        "Last month a drone strike killed al-Shabaab commander Ali Farah near Jilib."
    )
    incidents = extract(text, published="2015-01-05T10:00:00").incidents
    assert [(i.place.name if i.place else None, i.killed.value) for i in incidents] == [("Mogadishu", 5)]


def test_a_victim_named_as_a_groups_chief_after_a_comma_is_a_groups_man() -> None:
    text = (
        "Gunmen killed five soldiers at a checkpoint in Mogadishu on Friday. "
        "The army said an air raid had killed Yusuf Dheere, al-Shabaab's finance chief, in December."
    )
    assert len(extract(text, published="2015-01-05T10:00:00").incidents) == 1


def test_an_assault_against_a_group_is_no_incident() -> None:
    text = (
        "A bomb killed nine people at a bus station in Davao on Friday. "
        "Troops last week launched an assault against the Abu Sayyaf on Jolo island."
    )
    incidents = extract(text, published="2016-09-03T10:00:00").incidents
    assert [i.place.name if i.place else None for i in incidents] == ["Davao"]


def test_a_group_killing_civilians_is_still_an_incident() -> None:
    # The group's name after the killing word is the author, not the victims' owner.
    text = "Fighters of al-Shabaab killed six villagers near Baidoa on Monday, elders said."
    incidents = extract(text, published="2015-01-06T10:00:00").incidents
    assert len(incidents) == 1 and incidents[0].killed.value == 6


def test_a_date_before_the_noun_of_an_announcement_dates_no_attack() -> None:
    text = (
        "Gunmen killed five soldiers at a checkpoint in Mogadishu on Friday. "
        "The attack came after a March 3 statement by the ministry on troop numbers."
    )
    incidents = extract(text, published="2015-01-05T10:00:00").incidents
    assert [i.date for i in incidents] == ["2015-01-02"]
