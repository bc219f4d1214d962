"""The pipeline as a Spark job: `claimwatch spark extract INPUT... --out DIR`, `claimwatch spark load DIR`.

The same extraction and the same store code as `claimwatch ingest`, spread over a cluster:

    1. inputs    inputs.py   JSON lines split by line across tasks, Parquet by row, WARC(.gz) and other
                             files one task each; what ingest would reject becomes a row of `rejects`
    2. extract   job.py      `claimwatch.extract_document` in `mapPartitions`; the models load once per
                             Python worker (module caches; Spark reuses its workers)
    3. block     blocking.py each document's keys (country, 7-day window of each incident's dates; its
                             content hash); documents that share a key fall in one block (union-find)
    4. link      job.py      each block is stored, in input order, through `Store.add` into an in-memory
                             SQLite store: the linking rules of `store/link.py` and the writes of
                             `store/write.py` are the ones `claimwatch ingest` runs, not a copy
    5. write     job.py      the store's tables (store/columnar.py) as Parquet, partitioned by
                             `incident_month`, plus `rejects`
    6. load      load.py     the Parquet tables into PostgreSQL (COPY) or SQLite, for `claimwatch serve`

Needs the `spark` extra (PySpark 4, pyarrow) and a Java 17 runtime; `load` needs pyarrow only.
"""
