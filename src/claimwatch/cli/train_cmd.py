"""`claimwatch train muc4 [PATH]`: retrain the shipped MUC-4 models (role tagger, relevance and type)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DEFAULT_TRAIN = Path("../shared/data/muc4/train.jsonl")

train_app = typer.Typer(help="Retrain the models that ship in claimwatch/data/models.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")


@train_app.command("muc4")
def train_muc4_command(
    path: Annotated[Path, typer.Argument(help="MUC-4 training JSON lines.")] = DEFAULT_TRAIN,
    iterations: Annotated[int, typer.Option("--iterations", help="CRF L-BFGS iterations.")] = 100,
    limit: Annotated[int | None, typer.Option("--limit", help="Train on the first N documents only.")] = None,
) -> None:
    """Train the CRF role tagger and the document relevance/type model on MUC-4 (a few minutes, CPU)."""
    from ..training.muc4 import train

    if not path.exists():
        typer.echo(f"MUC-4 training data not found at {path.resolve()}", err=True)
        raise typer.Exit(1)
    report = train(path, iterations=iterations, limit=limit)
    typer.echo(f"trained on {report.documents} documents ({report.sentences} sentences) in {report.seconds:.0f} s")
    for written in report.paths:
        typer.echo(f"  wrote {written}")
