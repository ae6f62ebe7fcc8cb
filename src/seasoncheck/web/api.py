"""The JSON API: every response is ``{"ok": true, ...}`` or ``{"ok": false, "error", "status"}``.

Handlers call one function of :mod:`seasoncheck.web.data` and serialise its models; they hold
no SQL. Reads are public; ``POST /api/ingest`` needs ``Authorization: Bearer $SEASONCHECK_TOKEN``.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any, Literal

import orjson
from fastapi import APIRouter, Body, Header, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from seasoncheck.web import data
from seasoncheck.web.cached import CachedBody, cached_body, send_cached
from seasoncheck.web.security import token_matches

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api")

# Pages hold at most this many items; more would make one response slow for everyone.
MAX_LIMIT = 200
DEFAULT_LIMIT = 50
# SQLite takes 64-bit offsets; anything beyond this is certainly past the end.
MAX_OFFSET = 1_000_000_000
MAX_SEASON = 1000
MAX_TEXT = 200
# The season endpoint's summary (the default; ?evidence=all gives everything) inlines at most
# this many claims, contradictions, article ids per competing value or contradiction side, and
# flagged articles; the totals say how many there are. At 10,000 articles one season had ~600
# claims and 276 contradictions citing every article id: 276 KB per request, three quarters
# of it contradiction article lists (benchmarks/bench_web.py). 20 claims is one screen; the
# rest are paged at .../claims.
INLINE_CLAIMS = 20
INLINE_CONTRADICTIONS = 20
INLINE_ARTICLES = 5
INLINE_FLAGGED = 20

LIMIT = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip.")
SEASON = Path(..., ge=0, le=MAX_SEASON, description="Season number.")


def _default(value: Any) -> Any:
    """orjson fallback for tuples of dataclasses inside generic containers."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError


def envelope(code: int = 200, /, **payload: Any) -> Response:
    """A JSON response in the one envelope: ``ok`` first, then the payload."""
    body = {"ok": 200 <= code < 400, **payload}
    return Response(
        orjson.dumps(body, default=_default, option=orjson.OPT_NON_STR_KEYS),
        status_code=code,
        media_type="application/json",
    )


def error_response(status: int, error: str, errors: list[Any] | None = None) -> Response:
    """The one error shape: ``{"ok": false, "error": ..., "status": ..., "errors": [...]}``."""
    return envelope(status, error=error, status=status, errors=errors or [])


def page(p: data.Page[Any], name: str) -> Response:
    """A paged list in the envelope, with ``total``, ``limit``, ``offset`` and ``next_offset``."""
    nxt = p.offset + p.limit if p.offset + p.limit < p.total else None
    return envelope(
        **{name: list(p.items)}, total=p.total, limit=p.limit, offset=p.offset, next_offset=nxt
    )


def _ctx(request: Request) -> data.WebContext:
    return request.app.state.ctx  # type: ignore[no-any-return]


