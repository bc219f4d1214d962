"""`claimwatch serve` (REST API + dashboard) and `claimwatch stats` (claim-timing analytics)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Annotated, Any

import typer

from ..settings import SETTINGS

Db = Annotated[str | None, typer.Option("--db", help=SETTINGS["db"].help, envvar=SETTINGS["db"].env)]


def _open_store(db: str | None) -> Any:
    from ..store import Store

    return Store(db)  # a store that cannot be opened: one line, exit 1 (the wrapper in cli/__init__.py)


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Interface to listen on; 0.0.0.0 exposes it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    token: Annotated[
        str | None, typer.Option(help=SETTINGS["token"].help + " Without one, writes are refused.",
                                 envvar=SETTINGS["token"].env)
    ] = None,
    protect_reads: Annotated[bool, typer.Option("--protect-reads", help="Reads need the token too.")] = False,
) -> None:
    """Serve the REST API under /api/ and the dashboard under / ."""
    try:
        import uvicorn

        from ..api import create_app
    except ImportError as error:
        raise typer.BadParameter(
            f"the web server needs the web extra: pip install 'claimwatch[web]' ({error})"
        ) from error
    if protect_reads and not token:
        raise typer.BadParameter("--protect-reads needs --token (or CLAIMWATCH_TOKEN)", param_hint="--protect-reads")
    store = _open_store(db)
    typer.echo(f"Claimwatch dashboard on http://{host}:{port}/  (API docs: /api/docs)", err=True)
    try:
        uvicorn.run(create_app(store, token=token, protect_reads=protect_reads), host=host, port=port)
    finally:
        store.close()


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a date like 2017-06-03", param_hint="--since") from error


def stats(
    db: Db = None,
    group: Annotated[str | None, typer.Option(help="Only this group (canonical name, e.g. 'Islamic State').")] = None,
    since: Annotated[str | None, typer.Option(help="Only incidents on or after this date (YYYY-MM-DD).")] = None,
    unclaimed_days: Annotated[int, typer.Option(help="List incidents with no claim after this many days.")] = 7,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Claim delays per group and channel, unusual claims, wording, conflicts and unclaimed attacks."""
    from ..service import Desk

    start = _since(since)
    store = _open_store(db)
    try:
        summary, quiet = Desk(store).stats(group=group, since=start, unclaimed_days=unclaimed_days,
                                           today=datetime.now().date())
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps({**summary.to_dict(), "unclaimed": [u.to_dict() for u in quiet]}, indent=2))
        return
    _print(summary, quiet, unclaimed_days)


def _print(summary: Any, quiet: list[Any], days: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=True)

    def delays(title: str, rows: dict[str, Any]) -> None:
        table = Table(title=title, title_justify="left")
        for column in ("", "n", "median h", "Q1–Q3 h", "median if ranges at low/high", "ranges"):
            table.add_column(column, justify="left" if not column else "right")
        for name, s in rows.items():
            table.add_row(name, str(s.n), _h(s.median.value), f"{_h(s.q1.value)}–{_h(s.q3.value)}",
                          f"{_h(s.median.low)}–{_h(s.median.high)}", str(s.uncertain))
        console.print(table)

    console.print(f"{summary.claims} claims")
    delays("Claim delay by group", summary.by_group)
    delays("Claim delay by channel", summary.by_channel)
    console.print("[bold]Unusual delays[/bold] (outside Q1 − 1.5 IQR … Q3 + 1.5 IQR of the group's earlier claims)")
    for a in summary.anomalies or []:
        console.print(f"  {a.kind}: {a.sentence}  [{a.claim_id}]", markup=False)
    if not summary.anomalies:
        console.print("  none")
    console.print("[bold]Wording[/bold] (directed / inspired / unclear)")
    for name, periods in summary.link_shares.items():
        line = ", ".join(f"{p}: {c['directed']}/{c['inspired']}/{c['unclear']}" for p, c in periods.items())
        console.print(f"  {name}: {line}", markup=False)
    console.print("[bold]Competing or denied claims[/bold]")
    for c in summary.conflicts:
        parts = [f"claimed by {', '.join(c.claimed_by)}" if c.claimed_by else "",
                 f"denied by {', '.join(c.denied_by)}" if c.denied_by else ""]
        console.print(f"  {c.incident_id}: {'; '.join(p for p in parts if p)}", markup=False)
    console.print(f"[bold]Unclaimed after {days} days[/bold]")
    for u in quiet:
        console.print(f"  {u.date} {u.place or ''} ({u.days} days) [{u.incident_id}]", markup=False)


def _h(hours: float) -> str:
    return f"{round(hours, 1):g}"


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("stats")(stats)
