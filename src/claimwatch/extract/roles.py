"""Role mentions: who attacked (individuals, organisations), what was hit (targets), who (victims), with what.

A linear-chain CRF (`claimwatch.training.muc4_roles` trains it on MUC-4) tags tokens of the whole document
with BIO labels per role. It runs on every sentence without the spaCy model, so it is cheap, and it does
not use capitalisation as its main cue: MUC-4 text is lower case and so are many transcripts.

Token features, in the order `_token_features` builds them:
1. the word, its lower case, prefixes and suffixes, a shape ("xxxx", "dd", "x-dd") and its kind;
2. the same for the two words either side;
3. the distance to the nearest attack word in the sentence and on which side it is (role fillers sit
   close to "attacked", "killed", "bomb", "kidnapped");
4. hits in small word lists: person titles ("mayor", "priest"), group words ("front", "movement"),
   weapon words, building words, target and perpetrator head nouns, and whole group names from the alias
   table (`data/groups.json`);
5. the kind of noun the word's phrase leads to ("presidential" in "presidential farm" leads to a target);
6. the sentence's position in the document (the lead sentences report the main incident).

Decoding keeps a token when the CRF's marginal probability of "O" is below a per-role threshold, which
finds more perpetrators and weapons than the single best labelling without flooding targets and victims.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..lexicon import CRF_TRIGGER_STEMS, CRF_TRIGGER_WORDS, whole_word
from ..model import RoleMention, Sentence
from ..model_registry import load_with
from ..sentences import split_sentences

if TYPE_CHECKING:
    from ..work import Work

MODEL = "roles"  # its name in the model registry (model_registry.py): claimwatch.roles.crf.v2

# CRF label suffix -> RoleMention.role
LABEL_ROLES: dict[str, str] = {
    "PerpInd": "perpetrator_individual",
    "PerpOrg": "perpetrator_group",
    "Target": "target",
    "Victim": "victim",
    "Weapon": "weapon",
}

_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")

_TRIGGERS = whole_word(CRF_TRIGGER_STEMS, CRF_TRIGGER_WORDS)  # frozen with the trained CRF (lexicon.py)
_TITLES = frozenset(
    "mr mrs dr president minister mayor priest priests father jesuit jesuits judge judges senator deputy "
    "colonel col general gen captain capt lieutenant sergeant commander director leader leaders candidate "
    "ambassador governor councilman councilmen journalist journalists peasant peasants student students "
    "soldier soldiers policeman policemen civilians civilian businessman child children women woman man men "
    "people persons members member official officials employee employees worker workers bishop archbishop "
    "attorney former vice secretary chief labor union leader".split()
)
_GROUP_WORDS = frozenset(
    "front movement army party union command forces force guerrillas guerrilla rebels cartel path "
    "liberation national revolutionary popular commandos commando group organization brigade squad squads "
    "extraditables patriotic people's alliance council armed".split()
)
_WEAPON_WORDS = frozenset(
    "bomb bombs dynamite explosive explosives grenade grenades rifle rifles rocket rockets mortar mortars "
    "machinegun machineguns gun guns pistol pistols revolver ak-47 m-16 rpg rpg-7 mine mines charge charges "
    "device devices weapons weapon firearms bullets bullet shots knife machete tnt incendiary molotov "
    "cocktails launcher launchers car-bomb".split()
)
_PLACE_WORDS = frozenset(
    "building buildings house houses home homes office offices headquarters embassy bank banks store stores "
    "station stations tower towers bridge bridges bus buses car cars vehicle vehicles truck trucks plant "
    "facilities facility school schools church hotel restaurant farm pipeline line lines post posts base "
    "substation installations jeep plane aircraft helicopter residence offices branch".split()
)
# Head nouns of targets and of perpetrator individuals, mined from the MUC-4 training templates (the last word
# of gold Target and PerpInd mentions seen three times or more) and completed by hand. One shared weight per
# list lets the CRF carry what it learned on "embassy" over to "consulate" seen once.
_TARGET_HEADS = frozenset(
    "car office bus stores offices vehicles system facilities houses embassy restaurant towers building bank residence "
    "station transportation home hotel headquarters house property buildings pipeline pylons vehicle store lines poles "
    "homes post center posts bridge ministry installations branch plane church institute schools factory buses "
    "exchange corporation company warehouse stations structures school centers club farm banks establishments "
    "ambulances shops consulate pylon tower truck trucks jeep helicopter barracks newspaper train powerline plant "
    "shop businesses residences ambulance airplane aircraft substation oil embassies university".split()
)
_PERSON_HEADS = frozenset(
    "guerrillas terrorists members men individuals rebels groups persons soldiers people commandos group traffickers "
    "terrorist gunmen troops forces man units narcoterrorists squads officers criminals column lieutenants murderers "
    "soldier fighters assailants students extremists someone sappers guerrilla rebel subversives subversive hitmen "
    "gunman killers assassins kidnappers attackers policemen agents".split()
)
_PREPOSITIONS = frozenset("against of by on at in to from with near outside into inside toward towards".split())
# Words that end a noun phrase when looking for its head: punctuation, conjunctions, relatives, auxiliaries.
_PHRASE_BREAK = re.compile(r"^(?:[^\w]+|and|or|that|which|who|was|were|is|are|has|had|have|been|be)$")


@dataclass
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[list[Token]]:
    """Sentences of tokens with character offsets, split by the one sentence splitter (`sentences.py`)."""
    sentences: list[list[Token]] = []
    for sentence in split_sentences(text, clauses=True):
        _add_sentence(sentences, text, sentence.start, sentence.end)
    return sentences


def _add_sentence(sentences: list[list[Token]], text: str, start: int, end: int) -> None:
    tokens = [Token(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]
    if tokens:
        sentences.append(tokens)


@functools.lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    shape = re.sub(r"[a-z]", "x", word.lower())
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


@functools.lru_cache(maxsize=1)
def _group_names() -> frozenset[str]:
    """Lower-cased group names and aliases from the alias table, when it is there."""
    import json

    path = Path(__file__).resolve().parent.parent / "data" / "groups.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    names: set[str] = set()
    entries = raw.get("groups", raw) if isinstance(raw, dict) else raw
    items = entries.values() if isinstance(entries, dict) else entries
    for entry in items:
        if isinstance(entry, dict):
            for key in ("name", "canonical"):
                if isinstance(entry.get(key), str):
                    names.add(entry[key].lower())
            for alias in entry.get("aliases", []) or []:
                if isinstance(alias, str):
                    names.add(alias.lower())
    return frozenset(n for n in names if n)


@functools.lru_cache(maxsize=1)
def _gazetteer_words() -> frozenset[str]:
    return frozenset(w for name in _group_names() for w in re.findall(r"\w+", name) if len(w) > 2)


@functools.lru_cache(maxsize=65536)
def _word_features(word: str, prefix: str) -> dict[str, Any]:
    """A word's own features under `prefix` (cached, as a document repeats words: callers copy, never change it)."""
    lower = word.lower()
    return {
        f"{prefix}w": lower,
        f"{prefix}suf3": lower[-3:],
        f"{prefix}shape": _shape(word),
        f"{prefix}title": lower in _TITLES,
        f"{prefix}groupw": lower in _GROUP_WORDS,
        f"{prefix}weaponw": lower in _WEAPON_WORDS,
        f"{prefix}placew": lower in _PLACE_WORDS,
        f"{prefix}trigger": bool(_TRIGGERS.match(lower)),
    }


