"""Attack and weapon types as the labels code them: cues of the English vocabulary (lang/en/events.toml) and the
resolver's choice of the types an incident takes (claimwatch.resolve). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from claimwatch.extract.events import events_in


def _cues(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(text[s:e], cue.attack_types, cue.weapon_types) for s, e, cue in events_in(text)]


@pytest.mark.parametrize(
    ("sentence", "word", "attacks", "weapons"),
    [
        ("Officials blamed bomb attacks in two provinces on the rebels.", "bomb attacks", ("Bombing/Explosion",),
         ("Explosives",)),
        ("Nobody claimed the truck bomb attack on the depot.", "truck bomb attack", ("Bombing/Explosion",),
         ("Explosives", "Vehicle")),
        ("The raiders fired several shots at the farmers.", "fired several shots", ("Armed Assault",), ("Firearms",)),
        ("Nine guards died in a gunbattle at the mine.", "gunbattle", ("Armed Assault",), ("Firearms",)),
        ("A long exchange of fire followed at the gate.", "exchange of fire", ("Armed Assault",), ("Firearms",)),
        ("They rode into the market firing indiscriminately.", "firing indiscriminately", ("Armed Assault",),
         ("Firearms",)),
        ("Then armed men stormed the guest house.", "stormed", ("Armed Assault",), ()),
        ("He had driven a van through a crowded square.", "driven a van through a crowded", ("Unarmed Assault",),
         ("Vehicle",)),
        ("The raiders struck the farms with medium weapons.", "medium weapons", (), ("Firearms",)),
    ],
)
def test_cue_types(sentence: str, word: str, attacks: tuple[str, ...], weapons: tuple[str, ...]) -> None:
    assert (word, attacks, weapons) in _cues(sentence)


def test_forces_storming_a_hideout_are_no_assault() -> None:
    assert not [c for c in _cues("Special forces stormed the hideout at dawn.") if c[0] == "stormed"]


def test_attacks_in_towns_are_no_attack_on_the_towns() -> None:
    # "attacks in X towns" names where the attacks were, not a town attacked (no fallback Armed Assault)
    found = [cue for s, e, cue in events_in("Soldiers died in attacks in the region's towns of A and B.")]
    assert all(not cue.fallback_attack_types for cue in found)
    found = [cue for s, e, cue in events_in("Rebels attacked the outlying towns at night.")]
    assert any(cue.fallback_attack_types == ("Armed Assault",) for cue in found)


def _incidents(text: str):  # type: ignore[no-untyped-def]
    from claimwatch.pipeline import extract

    return extract(text, published="2024-06-12T09:00:00+00:00", language="en").incidents


def test_a_bare_shooting_after_another_act_goes_on_with_that_act() -> None:
    # the shooting tells how the villagers of the second place died, not how the market bombing was done
    found = _incidents(
        "A bomb exploded at a market in Kandahar on Monday, killing six people. "
        "On Tuesday, insurgents killed two farmers in Herat. "
        "They were shot dead as they walked home."
    )
    market = next(i for i in found if i.place is not None and i.place.name.startswith("Kandah"))
    village = next(i for i in found if i.place is not None and i.place.name.startswith("Her"))
    assert "Firearms" not in market.weapon_types
    assert "Firearms" in village.weapon_types
    assert "resolve.2.continues" in village.trace


def test_a_bare_follow_up_of_the_main_type_stays_with_the_main_incident() -> None:
    found = _incidents(
        "A bomb exploded at a market in Kandahar on Monday, killing six people. "
        "On Tuesday, insurgents killed two farmers in Herat. "
        "The blast was heard across the city."
    )
    market = next(i for i in found if i.place is not None and i.place.name.startswith("Kandah"))
    assert market.attack_types == ["Bombing/Explosion"]
    assert all("resolve.2.continues" not in i.trace for i in found)


def test_the_words_of_a_listing_sentence_type_every_act_listed() -> None:
    found = _incidents(
        "Police officers were ambushed near Garissa on Tuesday. "
        "Earlier, one trader was hacked to death and others burned alive in two attacks over Saturday and Sunday."
    )
    raids = [i for i in found if i.date in ("2024-06-08", "2024-06-09")]
    assert len(raids) == 2
    for raid in raids:
        assert set(raid.weapon_types) == {"Melee", "Incendiary"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor of the town was assassinated by two men on a motorbike.",
        "Gunmen assassinated the district judge outside the court.",
        "The group admitted the assassination of a senior cleric.",
    ],
)
def test_an_assassination_names_its_target(sentence: str) -> None:
    assert any(attacks == ("Assassination",) for _w, attacks, _ws in _cues(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Officers said the assassination might be linked to a land feud.",
        "The campaign began after years of bombings and assassinations in the port city.",
    ],
)
def test_the_word_alone_is_no_assassination(sentence: str) -> None:
    assert all("Assassination" not in attacks for _w, attacks, _ws in _cues(sentence))


def test_a_political_figure_among_the_dead_makes_an_assassination() -> None:
    found = _incidents("A suicide bomber struck a rally in Peshawar on Monday, leaving eleven people dead including "
                       "the provincial finance minister.")
    assert set(found[0].attack_types) == {"Bombing/Explosion", "Assassination"}
    plain = _incidents("A suicide bomber struck a rally in Peshawar on Monday, leaving eleven people dead, the "
                       "provincial finance minister said.")
    assert plain[0].attack_types == ["Bombing/Explosion"]


def test_bombs_in_a_remark_on_attacks_in_general_type_no_incident() -> None:
    found = _incidents("Gunmen ambushed a police truck near Mandera on Friday, killing three officers. "
                       "The county sees many attacks, mostly with roadside bombs.")
    assert found[0].attack_types == ["Armed Assault"]
    assert "Explosives" not in found[0].weapon_types


def test_an_earlier_act_with_no_place_or_date_does_not_type_the_incident() -> None:
    found = _incidents("A bomb went off at a bus station in Sylhet on Saturday, killing two people. "
                       "The blast comes weeks after two aid workers were shot dead in attacks claimed by the group.")
    station = found[0]
    assert station.attack_types == ["Bombing/Explosion"]
    assert station.weapon_types == ["Explosives"]


def test_rockets_landing_at_a_place_report_an_attack_of_their_own() -> None:
    found = _incidents("Militants attacked an army post in Kirkuk on Monday, killing three soldiers. "
                       "Hours earlier, several rockets fired by the militants landed near a base outside Erbil.")
    post = next(i for i in found if i.place is not None and i.place.name.startswith("Kirk"))
    assert "Explosives" not in post.weapon_types
    shelled = [i for i in found if i is not post]
    assert shelled and "Explosives" in shelled[0].weapon_types


def test_homes_burned_in_a_raid_are_its_weapon_not_a_facility_attack() -> None:
    raid = _incidents("Rebels shot dead five farmers in Beni on Monday, and a house was burnt down as they left.")
    assert raid[0].attack_types == ["Armed Assault"]
    assert set(raid[0].weapon_types) == {"Firearms", "Incendiary"}
    arson = _incidents("Rebels burned down several houses in Beni on Monday.")
    assert arson[0].attack_types == ["Facility/Infrastructure Attack"]


def test_a_bare_attack_word_beside_the_act_its_sentence_anchored_types_that_act_in_any_language() -> None:
    from claimwatch.pipeline import extract

    text = ("Bewaffnete haben in Kabul am Montag zwölf Wachleute erschossen. Bei einer weiteren Attacke im April "
            "wurden 30 Menschen getötet, als in einem Hotel Bomben gezündet wurden.")
    found = extract(text, published="2024-06-12T09:00:00+00:00", language="de").incidents
    april = next(i for i in found if i.date == "2024-04")
    assert april.attack_types == ["Bombing/Explosion"]
    assert "resolve.2.continues" in april.trace


def test_vehicles_used_as_weapons_are_a_ramming() -> None:
    assert ("Lorries have been used as weapons", ("Unarmed Assault",), ("Vehicle",)) in _cues(
        "Lorries have been used as weapons in two cities this year.")
