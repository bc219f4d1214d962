"""`GET /api/export/{format}`: the record as STIX 2.1, MISP, GTD-codebook CSV, Parquet or GeoJSON, with the
filters of `GET /api/incidents`. Parquet has several tables: `table=` picks one, else a zip of all."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from ..errors import ExportError
from ..export import EXPORTERS, ExportFilter, export, exporter
from .deps import AppConfig, config, require_read
from .schemas import ERRORS

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERRORS)


@router.get(
    "/export/{format_name}",
    summary="Export the filtered incidents",
    description="Formats: " + ", ".join(f"`{e.name}` ({e.help})" for e in EXPORTERS.values()) + ".",
    tags=["export"],
    response_class=Response,
)
def export_incidents(
    format_name: str,
    cfg: Annotated[AppConfig, Depends(config)],
    since: Annotated[date | None, Query(description="Incidents on or after this date.")] = None,
    until: Annotated[date | None, Query(description="Incidents on or before this date.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 country code, e.g. GB.")] = None,
    group: Annotated[str | None, Query(description="A group named as perpetrator or claimant.")] = None,
    attack_type: Annotated[str | None, Query(description="e.g. bombing, armed_assault.")] = None,
    claimed: Annotated[bool | None, Query(description="true: some group claimed it; false: nobody did.")] = None,
    q: Annotated[str | None, Query(description="Full-text query over the incident's source documents.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="Only incidents at least this sure "
                                                                              "(0–1, e.g. 0.8).")] = None,
    table: Annotated[str | None, Query(description="parquet only: documents, incidents, claims, evidence or "
                                                   "casualty_reports (default: a zip of all five).")] = None,
) -> Response:
    chosen = exporter(format_name)
    files = export(cfg.store, chosen.name, ExportFilter(since, until, country, group, attack_type, claimed, q,
                                                                  min_confidence))
    if table is not None:
        files = [f for f in files if f.name.split(".")[0] == table]
        if not files:
            raise ExportError(f"the {chosen.name} export has no table {table!r}")
    if len(files) == 1:
        file = files[0]
        return Response(file.content, media_type=file.media_type,
                        headers={"Content-Disposition": f'attachment; filename="{file.name}"'})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            archive.writestr(file.name, file.content)
    return Response(buffer.getvalue(), media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="claimwatch-{chosen.name}.zip"'})
