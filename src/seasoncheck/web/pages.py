"""Server-rendered HTML pages (Jinja2, no JavaScript): home, search, franchise, season, source,
article, and the API reference at ``/docs``.

Each handler calls one function of :mod:`seasoncheck.web.data` and hands its models to a template.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import replace
from pathlib import Path as FsPath
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from seasoncheck.web import data
from seasoncheck.web.api import MAX_LIMIT, MAX_OFFSET, MAX_SEASON, MAX_TEXT
from seasoncheck.web.cached import CachedBody, cached_body, send_cached
from seasoncheck.web.svg import timeline_svg

log = logging.getLogger(__name__)

TEMPLATES = FsPath(__file__).parent / "templates"
router = APIRouter(default_response_class=HTMLResponse)

# Evidence quotes per season page. At 10,000 articles a season can have ~600 claims, and the
# whole list made a 1.9 MB page (benchmarks/bench_web.py); 100 is a long but readable page.
EVIDENCE_PAGE = 100
# Article links per side of a contradiction on the season page (the API lists them all); at
# 10,000 articles the full lists were 115 KB of a 317 KB page.
CONTRADICTION_ARTICLES = 3
# Contradictions listed on the season page. Real seasons have a handful; the benchmark's random
# dates make 190 pairs for one season, which no reader wants on one page.
CONTRADICTIONS_SHOWN = 20
# Verdict states and the badge class that colours them (see static/style.css).
STATE_BADGE = {
    "unannounced": "badge-muted",
    "rumoured": "badge-warn",
    "confirmed": "badge-info",
    "dated": "badge-good",
    "delayed": "badge-alert",
    "airing": "badge-good",
    "released": "badge-done",
}


def make_env() -> Environment:
    """The Jinja2 environment: autoescaping on for every template, helpers as globals."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        state_badge=STATE_BADGE,
        url_part=url_part,
        safe_url=safe_url,
        contra_articles=CONTRADICTION_ARTICLES,
        contra_max=CONTRADICTIONS_SHOWN,
    )
    return env


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None (no ``javascript:`` links from stored articles)."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def url_part(value: str) -> str:
    """A value quoted for one path segment of a link."""
    return quote(value, safe="")


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A response with the rendered template."""
    return HTMLResponse(render_html(request, name, **context), status_code=status)


def render_html(request: Request, name: str, **context: Any) -> str:
    """Render a template with the request in its context."""
    env: Environment = request.app.state.jinja
    return env.get_template(name).render(request=request, **context)


def _ctx(request: Request) -> data.WebContext:
    return request.app.state.ctx  # type: ignore[no-any-return]


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    """Seasons whose story moved most recently, and a search box."""
    return render(request, "home.html", seasons=data.recent_seasons(_ctx(request)))


@router.get("/search", include_in_schema=False)
def search_page(request: Request, q: str = Query("", max_length=MAX_TEXT)) -> Response:
    """Search results with "did you mean" suggestions."""
    return render(request, "search.html", result=data.search(_ctx(request), q), query=q)


@router.get("/franchise/{franchise_id}", include_in_schema=False)
def franchise_page(request: Request, franchise_id: str) -> Response:
    """Every season of a franchise with its verdict badge."""
    return render(
        request, "franchise.html", report=data.franchise_report(_ctx(request), franchise_id)
    )


@router.get("/franchise/{franchise_id}/season/{season}", include_in_schema=False)
async def season_page(
    request: Request,
    franchise_id: str,
    season: int = Path(..., ge=0, le=MAX_SEASON),
    evidence: int = Query(0, ge=0, le=MAX_OFFSET, description="Evidence items to skip."),
) -> Response:
    """One season: verdict, date, explanation, timeline, evidence, contradictions, flags."""
    ctx = _ctx(request)
    # The base URL is part of the key: the page's ClaimReview JSON-LD carries absolute links.
    key = ("page-season", franchise_id, season, evidence, str(request.base_url))
    entry = await ctx.cached_async(
        key, lambda: _season_html(request, ctx, franchise_id, season, evidence)
    )
    return send_cached(request, entry)


def _season_html(
    request: Request, ctx: data.WebContext, franchise_id: str, season: int, skip: int
) -> CachedBody:
    """The season page's HTML (one page of evidence), rendered and encoded once per store change."""
    report = data.season_report(ctx, franchise_id, season)
    s = report.seasons[0]
    shown = data.season_claims(report, limit=EVIDENCE_PAGE, offset=skip)
    svg = timeline_svg(s.timeline, f"Timeline of {report.franchise} season {s.season}")
    labels = {c.article_id: c.article for c in s.claims}
    jsonld = claim_review_jsonld(request, ctx, report, replace(s, claims=tuple(shown.items)))
    html = render_html(
        request, "season.html", report=report, s=s, svg=svg, labels=labels, jsonld=jsonld,
        shown=shown,
    )  # fmt: skip
    return cached_body(html, "text/html; charset=utf-8")


def claim_review_jsonld(
    request: Request, ctx: data.WebContext, report: Any, season: Any
) -> Markup | None:
    """schema.org ClaimReview items of the season for search engines, or None without exports.

    Embedded as ``<script type="application/ld+json">``: a data block browsers never run, so
    the CSP (no inline scripts) still holds; ``jsonld_script`` escapes ``<``, ``>`` and ``&``.
    """
    if importlib.util.find_spec("seasoncheck.exports") is None:
        return None
    from seasoncheck.exports import claim_review_jsonld as items
    from seasoncheck.exports import jsonld_script

    base = str(request.base_url).rstrip("/")
    reviews = items(ctx.store, report, season, base)
    return Markup(jsonld_script(reviews)) if reviews else None


@router.get("/source/{site:path}", include_in_schema=False)
def source_page(
    request: Request,
    site: str,
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> Response:
    """A site's record, how its score is computed, and its articles."""
    view = data.source_view(_ctx(request), site, limit=limit, offset=offset)
    return render(request, "source.html", view=view)


@router.get("/article/{article_id}", include_in_schema=False)
def article_page(request: Request, article_id: str) -> Response:
    """An article's text with its claims' evidence marked, its claims and flags."""
    return render(request, "article.html", view=data.article_view(_ctx(request), article_id))


@router.get("/docs", include_in_schema=False)
def docs_page(request: Request) -> Response:
    """The API reference, rendered from the OpenAPI schema (``/openapi.json``) without scripts."""
    schema = request.app.openapi()
    return render(request, "docs.html", schema=schema, operations=_operations(schema))


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """(method, path, summary, description, parameters) of every API operation, in path order."""
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": op.get("parameters", []),
                    "body": "requestBody" in op,
                }
            )
    return out
