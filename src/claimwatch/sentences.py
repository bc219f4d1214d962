"""A fast rule-based sentence splitter: the whole document is split without running the NLP model."""

from __future__ import annotations

import re

from .model import Sentence

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "rev", "st", "sen",
    "rep", "gov", "pres", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g",
    "i.e", "a.m", "p.m", "approx", "dept", "mt", "ft", "brig", "cmdr", "adm",
}
_BOUNDARY = re.compile(r"""([.!?]["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*\S)""")
# A full stop glued to the next sentence, as some pages publish two paragraphs run together ("verletzt worden.Die
# Taliban"): a lower-case word of three letters or more, a stop, and a capitalised word; not "U.S.Army" or a
# domain name ("koaci.com").
_GLUED = re.compile(r"(?<=[a-zß-öø-ÿ]{3})(\.)(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
# Text written without capitals (lower-cased transcripts and corpora) has no capital to start a sentence:
# there a full stop before any word ends one, abbreviations aside.
_BOUNDARY_UNCASED = re.compile(r"""([.!?]["'”’)\]]*)\s+(?=["'“‘(\[]?\w)|\n\s*\n|\n(?=\s*\S)""")
# Below this share of capitals among the letters a text counts as written without capitals.
_UNCASED_SHARE = 0.005
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# Clauses for the role tagger: it was trained on MUC-4 cut at every stop, semicolon and wide gap, without the
# abbreviation and capital checks (reading the tagger's input with the sentence rules costs 0.15 MUC-4 F1 until
# the tagger is retrained on them).
_CLAUSE_BOUNDARY = re.compile(r"(?<=[.!?;])\s+|\n\s*\n|\s{3,}")
# Arabic script ends sentences with the Arabic question mark and full stop too, and has no capitals.
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
_ARABIC_MIN_LETTERS = 40  # Arabic letters in the lead that make a text Arabic-script
_BOUNDARY_ARABIC = re.compile(r"""([.!?؟۔]["'”’)\]»]*)\s+(?=\S)|\n\s*\n|\n(?=\s*\S)""")


def split_sentences(text: str, clauses: bool = False) -> list[Sentence]:
    """Split `text` into sentences with exact character offsets (whitespace around each is trimmed).
    `clauses=True` cuts at every stop, semicolon and wide gap instead (the role tagger's input)."""
    sentences: list[Sentence] = []
    start = 0
    if clauses:
        for match in _CLAUSE_BOUNDARY.finditer(text):
            _append(sentences, text, start, match.start())
            start = match.end()
        _append(sentences, text, start, len(text))
        return sentences
    if len(_ARABIC_SCRIPT.findall(text[:2000])) > _ARABIC_MIN_LETTERS:
        boundary = _BOUNDARY_ARABIC
    else:
        boundary = _BOUNDARY_UNCASED if written_without_capitals(text) else _BOUNDARY
    found = list(boundary.finditer(text))
    if boundary is _BOUNDARY:
        found = sorted(found + list(_GLUED.finditer(text)), key=lambda m: m.start())
    for match in found:
        end = match.end(1) if match.group(1) else match.start()
        if match.group(1) and match.group(1).startswith("."):
            word = _LAST_WORD.search(text[start:end])
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def written_without_capitals(text: str) -> bool:
    """Whether `text` is a lower-cased transcript or corpus text (then capitals mark neither sentences nor names)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 40 and sum(c.isupper() for c in letters) < _UNCASED_SHARE * len(letters)


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(index=len(sentences), start=start, end=end, text=text[start:end]))