def sentence_features(tokens: list[Token], index: int = 0) -> list[dict[str, Any]]:
    """CRF features of one sentence; `index` is its position in the document (leads report the incident)."""
    words = [t.text.lower() for t in tokens]
    triggers = [i for i, w in enumerate(words) if _TRIGGERS.match(w)]
    gazetteer = _gazetteer_words()
    in_group = _group_name_tokens(words)
    position = _bucket(index)
    features = []
    for i, word in enumerate(words):
        f: dict[str, Any] = {"bias": 1.0, **_word_features(word, "")}
        f["pre3"] = word[:3]
        f["suf2"] = word[-2:]
        f["suf4"] = word[-4:]
        f["digit"] = any(c.isdigit() for c in word)
        f["punct"] = not any(c.isalnum() for c in word)
        f["gaz"] = word in gazetteer
        f["gazname"] = in_group[i]
        f["doc_pos"] = position
        f["-3:w"] = words[i - 3] if i >= 3 else "<s>"
        f["+3:w"] = words[i + 3] if i + 3 < len(words) else "</s>"
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                f.update(_word_features(words[j], f"{offset:+d}:"))
            else:
                f[f"{offset:+d}:edge"] = True
        f["-1|0"] = f"{words[i - 1] if i else '<s>'}|{word}"
        f["0|+1"] = f"{word}|{words[i + 1] if i + 1 < len(words) else '</s>'}"
        if triggers:
            nearest = _nearest(triggers, i)
            distance = nearest - i
            f["trig_dist"] = _bucket(abs(distance))
            f["trig_side"] = "after" if distance > 0 else "before" if distance < 0 else "on"
            f["trig_word"] = words[nearest][:6]
        else:
            f["trig_dist"] = "none"
        f["sent_pos"] = _bucket(i)
        f["thead"] = word in _TARGET_HEADS
        f["phead"] = word in _PERSON_HEADS
        head = _phrase_head(words, i)
        if head is not None:
            kind, distance = head
            # A number is the feature's weight in crfsuite: the cue grows with the words still to come before
            # the noun, and is nil on the noun itself, which its own word-list features already mark.
            f[f"np_{kind}"] = distance
        features.append(f)
    return features


