"""The REST API under load on a big store (issue 11, row 9): list, detail and search at 10 and 50 clients.

    python benchmarks/api_load.py build --db /tmp/big.db [--incidents 100000]   # minutes, once
    python benchmarks/api_load.py run --db /tmp/big.db [--clients 10 50] [--seconds 15] [--requests 3000]

`build` writes generated reports (one incident, usually one claim each; no NLP pipeline) as the rows
the store's write layer gives such a report (`store.write.add_document` writes a template, the clones
follow its shapes), bulk-inserted, then judges every claim once; it takes a few minutes.
`run` starts `claimwatch serve` on 127.0.0.1 (a free port), warms it, then for each endpoint and
client count sends requests from that many concurrent clients for at most `--seconds` or `--requests`,
and prints requests/s, p50, p99 and errors. The server is stopped at the end, whatever happens.
The clients run in this process (asyncio + httpx): on a small machine they share its cores with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

GROUPS = [("Islamic State", "Q2429253"), ("al-Shabaab", "Q188915"), ("Taliban", "Q42418"), ("Boko Haram", "Q190624"),
          ("Tehrik-i-Taliban Pakistan", "Q1191763"), ("Balochistan Liberation Army", "Q810936"), ("JNIM", None),
          ("ELN", "Q327263"), ("Hamas", "Q38799"), ("al-Qaeda in the Arabian Peninsula", "Q319883")]
COUNTRIES = ["IQ", "SY", "AF", "PK", "NG", "SO", "ML", "BF", "YE", "CO", "PH", "KE", "EG", "LY", "IN", "FR", "GB", "BE"]
ATTACKS = ["Bombing/Explosion", "Armed Assault", "Assassination", "Hostage Taking (Kidnapping)",
           "Facility/Infrastructure Attack", "Unarmed Assault"]
CHANNELS = ["amaq", "telegram", "statement", "spokesman", "website", "video"]
WORDS = ["market", "checkpoint", "mosque", "convoy", "bus", "school", "hotel", "barracks", "bridge", "pipeline",
         "police", "soldiers", "officials", "villagers", "pilgrims", "workers", "students", "guards"]
START = date(2005, 1, 1)
DAYS = 20 * 365


def place_names(count: int = 600) -> list[tuple[str, str, float, float]]:
    rng = random.Random(11)
    syllables = ["ka", "ra", "mo", "lu", "ti", "sa", "ne", "bo", "da", "gu", "fi", "ze", "wa", "qa", "ho"]
    names = set()
    while len(names) < count:
        names.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize())
    return [(name, COUNTRIES[i % len(COUNTRIES)], rng.uniform(-30, 50), rng.uniform(-20, 120))
            for i, name in enumerate(sorted(names))]


def report(number: int, rng: random.Random, places: list[tuple[str, str, float, float]]) -> object:
    from claimwatch.model import Claim, Count, Document, Evidence, Extraction, Group, Incident, Place, Range

    name, country, lat, lon = rng.choice(places)
    day = START + timedelta(days=rng.randrange(DAYS))
    killed, wounded = rng.randint(0, 40), rng.randint(0, 90)
    attack = rng.choice(ATTACKS)
    group_name, wikidata = rng.choice(GROUPS)
    target = rng.choice(WORDS)
    text = (f"Report {number}. An attack on a {target} in {name} on {day:%d %B %Y} killed {killed} people and "
            f"wounded {wounded}, officials said. {group_name} claimed responsibility through its "
            f"{rng.choice(CHANNELS)} channel. Witnesses near the {rng.choice(WORDS)} described the {attack.lower()}.")
    sentence = text.split(". ")[1]
    evidence = Evidence(text=sentence, start=text.index(sentence), end=text.index(sentence) + len(sentence))
    incident = Incident(id="i1", date=day.isoformat(), date_precision="day",
                        place=Place(name, country, lat, lon), attack_types=[attack], killed=Count(killed),
                        wounded=Count(wounded), targets=[target], evidence=[evidence])
    claims = []
    if rng.random() < 0.8:
        claims.append(Claim(incident_id="i1", group=Group(group_name, wikidata), channel=rng.choice(CHANNELS),
                            delay_hours=Range(value=round(rng.lognormvariate(2.5, 0.6), 1)), evidence=[evidence]))
    published = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=rng.randint(1, 72))
    document = Document(text=text, title=f"Attack in {name}", published=published, outlet="Generated Wire",
                        source=f"generated:{number}")
    return Extraction(document=document, incidents=[incident], claims=claims, extractor_version="benchmark.v1")


def _ids(number: int) -> dict[str, str]:
    digest = hashlib.sha256(f"benchmark-{number}".encode()).hexdigest()
    return {kind: f"{kind}-{digest[i * 16:(i + 1) * 16]}" for i, kind in enumerate(["doc", "inc", "clm", "rep"])} | {
        "crp": f"crp-{digest[:8]}{digest[-8:]}", "evi": f"evi-{digest[8:24]}", "evc": f"evi-{digest[24:40]}"}


def template_rows() -> dict[str, list[dict[str, Any]]]:
    """Every row `store.write.add_document` writes for one generated report: the shapes the clones follow."""
    import sqlalchemy as sa

    from claimwatch.store import Store, write

    extraction: Any = next(e for seed in range(100) if (e := report(0, random.Random(seed), place_names())).claims)
    with Store("sqlite://") as scratch, scratch.engine.begin() as conn:
        write.add_document(conn, extraction.document, extraction, datetime.now(UTC).replace(tzinfo=None))
        return {t: [dict(r._mapping) for r in conn.execute(sa.text(f"SELECT * FROM {t}"))] for t in TABLES}


TABLES = ["documents", "documents_fts", "incidents", "incident_reports", "claims", "claim_reports", "evidence"]


def clone(number: int, extraction: Any, template: dict[str, list[dict[str, Any]]], now: datetime
          ) -> dict[str, list[dict[str, Any]]]:
    """The rows of one generated report, in the template's shapes (ids, text, facts and JSON replaced)."""
    from claimwatch.model import content_hash

    ids, document = _ids(number), extraction.document
    incident, claims = extraction.incidents[0], extraction.claims
    published = document.published.replace(tzinfo=None)
    rows: dict[str, list[dict[str, Any]]] = {}
    rows["documents"] = [{**template["documents"][0], "id": ids["doc"], "content_hash": content_hash(document.text),
                          "title": document.title, "published": published, "source": document.source,
                          "text": document.text, "ingested_at": now}]
    rows["documents_fts"] = [{"document_id": ids["doc"], "title": document.title, "text": document.text}]
    place = incident.place
    figures = {}
    for kind in ("killed", "wounded"):
        data = json.loads(template["incidents"][0][kind])
        data["count"] = {**data["count"], "value": getattr(incident, kind).value}
        data["basis"] = {**data["basis"], "document_id": ids["doc"], "reported_at": published.isoformat()}
        figures[kind] = json.dumps(data, sort_keys=True)
    day = date.fromisoformat(incident.date)
    rows["incidents"] = [{**template["incidents"][0], "id": ids["inc"], "date": incident.date, "date_start": day,
                          "date_end": day, "place_name": place.name, "country_code": place.country_code,
                          "lat": place.lat, "lon": place.lon, "attack_types": json.dumps(incident.attack_types),
                          "targets": json.dumps(incident.targets), **figures, "first_seen": now, "updated_at": now}]
    rows["incident_reports"] = [{**template["incident_reports"][0], "id": ids["rep"], "incident_id": ids["inc"],
                                 "document_id": ids["doc"], "payload": json.dumps(incident.to_dict())}]
    evidence = incident.evidence[0]
    rows["evidence"] = [{**template["evidence"][0], "id": ids["evi"], "document_id": ids["doc"],
                         "fact_kind": "incident", "fact_id": ids["inc"], "text": evidence.text,
                         "start": evidence.start, "end": evidence.end}]
    rows["claims"], rows["claim_reports"] = [], []
    for claim in claims:
        rows["claims"].append({**template["claims"][0], "id": ids["clm"], "incident_id": ids["inc"],
                               "group_name": claim.group.name, "group_wikidata_id": claim.group.wikidata_id,
                               "channel": claim.channel, "delay_value": claim.delay_hours.value,
                               "document_id": ids["doc"], "first_seen": now})
        rows["claim_reports"].append({**template["claim_reports"][0], "id": ids["crp"], "claim_id": ids["clm"],
                                      "document_id": ids["doc"], "payload": json.dumps(claim.to_dict())})
        rows["evidence"].append({**rows["evidence"][0], "id": ids["evc"], "fact_kind": "claim",
                                 "fact_id": ids["clm"]})
    return rows


