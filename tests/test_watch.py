"""The feed watcher, sources and alerts against a local HTTP server (tests/feed_server.py): no internet.

The articles are written for these tests (tests/fixtures/feeds) and go through the real pipeline."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from claimwatch.cli import app
from claimwatch.errors import FeedError
from claimwatch.feeds import state
from claimwatch.feeds.alerts import list_alerts
from claimwatch.feeds.config import AlertRule, SourceConfig, WatchConfig, parse_config, parse_interval
from claimwatch.feeds.fetch import Fetcher, FetchError
from claimwatch.feeds.parse import parse_listing
from claimwatch.feeds.watcher import Watcher, WatchStats
from claimwatch.store import Store
from claimwatch.store.schema import documents, feed_items
from feed_server import FeedServer

pytestmark = pytest.mark.slow


@pytest.fixture()
def server() -> Iterator[FeedServer]:
    with FeedServer() as s:
        s.fixture("/wire.rss", "wire.rss", content_type="application/rss+xml", etag='"wire-1"')
        s.fixture("/desk.atom", "desk.atom", content_type="application/atom+xml")
        s.serve("/broken.rss", "Internal error", status=500, content_type="text/plain")
        for name in ("kirkuk-checkpoint", "floods"):
            s.fixture(f"/news/{name}.html", f"{name}.html")
        s.fixture("/desk/maiduguri-bus-station.html", "maiduguri-bus-station.html")
        yield s


def three_feeds(server: FeedServer, alerts: list[AlertRule] | None = None) -> WatchConfig:
    config = WatchConfig(sources=[SourceConfig(server.url(p)) for p in ("/wire.rss", "/desk.atom", "/broken.rss")],
                         alerts=alerts or [])
    config.settings.timeout = 2.0
    return config


def run(store: Store, config: WatchConfig, events: list[str] | None = None) -> WatchStats:
    watcher = Watcher(store, config, on_event=(events.append if events is not None else None))
    try:
        return watcher.run_once()
    finally:
        watcher.close()


def count(store: Store, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


# --------------------------------------------------------------------------- acceptance


def test_watch_once_three_feeds_one_broken_then_nothing_new(server: FeedServer, tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        events: list[str] = []
        first = run(store, three_feeds(server), events)
        assert (first.sources, first.failing, first.stored) == (3, 1, 3)
        assert first.listed == 3  # the Kirkuk page is listed by two feeds and recorded once
        assert first.incidents >= 2 and first.claims >= 1
        assert any("broken.rss" in e and "HTTP 500" in e for e in events)
        assert any("1 items without a usable link" in e for e in events)
        stored = {d.url: d for d in store.documents()}
        kirkuk = stored[server.url("/news/kirkuk-checkpoint.html")]
        assert kirkuk.source == server.url("/wire.rss") and kirkuk.published is not None
        sources = {s.url: s for s in state.list_sources(store.engine)}
        assert "HTTP 500" in (sources[server.url("/broken.rss")].last_error or "")
        assert sources[server.url("/wire.rss")].last_error is None

        second = run(store, three_feeds(server))
        assert (second.stored, second.listed, second.fetched) == (0, 0, 0)
        assert count(store, documents) == 3
        assert server.conditional["/wire.rss"] == 1  # the second poll was a conditional request: 304
        assert server.hits["/news/kirkuk-checkpoint.html"] == 1


def test_one_new_claim_gives_exactly_one_webhook_call(server: FeedServer, tmp_path: Path) -> None:
    rule = AlertRule(name="is-claims", when="claim", groups=["Islamic State"], to=f"webhook:{server.url('/hook')}")
    config = three_feeds(server, [rule])
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        run(store, config)
        assert len(server.webhook_calls) == 1
        payload = json.loads(server.webhook_calls[0])
        assert payload["rule"] == "is-claims" and payload["claim"]["group"]["name"] == "Islamic State"
        assert payload["incident"]["place"] == "Kirkuk"
        assert payload["links"]["dashboard"].endswith(f"#/incident/{payload['incident']['id']}")
        assert "Amaq" in payload["evidence"][0]["text"]
        # a second outlet reports the same claim: the fact is the same, nothing fires again
        server.fixture("/news/kirkuk-second-outlet.html", "kirkuk-second-outlet.html")
        server.serve("/more.txt", server.url("/news/kirkuk-second-outlet.html") + "\n", content_type="text/plain")
        config.sources.append(SourceConfig(server.url("/more.txt"), kind="urls"))
        again = run(store, config)
        assert again.stored == 1
        assert len(server.webhook_calls) == 1
        (alert,) = list_alerts(store.engine)
        assert alert.status == "sent" and alert.attempts == 1


def test_a_failed_webhook_is_retried_and_not_lost(server: FeedServer, tmp_path: Path) -> None:
    server.webhook_failures = 1
    rule = AlertRule(name="any-claim", when="claim", to=f"webhook:{server.url('/hook')}")
    killed = AlertRule(name="iraq-killed", when="killed", countries=["IQ"], min_killed=3,
                       to=f"file:{tmp_path / 'alerts.jsonl'}")
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        first = run(store, three_feeds(server, [rule, killed]))
        assert first.alerts == 2 and first.alerts_failed == 1 and server.webhook_calls == []
        (lines,) = (tmp_path / "alerts.jsonl").read_text().splitlines(),
        assert [json.loads(line)["incident"]["country_code"] for line in lines] == ["IQ"]
        with store.engine.begin() as conn:  # the retry is due now, not in 30 s
            conn.execute(sa.text("UPDATE alerts SET next_attempt_at = '2000-01-01 00:00:00'"))
        second = run(store, three_feeds(server, [rule, killed]))
        assert second.alerts == 0 and second.alerts_sent == 1
        assert len(server.webhook_calls) == 1
        assert {a.status for a in list_alerts(store.engine)} == {"sent"}


def test_kill_9_mid_run_then_restart_loses_nothing_and_stores_nothing_twice(server: FeedServer,
                                                                           tmp_path: Path) -> None:
    server.routes["/desk/maiduguri-bus-station.html"].delay = 30  # the run hangs here, after storing others
    db = f"sqlite:///{tmp_path / 'w.db'}"
    config = tmp_path / "watch.toml"
    config.write_text(
        "[watch]\ntimeout = 60\n" + "".join(f'[[source]]\nurl = "{server.url(p)}"\n'
                                             for p in ("/wire.rss", "/desk.atom", "/broken.rss")),
        encoding="utf-8")
    command = [sys.executable, "-c", "from claimwatch.cli import main; main()", "watch", "--config", str(config),
               "--once", "--db", db]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.hits["/desk/maiduguri-bus-station.html"] == 0:
            time.sleep(0.2)
        assert server.hits["/desk/maiduguri-bus-station.html"] == 1, "the watcher never reached the slow page"
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    with Store(db) as store:
        assert count(store, documents) == 2
        assert state.item_counts(store.engine).get("pending") == 1
    server.routes["/desk/maiduguri-bus-station.html"].delay = 0
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(),
                   timeout=180)
    with Store(db) as store:
        urls = [d.url for d in store.documents()]
        assert sorted(urls) == sorted(server.url(p) for p in ("/news/kirkuk-checkpoint.html", "/news/floods.html",
                                                              "/desk/maiduguri-bus-station.html"))
        assert state.item_counts(store.engine) == {"stored": 3}
        assert count(store, feed_items) == 3


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parents[1] / "src"), env.get("PYTHONPATH")]))
    return env


# --------------------------------------------------------------------------- misbehaving sources and pages


def test_pages_that_are_not_articles_fail_with_a_reason_and_the_rest_goes_on(server: FeedServer,
                                                                            tmp_path: Path) -> None:
    server.fixture("/sitemap.xml", "sitemap.xml", content_type="application/xml")
    server.serve("/bad/loop", "", status=302, headers={"Location": "/bad/loop"})
    server.serve("/bad/huge.html", "<html><body><p>" + "word " * 400_000 + "</p></body></html>")
    server.serve("/bad/report.pdf", b"%PDF-1.4 not really", content_type="application/pdf")
    server.serve("/bad/slow.html", "<html><body><p>late</p></body></html>", delay=3)
    server.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.serve("/private/secret.html", "<html><body><p>secret</p></body></html>")
    config = WatchConfig(sources=[SourceConfig(server.url("/sitemap.xml"))])
    config.settings.timeout = 1.0
    config.settings.max_bytes = 1_000_000
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        events: list[str] = []
        stats = run(store, config, events)
        assert stats.listed == 6 and stats.stored == 0
        reasons = {row.url.rsplit("/", 1)[-1]: row.error for row in _items(store)}
        assert "redirects" in reasons["loop"]
        assert "cap" in reasons["huge.html"]
        assert "application/pdf" in reasons["report.pdf"]
        assert "robots.txt" in reasons["secret.html"]
        assert "HTTP 404" in reasons["gone.html"]
        assert "timed out" in reasons["slow.html"]
        assert server.hits["/private/secret.html"] == 0
        statuses = {row.url.rsplit("/", 1)[-1]: row.status for row in _items(store)}
        assert statuses["slow.html"] == "pending"  # a timeout is retried on a later pass
        assert {s for name, s in statuses.items() if name != "slow.html"} == {"failed"}
        for _ in range(2):
            run(store, config)
        assert {row.url.rsplit("/", 1)[-1]: row.status for row in _items(store)}["slow.html"] == "failed"


def _items(store: Store) -> list[sa.Row[tuple[object, ...]]]:
    with store.engine.connect() as conn:
        return list(conn.execute(sa.select(feed_items)))


def test_a_failing_source_backs_off(server: FeedServer, tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        config = WatchConfig(sources=[SourceConfig(server.url("/broken.rss"), every=60)])
        run(store, config)
        first = state.list_sources(store.engine)[0]
        assert (first.next_poll_at - first.last_polled_at).total_seconds() == 120  # 60 s doubled
        skipped = run(store, config)  # even --once leaves a source alone while it backs off
        assert skipped.polled == 0 and server.hits["/broken.rss"] == 1 and skipped.failing == 1
        with store.engine.begin() as conn:
            conn.execute(sa.text("UPDATE feed_sources SET next_poll_at = '2000-01-01 00:00:00'"))
        run(store, config)
        second = state.list_sources(store.engine)[0]
        assert (first.error_count, second.error_count) == (1, 2)
        assert (second.next_poll_at - second.last_polled_at).total_seconds() == 240  # doubled twice
        watcher = Watcher(store, config)
        stats = WatchStats()
        watcher.poll(stats, force=False)  # not due: not polled
        assert stats.polled == 0 and server.hits["/broken.rss"] == 2


def test_fetcher_refuses_other_schemes_and_names_the_url() -> None:
    with Fetcher(WatchConfig().settings) as fetcher, pytest.raises(FetchError, match="only http and https"):
        fetcher.get("file:///etc/passwd")


# --------------------------------------------------------------------------- listings and config


def test_listings_of_each_kind() -> None:
    rss = (Path(__file__).parent / "fixtures" / "feeds" / "wire.rss").read_bytes().replace(b"{BASE}", b"http://x")
    listing = parse_listing(rss)
    assert listing.kind == "feed" and len(listing.items) == 2 and listing.broken == 1
    assert listing.items[0].published is not None and listing.items[0].published.hour == 9
    urls = parse_listing(b"# comment\nhttps://a.example/1\nnot-a-url\nhttp://b.example/2\n")
    assert (urls.kind, [i.url for i in urls.items], urls.broken) == ("urls", ["https://a.example/1",
                                                                            "http://b.example/2"], 1)
    with pytest.raises(FeedError, match="not a feed"):
        parse_listing(b"<html><body>just a page</body></html>", where="page")
    with pytest.raises(FeedError, match="DOCTYPE"):
        parse_listing(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><urlset></urlset>')


def test_config_file_and_intervals() -> None:
    assert [parse_interval(v) for v in ("90s", "10m", "2h", "1d", 30)] == [90, 600, 7200, 86400, 30]
    with pytest.raises(FeedError, match="not an interval"):
        parse_interval("soon")
    with pytest.raises(FeedError, match="shorter than"):
        parse_interval("1s")
    config = parse_config({"watch": {"every": "5m", "timeout": 3},
                           "source": [{"url": "https://a.example/rss", "every": "1h"}],
                           "alert": [{"when": "killed", "countries": ["ng"], "min_killed": 10, "to": "stdout"}]})
    assert config.settings.every == 300 and config.sources[0].every == 3600
    assert config.alerts[0].countries == ["NG"] and config.alerts[0].name == "killed-1"
    with pytest.raises(FeedError, match="'when' must be one of"):
        parse_config({"alert": [{"when": "sometimes"}]})
    with pytest.raises(FeedError, match="not an http"):
        parse_config({"source": [{"url": "ftp://a.example/"}]})


def test_cli_sources_add_list_remove(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    runner = CliRunner()
    result = runner.invoke(app, ["sources", "add", "https://outlet.example/rss", "--every", "15m", "--db", db])
    assert result.exit_code == 0, result.output
    assert "every 15m" in result.output
    listed = runner.invoke(app, ["sources", "--db", db, "--json"])
    (source,) = json.loads(listed.stdout)
    assert source["url"] == "https://outlet.example/rss" and source["every_seconds"] == 900
    bad = runner.invoke(app, ["sources", "add", "outlet.example", "--db", db])
    assert bad.exit_code == 1 and "not an http or https URL" in bad.output
    assert runner.invoke(app, ["sources", "remove", "https://outlet.example/rss", "--db", db]).exit_code == 0
    assert json.loads(runner.invoke(app, ["sources", "--db", db, "--json"]).stdout) == []
    missing = runner.invoke(app, ["watch", "--config", str(tmp_path / "nope.toml"), "--once", "--db", db])
    assert missing.exit_code == 1 and "nope.toml: no such config file" in missing.output


def test_api_lists_alerts_and_sources(server: FeedServer, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from claimwatch.api import create_app

    rule = AlertRule(name="is-claims", when="claim", to=f"file:{tmp_path / 'a.jsonl'}")
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        run(store, three_feeds(server, [rule]))
        client = TestClient(create_app(store, extractor=lambda d: None))  # type: ignore[arg-type,return-value]
        (alert,) = client.get("/api/alerts").json()
        assert alert["rule"] == "is-claims" and alert["status"] == "sent"
        assert alert["payload"]["claim"]["group"]["name"] == "Islamic State"
        sources = client.get("/api/sources").json()
        assert [bool(s["last_error"]) for s in sources] == [False, False, True]
