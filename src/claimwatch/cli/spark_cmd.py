"""`claimwatch spark extract | load`: the pipeline as a Spark job (claimwatch/spark/), from the shell."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from ..errors import ClaimwatchError

spark_app = typer.Typer(help="The pipeline as a Spark job over many articles, and loading its output.",
                        no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(spark_app, name="spark")


@spark_app.command("extract")
def extract_command(
    inputs: Annotated[list[str], typer.Argument(help="Files or folders: .jsonl .parquet .warc(.gz) .json .html .txt")],
    out: Annotated[str, typer.Option("--out", help="Output folder: one Parquet table per store table, and rejects.")],
    master: Annotated[str, typer.Option("--master", help="Spark master (local[*], local[2], spark://…, yarn).")] = (
        "local[*]"
    ),
    partitions: Annotated[int | None, typer.Option("--partitions", min=1, help="Tasks per stage.")] = None,
    text_column: Annotated[str, typer.Option("--text-column", help="Parquet inputs: the column with the text.")] = (
        "text"
    ),
) -> None:
    """Extract incidents and claims from every input on Spark, link them across documents, write Parquet."""
    from ..spark import job

    errors = Console(stderr=True, highlight=False)
    try:
        spark = job.session(master)
        try:
            summary = job.run(spark, inputs, out, partitions=partitions, text_column=text_column,
                              progress=lambda message: errors.print(f"spark: {message}", markup=False))
        finally:
            spark.stop()
    except ClaimwatchError as error:
        errors.print(f"error: {error}", markup=False)
        raise typer.Exit(1) from error
    errors.print(summary.line(), markup=False, soft_wrap=True)
    errors.print(f"wrote {out}/: " + ", ".join(f"{name} {rows}" for name, rows in summary.tables.items())
                 + f", rejects {summary.rejected}", markup=False, soft_wrap=True)


@spark_app.command("load")
def load_command(
    folder: Annotated[str, typer.Argument(help="The --out folder of 'claimwatch spark extract'.")],
    db: Annotated[str | None, typer.Option("--db", help="Store URL or path (default: CLAIMWATCH_DB).")] = None,
) -> None:
    """Load the job's tables into an empty store: PostgreSQL by COPY, or SQLite."""
    from ..spark.load import load

    errors = Console(stderr=True, highlight=False)
    try:
        counts = load(folder, db)
    except ClaimwatchError as error:
        errors.print(f"error: {error}", markup=False)
        raise typer.Exit(1) from error
    errors.print("loaded " + ", ".join(f"{name} {rows}" for name, rows in counts.items()), markup=False,
                 soft_wrap=True)
