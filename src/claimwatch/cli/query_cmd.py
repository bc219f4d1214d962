"""`claimwatch incidents | claims | show | search | demo`: read the store (each one call into `service.Desk`).

Tables for people (rich), `--json` for programs. Domain errors (`NotFound`, `StoreError`) become one
line on stderr and exit status 1 (the wrapper in `cli/__init__.py`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..service import ClaimQuery, Desk, IncidentQuery

if TYPE_CHECKING:
    from ..model import Count, Place, Range
    from ..store import ClaimRecord, IncidentRecord, Store

DbOption = Annotated[str | None, typer.Option("--db", help="Store URL or path (default: CLAIMWATCH_DB).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option("--min-confidence", min=0.0, max=1.0,
                 help="Only records at least this sure (0-1, e.g. 0.8): the pipeline's calibrated confidence."),
]
DEMO_DB = "claimwatch-demo.db"
PIPE_WIDTH = 160


def register(app: typer.Typer) -> None:
    app.command("incidents")(incidents_command)
    app.command("claims")(claims_command)
    app.command("show")(show_command)
    app.command("search")(search_command)
    app.command("demo")(demo_command)


# --------------------------------------------------------------------------- plumbing


def open_store(url: str | None) -> Store:
    """The store to read (a function, so tests can hand in another one)."""
    from ..store import Store

    return Store(url)


@contextmanager
def _store(url: str | None) -> Iterator[Store]:
    """Open the store and close it again, whatever happens inside."""
    store = open_store(url)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _desk(url: str | None) -> Iterator[Desk]:
    with _store(url) as store:
        yield Desk(store, page_max=None)


def _console() -> Console:
    """Tables for a terminal fit it; piped into a file or a pager they get room (rich would assume 80)."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else PIPE_WIDTH)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD", param_hint=option) from error


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _count(count: Count) -> str:
    if count.value is not None:
        return str(count.value)
    if count.min is not None and count.max is not None:
        return f"{count.min}–{count.max}"
    if count.min is not None:
        return f"≥{count.min}"
    if count.max is not None:
        return f"≤{count.max}"
    return ""


def confidence_text(value: float | None) -> str:
    """"87%", or "" when the record has no confidence (stored before confidences were kept)."""
    return "" if value is None else f"{round(value * 100)}%"


def _firm(text: str, firmness: dict[str, str], name: str) -> str:
    """A value with how it was read when that is not firm: "≥20 (bounded)", "2017-06-03 (relative)"."""
    from ..confidence import FIRM

    how = firmness.get(name)
    return f"{text} ({how})" if text and how and how not in FIRM else text


def _hours(delay: Range) -> str:
    if delay.value is not None:
        return f"{delay.value:g}"
    if delay.min is not None or delay.max is not None:
        low = f"{delay.min:g}" if delay.min is not None else ""
        high = f"{delay.max:g}" if delay.max is not None else ""
        return f"{low}–{high}"
    return ""


def _place(place: Place | None, country: str | None = None) -> str:
    if place is None:
        return f"({country})" if country else ""  # known only by its country
    return f"{place.name} ({place.country_code})" if place.country_code else place.name


def _date_text(value: str | None, precision: str | None) -> str:
    if not value:
        return ""
    return value if precision in (None, "day", "hour") else f"{value} ({precision})"


# --------------------------------------------------------------------------- incidents


