"""`claimwatch extract` and `claimwatch ingest`: thin edges over read_document / ingest_batch."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimwatch.clean import clean_document
from claimwatch.cli import app, ingest_cmd
from claimwatch.model import Claim, Count, Document, Extraction, Group, Incident, Place, Quote

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

ARTICLE = (
    "Bomb attack kills three in Harbor Town\n\n"
    "A bomb exploded at a bus station in Harbor Town on Monday, killing three people and wounding 12, police said.\n\n"
    "The Example Liberation Front claimed responsibility for the attack in a statement on its website."
)


@dataclass
class AddResult:
    document_id: str
    created: bool
    incident_ids: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    merged_incident_ids: list[str] = field(default_factory=list)


class FakeStore:
    """The two methods of the Store interface a batch uses, kept in a dict."""

    def __init__(self) -> None:
        self.documents: dict[str, Document] = {}
        self.adds = 0

    def has_document(self, content_hash: str) -> bool:
        return content_hash in self.documents

    def add(self, document: Document, extraction: Extraction) -> AddResult:
        self.adds += 1
        key = document.content_hash
        if key in self.documents:
            return AddResult(key[:8], created=False)
        self.documents[key] = document
        return AddResult(key[:8], True, [i.id for i in extraction.incidents], ["c"] * len(extraction.claims))


def fake_extract(document: Document) -> Extraction:
    """The pipeline's contract without the model: cleaned document, one incident, one claim, one quote."""
    if "EXPLODE" in document.text:
        raise RuntimeError("an extractor bug")
    cleaned = clean_document(document)
    incident = Incident(id="inc-" + cleaned.content_hash[:8], date="2021-03-01", place=Place("Harbor Town", "XX"),
                        attack_types=["bombing"], killed=Count(value=3), wounded=Count(min=12))
    claim = Claim(incident_id=incident.id, group=Group("Example Liberation Front"), channel="website")
    quote = Quote(speaker="Jane Roe", affiliation="police", text="It was a bomb.")
    return Extraction(document=cleaned, incidents=[incident], claims=[claim], quotes=[quote])


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def fast_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("claimwatch.pipeline.extract_document", fake_extract)
    monkeypatch.setattr("claimwatch.ingest.batch.extract_document", fake_extract)


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> FakeStore:
    fake = FakeStore()
    monkeypatch.setattr(ingest_cmd, "open_store", lambda url: fake)
    return fake


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE)
    (folder / "two.json").write_text(json.dumps({"text": "Gunmen attacked a police post, killing two officers."}))
    (folder / "empty.txt").write_text("")
    return folder


# --------------------------------------------------------------------------- extract


