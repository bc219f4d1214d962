"""Where the shipped models are read from, once per process."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any


@functools.lru_cache(maxsize=8)
def read_json_model(path: Path) -> dict[str, Any] | None:
    """A model stored as plain JSON, read once per process; None when the file is missing or unreadable."""
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None