@router.get("/franchises", summary="Franchises that stored articles talk about")
async def franchises(
    request: Request,
    q: str | None = Query(None, max_length=MAX_TEXT, description="Part of the name or id."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> Response:
    """Franchises with stored claims, most claimed first."""
    ctx = _ctx(request)
    items = await ctx.cached_async(data.FRANCHISES_KEY, lambda: data.franchise_summaries(ctx))
    return page(data.filter_franchises(items, q=q, limit=limit, offset=offset), "franchises")


@router.get("/franchises/{franchise_id}", summary="Every season's verdict of a franchise")
def franchise(request: Request, franchise_id: str) -> Response:
    """The full report: verdicts per season, flagged articles, sources, KB seasons."""
    return envelope(report=data.franchise_report(_ctx(request), franchise_id))


@router.get(
    "/franchises/{franchise_id}/seasons/{season}",
    summary="One season's verdict",
    responses={304: {"description": "Not modified: the If-None-Match ETag is current."}},
)
async def season(
    request: Request,
    franchise_id: str,
    season: int = SEASON,
    evidence: Literal["summary", "all"] = Query(
        "summary", description="summary: the first items of each list, with totals; all: every one."
    ),
) -> Response:
    """Verdict, date, explanation, timeline, per-type values, contradictions, flags, sources, claims.

    By default (``evidence=summary``) the lists are cut: the first 20 claims (``claims_total``
    counts them all and ``claims_url`` pages through them), the first 20 contradictions
    (``contradictions_total``), 5 article ids per competing value or contradiction side
    (``articles_total``, ``articles_a_total``, ``articles_b_total``) and 20 flagged articles
    (``flagged_total``). ``evidence=all`` returns every item. Responses carry an ETag: send it
    back in ``If-None-Match`` to get 304 while the verdict is unchanged; gzip on request.
    """
    ctx = _ctx(request)
    full = evidence == "all"
    entry = await ctx.cached_async(
        ("api-season", franchise_id, season, full),
        lambda: _season_body(ctx, franchise_id, season, full),
    )
    return send_cached(request, entry)


def _season_body(ctx: data.WebContext, franchise_id: str, season: int, full: bool) -> CachedBody:
    """The season endpoint's JSON, computed once per store change (the benchmark's hot path)."""
    report = data.season_report(ctx, franchise_id, season)
    s = dataclasses.asdict(report.seasons[0])
    flagged = [dataclasses.asdict(f) for f in report.flagged]
    totals = {
        "claims_total": len(s["claims"]),
        "contradictions_total": len(s["contradictions"]),
        "flagged_total": len(flagged),
    }
    if not full:
        s, flagged = summarise_season(s), flagged[:INLINE_FLAGGED]
    response = envelope(
        franchise_id=report.franchise_id,
        franchise=report.franchise,
        today=report.today,
        evidence="all" if full else "summary",
        season=s,
        **totals,
        claims_url=f"/api/franchises/{franchise_id}/seasons/{season}/claims",
        flagged=flagged,
        sources=report.sources,
        notes=report.notes,
    )
    return cached_body(bytes(response.body), "application/json")


def summarise_season(s: dict[str, Any]) -> dict[str, Any]:
    """A season dict with its long lists cut to the first items and their lengths added."""
    for t in s["types"]:
        t["values"] = [_cut(v, "articles") for v in t["values"]]
    contradictions = s["contradictions"][:INLINE_CONTRADICTIONS]
    s["contradictions"] = [_cut(_cut(c, "articles_a"), "articles_b") for c in contradictions]
    s["claims"] = s["claims"][:INLINE_CLAIMS]
    return s


def _cut(row: dict[str, Any], name: str) -> dict[str, Any]:
    """``row`` with list ``name`` cut to :data:`INLINE_ARTICLES` and ``{name}_total`` added."""
    items = row[name]
    return {**row, name: items[:INLINE_ARTICLES], f"{name}_total": len(items)}


@router.get(
    "/franchises/{franchise_id}/seasons/{season}/claims", summary="A season's claims with evidence"
)
def season_claims(
    request: Request,
    franchise_id: str,
    season: int = SEASON,
    type: str | None = Query(None, max_length=MAX_TEXT, description="renewal, release, ..."),
    status: str | None = Query(None, max_length=MAX_TEXT, description="confirmed, reported, ..."),
    attribution: str | None = Query(None, max_length=MAX_TEXT, description="official, leak, ..."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> Response:
    """Every article claim of the season, with its evidence sentence and article id."""
    report = data.season_report(_ctx(request), franchise_id, season)
    rows = data.season_claims(
        report, type_=type, status=status, attribution=attribution, limit=limit, offset=offset
    )
    return page(rows, "claims")


@router.get("/articles", summary="Stored articles, newest first")
def articles(
    request: Request,
    site: str | None = Query(None, max_length=MAX_TEXT, description="Site name."),
    since: str | None = Query(None, max_length=10, description="Published on or after."),
    until: str | None = Query(None, max_length=10, description="Published on or before."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> Response:
    """Article metadata (no text), filtered by site and published date (YYYY[-MM[-DD]])."""
    rows = data.article_list(
        _ctx(request), site=site, since=since, until=until, limit=limit, offset=offset
    )
    return page(rows, "articles")


@router.get("/articles/{article_id}", summary="One article with its claims and flags")
def article(request: Request, article_id: str) -> Response:
    """The article's text and metadata, its claims (with evidence offsets) and its flags."""
    view = data.article_view(_ctx(request), article_id)
    return envelope(
        article=view.article.to_dict(),
        claims=[
            {**c.to_dict(), "evidence_start": c.evidence_start, "evidence_end": c.evidence_end}
            for c in view.claims
        ],
        flags=[f.to_dict() for f in view.flags],
    )


@router.get("/sources", summary="Every site's reliability record")
def sources(request: Request, limit: int = LIMIT, offset: int = OFFSET) -> Response:
    """Site records with their score and every count behind it."""
    records = data.source_records(_ctx(request))
    p = data.Page(records[offset : offset + limit], len(records), limit, offset)
    return page(p, "sources")


@router.get("/sources/{site:path}", summary="One site's record and its articles")
def source(request: Request, site: str, limit: int = LIMIT, offset: int = OFFSET) -> Response:
    """The site's record and a page of its articles."""
    view = data.source_view(_ctx(request), site, limit=limit, offset=offset)
    p = view.articles
    nxt = p.offset + p.limit if p.offset + p.limit < p.total else None
    return envelope(
        source=view.record, articles=list(p.items), total=p.total, limit=limit,
        offset=offset, next_offset=nxt,
    )  # fmt: skip


@router.get("/search", summary="Find franchises by title")
def search(
    request: Request,
    q: str = Query(..., max_length=MAX_TEXT, description="A title, any script."),
    limit: int = Query(10, ge=1, le=50),
) -> Response:
    """Franchises whose titles match, and "did you mean" titles when none matched exactly."""
    result = data.search(_ctx(request), q, limit=limit)
    return envelope(query=result.query, hits=result.hits, suggestions=result.suggestions)


class IngestRequest(BaseModel):
    """An article record (``text`` or ``html``), or only a ``url`` to fetch."""

    id: str | None = Field(None, max_length=MAX_TEXT, description="The article's own id.")
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = Field(None, max_length=2000)
    site: str | None = None
    published: str | None = Field(None, max_length=40, description="YYYY[-MM[-DD]]")
    lang: str | None = Field(None, max_length=20)


@router.post(
    "/ingest",
    summary="Add an article (needs the bearer token)",
    responses={401: {"description": "missing or wrong token"}, 503: {"description": "no token"}},
)
def ingest(
    request: Request,
    payload: IngestRequest = Body(...),
    authorization: str | None = Header(None),
) -> Response:
    """Run the ingest pipeline on one article or URL; 401 without the token, 503 when none is set."""
    ctx = _ctx(request)
    allowed = token_matches(ctx.token, authorization)
    if allowed is None:
        raise HTTPException(503, "ingestion is disabled: set SEASONCHECK_TOKEN on the server")
    if not allowed:
        raise HTTPException(401, "missing or wrong bearer token", {"WWW-Authenticate": "Bearer"})
    outcome = data.ingest_payload(ctx, payload.model_dump())
    if outcome.errors and not (outcome.added or outcome.unchanged):
        return error_response(422, outcome.errors[0]["reason"], list(outcome.errors))
    return envelope(201 if outcome.added else 200, **dataclasses.asdict(outcome))
