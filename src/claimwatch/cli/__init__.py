"""The `claimwatch` command: one module per group of commands, each a thin layer over the library."""

from __future__ import annotations

import typer

from . import eval_cmd, extract_cmd, ingest_cmd, query_cmd, serve_cmd, spark_cmd, train_cmd

app = typer.Typer(
    help="Claimwatch: militant attacks and claims of responsibility, as a sourced, queryable record.",
    no_args_is_help=True,
    add_completion=False,
)



@app.callback()
def _root() -> None:
    """Claimwatch: militant attacks and claims of responsibility, as a sourced, queryable record."""


for module in (ingest_cmd, extract_cmd, query_cmd, eval_cmd, serve_cmd, train_cmd, spark_cmd):
    module.register(app)


def main() -> None:
    app()
