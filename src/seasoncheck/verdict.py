"""Verdicts: one state per season (unannounced ... released), a one-paragraph explanation and a timeline.

Two layers, each explainable on its own:

* ``news_state``: what the articles establish, from the consolidation alone
  (unannounced -> rumoured -> confirmed -> dated -> delayed);
* ``state``: the answer, where the knowledge base's air dates take over once a season has a
  first air date (dated in the future, airing, released), compared with ``today``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from seasoncheck.consolidate import (
    SCORE_EPS,
    SeasonConsolidation,
    SourcedClaim,
    TypeConsolidation,
    ValueSupport,
    chronological,
    claim_weight,
    date_span,
    describe_value,
    values_compatible,
)
from seasoncheck.kb.model import KBSeason

log = logging.getLogger(__name__)

STATES = ("unannounced", "rumoured", "confirmed", "dated", "delayed", "airing", "released")

# Confirmed-status backing (summed claim weights, near-duplicates once) a season needs before the
# articles count as confirming it: one official statement (1.0) or one named outlet (0.55) plus
# anything, or two independent flat statements (2 x 0.4). One flat "has been confirmed" from a
# single site (0.4) is not enough: the seeds show how often such sites repeat a rumour as fact.
CONFIRMED_MIN_WEIGHT = 0.6
# A season with a first air date and no last one is taken to air for this long (one cour of
# 12-13 weekly episodes) unless the KB gives its episode count.
ASSUMED_RUN_DAYS = 91
DAYS_PER_EPISODE = 7
# Claim types whose confirmed claims imply that the season exists.
EXISTENCE_TYPES = ("renewal", "release", "delay", "trailer", "studio", "streaming")


@dataclass(frozen=True)
class TimelineEvent:
    """One dated (or undated) step in a season's story, citing its article."""

    date: str | None  # the article's publication date or the KB date; None when unknown
    kind: str  # first_rumour | first_official | first_date | date_change | date_refined | delay | kb_*
    text: str
    article_id: str | None = None


@dataclass(frozen=True)
class Verdict:
    """The answer for one season: state, date at its granularity, explanation and timeline."""

    state: str
    news_state: str  # what the articles alone establish
    date: str | None  # the believed premiere date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SEASON)
    date_text: str | None  # the same for people: "3 July 2024", "Summer 2024"
    basis: str  # "knowledge base" | "articles" | "nothing"
    explanation: str
    timeline: tuple[TimelineEvent, ...] = ()
    ordered: bool = True  # False when undated articles make the order of some events unknown


# -- what the articles establish --------------------------------------------------------------------


def confirmed_weight(cons: SeasonConsolidation, types: Sequence[str] = EXISTENCE_TYPES) -> float:
    """Summed weight of confirmed, live claims of ``types``; each near-duplicate group counts once."""
    best: dict[str, float] = {}
    for t in types:
        tc = cons.types.get(t)
        if tc is None:
            continue
        for v in tc.values:
            for s in v.supports:
                if s.status == "confirmed" and s.effective > 0:
                    group = s.group or s.article_id
                    best[group] = max(best.get(group, 0.0), s.weight)
    return round(sum(best.values()), 6)


def news_state(cons: SeasonConsolidation) -> str:
    """The state the articles alone support: unannounced, rumoured, confirmed, dated or delayed."""
    if _renewal_denied(cons):
        return "unannounced"
    if _confirmed_value(cons.types.get("delay")) is not None or _delay_confirmed(cons):
        return "delayed"
    if _confirmed_value(cons.types.get("release")) is not None:
        return "dated"
    if confirmed_weight(cons) >= CONFIRMED_MIN_WEIGHT - SCORE_EPS:
        return "confirmed"
    if any(c.claim.status != "denied" for c in cons.claims):
        return "rumoured"
    return "unannounced"


def _renewal_denied(cons: SeasonConsolidation) -> bool:
    renewal = cons.types.get("renewal")
    others = any(t in cons.types for t in EXISTENCE_TYPES if t != "renewal")
    return (
        renewal is not None and not renewal.holds and renewal.values[0].against > 0 and not others
    )


def _confirmed_value(tc: TypeConsolidation | None) -> str | None:
    """The believed value when confirmed claims agreeing with it weigh enough, else None."""
    if tc is None or tc.believed is None:
        return None
    weight = 0.0
    for v in tc.values:
        if v.value is not None and values_compatible(tc.type, v.value, tc.believed):
            weight += _confirmed_score(v)
    return tc.believed if weight >= CONFIRMED_MIN_WEIGHT - SCORE_EPS else None


def _confirmed_score(v: ValueSupport) -> float:
    return sum(s.effective for s in v.supports if s.status == "confirmed")


