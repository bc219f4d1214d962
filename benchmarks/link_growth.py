"""Cost of the Spark job's link stage as the record grows: blocking, then each block through the store.

    python benchmarks/link_growth.py [--sizes 10000,20000,40000] [--seed 7]

Generates extraction records directly (no NLP): attacks spread over 8 years and 40 countries, each
reported by one to three documents (about half of the later reports without a place, naming the town in
their text, as claims often are). For each size, in one process: `blocking.block_keys` and
`assign_blocks`, then `job.link_partition` over every block (what the Spark stage runs per partition,
here on one core). Prints seconds per 1,000 incidents per size and the growth against the smallest
size (1.0 = linear).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, datetime, timedelta

from claimwatch.model import Count, Document, Evidence, Extraction, Incident, Place


def make_records(incidents: int, seed: int) -> list[tuple[tuple[int, int], Extraction]]:
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(40)]
    towns = {c: [f"Town{c}{j}" for j in range(25)] for c in countries}
    start = date(2016, 1, 1)
    records: list[tuple[tuple[int, int], Extraction]] = []
    for number in range(incidents):
        country = rng.choice(countries)
        town = rng.choice(towns[country])
        day = start + timedelta(days=rng.randint(0, 8 * 365))
        killed = rng.randint(1, 80)
        for report in range(rng.choice((1, 1, 2, 3))):
            placed = report == 0 or rng.random() < 0.5
            text = f"Report {report} of attack {number}: a bomb in {town} killed {killed} people on {day}."
            doc = Document(text=text, published=datetime.combine(day, datetime.min.time()) + timedelta(hours=6),
                           outlet=f"Wire {report}", source=f"gen:{number}:{report}")
            evidence = Evidence(text=text, start=0, end=len(text))
            incident = Incident(id="i1", date=day.isoformat(), date_precision="day",
                                place=Place(town, country) if placed else None, attack_types=["Bombing/Explosion"],
                                killed=Count(killed), evidence=[evidence])
            records.append(((0, len(records)), Extraction(document=doc, incidents=[incident],
                                                          extractor_version="bench")))
    return records


def run(records: list[tuple[tuple[int, int], Extraction]]) -> tuple[float, int, int]:
    from claimwatch.spark.blocking import assign_blocks, block_keys, gather, window_places
    from claimwatch.spark.job import link_partition

    began = time.perf_counter()
    places = gather(list({p for _o, r in records for p in window_places(r)}))
    blocks = assign_blocks((order, block_keys(record, places)) for order, record in records)
    grouped: dict[int, list[tuple[tuple[int, int], Extraction]]] = {}
    for order, record in records:
        grouped.setdefault(blocks[order], []).append((order, record))
    stored = sum(1 for row in link_partition(iter(grouped.items())) if row[0] == "row" and row[1] == "incidents")
    return time.perf_counter() - began, stored, len(grouped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,20000,40000")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    base: float | None = None
    for size in (int(s) for s in args.sizes.split(",")):
        records = make_records(size, args.seed)
        seconds, stored, blocks = run(records)
        per_k = seconds / size * 1000
        base = base or per_k
        print(f"{size:>7} incidents ({len(records)} reports, {blocks} blocks): {seconds:7.1f} s, "
              f"{per_k:5.2f} s per 1,000 incidents, growth {per_k / base:.2f}x; {stored} stored incidents")


if __name__ == "__main__":
    main()
