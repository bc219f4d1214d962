"""The `claimwatch` command: one module per group of commands, each a thin layer over the library.

One error wrapper for every command (`_Commands.invoke`): a `ClaimwatchError` raised anywhere below
becomes `error: <message>` on stderr and exit status 1, so commands just call the library. `--verbose`
turns on the standard `logging` output (INFO; twice for DEBUG).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ..errors import ClaimwatchError
from . import eval_cmd, export_cmd, extract_cmd, ingest_cmd, query_cmd, serve_cmd, spark_cmd, train_cmd, watch_cmd


class _Commands(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimwatchError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(1) from error


app = typer.Typer(
    cls=_Commands,
    help="Claimwatch: militant attacks and claims of responsibility, as a sourced, queryable record.",
    no_args_is_help=True,
    add_completion=False,
)

# Libraries that log every page they cannot use; we report those pages as typed errors instead.
QUIET_LOGGERS = ("trafilatura", "htmldate", "justext", "readability")


def configure_logging(verbosity: int) -> None:
    """Standard logging to stderr: warnings by default, INFO with -v, DEBUG with -vv."""
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", force=True)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL if verbosity < 2 else logging.DEBUG)


@app.callback()
def _root(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                         help="Log what happens (-v: INFO, -vv: DEBUG, with library logs).")] = 0,
) -> None:
    """Claimwatch: militant attacks and claims of responsibility, as a sourced, queryable record."""
    configure_logging(verbose)


for module in (ingest_cmd, extract_cmd, query_cmd, eval_cmd, serve_cmd, train_cmd, export_cmd, watch_cmd, spark_cmd):
    module.register(app)


def main() -> None:
    app()
