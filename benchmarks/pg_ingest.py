"""Ingest into PostgreSQL with 2 workers against SQLite with 1, over the same generated articles.

    python benchmarks/pg_ingest.py [--docs 200] [--seed 7]

Uses the PostgreSQL server named by CLAIMWATCH_TEST_PG (a database is created on it and dropped after),
or starts a throwaway one with scripts/pg.sh. Both runs go through `ingest_batch`, the code of
`claimwatch ingest --workers N`: reading, extraction in worker processes, linking and storing. Prints
documents per second for each and their ratio (the extraction dominates: on two free cores the
ratio approaches 2; writes to PostgreSQL take turns under the linking lock).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import cast

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from extract_throughput import make_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _server() -> tuple[str, str | None]:
    url = os.environ.get("CLAIMWATCH_TEST_PG")
    if url:
        return url, None
    done = subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh"), "start"], capture_output=True, text=True,
                          check=True)
    found = dict(line.removeprefix("export ").split("=", 1) for line in done.stdout.splitlines())
    return found["CLAIMWATCH_TEST_PG"].strip("'"), found["CLAIMWATCH_PG_DIR"].strip("'")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from claimwatch.ingest.batch import StoreLike, ingest_batch
    from claimwatch.store import Store

    folder = Path(tempfile.mkdtemp(prefix="claimwatch-pgbench-"))
    server, started = _server()
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    name = f"bench_{uuid.uuid4().hex[:8]}"
    try:
        corpus = folder / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for text, published in make_corpus(args.docs, args.seed):
                handle.write(json.dumps({"text": text, "published": published.isoformat()}) + "\n")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        targets = [("SQLite, 1 worker", f"sqlite:///{folder / 'bench.db'}", 1),
                   ("PostgreSQL, 2 workers", sa.engine.make_url(server).set(database=name)
                    .render_as_string(hide_password=False), 2)]
        rates = []
        for label, url, workers in targets:
            with Store(url) as store:
                began = time.perf_counter()
                summary = ingest_batch([corpus], cast(StoreLike, store), workers=workers)
                seconds = time.perf_counter() - began
            rates.append(args.docs / seconds)
            print(f"{label:<22} {seconds:7.1f} s  {rates[-1]:6.2f} docs/s  "
                  f"({summary.new} new, {summary.incidents} incident reports, {summary.failed} failed)")
        print(f"PostgreSQL with 2 workers / SQLite with 1: {rates[1] / rates[0]:.2f}x")
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if started:
            subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh"), "stop", started], check=False)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
