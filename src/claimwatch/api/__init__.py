"""The REST API and dashboard app (needs the `web` extra: `pip install claimwatch[web]`).

    >>> from claimwatch.api import create_app
    >>> app = create_app(store, token="secret")      # serve with uvicorn, or `claimwatch serve`
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
