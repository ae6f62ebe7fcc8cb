"""Scoring extracted claims against labelled articles (the rules of shared/tools/score_claims.py).

A prediction matches an unused gold claim of the same article with the same type and season,
a work among the gold aliases and the same value, all after normalisation. Precision, recall
and F1 overall and per type; status and attribution agreement over the matched pairs; flag
precision and recall.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

TYPES = ("renewal", "release", "delay", "studio", "streaming", "trailer")
_SEASON_MONTH = {"WINTER": "01", "SPRING": "04", "SUMMER": "07", "FALL": "10"}
_TITLE_STOP = frozenset({"the", "season", "anime", "tv", "series"})
_STUDIO_STOP = frozenset({"studio", "studios", "inc", "co", "ltd"})
_PUNCT = re.compile(r"[\[\]()【】「」『』\"'’`:;,.!?~\-–—_/|*]+")


def norm_title(title: str | None) -> str:
    """Case, punctuation, brackets and the words the/season/anime/tv/series dropped."""
    if not title:
        return ""
    s = _PUNCT.sub(" ", unicodedata.normalize("NFKC", title).lower())
    return " ".join(w for w in s.split() if w not in _TITLE_STOP)


def norm_value(ctype: str, value: Any) -> str | None:
    """A comparable value: anime seasons as their first month, zero-padded dates, bare studio names."""
    if value is None or not str(value).strip():
        return None
    v = str(value).strip()
    if ctype in ("release", "delay"):
        return _norm_date(v)
    if ctype == "studio":
        return " ".join(w for w in norm_title(v).split() if w not in _STUDIO_STOP)
    return norm_title(v)


def _norm_date(v: str) -> str:
    """'2024-summer' -> '2024-07', '2024-7-3' -> '2024-07-03'; anything else upper-cased."""
    v = v.upper().replace("AUTUMN", "FALL")
    m = re.fullmatch(r"(\d{4})-(WINTER|SPRING|SUMMER|FALL)", v)
    if m:
        return f"{m.group(1)}-{_SEASON_MONTH[m.group(2)]}"
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", v)
    if not m:
        return v
    y, mo, d = m.groups()
    return y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")


def season_key(season: Any) -> int | str | None:
    """Season as an int; None for null/empty; other strings kept as they are."""
    if season in (None, "", "null"):
        return None
    try:
        return int(season)
    except (TypeError, ValueError):
        return str(season)


@dataclass
class PRF:
    """Counts and the measures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when nothing was labelled."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """The whole result of one scoring run."""

    articles: int = 0
    overall: PRF = field(default_factory=PRF)
    by_type: dict[str, PRF] = field(default_factory=dict)
    status_agree: int = 0
    attribution_agree: int = 0
    matched: int = 0
    flags: PRF = field(default_factory=PRF)
    per_doc: dict[Any, PRF] = field(default_factory=dict)  # article id (as in the gold) -> counts
    unknown_docs: int = 0

    @property
    def status_agreement(self) -> float | None:
        """Share of matched pairs with the same status."""
        return self.status_agree / self.matched if self.matched else None

    @property
    def attribution_agreement(self) -> float | None:
        """Share of matched pairs with the same attribution."""
        return self.attribution_agree / self.matched if self.matched else None


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The labelled articles of a JSONL file (ValueError naming the line when one is not JSON)."""
    rows = []
    with path.open("rb") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(orjson.loads(line))
            except orjson.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
    return rows


