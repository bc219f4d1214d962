"""The model registry: every trained model the pipeline reads, with its name, version, file and sha256.

    name        version                              file                   read by
    roles       claimwatch.roles.crf.v2              muc4_roles.crfsuite    extract/roles.py (the `roles` extractor)
    relevance   claimwatch.relevance.tfidf-lr.v2     muc4_relevance.json    document_relevance.py (`score`)
    incidents   claimwatch.incidents.lr.v2           muc4_incidents.json    incident_relevance.py (`score`)
    confidence  claimwatch.confidence.lr.v1          confidence.json        confidence.py (`confidence`)
    roles_encoder       claimwatch.roles.minilm-bio.v1   muc4_roles_encoder.onnx   encoder.py (`contextual_roles`)
    roles_encoder_meta  claimwatch.roles.minilm-bio.v1   muc4_roles_encoder.json   encoder.py (tokenizer, labels)

Where a model is read from: the folder named by `CLAIMWATCH_MODEL_DIR` when it holds the model's file, else
the models shipped in the package (`claimwatch/data/models/`). Each folder has a `manifest.json` with the
version and sha256 of each file in it; training (`claimwatch train muc4`, `claimwatch train confidence`)
writes the file and its manifest entry together, into `CLAIMWATCH_MODEL_DIR`, or into the shipped folder only
in a source checkout, never into an installed package.

The policy when a model cannot be used (`load`):
- missing file: a warning, once per process, and `None`; the reader falls back as its docstring says (no
  role mentions; the document's scores for every incident; no relevance). A pipeline can run before its
  first training, and the composite version (`Pipeline.version`) says the model was absent.
- a file whose sha256 differs from its manifest entry, a version other than the code expects, a file the
  manifest does not list, or a file that does not parse: `ModelError` naming the file and what to do.
  A model the code cannot read correctly must not produce records that look right.
"""

from __future__ import annotations

import functools
import hashlib
import json
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ModelError
from .settings import model_dir

SHIPPED_DIR = Path(__file__).resolve().parent / "data" / "models"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class ModelSpec:
    name: str
    version: str  # what the reading code expects; training writes it into the manifest
    file: str


MODELS: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec("roles", "claimwatch.roles.crf.v2", "muc4_roles.crfsuite"),
        ModelSpec("relevance", "claimwatch.relevance.tfidf-lr.v2", "muc4_relevance.json"),
        ModelSpec("incidents", "claimwatch.incidents.lr.v2", "muc4_incidents.json"),
        ModelSpec("confidence", "claimwatch.confidence.lr.v1", "confidence.json"),
        # The contextual role tagger: MiniLM fine-tuned for BIO roles, ONNX int8, and its tokenizer and labels
        # (encoder.py reads both; training/muc4_encoder.py writes them).
        ModelSpec("roles_encoder", "claimwatch.roles.minilm-bio.v1", "muc4_roles_encoder.onnx"),
        ModelSpec("roles_encoder_meta", "claimwatch.roles.minilm-bio.v1", "muc4_roles_encoder.json"),
    )
}


@dataclass(frozen=True)
class ModelInfo:
    """Where a model was found and what it is; `path` is None when no folder holds it."""

    spec: ModelSpec
    path: Path | None
    sha256: str | None

    @property
    def tag(self) -> str:
        """"roles.crf.v2@c6a020d2" (the version less its "claimwatch." prefix, then the sha256 prefix), or
        "roles=absent"."""
        if self.path is None or self.sha256 is None:
            return f"{self.spec.name}=absent"
        return f"{self.spec.version.removeprefix('claimwatch.')}@{self.sha256[:8]}"


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"{path}: not a readable model manifest ({error}); retrain or reinstall") from error
    return dict(data) if isinstance(data, dict) else {}


def folders() -> list[Path]:
    """Where models are looked for, in order: `CLAIMWATCH_MODEL_DIR` (when set), then the shipped ones."""
    own = model_dir()
    return [own, SHIPPED_DIR] if own is not None and own.resolve() != SHIPPED_DIR else [SHIPPED_DIR]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@functools.cache
