"""Season markers in titles: `第2期`, `第二季`, `Season 2`, `2nd Season`, `II`, `Part 2`, `Final Season`.

``parse_markers(title)`` reads what a title says about its place in a franchise (season number,
split-cour part, final season, special/compilation) and returns the title's *stem*: the title
with those markers and brackets removed, which is what franchise grouping compares.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Kanji numerals as used in 第二季 / 第十期 (one or two characters cover every real title).
_KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_ROMAN = {"II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
# Season numbers above this are taken for something else ("Kaiju No. 8", "Season 2024").
MAX_SEASON = 30

_NUM = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_SEASON_PATTERNS = [
    re.compile(rf"第\s*{_NUM}\s*(?:期|季|シーズン|シリーズ)"),
    re.compile(r"\b(\d{1,2})\s*(?:st|nd|rd|th)\s*season\b", re.I),
    re.compile(r"\bseason\s*(\d{1,2})\b", re.I),
    re.compile(
        r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+season\b", re.I
    ),
    re.compile(r"(?:\s|\b)S(\d{1,2})$"),
    re.compile(r"\(\s*(\d{1,2})\s*\)$"),  # "MY HERO ACADEMIA(2)"
    re.compile(r"season\s*(\d{1,2})(?:\D|$)", re.I),  # "Season2" glued to a non-word char
]
# A Roman numeral right after the title word (CJK char, space or end), before a subtitle.
_ROMAN_PATTERN = re.compile(
    r"(?:(?<=[\u3040-\u30ff\u4e00-\u9fff])|(?<=\s))(II|III|IV|VI|VII|VIII|IX)(?=$|[\s~〜\-:(（])"
)
_PART_PATTERNS = [
    re.compile(rf"第\s*{_NUM}\s*(?:クール|部分|部)"),
    re.compile(r"\bpart\.?\s*(\d{1,2}|ii|iii)\b", re.I),
    re.compile(r"\b(\d)\s*(?:st|nd|rd|th)\s*(?:cour|クール)", re.I),
    re.compile(r"(\d)\s*(?:st|nd|rd|th)?\s*cour\b", re.I),
]
_PART_WORDS = [
    (re.compile(r"後半クール|後編|後半|\(?\b2nd half\b\)?", re.I), 2),
    (re.compile(r"前編|前半|\(?\b1st half\b\)?", re.I), 1),
]
_FINAL_PATTERN = re.compile(
    r"(?:\bthe\s+)?final\s+season|完結編|kanketsu[\s-]*hen|ファイナルシーズン|最终季|最終季", re.I
)
_SPECIAL_PATTERN = re.compile(
    r"総集編|総集篇|总集篇|總集篇|特別編集版|新編集版|特別編|特別篇|\bOVA\b|\bOAD\b|\brecap\b|"
    r"\bcompilation\b|director'?s\s*cut|劇場版|剧场版|\bthe movie\b|\bmovie\b|\bspecials?\b|映画",
    re.I,
)
# Cheap pre-check: a title without any of these cannot carry a marker (most translations).
_MAYBE_MARKER = re.compile(
    r"\d\s*(?:st|nd|rd|th)|\(\s*\d{1,2}\s*\)$|\bS\d{1,2}$|"
    r"第|season|part|cour|クール|final|完結|kanketsu|ファイナル|最[终終]|前編|後編|前半|後半|half|"
    r"総集|总集|總集|特別|新編集|\bova\b|\boad\b|recap|compilation|director|劇場版|剧场版|movie|special|映画|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth",
    re.I,
)
_ROMAN_ANY = re.compile(r"II|IV|VI|IX")
_BRACKETS = re.compile(r"[【】「」『』\[\]《》〈〉]")
_PAREN_EMPTY = re.compile(r"[(（]\s*[)）]")
_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_TRAIL = re.compile(r"[\s\-:~〜・,(（]+$")


@dataclass(frozen=True)
class Markers:
    """What a title says about itself: season number, part, final season, special."""

    season: int | None = None
    part: int | None = None
    final: bool = False
    special: bool = False
    stem: str = ""
    part_word: bool = False  # the part came from 前編/後編/後半クール, not a number


def normalise_spaces(text: str) -> str:
    """NFKC (full-width to ASCII, `Ⅱ` to `II`) and single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def _to_int(token: str) -> int | None:
    """'2', '二', '十二', 'second' or 'ii' as an int."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    low = token.lower()
    if low in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[low]
    if token.upper() in _ROMAN:
        return _ROMAN[token.upper()]
    if all(ch in _KANJI_DIGITS or ch == "十" for ch in token):
        if "十" not in token:
            return _KANJI_DIGITS.get(token) if len(token) == 1 else None
        tens, _, ones = token.partition("十")
        return _KANJI_DIGITS.get(tens, 1) * 10 + _KANJI_DIGITS.get(ones, 0)
    return None


def _find_number(patterns: list[re.Pattern[str]], text: str) -> tuple[int | None, str]:
    """The first pattern's number and the text with that marker removed."""
    for pat in patterns:
        m = pat.search(text)
        if m:
            n = _to_int(m.group(1))
            if n is not None and 0 < n <= MAX_SEASON:
                return n, text[: m.start()] + " " + text[m.end() :]
    return None, text


@lru_cache(maxsize=131072)
def parse_markers(title: str) -> Markers:
    """Season/part/final/special markers of one title, plus its stem.

    >>> parse_markers("【推しの子】(第2期)")
    Markers(season=2, part=None, final=False, special=False, stem='推しの子')
    """
    text = normalise_spaces(title)
    if not _MAYBE_MARKER.search(text) and not _ROMAN_ANY.search(text):
        return Markers(stem=title_stem(text))  # most titles: nothing to parse
    special = bool(_SPECIAL_PATTERN.search(text))
    final = bool(_FINAL_PATTERN.search(text))
    if final:
        text = _FINAL_PATTERN.sub(" ", text)
    season, text = _find_number(_SEASON_PATTERNS, text)
    part, text = _find_number(_PART_PATTERNS, text)
    part_word = False
    for pat, n in _PART_WORDS:
        if pat.search(text):
            part_word = part is None
            part, text = part or n, pat.sub(" ", text, count=1)
            break
    if season is None:
        m = _ROMAN_PATTERN.search(text)
        if m:
            season, text = _ROMAN[m.group(1)], text[: m.start()] + " " + text[m.end() :]
    if special:
        text = _SPECIAL_PATTERN.sub(" ", text)
    return Markers(season, part, final, special, title_stem(text), part_word)


def stem_of(title: str) -> str:
    """``parse_markers(title).stem``."""
    return parse_markers(title).stem


def title_stem(text: str) -> str:
    """A title without brackets, empty parentheses and trailing separators."""
    text = _BRACKETS.sub(" ", text)
    text = _PAREN_EMPTY.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return _TRAIL.sub("", text).strip()


def raw_title_key(title: str) -> str:
    """Comparison key: NFKC, case-folded, letters and digits only (`SPY×FAMILY` -> `spyfamily`)."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", title).casefold())


# Cached: grouping and title resolution ask for the same keys many times. One-pass users (the
# titles table) call raw_title_key so that 200,000 AOD synonyms do not churn this cache.
title_key = lru_cache(maxsize=131072)(raw_title_key)


def strip_brackets(title: str) -> str:
    """`【Oshi No Ko】` -> `Oshi No Ko`; other titles unchanged apart from spacing."""
    return _SPACES.sub(" ", _BRACKETS.sub(" ", title)).strip()
