"""Dates in claim sentences: absolute, month, anime-season and relative forms, normalised.

Values follow the spec: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-WINTER|SPRING|SUMMER|FALL``.
Relative forms ("next year", "this October", "January 14") are resolved against the article's
``published`` date and give ``None`` when it is unknown.

Written by hand rather than with dateparser: ``dateparser.search_dates`` costs ~90 ms per 5 KB
article (the budget is 3.3 ms), finds "may" and "second" as dates, and knows nothing of anime
seasons; htmldate/trafilatura find a page's publication date, not dates in sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seasoncheck.claims import patterns as P

SEASON_START = {"WINTER": 1, "SPRING": 4, "SUMMER": 7, "FALL": 10}
_SEASON_WORD = {
    "winter": "WINTER",
    "spring": "SPRING",
    "summer": "SUMMER",
    "fall": "FALL",
    "autumn": "FALL",
}

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d-])"
_M = P.MONTH_RE
_M_LOW = r"(?P<month>january|february|april|june|july|august|september|october|november|december)"
_SEASONS = r"(?P<season>[Ww]inter|[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn)"
_QUAL = r"(?:(?:early|late|mid|end of|the end of|early in|later in)[\s-]+)?"
# Two options sharing one year: "spring or summer 2026", "April or May 2025" (the first gets the year).
_OR = r"\s+(?:or|and|to|through|into)\s+"
_SEASON_NOGROUP = r"(?:[Ww]inter|[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn)"
_SHARED_YEAR = rf",?\s+(?:of\s+)?{_YEAR}"

# Most specific first; the first pattern to claim a span wins.
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rx))
    for kind, rx in (
        ("mdy", rf"\b{_M}\s+{_DAY},?\s+{_YEAR}"),
        ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_M},?\s+{_YEAR}"),
        # a numeric date, year first, as Japanese and Chinese sites list a broadcast: "2027/10/07"
        (
            "ymd_num",
            # (the look-behind after the century: a pattern that opens with a look-behind is
            # tried at every offset, one that opens with "19"/"20" only where they occur)
            r"(?P<year>(?:19|20)(?<![\d/.]\d\d)\d\d)([/.])(?P<mon>[01]?\d)\2(?P<day>[0-3]?\d)(?!\d|[/.]\d)",
        ),
        ("ym_ja", r"(?P<year>(?:19|20)\d\d)年(?P<mon>\d{1,2})月(?:(?P<day>\d{1,2})日)?"),
        ("my", rf"\b{_QUAL}{_M},?\s+(?:of\s+)?{_YEAR}"),
        # a month written in lower case before a year (forum posts: "my money is on october 2027");
        # not "may" or "march", which are also verbs
        ("my_low", rf"\b{_QUAL}{_M_LOW}\s+(?:of\s+)?{_YEAR}"),
        ("sy", rf"\b{_QUAL}{_SEASONS}(?:\s+(?:season|anime season))?,?\s+(?:of\s+)?{_YEAR}"),
        ("ys", rf"\b{_YEAR}\s+{_SEASONS}\b"),
        ("s_or_sy", rf"\b{_QUAL}{_SEASONS}(?={_OR}{_QUAL}{_SEASON_NOGROUP}{_SHARED_YEAR})"),
        ("m_or_my", rf"\b{_QUAL}{_M}(?={_OR}{_QUAL}{_M.replace('?P<month>', '?:')}{_SHARED_YEAR})"),
        ("md", rf"\b{_M}\s+{_DAY}\b(?!\s*[:.]\d)"),
        ("dm", rf"\b{_DAY}\s+(?:of\s+)?{_M}"),
        ("rel_season", rf"\b(?P<rel>this|next|coming|last|past)\s+{_SEASONS}\b"),
        ("rel_month", rf"\b(?P<rel>this|next|coming|last|past)\s+{_M}"),
        (
            "rel_year",
            r"\b(?P<rel>next year|this year|later this year|later in the year|the new year|the coming year|the following year)\b",
        ),
        ("rel_years", r"\b(?:after|in|within)\s+(?P<n>two|three|2|3)\s+years\b"),
        ("m_ja", r"(?<![\d年])(?P<mon>\d{1,2})月"),
        ("y", rf"\b{_QUAL}{_YEAR}"),
        ("m", rf"\b{_QUAL}{_M}\b"),
    )
)


# Without a digit, a month, a season word or "year", a sentence holds no date: skip the patterns.
_DATE_HINT = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|winter|spring|summer|fall|autumn|year)"
)


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence: its span, normalised value (None if unresolved), precision."""

    start: int
    end: int
    value: str | None
    precision: int  # 1 year, 2 season/month, 3 day
    relative: bool  # resolved against `published` (or unresolvable without it)


