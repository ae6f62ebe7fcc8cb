"""Renderers of a :class:`~seasoncheck.report.Report`: JSON, Markdown and a Rich terminal view.

They only format the frozen report that :func:`seasoncheck.report.build_report` computed
(datasette's "one data function, many renderers"); nothing here reads the store or the KB.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from seasoncheck.reliability import SiteRecord
from seasoncheck.report import Report, SeasonReport

if TYPE_CHECKING:
    from rich.console import Console


def render_json(report: Report) -> str:
    """The report as indented JSON, keys in schema order (orjson serialises the dataclasses)."""
    import orjson

    return orjson.dumps(report, option=orjson.OPT_INDENT_2).decode()


def render_markdown(report: Report) -> str:
    """The report as Markdown: a section per season, then flagged articles and sources."""
    out = [f"# {report.franchise}", ""]
    out += [f"> {n}" for n in report.notes]
    if report.kb_seasons:
        out += [
            "",
            "## Knowledge base",
            "",
            "| season | title | first aired | episodes | studios |",
        ]
        out += ["| --- | --- | --- | --- | --- |"]
        out += [
            f"| {k.season or k.kind} | {_md(k.title)} | {k.first_aired or '?'} | "
            f"{k.episodes or '?'} | {', '.join(k.studios) or '?'} |"
            for k in report.kb_seasons
        ]
    for s in report.seasons:
        out += _md_season(s)
    if report.flagged:
        out += ["", "## Flagged articles", ""]
        for a in report.flagged:
            for f in a.flags:
                quote = f" — “{_md(f.evidence)}”" if f.evidence else ""
                out.append(f"- **{f.flag}** in {_md(a.article)}: {_md(f.detail)}{quote}")
    out += _md_sources(report.sources)
    out += ["", f"_Generated {report.today}. " + " ".join(report.attribution) + "_"]
    return "\n".join(out) + "\n"


def _md_season(s: SeasonReport) -> list[str]:
    head = f"**{s.state}**" + (f" ({s.date_text})" if s.date_text else "")
    out = ["", f"## Season {s.season}: {head}", "", s.explanation]
    if s.types:
        out += ["", "| type | believed | KB | why |", "| --- | --- | --- | --- |"]
    for t in s.types:
        shown = t.believed_text or ("yes" if t.holds else "no")
        out.append(f"| {t.type} | {_md(shown)} | {t.kb} | {_md(t.reason)} |")
    if s.timeline:
        out += [
            "",
            "### Timeline" + ("" if s.timeline_ordered else " (undated articles: order unknown)"),
        ]
        out += [f"- {e.date or 'date unknown'}: {_md(e.text)}" for e in s.timeline]
    if s.contradictions:
        out += ["", "### Contradictions"]
        out += [
            f"- {c.type}: {_md(c.value_a)} vs {_md(c.value_b)}" + (f" ({c.note})" if c.note else "")
            for c in s.contradictions
        ]
    if not s.claims:
        return out
    out += ["", "### Claims", "", "| article | type | value | status | attribution | KB |"]
    out += ["| --- | --- | --- | --- | --- | --- |"]
    out += [
        f"| {_md(c.article)} | {c.type} | {_md(c.value_text)} | {c.status} | {c.attribution} | {c.kb} |"
        for c in s.claims
    ]
    return out


def _md_sources(sources: Sequence[SiteRecord]) -> list[str]:
    if not sources:
        return []
    out = [
        "",
        "## Sources",
        "",
        "| site | score | articles | supported | contradicted | flags | speculated |",
    ]
    out += ["| --- | --- | --- | --- | --- | --- | --- |"]
    out += [
        f"| {r.site} | {r.score} | {r.articles} | {r.supported} | {r.contradicted} | "
        f"{r.headline_unsupported + r.factual_errors} | {r.speculated}/{r.claims} |"
        for r in sources
    ]
    return out


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# The terminal view lists at most this many flags; JSON and Markdown list them all.
TEXT_MAX_FLAGS = 30
_STATE_STYLE = {
    "unannounced": "dim",
    "rumoured": "yellow",
    "confirmed": "cyan",
    "dated": "green",
    "delayed": "magenta",
    "airing": "bold green",
    "released": "bold blue",
}


def render_rich(report: Report, console: Console) -> None:
    """Print the report with Rich: a panel per season, then tables of flags and sources."""
    from rich.panel import Panel

    console.print(
        f"[bold]{report.franchise}[/]  ·  {report.articles} article(s)  ·  {report.today}"
    )
    for n in report.notes:
        console.print(f"[yellow]{n}[/]", highlight=False)
    if report.kb_seasons:
        console.print(_kb_table(report))
    for s in report.seasons:
        style = _STATE_STYLE.get(s.state, "")
        title = f"Season {s.season}: [{style}]{s.state}[/]" + (
            f" — {s.date_text}" if s.date_text else ""
        )
        console.print(Panel(s.explanation, title=title, title_align="left"))
        _print_types(s, console)
        _print_timeline(s, console)
        for c in s.contradictions:
            note = f" ({c.note})" if c.note else ""
            console.print(
                f"  [red]contradiction[/] {c.type}: {c.value_a} vs {c.value_b}{note}",
                highlight=False,
            )
    if report.flagged:
        _print_flags(report, console)
    if report.sources:
        console.print(sources_table(report.sources))


def _kb_table(report: Report) -> Any:
    from rich.table import Table

    table = Table(
        title="Knowledge base", title_justify="left", box=None, header_style="bold underline"
    )
    for col in ("season", "title", "first aired", "last aired", "episodes", "studios", "source"):
        table.add_column(col, overflow="fold")
    for k in report.kb_seasons:
        table.add_row(
            str(k.season) if k.season is not None else k.kind,
            k.title,
            k.first_aired or "",
            k.last_aired or "",
            str(k.episodes or ""),
            ", ".join(k.studios),
            ", ".join(k.sources),
        )
    return table


def _print_types(s: SeasonReport, console: Console) -> None:
    """One line per claim type: believed value, KB check, why; then the other values."""
    for t in s.types:
        shown = t.believed_text or ("yes" if t.holds else "no")
        console.print(
            f"  [bold]{t.type:<9}[/] {shown}  {_kb_style(t.kb)}  [dim]{t.reason}[/]",
            highlight=False,
        )
        if t.type in ("renewal", "trailer"):
            continue
        for v in t.values:
            if v.value != t.believed:
                n = len(v.articles)
                console.print(
                    f"  {'':<9} [dim]also:[/] {v.value_text} ({n} article{'s' if n != 1 else ''}, "
                    f"weight {v.score:.2f})  {_kb_style(v.kb)}",
                    highlight=False,
                )


def _kb_style(result: str) -> str:
    colour = {"supported": "green", "contradicted": "red"}.get(result, "dim")
    return f"[{colour}]{result}[/]"


def _print_timeline(s: SeasonReport, console: Console) -> None:
    if not s.timeline:
        return
    suffix = "" if s.timeline_ordered else " [dim](undated articles: order unknown)[/]"
    console.print(f"  [bold]timeline[/]{suffix}")
    for e in s.timeline:
        console.print(f"    {e.date or '[dim]date unknown[/]'}  {e.text}", highlight=False)


def _print_flags(report: Report, console: Console) -> None:
    """Each flagged article with its flags, their details and sentences (at most TEXT_MAX_FLAGS)."""
    console.print("[bold]Flagged articles[/]")
    shown = 0
    for a in report.flagged:
        if shown >= TEXT_MAX_FLAGS:
            break
        console.print(f"  • {a.article}", highlight=False)
        for f in a.flags[: TEXT_MAX_FLAGS - shown]:
            console.print(f"      [yellow]{f.flag}[/]: {f.detail}", highlight=False)
            if f.evidence:
                console.print(f"        [dim]“{f.evidence}”[/]", highlight=False)
            shown += 1
    total = sum(len(a.flags) for a in report.flagged)
    if total > shown:
        console.print(f"  … and {total - shown} more flags: see --format md or json")


SOURCES_CAPTION = (
    "arts: articles; right/wrong: claims later supported/contradicted by the KB or a later "
    "official statement; open: not yet known; headl.: unsupported headlines; errors: factual "
    "errors; guess: share of speculation. score = 100 × accuracy × flag factor × speculation "
    "factor (the formula is in --format json)"
)


def sources_table(records: Sequence[SiteRecord]) -> Any:
    """A Rich table of site records and its legend: score and every count behind it (80 columns)."""
    from rich.table import Table

    table = Table(
        title="Sources",
        title_justify="left",
        box=None,
        header_style="bold underline",
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column("site", overflow="fold")
    for col in ("score", "arts", "claims", "right", "wrong", "open", "headl.", "errors", "guess"):
        table.add_column(col, justify="right", no_wrap=True, min_width=len(col))
    for r in records:
        table.add_row(
            r.site,
            str(r.score),
            str(r.articles),
            str(r.claims),
            str(r.supported),
            str(r.contradicted),
            str(r.not_yet_known),
            str(r.headline_unsupported),
            str(r.factual_errors),
            f"{r.speculation_share:.0%}",
        )
    from rich.console import Group
    from rich.text import Text

    return Group(table, Text(SOURCES_CAPTION, style="dim"))
