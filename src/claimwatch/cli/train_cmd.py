"""`claimwatch train muc4 [PATH]`: retrain the shipped MUC-4 models (role tagger, relevance and type);
`claimwatch train confidence [PATH]`: fit the confidence model on our own labelled articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DEFAULT_TRAIN = Path("../shared/data/muc4/train.jsonl")

train_app = typer.Typer(
    help="Retrain the registered models, into CLAIMWATCH_MODEL_DIR (else the source checkout's "
    "claimwatch/data/models; never an installed package).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")


@train_app.command("muc4")
def train_muc4_command(
    path: Annotated[Path, typer.Argument(help="MUC-4 training JSON lines.")] = DEFAULT_TRAIN,
    iterations: Annotated[int, typer.Option("--iterations", help="CRF L-BFGS iterations.")] = 100,
    limit: Annotated[int | None, typer.Option("--limit", help="Train on the first N documents only.")] = None,
    incidents: Annotated[
        bool, typer.Option("--incidents/--no-incidents", help="Then train the per-incident relevance/type model.")
    ] = True,
    only_incidents: Annotated[
        bool, typer.Option("--only-incidents", help="Train the per-incident model alone, over the shipped others.")
    ] = False,
    encoder: Annotated[
        bool | None,
        typer.Option("--encoder/--no-encoder", help="Fine-tune the contextual role tagger (the `accurate` profile) "
                     "and export it to ONNX int8; by default when the train extra is installed. One to two hours "
                     "on two quiet cores (--encoder-minutes caps it)."),
    ] = None,
    encoder_epochs: Annotated[float, typer.Option("--encoder-epochs", help="Passes over the windows.")] = 1.5,
    encoder_minutes: Annotated[
        float, typer.Option("--encoder-minutes", help="Stop fine-tuning after this many minutes.")
    ] = 110.0,
) -> None:
    """Train the CRF role tagger, the document relevance/type model and, over the pipeline's own incidents,
    the per-incident relevance/type model on MUC-4 (a few minutes each, CPU)."""
    from ..training.muc4 import train
    from ..training.muc4_incidents import train_incidents

    if not path.exists():
        typer.echo(f"MUC-4 training data not found at {path.resolve()}", err=True)
        raise typer.Exit(1)
    # Each phase runs for a minute or more without output of its own: say what is running.
    if not only_incidents:
        typer.echo(f"[1/2] role tagger (CRF) and document model on {path} ...", err=True)
        report = train(path, iterations=iterations, limit=limit)
        typer.echo(f"trained on {report.documents} documents ({report.sentences} sentences) in {report.seconds:.0f} s")
        for written in report.paths:
            typer.echo(f"  wrote {written}")
    if not only_incidents and encoder is not False:
        from ..training.muc4_encoder import trainable

        missing = trainable()
        if missing and encoder:
            typer.echo(f"cannot fine-tune the encoder: {missing}", err=True)
            raise typer.Exit(1)
        if missing:
            typer.echo(f"[encoder] skipped: {missing}", err=True)
        else:
            from ..training.muc4_encoder import train_encoder

            typer.echo("[encoder] contextual role tagger: fine-tuning the pretrained encoder ...", err=True)
            tuned = train_encoder(path, epochs=encoder_epochs, max_minutes=encoder_minutes, limit=limit,
                                  progress=lambda line: typer.echo(line, err=True))
            typer.echo(f"contextual tagger: {tuned.windows} windows of {tuned.documents} documents, "
                       f"{tuned.steps}/{tuned.planned_steps} steps in {tuned.seconds / 60:.1f} min")
            for written in tuned.paths:
                typer.echo(f"  wrote {written} ({written.stat().st_size / 1e6:.1f} MB)")
    if incidents or only_incidents:
        typer.echo("[2/2] per-incident model: the pipeline over every training document, then 5-fold CV ...", err=True)
        result = train_incidents(path, limit=limit)
        cv = ", ".join(f"{t:.2f}: {f1:.2f}" for t, f1 in result.cv_micro_f1.items())
        typer.echo(f"incident model: {result.incidents} incidents of {result.documents} documents {result.labels}, "
                   f"{result.features} features, in {result.seconds:.0f} s; threshold {result.threshold:.2f}")
        typer.echo(f"  5-fold CV micro F1 on train by threshold: {cv}")
        typer.echo(f"  wrote {result.path}")


@train_app.command("confidence")
def train_confidence_command(
    path: Annotated[Path, typer.Argument(help="Our own labelled articles (never the real-news sets).")] = Path(
        "evaluation/claims/dev.jsonl"
    ),
) -> None:
    """Fit the incident and claim confidence model on our own labelled articles (half a minute, CPU) and print
    its out-of-fold calibration."""
    from ..training.confidence import train_confidence

    if not path.exists():
        typer.echo(f"labelled articles not found at {path.resolve()}", err=True)
        raise typer.Exit(1)
    typer.echo(f"confidence model: the pipeline over {path}, then out-of-fold scores ...", err=True)
    report = train_confidence(path)
    for kind, calibration in report.calibration.items():
        typer.echo(
            f"{kind}: {report.right[kind]} of {report.facts[kind]} right; out of fold Brier {calibration.brier:.3f}, "
            f"ECE {calibration.ece:.3f}, mean confidence {calibration.mean_confidence:.3f}"
        )
    for failure in report.failures:
        typer.echo(f"  failed {failure}", err=True)
    typer.echo(f"  wrote {report.path} ({report.articles} articles, {report.seconds:.0f} s)")
