"""`claimwatch import gtd-csv FILE`: rows in the GTD codebook's format become incidents in the store.

Each row becomes one document (its text: the row's `summary`, else a sentence built from its fields,
followed by the row's event id and sources) with one incident and its claims, and is stored through
`Store.add`, so the store's own linking (`store/link.py`) merges it with an incident the pipeline already
holds when they describe the same attack, exactly as for a second news report. Codes are read back by
the tables of `gtd_codebook.py`; -9, 0-day and blank cells stay unknown. A row that cannot be read is
reported with its line number and the rest go on; re-importing the same file stores nothing new.
A file Claimwatch exported keeps its `claimwatch_confidence` and `claimwatch_firmness` columns; GTD's own
rows have none (confidence None: a curated record is not scored by our model).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import ClaimwatchError, ExportError
from ..model import Claim, Count, Document, Evidence, Extraction, Group, Incident, Perpetrator, Place
from . import gtd_codebook as book
from .gtd import read_rows

EXTRACTOR = "claimwatch.gtd-import.v1"


@dataclass
class ImportSummary:
    rows: int = 0
    new: int = 0
    duplicates: int = 0
    merged: int = 0  # rows whose incident joined one already stored
    failed: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "new": self.new, "duplicates": self.duplicates, "merged": self.merged,
                "failed": [{"line": line, "reason": reason} for line, reason in self.failed]}


def import_gtd_csv(path: str | Path, store: Any, on_row: Callable[[int], None] | None = None) -> ImportSummary:
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ExportError(f"{source}: cannot read the file ({error})") from error
    rows = read_rows(text)
    if rows and "iyear" not in rows[0]:
        raise ExportError(f"{source}: not a GTD-format CSV (no 'iyear' column in the header)")
    summary = ImportSummary()
    for line, row in zip(range(2, len(rows) + 2), rows, strict=True):
        summary.rows += 1
        try:
            document, extraction = row_to_extraction(row, f"{source}:{line}")
            result = store.add(document, extraction)
        except (ValueError, KeyError, ClaimwatchError) as error:
            summary.failed.append((line, str(error)))
            continue
        if not result.created:
            summary.duplicates += 1
        else:
            summary.new += 1
            summary.merged += len(result.merged_incident_ids)
        if on_row:
            on_row(line)
    return summary


def row_to_extraction(row: dict[str, str], source: str) -> tuple[Document, Extraction]:
    date, precision = _date(row)
    place = _place(row)
    attack_types = [t for t in (_code_text(row, f"attacktype{n}", book.ATTACK_TYPES) for n in (1, 2, 3)) if t]
    attack_types = [t for t in attack_types if t != "Unknown"]
    weapon_types = [w for w in (_weapon(row, n) for n in (1, 2, 3, 4)) if w and w != "Unknown"]
    groups = [g for g in (_cell(row, key) for key in ("gname", "gname2", "gname3")) if g and g.lower() != "unknown"]
    summary = _cell(row, "summary") or _sentence(date, place, attack_types, groups)
    sources = [s for s in (_cell(row, f"scite{n}") for n in (1, 2, 3)) if s]
    eventid = _cell(row, "eventid") or source
    text = "\n\n".join([summary, f"GTD event {eventid}.", *sources])
    evidence = Evidence(summary, 0, len(summary))
    killed = _count(row, "nkill")
    if killed.known and _int(row, "nkillter") == 0:
        killed.includes_perpetrators = False
    incident = Incident(
        id="gtd-1", date=date, date_precision=precision, place=place, attack_types=attack_types,
        weapon_types=weapon_types, killed=killed, wounded=_count(row, "nwound"),
        perpetrators=[Perpetrator(name, "group") for name in groups],
        targets=[t for t in [_cell(row, "target1")] if t], evidence=[evidence],
        weapons=[w.strip() for w in (_cell(row, "weapdetail") or "").split(";") if w.strip()],
        confidence=_float(row, "claimwatch_confidence"),
        firmness=_firmness(row),
    )
    claims = []
    for n, name in enumerate(groups[:2], start=1):
        claimed = _int(row, "claimed" if n == 1 else "claim2")
        uncertain = _int(row, f"guncertain{n}") == 1
        status = "suspected" if uncertain else {1: "claimed", 0: "denied"}.get(claimed or book.UNKNOWN)
        if status is None:
            continue
        mode = _int(row, "claimmode" if n == 1 else "claimmode2")
        claims.append(Claim(incident_id="gtd-1", group=Group(name), status=status,  # type: ignore[arg-type]
                            channel=book.MODE_CHANNELS.get(mode or 0), evidence=[evidence]))
    url = next((part for s in sources for part in s.split(", ") if part.startswith(("http://", "https://"))), None)
    document = Document(text=text, url=url, title=f"GTD {eventid}", outlet=_cell(row, "dbsource") or "GTD",
                        published=_published(date), source=source)
    return document, Extraction(document=document, incidents=[incident], claims=claims, extractor_version=EXTRACTOR)


# --------------------------------------------------------------------------- cells


def _cell(row: dict[str, str], key: str) -> str | None:
    value = (row.get(key) or "").strip()
    return value or None


def _firmness(row: dict[str, str]) -> dict[str, str]:
    """"date=relative; killed=bounded" -> {"date": "relative", "killed": "bounded"} (gtd.py writes it)."""
    pairs = (part.split("=", 1) for part in (_cell(row, "claimwatch_firmness") or "").split(";") if "=" in part)
    return {key.strip(): value.strip() for key, value in pairs}


def _int(row: dict[str, str], key: str) -> int | None:
    value = _cell(row, key)
    if value is None:
        return None
    number = int(float(value))  # pandas writes 3.0 for a column with blanks
    return None if number == book.UNKNOWN else number


def _count(row: dict[str, str], key: str) -> Count:
    number = _int(row, key)
    return Count(value=number) if number is not None and number >= 0 else Count()


def _code_text(row: dict[str, str], key: str, table: dict[int, str]) -> str | None:
    code = _int(row, key)
    return table.get(code) if code is not None else (_cell(row, f"{key}_txt"))


def _weapon(row: dict[str, str], n: int) -> str | None:
    code = _int(row, f"weaptype{n}")
    return book.weapon_name(code) if code is not None else _cell(row, f"weaptype{n}_txt")


def _date(row: dict[str, str]) -> tuple[str | None, Any]:
    year, month, day = _int(row, "iyear"), _int(row, "imonth") or 0, _int(row, "iday") or 0
    if not year:
        return None, None
    if month and day:
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    if month:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}", "year"


def _published(day: str | None) -> datetime | None:
    return datetime.fromisoformat(day) if day and len(day) == 10 else None


def _place(row: dict[str, str]) -> Place | None:
    code = _int(row, "country")
    iso = book.ISO_BY_GTD_CODE.get(code) if code is not None else None
    name_txt = _cell(row, "country_txt")
    iso = iso or book.ISO_BY_GTD_NAME.get((name_txt or "").lower()) or (
        name_txt if name_txt and len(name_txt) == 2 and name_txt.isupper() else None)
    city, province = _cell(row, "city"), _cell(row, "provstate")
    if city and city.lower() == "unknown":
        city = None
    name = city or province or (book.COUNTRIES[iso][1] if iso in book.COUNTRIES else name_txt)
    if not name:
        return None
    lat, lon = _float(row, "latitude"), _float(row, "longitude")
    return Place(name=name, country_code=iso, lat=lat, lon=lon, admin1=province)


def _float(row: dict[str, str], key: str) -> float | None:
    value = _cell(row, key)
    return float(value) if value is not None else None


def _sentence(date: str | None, place: Place | None, attack_types: list[str], groups: list[str]) -> str:
    what = " and ".join(attack_types) or "An attack"
    where = f" in {place.name}" if place else ""
    when = f" on {date}" if date else ""
    by = f", attributed to {' and '.join(groups)}" if groups else ""
    return f"{what}{where}{when}{by}."
