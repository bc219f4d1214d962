"""Placeholder: filled in by the work that owns `claimwatch/cli/eval_claims.py`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    _ = app
