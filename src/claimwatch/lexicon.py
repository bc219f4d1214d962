"""The English attack lexicon: the word stems that say a sentence may report an attack, in one place.

    ATTACK_STEMS    attack words every consumer shares ("attack", "bomb", "kidnap" ... as stems)
    HARM_STEMS      what an attack does and is done with ("dead", "wound", "grenade", "militant")
    SPEECH_STEMS    who says so ("claim", "said", "statement")
    CRF_TRIGGERS    the trigger feature of the role tagger (extract/roles.py): frozen with the trained model
                    (claimwatch.roles.crf.v2), so it changes only with a retrained CRF

Who reads what: `annotate` parses a sentence with spaCy when it holds any stem of the three lists; `resolve`
reads a date as one of speech unless an attack stem sits between the verb and the date; the role tagger marks
CRF_TRIGGERS. The event cues (GTD attack and weapon types) and the attack nouns a claim names
("claimed the bombing") are per-language data in `lang/<code>/events.toml` and `claims.toml`. These tuples
are the one source a `lang/<code>/` resource can replace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ATTACK_STEMS = ("attack", "bomb", "blast", "explo", "shoot", "ambush", "raid", "kill", "stab", "kidnap", "massacre",
                "assault")
HARM_STEMS = ("dead", "death", "die", "wound", "injur", "hurt", "shot", "gun", "fire", "knife", "knives", "ramm",
              "vehicle", "truck", "abduct", "hostage", "hijack", "arson", "torch", "burn", "assassin", "rampage",
              "suicide", "militant", "rebel", "guerrill", "terror", "insurgen", "grenade", "rocket", "mortar",
              "dynamite", "murder")
SPEECH_STEMS = ("claim", "responsib", "denie", "deny", "said", "says", "told", "according", "statement")

# The role tagger's trigger words: stems that take any ending, and whole words.
CRF_TRIGGER_STEMS = ("attack", "bomb", "blast", "explo", "kill", "murder", "assassin", "kidnap", "abduct", "hostage",
                     "burn", "torch", "shoot", "wound", "injur", "dynamit", "destroy", "damag", "massacre", "ambush",
                     "raid", "sabotag", "hijack", "robbe", "seiz", "victim", "perpetrat", "responsib", "claim")
CRF_TRIGGER_WORDS = ("set", "fire", "shot", "gunned", "machinegunned", "stole", "stolen", "died", "dead", "death")


def any_stem(*groups: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive pattern that finds any of the stems anywhere (`.search`)."""
    return re.compile("|".join(re.escape(s) for group in groups for s in group), re.IGNORECASE)


def whole_word(stems: Iterable[str], words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that `.match`es a lower-case token that is one of `words` or starts with one of `stems`."""
    alternatives = [rf"{re.escape(s)}\w*" for s in stems] + [re.escape(w) for w in words]
    return re.compile(rf"^({'|'.join(alternatives)})$")