def incidents_command(
    since: Annotated[str | None, typer.Option("--since", help="Incidents on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Incidents on or before this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="Country code or name (FR, France).")] = None,
    group: Annotated[str | None, typer.Option("--group", help="A group that claimed it or is named.")] = None,
    attack_type: Annotated[str | None, typer.Option("--type", help="Attack type (bombing, shooting, …).")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Words in a reporting document.")] = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many incidents.")] = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List incidents, newest first, with their current casualty figures, claims and confidence."""
    since_date, until_date = _date(since, "--since"), _date(until, "--until")
    filters = IncidentQuery(since_date, until_date, country, group, attack_type, query=query,
                            min_confidence=min_confidence)
    with _desk(db) as desk:
        page = desk.incidents(filters, limit=limit)
    records, total = page.items, page.total
    if as_json:
        _print_json({"total": total, "incidents": [r.to_dict() for r in records]})
        return
    console = _console()
    console.print(incidents_table(records, f"{len(records)} of {total} incidents"))


def incidents_table(records: list[IncidentRecord], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("ID", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Place", min_width=10)
    table.add_column("Type", min_width=8)
    table.add_column("Killed", justify="right")
    table.add_column("Wounded", justify="right")
    table.add_column("Claimed by", min_width=12)
    table.add_column("Docs", justify="right")
    table.add_column("Conf.", justify="right")
    for record in records:
        claimants = sorted({f"{c.group.name} ({c.status})" for c in record.claims if c.group})
        table.add_row(
            record.id,
            _date_text(record.date, record.date_precision),
            _place(record.place, record.country),
            ", ".join(record.attack_types),
            _firm(_count(record.killed), record.firmness, "killed"),
            _firm(_count(record.wounded), record.firmness, "wounded"),
            "; ".join(claimants),
            str(len(record.sources)),
            confidence_text(record.confidence),
        )
    return table


# --------------------------------------------------------------------------- claims


def claims_command(
    group: Annotated[str | None, typer.Option("--group", help="Only this group (name or Wikidata id).")] = None,
    status: Annotated[str | None, typer.Option("--status", help="claimed, denied, disputed or suspected.")] = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many claims.")] = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List claims of responsibility, with the delay between attack and claim in hours and the confidence."""
    query = ClaimQuery(group=group, status=status, min_confidence=min_confidence)
    with _desk(db) as desk:
        records = desk.claims(query, limit=limit, count=False).items
    if as_json:
        _print_json([r.to_dict() for r in records])
        return
    _console().print(claims_table(records, f"{len(records)} claims"))


def claims_table(records: list[ClaimRecord], title: str, *, with_incident: bool = True) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("ID", no_wrap=True)
    table.add_column("Group", min_width=12)
    if with_incident:
        table.add_column("Incident", no_wrap=True)
        table.add_column("Date, place", min_width=12)
    table.add_column("Status", min_width=8)
    table.add_column("Channel", min_width=7)
    table.add_column("Delay h", justify="right")
    table.add_column("Docs", justify="right")
    table.add_column("Conf.", justify="right")
    for record in records:
        incident = [record.incident_id or "", " ".join(filter(None, [record.incident_date,
                                                                     _place(record.incident_place)]))]
        table.add_row(
            record.id,
            record.group.name if record.group else "(no group)",
            *(incident if with_incident else []),
            record.status,
            record.channel or "",
            _hours(record.delay_hours),
            str(len(record.document_ids)),
            confidence_text(record.confidence),
        )
    return table


# --------------------------------------------------------------------------- show


def show_command(
    incident_id: Annotated[str, typer.Argument(help="An incident id, as `claimwatch incidents` lists them.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one incident: every fact with its sources and the sentences it was read from."""
    with _desk(db) as desk:
        record, _ = desk.incident(incident_id)
    if as_json:
        _print_json(record.to_dict())
        return
    console = _console()
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Incident", record.id)
    facts.add_row("Confidence", confidence_text(record.confidence) or "not scored")
    facts.add_row("Date", _firm(_date_text(record.date, record.date_precision), record.firmness, "date"))
    facts.add_row("Place", _firm(_place(record.place, record.country), record.firmness, "place"))
    facts.add_row("Attack types", ", ".join(record.attack_types))
    weapons = record.weapon_types + [w for w in record.weapons if w not in record.weapon_types]
    facts.add_row("Weapons", ", ".join(weapons))
    for label, count, basis in (
        ("Killed", record.killed, record.killed_basis),
        ("Wounded", record.wounded, record.wounded_basis),
    ):
        how = f"  [{basis.rule}; {basis.document_id}]" if basis else ""
        facts.add_row(label, _firm(_count(count), record.firmness, label.lower()) + how)
    facts.add_row("Perpetrators", ", ".join(p.name for p in record.perpetrators))
    facts.add_row("Targets", ", ".join(record.targets))
    facts.add_row("Extractor", record.extractor_version)
    console.print(facts, markup=False)

    if record.casualty_reports:
        figures = Table(title="Casualty figures, every report", title_justify="left")
        for column in ("Kind", "Figure", "Reported", "Outlet", "Document", "Evidence"):
            figures.add_column(column)
        for report in record.casualty_reports:
            figures.add_row(
                report.kind,
                _count(report.count),
                report.reported_at.isoformat(sep=" ", timespec="minutes") if report.reported_at else "",
                report.outlet or "",
                report.document_id,
                report.evidence.text if report.evidence else "",
            )
        console.print(figures)
    if record.claims:
        console.print(claims_table(record.claims, "Claims", with_incident=False))
        for claim in record.claims:
            for item in claim.evidence:
                console.print(f"  {claim.group.name if claim.group else '?'} — {item.document_id}: {item.text}",
                              markup=False)
    sources = Table(title="Sources", title_justify="left")
    for column in ("Document", "Published", "Outlet", "Title", "URL"):
        sources.add_column(column)
    for source in record.sources:
        published = source.published.isoformat(sep=" ", timespec="minutes") if source.published else ""
        sources.add_row(source.id, published, source.outlet or "", source.title or "", source.url or "")
    console.print(sources)
    if record.evidence:
        console.print("Evidence", style="bold")
        for item in record.evidence:
            who = f" (according to {item.attributed_to})" if item.attributed_to else ""
            console.print(f"  {item.document_id} [{item.start}:{item.end}]{who}: {item.text}", markup=False)


# --------------------------------------------------------------------------- search


def search_command(
    query: Annotated[str, typer.Argument(help="Words to find in stored documents (all must appear).")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many documents.")] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over stored documents, with the incidents each one reports."""
    with _desk(db) as desk:
        hits = desk.search(query, limit=limit)
    if as_json:
        _print_json([h.to_dict() for h in hits])
        return
    table = Table(title=f"{len(hits)} documents match {query!r}", title_justify="left")
    for column in ("Document", "Title", "Outlet", "Snippet", "Incidents"):
        table.add_column(column, no_wrap=column == "Document")
    for hit in hits:
        table.add_row(hit.id, hit.title or "", hit.outlet or "", hit.snippet, ", ".join(hit.incident_ids))
    _console().print(table, markup=False)


# --------------------------------------------------------------------------- demo


def demo_samples() -> Path:
    """The demo articles shipped with the package."""
    return Path(__file__).resolve().parent.parent / "data" / "samples"


def demo_command(
    path: Annotated[
        Path | None, typer.Argument(help="Articles to ingest (default: the demo articles shipped with Claimwatch).")
    ] = None,
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="CLAIMWATCH_DB", help=f"Store URL or path (default: {DEMO_DB})."),
    ] = None,
) -> None:
    """Ingest the demo articles (or PATH), then print the incidents and claims they produced."""
    from ..ingest.batch import ingest_batch

    errors = Console(stderr=True, highlight=False)
    source = path or demo_samples()
    if not source.exists() or (source.is_dir() and not any(source.glob("*.txt"))):
        errors.print(f"error: no articles at {source}; pass a file or folder: claimwatch demo PATH", markup=False)
        raise typer.Exit(1)
    url = db or DEMO_DB
    with _store(url) as store:
        summary = ingest_batch([str(source)], store)
        errors.print(
            f"{summary.documents} documents: {summary.new} new, {summary.duplicates} already stored, "
            f"{summary.failed} failed ({summary.seconds:.1f} s)",
            markup=False,
        )
        for failure in summary.failures:
            errors.print(f"  {failure.source}: {failure.reason}", markup=False)
        incidents = store.incidents(limit=100)
        claims = store.claims(limit=100)
    console = _console()
    console.print(incidents_table(incidents, f"{len(incidents)} incidents"))
    console.print(claims_table(claims, f"{len(claims)} claims"))
    console.print(f"Explore: claimwatch show INCIDENT_ID --db {url}", markup=False)
