"""Stage `ingest`: files, folders and stdin to `Document`s, one typed error per input that cannot be read.

    1. paths      a folder is walked recursively in sorted order, hidden files and folders skipped;
                  `-` is stdin. A FIFO, socket or device, a symlink loop, a broken link and a link to
                  a file outside the folder are each named and skipped (never read: a FIFO would hang)
    2. format     by extension (.txt, .html/.htm, .json, .jsonl, .warc/.warc.gz); any other name, and
                  stdin, by a look at the first bytes
    3. bytes      refused when over `settings.max_bytes()` before they are read (JSON lines and WARC
                  records are streamed, the limit applies to each line or record), when binary or empty
    4. text       decoded (BOM, declared charset, UTF-8, Windows-1252, Latin-1: see decode.py)
    5. document   plain text as is; HTML through trafilatura (html.py); JSON records (records.py);
                  HTML responses of a web archive (warc.py)

`iter_documents` never raises for a bad input: it yields an `InputError` in the document's place and
goes on, so a batch is never stopped by one file (STYLE.md, habit 4).
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from ..errors import EmptyInput, InputError, MalformedInput
from ..model import Document
from .decode import decode, html_charset, read_file, read_stream
from .html import from_html
from .records import from_json_lines, from_json_text, iter_jsonl_file
from .warc import iter_warc

__all__ = ["STDIN", "documents_from_bytes", "input_files", "iter_documents", "kind_of", "read_document"]

STDIN = "-"
STDIN_SOURCE = "<stdin>"

_LOOKS_LIKE_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.IGNORECASE)


def iter_documents(paths: Iterable[str | Path] | str | Path) -> Iterator[Document | InputError]:
    """Every document under `paths`, in order; an unreadable input yields its `InputError` instead."""
    if isinstance(paths, str | Path):
        paths = [paths]
    for path in paths:
        if str(path) == STDIN:
            yield from _from_stdin()
            continue
        path = Path(path)
        problem = _not_readable(path)
        if problem is not None:
            yield InputError(str(path), problem)
        elif path.is_dir():
            for item in _walk(path):
                yield from (_from_file(item) if isinstance(item, Path) else [item])
        else:
            yield from _from_file(path)


def read_document(path: str | Path) -> Document:
    """The one document in a file (or `-` for stdin); raises its `InputError` when it cannot be read."""
    if str(path) != STDIN and Path(path).is_dir():
        raise InputError(str(path), "is a folder; `claimwatch ingest` reads folders")
    source = STDIN_SOURCE if str(path) == STDIN else str(path)
    items = iter_documents([path])
    first = next(items, None)
    if first is None:
        raise EmptyInput(source, "no document found")
    if isinstance(first, InputError):
        raise first
    if next(items, None) is not None:
        raise MalformedInput(source, "holds several documents; `claimwatch ingest` reads batches")
    return first


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The files `iter_documents` reads, in its order (for jobs that share the files out, like Spark)."""
    for path in paths:
        path = Path(path)
        problem = _not_readable(path)
        if problem is not None:
            yield InputError(str(path), problem)
        elif path.is_dir():
            yield from _walk(path)
        else:
            yield path


def kind_of(path: Path) -> str | None:
    """The format a file name tells ("warc", "jsonl", "json", "html", "text"), or None."""
    return _kind_by_name(path)


def documents_from_bytes(data: bytes, source: str, name: str) -> Iterator[Document | InputError]:
    """The documents of one file's bytes, named `name` (read as `iter_documents` reads that file)."""
    kind = _kind_by_name(Path(name))
    if name.lower().endswith(".gz") and kind != "warc":  # warcio reads gzipped WARC members itself
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            yield MalformedInput(source, f"cannot read the file ({error})")
            return
    yield from _from_bytes(data, source, kind or _sniff(data))


