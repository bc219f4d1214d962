"""`claimwatch eval claims [PATH]`: score the pipeline on labelled modern articles (one call into the library)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # rich and the scorer load only when the command runs
    from rich.console import Console

    from ..evaluation.claims import ClaimsReport

DEFAULT_LABELS = Path("evaluation/claims/dev.jsonl")
DEFAULT_FLOORS = Path("evaluation/floors-claims.json")


def register(app: typer.Typer) -> None:
    app.command("claims")(eval_claims_command)


def eval_claims_command(
    path: Annotated[
        Path, typer.Argument(help="Labelled articles, one JSON object a line (relative to the current directory).")
    ] = DEFAULT_LABELS,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON instead of a table.")] = False,
    check_floors: Annotated[
        bool, typer.Option("--check-floors", help="Exit 1 when a score falls below its pinned floor.")
    ] = False,
    floors: Annotated[Path, typer.Option("--floors", help="Pinned floors: score name -> minimum.")] = DEFAULT_FLOORS,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N articles.")] = None,
) -> None:
    """Per-field accuracy of incidents and claims against labelled articles, with optional score floors."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..errors import EvaluationError
    from ..evaluation import claims

    console = Console(stderr=as_json)
    try:
        articles = claims.read_labels(path)[:limit]
        floor_values = claims.read_floors(floors) if check_floors else {}
    except EvaluationError as error:
        raise typer.BadParameter(str(error)) from error

    with Progress(
        TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as progress:
        task = progress.add_task("articles", total=len(articles))
        report = claims.evaluate(articles, on_article=lambda _: progress.advance(task))

    try:
        misses = claims.check_floors(report, floor_values) if check_floors else []
    except EvaluationError as error:
        raise typer.BadParameter(str(error)) from error
    if as_json:
        data = report.to_dict()
        data["floor_misses"] = [m.__dict__ for m in misses]
        print(json.dumps(data, indent=2))
    else:
        _print_table(console, report, floor_values)
    for miss in misses:
        console.print(f"[red]below floor[/red] {miss.name}: {miss.value:.3f} < {miss.floor:.3f}")
    if misses:
        raise typer.Exit(1)


def _print_table(console: Console, report: ClaimsReport, floors: dict[str, float]) -> None:
    from rich.table import Table

    table = Table(title=f"Claims evaluation: {report.documents} articles")
    for column in ("score", "value", "correct / total", "floor"):
        table.add_column(column, justify="left" if column == "score" else "right")
    for name, score in report.fields.items():
        table.add_row(name, f"{score.accuracy:.3f}", f"{score.correct} / {score.total}", _floor(floors, name))
    for kind, listed in (("incidents", report.incidents), ("claims", report.claims)):
        for measure in ("precision", "recall"):
            name = f"{kind}.{measure}"
            value = getattr(listed, measure)
            base = listed.predicted if measure == "precision" else listed.gold
            table.add_row(name, f"{value:.3f}", f"{listed.matched} / {base}", _floor(floors, name))
    console.print(table)
    console.print(f"{report.docs_per_second:.2f} docs/second ({report.seconds:.1f} s)")
    for article_id, reason in report.failures:
        console.print(f"[yellow]failed[/yellow] {article_id}: {reason}")


def _floor(floors: dict[str, float], name: str) -> str:
    return f"{floors[name]:.3f}" if name in floors else ""
