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
When two cues overlap, the longer one wins ("suicide bomber" over "bomber", "fake bomb" over "bomb").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

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

_ASSASSINATION, _ARMED, _BOMBING, _HIJACK, _BARRICADE, _KIDNAP, _FACILITY, _UNARMED, _ = ATTACK_TYPES
_BIO, _CHEM, _RADIO, _NUKE, _GUN, _EXPLOSIVE, _FAKE, _FIRE, _MELEE, _VEHICLE, _SABOTAGE, _OTHER, _UNKNOWN = (
    WEAPON_TYPES
)


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    attack_types: tuple[str, ...] = ()
    weapon_types: tuple[str, ...] = ()


def _cue(pattern: str, attacks: tuple[str, ...] = (), weapons: tuple[str, ...] = ()) -> Cue:
    return Cue(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), attacks, weapons)


_VEHICLE_WORDS = r"(?:vehicles?|cars?|trucks?|lorr(?:y|ies)|vans?|SUVs?|minivans?|buses)"

CUES: tuple[Cue, ...] = (
    # Fake weapons first: they must win over the real-weapon words they contain.
    _cue(r"fake\s+(?:suicide\s+)?(?:vests?|belts?|bombs?|explosives?|guns?|weapons?)|"
         r"(?:toy|replica|imitation)\s+(?:guns?|pistols?|rifles?|weapons?|firearms?)|hoax\s+(?:devices?|bombs?)",
         weapons=(_FAKE,)),
    # Explosives
    _cue(r"suicide\s+(?:bomb(?:er|ers|ing|ings)?|attacks?|attackers?|blasts?|vests?|belts?|car\s+bombs?)|"
         r"car[- ]bomb(?:s|ing|ings)?|truck[- ]bomb(?:s|ing|ings)?|(?:vehicle|roadside|nail|pipe|pressure[- ]cooker)"
         r"[- ]bombs?|improvised\s+explosive\s+devices?|IEDs?|VBIEDs?|explosive[- ]laden",
         (_BOMBING,), (_EXPLOSIVE,)),
    _cue(r"bomb(?:s|ing|ings|ed|er|ers)?(?!\s+(?:squad|disposal|threat|threats|scare|scares|shelter|"
         r"sniffing|-sniffing|proof|-proof))|blasts?|explosions?|exploded|explode|detonat(?:ed|ing|ion|e)|"
         r"blew\s+(?:(?:himself|herself|themselves|itself)\s+up|up)|grenades?|landmines?|land\s+mines?",
         (_BOMBING,), (_EXPLOSIVE,)),
    _cue(r"explosives?|explosive\s+devices?|suicide\s+vests?|dynamite|TNT|TATP|rockets?|mortars?|RPGs?|"
         r"rocket-propelled\s+grenades?", weapons=(_EXPLOSIVE,)),
    _cue(r"dynamit(?:ed|ing)", (_BOMBING,), (_EXPLOSIVE,)),
    # Firearms
    _cue(r"opened\s+fire|open(?:s|ing)?\s+fire|fired\s+(?:on|at|into|upon|against)|shoot(?:ing|ings|s)?|shot(?:\s+dead)?|"
         r"gunm[ae]n|gunfire|gun\s+attacks?|gunshots?|shootouts?|sprayed\s+(?:\w+\s+){0,2}with\s+bullets|"
         r"machine[- ]?gunned|gunned\s+down|snipers?",
         (_ARMED,), (_GUN,)),
    _cue(r"guns?|rifles?|assault\s+rifles?|AK-47s?|Kalashnikovs?|pistols?|handguns?|firearms?|"
         r"automatic\s+weapons?|shotguns?|machine\s*guns?|bullets?", weapons=(_GUN,)),
    # Melee
    _cue(r"stabb(?:ed|ing|ings)|stabs?|knifed|knifing|hacked\s+(?:\w+\s+)?to\s+death|slashed|beheaded|"
         r"beheading|machete\s+attacks?|knife\s+attacks?|axe\s+attacks?",
         (_ARMED,), (_MELEE,)),
    _cue(r"knife|knives|machetes?|axes?|swords?|daggers?|blades?|meat\s+cleavers?|cleavers?", weapons=(_MELEE,)),
    # Vehicles: ramming is Unarmed Assault (see module docstring)
    _cue(rf"ramm(?:ed|ing)|rams|ploughed\s+into|plowed\s+into|mowed\s+down|mowing\s+down|"
         rf"(?:drove|driving|drives|steered|careered|crashed)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?"
         rf"(?:\w+\s+)?{_VEHICLE_WORDS}\s+into|{_VEHICLE_WORDS}[- ](?:attacks?|ramming)|"
         rf"{_VEHICLE_WORDS}\s+(?:was|were|had\s+been|has\s+been)\s+(?:deliberately\s+)?"
         rf"(?:driven|steered|ploughed|plowed|rammed)\s+into",
         (_UNARMED,), (_VEHICLE,)),
    _cue(rf"(?:using|use|used|with|by)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?{_VEHICLE_WORDS}",
         weapons=(_VEHICLE,)),
    # Kidnapping, hostages, hijacking
    _cue(r"kidnapp?(?:ed|ing|ings|ers?)?|kidnaps|abduct(?:ed|ing|ion|ions|s)?|snatched", (_KIDNAP,)),
    _cue(r"(?:took|taken|taking|held|holding|holds)\s+(?:\w+\s+){0,4}?hostages?|hostage[- ]taking|hostages?|"
         r"siege|barricaded", (_BARRICADE,)),
    _cue(r"hijack(?:ed|ing|ings|ers?|s)?|skyjack(?:ed|ing)?", (_HIJACK,)),
    # Arson and other fire attacks on buildings
    _cue(r"set\s+(?:\w+\s+){0,3}?(?:on\s+)?fire|set\s+ablaze|torch(?:ed|ing)|arson|firebomb(?:s|ed|ing)?|"
         r"burned\s+down|burnt\s+down|burn(?:ed|t)(?=\s+(?:the|a|an|two|three|four|five|several|dozens|\d+)\s)|"
         r"petrol\s+bombs?|Molotov\s+cocktails?|incendiary\s+devices?",
         (_FACILITY,), (_FIRE,)),
    # Chemical, biological, radiological, nuclear
    _cue(r"chemical\s+(?:attacks?|weapons?)|sarin|nerve\s+agents?|chlorine\s+gas|mustard\s+gas|poison\s+gas|"
         r"toxic\s+gas|ricin|acid\s+attacks?", (_UNARMED,), (_CHEM,)),
    _cue(r"anthrax|biological\s+(?:attacks?|weapons?)", (_UNARMED,), (_BIO,)),
    _cue(r"dirty\s+bombs?|radiological", (_BOMBING,), (_RADIO,)),
    # Assassination
    _cue(r"assassinat(?:ed|ion|ions|e|ing)|assassins?", (_ASSASSINATION,)),
    # Sabotage
    _cue(r"sabotag(?:e|ed|ing)", (_FACILITY,), (_SABOTAGE,)),
    # Attack words without a type of their own ("attack", "rampage", "massacre", "ambush")
    _cue(r"ambush(?:ed|es|ing)?", (_ARMED,)),
    _cue(r"(?:terror(?:ist)?\s+)?attack(?:s|ed|ing)?(?!\s+(?:helicopters?|dogs?|ads?))|rampage|massacres?|"
         r"massacred|terror\s+plots?|terrorist\s+incidents?|assaults?|atrocity|atrocities|carnage|"
         r"terror(?:ist)?\s+strikes?"),
    # Killing words: they report that someone was killed, not how; the weapons named near them type it.
    _cue(r"murder(?:s|ed|ing|ers?)?|killing|killed|slain|slaying"),
)
# Phrases that contain cue words but report no attack.
_NOT_ATTACK = re.compile(
    r"\b(?:heart|panic|asthma|anxiety|cyber|verbal|personal)\s+attacks?\b|\bsexual(?:ly)?\s+assault(?:s|ed)?\b|"
    r"\bbomb\s*shell\b|\bphoto\s*bomb|\bshot\s+(?:glass|put)\b|\bfire\s+(?:brigade|fighters?|service)\b|"
    r"\bassault\s+(?:on|of)\s+(?:the\s+)?(?:senses|dignity)\b|\battack(?:ing)?\s+(?:him|her|them)\s+verbally\b",
    re.IGNORECASE,
)


