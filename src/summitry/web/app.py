"""summitry's HTTP API and web app: one ASGI application (FastAPI) over one store.

    from summitry.web import create_app, open_readers
    app = create_app(open_readers("events.duckdb"))        # any ASGI server runs it

The OpenAPI document (``/api/openapi.json``) is generated from the endpoints' typed parameters and
``summitry.web.models``. Every error reaches the client as ``{"error": "..."}``: 400 for a bad
parameter, 404, 405, 413, 414, 421 (a Host the server does not answer for), 503 while the database
cannot answer; a failure inside the server is logged and answered 500 without details.
"""
from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import FileResponse
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from summitry import __version__
from summitry.analytics import QueryError
from summitry.store import Store, StoreError
from summitry.web import api_corrections, api_events, api_views, models
from summitry.web.http import AnswerCache, BodyTooLarge, ConditionalGet, Cors, Guard, send_error
from summitry.web.params import QueryProblem, checked_query
from summitry.web.readers import Readers, Unavailable
from summitry.web.responses import NotFound, json_response

log = logging.getLogger("summitry.web")

DESCRIPTION = """JSON API over one summitry store: fused diplomatic events (visits, meetings, multilaterals,
calls) with the sentences behind them, travel, timelines, and what the web app's views draw.

Errors are `{"error": "..."}` with status 400 (bad parameter), 401/403 (writes without the token),
404, 405, 409 (a correction that no longer applies), 413/414 (request too large), 421 (unknown Host),
503 (database unavailable: retry). GET answers carry a weak ETag (send `If-None-Match` for a 304)
and are gzip-compressed when the client accepts it.
"""


def _static_dir() -> Path | None:
    folder = resources.files("summitry.web").joinpath("static")
    path = Path(str(folder))
    return path if path.is_dir() else None


