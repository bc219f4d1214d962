"""The Spark job on local[1] and local[2] against the plain single-process loop, over the same articles.

    python benchmarks/spark_scaling.py [--docs 300] [--seed 7]

Writes `--docs` generated articles (extract_throughput.make_corpus) as JSON lines, then, in one run:
1. the plain loop: `ingest_batch` with one process into an in-memory SQLite store (read, extract, link,
   store: the work the job does, without Spark);
2. `claimwatch.spark.job.run` on a local[1] session, then on a local[2] session (each session is started
   before its timer: JVM start-up is not in the figures; reading, extraction, linking and Parquet are).
Prints the times, the scaling ratio local[1] / local[2] (goal >= 1.8 on two free cores), the overhead of
local[1] against the plain loop (goal <= 15%), and the peak resident memory of each Python worker.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).parent))
from extract_throughput import make_corpus  # noqa: E402


def _worker_peak_mb(_rows: object) -> list[tuple[int, float]]:
    import os

    return [(os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)]


def _spark(paths: list[str], out: Path, cores: int) -> tuple[float, list[float]]:
    from claimwatch.spark import job

    spark = job.session(f"local[{cores}]", app_name=f"benchmark local[{cores}]")
    try:
        spark.sparkContext.parallelize([0], 1).count()  # the first task starts a Python worker
        began = time.perf_counter()
        job.run(spark, paths, str(out), partitions=cores * 4)
        seconds = time.perf_counter() - began
        peaks = spark.sparkContext.parallelize(range(cores * 8), cores * 8).mapPartitions(_worker_peak_mb).collect()
        per_worker: dict[int, float] = {}
        for pid, mb in peaks:
            per_worker[pid] = max(mb, per_worker.get(pid, 0.0))
    finally:
        spark.stop()
    return seconds, sorted(per_worker.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from claimwatch.ingest.batch import StoreLike, ingest_batch
    from claimwatch.model import Document
    from claimwatch.pipeline import extract_document
    from claimwatch.store import Store

    folder = Path(tempfile.mkdtemp(prefix="claimwatch-bench-"))
    try:
        corpus = folder / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for index, (text, published) in enumerate(make_corpus(args.docs, args.seed)):
                record = {"text": text, "published": published.isoformat(), "outlet": f"Wire {index % 7}"}
                handle.write(json.dumps(record) + "\n")
        extract_document(Document(text="A bomb exploded in Kabul on Monday, killing 3 people."))  # load models

        began = time.perf_counter()
        with Store("sqlite://") as store:
            summary = ingest_batch([corpus], cast(StoreLike, store))
        plain = time.perf_counter() - began
        print(f"corpus: {args.docs} generated articles; {summary.new} stored, {summary.incidents} incident reports")
        rate = args.docs / plain
        print(f"plain loop (ingest_batch, 1 process, in-memory SQLite): {plain:7.1f} s  {rate:6.2f} docs/s")

        one, peaks_one = _spark([str(corpus)], folder / "out1", 1)
        print(f"spark local[1]:                                         {one:7.1f} s  {args.docs / one:6.2f} docs/s")
        two, peaks_two = _spark([str(corpus)], folder / "out2", 2)
        print(f"spark local[2]:                                         {two:7.1f} s  {args.docs / two:6.2f} docs/s")
        print(f"scaling local[1] / local[2]: {one / two:.2f}x   overhead local[1] vs plain: {one / plain - 1:+.0%}")
        peaks = peaks_one + peaks_two
        print(f"peak RSS per Python worker: {', '.join(f'{p:.0f}' for p in peaks)} MB (max {max(peaks):.0f} MB)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