# A toll summed over a span of time ("thousands have been killed in the 15 years since", "over the past
# decade", "so far this year") is a statistic about many attacks, not the report of one.
_PERIOD_TALLY = re.compile(
    r"\b(?:in|over|during)\s+the\s+(?:past\s+|last\s+)?(?:\w+\s+){0,2}(?:years?|decades?|months?)\s+since\b|"
    r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades?|months)\b|"
    r"\bso\s+far\s+this\s+(?:year|month)\b",
    re.IGNORECASE,
)


def find_events(work: Work) -> list[EventMention]:
    """Attack and weapon cues in every sentence, with document offsets."""
    found: list[EventMention] = []
    for sentence in work.sentences:
        for start, end, cue in events_in(sentence.text):
            found.append(
                EventMention(
                    start=sentence.start + start,
                    end=sentence.start + end,
                    text=sentence.text[start:end],
                    sentence=sentence.index,
                    attack_types=list(cue.attack_types),
                    weapon_types=list(cue.weapon_types),
                )
            )
    return found


def events_in(text: str) -> list[tuple[int, int, Cue]]:
    """(start, end, cue) for each cue in one sentence; overlapping cues resolve to the longest."""
    if _PERIOD_TALLY.search(text):
        return []
    blocked = [(m.start(), m.end()) for m in _NOT_ATTACK.finditer(text)]
    candidates: list[tuple[int, int, int, Cue]] = []
    for order, cue in enumerate(CUES):
        for match in cue.pattern.finditer(text):
            if any(match.start() < e and match.end() > s for s, e in blocked):
                continue
            candidates.append((match.start(), match.end(), order, cue))
    # Longest first, then the earlier (more specific) cue in CUES.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2]))
    kept: list[tuple[int, int, Cue]] = []
    for start, end, _order, cue in candidates:
        if all(end <= s or start >= e for s, e, _c in kept):
            kept.append((start, end, cue))
    kept.sort(key=lambda k: k[0])
    return kept
