"""One document's casualty figure from the several it gives: the rule the resolver and the store share.

The largest exact value reported ("12 killed", later "the toll rose to 15": 15), else the tightest bounds
("at least 20" and "more than 25": at least 25). An exact value below a reported floor is a part of the
toll, not the toll ("at least 10 worshippers were killed", then "a cleric was killed in the blast": at least
10). A floor above a ceiling ("up to 20", later "at least 30") means the toll rose: the ceiling goes.
Attackers counted among the dead (`includes_perpetrators`) stay counted when the chosen figure, or for
bounds any figure, says so.

Of the figures one incident's sentences give (`incident_toll`), four kinds give way, in this order: a figure
the attackers' group gives to an independent one; a figure that counts the attackers to one of the victims;
a vague plural ("thousands killed", "dozens wounded") to a figure in numbers; and every figure to a corrected
toll ("revising the toll from 39 to 38": 38, the last correction where there are several).
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
    mine = [c for c in counts if c.kind == kind]
    revised = [c for c in mine if c.revised and not c.by_claimant]
    if revised:
        last = max(revised, key=lambda c: c.start)
        return Count(value=last.count.value, min=last.count.min, max=last.count.max,
                     includes_perpetrators=last.count.includes_perpetrators)
    independent = [c for c in mine if not c.by_claimant] or mine
    victims = [c for c in independent if c.count.includes_perpetrators is not True] or independent
    written = [c for c in victims if not c.vague] or victims
    return best_count(c.count for c in written)
