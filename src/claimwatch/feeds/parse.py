"""A source's body -> the items it lists, by its kind ("auto" guesses from the body):

    feed      RSS or Atom through feedparser: each entry's link, title and published time
    sitemap   a (news) sitemap: each <url>'s <loc>, <news:title> and <news:publication_date>
              (or <lastmod>); a sitemap index lists further sitemaps, which are not followed
    urls      a plain list: one http(s) URL a line, '#' comments

An entry without a usable link is counted in `broken`, not fatal: the rest of the feed is read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..errors import FeedError
from ..ingest.html import parse_date


@dataclass
class Item:
    url: str
    title: str | None = None
    published: datetime | None = None


@dataclass
class Listing:
    kind: str
    items: list[Item] = field(default_factory=list)
    broken: int = 0


_URL = re.compile(r"^https?://\S+$")


def parse_listing(body: bytes, kind: str = "auto", where: str = "source") -> Listing:
    if kind == "auto":
        kind = guess_kind(body)
    if kind == "sitemap":
        return _sitemap(body, where)
    if kind == "urls":
        return _url_list(body)
    return _feed(body, where)


def guess_kind(body: bytes) -> str:
    head = body[:2048].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if head.startswith((b"http://", b"https://", b"#")):
        return "urls"
    return "feed"


def _feed(body: bytes, where: str) -> Listing:
    import feedparser

    parsed: Any = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no RSS or Atom entries found")
        raise FeedError(f"{where}: not a feed ({reason})")
    listing = Listing("feed")
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not _URL.match(link):
            listing.broken += 1
            continue
        listing.items.append(Item(link, (entry.get("title") or "").strip() or None, _entry_time(entry)))
    return listing


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime(*value[:6])  # feedparser gives UTC
    return None


def _sitemap(body: bytes, where: str) -> Listing:
    if b"<!DOCTYPE" in body[:4096] or b"<!ENTITY" in body:
        raise FeedError(f"{where}: a sitemap with a DOCTYPE or entities is refused")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        raise FeedError(f"{where}: not a readable sitemap ({error})") from error
    listing = Listing("sitemap")
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = title = when = None
        for child in node.iter():
            name = _local(child.tag)
            if name == "loc":
                loc = (child.text or "").strip()
            elif name == "title":
                title = (child.text or "").strip() or None
            elif name in ("publication_date", "lastmod") and when is None:
                when = parse_date((child.text or "").strip().replace("Z", "+00:00"))
        if not loc or not _URL.match(loc):
            listing.broken += 1
            continue
        if when is not None and when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        listing.items.append(Item(loc, title, when))
    return listing


def _url_list(body: bytes) -> Listing:
    listing = Listing("urls")
    for line in body.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if _URL.match(line):
            listing.items.append(Item(line))
        else:
            listing.broken += 1
    return listing


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
