"""`claimwatch watch`, `claimwatch sources [add|remove]`, `claimwatch alerts`: thin layers over
`claimwatch.feeds`."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import ClaimwatchError

DbOption = Annotated[str | None, typer.Option("--db", help="Store URL or path (default: CLAIMWATCH_DB).")]
ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help="The watcher's TOML config "
                                                   "(sources, alerts, settings).")]
sources_app = typer.Typer(help="List, add or remove the sources `claimwatch watch` polls.")


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_command)
    app.add_typer(sources_app, name="sources")
    sources_app.callback(invoke_without_command=True)(sources_command)
    sources_app.command("add")(sources_add_command)
    sources_app.command("remove")(sources_remove_command)
    app.command("alerts")(alerts_command)


def _errors() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(error: ClaimwatchError) -> typer.Exit:
    _errors().print(f"error: {error}", markup=False)
    return typer.Exit(1)


def watch_command(
    config: ConfigOption = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once, process the new items, "
                                       "deliver alerts and exit (for cron).")] = False,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="With --once: print the pass's counts as JSON.")] = False,
) -> None:
    """Poll the sources, store new articles through the pipeline and send alerts; Ctrl-C stops cleanly."""
    from ..feeds.config import load_config
    from ..feeds.watcher import Watcher, WatchStats
    from ..store import Store

    errors = _errors()
    try:
        settings = load_config(config)
        store = Store(db)
    except ClaimwatchError as error:
        raise _fail(error) from error
    watcher = Watcher(store, settings, on_event=lambda message: errors.print(message, markup=False))

    def stop(signum: int, _frame: Any) -> None:
        errors.print(f"{signal.Signals(signum).name}: stopping after the current item", markup=False)
        watcher.stop()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if once:
            stats = watcher.run_once(force=True)
            if as_json:
                typer.echo(json.dumps(stats.to_dict()))
            errors.print(stats.line(), markup=False)
        else:
            def show(stats: WatchStats) -> None:
                errors.print(f"{_now()} {stats.line()}", markup=False)

            watcher.run_forever(on_pass=show)
    except ClaimwatchError as error:
        raise _fail(error) from error
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        watcher.close()
        store.close()


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%H:%M:%S")


def sources_command(
    ctx: typer.Context,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the sources with their schedule, items and last error."""
    if ctx.invoked_subcommand is not None:
        return
    from ..feeds import state
    from ..store import Store

    try:
        with Store(db) as store:
            sources = state.list_sources(store.engine)
    except ClaimwatchError as error:
        raise _fail(error) from error
    if as_json:
        typer.echo(json.dumps([s.to_dict() for s in sources], indent=2))
        return
    table = Table(title=f"{len(sources)} sources", title_justify="left")
    for column in ("URL", "Every", "Next poll (UTC)", "Items", "Stored", "Pending", "Failed", "Last error"):
        table.add_column(column, justify="right" if column in ("Items", "Stored", "Pending", "Failed") else "left")
    for s in sources:
        table.add_row(s.url, _interval(s.every_seconds), s.next_poll_at.strftime("%Y-%m-%d %H:%M:%S"),
                      str(s.items_seen), str(s.items_stored), str(s.items_pending), str(s.items_failed),
                      (f"[{s.error_count}x] " + s.last_error) if s.last_error else "")
    Console(highlight=False, width=200).print(table, markup=False)


def _interval(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def sources_add_command(
    url: Annotated[str, typer.Argument(help="An RSS/Atom feed, a news sitemap or a list of URLs (http/https).")],
    every: Annotated[str, typer.Option("--every", help="How often to poll it: 90s, 10m, 2h, 1d.")] = "10m",
    kind: Annotated[str, typer.Option("--kind", help="auto, feed, sitemap or urls.")] = "auto",
    db: DbOption = None,
) -> None:
    """Add a source (or change its interval); `claimwatch watch` polls it from its next pass."""
    from ..feeds import state
    from ..feeds.config import KINDS, check_url, parse_interval
    from ..feeds.watcher import utcnow
    from ..store import Store

    try:
        if kind not in KINDS:
            raise ClaimwatchError(f"--kind {kind!r} is not one of {', '.join(KINDS)}")
        seconds = parse_interval(every, "--every")
        with Store(db) as store:
            source = state.add_source(store.engine, check_url(url, "URL"), seconds, kind, "command", utcnow())
    except ClaimwatchError as error:
        raise _fail(error) from error
    _errors().print(f"source {source.url}: every {_interval(source.every_seconds)}, kind {source.kind}", markup=False)


def sources_remove_command(url: Annotated[str, typer.Argument(help="The source's URL.")], db: DbOption = None) -> None:
    """Stop polling a source (what it already brought in stays stored)."""
    from ..feeds import state
    from ..store import Store

    try:
        with Store(db) as store:
            state.remove_source(store.engine, url)
    except ClaimwatchError as error:
        raise _fail(error) from error
    _errors().print(f"removed {url}", markup=False)


def alerts_command(
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many, newest first.")] = 20,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List recent alerts with their delivery status."""
    from ..feeds.alerts import list_alerts
    from ..store import Store

    try:
        with Store(db) as store:
            records = list_alerts(store.engine, limit)
    except ClaimwatchError as error:
        raise _fail(error) from error
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in records], indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(records)} alerts", title_justify="left")
    for column in ("Created (UTC)", "Rule", "Incident", "Claim", "To", "Status", "Tries", "Last error"):
        table.add_column(column)
    for r in records:
        claim = r.payload.get("claim") or {}
        group = (claim.get("group") or {}).get("name", "")
        table.add_row(r.created_at.strftime("%Y-%m-%d %H:%M:%S"), r.rule, r.payload["incident"]["id"],
                      f"{group} ({claim.get('status')})" if claim else "", r.destination, r.status,
                      str(r.attempts), r.last_error or "")
    Console(highlight=False, width=200).print(table, markup=False)
