"""HTML pages to documents: main text and metadata through trafilatura, not hand-written boilerplate rules."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..errors import MalformedInput
from ..model import Document
from ..url_dates import with_url_date

# trafilatura reports pages it cannot use on its own logger; we report them as typed errors. Its log
# level is the application's to set (the CLI quiets it unless -vv), not this module's at import time.


def from_html(markup: str, source: str, url: str | None = None) -> Document:
    """The article in an HTML page, with title, date, outlet (site name), author and URL when the page has them.

    A first pass favours precision (less navigation and comments); a page that yields nothing that
    way, such as a short page, gets a second pass that favours recall.
    """
    result = _extract(markup, url, favor_recall=False) or _extract(markup, url, favor_recall=True)
    if result is None:
        raise MalformedInput(source, "no article text found in the HTML (broken or empty page)")
    # trafilatura puts one paragraph on each line; the rest of the pipeline separates them by a blank line
    paragraphs = [line.strip() for line in result.text.splitlines() if line.strip()]
    return with_url_date(Document(
        text="\n\n".join(paragraphs),
        url=_clean(result.url) or url,
        title=_clean(result.title),
        published=parse_date(result.date),
        outlet=_clean(result.sitename),
        author=_clean(result.author),
        source=source,
    ))


def _extract(markup: str, url: str | None, *, favor_recall: bool) -> Any:
    import trafilatura  # imported here: it takes a while, and text-only runs never need it

    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=not favor_recall,
            favor_recall=favor_recall,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (ValueError, TypeError, AttributeError):  # lxml gives up on some malformed markup
        return None
    if result is None or not (getattr(result, "text", None) or "").strip():
        return None
    return result


def parse_date(value: str | None) -> datetime | None:
    """An ISO date or datetime ("2017-06-04", "2017-06-04T22:48:00+01:00"); None when it is not one."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
