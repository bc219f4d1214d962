"""Claim judgements: the n log n walk gives what the rule in analytics' docstring says, claim by claim;
the CLI has one error wrapper and standard logging (issue 8 item 6)."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimwatch import analytics
from claimwatch.analytics import CLAIMING, ClaimPoint, Delay


def _reference(points: list[ClaimPoint]) -> dict[str, analytics.Usual]:
    """The rule read literally: each claim against every earlier claim of its group (n² scans)."""
    result = {}
    for p in points:
        history = []
        if p.group and p.incident_date is not None:
            history = [q.delay for q in points if q.group == p.group and q.delay is not None
                       and q.status in CLAIMING and q.incident_date is not None and q.incident_date < p.incident_date]
        result[p.id] = analytics.judge(p, history)
    return result


def _delay(draw: st.DrawFn) -> Delay | None:
    kind = draw(st.sampled_from(["none", "exact", "range", "open"]))
    low = draw(st.floats(0, 200, allow_nan=False))
    if kind == "none":
        return None
    if kind == "exact":
        return Delay(low, low, low)
    if kind == "open":
        return Delay(low, low, low, open_high=True)
    high = low + draw(st.floats(0, 50, allow_nan=False))
    return Delay((low + high) / 2, low, high)


@st.composite
def claim_points(draw: st.DrawFn) -> list[ClaimPoint]:
    count = draw(st.integers(0, 40))
    points = []
    for i in range(count):
        day = draw(st.one_of(st.none(), st.integers(0, 15)))
        points.append(ClaimPoint(
            id=f"c{i}", group=draw(st.sampled_from([None, "A", "B"])), channel=None, delay=_delay(draw),
            link="unclear", status=draw(st.sampled_from(["claimed", "claimed", "disputed", "denied"])),
            incident_id=f"i{i}", incident_date=None if day is None else date(2020, 1, 1) + timedelta(days=day),
        ))
    return points


@settings(max_examples=150, deadline=None)
@given(claim_points())
def test_usual_ranges_equals_the_rule_read_literally(points: list[ClaimPoint]) -> None:
    fast = analytics.usual_ranges(points)
    assert fast == _reference(points)


def test_usual_ranges_of_a_large_group_is_quick_enough_to_run_per_write() -> None:
    points = [ClaimPoint(f"c{i}", "G", None, Delay(i % 37, i % 37, i % 37), "unclear", "claimed", None,
                         date(2000, 1, 1) + timedelta(days=i // 3)) for i in range(20_000)]
    judged = analytics.usual_ranges(points)  # the n² walk took minutes at this size
    assert len(judged) == 20_000 and judged["c19999"].history is not None


def test_a_store_error_in_any_command_is_one_line_and_exit_1() -> None:
    from claimwatch.cli import app

    for command in (["incidents"], ["claims"], ["show", "inc-x"], ["search", "x"], ["stats"]):
        result = CliRunner().invoke(app, [*command, "--db", "postgresql://nowhere/db"])
        assert result.exit_code == 1 and "postgresql://nowhere/db" in result.output + (result.stderr or "")
        assert "Traceback" not in result.output


def test_verbose_turns_on_standard_logging() -> None:
    from claimwatch.cli import configure_logging

    configure_logging(1)
    assert logging.getLogger().level == logging.INFO
    assert logging.getLogger("trafilatura").level == logging.CRITICAL
    configure_logging(0)
    assert logging.getLogger().level == logging.WARNING


def test_importing_the_html_reader_leaves_trafilatura_logging_alone() -> None:
    code = ("import logging; import claimwatch.ingest.html, claimwatch.ingest; "
            "print(logging.getLogger('trafilatura').level, logging.getLogger('htmldate').level)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "0"]
