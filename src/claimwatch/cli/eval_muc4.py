"""`claimwatch eval muc4 [PATH]`: run the pipeline on MUC-4 documents and score the templates it fills."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_PATH = Path("../shared/data/muc4/dev.jsonl")
CV_PATH = Path("../shared/data/muc4/train.jsonl")
FLOORS_PATH = Path(__file__).resolve().parents[3] / "evaluation" / "floors-muc4.json"


def register(app: typer.Typer) -> None:
    app.command("muc4")(eval_muc4_command)


def eval_muc4_command(
    path: Annotated[
        Path | None,
        typer.Argument(help=f"A MUC-4 JSON-lines file (default: {DEFAULT_PATH}, relative to the current directory)."),
    ] = None,
    predictions_out: Annotated[
        Path | None,
        typer.Option("--predictions-out", help="Write the predicted templates here ({docid: {pred_templates}})."),
    ] = None,
    check_floors: Annotated[
        bool, typer.Option("--check-floors", help="Exit 1 when an F1 falls below its pinned floor.")
    ] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N documents.")] = None,
    cv: Annotated[
        int | None,
        typer.Option("--cv", help="K-fold cross-validation over train (default path: ../shared/data/muc4/train.jsonl): "
                     "every model retrained out of fold; prints the pooled table, the fold mean and a bootstrap "
                     "interval. --cv 5 takes tens of minutes on two cores."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="The fold shuffle and bootstrap seed (with --cv).")] = 0,
    cv_encoder: Annotated[
        bool, typer.Option("--cv-encoder", help="With --cv, also fine-tune the contextual tagger in every fold "
                           "(an hour or more per fold on CPU); without it the shipped one is used and reported.")
    ] = False,
) -> None:
    """Score incident templates (type, perpetrators, targets, victims, weapons) on MUC-4."""
    if cv is not None:
        _cross_validate(path or CV_PATH, cv, seed, limit, cv_encoder)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..errors import ClaimwatchError
    from ..evaluation import muc4
    from ..model import Document
    from ..pipeline import extract_document

    console = Console()
    source = path or DEFAULT_PATH
    if not source.exists():
        if path is None:
            console.print(f"MUC-4 data not found at {source.resolve()}; skipping")
            raise typer.Exit(0)
        console.print(f"[red]MUC-4 data not found at {source.resolve()}[/red]")
        raise typer.Exit(1)
    try:
        documents = list(muc4.read_documents(source))[:limit]
    except ClaimwatchError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error

    predictions: dict[str, list[muc4.Template]] = {}
    started = time.perf_counter()
    with Progress(
        TextColumn("scoring MUC-4"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console
    ) as progress:
        task = progress.add_task("documents", total=len(documents))
        for document in documents:
            extraction = extract_document(Document(text=document.text, source=document.docid))
            predictions[document.docid] = muc4.extraction_to_templates(extraction)
            progress.advance(task)
    seconds = time.perf_counter() - started

    scores = muc4.report(muc4.score(predictions, documents))
    _print_table(console, scores, len(documents), seconds, source)
    if predictions_out is not None:
        muc4.write_predictions(predictions_out, predictions)
        console.print(f"predictions written to {predictions_out}")
    if check_floors and not _meets_floors(console, scores):
        raise typer.Exit(1)


def _print_table(console: object, scores: dict, documents: int, seconds: float, source: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    assert isinstance(console, Console)
    table = Table(title=f"MUC-4 template filling — {source.name} ({documents} documents)")
    table.add_column("role")
    for column in ("P", "R", "F1"):
        table.add_column(column, justify="right")
    for slot, score in scores.items():
        style = "bold" if slot == "micro" else None
        table.add_row(slot, f"{score.precision:.2f}", f"{score.recall:.2f}", f"{score.f1:.2f}", style=style)
    console.print(table)
    rate = documents / seconds if seconds else 0.0
    console.print(f"{rate:.1f} docs/second ({seconds:.1f} s)")


def _meets_floors(console: object, scores: dict) -> bool:
    from rich.console import Console

    assert isinstance(console, Console)
    if not FLOORS_PATH.exists():
        console.print(f"[yellow]no floors at {FLOORS_PATH}; nothing to check[/yellow]")
        return True
    raw = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    floors = {slot: float(value) for slot, value in raw.items() if not slot.startswith("_")}  # F1, 0-100
    failed = [(slot, scores[slot].f1, floor) for slot, floor in floors.items() if slot in scores
              and scores[slot].f1 < floor]
    for slot, f1, floor in failed:
        console.print(f"[red]{slot}: F1 {f1:.2f} is below its floor {floor:.2f}[/red]")
    if not failed:
        console.print("all MUC-4 floors met")
    return not failed


def _cross_validate(source: Path, folds: int, seed: int, limit: int | None, encoder: bool) -> None:
    import tempfile

    from rich.console import Console

    from ..evaluation.muc4_cv import cross_validate

    console = Console(stderr=True)
    out = Console()
    if not source.exists():
        console.print(f"[red]MUC-4 data not found at {source.resolve()}[/red]")
        raise typer.Exit(1)
    with tempfile.TemporaryDirectory() as directory:
        if limit is not None:  # a quick run over the first N documents
            lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
            source = Path(directory) / source.name
            source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            result = cross_validate(source, folds, seed=seed, encoder=encoder,
                                    progress=lambda line: console.print(line, highlight=False, markup=False))
        except ValueError as error:
            console.print(f"[red]{error}[/red]")
            raise typer.Exit(1) from error
    documents = sum(f.documents for f in result.folds)
    _print_table(out, result.scores, documents, result.seconds, source)
    folds_line = ", ".join(f"{f.micro_f1:.2f}" for f in result.folds)
    low, high = result.interval
    out.print(f"{folds}-fold CV micro F1: mean {result.mean:.2f} ± {result.std:.2f} over folds ({folds_line}); "
              f"pooled {result.scores['micro'].f1:.2f}, 95% bootstrap interval {low:.2f}-{high:.2f}")
    for name in result.leaks:
        out.print(f"[yellow]note: the shipped {name} model was used in every fold (trained on all of train); "
                  "--cv-encoder retrains it per fold[/yellow]")
