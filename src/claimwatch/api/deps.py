"""What the REST API needs from the store and from the request: the app's configuration, auth, paging."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..model import Document, Extraction

if TYPE_CHECKING:
    from ..store import Store

PAGE_MAX = 500
SCAN_PAGE = 1000  # how many records to ask the store for at a time when a view needs all of them


Extractor = Callable[[Document], Extraction]


@dataclass
class AppConfig:
    store: Store
    token: str | None
    protect_reads: bool
    extractor: Extractor


def config(request: Request) -> AppConfig:
    cfg: AppConfig = request.app.state.claimwatch
    return cfg


_bearer = HTTPBearer(auto_error=False, description="The token given to `claimwatch serve --token`.")


def _check(cfg: AppConfig, credentials: HTTPAuthorizationCredentials | None) -> None:
    if not cfg.token:
        raise HTTPException(403, "writes are disabled: start the server with --token or set CLAIMWATCH_TOKEN")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), cfg.token.encode()):
        raise HTTPException(
            401,
            "missing or wrong bearer token: send 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def require_write(cfg: Annotated[AppConfig, Depends(config)], credentials: Credentials) -> None:
    _check(cfg, credentials)


def require_read(cfg: Annotated[AppConfig, Depends(config)], credentials: Credentials) -> None:
    if cfg.protect_reads:
        _check(cfg, credentials)


def scan(fetch: Callable[[int, int], list[Any]]) -> Iterator[Any]:
    """Every record a paged store call returns, page by page."""
    offset = 0
    while True:
        page = fetch(SCAN_PAGE, offset)
        yield from page
        if len(page) < SCAN_PAGE:
            return
        offset += SCAN_PAGE


def as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, dict):
        return record
    result: dict[str, Any] = record.to_dict()
    return result