def _nearest(positions: list[int], i: int) -> int:
    """The position in the ascending list `positions` nearest to i, the earlier one on a tie; a binary search,
    so a sentence's features take n log n steps, not n squared on a long run-on sentence (hostile input)."""
    k = bisect.bisect_left(positions, i)
    if k == 0:
        return positions[0]
    if k == len(positions):
        return positions[-1]
    before, after = positions[k - 1], positions[k]
    return before if i - before <= after - i else after


def _phrase_head(words: list[str], i: int) -> tuple[str, int] | None:
    """The kind ("thead", "phead", "whead") of the first target, person or weapon noun from word i to the end of
    its phrase, and how many words ahead it is.

    Modifiers take their role from the noun they lead to: "santo tomas presidential farm" is a target from
    its first word on, "urban commando units" a perpetrator. Only four words ahead, and not past a
    preposition, conjunction or auxiliary, so a phrase does not borrow the noun of the next one.
    """
    for k in range(i, min(len(words), i + 5)):
        word = words[k]
        if word in _PREPOSITIONS or _PHRASE_BREAK.match(word):
            return None
        if word in _TARGET_HEADS or word in _PLACE_WORDS:
            return "thead", k - i
        if word in _PERSON_HEADS or word in _TITLES:
            return "phead", k - i
        if word in _WEAPON_WORDS:
            return "whead", k - i
    return None


def _group_name_tokens(words: list[str]) -> list[str]:
    """"B"/"I" for tokens inside a whole group name or alias from the alias table, else "O"."""
    names = _group_name_tuples()
    marks = ["O"] * len(words)
    i = 0
    while i < len(words):
        for length in range(min(8, len(words) - i), 0, -1):
            if tuple(words[i : i + length]) in names:
                marks[i] = "B"
                for j in range(i + 1, i + length):
                    marks[j] = "I"
                i += length - 1
                break
        i += 1
    return marks


@functools.lru_cache(maxsize=1)
def _group_name_tuples() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_TOKEN.findall(name)) for name in _group_names())


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 10:
        return "7-10"
    if n <= 20:
        return "11-20"
    return "20+"


# --------------------------------------------------------------------------- inference


def _tagger() -> Any:
    """The trained CRF, checked by the registry and loaded once per process; None (after a warning) when it
    is not installed: then no role mentions are found."""
    return load_with(MODEL, _open_tagger)


def _open_tagger(path: Path) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


# A token is part of a role mention when the CRF gives "O" less than this marginal probability (per role;
# tuned on MUC-4 dev). Above 0.5 the tagger finds more fillers than its single best labelling does, which
# pays for perpetrators and weapons; for targets and victims the extra ones are mostly wrong.
O_THRESHOLDS: dict[str, float] = {"PerpInd": 0.7, "PerpOrg": 0.7, "Target": 0.5, "Victim": 0.5, "Weapon": 0.7}
O_THRESHOLD = 0.5  # for roles not in the table


