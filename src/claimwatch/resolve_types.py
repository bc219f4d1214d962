"""The attack and weapon types the resolve stage gives an incident (GTD codebook names; events.py reads the words).

- Each attack word a sentence ties to an incident adds its types (`merge_types`); a plural weapon beside a generic
  plural attack word ("attacks, often with roadside bombs") tells how attacks in general were done, and types none
  (`PLURAL_WEAPON`); rockets or shells fired, launched or landing at a place report an attack (`FIRED`).
- A political figure among the dead of the attack a sentence reports makes it an Assassination too
  (resolve.3.target-killed).
- When a report names only the weapons, the attack type they imply (resolve.3.type-from-weapon); with no weapon
  and no type, attackers among the dead make an Armed Assault (resolve.3.attackers-killed); then the set is coded as
  the GTD codes it (`extract.events.coded_attack_types`: an Assassination is not also an Armed Assault).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .extract.events import coded_attack_types
from .model import CountMention, EventMention, Incident, add_trace

TYPE_FROM_WEAPON = "resolve.3.type-from-weapon"  # only weapons named: the attack type they imply
TARGET_KILLED = "resolve.3.target-killed"  # "nine dead including the home minister": an Assassination too
ATTACKERS_KILLED = "resolve.3.attackers-killed"  # attackers among the dead, no weapon: Armed Assault

# Plural weapon nouns ("roadside bombs", "IEDs"): beside a generic plural attack word, they tell how attacks in general
# were done.
PLURAL_WEAPON = re.compile(r"\b(?:bombs|IEDs|grenades|mines|landmines|rockets|mortars|explosives|devices)$", re.I)
# Shells and rockets used: fired, launched or landing somewhere.
FIRED = re.compile(r"\b(?:fired|launched|lobbed|landed|slammed|rained)\b", re.I)
# When a report names only the weapons, the GTD attack type they imply (events.py explains the choices).
_ATTACK_FROM_WEAPON = {
    "Explosives": "Bombing/Explosion",
    "Firearms": "Armed Assault",
    "Melee": "Armed Assault",
    "Incendiary": "Facility/Infrastructure Attack",
    "Vehicle": "Unarmed Assault",
    "Chemical": "Unarmed Assault",
    "Biological": "Unarmed Assault",
}


def merge_types(incident: Incident, attack_types: list[str], weapon_types: list[str]) -> None:
    for value in attack_types:
        if value not in incident.attack_types:
            incident.attack_types.append(value)
    for value in weapon_types:
        if value not in incident.weapon_types:
            incident.weapon_types.append(value)


def adds_types(event: EventMention, incident: Incident) -> bool:
    """True when an attack word names an attack or weapon type the incident does not have yet."""
    new_attacks = set(event.attack_types) - set(incident.attack_types)
    return bool(new_attacks or set(event.weapon_types) - set(incident.weapon_types))


def finish_types(incident: Incident, counts: Iterable[CountMention], language: str | None) -> None:
    """The types an incident ends with: those its weapons imply where it has none, Armed Assault where only
    attackers among the dead tell what happened, then the set as the GTD codes it."""
    if not incident.attack_types:
        implied = [a for a in (_ATTACK_FROM_WEAPON.get(w) for w in incident.weapon_types) if a]
        merge_types(incident, implied, [])
        add_trace(incident.trace, TYPE_FROM_WEAPON if implied else None)
    if not incident.attack_types and not incident.weapon_types and _attackers_killed(counts):
        # Attackers who died in an attack no bomb is named in fought it out with guards or police: the GTD codes
        # such a raid (gunmen storming a building) as Armed Assault.
        incident.attack_types.append("Armed Assault")
        add_trace(incident.trace, ATTACKERS_KILLED)
    # The GTD's coding of the set (events.toml): an Assassination is not also an Armed Assault; "militants stormed
    # the base" is Armed Assault when no weapon is named.
    killed = bool(incident.killed.value or incident.killed.min)
    incident.attack_types = coded_attack_types(incident.attack_types, incident.trace, language, killed=killed)


def _attackers_killed(counts: Iterable[CountMention]) -> bool:
    """True when a death toll counts the attackers among the dead ("two guards and three attackers died")."""
    return any(c.kind == "killed" and c.count.includes_perpetrators for c in counts)
