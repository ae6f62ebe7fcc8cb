"""Claims of Japanese articles: renewals, premiere dates, studios, promo videos and services.

Japanese news is written without spaces, so the word-boundary rules of ``foreign`` do not apply:
these rules read the fixed phrases of Japanese anime news (「第2期制作決定」, 「放送は2027年春を予定」,
「アニメーション制作は…が担当」, 「ティザーPVが公開」) within one sentence (cut at 「。」). The
status and attribution come from the whole line, where an announcement's channel is often named in
the next sentence (「…のステージで発表された」).
"""

from __future__ import annotations

import re
from functools import cache

from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import Source

Finding = tuple[int | None, str, str | None, Source]  # season key, type, value, source

_SEASON_NUMBER = re.compile(r"第\s*(\d{1,2})\s*(?:期|シーズン|クール)|(\d{1,2})期(?!生)")
# An installment without a number: a new series, a film, a final chapter.
_UNNUMBERED = re.compile(r"新作|新シリーズ|完全新作|劇場版|映画|新プロジェクト|続編")
_RENEWAL = re.compile(
    r"制作(?:が|も)?決定|製作(?:が|も)?決定|放送(?:が|も)?決定|続編|第\s*\d{1,2}\s*(?:期|シーズン)|新作(?:TV)?アニメ"
)
_RENEWAL_WORD = re.compile(
    r"制作(?:が|も)?決定|製作(?:が|も)?決定|放送(?:が|も)?決定|続編|新作(?:TV)?アニメ"
)
_SEASON_WORD = {"春": "SPRING", "夏": "SUMMER", "秋": "FALL", "冬": "WINTER"}
_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d\d)年|(?P<rel>来年|今年|年内))"
    r"(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?|(?P<s>[春夏秋冬]))?"
)
# A date tied to the broadcast: 「放送は2027年春を予定」, 「2027年4月より放送開始」, 「2027年春放送」.
# (A channel may stand between: 「10月からフジテレビで放送」.)
_BROADCAST_AFTER = re.compile(
    r"(?:頃)?(?:より|から|に|の)?\s*(?:[^\s。、]{1,12}?で)?(?:TV)?(?:放送|配信|公開|上映|スタート)"
)
_BROADCAST_BEFORE = re.compile(r"(?:放送|配信|公開|上映)(?:開始|時期)?(?:は|が)\s*$")
_DELAY = re.compile(r"延期")
_STUDIO_WORK = re.compile(r"アニメーション制作|アニメ制作|制作スタジオ|制作を担当|が担当|が制作")
_TRAILER = re.compile(r"PV|ＰＶ|ティザー|予告|トレーラー|キービジュアル|ビジュアル|特報")
_TRAILER_OUT = re.compile(r"公開|解禁|発表|お披露目|披露")
# 「…されていない」「未定」: nothing is claimed.
_ABSENT = re.compile(r"(?:され|し)ていない|未定|未発表|明らかになっていない|発表はない|予定はない")
_HISTORY_VERB = re.compile(r"(?:放送|公開|配信|上映)(?:され|し)(?:た|ている)")
# A sentence that ends on a past broadcast (「第2期はCrunchyrollで配信された。」) tells history
# (a past 「公開された」 is left out: a trailer released is news).
# 「第1期・第2期に続き」: the new season follows the first, the sentence is not about it.
_FOLLOWING = re.compile(
    r"第\s*\d{1,2}\s*期(?:\s*[・、と]\s*第?\s*\d{1,2}\s*期)*\s*(?:に続き|に続いて|から引き続き)"
)
_AIRED_END = re.compile(r"(?:放送|配信|上映)(?:され|し)た[。．]?\s*$")
_OFFICIAL = re.compile(
    r"公式(?:サイト|ホームページ|HP|X|Ｘ|ツイッター|Twitter|アカウント|YouTube)|発表|ステージ|イベント|製作委員会|告知"
)
_MEDIA = re.compile(r"によると|が報じ|報道|情報元")
# A weekly magazine or tabloid as the source: its claims are reported, not confirmed.
_TABLOID = re.compile(r"週刊誌|タブロイド|週刊[^\s、。]{0,8}(?:が報じ|によると|が情報元)")
_LEAK = re.compile(r"リーク|噂|関係者によれば|関係者によると")
_HEDGE = re.compile(r"かもしれない|見込み|可能性|予想|とみられ|らしい|だろう")


def _latin_names(names: tuple[str, ...]) -> re.Pattern[str]:
    """Listed names (and their capitals) between non-Latin characters: Japanese text runs the
    name into the kana around it (「引き続きSILVER LINK.が担当」), so ``\\b`` cannot mark it."""
    forms = sorted({f for n in names for f in (n, n.upper())}, key=len, reverse=True)
    return re.compile(
        r"(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, forms)) + r")(?![A-Za-z0-9+])"
    )


@cache
def _names(kind: str) -> re.Pattern[str]:
    """The studio or service names, compiled on first use (12 ms: not at import)."""
    return _latin_names(P.STUDIOS if kind == "studio" else P.SERVICES)


def sentences_of(line: str) -> list[str]:
    """The sentences of one line, cut after 「。」「！」 (a headline's 「！」 ends a clause too)."""
    return [s for s in re.split(r"(?<=[。！!？?])", line) if s.strip()]


