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
