"""Synthetic corpus: N articles from templates and the KB, with gold claims and planted near-duplicates.

For scale tests and the benchmarks, not for judging the extractor (the dev set is for that).
Every article names a KB franchise and its next season and makes one to three claims from
templates whose gold labels are known (written in the dev set's label format); the rest of
the text is varied filler from word lists, plus each site's boilerplate footer. A share of the
articles are rewrites of a recent article (a few words replaced) whose word-3-shingle Jaccard
with the original is computed exactly and kept >= ``MIN_DUP_JACCARD``. Streamed: memory stays
constant whatever N (a rewrite picks its original from the last ``RECENT`` articles).

Example::

    write_corpus(10_000, Path("synth.jsonl"), seed=1)  # + synth.gold.jsonl, synth.pairs.jsonl
"""

from __future__ import annotations

import logging
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from seasoncheck.kb.model import Franchise, KnowledgeBase

log = logging.getLogger(__name__)

DUP_RATE = 0.1  # share of articles that are rewrites of a recent one
MIN_DUP_JACCARD = 0.8  # planted near-duplicates are at least this similar (exact, 3-word shingles)
RECENT = 500  # originals a rewrite can copy: bounds memory
SITES = ("animebeat.example", "seasonwatch.example", "otakudaily.example", "cour-news.example")
MONTHS = ("January", "April", "July", "October")

CLAIM_TEMPLATES: tuple[tuple[str, str, str, str], ...] = (
    # (type, status, attribution, sentence); {title} {n} {studio} {month} {year} {day}
    ("renewal", "confirmed", "official",
     "The official website of {title} announced that season {n} is in production."),
    ("release", "confirmed", "official",
     "The production committee confirmed that {title} season {n} premieres on {month} {day}, {year}."),
    ("studio", "confirmed", "official",
     "{studio} returns to animate {title} season {n}, the official account announced."),
    ("renewal", "reported", "leak",
     "According to a well-known leaker on X, a season {n} of {title} is already in production."),
    ("trailer", "confirmed", "official",
     "A first teaser trailer for {title} season {n} was released on the official YouTube channel."),
)  # fmt: skip
NAMES = ("Mika", "Ren", "Sora", "Yuki", "Haru", "Aoi", "Kenji", "Nami", "Taro", "Emi", "Rio", "Kai")
ADJECTIVES = (
    "quiet", "bright", "tense", "gentle", "bold", "careful", "vivid", "slow", "sharp", "warm",
    "strange", "lively", "clever", "moody", "crisp", "grand", "subtle", "rough", "tender", "fierce",
)  # fmt: skip
NOUNS = (
    "soundtrack", "opening", "finale", "pacing", "art style", "voice cast", "fight scene", "ending",
    "colour palette", "storyboard", "cliffhanger", "flashback", "side story", "villain", "rivalry",
    "background art", "comedy", "romance", "training arc", "tournament", "festival", "school trip",
)  # fmt: skip
VERBS = (
    "praised",
    "debated",
    "rewatched",
    "compared",
    "remembered",
    "discussed",
    "ranked",
    "quoted",
)
FILLER_WORDS = (
    *ADJECTIVES, *NOUNS, *VERBS, *NAMES, "the", "a", "of", "and", "in", "with", "after",
    "before", "episode", "chapter", "volume", "fans", "viewers", "readers", "scene", "moment",
    "again", "still", "never", "always", "maybe", "really", "quite", "very", "more", "less",
    "music", "colour", "light", "rain", "night", "morning", "city", "village", "sea", "sky",
    "train", "letter", "promise", "dream", "memory", "friend", "sister", "brother", "teacher",
)  # fmt: skip
FOOTER = (
    "Follow {site} for more anime news. Sign up for our newsletter and never miss an "
    "announcement. Comments are moderated; be kind to each other."
)


@dataclass(frozen=True)
class Planted:
    """A planted near-duplicate pair and its exact shingle Jaccard."""

    original: str
    copy: str
    jaccard: float


def pick_franchises(kb: KnowledgeBase) -> list[Franchise]:
    """KB franchises with an ASCII name and at least one numbered season, sorted by id."""
    out = [
        f
        for f in kb.franchises.values()
        if f.name.isascii()
        and f.name[:1].isupper()
        and len(f.name) > 3
        and any(s.number for s in f.seasons)
    ]
    return sorted(out, key=lambda f: f.id)


def synth_articles(
    n: int, seed: int = 0, kb: KnowledgeBase | None = None
) -> Iterator[tuple[dict[str, Any], Planted | None]]:
    """Yield ``n`` records in the dev set's format (input fields + gold), with planted pairs."""
    if kb is None:
        from seasoncheck.kb.loader import load_kb

        kb = load_kb()
    rng = random.Random(seed)
    franchises = pick_franchises(kb)
    recent: deque[dict[str, Any]] = deque(maxlen=RECENT)
    for i in range(n):
        doc_id = f"s{i:07d}"
        if recent and rng.random() < DUP_RATE:
            record, planted = rewrite(rng.choice(list(recent)), doc_id, rng)
            yield record, planted
            continue
        record = original_article(doc_id, rng.choice(franchises), rng)
        recent.append(record)
        yield record, None


