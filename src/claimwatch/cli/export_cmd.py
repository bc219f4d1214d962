"""`claimwatch export FORMAT [filters] -o FILE` and `claimwatch import gtd-csv FILE`.

Each is one call into `claimwatch.export`; the filters are those of `claimwatch incidents`.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import ClaimwatchError

importer = typer.Typer(help="Import records kept in other formats.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
    app.add_typer(importer, name="import")
    importer.command("gtd-csv")(import_gtd_command)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD", param_hint=option) from error


def _size(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def export_command(
    format_name: Annotated[str, typer.Argument(metavar="FORMAT", help="stix, misp, gtd-csv, parquet or geojson.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (a folder for parquet); "
                                                "default: stdout.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Incidents on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Incidents on or before this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="Country code or name (FR, France).")] = None,
    group: Annotated[str | None, typer.Option("--group", help="A group that claimed it or is named.")] = None,
    attack_type: Annotated[str | None, typer.Option("--type", help="Attack type (bombing, shooting, …).")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Words in a reporting document.")] = None,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Only incidents at least this sure (0-1, e.g. 0.8).")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Store URL or path (default: CLAIMWATCH_DB).")] = None,
) -> None:
    """Export the incidents that pass the filters as STIX 2.1, MISP, GTD-codebook CSV, Parquet or GeoJSON."""
    from ..export import ExportFilter, export
    from ..store import Store

    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    filters = ExportFilter(_date(since, "--since"), _date(until, "--until"), country, group, attack_type, None, query,
                           min_confidence)
    try:
        with Store(db) as store:
            files = export(store, format_name, filters)
            incidents = store.count_incidents(**filters.filters())
    except ClaimwatchError as error:
        errors.print(f"error: {error}", markup=False)
        raise typer.Exit(1) from error
    if output is None:
        if len(files) > 1 or files[0].media_type.startswith("application/vnd.apache"):
            errors.print(f"error: the {format_name} export is binary and has {len(files)} files: give -o FOLDER",
                         markup=False)
            raise typer.Exit(2)
        sys.stdout.buffer.write(files[0].content)
        errors.print(f"{incidents} incidents as {format_name} ({_size(len(files[0].content))})", markup=False)
        return
    try:
        if len(files) > 1:
            output.mkdir(parents=True, exist_ok=True)
            for file in files:
                (output / file.name).write_bytes(file.content)
            written = ", ".join(f"{f.name} ({_size(len(f.content))})" for f in files)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(files[0].content)
            written = f"{output} ({_size(len(files[0].content))})"
    except OSError as error:
        errors.print(f"error: cannot write {output}: {error.strerror or error}", markup=False)
        raise typer.Exit(1) from error
    where = f" in {output}/" if len(files) > 1 else ""
    errors.print(f"{incidents} incidents as {format_name}{where}: {written}", markup=False)


def import_gtd_command(
    path: Annotated[Path, typer.Argument(help="A CSV in the GTD codebook's format (GTD itself, or a spreadsheet).")],
    db: Annotated[str | None, typer.Option("--db", help="Store URL or path (default: CLAIMWATCH_DB).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
) -> None:
    """Store each GTD-format row as an incident with its source, merged with incidents already stored."""
    from ..export.gtd_import import import_gtd_csv
    from ..store import Store

    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        with Store(db) as store:
            summary = import_gtd_csv(path, store)
    except ClaimwatchError as error:
        errors.print(f"error: {error}", markup=False)
        raise typer.Exit(1) from error
    for line, reason in summary.failed:
        errors.print(f"{path}:{line}: {reason}", markup=False)
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), indent=2))
    else:
        errors.print(f"{summary.rows} rows: {summary.new} new, {summary.merged} merged with stored incidents, "
                     f"{summary.duplicates} already stored, {len(summary.failed)} failed", markup=False)
    if summary.failed:
        raise typer.Exit(1)
