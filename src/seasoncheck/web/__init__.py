"""The web layer: a FastAPI app serving the JSON API (``/api``) and server-rendered pages.

Example::

    app = create_app("sqlite:///seasoncheck.db")  # then: uvicorn, or TestClient(app)
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from seasoncheck.settings import Settings
from seasoncheck.store import Store
from seasoncheck.web import api, data, pages
from seasoncheck.web.downloads import download_router
from seasoncheck.web.security import SECURITY_HEADERS, BodySizeLimit, SecurityHeaders

log = logging.getLogger(__name__)

__all__ = ["create_app", "app_from_env", "warm_up", "TOKEN_ENV"]

TOKEN_ENV = "SEASONCHECK_TOKEN"
STATIC = Path(__file__).parent / "static"


def create_app(
    store: str | Store,
    settings: Settings | None = None,
    *,
    token: str | None = None,
    kb: Any = None,
    today: date | None = None,
) -> FastAPI:
    """The ASGI app over a store (URL, path or open :class:`Store`).

    ``token`` guards ``POST /api/ingest`` (default: ``$SEASONCHECK_TOKEN``; unset disables
    ingestion with 503). ``kb`` and ``today`` are for tests and benchmarks.
    """
    if isinstance(store, str):
        settings = settings or Settings.from_env(store)
        store = Store.open(settings.db_url)
    settings = settings or Settings.from_env()
    ctx = data.WebContext(
        store=store,
        settings=settings,
        token=token if token is not None else os.environ.get(TOKEN_ENV) or None,
        today=today,
        _kb=kb,
    )
    app = FastAPI(
        title="seasoncheck",
        summary="What is actually true about upcoming anime seasons: verdicts with evidence.",
        version="1",
        docs_url=None,  # /docs is our own script-free page (pages.docs_page)
        redoc_url=None,
    )
    app.state.ctx = ctx
    app.state.jinja = pages.make_env()
    app.include_router(api.router)
    if (downloads := download_router()) is not None:
        app.include_router(downloads)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_error_handlers(app)
    app.add_middleware(BodySizeLimit)  # innermost: its 413 still gets the security headers
    app.add_middleware(SecurityHeaders)
    return app


def warm_up(app: FastAPI) -> FastAPI:
    """Load the KB now (not on the first visitor's request), then move it out of the GC's way.

    ``gc.freeze()`` puts every object alive at start-up (the KB: ~27,000 titles) in the
    permanent generation, so full collections no longer walk it: one took 25-40 ms on the
    benchmark machine, a pause every client in flight waits for.
    """
    import gc

    app.state.ctx.kb()
    gc.collect()
    gc.freeze()
    return app


def app_from_env() -> FastAPI:
    """The app over ``$SEASONCHECK_DB``, warmed up: the factory each ``serve --workers`` process runs."""
    return warm_up(create_app(Settings.from_env().db_url))


def _wants_json(request: Request) -> bool:
    """API paths answer errors in the JSON envelope; pages answer with an HTML page."""
    return request.url.path.startswith(("/api", "/openapi"))


def _error(
    request: Request, status: int, message: str, errors: list[Any] | None = None
) -> Response:
    """The error in the envelope (API) or as an error page."""
    if _wants_json(request):
        return api.error_response(status, message, errors)
    return pages.render(request, "error.html", status=status, code=status, message=message)


def _add_error_handlers(app: FastAPI) -> None:
    """Map expected failures to 4xx, anything else to a logged 500, in one shape each."""

    @app.exception_handler(data.NotFound)
    async def not_found(request: Request, exc: data.NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(data.BadInput)
    async def bad_input(request: Request, exc: data.BadInput) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", "")}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        return _error(request, 422, f"{'.'.join(first['loc'])}: {first['msg']}", errors)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        # Starlette answers this outside the middleware stack: add the headers here.
        log.exception("error serving %s", request.url.path)
        response = _error(request, 500, "internal error (see the server log)")
        for k, v in SECURITY_HEADERS:
            response.headers[k.decode()] = v.decode()
        return response
