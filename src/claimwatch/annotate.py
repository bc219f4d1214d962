"""Stage 2: split sentences (cheap, every sentence) and parse with spaCy only those that need it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lang, nlp
from .lang.detect import detect
from .lexicon import ATTACK_STEMS, HARM_STEMS, SPEECH_STEMS, any_stem
from .sentences import split_sentences

if TYPE_CHECKING:
    from .work import Work

# A sentence is worth the model only if it may report an attack, a casualty, a claim or a quote.
NEEDS_PARSE = any_stem(ATTACK_STEMS, HARM_STEMS, SPEECH_STEMS)


def needs_parse(text: str) -> bool:
    return bool(NEEDS_PARSE.search(text))


def stage(work: Work) -> Work:
    # The language chooses every later stage's resources: the source's or the caller's word, else detected.
    if not work.document.language:
        work.document.language = detect(work.document.text) or lang.DEFAULT
    work.document.language = lang.normalise(work.document.language)
    work.sentences = split_sentences(work.document.text)
    todo = [s for s in work.sentences if needs_parse(s.text)]
    model = nlp.for_language(work.document.language) if todo else None
    if model is not None:
        for sentence, doc in zip(todo, model.pipe(s.text for s in todo), strict=True):
            work.parsed[sentence.index] = doc
    return work