def _delay_confirmed(cons: SeasonConsolidation) -> bool:
    tc = cons.types.get("delay")
    if tc is None:
        return False
    return sum(_confirmed_score(v) for v in tc.values) >= CONFIRMED_MIN_WEIGHT - SCORE_EPS


# -- with the knowledge base ------------------------------------------------------------------------


def kb_state(entry: KBSeason | None, today: date) -> str | None:
    """dated / airing / released from the KB's air dates relative to ``today``; None without a date."""
    if entry is None or not entry.first_aired:
        return None
    span = date_span(entry.first_aired)
    if span is None:
        return None
    if span.start > today:
        return "dated"
    return "released" if _run_end(entry, span.start) < today else "airing"


def _run_end(entry: KBSeason, start: date) -> date:
    """The last broadcast day: the KB's, else estimated from episodes, else one cour."""
    end = date_span(entry.last_aired) if entry.last_aired else None
    if end is not None:
        return end.end
    if entry.status == "finished":
        return start
    if entry.status == "airing":
        return date.max
    episodes = entry.episodes or 0
    days = (episodes - 1) * DAYS_PER_EPISODE if episodes > 0 else ASSUMED_RUN_DAYS
    return start + timedelta(days=days)


def decide_verdict(
    cons: SeasonConsolidation, entry: KBSeason | None, today: date, franchise_name: str = ""
) -> Verdict:
    """The verdict for one season from its consolidated claims, its KB entry and today's date.

    Example::

        v = decide_verdict(cons, kb.season("oshi-no-ko", 2), date(2024, 8, 1))
        v.state, v.date_text  # ('airing', '3 July 2024')
    """
    news = news_state(cons)
    from_kb = kb_state(entry, today)
    release = cons.types.get("release")
    delay = cons.types.get("delay")
    if from_kb is not None and entry is not None:
        state, when, basis = from_kb, entry.first_aired, "knowledge base"
        if from_kb == "dated" and news == "delayed":
            state = "delayed"
    else:
        state, basis = news, "articles" if cons.claims else "nothing"
        when = (delay.believed if delay and delay.believed else None) or (
            release.believed if release else None
        )
        if entry is not None and state in ("unannounced", "rumoured"):
            state, basis = "confirmed", "knowledge base"
    if state in ("unannounced", "rumoured", "confirmed") and from_kb is None:
        when = release.believed if release and state != "unannounced" else None
    timeline, ordered = build_timeline(cons, entry)
    name = franchise_name or cons.work
    explanation = explain(cons, entry, state, news, when, today, name, timeline)
    return Verdict(
        state=state,
        news_state=news,
        date=when,
        date_text=describe_value(when) if when else None,
        basis=basis,
        explanation=explanation,
        timeline=timeline,
        ordered=ordered,
    )


# -- timeline ---------------------------------------------------------------------------------------


def build_timeline(
    cons: SeasonConsolidation, entry: KBSeason | None
) -> tuple[tuple[TimelineEvent, ...], bool]:
    """First rumour, first official word, first date, each date change and delay, then the KB dates.

    Returns the events and whether their order is known (False when some articles are undated).
    """
    claims = chronological(cons.claims)
    events = _milestones(claims) + _date_changes(claims)
    if entry is not None and entry.first_aired:
        events.append(TimelineEvent(entry.first_aired, "kb_first_aired", "first aired (KB)"))
    if entry is not None and entry.last_aired:
        events.append(TimelineEvent(entry.last_aired, "kb_last_aired", "last episode aired (KB)"))
    position: dict[str, int] = {}
    for i, c in enumerate(claims):
        position.setdefault(c.article_id, i)
    # Dated events by date; undated ones after them, in ingestion order of their articles.
    events.sort(key=lambda e: (e.date is None, e.date or "", position.get(e.article_id or "", -1)))
    undated = any(e.date is None for e in events)
    dated = any(e.date is not None for e in events)
    return tuple(events), not (undated and (dated or len(events) > 1))


def _milestones(claims: Sequence[SourcedClaim]) -> list[TimelineEvent]:
    rumour = next((c for c in claims if _is_rumour(c)), None)
    official = next(
        (c for c in claims if c.claim.attribution == "official" and c.claim.status == "confirmed"),
        None,
    )
    dated = next((c for c in claims if c.claim.type == "release" and c.claim.value), None)
    out = []
    if rumour:
        kind = "a leak" if rumour.claim.attribution == "leak" else f"{rumour.claim.status}"
        out.append(_event(rumour, "first_rumour", f"first rumour ({kind}) in {rumour.label}"))
    if official:
        out.append(_event(official, "first_official", f"first official word, in {official.label}"))
    if dated:
        text = (
            f"first date: {describe_value(dated.claim.value)} "
            f"({dated.claim.status}, {dated.claim.attribution}) in {dated.label}"
        )
        out.append(_event(dated, "first_date", text))
    return out


