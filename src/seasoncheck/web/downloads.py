"""Downloads: the Atom feed of verdict changes, the premiere calendar and claim dumps.

The formats are made by :mod:`seasoncheck.exports` (the same functions ``seasoncheck export``
uses); these routes only pick the content type. :func:`download_router` returns None when that
module is not installed, and the app then serves no download routes.
"""

from __future__ import annotations

import importlib.util
import logging
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from seasoncheck.web import data
from seasoncheck.web.api import LIMIT, MAX_SEASON, MAX_TEXT, OFFSET, page

log = logging.getLogger(__name__)

WATCH_ONLY = Query(False, description="Only the seasons on the watch list.")
FRANCHISE = Query(None, max_length=MAX_TEXT, description="A franchise title, as `report` takes.")
SEASON = Query(None, ge=0, le=MAX_SEASON, description="One season number.")


def _ctx(request: Request) -> data.WebContext:
    return request.app.state.ctx  # type: ignore[no-any-return]


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def download_router() -> APIRouter | None:
    """The download routes, or None when :mod:`seasoncheck.exports` is absent."""
    if importlib.util.find_spec("seasoncheck.exports") is None:
        log.info("seasoncheck.exports not installed: no download routes")
        return None
    router = APIRouter()
    router.add_api_route(
        "/feeds/verdicts.atom",
        atom_feed,
        methods=["GET"],
        summary="Atom feed of verdict changes",
        response_class=Response,
    )
    router.add_api_route(
        "/calendar.ics",
        calendar,
        methods=["GET"],
        summary="iCalendar of dated premieres",
        response_class=Response,
    )
    router.add_api_route(
        "/api/claims", claims_json, methods=["GET"], summary="Every stored claim (JSON dump)"
    )
    router.add_api_route(
        "/claims.csv",
        claims_csv,
        methods=["GET"],
        summary="Every stored claim (CSV)",
        response_class=Response,
    )
    return router  # fmt: skip


def atom_feed(request: Request, watch_only: bool = WATCH_ONLY) -> Response:
    """The latest verdict changes as Atom (written by ``seasoncheck update``)."""
    from seasoncheck.exports import verdict_feed_atom

    body = verdict_feed_atom(_ctx(request).store, _base(request), watch_only=watch_only)
    return Response(body, media_type="application/atom+xml")


def calendar(request: Request, watch_only: bool = WATCH_ONLY) -> Response:
    """Dated premieres as an iCalendar file (month-only dates are tentative)."""
    from seasoncheck.exports import calendar_ics

    ctx = _ctx(request)
    body = ctx.cached(
        ("ics", watch_only),
        lambda: calendar_ics(ctx.store, ctx.kb(), watch_only=watch_only, today=ctx.day()),
    )
    return Response(body, media_type="text/calendar; charset=utf-8")


def claims_json(
    request: Request,
    franchise: str | None = FRANCHISE,
    season: int | None = SEASON,
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> Response:
    """Stored claims with their article's metadata, paged."""
    rows = _claims(_ctx(request), franchise, season)
    return page(data.Page(rows[offset : offset + limit], len(rows), limit, offset), "claims")


def _claims(ctx: data.WebContext, franchise: str | None, season: int | None) -> list[Any]:
    """The claim records, cached per store change; an unknown franchise is a 404."""
    from seasoncheck.exports import claims_json as dump
    from seasoncheck.report import UnknownFranchise

    try:
        return ctx.cached(
            ("claims", franchise, season),
            lambda: dump(ctx.store, ctx.kb(), franchise=franchise, season=season),
        )
    except UnknownFranchise as exc:
        raise data.NotFound(str(exc)) from exc


def claims_csv(
    request: Request, franchise: str | None = FRANCHISE, season: int | None = SEASON
) -> Response:
    """Stored claims as CSV (RFC 4180)."""
    from seasoncheck.exports import iter_claims_csv
    from seasoncheck.report import UnknownFranchise

    ctx = _ctx(request)
    try:
        text = "".join(iter_claims_csv(ctx.store, ctx.kb(), franchise=franchise, season=season))
    except UnknownFranchise as exc:
        raise data.NotFound(str(exc)) from exc
    headers = {"Content-Disposition": 'attachment; filename="claims.csv"'}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)
