"""Cross-validation over MUC-4 train (evaluation/muc4_cv.py, `claimwatch eval muc4 --cv K`), on a tiny
corpus written here: short reports of bombings, kidnappings and attacks, and reports of no incident."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimwatch import model_registry
from claimwatch.evaluation import muc4_cv
from claimwatch.evaluation.muc4 import Counts

GROUPS = ["the people's liberation front", "the red dawn commando", "the national resistance army"]
PLACES = ["san rafael", "la cumbre", "puerto nuevo", "villa alta"]
VICTIMS = ["a town mayor", "two judges", "a bank manager", "three peasants"]
TARGETS = ["the power station", "the bank branch", "the police post", "the water plant"]

BOMBING = ("a bomb exploded at {target} in {place} last night. police said {group} placed the dynamite "
           "at the gate. the explosion damaged {target} but nobody was hurt.")
KIDNAPPING = ("gunmen of {group} kidnapped {victim} in {place} yesterday. the kidnappers took {victim} "
              "to an unknown place, according to relatives.")
ATTACK = ("members of {group} attacked {target} in {place} with rifles and killed {victim}. "
          "the attackers fled toward the hills.")
NOTHING = ("the minister spoke about the harvest in {place} today. farmers asked for roads and schools, "
           "and the congress will debate the budget next week.")


def corpus(count: int = 20, seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    documents = []
    for k in range(count):
        values = {"group": rng.choice(GROUPS), "place": rng.choice(PLACES), "victim": rng.choice(VICTIMS),
                  "target": rng.choice(TARGETS)}
        kind = ["bombing", "kidnapping", "attack", None][k % 4]
        text = {"bombing": BOMBING, "kidnapping": KIDNAPPING, "attack": ATTACK, None: NOTHING}[kind].format(**values)
        templates = []
        if kind is not None:
            template: dict = {"incident_type": kind, "PerpInd": [], "Weapon": [],
                              "PerpOrg": [[[values["group"], text.find(values["group"])]]]}
            template["Target"] = [[[values["target"], text.find(values["target"])]]] if kind != "kidnapping" else []
            template["Victim"] = [[[values["victim"], text.find(values["victim"])]]] if kind != "bombing" else []
            if kind == "bombing":
                template["Weapon"] = [[["dynamite", text.find("dynamite")]]]
            templates.append(template)
        documents.append({"docid": f"TINY-{k:03d}", "doctext": text, "templates": templates})
    return documents


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in corpus()), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("CLAIMWATCH_MODEL_DIR", raising=False)
    model_registry.forget()
    yield
    model_registry.forget()


def test_folds_cover_every_document_once() -> None:
    folds = muc4_cv.split(23, 5, seed=1)
    assert len(folds) == 5
    assert sorted(i for fold in folds for i in fold) == list(range(23))
    assert max(map(len, folds)) - min(map(len, folds)) <= 1
    assert folds == muc4_cv.split(23, 5, seed=1)
    with pytest.raises(ValueError):
        muc4_cv.split(3, 5)


def _counts(correct: int, predicted: int, found: int, gold: int) -> Counts:
    counts = Counts()
    counts.correct["Target"], counts.predicted["Target"] = correct, predicted
    counts.found["Target"], counts.gold["Target"] = found, gold
    return counts


def test_the_bootstrap_interval_holds_the_pooled_score() -> None:
    documents = [_counts(1, 2, 1, 2)] * 10 + [_counts(0, 1, 0, 1)] * 10 + [_counts(2, 2, 2, 2)] * 10
    low, high = muc4_cv.bootstrap(documents, resamples=300)
    pooled = Counts()
    for c in documents:
        pooled.add(c)
    assert low <= pooled.score().f1 <= high
    assert low < high
    assert muc4_cv.bootstrap([_counts(1, 1, 1, 1)] * 5, resamples=50) == (100.0, 100.0)


@pytest.mark.slow
def test_cross_validation_retrains_every_model_out_of_fold(tiny: Path) -> None:
    lines: list[str] = []
    result = muc4_cv.cross_validate(tiny, 2, processes=1, iterations=20, progress=lines.append)
    assert [f.fold for f in result.folds] == [1, 2]
    assert sum(f.documents for f in result.folds) == 20
    assert set(result.scores) >= {"micro", "PerpOrg", "Target", "Victim", "Weapon", "incident_type"}
    low, high = result.interval
    assert 0.0 <= low <= result.scores["micro"].f1 <= high <= 100.0
    assert any("[fold 2/2]" in line for line in lines)
    assert not result.leaks  # the default pipeline reads only models retrained in each fold
    # every fold trained into its own folder: nothing was written next to the shipped models
    assert "CLAIMWATCH_MODEL_DIR" not in __import__("os").environ
