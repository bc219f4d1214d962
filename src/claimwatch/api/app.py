"""The web app: the REST API under `/api/` and the dashboard (static files) under `/`.

Every error leaves as JSON `{"error": {"status": 404, "message": "..."}}`: Claimwatch's own errors are
mapped to a status here, in one table, so routes just raise them; anything unexpected is a 500 with a
generic message (the details go to the log, never to the client).

Before a route runs, `guard` (a plain ASGI layer) bounds what a request may cost:
    1. a write (POST, PUT, PATCH, DELETE under /api/) without the right token is refused before its
       body is read, so an unauthenticated upload costs no memory
    2. a body over `body_limit()` is refused from its Content-Length, or as soon as the bytes streamed
       pass the limit; a body that takes longer than BODY_SECONDS to arrive is refused (408)
    3. every response gets the security headers (CSP, Referrer-Policy, nosniff)
"""

from __future__ import annotations

import asyncio
import logging
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import ClaimwatchError, InputError, InputTooLarge, InvalidQuery, NotFound, QueryTimeout, StoreError
from ..settings import max_bytes
from .deps import AppConfig, Extractor, auth_problem
from .export_routes import router as export_router
from .feeds_routes import router as feeds_router
from .routes import reads, router

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger("claimwatch.api")

STATUS: list[tuple[type[ClaimwatchError], int]] = [
    (NotFound, 404),
    (InputTooLarge, 413),
    (InputError, 422),
    (InvalidQuery, 422),
    (QueryTimeout, 503),
    (StoreError, 503),
    (ClaimwatchError, 400),
]

# The dashboard runs only its own scripts and styles and fetches only from this origin: article text is
# untrusted, and even if some escaping were missed, an injected <script> could not run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI (vendored, served from this origin) sets inline styles on its elements: the one relaxation.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
BODY_SECONDS = 30.0  # the longest a request body may take to arrive
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

DESCRIPTION = """Militant attacks and claims of responsibility as a sourced record.

Reads are open unless the server runs with `--protect-reads`; `POST /api/documents` needs
`Authorization: Bearer <token>` (the token given to `claimwatch serve --token` or `CLAIMWATCH_TOKEN`).
Lists are paged with `limit` and `cursor` (or `offset`, up to 10,000); IDs are stable across rebuilds of
the store. Limits: text queries 300 characters and 12 words, request bodies `CLAIMWATCH_MAX_BYTES` plus a
quarter, read statements `CLAIMWATCH_STATEMENT_TIMEOUT` seconds (503 past it).
"""


def web_root() -> Path:
    return Path(str(resources.files("claimwatch") / "web"))


def body_limit() -> int:
    """The largest request body: the text limit plus room for JSON escapes and the metadata fields."""
    return max_bytes() + max_bytes() // 4 + 64 * 1024


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


class Guard:
    """Auth before body, bounded bodies, security headers (see the module docstring)."""

    def __init__(self, app: ASGIApp, config: AppConfig) -> None:
        self.app, self.config = app, config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        send = self._with_headers(send, DOCS_CSP if path == "/api/docs" else CSP)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if scope.get("method") in WRITE_METHODS and path.startswith("/api/"):
            problem = auth_problem(self.config.token, headers.get("authorization"))
            if problem is not None:
                await _error(problem.status, problem.message, problem.headers)(scope, receive, send)
                return
            body = await self._read_body(scope, receive, send, headers.get("content-length"))
            if body is None:
                return
            receive = _replay(body)
        await self.app(scope, receive, send)

    async def _read_body(self, scope: Scope, receive: Receive, send: Send, length: str | None) -> bytes | None:
        limit = body_limit()
        too_large = f"the request body is over {limit:,} bytes (CLAIMWATCH_MAX_BYTES is {max_bytes():,} for the text)"
        if length is not None and (not length.isdigit() or int(length) > limit):
            await _error(413 if length.isdigit() else 400,
                         too_large if length.isdigit() else "Content-Length is not a number")(scope, receive, send)
            return None
        chunks: list[bytes] = []
        size = 0
        deadline = time.monotonic() + BODY_SECONDS
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                await _error(408, f"the request body did not arrive within {BODY_SECONDS:g} s")(scope, receive, send)
                return None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _error(413, too_large)(scope, receive, send)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    @staticmethod
    def _with_headers(send: Send, csp: str) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                extra = [*SECURITY_HEADERS, (b"content-security-policy", csp.encode())]
                headers += [(k, v) for k, v in extra if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        return sending


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()  # as a real client would: nothing more until it disconnects
        return {"type": "http.disconnect"}

    return receive


def _openapi(app: FastAPI, protect_reads: bool) -> dict[str, Any]:
    """The OpenAPI document, saying which operations need the token: writes, and reads when protected."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
    name = next(iter(schemes), "HTTPBearer")
    schemes.setdefault(name, {"type": "http", "scheme": "bearer"})
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if method.upper() in WRITE_METHODS or (protect_reads and path != "/api/health"):
                operation["security"] = [{name: []}]
            else:
                operation.pop("security", None)
    app.openapi_schema = schema
    return schema


def create_app(
    store: Store,
    token: str | None = None,
    protect_reads: bool = False,
    *,
    extractor: Extractor | None = None,
) -> FastAPI:
    """The API and dashboard over `store`. `extractor` turns a posted document into an extraction
    (default: the full pipeline, `claimwatch.extract_document`)."""
    if extractor is None:
        from ..pipeline import extract_document

        extractor = extract_document
    app = FastAPI(title="Claimwatch", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/api/openapi.json")
    config = AppConfig(store=store, token=token or None, protect_reads=protect_reads, extractor=extractor)
    app.state.claimwatch = config
    app.openapi = lambda: _openapi(app, protect_reads)  # type: ignore[method-assign]

    @app.exception_handler(ClaimwatchError)
    async def _claimwatch_error(request: Request, error: ClaimwatchError) -> JSONResponse:
        status = next(code for kind, code in STATUS if isinstance(error, kind))
        if status >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, error)
        return _error(status, str(error))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else str(error.detail)
        if error.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path} (the API is documented at /api/docs)"
        return _error(error.status_code, message, getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {_short(e.get('msg', 'invalid'))}" for e in error.errors()
        )
        return _error(422, f"invalid request: {problems}")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=error)
        return _error(500, "internal error: the request could not be answered (the server log has the details)")

    @app.get("/api/docs", include_in_schema=False)
    def _docs() -> FileResponse:
        return FileResponse(web_root() / "api-docs.html", media_type="text/html")

    app.include_router(router)
    app.include_router(reads)
    app.include_router(export_router)
    app.include_router(feeds_router)
    app.mount("/", StaticFiles(directory=web_root(), html=True), name="dashboard")
    app.add_middleware(Guard, config=config)
    return app


def app_from_environment() -> FastAPI:
    """The app for one of several server processes (`claimwatch serve --workers N`): store, token and
    --protect-reads come from the environment the serve command set."""
    import os

    from ..settings import SETTINGS
    from ..store import Store

    return create_app(Store(), token=SETTINGS["token"].value() or None,
                      protect_reads=bool(os.environ.get("CLAIMWATCH_PROTECT_READS")))


def _short(message: Any) -> str:
    text = str(message)
    return text if len(text) <= 300 else text[:300] + "…"


__all__ = ["create_app"]