def parse_published(published: str | None) -> tuple[int, int] | None:
    """(year, month) of a YYYY[-MM[-DD]] published value; month 0 when unknown; None if invalid."""
    if not published:
        return None
    m = re.fullmatch(r"((?:19|20)\d\d)(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published.strip())
    if not m:
        return None
    month = int(m.group(2) or 0)
    return (int(m.group(1)), month) if 0 <= month <= 12 else None


# What each pattern cannot match without: lets a sentence skip most of the 15 patterns.
_PATTERN_NEEDS: dict[str, frozenset[str]] = {
    "mdy": frozenset({"month", "year"}), "ymd_num": frozenset({"year"}), "dmy": frozenset({"month", "year"}), "ym_ja": frozenset({"ja"}),
    "my": frozenset({"month", "year"}), "my_low": frozenset({"monthword", "year"}), "sy": frozenset({"season", "year"}), "ys": frozenset({"season", "year"}),
    "s_or_sy": frozenset({"season", "year"}), "m_or_my": frozenset({"month", "year"}),
    "md": frozenset({"month"}), "dm": frozenset({"month"}), "rel_season": frozenset({"season"}),
    "rel_month": frozenset({"month"}), "rel_year": frozenset({"yearword"}), "rel_years": frozenset({"yearword"}),
    "m_ja": frozenset({"ja"}), "y": frozenset({"year"}), "m": frozenset({"month"}),
}  # fmt: skip
_MONTH_ANY = re.compile(P.MONTH_RE)
_YEAR_ANY = re.compile(r"(?:19|20)\d\d")
_SEASON_ANY = re.compile(r"winter|spring|summer|fall|autumn")


# The literals the month, season and hint words hold, looked up in the patterns' prefilter pass
# (one automaton pass a sentence, shared with every rule): a sentence without them skips the regex.
_MONTH_IDS = P.register_literals(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
)
_SEASON_IDS = P.register_literals(("winter", "spring", "summer", "fall", "autumn"))
_HINT_IDS = _MONTH_IDS | _SEASON_IDS | P.register_literals(("year",))
_DIGIT = re.compile(r"\d")


def _may_hold(ids: frozenset[str], present: frozenset[str] | None) -> bool:
    """False when the prefilter saw none of ``ids`` in the sentence (None: it could not look)."""
    return present is None or not ids.isdisjoint(present)


def _present_parts(
    sentence: str, low: str, present: frozenset[str] | None = None, digit: bool = True
) -> frozenset[str]:
    """Which kinds of date parts occur in the sentence (month names, years, season words...);
    ``present`` and ``digit`` (the prefilter's literals, whether a digit occurs) skip searches."""
    parts = set()
    if _may_hold(_MONTH_IDS, present):
        parts.add("monthword")  # a month's letters in any case (the lower-case pattern's gate)
        if _MONTH_ANY.search(sentence):
            parts.add("month")
    if digit and _YEAR_ANY.search(sentence):
        parts.add("year")
    if _may_hold(_SEASON_IDS, present) and _SEASON_ANY.search(low):
        parts.add("season")
    if "year" in low:
        parts.add("yearword")
    if "月" in sentence:
        parts.add("ja")
    return frozenset(parts)


def find_dates(sentence: str, published: tuple[int, int] | None) -> list[DateMention]:
    """Every date in ``sentence``, most specific reading of each span, in text order."""
    low = sentence.lower()
    digit = _DIGIT.search(low) is not None  # a digit is a hint by itself (and a year needs one)
    present = P.literals_in(sentence)
    if not digit and not (_may_hold(_HINT_IDS, present) and _DATE_HINT.search(low)):
        return []
    needs = _present_parts(sentence, low, present, digit)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _DATE_PATTERNS:
        if not _PATTERN_NEEDS[kind] <= needs:
            continue
        for m in rx.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _to_mention(kind, m, published)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def _to_mention(kind: str, m: re.Match[str], pub: tuple[int, int] | None) -> DateMention | None:
    """Normalise one regex match of pattern ``kind``."""
    g = m.groupdict()
    mon = P.month_number(g["month"]) if g.get("month") else int(g["mon"]) if g.get("mon") else 0
    day = int(g["day"]) if g.get("day") else 0
    if (g.get("mon") and not 1 <= mon <= 12) or day > 31:
        return None
    year = int(g["year"]) if g.get("year") else 0
    season = _SEASON_WORD[g["season"].lower()] if g.get("season") else None
    n_years = {"two": 2, "three": 3, "2": 2, "3": 3}.get(g.get("n") or "", 0)
    value, precision, relative = _value(kind, year, mon, day, season, g.get("rel"), pub, n_years)
    return DateMention(m.start(), m.end(), value, precision, relative)


def _value(
    kind: str,
    year: int,
    mon: int,
    day: int,
    season: str | None,
    rel: str | None,
    pub: tuple[int, int] | None,
    n_years: int = 0,
) -> tuple[str | None, int, bool]:
    """(value, precision, relative) for the parts of one match."""
    if kind in ("mdy", "dmy", "ymd_num") or (kind == "ym_ja" and day):
        return f"{year:04d}-{mon:02d}-{day:02d}", 3, False
    if kind in ("my", "my_low", "ym_ja", "m_or_my"):
        return f"{year:04d}-{mon:02d}", 2, False
    if kind in ("sy", "ys", "s_or_sy"):
        return f"{year:04d}-{season}", 2, False
    if kind == "y":
        return f"{year:04d}", 1, False
    if kind == "rel_year":
        return _resolve_year(rel or "", pub), 1, True
    if kind == "rel_years":
        return (f"{pub[0] + n_years:04d}" if pub else None), 1, True
    if kind == "rel_season" and season:
        month = SEASON_START[season]
        y = (
            _last_year_of(month, pub)
            if rel in _PAST_REL
            else _resolve_month_year(month, pub, nxt=rel == "next")
        )
        return (f"{y:04d}-{season}" if y else None), 2, True
    y = (
        _last_year_of(mon, pub)
        if rel in _PAST_REL
        else _resolve_month_year(mon, pub, nxt=rel == "next")
    )
    if kind in ("md", "dm"):
        return (f"{y:04d}-{mon:02d}-{day:02d}" if y else None), 3, True
    return (f"{y:04d}-{mon:02d}" if y else None), 2, True


def _resolve_year(rel: str, pub: tuple[int, int] | None) -> str | None:
    """'next year' -> published year + 1; 'this year' -> published year."""
    if pub is None:
        return None
    ahead = rel in ("next year", "the new year", "the coming year", "the following year")
    return f"{pub[0] + (1 if ahead else 0):04d}"


_PAST_REL = ("last", "past")


def _last_year_of(month: int, pub: tuple[int, int] | None) -> int | None:
    """The year of the latest ``month`` before publication: "last November" (None: unknown)."""
    if pub is None or pub[1] == 0:
        return None
    return pub[0] if month < pub[1] else pub[0] - 1


def _resolve_month_year(month: int, pub: tuple[int, int] | None, nxt: bool = False) -> int | None:
    """The year of the next ``month`` as seen from ``published`` (None when it is unknown).

    A month more than one month before publication is read as next year's: news about an
    upcoming season says "premieres in January" in October.
    """
    if pub is None:
        return None
    year, pmonth = pub
    if pmonth == 0:  # only the year is known
        return year
    if nxt and month <= pmonth:
        return year + 1
    return year + 1 if month < pmonth - 1 else year


def value_precision(value: str | None) -> int:
    """1 for YYYY, 2 for YYYY-MM / YYYY-SEASON, 3 for YYYY-MM-DD, 0 for None."""
    if not value:
        return 0
    return 1 + value.count("-") if value[5:6].isdigit() or len(value) == 4 else 2


def value_month(value: str) -> str:
    """YYYY-MM of a month, day or season value (a season counts as its first month)."""
    y, _, rest = value.partition("-")
    if rest.upper() in SEASON_START:
        return f"{y}-{SEASON_START[rest.upper()]:02d}"
    return value[:7]


def refines(specific: str, general: str) -> bool:
    """True when ``specific`` is a more precise form of ``general`` (2023-01-09 refines 2023-01)."""
    g_rest = general.partition("-")[2].upper()
    if g_rest in SEASON_START and value_precision(specific) >= 2:
        # a month or day inside the season's three months refines it: January 2025 and
        # February 3, 2025 both refine Winter 2025 (its line-up), April 2025 does not
        s_year, _, s_rest = specific.partition("-")
        if s_rest.upper() in SEASON_START or s_year != general[:4] or not s_rest[:2].isdigit():
            return False
        return 0 <= int(s_rest[:2]) - SEASON_START[g_rest] <= 2
    if value_precision(specific) <= value_precision(general):
        return False
    if value_precision(general) == 1:
        return specific[:4] == general
    return value_month(specific) == value_month(general)
