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
