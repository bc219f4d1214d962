"""Where a claim on an undated incident stays (resolve_claims._move_to_best_told): a claim whose own sentence
tells only its town (later sentences that recall a dated attack do not move it), and a denial of an attack in
a region the other, dated attack is far from.
Fixtures written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from claimwatch.model import Place
from claimwatch.pipeline import extract
from claimwatch.resolve_claims import _inside

PUBLISHED = datetime(2023, 5, 10)

pytestmark = pytest.mark.slow


def _claims(text: str) -> list[tuple[str | None, str | None, str]]:
    result = extract(text, published=PUBLISHED)
    places = {i.id: i.place.name if i.place else None for i in result.incidents}
    return [(places.get(c.incident_id or ""), c.group.name if c.group else None, c.status) for c in result.claims]


def test_a_claim_naming_its_town_stays_there_when_a_later_sentence_recalls_a_dated_attack() -> None:
    text = ("Islamic State has claimed responsibility for the Mombasa knife attack through its Amaq news agency.\n\n"
            "The claim came more than a day after the rampage, later than the group usually takes, including "
            "after the Nairobi bombing two weeks ago.")
    assert _claims(text) == [("Mombasa", "Islamic State", "claimed")]


def test_a_denial_of_a_provinces_attack_does_not_move_to_a_dated_attack_in_a_distant_city() -> None:
    text = ("Gunmen attacked a police post in Kunar province, killing four officers.\n\n"
            "In May 2020, a bomb killed 12 people at a mosque in Herat.\n\n"
            "The Taliban said they had nothing to do with the Kunar attack.")
    assert _claims(text) == [("Kunar", "Taliban", "denied")]


def test_a_town_far_from_a_regions_centre_is_not_inside_it() -> None:
    region = Place(name="Upland", country_code="XX", lat=34.9, lon=71.1, admin1="Upland")
    near = Place(name="Hillford", country_code="XX", lat=35.2, lon=71.4, admin1="XX.99", geonameid=1)
    far = Place(name="Westmere", country_code="XX", lat=34.3, lon=62.2, admin1="XX.98", geonameid=2)
    other_country = Place(name="Hillford", country_code="YY", lat=35.2, lon=71.4, admin1="YY.01", geonameid=3)
    assert _inside(near, region) and not _inside(far, region) and not _inside(other_country, region)
    assert _inside(far, Place(name="Xland", country_code="XX"))  # a country holds all its towns
