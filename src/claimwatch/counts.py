"""One document's casualty figure from the several it gives: the rule the resolver and the store share.

The largest exact value reported ("12 killed", later "the toll rose to 15": 15), else the tightest bounds
("at least 20" and "more than 25": at least 25). An exact value below a reported floor is a part of the
toll, not the toll ("at least 10 worshippers were killed", then "a cleric was killed in the blast": at least
10). A floor above a ceiling ("up to 20", later "at least 30") means the toll rose: the ceiling goes.
Attackers counted among the dead (`includes_perpetrators`) stay counted when the chosen figure, or for
bounds any figure, says so.

Of the figures one incident's sentences give (`incident_toll`), a zero told of both kinds ("no casualties were
reported") is none where another sentence counts dead or wounded for the incident: it tells of another act
(`counts.zero-contradicted`). Then five kinds give way, in this order: a figure the attackers' group gives to an
independent one; a figure that counts the attackers to one of the victims; a vague plural ("thousands killed",
"dozens wounded") to a figure in numbers; a toll over several acts ("nine villagers died in various raids",
casualties.py marks it `aggregate`: `counts.aggregate`) to a figure of the act itself (not a recalled one, one of
another act, nor victims told as also); and every figure to a corrected toll ("revising the toll from 39 to 38": 38,
the last correction where there are several). Then, against the
figure an earlier sentence gave for the incident (the lead's, as a rule), the rules with ids:

- `counts.recalled`: a figure of an earlier attack the report recalls ("Last Saturday, a bombing killed 16",
  casualties.py marks it) gives way;
- `counts.other-act`: a figure of another act than the incident its sentence went to (a sentence opening on a later
  or another act, "Later that day the gunmen stopped a bus and shot dead four passengers"; one naming only places
  in another country than the incident's) gives way to any figure an earlier sentence gave the incident, recalled
  or not;
- `counts.additional`: victims said to come on top ("a civilian was also killed") add to it (8, then 1: 9);
- `counts.vague-wounded`: wounded told only by a vague plural ("killing 12 and wounding dozens") are no
  figure: the labels code the wounded only when they are counted (a vague death toll stays a floor).
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Count, CountMention


def best_count(counts: Iterable[Count]) -> Count:
    """The figure an incident shows from one document's reports (see the module docstring)."""
    counts = list(counts)
    floors = [c.min for c in counts if c.value is None and c.min is not None]
    exact = [c for c in counts if c.value is not None and (not floors or (c.value or 0) >= max(floors))]
    if exact:
        chosen = max(exact, key=lambda c: c.value or 0)
        return Count(value=chosen.value, includes_perpetrators=chosen.includes_perpetrators)
    bounds = tightest(counts)
    bounds.includes_perpetrators = True if any(c.includes_perpetrators for c in counts) else None
    return bounds


def tightest(counts: Iterable[Count]) -> Count:
    """The narrowest bounds several figures allow; a floor above the ceiling drops the ceiling."""
    counts = list(counts)
    mins = [c.min for c in counts if c.min is not None]
    maxes = [c.max for c in counts if c.max is not None]
    low = max(mins) if mins else None
    high = min(maxes) if maxes else None
    if low is not None and high is not None and high < low:
        high = None  # a newer floor beat an older ceiling: the toll rose
    return Count(min=low, max=high)


def incident_toll(counts: Iterable[CountMention], kind: str) -> Count:
    """The figure an incident shows for one kind from the figures of its sentences (the module docstring)."""
    counts = list(counts)
    mine = [c for c in counts if c.kind == kind and not _contradicted(c, counts)]  # ZERO_CONTRADICTED
    revised = [c for c in mine if c.revised and not c.by_claimant]
    if revised:
        last = max(revised, key=lambda c: c.start)
        return Count(value=last.count.value, min=last.count.min, max=last.count.max,
                     includes_perpetrators=last.count.includes_perpetrators)
    independent = [c for c in mine if not c.by_claimant] or mine
    victims = [c for c in independent if c.count.includes_perpetrators is not True] or independent
    written = [c for c in victims if not c.vague] or victims
    if kind == "wounded" and written and all(c.vague for c in written):
        return Count()  # VAGUE_WOUNDED
    own = [c for c in written if not (c.aggregate or c.recalled or c.additional or c.other_act)]
    written = [c for c in written if not c.aggregate] if own else written  # AGGREGATE: an act's own figure
    plain = [c for c in written if not c.recalled and not c.additional and not c.other_act]
    told = [c for c in written if not c.additional and not c.other_act]  # the incident's own, recalled or not

    def after_lead(c: CountMention, lead: list[CountMention] = plain) -> bool:
        return any(p.sentence < c.sentence for p in lead)

    kept = [c for c in written if not (c.recalled and after_lead(c))]  # RECALLED
    kept = [c for c in kept if not (c.other_act and after_lead(c, told))]  # OTHER_ACT
    extra = [c for c in kept if c.additional and not c.recalled and not c.other_act and after_lead(c)]  # ADDITIONAL
    toll = best_count(c.count for c in kept if c not in extra)
    return _plus(toll, [c.count for c in extra])


RECALLED = "counts.recalled"
AGGREGATE = "counts.aggregate"
OTHER_ACT = "counts.other-act"
ADDITIONAL = "counts.additional"
VAGUE_WOUNDED = "counts.vague-wounded"
ZERO_CONTRADICTED = "counts.zero-contradicted"


def _contradicted(count: CountMention, counts: list[CountMention]) -> bool:
    """True when a zero told of both kinds ("no casualties were reported") stands against dead or wounded another
    sentence counted for the incident: it tells of another act ("rockets landed near the base. No casualties or
    injuries were reported" in a report of a raid that killed two)."""
    if count.count.value != 0:
        return False
    other = "wounded" if count.kind == "killed" else "killed"
    twins = [c for c in counts if c.kind == other and c.start == count.start and c.count.value == 0]
    if not twins:
        return False
    return any(c.kind == other and c.sentence != count.sentence and not c.recalled and not c.by_claimant
               and ((c.count.value or 0) > 0 or (c.count.min or 0) > 0) for c in counts)


def _plus(toll: Count, extra: list[Count]) -> Count:
    """The toll with the exact figures of further victims added (bounds move by as many)."""
    more = sum(c.value for c in extra if c.value is not None)
    if not more:
        return toll
    if toll.value is not None:
        return Count(value=toll.value + more, includes_perpetrators=toll.includes_perpetrators)
    return Count(
        min=toll.min + more if toll.min is not None else None,
        max=toll.max + more if toll.max is not None else None,
        includes_perpetrators=toll.includes_perpetrators,
    )