def original_article(doc_id: str, franchise: Franchise, rng: random.Random) -> dict[str, Any]:
    """One article about the next season of ``franchise`` with its gold claims."""
    n = max(s.number or 0 for s in franchise.seasons) + 1
    studio = franchise.studios[0] if franchise.studios else "Studio Kumo"
    year, month, day = rng.randint(2025, 2028), rng.choice(MONTHS), rng.randint(1, 28)
    slots = {"title": franchise.name, "n": n, "studio": studio, "month": month, "year": year}
    slots["day"] = day
    chosen = rng.sample(CLAIM_TEMPLATES, rng.randint(1, 3))
    claim_sentences = [t[3].format(**slots) for t in chosen]
    filler = [_filler(rng) for _ in range(rng.randint(10, 16))]
    site = rng.choice(SITES)
    body = [claim_sentences[0], *filler[:4], *claim_sentences[1:], *filler[4:]]
    text = " ".join(body) + "\n\n" + FOOTER.format(site=site)
    value = {"release": f"{year}-{MONTHS.index(month) * 3 + 1:02d}-{day:02d}", "studio": studio}
    claims = [
        {"work": franchise.name, "season": n, "type": t[0], "value": value.get(t[0]),
         "status": t[1], "attribution": t[2], "evidence": s}
        for t, s in zip(chosen, claim_sentences, strict=True)
    ]  # fmt: skip
    return {
        "id": doc_id,
        "url": f"https://{site}/news/{doc_id}",
        "site": site,
        "lang": "en",
        "published": f"{year - 1}-12-{rng.randint(1, 28):02d}",
        "title": f"{franchise.name} season {n}: what we know",
        "text": text,
        "aliases": {franchise.name: list(dict.fromkeys((franchise.name, *franchise.titles)))[:8]},
        "claims": claims,
        "flags": [],
    }


def _filler(rng: random.Random) -> str:
    """One sentence of chatter with no claim in it: random words, so that two articles share
    almost no word 3-grams (templated filler made unrelated articles Jaccard ~0.2 apart, and
    the LSH's candidate pairs grew with N squared; real articles on one story reach ~0.04)."""
    pick = rng.choice
    words = [pick(FILLER_WORDS) for _ in range(7 + int(rng.random() * 8))]
    return f"{pick(NAMES)} {' '.join(words)}."


def rewrite(
    original: dict[str, Any], doc_id: str, rng: random.Random
) -> tuple[dict[str, Any], Planted]:
    """A copy of ``original`` with a few filler words replaced, at exact Jaccard >= the minimum."""
    evidence = [c["evidence"] for c in original["claims"]]
    for edits in (4, 3, 2, 1):
        text = _replace_words(original["text"], evidence, edits, rng)
        j = shingle_jaccard(original["text"], text)
        if j >= MIN_DUP_JACCARD and text != original["text"]:
            break
    record = {**original, "id": doc_id, "url": f"{original['url']}-copy-{doc_id}", "text": text}
    return record, Planted(original["id"], doc_id, round(j, 4))


def _replace_words(text: str, keep: list[str], edits: int, rng: random.Random) -> str:
    """Swap ``edits`` adjectives outside the claim sentences for other adjectives."""
    words = text.split(" ")
    protected = {w for s in keep for w in s.split(" ")}
    spots = [i for i, w in enumerate(words) if w in ADJECTIVES and w not in protected]
    for i in rng.sample(spots, min(edits, len(spots))):
        words[i] = rng.choice([a for a in ADJECTIVES if a != words[i]])
    return " ".join(words)


def shingle_jaccard(a: str, b: str) -> float:
    """Exact Jaccard of two texts' word-shingle sets, with the dedup stage's shingling."""
    from seasoncheck.dedup import shingles

    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


@dataclass
class CorpusReport:
    """What ``write_corpus`` wrote."""

    articles: int = 0
    claims: int = 0
    planted_pairs: int = 0


INPUT_FIELDS = ("id", "url", "site", "lang", "published", "title", "text")
GOLD_FIELDS = ("id", "aliases", "claims", "flags")


def write_corpus(n: int, path: Path, seed: int = 0) -> CorpusReport:
    """Write ``path`` (articles, JSONL), ``<stem>.gold.jsonl`` and ``<stem>.pairs.jsonl``."""
    report = CorpusReport()
    gold_path, pairs_path = companion_paths(path)
    with path.open("wb") as art, gold_path.open("wb") as gold, pairs_path.open("wb") as pairs:
        for record, planted in synth_articles(n, seed):
            art.write(orjson.dumps({k: record[k] for k in INPUT_FIELDS}) + b"\n")
            gold.write(orjson.dumps({k: record[k] for k in GOLD_FIELDS}) + b"\n")
            report.articles += 1
            report.claims += len(record["claims"])
            if planted:
                pairs.write(orjson.dumps(planted.__dict__) + b"\n")
                report.planted_pairs += 1
    return report


def companion_paths(path: Path) -> tuple[Path, Path]:
    """The gold-claims and planted-pairs files written next to a corpus file."""
    stem = path.name.removesuffix(".jsonl")
    return path.with_name(f"{stem}.gold.jsonl"), path.with_name(f"{stem}.pairs.jsonl")
