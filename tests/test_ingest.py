"""Stage `ingest`: every supported format, and one typed error per bad input while the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import sys
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimwatch.errors import BinaryInput, EmptyInput, InputError, InputTooLarge, MalformedInput
from claimwatch.ingest import iter_documents, read_document
from claimwatch.ingest.decode import decode
from claimwatch.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

PAGE = (
    "<html><head><title>{title}</title></head><body><article>"
    "<p>{body} The attack took place on the main road leading to the northern district, witnesses said.</p>"
    "<p>Security forces sealed off the area and began a search for the attackers, a spokesman added.</p>"
    "</article></body></html>"
)


def documents(*paths: str | Path) -> list[Document | InputError]:
    return list(iter_documents(paths))


# --------------------------------------------------------------------------- plain text and decoding


def test_utf8_text_is_read_as_is() -> None:
    [document] = documents(FIXTURES / "article.txt")
    assert isinstance(document, Document)
    assert document.text.startswith("Gunmen attack checkpoint near Harbor Town\n")
    assert document.source == str(FIXTURES / "article.txt")


def test_latin1_text_is_decoded_not_rejected() -> None:
    [document] = documents(FIXTURES / "latin1.txt")
    assert isinstance(document, Document)
    assert "Café owner in Zürich" in document.text
    assert "“We heard it from miles away,” she said." in document.text  # Windows-1252 quotes


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Kabul – 20 killed".encode(), "Kabul – 20 killed"),
        ("\ufeffBOM first".encode(), "BOM first"),
        ("Zürich".encode("utf-16"), "Zürich"),
        ("Zürich".encode("latin-1"), "Zürich"),
        (b"\x93quoted\x94", "“quoted”"),
        (b"\x81\x8d odd", "\x81\x8d odd"),  # undefined in Windows-1252: Latin-1 decodes every byte
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data, "x") == expected


def test_declared_charset_wins_and_latin1_label_means_windows_1252() -> None:
    assert decode("Ωmega".encode("iso-8859-7"), "x", declared="iso-8859-7") == "Ωmega"
    assert decode(b"\x93hi\x94", "x", declared="ISO-8859-1") == "“hi”"
    assert decode(b"plain", "x", declared="no-such-charset") == "plain"


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"%PDF-1.7\n...", b"abc\x00def" * 10, bytes(range(1, 32)) * 20],
)
def test_binary_input_is_rejected(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    [error] = documents(path)
    assert isinstance(error, BinaryInput)
    assert error.source == str(path)


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_input(name: str) -> None:
    [error] = documents(FIXTURES / name)
    assert isinstance(error, EmptyInput)


def test_missing_path_is_one_error_and_the_rest_goes_on(tmp_path: Path) -> None:
    items = documents(tmp_path / "nope.txt", FIXTURES / "article.txt")
    assert isinstance(items[0], InputError) and "no such file" in items[0].reason
    assert isinstance(items[1], Document)


# --------------------------------------------------------------------------- size limit


def test_a_50_mb_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        [error] = documents(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, InputTooLarge)
    assert "52,428,800 bytes" in error.reason and "CLAIMWATCH_MAX_BYTES" in error.reason
    assert peak < 5 * 1024 * 1024


def test_limit_comes_from_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_MAX_BYTES", "100")
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text("word " * 50)
    small.write_text("A short article.")
    items = documents(big, small)
    assert isinstance(items[0], InputTooLarge)
    assert isinstance(items[1], Document)


def test_jsonl_limit_applies_per_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_MAX_BYTES", "200")
    path = tmp_path / "feed.jsonl"
    lines = [{"text": "x " * 300}, {"text": "A bomb exploded."}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    items = documents(path)
    assert isinstance(items[0], InputTooLarge) and items[0].source == f"{path}:1"
    assert isinstance(items[1], Document) and items[1].text == "A bomb exploded."


# --------------------------------------------------------------------------- HTML


def test_html_main_text_and_metadata() -> None:
    [document] = documents(FIXTURES / "article.html")
    assert isinstance(document, Document)
    assert "A car bomb exploded outside a market in River City" in document.text
    assert "Home" not in document.text and "Copyright" not in document.text
    assert "\n\n" in document.text  # paragraphs separated by a blank line
    assert document.title == "Car bomb kills six in River City"
    assert document.outlet == "The Example Gazette"
    assert document.author == "Jane Roe"
    assert document.url == "https://gazette.example/world/river-city-car-bomb"
    assert document.published is not None and document.published.date().isoformat() == "2020-05-17"


def test_broken_html_is_malformed() -> None:
    [error] = documents(FIXTURES / "broken.html")
    assert isinstance(error, MalformedInput)
    assert "no article text" in error.reason


def test_latin1_html_with_declared_charset(tmp_path: Path) -> None:
    page = PAGE.format(title="Attack", body="Le café était plein quand les hommes armés sont arrivés.")
    page = page.replace("<head>", '<head><meta charset="iso-8859-1">')
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("latin-1"))
    [document] = documents(path)
    assert isinstance(document, Document)
    assert "Le café était plein" in document.text


# --------------------------------------------------------------------------- JSON and JSON lines


def test_json_object_with_metadata() -> None:
    [document] = documents(FIXTURES / "article.json")
    assert isinstance(document, Document)
    assert document.title == "Convoy ambushed"
    assert document.url == "https://news.example/convoy"
    assert document.outlet == "News Example"
    assert document.published == datetime(2019, 11, 8, 14, 0, tzinfo=UTC)


def test_json_list_names_each_bad_element_and_goes_on() -> None:
    items = documents(FIXTURES / "articles.json")
    assert [type(item).__name__ for item in items] == ["Document", "MalformedInput", "Document"]
    assert items[1].source == f"{FIXTURES / 'articles.json'}[1]"  # type: ignore[union-attr]
    html_record = items[2]
    assert isinstance(html_record, Document)
    assert html_record.text.startswith("Militants kidnapped two aid workers")
    assert html_record.outlet == "Aid Wire"
    assert html_record.published == datetime(2018, 3, 12)


def test_jsonl_bad_line_names_file_and_line() -> None:
    path = FIXTURES / "articles.jsonl"
    items = documents(path)
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["Document", "MalformedInput", "Document", "MalformedInput"]
    error = items[1]
    assert isinstance(error, MalformedInput)
    assert error.source == f"{path}:2"
    assert str(error).startswith(f"{path}:2: line 2 is not valid JSON")
    first = items[0]
    assert isinstance(first, Document)
    assert first.url == "https://wire.example/1"
    assert first.published == datetime(2022, 1, 6)
    assert first.source == f"{path}:1"


def test_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "unterminated')
    [error] = documents(path)
    assert isinstance(error, MalformedInput)
    assert "not valid JSON" in error.reason and "line 1" in error.reason


def test_json_lines_under_a_json_name_and_gzip(tmp_path: Path) -> None:
    lines = '{"text": "First report."}\n{"text": "Second report."}\n'
    (tmp_path / "a.json").write_text(lines)
    with gzip.open(tmp_path / "b.jsonl.gz", "wt") as handle:
        handle.write(lines)
    items = documents(tmp_path / "a.json", tmp_path / "b.jsonl.gz")
    assert [d.text for d in items if isinstance(d, Document)] == ["First report.", "Second report."] * 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-06-04T22:48:00", datetime(2017, 6, 4, 22, 48)),
        ("June 4, 2017 10:48 pm", datetime(2017, 6, 4, 22, 48)),
        (0, datetime(1970, 1, 1, tzinfo=UTC)),
        ("someday", None),
        (True, None),
    ],
)
def test_published_field(tmp_path: Path, value: object, expected: datetime | None) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "A report.", "published": value}))
    [document] = documents(path)
    assert isinstance(document, Document)
    assert document.published == expected


# --------------------------------------------------------------------------- WARC


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")

        def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )

        info = io.BytesIO(b"software: hand-written test")
        writer.write_record(writer.create_warc_record("", "warcinfo", payload=info, warc_content_type="text/plain"))
        page = PAGE.format(title="Blast at depot", body="A blast hit the fuel depot on Friday.")
        response("https://a.example/one", page.encode(), "text/html; charset=utf-8")
        response("https://a.example/logo.png", b"\x89PNG....", "image/png")
        response("https://a.example/gone", b"<html>Not found</html>", "text/html", status="404 Not Found")
        response("https://a.example/empty", b"<html><body></body></html>", "text/html")
        page2 = PAGE.format(title="Ambush", body="Rebels ambushed a patrol; the café owner saw it.")
        response("https://a.example/two", page2.encode("cp1252"), "text/html; charset=windows-1252")


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    items = documents(path)
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["Document", "MalformedInput", "Document"]  # the empty page is one error
    first, _, second = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.url == "https://a.example/one" and "fuel depot" in first.text
    assert first.source == f"{path}#https://a.example/one"
    assert "café owner" in second.text


def test_damaged_warc(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(b"this is not a web archive at all\n" * 3)
    [error] = documents(path)
    assert isinstance(error, MalformedInput)


# --------------------------------------------------------------------------- folders, stdin, sniffing


def test_folder_is_recursive_sorted_and_skips_hidden() -> None:
    folder = FIXTURES / "folder"
    items = documents(folder)
    sources = [item.source for item in items]
    assert sources == [str(folder / "a.txt"), f"{folder / 'sub' / 'b.jsonl'}:1", str(folder / "sub" / "z-empty.txt")]
    assert isinstance(items[2], EmptyInput)


def stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Plain text from a pipe.", "Plain text from a pipe."),
        (b'{"text": "JSON from a pipe."}', "JSON from a pipe."),
        (b"Caf\xe9 from a pipe.", "Café from a pipe."),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, text: str) -> None:
    stdin_bytes(monkeypatch, data)
    [document] = documents("-")
    assert isinstance(document, Document)
    assert document.text == text
    assert document.source == "<stdin>"


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_bytes(monkeypatch, PAGE.format(title="T", body="Gunmen stormed a hotel.").encode())
    document = read_document("-")
    assert document.text.startswith("Gunmen stormed a hotel.")


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_text(PAGE.format(title="T", body="Gunmen stormed a hotel."))
    (tmp_path / "notes.md").write_text("Gunmen stormed a hotel.")
    items = documents(tmp_path / "page.php", tmp_path / "notes.md")
    assert all(isinstance(item, Document) and item.text.startswith("Gunmen") for item in items)


# --------------------------------------------------------------------------- read_document


def test_read_document_one_document() -> None:
    assert read_document(FIXTURES / "article.json").title == "Convoy ambushed"


@pytest.mark.parametrize(
    ("path", "error"),
    [
        (FIXTURES / "articles.jsonl", MalformedInput),
        (FIXTURES / "folder", InputError),
        (FIXTURES / "empty.txt", EmptyInput),
        (FIXTURES / "missing.txt", InputError),
    ],
)
def test_read_document_errors(path: Path, error: type[InputError]) -> None:
    with pytest.raises(error) as raised:
        read_document(path)
    assert str(path) in str(raised.value)
