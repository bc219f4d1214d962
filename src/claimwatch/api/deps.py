"""What the REST API needs from the store and from the request: the app's configuration and auth."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..model import Document, Extraction

if TYPE_CHECKING:
    from ..store import Store


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


class AuthProblem(Exception):
    """Why a request may not go on: the status, the message, and the headers to send."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def auth_problem(token: str | None, authorization: str | None) -> AuthProblem | None:
    """None when `authorization` (the raw header) carries `token`; else why not. Constant-time compare."""
    if not token:
        return AuthProblem(403, "writes are disabled: start the server with --token or set CLAIMWATCH_TOKEN")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer":
        given = ""
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        return AuthProblem(401, "missing or wrong bearer token: send 'Authorization: Bearer <token>'",
                           {"WWW-Authenticate": "Bearer"})
    return None


def _check(cfg: AppConfig, authorization: str | None) -> None:
    problem = auth_problem(cfg.token, authorization)
    if problem is not None:
        raise HTTPException(problem.status, problem.message, headers=problem.headers)


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def require_write(request: Request, cfg: Annotated[AppConfig, Depends(config)], _: Credentials) -> None:
    _check(cfg, request.headers.get("authorization"))


def require_read(request: Request, cfg: Annotated[AppConfig, Depends(config)]) -> None:
    """Reads are open unless `--protect-reads` (not a security dependency: the OpenAPI document says
    which operations need the token, and `app.py` adds the requirement to reads only when protected)."""
    if cfg.protect_reads:
        _check(cfg, request.headers.get("authorization"))


def as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, dict):
        return record
    result: dict[str, Any] = record.to_dict()
    return result
