"""Exports of the store's record into the formats analysts' tools read.

A small registry of exporters by name, like datasette's output renderers: each format is one module
with a `render(data: ExportData) -> list[ExportFile]` function, loaded only when it is asked for (so a
missing optional library is reported for the format that needs it, not at import time).

    name      module    files                                     needs
    stix      stix.py   one STIX 2.1 bundle (.json)               stix2
    misp      misp.py   MISP events, one per incident (.json)     pymisp
    gtd-csv   gtd.py    GTD-codebook CSV (.csv)                   -
    parquet   parquet.py  documents, incidents, claims, evidence,   pyarrow
                          casualty_reports (.parquet each)
    geojson   geojson.py  a FeatureCollection of incidents          -

The CLI (`claimwatch export FORMAT ... -o FILE`) and the REST API (`GET /api/export/{format}`) call
`export(store, name, filters)` and only write or send the files.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ExportError
from .data import ExportData, ExportFile, ExportFilter, collect

__all__ = [
    "EXPORTERS", "ExportData", "ExportError", "ExportFile", "ExportFilter", "Exporter", "collect", "export", "exporter",
]


@dataclass(frozen=True)
class Exporter:
    name: str
    module: str  # inside claimwatch.export
    media_type: str
    help: str
    extra: str | None = None  # the pip extra that installs its library

    def render(self, data: ExportData) -> list[ExportFile]:
        try:
            module = importlib.import_module(f"{__name__}.{self.module}")
        except ModuleNotFoundError as error:
            hint = f"pip install 'claimwatch[{self.extra}]'" if self.extra else "reinstall claimwatch"
            raise ExportError(f"the {self.name} export needs {error.name}: {hint}") from error
        render: Callable[[ExportData], list[ExportFile]] = module.render
        return render(data)


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in [
        Exporter("stix", "stix", "application/stix+json;version=2.1", "STIX 2.1 bundle (OpenCTI, any TIP)", "exports"),
        Exporter("misp", "misp", "application/json", "MISP events, one per incident (PyMISP)", "exports"),
        Exporter("gtd-csv", "gtd", "text/csv; charset=utf-8", "CSV in the Global Terrorism Database's codebook"),
        Exporter("parquet", "parquet", "application/vnd.apache.parquet", "Parquet tables (pyarrow)", "exports"),
        Exporter("geojson", "geojson", "application/geo+json", "GeoJSON FeatureCollection of incidents"),
    ]
}


def exporter(name: str) -> Exporter:
    found = EXPORTERS.get(name.lower())
    if found is None:
        raise ExportError(f"no export format {name!r}; choose one of {', '.join(EXPORTERS)}")
    return found


def export(store: object, name: str, filters: ExportFilter | None = None) -> list[ExportFile]:
    """The files of format `name` for the incidents of `store` that pass `filters`."""
    chosen = exporter(name)  # an unknown name fails before the store is read
    return chosen.render(collect(store, filters or ExportFilter()))
