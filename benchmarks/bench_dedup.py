"""Benchmark: near-duplicate grouping, datasketch vs rensa vs seasoncheck's DedupIndex, on a synthetic set.

The set is generated here (seeded, no outside data): "stories" (a franchise's season news) each
told by several independent articles built from a pool of sentence templates filled with the same
facts, so two articles on one story share names, dates and many words; then, for each article,
near-duplicates: a rewrite (a few words swapped for synonyms, a sentence dropped or added, two
sentences swapped) and a syndicated copy (a new header and footer, a word or two changed).

- positives: (article, its rewrite), (article, its syndicated copy): must share a group;
- negatives: two different articles of the same story: must not.

Part 1 prints exact Jaccard similarities of word n-gram shingles, for n = 1..5, to choose the
shingle size and threshold. Part 2 groups the whole set with each library and prints speed,
recall on positives and false pairs on negatives.

    python benchmarks/bench_dedup.py            # 400 stories x 3 articles x 3 versions = 3,600 texts
    python benchmarks/bench_dedup.py --small    # 60 stories (CI smoke run)
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from seasoncheck.dedup import NUM_PERM, SHINGLE_WORDS, DedupIndex, shingles

TITLES = [
    "Moonlit Bakery",
    "Steel Cadet Rin",
    "The Quiet Archivist",
    "Harbor Lights Idol Club",
    "Crimson Orbit",
    "Tales of the Paper Fox",
    "Ninth Floor Dungeon",
    "Sky Whale Courier",
    "My Neighbour the Necromancer",
    "Frostbite Academy",
    "Lantern Road",
    "Clockwork Samurai",
    "Sunday Mecha League",
    "The Seventh Tea House",
    "Ghost Lens",
    "Rebirth at the Ramen Stand",
]
STUDIOS = [
    "Studio Kitewing",
    "Blue Harbor Animation",
    "Pine Gate",
    "Studio Lumen",
    "Orbit Works",
    "Hakuro Pictures",
]
SERVICES = ["Crunchyroll", "Netflix", "HIDIVE", "Disney+", "Amazon Prime Video", "Bilibili"]
MONTHS = ["January", "April", "July", "October"]
TEMPLATES = [
    "The official website of {t} confirmed on {d} that a season {s} is in production.",
    "{st} will return to animate season {s} of {t}, according to the announcement.",
    "Season {s} of {t} is scheduled to premiere in {m} {y}.",
    "A teaser trailer for {t} season {s} was released alongside the news.",
    "The new season will stream on {sv} outside Japan.",
    "Fans had waited almost two years for news about {t} after the previous season ended.",
    "The announcement came right after the final episode of season {p} aired in Japan.",
    "{t} is based on the manga of the same name, which has sold millions of copies.",
    "The main voice cast is expected to return for season {s}.",
    "A key visual shows the main characters standing in front of a burning city.",
    "The director of the previous season has not yet been confirmed for the new one.",
    "Season {p} of {t} was one of the most watched shows of its year on {sv}.",
    "According to the production committee, more details will be shared at an event in {m}.",
    "The manga has enough chapters left to fill at least two more seasons of {t}.",
    "Some viewers noticed hints of season {s} in the credits of the last episode.",
    "{st} is also working on two other projects scheduled for {y}.",
    "The opening theme of season {s} will be performed by the same band as before.",
    "{t} follows a group of friends who discover a secret hidden in their town.",
    "The first trailer runs for about ninety seconds and ends with the premiere window.",
    "No episode count has been announced for season {s} of {t} so far.",
    "Industry insiders had reported the renewal weeks before it became official.",
    "A stage event in {m} will feature the cast of {t} and new footage.",
    "The studio posted a short message thanking fans for their support of season {p}.",
    "Merchandise for season {s} will go on sale in {m} {y}.",
    "Critics praised the animation quality of season {p}, especially its action scenes.",
    "The streaming rights for season {s} have been picked up by {sv} as well.",
    "The production team promised that season {s} will adapt the most popular arc.",
    "Pre-orders for the season {p} Blu-ray box start next month.",
    "The author of the original manga drew a special illustration to celebrate the news.",
    "Season {s} will be broadcast on a major Japanese network on Saturday nights.",
]
COLOUR = [
    "fans",
    "viewers",
    "season",
    "story",
    "episode",
    "studio",
    "release",
    "trailer",
    "character",
    "arc",
    "manga",
    "anime",
    "city",
    "friends",
    "secret",
    "music",
    "scene",
    "battle",
    "school",
    "summer",
    "winter",
    "night",
    "festival",
    "journey",
    "team",
    "rival",
    "dream",
    "promise",
    "hero",
    "voice",
    "art",
    "animation",
    "quality",
    "fight",
    "heart",
    "memory",
    "future",
    "past",
]
SYNONYMS = {
    "confirmed": "announced",
    "premiere": "debut",
    "released": "published",
    "new": "upcoming",
    "fans": "viewers",
    "shows": "depicts",
    "expected": "likely",
    "official": "formal",
    "more": "further",
    "news": "announcement",
    "previous": "earlier",
    "scheduled": "set",
    "waited": "hoped",
    "popular": "beloved",
    "short": "brief",
    "special": "unique",
}
HEADERS = [
    "Originally published by Otaku Wire. Reposted with permission.",
    "Anime Desk | Staff report | Updated two hours ago",
    "This story first appeared on our partner site. Share on Facebook, Twitter and Reddit.",
]
FOOTERS = [
    "Follow our website for the latest anime updates. Related: Ten shows to watch this season.",
    "Read more anime news on our homepage. Comments are closed.",
    "Stay tuned to our site for more. Tags: anime, news, season, trailer.",
]


@dataclass(frozen=True)
class Doc:
    """One text of the synthetic set, with its true near-duplicate cluster and its story."""

    id: str
    text: str
    cluster: str
    story: int


def make_article(rng: random.Random, story: int, facts: dict[str, object]) -> str:
    """An article on a story: 9-13 template sentences plus two sentences of filler words."""
    sentences = [t.format(**facts) for t in rng.sample(TEMPLATES, rng.randint(9, 13))]
    for _ in range(2):
        filler = " ".join(rng.choice(COLOUR) for _ in range(rng.randint(12, 20)))
        sentences.insert(rng.randrange(len(sentences) + 1), filler.capitalize() + ".")
    return "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


def rewrite(rng: random.Random, text: str) -> str:
    """Small edits: synonyms for some words, one sentence dropped or added, two swapped."""
    words = [SYNONYMS.get(w, w) if rng.random() < 0.5 else w for w in text.split(" ")]
    sentences = " ".join(words).replace("\n\n", " ").split(". ")
    if rng.random() < 0.5 and len(sentences) > 4:
        sentences.pop(rng.randrange(len(sentences)))
    else:
        sentences.insert(rng.randrange(len(sentences)), "Here is what we know so far")
    i = rng.randrange(len(sentences) - 1)
    sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    return ". ".join(sentences)


def syndicate(rng: random.Random, text: str) -> str:
    """A syndicated copy: a new header and footer, and one word changed."""
    words = text.split(" ")
    words[rng.randrange(len(words))] = "reportedly"
    return f"{rng.choice(HEADERS)}\n\n{' '.join(words)}\n\n{rng.choice(FOOTERS)}"


def make_set(stories: int, seed: int = 7) -> list[Doc]:
    """The synthetic set: per story 3 articles, each with a rewrite and a syndicated copy."""
    rng = random.Random(seed)
    docs = []
    for story in range(stories):
        s = rng.randint(2, 4)
        facts = {"t": rng.choice(TITLES), "s": s, "p": s - 1, "st": rng.choice(STUDIOS),
                 "sv": rng.choice(SERVICES), "m": rng.choice(MONTHS), "y": rng.randint(2024, 2027),
                 "d": f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"}  # fmt: skip
        for a in range(3):
            base = make_article(rng, story, facts)
            cid = f"s{story}a{a}"
            docs.append(Doc(cid, base, cid, story))
            docs.append(Doc(cid + "-rw", rewrite(rng, base), cid, story))
            docs.append(Doc(cid + "-syn", syndicate(rng, base), cid, story))
    rng.shuffle(docs)
    return docs


def pair_sets(docs: list[Doc]) -> tuple[list[tuple[Doc, Doc]], list[tuple[Doc, Doc]]]:
    """Positive pairs (same cluster) and negative pairs (same story, other cluster)."""
    by_story: dict[int, list[Doc]] = {}
    for d in docs:
        by_story.setdefault(d.story, []).append(d)
    pos, neg = [], []
    for group in by_story.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                (pos if a.cluster == b.cluster else neg).append((a, b))
    return pos, neg


def jaccard_table(docs: list[Doc]) -> None:
    """Exact Jaccard of positives and negatives for shingle sizes 1-5."""
    pos, neg = pair_sets(docs[:600])
    print(
        "| shingle words | positives min / 5th pct / median | negatives median / 95th pct / max |"
    )
    print("| ---: | --- | --- |")
    for n in range(1, 6):
        sets = {d.id: shingles(d.text, n) for d in docs[:600]}
        pj = sorted(_jac(sets[a.id], sets[b.id]) for a, b in pos)
        nj = sorted(_jac(sets[a.id], sets[b.id]) for a, b in neg)
        print(
            f"| {n} | {pj[0]:.2f} / {pj[len(pj) // 20]:.2f} / {statistics.median(pj):.2f} "
            f"| {statistics.median(nj):.2f} / {nj[len(nj) * 19 // 20]:.2f} / {nj[-1]:.2f} |"
        )


def _jac(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def group_datasketch(docs: list[Doc], threshold: float, num_perm: int, n: int) -> dict[str, str]:
    """Groups with datasketch alone: MinHash (sha1 per shingle) + MinHashLSH."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    groups: dict[str, str] = {}
    sigs: dict[str, MinHash] = {}
    for d in docs:
        m = MinHash(num_perm=num_perm)
        m.update_batch([s.encode("utf-8") for s in shingles(d.text, n)])
        hits = [k for k in lsh.query(m) if m.jaccard(sigs[k]) >= threshold]
        groups[d.id] = groups[min(hits, key=order.__getitem__)] if hits else d.id
        lsh.insert(d.id, m)
        sigs[d.id] = m
    return groups


