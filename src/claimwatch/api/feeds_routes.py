"""`GET /api/alerts` (recent alerts with their delivery status and payload) and `GET /api/sources` (the
watcher's sources with their schedule and last error), for the dashboard."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ..feeds import state
from ..feeds.alerts import list_alerts
from .deps import AppConfig, config, require_read
from .schemas import ERRORS

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERRORS)


@router.get("/alerts", summary="Recent alerts, newest first", tags=["watch"])
def alerts(cfg: Annotated[AppConfig, Depends(config)],
           limit: Annotated[int, Query(ge=1, le=500, description="At most this many.")] = 50) -> list[dict[str, Any]]:
    return [a.to_dict() for a in list_alerts(cfg.store.engine, limit)]


@router.get("/sources", summary="The feed watcher's sources, with their last error", tags=["watch"])
def sources(cfg: Annotated[AppConfig, Depends(config)]) -> list[dict[str, Any]]:
    return [s.to_dict() for s in state.list_sources(cfg.store.engine)]
