"""A season's timeline as inline SVG: dated events on a time axis, each linking to its article."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from markupsafe import Markup, escape

from seasoncheck.verdict import TimelineEvent

# Drawing size in SVG units; the CSS scales it to the page width.
WIDTH = 720
HEIGHT = 120
MARGIN = 40
AXIS_Y = 60
# Two events closer than this (in SVG units) alternate their labels above and below the axis.
LABEL_GAP = 70
KIND_COLOUR = {
    "first_rumour": "#8a5a00",
    "first_official": "#1f5fa8",
    "first_date": "#1f5fa8",
    "date_change": "#a1307a",
    "date_refined": "#1f5fa8",
    "delay": "#a1307a",
}
KB_COLOUR = "#2e6b30"


def _day(value: str) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first day it can mean."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def _positions(days: Sequence[date]) -> list[float]:
    """x of each day on the axis (evenly spaced when all fall on one day)."""
    first, last = min(days), max(days)
    span = (last - first).days
    inner = WIDTH - 2 * MARGIN
    if span == 0:
        step = inner / max(len(days) - 1, 1)
        return [MARGIN + i * step if len(days) > 1 else WIDTH / 2 for i in range(len(days))]
    return [MARGIN + inner * (d - first).days / span for d in days]


def timeline_svg(events: Sequence[TimelineEvent], title: str) -> Markup:
    """Inline SVG of the dated events (undated ones are left to the list beside it)."""
    dated = [(e, d) for e in events if e.date and (d := _day(e.date))]
    if not dated:
        return Markup("")
    xs = _positions([d for _, d in dated])
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">{escape(title)}</title>',
        f'<line x1="{MARGIN}" y1="{AXIS_Y}" x2="{WIDTH - MARGIN}" y2="{AXIS_Y}" '
        'stroke="#555" stroke-width="2"/>',
    ]
    last_x, above = -float(LABEL_GAP), True
    for (event, _), x in zip(dated, xs, strict=True):
        above = not above if x - last_x < LABEL_GAP else True
        last_x = x
        parts.append(_event(event, x, above))
    parts.append("</svg>")
    return Markup("".join(parts))


def _event(event: TimelineEvent, x: float, above: bool) -> str:
    """One event: a dot, its date label and a tooltip, inside a link to its article if it has one."""
    colour = KB_COLOUR if event.kind.startswith("kb_") else KIND_COLOUR.get(event.kind, "#444")
    y_label = AXIS_Y - 16 if above else AXIS_Y + 28
    body = (
        f"<title>{escape(event.date)}: {escape(event.text)}</title>"
        f'<circle cx="{x:.1f}" cy="{AXIS_Y}" r="7" fill="{colour}"/>'
        f'<text x="{x:.1f}" y="{y_label}" text-anchor="middle" font-size="12" '
        f'fill="#222">{escape(event.date)}</text>'
    )
    if event.article_id:
        href = f"/article/{escape(event.article_id)}"
        return f'<a href="{href}" class="timeline-event">{body}</a>'
    return f'<g class="timeline-event">{body}</g>'
