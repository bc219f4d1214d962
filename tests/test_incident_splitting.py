"""How the resolve stage tells one attack from another (resolve.1.*): fixtures written for these tests."""

from __future__ import annotations

from claimwatch.pipeline import extract


def test_an_act_the_sentence_says_came_before_is_an_incident_of_its_own() -> None:
    text = (
        "Gunmen stormed a police post in Kabul on Tuesday, killing four officers. "
        "The assault followed the bombing of a bus in Kandahar on Sunday."
    )
    incidents = extract(text, published="2021-03-10T09:00:00").incidents
    assert len(incidents) == 2
    main, earlier = incidents
    assert (main.place.name if main.place else None, main.date) == ("Kabul", "2021-03-09")
    assert (earlier.place.name if earlier.place else None, earlier.date) == ("Kandahār", "2021-03-07")
    assert "resolve.1.earlier" in earlier.trace


def test_an_earlier_act_without_place_or_date_of_its_own_is_not_split_off() -> None:
    text = (
        "Gunmen stormed a police post in Kabul on Tuesday, killing four officers. "
        "The assault came hours after a bombing, police said."
    )
    assert len(extract(text, published="2021-03-10T09:00:00").incidents) == 1
