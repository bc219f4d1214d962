"""Words that report an attack or name its weapon, typed with the Global Terrorism Database vocabularies.

Each cue is a regex with the GTD attack types and weapon types it implies. A cue may carry only a
weapon type ("knife", "rifle", "using vehicles"): it names a weapon, not an attack, and the resolver
decides whether the sentence reports one. Generic sentences ("instructions on how to launch attacks
using vehicles and knives") still yield their cues; telling advice from reports is the resolver's job.

Choices made against the GTD codebook:
- Vehicle ramming is "Unarmed Assault". The codebook defines Armed Assault by its weapons (firearm,
  incendiary, sharp instrument) and Unarmed Assault as harm caused "by any means other than" those or
  explosives; a car is none of them, so a ramming attack is Unarmed Assault with weapon "Vehicle".
- A stabbing is Armed Assault + Melee (sharp instrument); a knife alone is only the weapon Melee.
- Arson ("set fire", "torched") is Facility/Infrastructure Attack + Incendiary, as GTD codes attacks on
  buildings by fire.
- Chemical agents are Unarmed Assault (the codebook puts chemical/biological/radiological attacks there).
- "fake suicide vest", "toy gun", "replica gun" are Fake Weapons only, never Explosives or Firearms.
- A bomb a vehicle carries ("car bomb", "explosives-laden truck", "VBIED") is Bombing/Explosion with the
  weapons Explosives + Vehicle; in its sentence the ramming that delivered it is no Unarmed Assault.
- A grenade fired from a launcher ("rocket-propelled grenades", "40 mm grenades"), like a rocket or a mortar, is
  the weapon Explosives of the attack it is fired in, no Bombing/Explosion of its own; explosives used ("setting
  off explosives", "with rifles and explosives") make a bombing.
- Gunmen make an Armed Assault with Firearms, except where what they did was a kidnapping or a hijacking
  (`yields_to`); militants attacking a position make one only as a fallback, which stands beside an arson or the
  type the weapons imply ("attacked the checkpoint with rockets": Armed Assault and Bombing/Explosion).
When two cues overlap, the longer one wins ("suicide bomber" over "bomber", "fake bomb" over "bomb"). A
cue may absorb others in its sentence (`absorbs` in events.toml): they are dropped when it is found.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lang
from ..model import EventMention

if TYPE_CHECKING:
    from ..work import Work

ATTACK_TYPES: tuple[str, ...] = (
    "Assassination",
    "Armed Assault",
    "Bombing/Explosion",
    "Hijacking",
    "Hostage Taking (Barricade Incident)",
    "Hostage Taking (Kidnapping)",
    "Facility/Infrastructure Attack",
    "Unarmed Assault",
    "Unknown",
)
WEAPON_TYPES: tuple[str, ...] = (
    "Biological",
    "Chemical",
    "Radiological",
    "Nuclear",
    "Firearms",
    "Explosives",
    "Fake Weapons",
    "Incendiary",
    "Melee",
    "Vehicle",
    "Sabotage Equipment",
    "Other",
    "Unknown",
)

@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    attack_types: tuple[str, ...] = ()
    weapon_types: tuple[str, ...] = ()
    id: str = ""
    # Cues this one stands for when both are in a sentence: "rammed an explosives-laden truck into" is a
    # bombing, not also a ramming.
    absorbs: frozenset[str] = frozenset()
    # Attack types the cue implies only for an incident that has none of its own ("militants attacked the
    # base": Armed Assault, unless a bomb is named).
    fallback_attack_types: tuple[str, ...] = ()
    # Attack types an incident with this cue loses: the Assassination is how the GTD codes the shooting of
    # its target, not an Armed Assault besides.
    subsumes: tuple[str, ...] = ()
    # Attack types that, on the incident, stand for the cue's own: "gunmen abducted three fishermen" is a kidnapping,
    # no Armed Assault besides, unless another cue gives the Armed Assault too ("opened fire").
    yields_to: tuple[str, ...] = ()
    # Attack types the cue implies only for an incident nothing else types, not even a fallback: militants who
    # "killed two people" in an attack no weapon is named for made an Armed Assault.
    default_attack_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Lexicon:
    """The attack and weapon cues of one language (`lang/<code>/events.toml`), compiled once."""

    cues: tuple[Cue, ...]
    not_attack: re.Pattern[str]  # phrases that contain cue words but report no attack
    period_tally: re.Pattern[str]  # a toll summed over a span of time: a statistic, not a report


@functools.lru_cache(maxsize=16)
def lexicon(language: str | None = None) -> _Lexicon:
    """The compiled event cues of `language` (English where it has none of its own)."""
    res = lang.resources(language)
    cues: list[Cue] = []
    for raw in res.section("events")["cues"]:
        attacks, weapons = tuple(raw.get("attack_types", ())), tuple(raw.get("weapon_types", ()))
        fallback, subsumes = tuple(raw.get("fallback_attack_types", ())), tuple(raw.get("subsumes", ()))
        yields_to, default = tuple(raw.get("yields_to", ())), tuple(raw.get("default_attack_types", ()))
        unknown = (set(attacks) | set(fallback) | set(subsumes) | set(yields_to) | set(default)) - set(ATTACK_TYPES) | (
            set(weapons) - set(WEAPON_TYPES))
        if unknown:
            raise ValueError(f"lang/{res.code}/events.toml cue {raw['id']}: unknown GTD types {sorted(unknown)}")
        pattern = re.compile(rf"\b(?:{res.expand('events', raw['pattern'])})\b", re.IGNORECASE)
        cues.append(Cue(pattern, attacks, weapons, raw["id"], frozenset(raw.get("absorbs", ())), fallback, subsumes,
                        yields_to, default))
    return _Lexicon(tuple(cues), res.pattern("events", "not_attack"), res.pattern("events", "period_tally"))


# The English cues, for callers that read English only.
CUES: tuple[Cue, ...] = lexicon().cues


def fallback_attack_types(trace: list[str], language: str | None = None) -> list[str]:
    """The attack types the cues named in `trace` imply for an incident that has no attack type of its own."""
    by_id = {cue.id: cue for cue in lexicon(language).cues if cue.fallback_attack_types}
    found: list[str] = []
    for cue_id in trace:
        for attack in by_id[cue_id].fallback_attack_types if cue_id in by_id else ():
            if attack not in found:
                found.append(attack)
    return found


# The resolver's rule that types an incident from its weapons alone (resolve.TYPE_FROM_WEAPON): such a type is no
# act a cue named, so the fallback types still apply beside it.
TYPE_FROM_WEAPON = "resolve.3.type-from-weapon"
# The resolver's rule that makes an attack that killed a political figure an Assassination (resolve.TARGET_KILLED).
TARGET_KILLED = "resolve.3.target-killed"
# Attack types that leave room for the fallback ones: fighters who storm a base and burn it made an Armed Assault
# and a Facility/Infrastructure Attack (the labels' coding); a bombing or a kidnapping named is the act itself.
BESIDE_FALLBACK = frozenset({"Facility/Infrastructure Attack"})


def coded_attack_types(attack_types: list[str], trace: list[str], language: str | None = None,
                       *, killed: bool = False) -> list[str]:
    """An incident's attack types as the GTD codes them: without those a cue in `trace` subsumes or yields to, and,
    when none is left, or only an arson or the types its weapons imply ("attacked a checkpoint ... with rockets":
    Armed Assault and Bombing/Explosion), or a cue named firearms beside its act ("the assault with rifles and
    explosives"), the fallback types of its cues ("attacked a checkpoint": Armed Assault)."""
    cues = {cue.id: cue for cue in lexicon(language).cues}
    named = [cues[cue_id] for cue_id in trace if cue_id in cues]
    gone = {attack for cue in named if set(cue.attack_types) & set(attack_types) for attack in cue.subsumes}
    if TARGET_KILLED in trace and "Assassination" in attack_types:
        gone.add("Armed Assault")  # the shooting of a target is the Assassination (as en.event.assassination)
    kept = [attack for attack in attack_types if attack not in gone]
    # A type only cues that yield to another type of the incident give goes ("gunmen abducted": the kidnapping; "a house
    # burnt down" in a raid: the assault), unless it is the Armed Assault of an attack that killed people besides
    # (`killed`: "gunmen killed 12 villagers and abducted 20 others" is an armed assault and a kidnapping).
    yielded = {attack for attack in kept
               if not (killed and attack == "Armed Assault")
               and (givers := [c for c in named if attack in c.attack_types])
               and all(set(c.yields_to) & set(kept) for c in givers)}
    kept = [attack for attack in kept if attack not in yielded]
    fallback = fallback_attack_types(trace, language)
    from_weapons = TYPE_FROM_WEAPON in trace
    if fallback and from_weapons and "Armed Assault" in kept:
        # "attacked the checkpoint with machine guns and rocket-propelled grenades": with firearms, the explosives an
        # assault is fought with are its weapons, no bombing of their own
        kept = [attack for attack in kept if attack != "Bombing/Explosion"]
    # "carried out the assault with rifles and explosives": a cue that names firearms leaves room for the assault
    # (not a shooting cue's own: what it says is already said, or subsumed by an assassination, or yielded)
    armed = any("Firearms" in cue.weapon_types and "Armed Assault" not in cue.attack_types for cue in named)
    if kept and not set(kept) <= BESIDE_FALLBACK and not from_weapons and not armed:
        return kept
    coded = kept + [attack for attack in fallback if attack not in kept]
    return coded or list(dict.fromkeys(attack for cue in named for attack in cue.default_attack_types))


def find_events(work: Work) -> list[EventMention]:
    """Attack and weapon cues in every sentence, with document offsets."""
    found: list[EventMention] = []
    for sentence in work.sentences:
        for start, end, cue in events_in(sentence.text, work.document.language):
            found.append(
                EventMention(
                    start=sentence.start + start,
                    end=sentence.start + end,
                    text=sentence.text[start:end],
                    sentence=sentence.index,
                    attack_types=list(cue.attack_types),
                    weapon_types=list(cue.weapon_types),
                    trace=[cue.id] if cue.id else [],
                )
            )
    return found


def events_in(text: str, language: str | None = None) -> list[tuple[int, int, Cue]]:
    """(start, end, cue) for each cue in one sentence; overlapping cues resolve to the longest."""
    lex = lexicon(language)
    if lex.period_tally.search(text):
        return []
    blocked = [(m.start(), m.end()) for m in lex.not_attack.finditer(text)]
    candidates: list[tuple[int, int, int, Cue]] = []
    for order, cue in enumerate(lex.cues):
        for match in cue.pattern.finditer(text):
            if any(match.start() < e and match.end() > s for s, e in blocked):
                continue
            candidates.append((match.start(), match.end(), order, cue))
    # Longest first, then the earlier (more specific) cue in CUES.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2]))
    # The kept cues never overlap, so sorted by start their ends ascend too: only the last one starting before
    # a candidate's end can overlap it (a binary search, not a scan, on a long run-on sentence).
    kept: list[tuple[int, int, Cue]] = []
    starts: list[int] = []
    for start, end, _order, cue in candidates:
        k = bisect.bisect_left(starts, end)
        if k and kept[k - 1][1] > start:
            continue
        starts.insert(k, start)
        kept.insert(k, (start, end, cue))
    absorbed = {cue_id for _s, _e, cue in kept for cue_id in cue.absorbs}
    return [k for k in kept if k[2].id not in absorbed]