def _not_readable(path: Path) -> str | None:
    """Why `path` is not a file or folder to read (None when it is one): missing, a loop, a FIFO…"""
    try:
        mode = path.stat().st_mode  # follows links
    except RuntimeError:
        return "a symlink loop: skipped"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symlink loop: skipped"
        if path.is_symlink():
            return f"a broken symlink (to {os.readlink(path)}): skipped"
        return "no such file or folder" if error.errno == errno.ENOENT else f"cannot read it ({error.strerror})"
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"{kind}, not a file: skipped (reading it could wait for ever)"


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """The files under `folder` in sorted order; what cannot or must not be read comes as an error.

    Links are followed only to files inside the folder (a link to a file elsewhere is named and skipped:
    ingesting a folder never reads outside it); linked folders are not descended (no loops).
    """
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_symlink():
            problem = _not_readable(path)
            if problem is not None:
                yield InputError(str(path), problem)
                continue
            target = path.resolve()
            if not target.is_relative_to(root):
                yield InputError(str(path), f"a link to {target}, outside the folder: skipped")
                continue
            if target.is_dir():
                continue  # its files are reached through the folder itself
        elif path.is_dir():
            continue
        else:
            problem = _not_readable(path)
            if problem is not None:
                yield InputError(str(path), problem)
                continue
        yield path


def _from_stdin() -> Iterator[Document | InputError]:
    try:
        data = read_stream(sys.stdin.buffer, STDIN_SOURCE)
    except InputError as error:
        yield error
        return
    yield from _from_bytes(data, STDIN_SOURCE, _sniff(data))


def _from_file(path: Path) -> Iterator[Document | InputError]:
    source = str(path)
    kind = _kind_by_name(path)
    try:
        if kind in ("warc", "jsonl"):  # streamed: the size limit applies to each record or line
            with _open_maybe_gzip(path) as handle:
                if kind == "warc":
                    yield from iter_warc(handle, source)
                else:
                    yield from iter_jsonl_file(handle, source)
            return
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as handle:  # the limit applies to the uncompressed text
                data = read_stream(cast(IO[bytes], handle), source)
        else:
            data = read_file(path, source)
    except InputError as error:
        yield error
        return
    except (OSError, EOFError) as error:
        yield MalformedInput(source, f"cannot read the file ({getattr(error, 'strerror', None) or error})")
        return
    yield from _from_bytes(data, source, kind or _sniff(data))


def _from_bytes(data: bytes, source: str, kind: str) -> Iterator[Document | InputError]:
    try:
        if kind == "warc":
            yield from iter_warc(io.BytesIO(data), source)
        elif kind == "jsonl":
            yield from from_json_lines(decode(data, source).splitlines(), source)
        elif kind == "json":
            yield from from_json_text(decode(data, source), source)
        elif kind == "html":
            yield from_html(decode(data, source, html_charset(data)), source)
        else:
            text = decode(data, source)
            if not text.strip():
                raise EmptyInput(source, "the file holds only white space")
            yield Document(text=text, source=source)
    except InputError as error:
        yield error


def _kind_by_name(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return {
        ".txt": "text",
        ".text": "text",
        ".html": "html",
        ".htm": "html",
        ".xhtml": "html",
        ".json": "json",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".warc": "warc",
    }.get(last)


def _sniff(data: bytes) -> str:
    """The format of bytes that came without a telling name (stdin, `notes`, `article.md`)."""
    if data.startswith(b"\x1f\x8b"):
        try:  # a gzipped WARC file is the common case of gzip among articles
            head = gzip.GzipFile(fileobj=io.BytesIO(data)).read(8)
        except (OSError, EOFError):
            return "text"  # decode() then names it binary
        return "warc" if head.startswith(b"WARC/") else "text"
    head = data[:4096].lstrip()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith((b"{", b"[")):
        return "json"  # from_json_text also reads JSON lines
    if head.startswith(b"<") and _LOOKS_LIKE_HTML.search(head):
        return "html"
    return "text"


def _open_maybe_gzip(path: Path) -> IO[bytes]:
    """A .jsonl.gz file is read through gzip; warcio reads gzipped WARC members itself."""
    if path.suffix.lower() == ".gz" and _kind_by_name(path) == "jsonl":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")