def group_rensa(docs: list[Doc], threshold: float, num_perm: int, n: int) -> dict[str, str]:
    """Groups with rensa alone: RMinHash + RMinHashLSH (integer keys)."""
    from datasketch.lsh import _optimal_param
    from rensa import RMinHash, RMinHashLSH

    best, _rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    # rensa wants bands that divide the permutations: the divisor nearest datasketch's optimum
    bands = min(
        (b for b in range(1, num_perm + 1) if num_perm % b == 0), key=lambda b: abs(b - best)
    )
    lsh = RMinHashLSH(threshold, num_perm, bands)
    groups: dict[str, str] = {}
    sigs: list[RMinHash] = []
    for key, d in enumerate(docs):
        m = RMinHash(num_perm, 42)
        m.update(list(shingles(d.text, n)))
        hits = [k for k in lsh.query(m) if m.jaccard(sigs[k]) >= threshold]
        groups[d.id] = groups[docs[min(hits)].id] if hits else d.id
        lsh.insert(key, m)
        sigs.append(m)
    return groups


def group_seasoncheck(docs: list[Doc], threshold: float, num_perm: int, n: int) -> dict[str, str]:
    """Groups with seasoncheck's DedupIndex at a threshold (its own shingles and permutations)."""
    index = DedupIndex(threshold)
    return {d.id: index.assign(d.id, d.text)[0] for d in docs}


