"""Hostile and broken inputs: each gets a named message and the batch goes on (issue 11 rows 4, 5, 7, 12).

Every fixture is written here, in our own words.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimwatch.errors import InputError, MalformedInput
from claimwatch.ingest import iter_documents
from claimwatch.ingest.decode import decode
from claimwatch.model import Document

ARTICLE = "Gunmen attacked a police checkpoint in the town on Tuesday, killing four officers, officials said."
ARABIC = "أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم الذي وقع في بغداد يوم الاثنين وأسفر عن مقتل ثلاثة أشخاص"
RUSSIAN = "Боевики атаковали полицейский пост в городе во вторник, погибли четыре человека, сообщили власти."


def _read(*paths: Path) -> list[Document | InputError]:
    return list(iter_documents(list(paths)))


def _errors(items: list[Document | InputError]) -> dict[str, str]:
    return {Path(e.source).name: e.reason for e in items if isinstance(e, InputError)}


# --------------------------------------------------------------------------- row 4: nesting


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_deeply_nested_json_is_named_and_the_batch_goes_on(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("[" * 200_000)
    (tmp_path / "z.txt").write_text(ARTICLE)
    items = _read(tmp_path)
    assert "nested too deeply" in " ".join(_errors(items).values())
    assert [d.text for d in items if isinstance(d, Document)] == [ARTICLE]


def test_json_messages_say_where_without_a_doubled_at() -> None:
    from claimwatch.ingest.records import from_json_lines, from_json_text

    (error,) = from_json_text('{"text": "unterminated', "a.json")
    assert isinstance(error, MalformedInput) and " at at " not in error.reason
    assert "starting at line 1, column 10" in error.reason
    (line,) = from_json_lines(['{"text": "cut'], "b.jsonl")
    assert isinstance(line, InputError) and " at at " not in line.reason and "column" in line.reason


# --------------------------------------------------------------------------- row 5: truncated archives


def _warc(gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for number in range(2):
        page = f"<html><head><title>Report {number}</title></head><body><article><p>{ARTICLE * 30}</p></article>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(f"http://example.org/{number}", "response",
                                           payload=io.BytesIO((page + "</body></html>").encode()), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_a_truncated_warc_is_named_and_its_partial_record_not_stored(tmp_path: Path, name: str) -> None:
    whole = _warc(gzip=name.endswith(".gz"))
    (tmp_path / name).write_bytes(whole[: int(len(whole) * 0.7)])
    items = _read(tmp_path / name)
    documents = [d for d in items if isinstance(d, Document)]
    assert len(documents) == 1 and documents[0].title == "Report 0"  # the whole first record, nothing cut
    assert "cut short" in " ".join(e.reason for e in items if isinstance(e, InputError))


@pytest.mark.parametrize("gzip", [False, True])
def test_a_whole_warc_reads_without_complaint(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("ok.warc.gz" if gzip else "ok.warc")
    path.write_bytes(_warc(gzip))
    assert [d.title for d in _read(path) if isinstance(d, Document)] == ["Report 0", "Report 1"]
    assert not _errors(_read(path))


# --------------------------------------------------------------------------- row 12: encodings, FIFOs, links


@pytest.mark.parametrize(("text", "encoding"), [(ARABIC, "cp1256"), (RUSSIAN, "cp1251")])
def test_a_legacy_code_page_of_another_script_is_refused_not_stored_as_mojibake(text: str, encoding: str) -> None:
    with pytest.raises(MalformedInput, match=encoding):
        decode(text.encode(encoding), "report.txt")


def test_latin_text_in_windows_1252_still_decodes() -> None:
    text = "Le groupe État islamique a revendiqué l'attentat; quatre policiers ont été tués près de la préfecture."
    assert decode(text.encode("cp1252"), "fr.txt") == text
    assert decode(text.encode("cp1252"), "fr.html", "windows-1252") == text


def test_a_declared_charset_reads_other_scripts() -> None:
    assert decode(ARABIC.encode("cp1256"), "ar.html", "windows-1256") == ARABIC


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_named_and_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "z.txt").write_text(ARTICLE)
    items = _read(tmp_path)  # opening the FIFO would block this test for ever
    assert "FIFO" in _errors(items)["pipe.txt"]
    assert "FIFO" in _errors(_read(tmp_path / "pipe.txt"))["pipe.txt"]
    assert [d.text for d in items if isinstance(d, Document)] == [ARTICLE]


def test_symlink_loops_broken_links_and_links_outside_are_named(tmp_path: Path) -> None:
    folder, outside = tmp_path / "in", tmp_path / "secret.txt"
    folder.mkdir()
    outside.write_text("A text outside the folder that must not be read.")
    (folder / "a.txt").write_text(ARTICLE)
    os.symlink(folder / "loop2.txt", folder / "loop1.txt")
    os.symlink(folder / "loop1.txt", folder / "loop2.txt")
    os.symlink(folder / "gone.txt", folder / "broken.txt")
    os.symlink(outside, folder / "escape.txt")
    os.symlink(folder / "a.txt", folder / "same.txt")  # inside: read (the duplicate check skips it later)
    os.symlink(folder, folder / "up")  # a link to a folder is not descended: no loop
    items = _read(folder)
    errors = _errors(items)
    assert "loop" in errors["loop1.txt"] and "loop" in errors["loop2.txt"]
    assert "broken" in errors["broken.txt"] and "outside the folder" in errors["escape.txt"]
    assert [d.text for d in items if isinstance(d, Document)] == [ARTICLE, ARTICLE]


# --------------------------------------------------------------------------- row 7: a new store opened at once


def test_several_processes_opening_a_new_store_at_once_all_succeed(tmp_path: Path) -> None:
    database = tmp_path / "new.db"
    code = ("import sys; from claimwatch.store import Store; s = Store(sys.argv[1]); "
            "print(len(s.incidents())); s.close()")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _ in range(2):  # each trial on a fresh file
        database.unlink(missing_ok=True)
        runs = [subprocess.Popen([sys.executable, "-c", code, str(database)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=env) for _ in range(5)]
        results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in runs]
        assert all(rc == 0 for rc, _ in results), [err for rc, err in results if rc][:1]


def test_an_old_store_is_migrated_and_reads_back(tmp_path: Path) -> None:
    import sqlalchemy as sa

    from claimwatch.migrations import run_upgrade
    from claimwatch.store import Store

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        run_upgrade(conn, "0001_initial")
    engine.dispose()
    with Store(url) as store:
        assert store.incidents() == [] and json.dumps(store.group_profiles()) == "[]"
