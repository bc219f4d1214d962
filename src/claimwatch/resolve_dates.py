"""Dates the resolve stage gives incidents the text leaves undated, once every claim is linked (so that no date
given here changes which incident a claim goes to).

- A further act the report tells beside its main incident ("Another bomb went off near a shrine", "A second car
  bomb targeted soldiers", "The militants also attacked a base", the next sentence's "they were attacked by
  snipers in X village"), with no date of its own, is of the main incident's date (resolve.3.main-date): news of
  the day tells the acts of that day together. Not an act the text says came before the main one ("the attack
  followed bombings in A and B": resolve.1.earlier), which the main incident's date does not give.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Incident, add_trace

if TYPE_CHECKING:
    from .drafts import Draft

MAIN_DATE = "resolve.3.main-date"  # an undated further act told beside the main incident: the main one's date
_EARLIER = "resolve.1.earlier"  # resolve.EARLIER (not imported: resolve imports this module)


def date_further_acts(drafts: list[Draft]) -> None:
    """Give each undated incident after the main one the main incident's date, unless it is an earlier act."""
    if not drafts:
        return
    main = drafts[0].incident
    if main.date is None:
        return
    for draft in drafts[1:]:
        incident = draft.incident
        if incident.date is not None or _EARLIER in incident.trace:
            continue
        _take(incident, main)


def _take(incident: Incident, source: Incident) -> None:
    incident.date, incident.date_precision = source.date, source.date_precision
    add_trace(incident.trace, MAIN_DATE)
