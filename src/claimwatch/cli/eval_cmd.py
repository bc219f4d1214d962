"""`claimwatch eval muc4|claims`: score the pipeline on labelled data."""

from __future__ import annotations

import typer

from . import eval_claims, eval_muc4

eval_app = typer.Typer(help="Score the extraction pipeline on labelled data.", no_args_is_help=True)
eval_muc4.register(eval_app)
eval_claims.register(eval_app)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