def score(gold_rows: list[dict[str, Any]], pred_rows: list[dict[str, Any]]) -> Score:
    """Score predicted claim/flag records against labelled articles."""
    # Ids are compared as JSON gives them, as the reference does: gold 7 and pred "7" differ.
    gold = {g["id"]: g for g in gold_rows}
    preds: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    pflags: dict[Any, set[str]] = defaultdict(set)
    result = Score(articles=len(gold))
    for p in pred_rows:
        doc = p.get("doc_id")
        if doc not in gold:
            result.unknown_docs += 1
        elif "flag" in p:
            pflags[doc].add(p["flag"])
        else:
            preds[doc].append(p)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for doc, g in gold.items():
        result.per_doc[doc] = _score_doc(g, preds.get(doc, []), tp, fp, fn, result)
        gf, pf = set(g.get("flags") or []), pflags.get(doc, set())
        result.flags.tp += len(gf & pf)
        result.flags.fp += len(pf - gf)
        result.flags.fn += len(gf - pf)
    # The reference's order: the known types alphabetically, then any other type.
    types = sorted(set(tp) | set(fp) | set(fn), key=lambda t: (t not in TYPES, t))
    result.by_type = {t: PRF(tp[t], fp[t], fn[t]) for t in types}
    result.overall = PRF(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return result


def _score_doc(
    g: dict[str, Any],
    preds: list[dict[str, Any]],
    tp: Counter[str],
    fp: Counter[str],
    fn: Counter[str],
    result: Score,
) -> PRF:
    """Match one article's predictions greedily, in prediction order, against its gold claims."""
    aliases = {
        k: {norm_title(k)} | {norm_title(n) for n in names}
        for k, names in (g.get("aliases") or {}).items()
    }
    golds = list(g.get("claims") or [])
    used = [False] * len(golds)
    doc = PRF()
    for p in preds:
        i = _match(p, golds, used, aliases)
        if i is None:
            fp[str(p.get("type"))] += 1
            doc.fp += 1
            continue
        used[i] = True
        tp[p["type"]] += 1
        doc.tp += 1
        result.matched += 1
        result.status_agree += golds[i].get("status") == p.get("status")
        result.attribution_agree += golds[i].get("attribution") == p.get("attribution")
    for i, gc in enumerate(golds):
        if not used[i]:
            fn[gc["type"]] += 1
            doc.fn += 1
    return doc


def _match(
    p: dict[str, Any], golds: list[dict[str, Any]], used: list[bool], aliases: dict[str, set[str]]
) -> int | None:
    """Index of the first unused gold claim that ``p`` matches, or None."""
    ptype, pwork = p.get("type"), norm_title(p.get("work"))
    for i, gc in enumerate(golds):
        if (
            used[i]
            or gc["type"] != ptype
            or season_key(gc.get("season")) != season_key(p.get("season"))
        ):
            continue
        if pwork not in aliases.get(gc["work"], {norm_title(gc["work"])}):
            continue
        if norm_value(ptype, gc.get("value")) == norm_value(ptype, p.get("value")):
            return i
    return None


def format_report(s: Score, by_doc: bool = False) -> str:
    """The scorer's text table, digit for digit; the last line is always ``claims F1: X.XXX``.

    Measures are rounded to four decimals before three are printed, as the reference does:
    4/19 = 0.21053 prints 0.210 (via 0.2105), not 0.211.
    """
    lines = [
        f"articles: {s.articles}",
        f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}",
    ]
    for t, m in [*s.by_type.items(), ("all", s.overall)]:
        p, r, f1 = _round4(m.precision), _round4(m.recall), _round4(m.f1)
        lines.append(f"{t:<10} {p:>6.3f} {r:>6.3f} {f1:>6.3f} {m.tp:>4} {m.fp:>4} {m.fn:>4}")
    lines.append(f"status agreement on matched: {_round(s.status_agreement)}")
    lines.append(f"attribution agreement on matched: {_round(s.attribution_agreement)}")
    fl = s.flags
    lines.append(
        f"flags: P {_round4(fl.precision):.3f} R {_round4(fl.recall):.3f} "
        f"(tp {fl.tp} fp {fl.fp} fn {fl.fn})"
    )
    if s.unknown_docs:
        lines.append(f"predictions naming unknown articles: {s.unknown_docs}")
    if by_doc:
        lines.extend(f"  {d}: tp {m.tp} fp {m.fp} fn {m.fn}" for d, m in s.per_doc.items())
    lines.append(f"claims F1: {_round4(s.overall.f1):.3f}")
    return "\n".join(lines)


def _round4(v: float) -> float:
    """Four decimals, as the reference scorer keeps every measure."""
    return round(v, 4)


def _round(v: float | None) -> float | None:
    """Four decimals, or None (printed as ``None``) when there was nothing to measure."""
    return None if v is None else _round4(v)
