"""The dashboard's confidence: a filter control, the value on every listed incident, claim and incident page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_dashboard import wait_ready

pytestmark = pytest.mark.slow


def test_confidence_filter_and_badges(page: Any) -> None:
    page.goto("/")
    wait_ready(page, "/")
    everything = int(page.locator("#result-count").inner_text().split()[0])
    badges = page.locator("#incident-list span.confidence")
    assert badges.count() == everything  # the desk store was built by the pipeline: every incident is scored
    assert all(re.fullmatch(r"\d{1,3}% sure", text) for text in badges.all_inner_texts())
    assert page.locator("#claims-table th", has_text="Confidence").count() == 1

    page.select_option("#filters select[name=min_confidence]", "0.95")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.body.dataset.ready.includes('min_confidence=0.95')")
    sure = int(page.locator("#result-count").inner_text().split()[0])
    assert sure <= everything
    shown = page.locator("#incident-list span.confidence").all_inner_texts()
    assert all(int(text.split("%")[0]) >= 95 for text in shown)
    assert page.locator("#filters select[name=min_confidence]").input_value() == "0.95"  # kept after reload

    if sure:
        page.locator("#incident-list a").first.click()
        wait_ready(page, "/incident/")
        assert re.search(r"\d+% sure", page.locator("#view").inner_text())
