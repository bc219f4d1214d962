"""Web archives to documents: every HTML response in a .warc or .warc.gz file is one article.

Requests, metadata records, redirects, errors and non-HTML responses (images, scripts) are passed
over without a word; an HTML response that cannot be read is one error, and the archive goes on.
A file cut short (a copy that stopped at 70 %) is named: the record it cuts is not stored, and a
.warc.gz whose last gzip member is incomplete says so even when warcio quietly stops before it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from .. import settings
from ..errors import EmptyInput, InputError, InputTooLarge, MalformedInput
from ..model import Document
from .decode import decode, header_charset, html_charset, limit_message, read_stream
from .html import from_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(handle: IO[bytes], source: str) -> Iterator[Document | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _starts_like_warc(handle):
        yield MalformedInput(source, "not a WARC file (it does not start with a WARC/1.x record)")
        return
    found = 0
    try:
        for number, record in enumerate(ArchiveIterator(handle), start=1):
            if not _is_html_response(record):
                continue
            found += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            record_source = f"{source}#{uri or number}"
            try:
                yield _read_record(record, record_source, uri)
            except InputError as error:
                yield error
    except ArchiveLoadFailed as error:
        yield MalformedInput(source, f"not a readable WARC file ({_first_line(error)})")
        return
    except (OSError, EOFError, ValueError) as error:  # a truncated gzip member, a broken header
        yield MalformedInput(source, f"the WARC file is damaged or cut short ({_first_line(error)})")
        return
    if _is_gzip(handle) and not _gzip_complete(handle):
        yield MalformedInput(source, "the WARC file is cut short: its last gzip member is incomplete, so the "
                                     "record in it was not read (copy the file again)")
        return
    if not found:
        yield EmptyInput(source, "the WARC file holds no HTML responses")


def _starts_like_warc(handle: IO[bytes]) -> bool:
    """WARC files start with "WARC/"; warcio itself skips lines it cannot read and finds nothing."""
    head = handle.read(4096)
    handle.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.lstrip().startswith(b"WARC/")


def _is_gzip(handle: IO[bytes]) -> bool:
    handle.seek(0)
    magic = handle.read(2)
    handle.seek(0)
    return magic == b"\x1f\x8b"


def _gzip_complete(handle: IO[bytes], chunk: int = 1 << 20) -> bool:
    """Whether every gzip member of the file ends properly (decompressed chunk by chunk, output dropped)."""
    handle.seek(0)
    decompressor: Any = None  # None: between two members
    pending = b""
    while True:
        if not pending:
            pending = handle.read(chunk)
            if not pending:
                return decompressor is None
        if decompressor is None:
            decompressor = zlib.decompressobj(wbits=31)
        try:
            decompressor.decompress(pending, chunk)  # at most `chunk` bytes of output at a time
        except zlib.error:
            return False
        if decompressor.eof:
            pending, decompressor = decompressor.unused_data, None
        else:
            pending = decompressor.unconsumed_tail


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES)


def _read_record(record: Any, source: str, uri: str | None) -> Document:
    length = record.rec_headers.get_header("Content-Length")
    if length and length.isdigit() and int(length) > settings.max_bytes():
        raise InputTooLarge(source, limit_message(int(length)))
    data = read_stream(record.content_stream(), source)
    missing = getattr(record.raw_stream, "limit", 0) or 0  # bytes the record's Content-Length promised
    if missing > 0:
        raise MalformedInput(source, f"the record is cut short ({missing:,} of its bytes are missing: the WARC "
                                     "file was truncated); not stored")
    declared = header_charset(record.http_headers.get_header("Content-Type")) or html_charset(data)
    return from_html(decode(data, source, declared), source, url=uri)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
