"""Stage 2: split sentences (cheap, every sentence) and parse with spaCy only those that need it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import lang, nlp
from .lang.detect import detect
from .sentences import split_sentences

if TYPE_CHECKING:
    from .work import Work

# A sentence is worth the model only if it may report an attack, a casualty, a claim or a quote.
NEEDS_PARSE = re.compile(
    r"attack|bomb|blast|explo|kill|dead|death|die|wound|injur|hurt|shot|shoot|gun|fire|stab|knife|"
    r"knives|ramm|vehicle|truck|kidnap|abduct|hostage|hijack|arson|torch|burn|assassin|massacre|"
    r"rampage|claim|responsib|denie|deny|said|says|told|according|statement|suicide|militant|"
    r"rebel|guerrill|terror|insurgen|ambush|raid|assault|grenade|rocket|mortar|dynamite|murder",
    re.IGNORECASE,
)


def needs_parse(text: str) -> bool:
    return bool(NEEDS_PARSE.search(text))


def stage(work: Work) -> Work:
    # The language chooses every later stage's resources: the source's or the caller's word, else detected.
    if not work.document.language:
        work.document.language = detect(work.document.text) or lang.DEFAULT
    work.document.language = lang.normalise(work.document.language)
    work.sentences = split_sentences(work.document.text)
    todo = [s for s in work.sentences if needs_parse(s.text)]
    if todo:
        model = nlp.load()
        for sentence, doc in zip(todo, model.pipe(s.text for s in todo), strict=True):
            work.parsed[sentence.index] = doc
    return work
