"""The web app: the REST API under `/api/` and the dashboard (static files) under `/`.

Every error leaves as JSON `{"error": {"status": 404, "message": "..."}}`: Claimwatch's own errors are
mapped to a status here, in one table, so routes just raise them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import ClaimwatchError, InputError, InputTooLarge, NotFound, StoreError
from .deps import AppConfig, Extractor
from .export_routes import router as export_router
from .feeds_routes import router as feeds_router
from .routes import reads, router

if TYPE_CHECKING:
    from ..store import Store

STATUS: list[tuple[type[ClaimwatchError], int]] = [
    (NotFound, 404),
    (InputTooLarge, 413),
    (InputError, 422),
    (StoreError, 503),
    (ClaimwatchError, 400),
]

# The dashboard runs only its own scripts and styles and fetches only from this origin: article text is
# untrusted, and even if some escaping were missed, an injected <script> could not run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)

DESCRIPTION = """Militant attacks and claims of responsibility as a sourced record.

Reads are open unless the server runs with `--protect-reads`; `POST /api/documents` needs
`Authorization: Bearer <token>` (the token given to `claimwatch serve --token` or `CLAIMWATCH_TOKEN`).
Lists are paged with `limit` and `offset`; IDs are stable across rebuilds of the store.
"""


def web_root() -> Path:
    return Path(str(resources.files("claimwatch") / "web"))


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


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
    app = FastAPI(title="Claimwatch", version=__version__, description=DESCRIPTION, docs_url="/api/docs",
                  redoc_url=None, openapi_url="/api/openapi.json")
    app.state.claimwatch = AppConfig(store=store, token=token or None, protect_reads=protect_reads,
                                     extractor=extractor)

    @app.exception_handler(ClaimwatchError)
    async def _claimwatch_error(request: Request, error: ClaimwatchError) -> JSONResponse:
        status = next(code for kind, code in STATUS if isinstance(error, kind))
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
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in error.errors()
        )
        return _error(422, f"invalid request: {problems}")

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not request.url.path.startswith("/api/docs"):  # Swagger UI loads its own CDN assets
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    app.include_router(router)
    app.include_router(reads)
    app.include_router(export_router)
    app.include_router(feeds_router)
    app.mount("/", StaticFiles(directory=web_root(), html=True), name="dashboard")
    return app