def build(db: str, target: int, seed: int) -> None:
    """A store of `target` incidents: rows in the shapes the write layer gives one report (see `template_rows`),
    cloned with generated facts and bulk-inserted 5,000 reports at a time, then every claim judged once.
    (Writing each report through `add_document` costs ~20 ms of statement overhead and linking here:
    100,000 would take most of an hour; the rows are the same.)"""
    import sqlalchemy as sa

    from claimwatch.store import Store, judgements, schema

    rng, places, template = random.Random(seed), place_names(), template_rows()
    tables = {name: getattr(schema, name) for name in TABLES if hasattr(schema, name)}
    started = time.perf_counter()
    with Store(db) as store:
        with store.engine.connect().execution_options(sqlite_begin="IMMEDIATE", no_timeout=True) as conn:
            count = conn.execute(sa.select(sa.func.count()).select_from(schema.incidents)).scalar_one()
            conn.commit()
            while count < target:
                now = datetime.now(UTC).replace(tzinfo=None)
                batch: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
                for number in range(count, min(count + 5000, target)):
                    for name, rows in clone(number, report(number, rng, places), template, now).items():
                        batch[name] += rows
                with conn.begin():
                    for name in TABLES:
                        if name in tables:
                            conn.execute(tables[name].insert(), batch[name])
                        else:  # the FTS5 table has no Table object
                            conn.execute(sa.text("INSERT INTO documents_fts (document_id, title, text) "
                                                 "VALUES (:document_id, :title, :text)"), batch[name])
                count += len(batch["incidents"])
                print(f"\r{count:,} incidents ({count / (time.perf_counter() - started):.0f}/s)", end="", flush=True)
            print("\njudging every claim once …", flush=True)
            with conn.begin():
                groups = judgements.rejudge(conn)
    print(f"{count:,} incidents, {groups} groups, {time.perf_counter() - started:.0f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def measure(base: str, paths: list[str], clients: int, seconds: float, requests: int) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    rng = random.Random(clients)
    sent = 0

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors, sent
        while time.monotonic() < deadline and sent < requests:
            sent += 1
            started = time.perf_counter()
            try:
                response = await http.get(rng.choice(paths))
                if response.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - started)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    began = time.monotonic()
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    elapsed = time.monotonic() - began
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
        "errors": errors,
    }