@pytest.mark.usefixtures("fast_pipeline")
def test_extract_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(FIXTURES / "article.json"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["title"] == "Convoy ambushed"
    assert data["incidents"][0]["killed"]["value"] == 3
    assert data["claims"][0]["group"]["name"] == "Example Liberation Front"


@pytest.mark.usefixtures("fast_pipeline")
def test_extract_tables(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(FIXTURES / "article.html")], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for expected in ("Car bomb kills six in River City", "Incidents (1)", "Harbor Town (XX)", "≥12",
                     "Claims (1)", "Example Liberation Front", "Quotes (1)", "Jane Roe"):
        assert expected in result.stdout


@pytest.mark.usefixtures("fast_pipeline")
def test_extract_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "--json"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["document"]["source"] == "<stdin>"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing.txt", "no such file"),
        ("empty.txt", "empty"),
        ("broken.html", "no article text"),
        ("articles.jsonl", "several documents"),
    ],
)
def test_extract_errors_name_the_file_and_exit_1(runner: CliRunner, name: str, reason: str) -> None:
    result = runner.invoke(app, ["extract", str(FIXTURES / name)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {FIXTURES / name}")
    assert reason in result.stderr
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- ingest


@pytest.mark.usefixtures("fast_pipeline")
def test_ingest_reports_each_failure_and_goes_on(runner: CliRunner, store: FakeStore, corpus: Path) -> None:
    result = runner.invoke(app, ["ingest", str(corpus), str(corpus / "missing.txt")])
    assert result.exit_code == 1
    assert f"{corpus / 'empty.txt'}: the input is empty" in result.stderr
    assert f"{corpus / 'missing.txt'}: no such file or folder" in result.stderr
    assert "4 documents: 2 new, 0 duplicates, 2 failed; 2 incidents, 2 claims" in result.stderr
    assert len(store.documents) == 2


@pytest.mark.usefixtures("fast_pipeline")
def test_reingesting_adds_nothing(runner: CliRunner, store: FakeStore, corpus: Path) -> None:
    (corpus / "empty.txt").unlink()
    first = runner.invoke(app, ["ingest", str(corpus), "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["new"] == 2
    # the same text again, under another name and with other spacing: a duplicate
    shutil.copy(corpus / "one.txt", corpus / "one-again.txt")
    (corpus / "one-spaced.txt").write_text(ARTICLE.replace(" ", "  ") + "\n\n\n")
    adds = store.adds
    second = runner.invoke(app, ["ingest", str(corpus), "--json"])
    summary = json.loads(second.stdout)
    assert second.exit_code == 0
    assert (summary["new"], summary["duplicates"], summary["failed"]) == (0, 4, 0)
    assert store.adds == adds  # known hashes are not even extracted
    assert len(store.documents) == 2


@pytest.mark.usefixtures("fast_pipeline")
def test_ingest_json_summary(runner: CliRunner, store: FakeStore, corpus: Path) -> None:
    (corpus / "bad.txt").write_text("EXPLODE the extractor")
    result = runner.invoke(app, ["ingest", str(corpus), "--json"])
    summary = json.loads(result.stdout)
    assert result.exit_code == 1
    assert summary["documents"] == 4 and summary["new"] == 2 and summary["failed"] == 2
    reasons = {Path(f["source"]).name: f["reason"] for f in summary["failures"]}
    assert reasons["bad.txt"] == "extraction failed (RuntimeError: an extractor bug)"
    assert reasons["empty.txt"] == "the input is empty"
    assert summary["docs_per_second"] > 0


def test_ingest_store_error_is_one_message(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimwatch.errors import StoreError

    def refuse(url: str | None) -> FakeStore:
        raise StoreError(f"cannot open {url}")

    monkeypatch.setattr(ingest_cmd, "open_store", refuse)
    result = runner.invoke(app, ["ingest", str(FIXTURES / "article.txt"), "--db", "postgresql://nowhere/db"])
    assert result.exit_code == 1
    assert "error: cannot open postgresql://nowhere/db" in result.stderr


@pytest.mark.usefixtures("fast_pipeline")
def test_ingest_into_a_real_store(runner: CliRunner, corpus: Path, db_url: str) -> None:
    store_module = pytest.importorskip("claimwatch.store")
    db = db_url  # SQLite, then PostgreSQL (tests/conftest.py)
    (corpus / "empty.txt").unlink()
    first = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["new"] == 2
    second = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--json"])
    assert json.loads(second.stdout)["duplicates"] == 2
    store = store_module.Store(db)
    try:
        assert len(store.documents()) == 2
    finally:
        store.close()


# --------------------------------------------------------------------------- the real pipeline


@pytest.mark.slow
def test_extract_with_the_real_pipeline(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Posted by Desk on March 2, 2021 8:00 am\nTags: , ,\n\n" + ARTICLE + "\n\nLeave a Reply\n")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["title"] == "Bomb attack kills three in Harbor Town"
    assert data["document"]["published"] == "2021-03-02T08:00:00"
    assert data["extractor_version"]


@pytest.mark.slow
def test_ingest_with_two_workers(runner: CliRunner, store: FakeStore, corpus: Path) -> None:
    (corpus / "empty.txt").unlink()
    (corpus / "three.txt").write_text("Rebels ambushed an army convoy on Friday, killing five soldiers, the army said.")
    result = runner.invoke(app, ["ingest", str(corpus), "--workers", "2", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["new"] == 3
    assert [d.source for d in store.documents.values()] == sorted(d.source or "" for d in store.documents.values())
