"""Exports: an ICS calendar of premieres, an Atom feed of verdict changes, claim dumps, ClaimReview JSON-LD.

Each export only formats data computed elsewhere (verdicts by :mod:`seasoncheck.report`, changes
by :mod:`seasoncheck.follow`, claims by :mod:`seasoncheck.store.queries`), so the web pages,
the JSON API and ``seasoncheck export`` all show the same thing.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from seasoncheck.consolidate import date_span, describe_value
from seasoncheck.kbcheck import CONTRADICTED, NOT_YET_KNOWN, SUPPORTED

if TYPE_CHECKING:
    from seasoncheck.consolidate import ArticleMeta, SourcedClaim
    from seasoncheck.follow import SeasonVerdict, VerdictChange
    from seasoncheck.kb.model import KnowledgeBase
    from seasoncheck.report import ClaimRow, Report, SeasonReport
    from seasoncheck.store import Store

log = logging.getLogger(__name__)

PRODID = "-//seasoncheck//anime premieres//EN"
UID_DOMAIN = "seasoncheck"
# The web app's season page (web/pages.py); works the KB does not know have no page, so their
# links go to the search page instead.
SEASON_PATH = "/franchise/{franchise_id}/season/{season}"
SEARCH_PATH = "/search?q={query}"
FEED_PATH = "/feeds/verdicts.atom"
# DateSpan precisions (consolidate.date_span): 3 day, 2 month, 1 anime season, 0 year.
DAY, MONTH, ANIME_SEASON = 3, 2, 1
# States whose date is the KB's air date or an officially confirmed one; any other state's date
# (a rumoured or merely reported one) goes into the calendar as tentative.
FIRM_STATES = frozenset({"dated", "delayed", "airing", "released"})
CLAIM_FIELDS = (
    "article_id",
    "doc_id",
    "work",
    "franchise_id",
    "kb_id",
    "season",
    "type",
    "value",
    "status",
    "attribution",
    "evidence",
    "article_title",
    "site",
    "url",
    "published",
)
# schema.org Rating scale for a claim's check: worst 1 (contradicted) to best 3 (supported).
RATING = {CONTRADICTED: 1, NOT_YET_KNOWN: 2, SUPPORTED: 3}


# -- calendar ---------------------------------------------------------------------------------------


def calendar_ics(
    store: Store, kb: KnowledgeBase, *, watch_only: bool = False, today: date | None = None
) -> bytes:
    """An iCalendar file with one all-day event per dated premiere (all claimed seasons, or watched).

    A day-precise date is an event on that day; a month (or anime season: Summer = July) is an
    event on the 1st marked ``STATUS:TENTATIVE``; a year-only date gives no event. Example::

        Path("premieres.ics").write_bytes(calendar_ics(store, kb, watch_only=True))
    """
    from seasoncheck.follow import claimed_seasons, season_verdicts, watched_keys

    keys = watched_keys(store, kb)
    if not watch_only:
        from seasoncheck.follow import SeasonKey

        keys |= {SeasonKey(s, n) for s, ns in claimed_seasons(store).items() for n in ns}
    return premieres_ics(season_verdicts(store, kb, keys, today))


def premieres_ics(verdicts: Sequence[SeasonVerdict], *, stamp: datetime | None = None) -> bytes:
    """The calendar of the given season verdicts (those without a day or month date are left out)."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Anime premieres (seasoncheck)")
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    for v in verdicts:
        event = premiere_event(v, stamp)
        if event is not None:
            cal.add_component(event)
    return bytes(cal.to_ical())


