"""Every incident and claim carries the trace of the cue and rule ids behind it: in the JSON contract, in the
store, and printed by `claimwatch extract --explain` (hand-written fixture in the manner of the London sample)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from claimwatch import resolve, role_assignment
from claimwatch.cli import app
from claimwatch.extract import claims, events
from claimwatch.ingest import read_document
from claimwatch.model import Extraction
from claimwatch.pipeline import extract_document
from claimwatch.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "explain" / "bridge-claim.txt"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result() -> Extraction:
    return extract_document(read_document(str(FIXTURE)))


def _known_ids() -> set[str]:
    """Cue ids of the language resources and the rule ids the modules declare."""
    known = {cue.id for cue in events.lexicon("en").cues}
    grammar = claims.grammar("en")
    known |= {cue.id for cue in grammar.cues} | {cue.id for cue in grammar.links}
    for module, prefix in ((resolve, "resolve."), (claims, "claims."), (role_assignment, "score.")):
        known |= {v for v in vars(module).values() if isinstance(v, str) and v.startswith(prefix)}
    return known


def test_each_incident_and_claim_says_which_cues_and_rules_made_it(result: Extraction) -> None:
    bridge, bremen = result.incidents
    assert bridge.trace[0] == resolve.NEW
    assert {"en.event.ramming", "en.event.stabbing", resolve.FIGURES} <= set(bridge.trace)
    assert bremen.trace[0] == resolve.SEPARATE  # "Separately, ..." opened another act
    assert "en.event.bombing" in bremen.trace
    [claim] = result.claims
    assert claim.incident_id == bridge.id
    assert claim.trace[0] == "en.claim.responsibility"
    # the inspired-link cue that counts only in a sentence naming Amaq, and the timing sentence's delay
    assert {"en.link.security_source", resolve.CLAIM, claims.TIMING_ONLY, resolve.TIMING} <= set(claim.trace)


def test_every_id_in_a_trace_is_a_declared_cue_or_rule(result: Extraction) -> None:
    known = _known_ids()
    for fact in [*result.incidents, *result.claims]:
        assert fact.trace and len(fact.trace) == len(set(fact.trace))
        assert set(fact.trace) <= known, set(fact.trace) - known


def test_the_json_contract_and_the_store_keep_the_trace(result: Extraction, tmp_path: Path) -> None:
    as_json = result.to_dict()
    assert as_json["incidents"][0]["trace"] == result.incidents[0].trace
    assert as_json["claims"][0]["trace"] == result.claims[0].trace
    store = Store(str(tmp_path / "trace.db"))
    store.add(result.document, result)
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT trace FROM incident_reports")).scalars()
        stored = {json.dumps(json.loads(t)) for t in rows}
        claim_trace = conn.execute(sa.text("SELECT trace FROM claim_reports")).scalar_one()
    store.close()
    assert stored == {json.dumps(i.trace) for i in result.incidents}
    assert json.loads(claim_trace) == result.claims[0].trace


def test_extract_explain_prints_the_traces() -> None:
    printed = CliRunner().invoke(app, ["extract", str(FIXTURE), "--explain"], env={"COLUMNS": "400"})
    assert printed.exit_code == 0, printed.output
    lines = [line.strip() for line in printed.output.splitlines()]
    assert any(line.startswith("incident i1: resolve.1.new ") and "en.event.ramming" in line for line in lines)
    assert any(line.startswith("claim Islamic State (claimed) -> i1: en.claim.responsibility") for line in lines)
    plain = CliRunner().invoke(app, ["extract", str(FIXTURE)], env={"COLUMNS": "400"})
    assert "resolve.1.new" not in plain.output
