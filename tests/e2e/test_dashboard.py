"""Click through the dashboard in a real browser: map -> incident -> source sentence, filters, claims, groups."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def wait_ready(page: Any, hash_prefix: str = "") -> None:
    page.wait_for_function(
        "p => document.body.dataset.ready !== undefined && document.body.dataset.ready.startsWith(p)", arg=hash_prefix
    )


def test_map_to_incident_to_source_sentence(page: Any, shoot: Any) -> None:
    page.goto("/")
    wait_ready(page, "/")
    markers = page.locator("#map circle.marker")
    assert markers.count() == 11
    assert page.locator("#map path.country").count() > 100  # the shipped world geometry, drawn offline
    shoot(page, "dashboard")

    london = page.locator("#map circle.marker", has=page.locator("title", has_text="London"))
    london.dispatch_event("click")
    wait_ready(page, "/incident/")
    assert page.locator("#incident-title").inner_text() == "London (GB), 2017-06-03"

    claim = page.locator("section.claim")
    assert "Islamic State" in claim.inner_text()
    assert "claimed more than 24 h after the attack" in page.locator("#anomaly-sentence").inner_text()
    sources = claim.locator("td.source").all_inner_texts()
    assert "The Independent (reported in Riverside Blog)" in sources

    marks = page.locator(".article-text mark.ev-claim").all_inner_texts()
    assert ("Islamic State has claimed responsibility for Saturday night's attack in London through its Amaq news "
            "agency.") in marks
    claim.locator("a.evidence-link").first.click()
    focused = page.locator("mark.focused")
    assert focused.count() == 1 and focused.inner_text().startswith("Islamic State has claimed")
    assert page.errors == []
    shoot(page, "incident-london")


def test_claims_table_flags_the_slow_london_claim(page: Any, shoot: Any) -> None:
    page.goto("/#/claims")
    wait_ready(page, "/claims")
    flagged = page.locator("#claims-table tr.anomaly")
    assert flagged.count() == 1
    row = flagged.first
    assert "London" in row.inner_text() and "slower than usual" in row.inner_text()
    assert "Islamic State's median is" in (row.locator(".badge").get_attribute("title") or "")
    assert row.locator("svg.delaybar rect.usual").count() == 1  # drawn against the group's usual range
    shoot(page, "claims")


def test_filter_by_country(page: Any, shoot: Any) -> None:
    page.goto("/")
    wait_ready(page, "/")
    page.fill("#filters input[name=country]", "GB")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.body.dataset.ready.includes('country=GB')")
    assert page.locator("#result-count").inner_text() == "2 incidents"
    assert page.locator("#map circle.marker").count() == 2
    assert set(page.locator("#incident-list a").all_inner_texts()) == {
        "2017-05-22 — Manchester (GB)", "2017-06-03 — London (GB)"}
    page.select_option("#filters select[name=claimed]", "false")
    page.fill("#filters input[name=country]", "")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.body.dataset.ready.includes('claimed=false')")
    assert page.locator("#result-count").inner_text() == "2 incidents"
    shoot(page, "filtered")


def test_group_page_plots_the_delay_distribution(page: Any, shoot: Any) -> None:
    page.goto("/#/groups")
    wait_ready(page, "/groups")
    page.click("#groups-table a:text('Islamic State')")
    wait_ready(page, "/group/")
    assert page.locator("#group-name").inner_text() == "Islamic State"
    plot = page.locator("#delay-distribution")
    assert plot.locator("circle.delay").count() == 8  # seven earlier claims and London
    assert plot.locator("circle.anomalous").count() == 1
    assert plot.locator("line.median").count() == 1
    shoot(page, "group-islamic-state")


def test_article_text_with_a_script_tag_is_shown_as_text(page: Any, shoot: Any) -> None:
    page.goto("/#/?q=reader%20comment")
    wait_ready(page, "/?q=")
    page.locator("#incident-list a").first.click()
    wait_ready(page, "/incident/")
    text = page.locator(".article-text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert page.locator(".source-document h3").inner_text().endswith("<script>alert(1)</script>")
    assert page.dialogs == []  # the alert never ran
    assert page.locator("main script, main img").count() == 0
    assert "No group has claimed this attack." in page.locator("#no-claims").inner_text()
    shoot(page, "escaped-script")