def premiere_event(v: SeasonVerdict, stamp: datetime) -> Any | None:
    """One all-day VEVENT for a season's premiere, or None when its date is coarser than a month."""
    from icalendar import Event

    r = v.report
    span = date_span(r.date)
    if span is None or span.precision < ANIME_SEASON:
        return None
    tentative = span.precision < DAY or r.state not in FIRM_STATES
    event = Event()
    event.add("uid", season_uid(v.key.subject, v.key.season))
    event.add("dtstamp", stamp)
    event.add("dtstart", span.start)
    event.add("dtend", span.start + timedelta(days=1))
    event.add("summary", f"{v.name} season {v.key.season} premiere" + _when_note(r, span.precision))
    event.add("description", f"Verdict: {r.state}. {r.explanation}")
    event.add("status", "TENTATIVE" if tentative else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    event.add("categories", ["anime", r.state])
    return event


def season_uid(subject: str, season: int) -> str:
    """A UID that stays the same for one (franchise, season) across exports and date changes."""
    return f"{quote(subject, safe='')}-season-{season}@{UID_DOMAIN}"


def _when_note(r: SeasonReport, precision: int) -> str:
    """ " (July 2026, day not announced)" for a month date; "" for a day."""
    if precision >= DAY:
        return ""
    return f" ({describe_value(r.date)}, day not announced)"


# -- Atom feed of verdict changes -------------------------------------------------------------------


def verdict_feed_atom(
    store: Store, base_url: str, *, watch_only: bool = False, limit: int = 100
) -> bytes:
    """An Atom feed (feedgen) of the latest verdict changes, newest first. Example::

    Path("verdicts.atom").write_bytes(verdict_feed_atom(store, "https://seasoncheck.example"))
    """
    from seasoncheck.follow import recent_changes

    return changes_atom(recent_changes(store, limit=limit, watch_only=watch_only), base_url)


def changes_atom(changes: Sequence[VerdictChange], base_url: str) -> bytes:
    """The Atom document for the given changes (newest first)."""
    from feedgen.feed import FeedGenerator

    base = base_url.rstrip("/")
    fg = FeedGenerator()
    fg.id(base + FEED_PATH)
    fg.title("seasoncheck: verdict changes")
    fg.subtitle("Anime seasons whose verdict (state or premiere date) changed.")
    fg.link(href=base + FEED_PATH, rel="self")
    fg.link(href=base + "/", rel="alternate")
    fg.language("en")
    fg.updated(_when(changes[0].at) if changes else datetime.now(UTC))
    for change in reversed(changes):  # feedgen puts each new entry first
        _add_entry(fg, change, base)
    return bytes(fg.atom_str(pretty=True))


def _add_entry(fg: Any, c: VerdictChange, base: str) -> None:
    entry = fg.add_entry()
    entry.id(f"{base}/changes/{c.id}")
    entry.title(change_title(c))
    entry.link(href=season_page_url(base, c.subject, c.name, c.season))
    entry.updated(_when(c.at))
    entry.published(_when(c.at))
    entry.summary(c.explanation or change_title(c))
    entry.category(term=c.new_state)


def change_title(c: VerdictChange) -> str:
    """ "Oshi no Ko season 3: rumoured → dated (January 2026)"."""
    old = c.old_state or "first verdict"
    when = f" ({c.date_text})" if c.date_text else ""
    moved = (
        f", date was {describe_value(c.old_date)}" if c.old_date and c.old_date != c.date else ""
    )
    return f"{c.name} season {c.season}: {old} → {c.new_state}{when}{moved}"


def _when(iso: str) -> datetime:
    when = datetime.fromisoformat(iso)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def season_page_url(base_url: str, subject: str, name: str, season: int) -> str:
    """The web page of a season (the search page for a work the KB does not know)."""
    from seasoncheck.follow import WORK_PREFIX

    base = base_url.rstrip("/")
    if subject.startswith(WORK_PREFIX):
        return base + SEARCH_PATH.format(query=quote(name))
    return base + SEASON_PATH.format(franchise_id=quote(subject, safe=""), season=season)


# -- claim dumps ------------------------------------------------------------------------------------


def claims_json(
    store: Store,
    kb: KnowledgeBase | None = None,
    *,
    franchise: str | None = None,
    season: int | None = None,
) -> list[dict[str, Any]]:
    """Every stored claim (or a franchise's, optionally one season's) with its article's metadata.

    ``franchise`` is a title resolved as the report resolves it (needs ``kb``). Raises
    :class:`seasoncheck.report.UnknownFranchise`.
    """
    return [claim_record(c) for c in _claims(store, kb, franchise, season)]


def iter_claims_csv(
    store: Store,
    kb: KnowledgeBase | None = None,
    *,
    franchise: str | None = None,
    season: int | None = None,
) -> Iterator[str]:
    """The claims as CSV, one chunk per row (header first), for a streaming response."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CLAIM_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    yield _drain(buf)
    for c in _claims(store, kb, franchise, season):
        writer.writerow(claim_record(c))
        yield _drain(buf)


def claims_csv(
    store: Store,
    kb: KnowledgeBase | None = None,
    *,
    franchise: str | None = None,
    season: int | None = None,
) -> str:
    """The claims as one CSV text (RFC 4180: CRLF line ends, quoted where needed)."""
    return "".join(iter_claims_csv(store, kb, franchise=franchise, season=season))


def _drain(buf: io.StringIO) -> str:
    text = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return text


def _claims(
    store: Store, kb: KnowledgeBase | None, franchise: str | None, season: int | None
) -> list[SourcedClaim]:
    from seasoncheck.store import queries

    if franchise is None:
        rows = queries.all_claims(store)
        return [c for c in rows if season is None or c.claim.season == season]
    from seasoncheck.kb.loader import load_kb
    from seasoncheck.report import resolve_subject

    kb = kb or load_kb(store)
    subject = resolve_subject(kb, franchise, [w for w, _, _ in queries.stored_works(store)])
    fid = subject.franchise.id if subject.franchise else None
    return queries.claims_for_franchise(store, fid, subject.works, season)


def claim_record(c: SourcedClaim) -> dict[str, Any]:
    """One claim as a flat record (the CSV row and the JSON object share these keys)."""
    k = c.claim
    return {
        "article_id": c.article_id,
        "doc_id": k.doc_id,
        "work": k.work,
        "franchise_id": k.franchise_id,
        "kb_id": k.kb_id,
        "season": k.season,
        "type": k.type,
        "value": k.value,
        "status": k.status,
        "attribution": k.attribution,
        "evidence": k.evidence,
        "article_title": c.title,
        "site": c.site,
        "url": c.url,
        "published": c.published,
    }


# -- schema.org ClaimReview -------------------------------------------------------------------------


def claim_review_jsonld(
    store: Store, report: Report, season: SeasonReport, base_url: str
) -> list[dict[str, Any]]:
    """One schema.org ``ClaimReview`` per article claim of a season, for search engines.

    The rating is the claim's knowledge-base check (supported / contradicted / not yet known);
    its explanation gives the season's verdict. Embed with :func:`jsonld_script`. Example::

        report = build_report(store, kb, "Oshi no Ko", season=3)
        items = claim_review_jsonld(store, report, report.seasons[0], "https://example.org")
    """
    from seasoncheck.follow import WORK_PREFIX
    from seasoncheck.store.queries import article_metas

    subject = report.franchise_id or WORK_PREFIX + report.franchise
    url = season_page_url(base_url, subject, report.franchise, season.season or 0)
    metas = {m.id: m for m in article_metas(store, {r.article_id for r in season.claims})}
    reviewer = {"@type": "Organization", "name": "seasoncheck", "url": base_url.rstrip("/") + "/"}
    return [
        _claim_review(report, season, row, metas.get(row.article_id), url, reviewer)
        for row in season.claims
    ]


def _claim_review(
    report: Report,
    s: SeasonReport,
    row: ClaimRow,
    meta: ArticleMeta | None,
    url: str,
    reviewer: dict[str, Any],
) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(row, meta)}
    if row.site:
        item["author"] = {"@type": "Organization", "name": row.site}
    if row.published:
        item["datePublished"] = row.published
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim_text(report.franchise, s.season, row),
        "itemReviewed": item,
        "author": reviewer,
        "datePublished": report.today,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING.get(row.kb, RATING[NOT_YET_KNOWN]),
            "bestRating": RATING[SUPPORTED],
            "worstRating": RATING[CONTRADICTED],
            "alternateName": row.kb,
            "ratingExplanation": _rating_explanation(row, s),
        },
    }


def _appearance(row: ClaimRow, meta: ArticleMeta | None) -> dict[str, Any]:
    """The article the claim appeared in, as a schema.org NewsArticle."""
    out: dict[str, Any] = {"@type": "NewsArticle", "headline": (meta and meta.title) or row.article}
    if meta is not None and meta.url:
        out["url"] = meta.url
    if row.published:
        out["datePublished"] = row.published
    return out


def _rating_explanation(row: ClaimRow, s: SeasonReport) -> str:
    kb = f"Knowledge base: {row.kb}" + (f" ({row.kb_fact})" if row.kb_fact else "") + "."
    when = f" ({s.date_text})" if s.date_text else ""
    return f"{kb} Season verdict: {s.state}{when}. {s.explanation}"


_CLAIM_SENTENCE = {
    "renewal": "{name} season {n} is coming",
    "release": "{name} season {n} premieres in {value}",
    "delay": "{name} season {n} is delayed{to}",
    "studio": "{name} season {n} is animated by {value}",
    "streaming": "{name} season {n} streams on {value}",
    "trailer": "{name} season {n} has a trailer",
}
# What a denial asserts: the same claim, negated.
_DENIED_SENTENCE = {
    "renewal": "{name} season {n} is not coming",
    "release": "{name} season {n} does not premiere in {value}",
    "delay": "{name} season {n} is not delayed{to}",
    "studio": "{name} season {n} is not animated by {value}",
    "streaming": "{name} season {n} does not stream on {value}",
    "trailer": "{name} season {n} has no trailer",
}


def claim_text(name: str, season: int | None, row: ClaimRow) -> str:
    """The claim as a sentence: "Oshi no Ko season 3 premieres in January 2026 (confirmed, official)"."""
    value = row.value_text if row.value is not None else "an unspecified date"
    to = f" to {row.value_text}" if row.value is not None else ""
    patterns = _DENIED_SENTENCE if row.status == "denied" else _CLAIM_SENTENCE
    pattern = patterns.get(row.type, "{name} season {n}: {type} {value}")
    text = pattern.format(name=name, n=season, value=value, to=to, type=row.type)
    return f"{text} ({row.status}, {row.attribution})"


def jsonld_script(items: Sequence[dict[str, Any]]) -> str:
    """JSON-LD text safe inside ``<script type="application/ld+json">`` (no ``</script>`` break-out)."""
    import orjson

    text = orjson.dumps(list(items)).decode()
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
