"""Attack and weapon cues coded as the labels code them: launched grenades, explosives used, timed devices and
drones, gunmen, positions attacked, arson plurals, hedged bombs, swords in a hand, sieges of cities, and the fallback
Armed Assault beside an arson or a weapon's type."""

from __future__ import annotations

import pytest

from claimwatch import extract
from claimwatch.extract.events import TYPE_FROM_WEAPON, coded_attack_types, events_in


def _cues(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], cue.id) for s, e, cue in events_in(text)]


@pytest.mark.parametrize(
    ("sentence", "word", "cue"),
    [
        ("The rebels fired 60mm grenades at the outpost.", "60mm grenades", "en.event.explosive_weapon"),
        ("They shot at the patrol with a grenade launcher.", "grenade launcher", "en.event.explosive_weapon"),
        ("The attackers set off two bombs in the market.", "set off two bombs", "en.event.explosives_used"),
        ("A gang raided the depot using explosives.", "using explosives", "en.event.explosives_used"),
        ("The squad hit the bank with rifles and explosives.", "with rifles and explosives",
         "en.event.arms_and_explosives"),
        ("A remote-controlled device went off by the road.", "remote-controlled device", "en.event.device"),
        ("An explosive-laden drone struck the refinery.", "explosive-laden drone", "en.event.device"),
        ("Three gunmen entered the bank.", "gunmen", "en.event.gunmen"),
        ("Fighters hacked two farmers to death in their field.", "hacked two farmers to death", "en.event.stabbing"),
        ("He attacked the guard with a sword at the gate.", "with a sword", "en.event.blade"),
        ("A truck was driven into the crowd at the fair.", "truck was driven into", "en.event.ramming"),
        ("The raiders were burning the houses when troops came.", "burning", "en.event.arson"),
        ("The hamlet was attacked overnight by bandits.", "was attacked", "en.event.assault_on_position"),
        ("An attack on Monday by armed men against a police post left two dead.", "attack",
         "en.event.assault_on_position"),
        ("Insurgents captured the town after a day of fighting.", "captured", "en.event.assault_on_position"),
        ("Gunmen raided a training centre in the north.", "raided", "en.event.assault_on_position"),
        ("Two bombers in a van blew up themselves.", "in a van blew up themselves", "en.event.vehicle_bomb"),
    ],
)
def test_cue_words(sentence: str, word: str, cue: str) -> None:
    assert (word, cue) in _cues(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Investigators did not say whether it was a homemade bomb.",  # a bomb the report is unsure of
        "Their leader said the sword of the faith is drawn.",  # a sword of speech
        "The museum recalls the siege of the city in 1683.",  # a war's siege, no hostages
        "Two men of the Gurkha Rifles were hurt.",  # a unit named after its rifles
    ],
)
def test_no_cue(sentence: str) -> None:
    found = [cue for _word, cue in _cues(sentence)]
    assert not {"en.event.bombing", "en.event.blade", "en.event.hostages", "en.event.firearm"} & set(found)


def test_an_arson_plural_spans_attacks() -> None:
    """The resolver reads a plural ending in "attacks" as attacks in general ("a wave of arson attacks")."""
    assert ("arson attacks", "en.event.arson") in _cues("The blast came after a wave of arson attacks.")


def test_gunmen_yield_to_a_kidnapping_but_not_to_a_shooting() -> None:
    kidnapped = ["Armed Assault", "Hostage Taking (Kidnapping)"]
    assert coded_attack_types(kidnapped, ["en.event.gunmen", "en.event.kidnapping"]) == ["Hostage Taking (Kidnapping)"]
    shot = ["en.event.gunmen", "en.event.shooting", "en.event.kidnapping"]
    assert coded_attack_types(kidnapped, shot) == kidnapped
    bombed = ["Armed Assault", "Bombing/Explosion"]
    assert coded_attack_types(bombed, ["en.event.gunmen", "en.event.bombing"]) == bombed