def info(name: str) -> ModelInfo:
    """Find and check one model: its file, its manifest entry, its hash and version (once per process)."""
    spec = MODELS[name]
    for folder in folders():
        path = folder / spec.file
        if not path.exists():
            continue
        entry = _manifest(folder).get(name)
        if not isinstance(entry, dict) or entry.get("file") != spec.file:
            raise ModelError(f"{path}: not listed in {folder / MANIFEST}; retrain it (claimwatch train muc4)")
        if entry.get("version") != spec.version:
            raise ModelError(
                f"{path}: model version {entry.get('version')!r}, but this Claimwatch reads {spec.version!r}; "
                "retrain it (claimwatch train muc4) or install the matching release"
            )
        actual = sha256_of(path)
        if actual != entry.get("sha256"):
            raise ModelError(
                f"{path}: sha256 {actual[:12]}… does not match its manifest ({str(entry.get('sha256'))[:12]}…): "
                "the file is corrupt or was replaced; retrain it or reinstall"
            )
        return ModelInfo(spec, path, actual)
    warnings.warn(
        f"model {name!r} ({spec.file}) not found in {', '.join(map(str, folders()))}; "
        "the pipeline runs without it (see claimwatch.model_registry)",
        MissingModelWarning,
        stacklevel=2,
    )
    return ModelInfo(spec, None, None)


class MissingModelWarning(UserWarning):
    """A registered model has no file: the pipeline goes on without it (warned once per process)."""


@functools.cache
def load_json(name: str) -> dict[str, Any] | None:
    """A JSON model by registry name, checked; None (after one warning) when it is not installed."""
    found = info(name)
    if found.path is None:
        return None
    try:
        data = json.loads(found.path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise ModelError(f"{found.path}: not valid JSON ({error}); retrain or reinstall") from error
    if not isinstance(data, dict) or data.get("version") != found.spec.version:
        raise ModelError(f"{found.path}: its own version field is not {found.spec.version!r}; retrain it")
    return data


_opened: dict[str, Any] = {}


def load_with(name: str, reader: Callable[[Path], Any]) -> Any:
    """A model in another format (the CRF), checked, then opened by `reader` once per process; None (after a
    warning) when it is not installed."""
    if name in _opened:
        return _opened[name]
    found = info(name)
    model = None
    if found.path is not None:
        try:
            model = reader(found.path)
        except Exception as error:  # the reader's own failure (pycrfsuite raises plain OSError or ValueError)
            raise ModelError(
                f"{found.path}: cannot be opened as a {name} model ({error}); retrain or reinstall"
            ) from error
    _opened[name] = model
    return model


def training_dir() -> Path:
    """Where training writes: `CLAIMWATCH_MODEL_DIR`, else the shipped folder when it lies in a source
    checkout; never inside an installed package (site-packages)."""
    own = model_dir()
    if own is not None:
        own.mkdir(parents=True, exist_ok=True)
        return own
    if "site-packages" in SHIPPED_DIR.parts or "dist-packages" in SHIPPED_DIR.parts:
        raise ModelError(
            f"refusing to write models into the installed package ({SHIPPED_DIR}); "
            "set CLAIMWATCH_MODEL_DIR to a folder of your own"
        )
    return SHIPPED_DIR


def output_path(name: str) -> Path:
    return training_dir() / MODELS[name].file


def record(name: str, path: Path) -> None:
    """Enter a freshly written model in its folder's manifest (version and sha256), and forget what this
    process had loaded."""
    spec = MODELS[name]
    manifest_path = path.parent / MANIFEST
    manifest = _manifest(path.parent)
    manifest[name] = {"file": path.name, "version": spec.version, "sha256": sha256_of(path)}
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    forget()


def forget() -> None:
    """Drop every model this process has checked or loaded (after training, or in tests)."""
    info.cache_clear()
    load_json.cache_clear()
    _opened.clear()
