"""Linker evaluation: precision/recall of (work, season) pairs per article of a labelled set.

    python benchmarks/eval_link.py [--gold ../shared/eval/dev.jsonl] [--kb demo|none|PATH]...
                                   [--by-doc] [--small]

Gold pairs of an article: the distinct (work, season) of its labelled claims. Predicted pairs,
in three modes, all reported:

- ``mentions``: the distinct (work, season) of every season reference and season-specific
  title the linker returns (text and headline), plus its main subject. A bare title mention
  ("Oshi no Ko" with no season) is a franchise mention, not a (work, None) claim, and is not
  counted. History ("the first season aired in 2023") is a mention by design (the claim
  extractor decides it is history), so precision here counts every past season as an error:
  read it as the share of pairs that are labelled claims, recall as "the linker found it".
- ``mentions-no-history``: the same without the earlier seasons of a gold work, so that
  precision counts wrong works and wrong numbers only.
- ``focus``: ``LinkResult.focus``, the installments the linker says the article is about
  (subject, seasons named in the headline, a film announced beside the season).

A predicted work matches a gold work when any of its names (the mention's work and surface,
and every KB title of its franchise) normalises, as the claim scorer does, to one of the gold
aliases. ``--kb`` (repeatable): ``demo`` (the bundled demo KB), ``none`` (an empty KB: open
world only) or a bangumi-data ``data.json`` path; default: demo and none.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link import Linker, LinkResult

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "dev.jsonl"
STOP = {"the", "season", "anime", "tv", "series"}


def norm_title(s: str | None) -> str:
    """The claim scorer's title normalisation (shared/tools/score_claims.py)."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[\[\]()【】「」『』\"'’`:;,.!?~\-–—_/|*]+", " ", s)
    return " ".join(w for w in s.split() if w not in STOP)


@dataclass
class DocScore:
    """One article's pairs."""

    doc_id: str
    gold: set[tuple[str, int | None]]
    predicted: set[tuple[str, int | None]]

    @property
    def hits(self) -> int:
        """Predicted pairs that are gold pairs."""
        return len(self.gold & self.predicted)


def predicted_pairs(
    res: LinkResult, kb: KnowledgeBase, aliases: dict[str, list[str]], mode: str
) -> set[tuple[str, int | None]]:
    """The article's predicted (work, season) pairs, works named by gold key when they match.

    ``mode`` "mentions": every season reference and season title plus the subject;
    "focus": the installments the linker says the article is about (``LinkResult.focus``).
    """
    alias_norm = {
        w: {norm_title(a) for a in names} | {norm_title(w)} for w, names in aliases.items()
    }
    pairs = set()
    rows = [(s.work, s.work, s.franchise_id, s.season) for s in res.focus]
    if mode == "mentions":
        items = [
            m for m in (*res.mentions, *res.title_mentions) if m.kind == "season_ref" or m.season
        ]
        rows += [(m.work, m.surface, m.franchise_id, m.season) for m in items]
    for work, surface, fid, season in rows:
        names = {work, surface}
        franchise = kb.franchise(fid) if fid else None
        if franchise:
            names |= {franchise.name, *franchise.titles}
        normed = {norm_title(n) for n in names}
        gold_work = next((w for w, al in alias_norm.items() if normed & al), None)
        pairs.add((gold_work or "?" + (fid or norm_title(work)), season))
    return pairs


def _is_history(pair: tuple[str, int | None], gold: set[tuple[str, int | None]]) -> bool:
    """True for an earlier season of a gold work ("the first season aired in 2023")."""
    work, season = pair
    later = [s for w, s in gold if w == work and s is not None]
    return season is not None and bool(later) and season < max(later)


def load_kb_arg(arg: str) -> KnowledgeBase:
    """The KB named on the command line: demo, none, or a bangumi-data file."""
    if arg == "none":
        return KnowledgeBase()
    if arg == "demo":
        from seasoncheck.kb.loader import load_kb

        return load_kb()
    from seasoncheck.kb.bangumi import parse_bangumi
    from seasoncheck.kb.build import build_kb

    return build_kb(parse_bangumi(Path(arg).read_bytes(), origin=arg))


def evaluate(
    gold_path: Path, kb: KnowledgeBase, mode: str, limit: int | None = None
) -> list[DocScore]:
    """Score the linker on every labelled article of ``gold_path``."""
    linker = Linker(kb)
    scores = []
    with gold_path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            rec = json.loads(line)
            res = linker.analyse(rec["text"] or "", rec.get("title"))
            gold = {(c["work"], c["season"]) for c in rec["claims"]}
            pred = predicted_pairs(res, kb, rec.get("aliases") or {}, mode.split("-")[0])
            if mode == "mentions-no-history":
                pred = {p for p in pred if p in gold or not _is_history(p, gold)}
            scores.append(DocScore(rec["id"], gold, pred))
    return scores


def report(scores: list[DocScore], label: str, by_doc: bool) -> dict[str, float]:
    """Print micro and macro precision/recall and return them."""
    hits = sum(s.hits for s in scores)
    n_pred = sum(len(s.predicted) for s in scores)
    n_gold = sum(len(s.gold) for s in scores)
    out = {
        "micro_precision": hits / n_pred if n_pred else 0.0,
        "micro_recall": hits / n_gold if n_gold else 0.0,
        "macro_precision": sum(s.hits / len(s.predicted) if s.predicted else 0.0 for s in scores)
        / len(scores),
        "macro_recall": sum(s.hits / len(s.gold) if s.gold else 1.0 for s in scores) / len(scores),
    }
    if by_doc:
        for s in scores:
            if s.gold != s.predicted:
                print(f"  {s.doc_id}: missed {sorted(s.gold - s.predicted, key=str)} "
                      f"extra {sorted(s.predicted - s.gold, key=str)}")  # fmt: skip
    print(f"{label}: articles {len(scores)}, gold pairs {n_gold}, predicted {n_pred}, hits {hits}")
    print("  precision micro {micro_precision:.3f} macro {macro_precision:.3f}; "
          "recall micro {micro_recall:.3f} macro {macro_recall:.3f}".format(**out))  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation with the KBs named on the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--kb", action="append", help="demo, none or a bangumi-data data.json")
    ap.add_argument("--by-doc", action="store_true", help="list each article's misses")
    ap.add_argument("--small", action="store_true", help="first 10 articles only (CI smoke run)")
    args = ap.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: gold file not found: {args.gold}", file=sys.stderr)
        return 2
    for kb_arg in args.kb or ["demo", "none"]:
        t0 = time.perf_counter()
        kb = load_kb_arg(kb_arg)
        for mode in ("mentions", "mentions-no-history", "focus"):
            scores = evaluate(args.gold, kb, mode, 10 if args.small else None)
            label = f"KB {kb_arg} ({len(kb.franchises)} franchises), {mode}"
            report(scores, label, args.by_doc)
        print(f"  {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