def _is_history(text: str, pub: tuple[int, int] | None) -> bool:
    """True for a sentence about earlier installments: a year before publication with a past verb,
    or the first season named."""
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)年", text)]
    old = pub is not None and any(y < pub[0] for y in years)
    return (
        (old and bool(_HISTORY_VERB.search(text)))
        or ("第1期" in text and not _FOLLOWING.search(text))
        or bool(_AIRED_END.search(text))
    )


def target_of(lines: list[str], pub: tuple[int, int] | None) -> int | None:
    """The season the article announces: the highest number named outside history sentences, or
    None for a new series or film named without one."""
    best: int | None = None
    for line in lines:
        for s in sentences_of(line):
            if _is_history(s, pub):
                continue
            for m in _SEASON_NUMBER.finditer(s):
                n = int(m.group(1) or m.group(2))
                best = max(best or 0, n)
    return best


def source_of(line: str) -> Source:
    """Status and attribution from the line's channel, hedges and reports."""
    hedged = bool(_HEDGE.search(line))
    if _LEAK.search(line):
        return Source("reported", "leak")
    if _TABLOID.search(line):
        return Source("reported", "media")
    if _MEDIA.search(line):
        return Source("reported" if hedged else "confirmed", "media")
    if _OFFICIAL.search(line):
        return Source("speculated", "none") if hedged else Source("confirmed", "official")
    return Source("speculated", "none") if hedged else Source()


def _date_value(m: re.Match[str], pub: tuple[int, int] | None) -> str | None:
    """「2027年春」 -> 2027-SPRING, 「2027年4月」 -> 2027-04, 「来年」 -> publication year + 1,
    「年内」 -> publication year. (A month without a year is not read: in Japanese news it is
    often a rumoured slot, told before its source.)"""
    if m.group("y"):
        year: int | None = int(m.group("y"))
    elif pub is None:
        return None
    else:
        year = pub[0] + (1 if m.group("rel") == "来年" else 0)
    if m.group("s"):
        return f"{year}-{_SEASON_WORD[m.group('s')]}"
    if m.group("m"):
        day = f"-{int(m.group('d')):02d}" if m.group("d") else ""
        return f"{year}-{int(m.group('m')):02d}{day}"
    return f"{year}"


def _broadcast_dates(text: str, pub: tuple[int, int] | None) -> list[str | None]:
    """Dates the sentence gives the broadcast (not the dates of events or announcements)."""
    out: list[str | None] = []
    for m in _DATE.finditer(text):
        if _BROADCAST_AFTER.match(text, m.end()) or _BROADCAST_BEFORE.search(text, 0, m.start()):
            value = _date_value(m, pub)
            if value is None or pub is None or value[:4] >= f"{pub[0]}":
                out.append(value)
    return out


def line_findings(line: str, target: int | None, pub: tuple[int, int] | None) -> list[Finding]:
    """The claims of one line of a Japanese article."""
    src = source_of(line)
    out: list[Finding] = []
    named: tuple[int | None, ...] = ()
    for s in sentences_of(line):
        if s.rstrip().endswith(("？", "?")) or _is_history(s, pub) or _ABSENT.search(s):
            continue
        follows = [m.span() for m in _FOLLOWING.finditer(s)]  # the seasons the new one follows
        numbers = [
            int(m.group(1) or m.group(2))
            for m in _SEASON_NUMBER.finditer(s)
            if not any(a <= m.start() < b for a, b in follows)
        ]
        # a sentence naming no installment is about the one the line's previous sentence named
        keys: tuple[int | None, ...] = tuple(dict.fromkeys(numbers)) or (
            (None,) if _UNNUMBERED.search(s) else named or (target,)
        )
        named = keys
        if _RENEWAL.search(s):
            # 「第2期では…、第3期では…」: season numbers alone make the highest one the new season
            only_numbers = len(numbers) > 1 and not _RENEWAL_WORD.search(s)
            out += [(k, "renewal", None, src) for k in ((max(numbers),) if only_numbers else keys)]
        dates = _broadcast_dates(s, pub)
        kind = "delay" if _DELAY.search(s) else "release"
        types = tuple(dict.fromkeys((kind, "release")))
        out += [(k, t, v, src) for k in keys for v in dates for t in types]
        if _TRAILER.search(s) and _TRAILER_OUT.search(s):
            out += [(k, "trailer", None, src) for k in keys]
        if _STUDIO_WORK.search(s):
            names = dict.fromkeys(_studio(m.group()) for m in _names("studio").finditer(s))
            out += [(k, "studio", n, src) for k in keys for n in names]
        if "配信" in s:
            names = dict.fromkeys(
                m.group()
                for m in _names("service").finditer(s)
                # "第2期はCrunchyrollで配信された": where an earlier season streamed
                if not _HISTORY_VERB.search(s, m.end(), m.end() + 8)
            )
            out += [(k, "streaming", n, src) for k in keys for n in names]
    return out


def _studio(name: str) -> str:
    """A listed studio's usual spelling ("SILVER LINK" -> "Silver Link")."""
    for known in P.STUDIOS:
        if known.upper() == name.upper().rstrip("."):
            return known
    return name