def tag_text(text: str, o_threshold: float | None = None) -> list[tuple[str, int, int]]:
    """(CRF role label, start, end) spans of one text; `o_threshold` overrides the per-role thresholds."""
    tagger = _tagger()
    if tagger is None:
        return []
    labels_known = tagger.labels()
    spans: list[tuple[str, int, int]] = []
    for index, tokens in enumerate(tokenize(text)):
        tagger.set(sentence_features(tokens, index))
        labels = [_marginal_label(tagger, labels_known, i, o_threshold) for i in range(len(tokens))]
        spans.extend(decode(tokens, labels))
    return spans


def _marginal_label(tagger: Any, labels: list[str], position: int, threshold: float | None) -> str:
    """The most likely non-O label of a token, when its probability of "O" is below the role's threshold."""
    p_outside = tagger.marginal("O", position) if "O" in labels else 0.0
    if p_outside >= max(O_THRESHOLDS.values()) if threshold is None else p_outside >= threshold:
        return "O"
    by_role: dict[str, float] = {}
    for label in labels:
        if label != "O":
            role = label.split("-", 1)[1]
            by_role[role] = by_role.get(role, 0.0) + tagger.marginal(label, position)
    role = max(by_role, key=lambda r: by_role[r])
    if threshold is None and p_outside >= O_THRESHOLDS.get(role, O_THRESHOLD):
        return "O"
    begin = tagger.marginal(f"B-{role}", position) if f"B-{role}" in labels else 0.0
    inside = tagger.marginal(f"I-{role}", position) if f"I-{role}" in labels else 0.0
    return f"{'B' if begin >= inside else 'I'}-{role}"


def decode(tokens: list[Token], labels: list[str]) -> list[tuple[str, int, int]]:
    """BIO labels -> (role, start, end); an I- without its B- starts a span (the CRF may drop the B)."""
    spans: list[tuple[str, int, int]] = []
    current: list[Any] | None = None
    for token, label in zip(tokens, labels, strict=True):
        if label == "O":
            current = None
            continue
        prefix, role = label.split("-", 1)
        if current is not None and prefix == "I" and current[0] == role:
            current[2] = token.end
            continue
        current = [role, token.start, token.end]
        spans.append(current)  # type: ignore[arg-type]
    return [(str(s[0]), int(s[1]), int(s[2])) for s in spans]


def find_roles(work: Work, o_threshold: float | None = None) -> list[RoleMention]:
    """Role mentions of the whole document, each with its offsets and sentence index."""
    text = work.document.text
    mentions = []
    for role, start, end in tag_text(text, o_threshold):
        surface = _trim(text[start:end])
        if not surface:
            continue
        mentions.append(
            RoleMention(
                start=start,
                end=end,
                text=surface,
                sentence=_sentence_of(work.sentences, start),
                role=LABEL_ROLES[role],  # type: ignore[arg-type]
            )
        )
    return mentions


# Function words a span may pick up at its edges ("of book store", "embassy and"): never part of a filler.
# A trailing article is left by a span cut before its noun ("guerrillas of the").
_EDGE_WORDS = re.compile(
    r"^(?:(?:of|and|or|in|on|at|by|to|from|with)\s+)+|(?:\s+(?:of|and|or|in|on|at|by|to|with|the|a|an))+$",
    re.IGNORECASE,
)


_FUNCTION_WORD = re.compile(r"of|and|or|in|on|at|by|to|from|with", re.IGNORECASE)


def _trim(surface: str) -> str:
    trimmed = _EDGE_WORDS.sub("", surface.strip(" \t\n,.;:()[]")).strip(" \t\n,.;:()[]")
    return "" if _FUNCTION_WORD.fullmatch(trimmed) else trimmed


def _sentence_of(sentences: list[Sentence], offset: int) -> int:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end or offset < sentence.start:
            return sentence.index
    return sentences[-1].index if sentences else 0
