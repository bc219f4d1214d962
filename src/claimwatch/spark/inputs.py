"""Stage 1 of the job: the inputs as one RDD of (order, Document or InputError), split across tasks.

`order` is (file number, position in the file): the order `claimwatch ingest` reads the same inputs in,
so the link stage can store each block's documents in that order and name incidents as ingest does.

    .jsonl / .ndjson   `textFile`, split by line across tasks; line N is "FILE:N", as in ingest
    .parquet           `spark.read.parquet`, one document per row (a `text` or `html` column, and the
                       optional url, title, outlet, author, published); row N is "FILE[N]"
    anything else      `binaryFiles`, one task per file: WARC and WARC.gz (records), .json, .html,
                       .txt, .jsonl.gz, read by the ingest code itself (`documents_from_bytes`)

Folders are walked as `claimwatch ingest` walks them (sorted, hidden files skipped). Inputs are paths
every executor can read: a local folder in local mode, a shared file system or any Hadoop URI
(hdfs://, s3a://) on a cluster.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..ingest import documents_from_bytes, input_files, kind_of
from ..ingest.records import from_record, parse_json_line
from ..model import Document

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

Order = tuple[int, int]


@dataclass(frozen=True)
class Rejected:
    """An input the ingest stage refused (InputError does not pickle; this travels between tasks)."""

    source: str
    reason: str
    kind: str

    @classmethod
    def of(cls, error: InputError) -> Rejected:
        return cls(error.source, error.reason, type(error).__name__)


Item = tuple[Order, Document | Rejected]


def _item(order: Order, found: Document | InputError) -> Item:
    return order, Rejected.of(found) if isinstance(found, InputError) else found


def _is_uri(path: str) -> bool:
    return "://" in path


def list_inputs(paths: list[str]) -> tuple[list[str], list[InputError]]:
    """The input files in ingest's order (local folders walked; URIs kept as given), and missing paths."""
    files: list[str] = []
    missing: list[InputError] = []
    local = [p for p in paths if not _is_uri(p)]
    for found in input_files(local):
        if isinstance(found, InputError):
            missing.append(found)
        else:
            files.append(str(found))
    files += [p for p in paths if _is_uri(p)]
    return files, missing


def _uri(path: str) -> str:
    return path if _is_uri(path) else Path(path).resolve().as_uri()


def _kind(path: str) -> str:
    if path.lower().endswith(".parquet") or (not _is_uri(path) and Path(path).is_dir()):
        return "parquet"
    kind = kind_of(Path(path))
    if kind == "jsonl" and not path.lower().endswith(".gz"):
        return "lines"
    return "bytes"


def read_inputs(spark: SparkSession, paths: list[str], text_column: str = "text") -> tuple[RDD[Item], list[Item]]:
    """The documents of `paths` as an RDD, and the inputs that do not exist (as rejects for the driver)."""
    sc = spark.sparkContext
    files, missing = list_inputs(paths)
    parts: list[RDD[Item]] = []
    binary: dict[str, tuple[int, str]] = {}
    for number, path in enumerate(files):
        kind = _kind(path)
        if kind == "lines":
            parts.append(sc.textFile(_uri(path)).zipWithIndex().flatMap(_LineReader(number, path)))
        elif kind == "parquet":
            frame = spark.read.parquet(_uri(path))
            if text_column != "text" and text_column in frame.columns:
                frame = frame.withColumnRenamed(text_column, "text")
            parts.append(frame.rdd.zipWithIndex().map(_RowReader(number, path)))
        else:
            binary[_uri(path)] = (number, path)
    if binary:
        files_rdd = sc.binaryFiles(",".join(binary), minPartitions=len(binary))
        parts.append(files_rdd.flatMap(_FileReader(binary)))
    rejects: list[Item] = [((-1, index), Rejected.of(error)) for index, error in enumerate(missing)]
    if not parts:
        return sc.emptyRDD(), rejects
    return sc.union(parts), rejects


class _LineReader:
    def __init__(self, number: int, source: str) -> None:
        self.number, self.source = number, source

    def __call__(self, pair: tuple[str, int]) -> Iterator[Item]:
        line, index = pair
        if line.strip():
            yield _item((self.number, index), parse_json_line(line, self.source, index + 1))


class _RowReader:
    def __init__(self, number: int, source: str) -> None:
        self.number, self.source = number, source

    def __call__(self, pair: tuple[Any, int]) -> Item:
        row, index = pair
        record = {k: _json_value(v) for k, v in row.asDict(recursive=True).items()}
        source = f"{self.source}[{index}]"
        try:
            found: Document | InputError = from_record(record, source)
        except InputError as error:
            found = error
        return _item((self.number, index), found)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


class _FileReader:
    def __init__(self, files: dict[str, tuple[int, str]]) -> None:
        self.files = {_normal(uri): found for uri, found in files.items()}

    def __call__(self, pair: tuple[str, bytes]) -> Iterator[Item]:
        uri, data = pair
        number, source = self.files[_normal(uri)]
        for index, found in enumerate(documents_from_bytes(bytes(data), source, source)):
            yield _item((number, index), found)


def _normal(uri: str) -> str:
    """file:/x, file:///x and /x name one file (Hadoop writes the first)."""
    if uri.startswith("file:"):
        return "file://" + "/" + uri.removeprefix("file:").lstrip("/")
    return uri