order: dict[str, int] = {}


def score(docs: list[Doc], groups: dict[str, str]) -> tuple[float, int, int]:
    """(recall on positive pairs, false pairs among negatives, false pairs overall)."""
    pos, neg = pair_sets(docs)
    recall = sum(groups[a.id] == groups[b.id] for a, b in pos) / len(pos)
    false_neg = sum(groups[a.id] == groups[b.id] for a, b in neg)
    members: dict[str, list[Doc]] = {}
    for d in docs:
        members.setdefault(groups[d.id], []).append(d)
    false_all = sum(
        a.cluster != b.cluster
        for m in members.values()
        for i, a in enumerate(m)
        for b in m[i + 1 :]
    )
    return recall, false_neg, false_all


def main(argv: list[str] | None = None) -> int:
    """Print the Jaccard table and the grouping table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--small", action="store_true", help="60 stories instead of 400 (smoke run)"
    )
    parser.add_argument("--stories", type=int, default=400)
    args = parser.parse_args(argv)
    docs = make_set(60 if args.small else args.stories)
    order.update({d.id: i for i, d in enumerate(docs)})
    pos, neg = pair_sets(docs)
    print(
        f"synthetic set: {len(docs)} texts, {len(pos)} positive pairs, {len(neg)} same-story negative pairs\n"
    )
    jaccard_table(docs)
    runs: list[tuple[str, Callable[..., dict[str, str]], float, int]] = []
    for perm in (64, 128, 256):
        runs.append(("datasketch", group_datasketch, 0.5, perm))
        runs.append(("rensa", group_rensa, 0.5, perm))
    for thr in (0.4, 0.45, 0.6):
        runs.append(("datasketch", group_datasketch, thr, 128))
        runs.append(("rensa", group_rensa, thr, 128))
    for thr in (0.45, 0.5, 0.55):
        runs.append(("seasoncheck DedupIndex", group_seasoncheck, thr, NUM_PERM))
    print(
        f"\n| grouping ({SHINGLE_WORDS}-word shingles) | threshold | perm | texts/s | recall | false pairs (same story) | false pairs (all) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, fn, thr, perm in runs:
        start = time.perf_counter()
        groups = fn(docs, thr, perm, SHINGLE_WORDS)
        secs = time.perf_counter() - start
        recall, false_neg, false_all = score(docs, groups)
        print(
            f"| {name} | {thr} | {perm} | {len(docs) / secs:.0f} | {recall:.3f} | {false_neg} | {false_all} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
