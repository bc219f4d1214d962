"""Browser tests: the dashboard served by uvicorn in a thread, driven by Playwright with Debian's chromium.

The server reads the desk store: tests/fixtures/desk/articles.json run through the real pipeline (see
tests/desk_store.py). Screenshots go to artifacts/screenshots/ (kept by CI). When chromium or Playwright is
missing the tests are skipped with the reason, or fail when CLAIMWATCH_REQUIRE_BROWSER=1 (set by CI, where a
silent skip would hide that the dashboard was never tested; `bash .ci/e2e-setup.sh` installs chromium).
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent))  # tests/desk_store.py

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard over the desk store: the fixture articles extracted by the real pipeline into SQLite."""
    import uvicorn

    from claimwatch.api import create_app
    from desk_store import desk_store_copy

    port = _free_port()
    store = desk_store_copy(tmp_path_factory, tmp_path_factory.mktemp("e2e"))
    server = uvicorn.Server(uvicorn.Config(create_app(store, token="e2e"), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the dashboard server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def browser_missing(reason: str) -> NoReturn:
    """Skip for lack of a browser, except where the environment demands the browser tests run."""
    if os.environ.get("CLAIMWATCH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; CLAIMWATCH_REQUIRE_BROWSER=1 requires the browser tests to run", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        browser_missing(f"Debian's chromium is not installed at {CHROMIUM} (bash .ci/e2e-setup.sh)")
    try:
        from playwright import sync_api
    except ImportError as error:
        browser_missing(f"Playwright is not installed ({error}; pip install -e '.[dev]')")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, base_url=base_url)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.errors = errors
    dialogs: list[str] = []  # an alert() from article text would mean it ran as script

    def dismiss(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", dismiss)
    tab.dialogs = dialogs
    yield tab
    context.close()


@pytest.fixture()
def shoot() -> Any:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
