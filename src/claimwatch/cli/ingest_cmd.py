"""`claimwatch ingest PATH...`: read, extract and store a batch, with a progress bar and a summary."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, cast

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

if TYPE_CHECKING:
    from ..ingest.batch import Outcome, StoreLike


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)


def open_store(url: str | None) -> StoreLike:
    """The store to write to (a function, so tests can hand in an in-memory one)."""
    from ..store import Store

    return cast("StoreLike", Store(url))


def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt .html .json .jsonl .warc .warc.gz), or - for stdin.")
    ],
    db: Annotated[str | None, typer.Option("--db", help="Store URL or path (default: CLAIMWATCH_DB).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes that run the extraction.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
    language: Annotated[
        str | None, typer.Option("--lang", help="Language of every document (ISO 639-1, e.g. fr); default: detected.")
    ] = None,
) -> None:
    """Read documents, extract incidents and claims, and store them; files already stored are skipped."""
    from ..ingest.batch import ingest_batch

    errors = Console(stderr=True, highlight=False)
    store = open_store(db)  # a store that cannot be opened: one line, exit 1 (the wrapper in cli/__init__.py)
    try:
        with _progress(errors) as progress:
            task = progress.add_task("ingest", total=None, failed=0)

            def report(outcome: Outcome) -> None:
                if outcome.status == "failed":
                    progress.console.print(
                        f"{outcome.source}: {outcome.reason}", markup=False, highlight=False, soft_wrap=True
                    )
                failed = progress.tasks[task].fields["failed"] + (outcome.status == "failed")
                progress.update(task, advance=1, failed=failed)

            summary = ingest_batch(paths, store, workers=workers, on_outcome=report, language=language)
    finally:
        close = getattr(store, "close", None)
        if callable(close):
            close()
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), indent=2))
    else:
        errors.print(
            f"{summary.documents} documents: {summary.new} new, {summary.duplicates} duplicates, "
            f"{summary.failed} failed; {summary.incidents} incidents, {summary.claims} claims "
            f"({summary.seconds:.1f} s, {summary.docs_per_second:.2f} docs/s)",
            markup=False,
            soft_wrap=True,
        )
    if summary.failed:
        raise typer.Exit(1)


class _SpeedColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.2f} docs/s" if speed else "- docs/s")


def _progress(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        _SpeedColumn(),
        TextColumn("[red]{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
