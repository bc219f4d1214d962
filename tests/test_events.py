"""Attack and weapon cues with GTD types (claimwatch.extract.events)."""

from __future__ import annotations

import pytest

from claimwatch.extract.events import ATTACK_TYPES, CUES, WEAPON_TYPES, events_in, find_events
from claimwatch.model import Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _cues(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(text[s:e], cue.attack_types, cue.weapon_types) for s, e, cue in events_in(text)]


@pytest.mark.parametrize(
    ("sentence", "word", "attacks", "weapons"),
    [
        ("A suicide bomber blew himself up in Quetta.", "suicide bomber", ("Bombing/Explosion",), ("Explosives",)),
        ("An IED struck a patrol in Helmand.", "IED", ("Bombing/Explosion",), ("Explosives",)),
        ("A car bomb went off near the ministry in Mogadishu.", "car bomb", ("Bombing/Explosion",),
         ("Explosives", "Vehicle")),
        ("The blast shattered windows.", "blast", ("Bombing/Explosion",), ("Explosives",)),
        ("Gunmen stormed the hotel in Bamako.", "Gunmen", ("Armed Assault",), ("Firearms",)),
        ("The militants opened fire on worshippers.", "opened fire", ("Armed Assault",), ("Firearms",)),
        ("A man stabbed two officers in Brussels.", "stabbed", ("Armed Assault",), ("Melee",)),
        ("He was armed with a machete.", "machete", (), ("Melee",)),
        ("A man rammed a truck into the crowd in Nice.", "rammed", ("Unarmed Assault",), ("Vehicle",)),
        ("The driver ploughed into pedestrians in Barcelona.", "ploughed into", ("Unarmed Assault",), ("Vehicle",)),
        ("Boko Haram kidnapped 276 schoolgirls in Chibok.", "kidnapped", ("Hostage Taking (Kidnapping)",), ()),
        ("Militants abducted two aid workers.", "abducted", ("Hostage Taking (Kidnapping)",), ()),
        ("The attackers set fire to a church in Egypt.", "set fire", ("Facility/Infrastructure Attack",),
         ("Incendiary",)),
        ("Rebels torched dozens of homes.", "torched", ("Facility/Infrastructure Attack",), ("Incendiary",)),
        ("Gunmen hijacked a bus.", "hijacked", ("Hijacking",), ()),
        ("The governor was assassinated on Tuesday.", "was assassinated", ("Assassination",), ()),
        ("The three wore fake suicide vests.", "fake suicide vests", (), ("Fake Weapons",)),
        ("A sarin attack on the subway.", "sarin", ("Unarmed Assault",), ("Chemical",)),
        ("The rampage lasted ten minutes.", "rampage", (), ()),
        ("Insurgents ambushed a convoy in Niger.", "ambushed", ("Armed Assault",), ()),
        ("the mayor was murdered yesterday in his office.", "murdered", (), ()),
        ("the guerrillas burned three vehicles on the highway.", "burned", ("Facility/Infrastructure Attack",),
         ("Incendiary",)),
        ("mortars were fired against the neighborhood.", "fired against", ("Armed Assault",), ("Firearms",)),
        ("A truck was driven into a crowd of people in Nice.", "truck was driven into", ("Unarmed Assault",),
         ("Vehicle",)),
        ("unknown men machinegunned the bus.", "machinegunned", ("Armed Assault",), ("Firearms",)),
        ("terrorists dynamited two power pylons.", "dynamited", ("Bombing/Explosion",), ("Explosives",)),
    ],
)
def test_cue_types(sentence: str, word: str, attacks: tuple[str, ...], weapons: tuple[str, ...]) -> None:
    assert (word, attacks, weapons) in _cues(sentence)


def test_longest_cue_wins() -> None:
    found = _cues("A suicide bomber struck.")
    assert [w for w, _a, _w in found] == ["suicide bomber"]


def test_generic_advice_still_yields_weapon_cues() -> None:
    found = _cues("The magazine gave instructions on how to launch attacks using vehicles and knives.")
    assert ("attacks", (), ()) in found
    assert ("using vehicles", (), ("Vehicle",)) in found
    assert ("knives", (), ("Melee",)) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "He died of a heart attack.",
        "The bomb squad arrived at noon.",
        "The report was a bombshell.",
        "He was charged with sexual assault.",
        "The fire brigade was called.",
        "The car was parked outside.",
    ],
)
def test_not_attacks(sentence: str) -> None:
    assert _cues(sentence) == []