def run(db: str, client_counts: list[int], seconds: float, requests: int) -> None:
    import httpx

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(Path(sys.executable).parent / "claimwatch"), "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(command,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise SystemExit("the server did not start")
        rng = random.Random(5)
        total = httpx.get(f"{base}/api/incidents", params={"limit": 1}).json()["total"]
        ids = [i["id"] for off in range(0, 2000, 500)
               for i in httpx.get(f"{base}/api/incidents", params={"limit": 500, "offset": off},
                                  timeout=60).json()["items"]]
        names = place_names()
        scenarios = {
            "list": ["/api/incidents?limit=50"] + [f"/api/incidents?limit=50&country={c}" for c in COUNTRIES[:6]],
            "detail": [f"/api/incidents/{i}" for i in rng.sample(ids, 500)],
            "search": [f"/api/search?q={name}" for name, *_ in rng.sample(names, 200)],
        }
        print(f"store: {total:,} incidents; server pid {server.pid}; {seconds:g} s or {requests:,} requests each")
        print(f"{'endpoint':8} {'clients':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6}")
        for name, paths in scenarios.items():
            asyncio.run(measure(base, paths[:20], 4, 2, 100))  # warm the caches
            for clients in client_counts:
                r = asyncio.run(measure(base, paths, clients, seconds, requests))
                print(f"{name:8} {clients:>7} {r['requests']:>8.0f} {r['rps']:>7.1f} {r['p50_ms']:>7.1f} "
                      f"{r['p99_ms']:>7.1f} {r['errors']:>6.0f}", flush=True)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="Build a big store of generated incidents.")
    b.add_argument("--db", required=True)
    b.add_argument("--incidents", type=int, default=100_000)
    b.add_argument("--seed", type=int, default=7)
    r = commands.add_parser("run", help="Measure the API on a store.")
    r.add_argument("--db", required=True)
    r.add_argument("--clients", type=int, nargs="+", default=[10, 50])
    r.add_argument("--seconds", type=float, default=15.0)
    r.add_argument("--requests", type=int, default=3000)
    args = parser.parse_args()
    if args.command == "build":
        build(args.db, args.incidents, args.seed)
    else:
        run(args.db, args.clients, args.seconds, args.requests)


if __name__ == "__main__":
    main()
