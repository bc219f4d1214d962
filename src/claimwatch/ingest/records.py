"""JSON articles to documents: a .json file holds one article or a list; a .jsonl file one article per line.

An article is an object with `text` (plain text) or `html` (a page, read through trafilatura), and
optionally `url`, `title`, `published`, `outlet` and `author`; fields given in the record win over
metadata read from the HTML.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any

from .. import settings
from ..errors import EmptyInput, InputError, InputTooLarge, MalformedInput
from ..model import Document
from ..url_dates import with_url_date
from .decode import decode, limit_message
from .html import from_html

_METADATA = ("url", "title", "outlet", "author")
TOO_DEEP = "the JSON is nested too deeply to read (arrays or objects inside each other thousands of levels deep)"


def from_json_text(text: str, source: str) -> Iterator[Document | InputError]:
    """The documents of a .json file: one object, or a list of objects (each error named by its index)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # several objects, one a line: JSON lines under a .json name
            yield from from_json_lines(text.splitlines(keepends=True), source)
            return
        yield MalformedInput(source, f"not valid JSON ({_where(error)})")
        return
    except RecursionError:
        yield MalformedInput(source, TOO_DEEP)
        return
    if isinstance(value, list):
        if not value:
            yield EmptyInput(source, "the JSON list holds no articles")
        for index, item in enumerate(value):
            yield _safe_record(item, f"{source}[{index}]")
    else:
        yield _safe_record(value, source)


def from_json_lines(lines: Iterator[str] | list[str], source: str) -> Iterator[Document | InputError]:
    """One document per non-blank line; a bad line is one error naming the file and the line number."""
    seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen = True
        yield _parse_line(line, f"{source}:{number}", number)
    if not seen:
        yield EmptyInput(source, "the file holds no JSON lines")


def iter_jsonl_file(handle: IO[bytes], source: str) -> Iterator[Document | InputError]:
    """Stream a .jsonl file line by line: a big file is never read whole, each line has the size limit."""
    limit = settings.max_bytes()
    seen = False
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            break
        number += 1
        line_source = f"{source}:{number}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw) + _skip_rest_of_line(handle)
            seen = True
            yield InputTooLarge(line_source, f"line {number}: " + limit_message(size))
            continue
        if not raw.strip():
            continue
        seen = True
        try:
            line = decode(raw, line_source)
        except InputError as error:
            yield error
            continue
        yield _parse_line(line, line_source, number)
    if not seen:
        yield EmptyInput(source, "the file holds no JSON lines")


def _skip_rest_of_line(handle: IO[bytes]) -> int:
    skipped = 0
    while chunk := handle.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def parse_json_line(line: str, file_source: str, number: int) -> Document | InputError:
    """Line `number` (from 1) of a JSON lines file, as `iter_jsonl_file` reads it (for split files)."""
    return _parse_line(line, f"{file_source}:{number}", number)


def _parse_line(line: str, source: str, number: int) -> Document | InputError:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return MalformedInput(source, f"line {number} is not valid JSON ({_where(error, line=False)})")
    except RecursionError:
        return MalformedInput(source, f"line {number}: {TOO_DEEP}")
    return _safe_record(value, source)


def _where(error: json.JSONDecodeError, *, line: bool = True) -> str:
    """'Expecting value at line 3, column 5': the parser's words, then where (its words may end in 'at')."""
    place = f"line {error.lineno}, column {error.colno}" if line else f"column {error.colno}"
    return f"{error.msg} {place}" if error.msg.endswith(" at") else f"{error.msg} at {place}"


def _safe_record(value: Any, source: str) -> Document | InputError:
    try:
        return from_record(value, source)
    except InputError as error:
        return error


def from_record(value: Any, source: str) -> Document:
    """One article object to a document; raises a typed InputError when it is not one."""
    if not isinstance(value, dict):
        raise MalformedInput(source, f"expected a JSON object with 'text' or 'html', got a {_json_type(value)}")
    text, html = value.get("text"), value.get("html")
    if isinstance(text, str) and text.strip():
        document = Document(text=text, source=source)
    elif isinstance(html, str) and html.strip():
        document = from_html(html, source, url=_string(value.get("url")))
    elif "text" in value or "html" in value:
        raise EmptyInput(source, "the article's 'text' (or 'html') is empty")
    else:
        raise MalformedInput(source, "the object has neither a 'text' nor an 'html' field")
    for name in _METADATA:
        given = _string(value.get(name))
        if given:
            setattr(document, name, given)
    language = _string(value.get("language")) or _string(value.get("lang"))  # the source's word, else detected
    if language:
        document.language = language
    published = parse_published(value.get("published"))
    if published:
        document.published = published
    return with_url_date(document)


def parse_published(value: Any) -> datetime | None:
    """A publication time from JSON: an ISO string, a date in words, or seconds since the epoch."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        from ..clean import publication_date

        return publication_date(value)


def _string(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _json_type(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