def test_vocabularies_cover_every_cue() -> None:
    for cue in CUES:
        assert set(cue.attack_types) <= set(ATTACK_TYPES)
        assert set(cue.weapon_types) <= set(WEAPON_TYPES)


def test_find_events_offsets() -> None:
    text = "Officials met on Monday.\nA gunman opened fire at a concert in Las Vegas."
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    events = find_events(work)
    assert [e.text for e in events] == ["gunman", "opened fire"]
    assert all(text[e.start : e.end] == e.text and e.sentence == 1 for e in events)


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds of villagers have been killed in the region in the ten years since the insurgency began.",
        "Bombings have killed thousands of people over the past decade, according to the monitoring group.",
        "More than 300 people have been killed in militant attacks so far this year.",
    ],
)
def test_a_toll_summed_over_years_reports_no_attack(sentence: str) -> None:
    assert events_in(sentence) == []


def test_a_dated_attack_still_reports_one() -> None:
    assert events_in("A car bomb killed nine people in the capital on Sunday, the deadliest attack in years.")


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("A suicide car bomber struck the gate of the base.", "suicide car bomber"),
        ("Police defused a VBIED outside the ministry.", "VBIED"),
        ("He drove an explosives-laden pickup into the barracks.", "explosives-laden pickup"),
        ("A minibus packed with explosives blew up at the market.", "minibus packed with explosives"),
        ("A booby-trapped motorcycle went off near the mosque.", "booby-trapped motorcycle"),
    ],
)
def test_vehicle_bombs_are_explosives_and_vehicle(sentence: str, word: str) -> None:
    assert (word, ("Bombing/Explosion",), ("Explosives", "Vehicle")) in _cues(sentence)


def test_a_vehicle_bomb_absorbs_the_ramming_that_delivered_it() -> None:
    found = _cues("The attacker rammed a truck laden with explosives into the checkpoint.")
    assert [attacks for _w, attacks, _weapons in found] == [("Bombing/Explosion",)]
    rammed = _cues("A stolen, hijacked van ploughed into shoppers on the high street.")
    assert [attacks for _w, attacks, _weapons in rammed] == [("Unarmed Assault",)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The man was later shot dead by police on the bridge.",
        "Officers shot the attacker dead within minutes.",
        "The suspect was shot and taken to hospital under guard.",
    ],
)
def test_police_shooting_the_attacker_is_no_armed_assault(sentence: str) -> None:
    assert not any("Armed Assault" in attacks for _w, attacks, _weapons in _cues(sentence))


def test_gunmen_shooting_a_victim_is_still_an_armed_assault() -> None:
    assert ("shot dead", ("Armed Assault",), ("Firearms",)) in _cues("Two guards were shot dead by gunmen at the gate.")


def test_an_assault_on_a_position_implies_armed_assault_only_as_a_fallback() -> None:
    from claimwatch.extract.events import fallback_attack_types
    from claimwatch.pipeline import extract

    found = events_in("Rebels overran an army outpost near the border.")
    assert [cue.id for _s, _e, cue in found] == ["en.event.assault_on_position"]
    assert fallback_attack_types(["en.event.assault_on_position"]) == ["Armed Assault"]
    assert fallback_attack_types(["en.event.attack"]) == []
    raided = extract("Insurgents attacked a police post in Kandahar on Monday, killing six officers.",
                     published="2024-05-07T09:00:00+00:00")
    assert raided.incidents[0].attack_types == ["Armed Assault"]
    bombed = extract("Insurgents attacked a police post in Kandahar on Monday with a truck bomb, killing six officers.",
                     published="2024-05-07T09:00:00+00:00")
    assert bombed.incidents[0].attack_types == ["Bombing/Explosion"]


def test_explosives_carried_by_a_vehicle_are_a_vehicle_bomb() -> None:
    found = _cues("Witnesses said the explosives had been attached to a motorcycle parked by the gate.")
    assert ("explosives had been attached to a motorcycle", ("Bombing/Explosion",), ("Explosives", "Vehicle")) in found
    assert ("Bombing/Explosion",) in [a for _w, a, _we in _cues("A bomb planted in a parked car went off.")]


