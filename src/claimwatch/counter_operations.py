"""Acts against militants, not by them: a killing whose victims a group's name marks as its own men ("a strike
killed al-Shabaab commander X", "killed X, al-Shabaab's finance chief") and an attack word aimed at a
group ("troops began an offensive against the Abu Sayyaf") report a state's operation, not a terrorist incident
(resolve.1.against-militants). The words are the language's (lang/<code>/resolve.toml `against_group_between`,
`group_member_after`); a language without them reads no such act."""

from __future__ import annotations

from collections.abc import Iterable

from . import lang
from .model import EventMention, GroupMention

# How far after the attack word a group's name may stand to be its target or its victims' (characters).
_REACH = 60


def against_militants(text: str, event: EventMention, groups: Iterable[GroupMention], language: str | None,
                      killing: bool) -> bool:
    """True when the attack word is aimed at a group ("assault against the Abu Sayyaf") or, for a killing word,
    its victims are a group's men ("killed al-Shabaab leader X", "killed X, al-Shabaab's commander")."""
    res = lang.resources(language)
    if not res.defines("resolve", "against_group_between"):
        return False
    aimed = res.pattern("resolve", "against_group_between")
    member = res.pattern("resolve", "group_member_after")
    for group in groups:
        if group.start < event.end or group.start - event.end > _REACH:
            continue
        between = text[event.end : group.start]
        if aimed.fullmatch(between):
            return True
        if killing and "." not in between and member.match(text, group.end):
            return True
    return False
