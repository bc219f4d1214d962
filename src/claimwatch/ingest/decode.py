"""Bytes in, text out: size limits, binary detection and character-set decoding for every input format.

Why a simple rule and not a statistical detector: our inputs are English news. When bytes are not
valid UTF-8 they are, in practice, Windows-1252 or Latin-1 (which Windows-1252 extends), and a
statistical guess on a short English text often picks a Central-European code page that turns "è"
into "č". So: a byte-order mark wins, then a charset the document declares, then UTF-8, then
Windows-1252, then Latin-1 (which decodes any byte sequence).

That fallback is only right for Latin-script text. Bytes in a legacy code page of another script
(Windows-1256 Arabic, Windows-1251 Russian, Greek, Hebrew, CJK…) would decode as Windows-1252 into
mojibake that looks like text; charset-normalizer, which tells those scripts apart reliably (unlike
Latin code pages), is asked first, and such bytes are refused with a message naming the likely
encoding, so nothing garbled is stored.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import IO

from .. import settings
from ..errors import BinaryInput, EmptyInput, InputError, InputTooLarge, MalformedInput

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BYTE_ORDER_MARKS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# File signatures of formats people drop into a folder of articles by mistake.
_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
}
# Browsers read these labels as Windows-1252 (WHATWG encoding standard); so do we.
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}
_TEXT_CONTROLS = {0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_SAMPLE = 8192


def limit_message(size: int) -> str:
    limit = settings.max_bytes()
    return f"{size:,} bytes is over the limit of {limit:,} bytes (set CLAIMWATCH_MAX_BYTES to raise it)"


def read_file(path: Path, source: str) -> bytes:
    """The bytes of a file, refused before reading when it is over the size limit."""
    limit = settings.max_bytes()
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputTooLarge(source, limit_message(size))
        with path.open("rb") as handle:
            return read_stream(handle, source)
    except OSError as error:
        raise InputError(source, f"cannot read the file ({error.strerror or error})") from error


def read_stream(stream: IO[bytes], source: str) -> bytes:
    """At most the size limit from a stream (stdin, a WARC record); one byte more means too large."""
    limit = settings.max_bytes()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(source, f"more than {limit:,} bytes (set CLAIMWATCH_MAX_BYTES to raise it)")
    if not data.strip():
        raise EmptyInput(source, "the input is empty")
    return data


def binary_reason(data: bytes) -> str | None:
    """Why `data` is not text, or None when it looks like text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return f"binary content ({what}), not text, HTML, JSON or WARC"
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return "binary content (NUL bytes), not text, HTML, JSON or WARC"
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if sample and controls / len(sample) > 0.05:
        return "binary content (control bytes), not text, HTML, JSON or WARC"
    return None


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Text from bytes: byte-order mark, then the declared charset, then UTF-8, Windows-1252, Latin-1."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                mismatch = f"starts with a {encoding} byte-order mark but is not {encoding}"
                raise MalformedInput(source, mismatch) from error
    reason = binary_reason(data)
    if reason:
        raise BinaryInput(source, reason)
    for encoding in _candidates(declared):
        if encoding == "cp1252" and not declared:
            _refuse_other_scripts(data, source)
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")  # every byte sequence is valid Latin-1


# Legacy code pages of non-Latin scripts (charset-normalizer's names): decoded as Windows-1252 they are mojibake.
_OTHER_SCRIPTS = re.compile(
    r"^(?:cp125[1356]|cp8(?:55|56|62|64|66|69|74)|cp9(?:32|36|49|50)|koi8_[ru]|iso8859_[5678]|iso8859_11|"
    r"mac_(?:cyrillic|greek|arabic)|kz1048|ptcp154|tis_620|shift_jis|euc_(?:jp|kr|jis_2004)|gb2312|gbk|gb18030|"
    r"big5|big5hkscs|johab|hz|iso2022_\w+)$"
)
_MIN_HIGH_BYTES = 20  # fewer non-ASCII bytes than this: a Latin text with a few accents, not worth a guess


def _refuse_other_scripts(data: bytes, source: str) -> None:
    """MalformedInput when the bytes read best as a code page of a non-Latin script (see the docstring)."""
    sample = data[:65536]
    high = sum(1 for byte in sample if byte >= 0x80)
    letters = sum(1 for byte in sample if 0x41 <= (byte | 0x20) <= 0x7A)
    if high < _MIN_HIGH_BYTES or high < letters:  # mostly ASCII letters: Latin script
        return
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None or not _OTHER_SCRIPTS.match(best.encoding):
        return
    language = f" ({best.language})" if best.language and best.language != "Unknown" else ""
    raise MalformedInput(
        source,
        f"not UTF-8: its bytes read as {best.encoding}{language}, which Windows-1252 would turn into mojibake; "
        f"convert it (iconv -f {best.encoding.replace('_', '-')} -t utf-8) or declare the charset",
    )


def _candidates(declared: str | None) -> list[str]:
    encodings = ["utf-8", "cp1252"]
    if declared:
        label = declared.strip().lower()
        encodings.insert(0, "cp1252" if label in _WINDOWS_1252_LABELS else label)
    return encodings


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def header_charset(content_type: str | None) -> str | None:
    """The charset of an HTTP Content-Type header ("text/html; charset=ISO-8859-1")."""
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None