class _BlankParameters:
    """``?type=&from=2022``: a parameter given empty counts as not given; a query string that is not
    UTF-8 is refused."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            from urllib.parse import unquote_to_bytes

            parts = [p for p in scope["query_string"].split(b"&") if p]
            kept = []
            for part in parts:
                key, _, value = part.partition(b"=")
                try:
                    unquote_to_bytes(key.replace(b"+", b" ")).decode("utf-8")
                    text = unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
                except UnicodeDecodeError:
                    await send_error(send, 400, "the query string is not valid UTF-8")
                    return
                if text.strip():
                    kept.append(part)
            scope = {**scope, "query_string": b"&".join(kept)}
        await self.app(scope, receive, send)


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return json_response({"error": message}, status=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    first = exc.errors()[0]
    where = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body") and not isinstance(p, int)]
    name = ".".join(where) or "request"
    message = first.get("msg", "invalid value")
    if first.get("type") == "missing":
        return f"parameter {name!r} is required"
    value = first.get("input")
    shown = f" (got {value!r})" if isinstance(value, (str, int)) and len(str(value)) < 80 else ""
    return f"{name}: {message}{shown}"


def create_app(readers: Readers | Store, *, allowed_hosts: Iterable[str] | None = None,
               cors_origins: Iterable[str] = (), token: str | None = None, static_dir: Path | None = None,
               gzip_level: int = 5, cache_bytes: int = 64 << 20) -> FastAPI:
    """The application serving ``readers`` (see ``summitry.web.readers``; an open ``Store`` is served
    through one connection, for tests and scripts).

    ``allowed_hosts`` the Host names it answers (None: any); ``cors_origins`` the origins allowed
    to read it from other pages; ``token`` enables the write endpoints (corrections) for clients
    that send it as a bearer token; ``cache_bytes`` bounds the answers kept while the data cannot
    change (a DuckDB snapshot; see ``summitry.web.http.AnswerCache``), 0 keeps none.
    """
    if isinstance(readers, Store):
        readers = SingleStore(readers)
    app = FastAPI(title="summitry", version=__version__, description=DESCRIPTION,
                  summary="Diplomatic events (visits, meetings, summits, calls) extracted from news.",
                  license_info={"name": "Apache-2.0", "identifier": "Apache-2.0"},
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
                  dependencies=[Depends(checked_query)])
    app.state.readers = readers
    app.state.token = token or None
    app.state.cors_origins = tuple(cors_origins)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404:
            message = f"no such path: {request.url.path}"
        elif exc.status_code == 405:
            message = f"method {request.method} not allowed here"
        return _error(exc.status_code, message, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        return _error(400, _validation_message(exc))

    @app.exception_handler(QueryError)
    async def bad_question(request: Request, exc: QueryError) -> Response:
        return _error(400, str(exc))

    @app.exception_handler(QueryProblem)
    async def bad_query(request: Request, exc: QueryProblem) -> Response:
        return _error(400, exc.message)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(404, exc.message)

    @app.exception_handler(StoreError)
    async def unavailable(request: Request, exc: StoreError) -> Response:
        busy = isinstance(exc, Unavailable)
        return _error(503, f"the database cannot answer: {exc}", {"retry-after": "5"} if busy else None)

    @app.exception_handler(api_corrections.WriteRefused)
    async def write_refused(request: Request, exc: api_corrections.WriteRefused) -> Response:
        return _error(exc.status, exc.message, exc.headers)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        return _error(413, str(exc))

    @app.get("/healthz", response_model=models.Health, operation_id="health", summary="Liveness",
             responses={503: {"model": models.Health, "description": "The database does not answer."}},
             description="The server is up; `database.state` says whether its database answers.")
    def healthz(request: Request) -> Response:
        state = request.app.state.readers.health()
        ok = state.get("state") == "ok"
        return json_response({"status": "ok" if ok else "unavailable", "store": request.app.state.readers.kind,
                              "version": __version__, "database": state, "answers": request.app.state.answers},
                             status=200 if ok else 503)

    app.include_router(api_events.router)
    app.include_router(api_views.router)
    app.include_router(api_corrections.router)

    folder = static_dir or _static_dir()
    if folder is not None:
        index = folder / "index.html"

        @app.get("/", include_in_schema=False)
        @app.get("/index.html", include_in_schema=False)
        def page() -> Response:
            if not index.is_file():
                return _error(404, "the web app is not built")
            return FileResponse(index, headers={"cache-control": "no-cache"})

        app.mount("/static", StaticFiles(directory=folder), name="static")

    # the ASGI layers, innermost first (see summitry.web.http)
    app.add_middleware(ConditionalGet)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=gzip_level)
    app.state.answers = {}
    app.add_middleware(AnswerCache, generation=readers.generation, max_bytes=cache_bytes, stats=app.state.answers)
    cors = list(app.state.cors_origins)
    if cors:
        app.add_middleware(Cors, allow_origins=cors, allow_methods=["GET", "HEAD", "POST", "DELETE"],
                           allow_headers=["authorization", "content-type", "if-none-match"],
                           expose_headers=["etag", "content-disposition"], max_age=600)
    app.add_middleware(_BlankParameters)
    app.add_middleware(_Errors)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    return app


class _Errors:
    """The last net: a failure inside the server is logged and answered 500 in JSON, without
    details; HEAD is answered as GET without the body."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        started = False

        async def tracked(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except BodyTooLarge as exc:
            if not started:
                await send_error(send, 413, str(exc))
        except Exception:  # noqa: BLE001 - a fault of the server: log it, tell the client nothing of its inside
            log.error("summitry: internal error on %s %s\n%s", scope["method"], scope["path"],
                      traceback.format_exc())
            if not started:
                await send_error(send, 500, "internal error: see the server's log")


class SingleStore(Readers):
    """One open store read by one request at a time (tests, scripts); the server uses ``open_readers``."""

    def __init__(self, store: Store):
        import threading

        self.store = store
        self.kind = store.kind
        self.target = store.target
        self._lock = threading.Lock()

    def reader(self):
        from contextlib import contextmanager

        @contextmanager
        def one():
            with self._lock:
                yield self.store
        return one()

    def health(self) -> dict[str, Any]:
        try:
            with self.reader() as store:
                store.db.rows("SELECT 1")
        except Exception as exc:  # noqa: BLE001 - any driver error: the store is not answering
            return {"state": "unavailable", "detail": type(exc).__name__}
        return {"state": "ok"}