def test_an_assassination_subsumes_the_armed_assault_of_its_shooting() -> None:
    from claimwatch.extract.events import coded_attack_types

    shot = ["Armed Assault", "Assassination"]
    assert coded_attack_types(shot, ["en.event.shooting", "en.event.assassination"]) == ["Assassination"]
    bombed = ["Bombing/Explosion", "Assassination"]
    assert coded_attack_types(bombed, ["en.event.bombing", "en.event.assassination"]) == bombed
    assert coded_attack_types(["Armed Assault"], ["en.event.shooting"]) == ["Armed Assault"]
    assert coded_attack_types([], ["en.event.assault_on_position"]) == ["Armed Assault"]


@pytest.mark.parametrize(
    ("sentence", "word", "weapons"),
    [
        ("Mortar shells landed in the camp overnight.", "Mortar shells", ("Explosives",)),
        ("The cleric was beaten to death by the mob.", "beaten to death", ("Melee",)),
        ("A man wielding a hammer struck two guards.", "wielding a hammer", ("Melee",)),
        ("They doused the shop with petrol before fleeing.", "doused the shop with petrol", ("Incendiary",)),
    ],
)
def test_more_gtd_weapon_classes(sentence: str, word: str, weapons: tuple[str, ...]) -> None:
    assert any(w == word and we == weapons for w, _a, we in _cues(sentence))


def test_a_rocket_propelled_grenade_is_one_explosive_weapon_cue() -> None:
    # a launched grenade is the weapon of an assault, not a bombing of its own (en.event.explosive_weapon)
    found = _cues("The convoy was hit by two rocket-propelled grenades.")
    assert found == [("rocket-propelled grenades", (), ("Explosives",))]


def test_a_petrol_station_or_a_nightclub_names_no_weapon() -> None:
    assert _cues("The bomb went off near a petrol station.") == [("bomb", ("Bombing/Explosion",), ("Explosives",))]
    assert not any(we for _w, _a, we in _cues("Gunmen stormed two clubs in the old town.") if we == ("Melee",))


def test_hostages_held_over_time_were_kidnapped() -> None:
    kidnapped = ("Hostage Taking (Kidnapping)",)
    assert any(a == kidnapped for _w, a, _we in _cues("Commandos tried to free two hostages being held by the group."))
    assert any(a == kidnapped for _w, a, _we in _cues("The engineer was held captive for eight months."))
    siege = _cues("The gunmen took 30 shoppers hostage inside the mall.")
    assert ("took 30 shoppers hostage", ("Hostage Taking (Barricade Incident)",), ()) in siege
    rescued = _cues("Troops had taken part and recovered the hostages.")
    assert not any("took" in w or "taken" in w for w, _a, _we in rescued)


def test_a_vehicle_rammed_with_explosives_in_it_is_a_vehicle_bomb() -> None:
    found = _cues("He drove the van, which held explosives, and rammed it into the police gate.")
    assert [(a, we) for _w, a, we in found] == [(("Bombing/Explosion",), ("Explosives", "Vehicle"))]
    assert [a for _w, a, _we in _cues("He rammed the van into the police gate.")] == [("Unarmed Assault",)]


def test_people_hiding_from_an_attack_are_no_siege() -> None:
    assert [c.id for _s, _e, c in events_in("Terrified residents barricaded themselves indoors.")] == []
    assert "en.event.hostages" in [c.id for _s, _e, c in events_in("The gunman barricaded himself in the bank.")]


def test_overlapping_cues_resolve_to_the_longest_in_a_long_sentence() -> None:
    """In a run-on sentence of many cue words, every cue is kept once and no two kept cues overlap."""
    from claimwatch.extract.events import events_in

    text = " ".join(["a car bomb exploded"] * 200)
    found = events_in(text)
    assert len(found) >= 200
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:], strict=False))
    single = events_in("a car bomb exploded")
    assert [text[s:e] for s, e, _c in found[: len(single)]] == ["a car bomb exploded"[s:e] for s, e, _c in single]
