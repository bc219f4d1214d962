"""`claimwatch extract FILE`: run the pipeline on one document and print the result (nothing is stored)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..errors import ClaimwatchError
from .query_cmd import confidence_text

if TYPE_CHECKING:
    from ..model import Count, Extraction, Range


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    path: Annotated[
        str, typer.Argument(help="One document: .txt, .html, .json (one article), .warc with one page, or - for stdin.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON contract instead of tables.")] = False,
    language: Annotated[
        str | None, typer.Option("--lang", help="The document's language (ISO 639-1, e.g. fr); default: detected.")
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also print, for each incident and claim, the rule and cue ids behind it.")
    ] = False,
) -> None:
    """Extract incidents, claims and quotes from one document, without storing anything."""
    from ..ingest import read_document
    from ..pipeline import extract_document

    try:
        document = read_document(path)
        if language:
            document.language = language
        result = extract_document(document)
    except ClaimwatchError as error:  # the message names the file and the reason
        Console(stderr=True).print(f"error: {error}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from error
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        console = Console()
        print_tables(result, console)
        if explain:
            print_traces(result, console)


def print_tables(result: Extraction, console: Console) -> None:
    """The extraction as three tables: incidents, claims, quotes."""
    document = result.document
    console.print(f"[bold]{document.title or document.source or 'document'}[/bold]", highlight=False)
    details = [
        document.outlet,
        document.published.isoformat() if document.published else None,
        document.url,
    ]
    if any(details):
        console.print(" · ".join(d for d in details if d), markup=False, highlight=False)

    incidents = Table(title=f"Incidents ({len(result.incidents)})", title_justify="left")
    for column in ("id", "date", "place", "attack", "killed", "wounded", "perpetrators", "conf."):
        incidents.add_column(column)
    for incident in result.incidents:
        place = incident.place
        incidents.add_row(
            incident.id[:12],
            incident.date or "",
            f"{place.name} ({place.country_code})" if place and place.country_code else (
                place.name if place else (f"({incident.country})" if incident.country else "")),
            ", ".join(incident.attack_types),
            format_count(incident.killed),
            format_count(incident.wounded),
            ", ".join(p.name for p in incident.perpetrators),
            confidence_text(incident.confidence),
        )
    console.print(incidents)

    claims = Table(title=f"Claims ({len(result.claims)})", title_justify="left")
    for column in ("group", "status", "incident", "channel", "claimed at", "delay (h)", "link", "conf."):
        claims.add_column(column)
    for claim in result.claims:
        claims.add_row(
            claim.group.name if claim.group else "",
            claim.status,
            (claim.incident_id or "")[:12],
            claim.channel or "",
            claim.claimed_at or "",
            format_range(claim.delay_hours),
            claim.link + (f" ({claim.link_cue})" if claim.link_cue else ""),
            confidence_text(claim.confidence),
        )
    console.print(claims)

    quotes = Table(title=f"Quotes ({len(result.quotes)})", title_justify="left")
    for column in ("speaker", "affiliation", "quote"):
        quotes.add_column(column)
    for quote in result.quotes:
        quotes.add_row(quote.speaker, quote.affiliation or "", quote.text)
    console.print(quotes)


def print_traces(result: Extraction, console: Console) -> None:
    """Each incident's and claim's trace: the cue ids (lang/<code>/*.toml) and rule ids (resolve.N.*,
    claims.N.*, score.N.*, numbered as in those modules' docstrings) in the order they decided."""
    console.print("[bold]Why[/bold] (cue and rule ids, in the order they decided)", highlight=False)
    for incident in result.incidents:
        console.print(f"  incident {incident.id}: {' '.join(incident.trace)}", markup=False, highlight=False)
    for claim in result.claims:
        who = claim.group.name if claim.group else "no group"
        target = claim.incident_id or "no incident"
        console.print(f"  claim {who} ({claim.status}) -> {target}: {' '.join(claim.trace)}", markup=False,
                      highlight=False)


def format_count(count: Count) -> str:
    """'7', '25–30', '≥25', '≤10' or '' for a casualty figure."""
    return format_range(count)


def format_range(value: Count | Range) -> str:
    if value.value is not None:
        return f"{value.value:g}"
    if value.min is not None and value.max is not None:
        return f"{value.min:g}–{value.max:g}"
    if value.min is not None:
        return f"≥{value.min:g}"
    if value.max is not None:
        return f"≤{value.max:g}"
    return ""