def _is_rumour(c: SourcedClaim) -> bool:
    return c.claim.status != "denied" and (
        c.claim.attribution == "leak" or c.claim.status in ("reported", "speculated")
    )


def _date_changes(claims: Sequence[SourcedClaim]) -> list[TimelineEvent]:
    """Each time the date moves or narrows, and each delay claim.

    The date in force is the latest one given by a claim at least as strong as the one before
    (weights of :func:`claim_weight`): a leak's date can be replaced by an official one, but a
    leak after an official date is a contradiction, not a change. Guesses are left out.
    """
    current: SourcedClaim | None = None
    out = []
    for c in claims:
        t, v = c.claim.type, c.claim.value
        if t == "delay" and c.claim.status != "denied":
            new = f" to {describe_value(v)}" if v else ""
            out.append(_event(c, "delay", f"delay{new} ({c.claim.status}) in {c.label}"))
        if t not in ("release", "delay") or not v or c.claim.status in ("speculated", "denied"):
            continue
        if current is None:
            current = c
            continue
        if _weight(c) < _weight(current) - SCORE_EPS:
            continue
        was = current.claim.value
        if not values_compatible("release", was, v):
            text = f"date changed from {_dated(current)} to {_dated(c)} in {c.label}"
            out.append(_event(c, "date_change", text))
        elif _finer(v, was or ""):
            text = f"date narrowed from {_dated(current)} to {_dated(c)} in {c.label}"
            out.append(_event(c, "date_refined", text))
        else:
            continue
        current = c
    return out


def _weight(c: SourcedClaim) -> float:
    return claim_weight(c.claim.status, c.claim.attribution)


def _dated(c: SourcedClaim) -> str:
    """ "3 July 2024 (confirmed, official)"."""
    return f"{describe_value(c.claim.value)} ({c.claim.status}, {c.claim.attribution})"


def _finer(a: str, b: str) -> bool:
    sa, sb = date_span(a), date_span(b)
    return bool(sa and sb and sa.precision > sb.precision)


def _event(c: SourcedClaim, kind: str, text: str) -> TimelineEvent:
    return TimelineEvent(c.published, kind, text, c.article_id)


# -- explanation ------------------------------------------------------------------------------------

_STATE_SENTENCE = {
    "unannounced": "has not been announced",
    "rumoured": "is only rumoured",
    "confirmed": "is confirmed, with no premiere date yet",
    "dated": "is dated",
    "delayed": "has been delayed",
    "airing": "is airing",
    "released": "has been released",
}


def explain(
    cons: SeasonConsolidation,
    entry: KBSeason | None,
    state: str,
    news: str,
    when: str | None,
    today: date,
    name: str,
    timeline: Sequence[TimelineEvent],
) -> str:
    """One paragraph: the state and its basis, the articles that carry it, what contradicts it."""
    season = f"Season {cons.season}" if cons.season is not None else "The new installment"
    parts = [f"{season} of {name} {_STATE_SENTENCE[state]}" + _date_clause(state, when) + "."]
    if entry is not None and entry.first_aired:
        src = f" ({', '.join(entry.sources)})" if entry.sources else ""
        parts.append(
            f"The knowledge base{src} shows it first aired on {entry.first_aired}"
            + (f" and ended on {entry.last_aired}" if entry.last_aired else "")
            + f" (today is {today.isoformat()})."
        )
    if cons.claims:
        parts.append(_articles_sentence(cons, news, timeline))
    else:
        parts.append("No stored article makes a claim about it.")
    if cons.contradictions:
        parts.append(f"{len(cons.contradictions)} contradiction(s) between articles: see below.")
    return " ".join(parts)


def _date_clause(state: str, when: str | None) -> str:
    if not when:
        return ""
    if state in ("airing", "released"):
        return f" (premiered {describe_value(when)})"
    return f" for {describe_value(when)}"


def _articles_sentence(
    cons: SeasonConsolidation, news: str, timeline: Sequence[TimelineEvent]
) -> str:
    n = len({c.group for c in cons.claims})
    out = f"The {n} independent article(s) about it establish: {news}"
    official = next((e for e in timeline if e.kind == "first_official"), None)
    rumour = next((e for e in timeline if e.kind == "first_rumour"), None)
    if official:
        out += "; official word came " + official.text.removeprefix("first official word, ")
    if rumour:
        out += "; " + rumour.text
        if official and rumour.date and official.date and rumour.date < official.date:
            out += f", before the official word ({rumour.date} vs {official.date})"
    release = cons.types.get("release")
    if release and release.believed:
        out += f". Release: {release.reason}"
    return out + "."
