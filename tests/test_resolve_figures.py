"""Which incident a casualty figure of a sentence of several acts goes to (resolve._Resolver._closest): the act
named before it, unless an attack word after it is much closer. Fixtures written for these tests."""

from __future__ import annotations

import pytest

from claimwatch.pipeline import extract

pytestmark = pytest.mark.slow


def test_a_figure_in_a_list_of_past_acts_goes_to_the_act_before_it() -> None:
    text = ("Gunmen stormed a hotel in Mogadishu on Monday, killing five guests, police said.\n\n"
            "The group has carried out many attacks, including a bombing at a bus station in Kano in May 2019 that "
            "wounded 12 people, an ambush near Garissa in June 2019 that wounded 30 soldiers.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert by_place["Kano"].wounded.value == 12 and by_place["Garissa"].wounded.value == 30
    assert by_place["Mogadishu"].killed.value == 5


def test_a_figure_before_its_only_attack_word_still_goes_to_it() -> None:
    text = "Twelve people were wounded when a bomb exploded at a bus station in Kano on Monday, police said."
    (incident,) = extract(text).incidents
    assert incident.wounded.value == 12
