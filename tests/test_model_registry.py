"""The model registry: where models are found, what is checked, what training writes (model_registry.py)."""

from __future__ import annotations

import json
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimwatch import model_registry as registry
from claimwatch import pipeline
from claimwatch.errors import ModelError


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("CLAIMWATCH_MODEL_DIR", raising=False)
    registry.forget()
    yield
    registry.forget()


def _own_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *names: str) -> Path:
    """A CLAIMWATCH_MODEL_DIR holding copies of the shipped `names`, entered in its manifest."""
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setenv("CLAIMWATCH_MODEL_DIR", str(folder))
    for name in names:
        copy = folder / registry.MODELS[name].file
        shutil.copyfile(registry.SHIPPED_DIR / copy.name, copy)
        registry.record(name, copy)
    return folder


def test_every_shipped_model_matches_its_manifest() -> None:
    for name, spec in registry.MODELS.items():
        if name.startswith("roles_encoder") and not (registry.SHIPPED_DIR / spec.file).exists():
            continue  # the contextual tagger (the `accurate` profile) may be left out of a checkout
        found = registry.info(name)
        assert found.path == registry.SHIPPED_DIR / spec.file
        assert found.sha256 == registry.sha256_of(found.path)
        assert found.tag.endswith("@" + found.sha256[:8])


def test_the_model_dir_is_read_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _own_dir(tmp_path, monkeypatch, "incidents")
    assert registry.info("incidents").path == folder / "muc4_incidents.json"
    assert registry.info("relevance").path == registry.SHIPPED_DIR / "muc4_relevance.json"  # not there: shipped
    assert registry.load_json("incidents") == json.loads((folder / "muc4_incidents.json").read_text())


def test_a_changed_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _own_dir(tmp_path, monkeypatch, "relevance")
    with (folder / "muc4_relevance.json").open("a") as stream:
        stream.write(" ")
    with pytest.raises(ModelError, match="sha256 .* does not match"):
        registry.load_json("relevance")


def test_another_version_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _own_dir(tmp_path, monkeypatch, "incidents")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["incidents"]["version"] = "claimwatch.incidents.lr.v0"
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="'claimwatch.incidents.lr.v0'"):
        registry.info("incidents")


def test_an_unlisted_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _own_dir(tmp_path, monkeypatch)
    (folder / "muc4_roles.crfsuite").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="not listed"):
        registry.info("roles")


def test_a_file_that_does_not_parse_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _own_dir(tmp_path, monkeypatch)
    (folder / "muc4_incidents.json").write_text("{broken", encoding="utf-8")
    registry.record("incidents", folder / "muc4_incidents.json")
    with pytest.raises(ModelError, match="not valid JSON"):
        registry.load_json("incidents")


def test_a_missing_model_warns_once_and_the_version_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(registry, "SHIPPED_DIR", tmp_path / "empty")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert registry.load_json("incidents") is None
        assert registry.load_json("incidents") is None
    assert len([w for w in caught if issubclass(w.category, registry.MissingModelWarning)]) == 1
    assert registry.info("incidents").tag == "incidents=absent"


def test_training_writes_to_the_model_dir_and_never_into_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "SHIPPED_DIR", tmp_path / "lib" / "site-packages" / "claimwatch" / "data" / "models")
    with pytest.raises(ModelError, match="CLAIMWATCH_MODEL_DIR"):
        registry.training_dir()
    monkeypatch.setenv("CLAIMWATCH_MODEL_DIR", str(tmp_path / "mine"))
    assert registry.output_path("roles") == tmp_path / "mine" / "muc4_roles.crfsuite"


def test_the_pipeline_version_names_components_and_models() -> None:
    version = pipeline.build().version
    assert version.startswith("claimwatch ")
    for component in pipeline.build().components:
        assert component.id in version
    for name in dict.fromkeys(m for c in pipeline.build().components for m in c.models):
        assert registry.info(name).tag in version