def test_gunmen_who_kill_besides_a_kidnapping_made_an_assault_too() -> None:
    kidnapped = ["Armed Assault", "Hostage Taking (Kidnapping)"]
    trace = ["en.event.gunmen", "en.event.kidnapping"]
    assert coded_attack_types(kidnapped, trace, killed=True) == kidnapped
    raid = "Gunmen killed nine farmers and abducted fourteen others in a raid on a hamlet on Friday, residents said."
    (incident,) = extract(raid).incidents
    assert set(incident.attack_types) == {"Armed Assault", "Hostage Taking (Kidnapping)"}


def test_the_fallback_stands_beside_an_arson_or_a_weapons_type() -> None:
    stormed = ["en.event.assault_on_position", "en.event.arson"]
    assert coded_attack_types(["Facility/Infrastructure Attack"], stormed) == [
        "Facility/Infrastructure Attack", "Armed Assault"]
    shelled = ["en.event.assault_on_position", TYPE_FROM_WEAPON]
    assert coded_attack_types(["Bombing/Explosion"], shelled) == ["Bombing/Explosion", "Armed Assault"]
    # a bombing a cue named is the act itself
    assert coded_attack_types(["Bombing/Explosion"], ["en.event.assault_on_position", "en.event.bombing"]) == [
        "Bombing/Explosion"]


@pytest.mark.parametrize(
    ("sentence", "language", "word"),
    [
        ("Deux voitures piégées ont explosé près du marché.", "fr", "voitures piégées"),
        ("Un camion piégé a visé la caserne.", "fr", "camion piégé"),
        ("Un coche bomba estalló frente al cuartel.", "es", "coche bomba"),
        ("Eine Autobombe detonierte vor der Kaserne.", "de", "Autobombe"),
        ("انفجرت شاحنة مفخخة قرب السوق", "ar", "شاحنة مفخخة"),
    ],
)
def test_vehicle_bombs_in_other_languages(sentence: str, language: str, word: str) -> None:
    found = [(sentence[s:e], cue.weapon_types) for s, e, cue in events_in(sentence, language)]
    assert (word, ("Explosives", "Vehicle")) in found


def test_german_protecting_is_no_shooting() -> None:
    assert events_in("Die Wachleute sollten das Hotel schützen.", "de") == []
    assert [cue.id for _s, _e, cue in events_in("Zwei Schützen eröffneten das Feuer.", "de")][0] == "de.event.shooting"


def test_explosives_fired_in_an_armed_assault_are_its_weapons() -> None:
    """Weapons alone typed the incident: with firearms among them an assault on a position is no bombing too; with
    explosives alone ("shelled the post") it is both."""
    trace = ["en.event.assault_on_position", TYPE_FROM_WEAPON]
    assert coded_attack_types(["Armed Assault", "Bombing/Explosion"], trace) == ["Armed Assault"]
    assert coded_attack_types(["Bombing/Explosion"], trace) == ["Bombing/Explosion", "Armed Assault"]


def test_firearms_named_beside_a_bombing_leave_room_for_the_assault() -> None:
    trace = ["en.event.assault_on_position", "en.event.arms_and_explosives"]
    assert coded_attack_types(["Bombing/Explosion"], trace) == ["Bombing/Explosion", "Armed Assault"]
    # a shooting cue's own firearms change nothing: the assassination still stands alone
    shot = ["en.event.assault_on_position", "en.event.shooting", "en.event.assassination"]
    assert coded_attack_types(["Armed Assault", "Assassination"], shot) == ["Assassination"]


def test_people_killed_in_an_attack_no_weapon_types_is_an_armed_assault() -> None:
    assert coded_attack_types([], ["en.event.killing", "en.event.attack"]) == ["Armed Assault"]
    # only when nothing else types it: a weapon's type or an arson stands alone
    assert coded_attack_types(["Bombing/Explosion"], ["en.event.killing", TYPE_FROM_WEAPON]) == ["Bombing/Explosion"]
    burned = ["Facility/Infrastructure Attack"]
    assert coded_attack_types(burned, ["en.event.killing", "en.event.arson"]) == burned
    assert coded_attack_types([], ["en.event.attack"]) == []
