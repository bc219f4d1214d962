"""`claimwatch eval claims [PATH]`: score the pipeline on labelled modern articles (one call into the library)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # rich and the scorer load only when the command runs
    from rich.console import Console

    from ..evaluation.calibration import CalibrationReport
    from ..evaluation.claims import ClaimsReport
    from ..work import Work

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
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Score only articles in these languages (ISO 639-1, comma-separated: en or fr,es); "
                     "labels without a 'lang' key are English. Default: every language, with a table per language."),
    ] = None,
    show_misses: Annotated[
        bool,
        typer.Option("--misses", help="Print each article's misses: expected vs found, with the evidence sentence."),
    ] = False,
    calibration: Annotated[
        bool,
        typer.Option("--calibration", help="Also measure how well the incident and claim confidences are "
                     "calibrated: reliability bins, Brier score, ECE (out of fold on the set the model was fit on)."),
    ] = False,
) -> None:
    """Per-field accuracy of incidents and claims against labelled articles, with optional score floors."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..errors import EvaluationError
    from ..evaluation import claims
    from ..evaluation.calibration import calibrate, recording_extract

    console = Console(stderr=as_json)
    try:
        articles = claims.select_languages(claims.read_labels(path), lang.split(",") if lang else None)[:limit]
        floor_values = claims.read_floors(floors) if check_floors else {}
    except EvaluationError as error:
        raise typer.BadParameter(str(error)) from error

    with Progress(
        TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as progress:
        task = progress.add_task("articles", total=len(articles))
        works: list[Work | None] = []
        if calibration:  # the pipeline's whole work on each article is kept, for the confidence features
            report = claims.evaluate(articles, recording_extract(works), on_article=lambda _: progress.advance(task))
        else:
            report = claims.evaluate(articles, on_article=lambda _: progress.advance(task))
    calibrated = calibrate(path, articles, works) if calibration else None

    try:
        misses = claims.check_floors(report, floor_values) if check_floors else []
    except EvaluationError as error:
        raise typer.BadParameter(str(error)) from error
    if as_json:
        data = report.to_dict()
        data["floor_misses"] = [m.__dict__ for m in misses]
        if show_misses:
            data["misses"] = [m.__dict__ for m in report.misses]
        if calibrated is not None:
            data["calibration"] = calibrated.to_dict()
        print(json.dumps(data, indent=2))
    else:
        if show_misses:
            _print_misses(console, report)
        _print_table(console, report, floor_values)
        if len(report.languages) > 1:
            _print_languages(console, report)
        if calibrated is not None:
            _print_calibration(console, calibrated)
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


def _print_languages(console: Console, report: ClaimsReport) -> None:
    from rich.table import Table

    codes = sorted(report.languages, key=lambda c: (-report.languages[c].documents, c))
    table = Table(title="By language (articles; accuracy, precision and recall)")
    table.add_column("score", no_wrap=True)
    for code in codes:
        table.add_column(code, justify="right", no_wrap=True)
    per_language = {code: report.languages[code].scores() for code in codes}
    table.add_row("articles", *(str(report.languages[c].documents) for c in codes))
    for name in per_language[codes[0]]:
        table.add_row(name, *(f"{per_language[c][name]:.3f}".removeprefix("0") for c in codes))
    from rich.console import Console

    wide = Console(file=console.file, width=max(console.width, 26 + 7 * len(codes)))  # rich caps print(width=)
    wide.print(table)


def _print_calibration(console: Console, report: CalibrationReport) -> None:
    from rich.table import Table

    for kind, measured in report.kinds.items():
        table = Table(title=f"Calibration of {kind} confidence ({report.scope}): {measured.count} {kind}s")
        for column in ("confidence", "count", "mean confidence", "share right"):
            table.add_column(column, justify="right")
        for item in measured.bins:
            if item.count:
                table.add_row(f"{item.low:.1f}-{item.high:.1f}", str(item.count), f"{item.confidence:.3f}",
                              f"{item.accuracy:.3f}")
        console.print(table)
        console.print(
            f"{kind}: Brier {measured.brier:.3f} (always the base rate: {report.constant_brier[kind]:.3f}), "
            f"ECE {measured.ece:.3f}, mean confidence {measured.mean_confidence:.3f} vs "
            f"{measured.base_rate:.3f} right"
        )
    if report.firmness:
        table = Table(title="How each field was read, and how often it is right (aligned incidents)")
        for column in ("field", "read as", "right / total", "share right"):
            table.add_column(column, justify="left" if column in ("field", "read as") else "right")
        for name, values in sorted(report.firmness.items()):
            for how, (right, total) in sorted(values.items(), key=lambda item: -item[1][1]):
                table.add_row(name, how, f"{right} / {total}", f"{right / total:.3f}")
        console.print(table)


def _print_misses(console: Console, report: ClaimsReport) -> None:
    from rich.markup import escape

    current = None
    for miss in report.misses:
        if miss.article != current:
            current = miss.article
            console.print(f"\n[bold]{escape(miss.article)}[/bold]")
        console.print(
            f"  {escape(miss.item)} {escape(miss.field)}: expected [green]{escape(miss.expected)}[/green], "
            f"found [red]{escape(miss.found)}[/red]",
            soft_wrap=True,
        )
        if miss.evidence:
            console.print(f"      « {escape(' '.join(miss.evidence.split()))} »", soft_wrap=True, style="dim")


def _floor(floors: dict[str, float], name: str) -> str:
    return f"{floors[name]:.3f}" if name in floors else ""
