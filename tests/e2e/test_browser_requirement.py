"""Without a browser the dashboard tests skip locally but fail where CLAIMWATCH_REQUIRE_BROWSER=1 (CI)."""

from __future__ import annotations

import pytest

from conftest import browser_missing


def test_a_missing_browser_skips_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMWATCH_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no chromium"):
        browser_missing("no chromium")


def test_a_missing_browser_fails_when_the_browser_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="no chromium.*CLAIMWATCH_REQUIRE_BROWSER=1"):
        browser_missing("no chromium")
