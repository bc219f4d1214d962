"""The watcher's config file (TOML):

    [watch]
    every = "10m"                 # default interval of a source
    timeout = 20                  # seconds per request
    max_bytes = 5000000           # largest page or feed read
    max_redirects = 5
    user_agent = "Claimwatch/0.1 (+https://github.com/claimwatch/claimwatch)"
    dashboard_url = "http://127.0.0.1:8000"   # the links in alert payloads
    respect_robots = true

    [[source]]
    url = "https://outlet.example/rss.xml"
    every = "5m"                  # optional
    kind = "feed"                 # optional: auto (default), feed, sitemap, urls

    [[alert]]
    name = "is-claims"            # optional, default: the rule's kind and its index
    when = "claim"                # claim | denial | competing | unusual_delay | killed
    groups = ["Islamic State"]    # claim, denial, unusual_delay: only these groups (default: any)
    countries = ["NG", "ML"]      # killed (and any rule): only incidents in these countries
    min_killed = 10               # killed: at least this many killed
    to = "webhook:https://hooks.example/claimwatch"   # or "file:alerts.jsonl" or "stdout"

Sources from the file are merged into the store's sources on each start (`origin = config`); sources
added with `claimwatch sources add` live only in the store.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import FeedError

USER_AGENT = "Claimwatch/0.1 (+https://github.com/claimwatch/claimwatch; feed watcher)"
KINDS = ("auto", "feed", "sitemap", "urls")
RULES = ("claim", "denial", "competing", "unusual_delay", "killed")
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}
MIN_INTERVAL = 10  # seconds: no source is polled more often


@dataclass
class Settings:
    every: int = 600
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    dashboard_url: str = "http://127.0.0.1:8000"
    respect_robots: bool = True


@dataclass
class SourceConfig:
    url: str
    every: int | None = None
    kind: str = "auto"


@dataclass
class AlertRule:
    name: str
    when: str
    to: str = "stdout"
    groups: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    min_killed: int = 0


@dataclass
class WatchConfig:
    settings: Settings = field(default_factory=Settings)
    sources: list[SourceConfig] = field(default_factory=list)
    alerts: list[AlertRule] = field(default_factory=list)


def parse_interval(value: str | int | float, where: str = "interval") -> int:
    """Seconds from "90s", "10m", "2h", "1d" or a number of seconds; at least MIN_INTERVAL."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        match = _INTERVAL.match(str(value))
        if not match:
            raise FeedError(f"{where}: {value!r} is not an interval; write e.g. 90s, 10m, 2h or 1d")
        seconds = float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]
    if seconds < MIN_INTERVAL:
        raise FeedError(f"{where}: {value!r} is shorter than {MIN_INTERVAL} seconds")
    return int(seconds)


def check_url(url: str, where: str = "url") -> str:
    if not re.match(r"^https?://[^\s/]+", url or ""):
        raise FeedError(f"{where}: {url!r} is not an http or https URL")
    return url.strip()


def load_config(path: str | Path | None) -> WatchConfig:
    if path is None:
        return WatchConfig()
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise FeedError(f"{path}: no such config file") from error
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise FeedError(f"{path}: not a readable TOML file ({error})") from error
    return parse_config(raw, str(path))


def parse_config(raw: dict[str, Any], where: str = "config") -> WatchConfig:
    watch = raw.get("watch", {})
    settings = Settings()
    if "every" in watch:
        settings.every = parse_interval(watch["every"], f"{where}: [watch] every")
    for key, kind in (("timeout", float), ("max_bytes", int), ("max_redirects", int), ("user_agent", str),
                      ("dashboard_url", str), ("respect_robots", bool)):
        if key in watch:
            if not isinstance(watch[key], kind) and not (kind is float and isinstance(watch[key], int)):
                raise FeedError(f"{where}: [watch] {key} must be a {kind.__name__}")
            setattr(settings, key, kind(watch[key]))
    sources = []
    for n, item in enumerate(raw.get("source", []), start=1):
        label = f"{where}: source {n}"
        if not isinstance(item, dict) or "url" not in item:
            raise FeedError(f"{label} has no url")
        kind = item.get("kind", "auto")
        if kind not in KINDS:
            raise FeedError(f"{label}: kind {kind!r} is not one of {', '.join(KINDS)}")
        every = parse_interval(item["every"], f"{label} every") if "every" in item else None
        sources.append(SourceConfig(check_url(item["url"], label), every, kind))
    alerts = []
    for n, item in enumerate(raw.get("alert", []), start=1):
        label = f"{where}: alert {n}"
        when = item.get("when") if isinstance(item, dict) else None
        if when not in RULES:
            raise FeedError(f"{label}: 'when' must be one of {', '.join(RULES)}")
        to = str(item.get("to", "stdout"))
        if not (to == "stdout" or to.startswith("file:") or to.startswith("webhook:")):
            raise FeedError(f"{label}: 'to' must be stdout, file:PATH or webhook:URL")
        if to.startswith("webhook:"):
            check_url(to.removeprefix("webhook:"), f"{label} to")
        alerts.append(AlertRule(
            name=str(item.get("name") or f"{when}-{n}"), when=when, to=to,
            groups=[str(g) for g in item.get("groups", [])],
            countries=[str(c).upper() for c in item.get("countries", [])],
            min_killed=int(item.get("min_killed", 0)),
        ))
    names = [a.name for a in alerts]
    if len(set(names)) != len(names):
        raise FeedError(f"{where}: two alerts share a name; names must be unique")
    return WatchConfig(settings, sources, alerts)
