"""One table of settings: defaults, environment variables and help text (fed to the CLI and the docs)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env, self.default)


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting(
            "db",
            "CLAIMWATCH_DB",
            "sqlite:///claimwatch.db",
            "Store URL: a SQLAlchemy URL (sqlite:///path.db, postgresql://…) or a plain file path.",
        ),
        Setting(
            "max_bytes",
            "CLAIMWATCH_MAX_BYTES",
            str(20 * 1024 * 1024),
            "Largest input file or record accepted, in bytes; larger ones are rejected with a message.",
        ),
        Setting("token", "CLAIMWATCH_TOKEN", "", "Bearer token that protects writes to the REST API."),
        Setting(
            "model_dir",
            "CLAIMWATCH_MODEL_DIR",
            "",
            "Folder of trained models: `claimwatch train` writes there and loading looks there first; "
            "unset, models load from those shipped in the package.",
        ),
        Setting(
            "profile",
            "CLAIMWATCH_PROFILE",
            "fast",
            "Pipeline profile from claimwatch/data/pipeline.toml: fast (the default) or accurate (the "
            "contextual role tagger; needs the encoder extra).",
        ),
        Setting(
            "statement_timeout",
            "CLAIMWATCH_STATEMENT_TIMEOUT",
            "10",
            "Seconds one read statement may run before the store stops it (0: no limit); writes are not limited.",
        ),
    ]
}


def db_url(value: str | None = None) -> str:
    """A SQLAlchemy URL from `--db`, `CLAIMWATCH_DB` or the default; a bare path means SQLite."""
    raw = value or SETTINGS["db"].value()
    if "://" in raw:
        return raw
    return f"sqlite:///{Path(raw).expanduser()}"


def max_bytes() -> int:
    return int(SETTINGS["max_bytes"].value())


def model_dir() -> Path | None:
    """`CLAIMWATCH_MODEL_DIR` as a path, or None when unset (the shipped models)."""
    raw = SETTINGS["model_dir"].value()
    return Path(raw).expanduser() if raw else None


def profile() -> str:
    """`CLAIMWATCH_PROFILE`: the pipeline profile the default pipeline is built from."""
    return SETTINGS["profile"].value() or "fast"


def statement_timeout() -> float:
    return float(SETTINGS["statement_timeout"].value())
