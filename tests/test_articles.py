"""Acceptance tests: the key facts of hand-written modern articles, read through `claimwatch.extract`.

Each file in `tests/fixtures/articles/` is one article (`text`, `published`, `outlet`, `title`) with the
facts an analyst would code under `expect`:

- `incidents`: each must be found as some incident whose given keys all agree (`country_code`, `place`,
  `date` at its precision, `killed`, `wounded`; keys left out are not checked);
- `claims`: each must be found as a claim by that group with the given keys (`status`, `channel`, `link`,
  `delay_hours`);
- `exact_claims`: no claim may credit or blame a group not listed ("no group has claimed" means no claims).

These articles are not in the evaluation set (`evaluation/claims/dev.jsonl`). The field rules are the
scorer's (`claimwatch.evaluation.claims`), so the tests and the evaluation agree on what "right" means.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from claimwatch import extract
from claimwatch.evaluation.claims import (
    count_matches,
    date_matches,
    delay_matches,
    normalise_channel,
    place_matches,
)
from claimwatch.model import Claim, Extraction, Incident

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


ARTICLES = {path.stem: _load(path) for path in sorted(FIXTURES.glob("*.json"))}


@functools.cache
def _extraction(name: str) -> Extraction:
    article = ARTICLES[name]
    return extract(article["text"], published=article["published"], outlet=article["outlet"], title=article["title"])


def _cases(kind: str) -> list[Any]:
    return [
        pytest.param(name, index, expected, id=f"{name}:{kind}{index}")
        for name, article in ARTICLES.items()
        for index, expected in enumerate(article["expect"][kind])
    ]


def test_fixture_set_is_broad_enough() -> None:
    countries = {i["country_code"] for a in ARTICLES.values() for i in a["expect"]["incidents"]}
    statuses = {c["status"] for a in ARTICLES.values() for c in a["expect"]["claims"]}
    assert len(ARTICLES) >= 15
    assert len(countries) >= 12
    assert statuses == {"claimed", "denied", "disputed", "suspected"}
    assert any(not a["expect"]["claims"] for a in ARTICLES.values())  # an unclaimed attack
    assert any(len(a["expect"]["incidents"]) > 1 for a in ARTICLES.values())  # a past attack in passing


def _incident_agrees(expected: dict[str, Any], incident: Incident) -> bool:
    place = incident.place
    checks = {
        "country_code": lambda v: place is not None and place.country_code == v,
        "place": lambda v: place_matches([v] if isinstance(v, str) else v, incident),
        "date": lambda v: date_matches(v, incident.date),
        "killed": lambda v: count_matches(_gold_count(v), incident.killed),
        "wounded": lambda v: count_matches(_gold_count(v), incident.wounded),
    }
    return all(checks[key](value) for key, value in expected.items())


def _gold_count(value: Any) -> Any:
    return (value.get("min"), value.get("max")) if isinstance(value, dict) else value


def _claim_agrees(expected: dict[str, Any], claim: Claim) -> bool:
    if claim.group is None or claim.group.name != expected["group"]:
        return False
    delay = expected.get("delay_hours")
    return (
        claim.status == expected.get("status", claim.status)
        and ("channel" not in expected or normalise_channel(claim.channel) == expected["channel"])
        and claim.link == expected.get("link", claim.link)
        and ("delay_hours" not in expected or delay_matches((delay["min"], delay["max"]), claim.delay_hours))
    )


def _show_incidents(result: Extraction) -> str:
    return json.dumps(
        [{k: i.to_dict()[k] for k in ("date", "place", "killed", "wounded")} for i in result.incidents], indent=1
    )


def _show_claims(result: Extraction) -> str:
    return json.dumps(
        [{k: c.to_dict()[k] for k in ("group", "status", "channel", "link", "delay_hours")} for c in result.claims],
        indent=1,
    )


@pytest.mark.slow
@pytest.mark.parametrize(("name", "index", "expected"), _cases("incidents"))
def test_incident_is_found(name: str, index: int, expected: dict[str, Any]) -> None:
    result = _extraction(name)
    assert any(_incident_agrees(expected, i) for i in result.incidents), (
        f"{name}: no incident matches {expected}; got {_show_incidents(result)}"
    )


@pytest.mark.slow
@pytest.mark.parametrize(("name", "index", "expected"), _cases("claims"))
def test_claim_is_found(name: str, index: int, expected: dict[str, Any]) -> None:
    result = _extraction(name)
    assert any(_claim_agrees(expected, c) for c in result.claims), (
        f"{name}: no claim matches {expected}; got {_show_claims(result)}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n, a in ARTICLES.items() if a["expect"]["exact_claims"]])
def test_no_other_group_is_credited(name: str) -> None:
    result = _extraction(name)
    expected = {c["group"] for c in ARTICLES[name]["expect"]["claims"]}
    credited = {c.group.name for c in result.claims if c.group is not None}
    assert credited <= expected, f"{name}: unexpected groups {sorted(credited - expected)}; got {_show_claims(result)}"
