"""Benchmark `kb import`: time and peak memory for bangumi-data and a synthetic 40,000-entry AOD.

Each measurement runs in its own subprocess (peak RSS is per process). The baseline, measured in
the same run, is reading and parsing the same file with orjson and nothing else, so the ratio
shows what grouping, numbering and the store cost on top of parsing. Then `load_kb` of the
imported KB (what every CLI command pays) is timed.

Usage:
    python benchmarks/bench_kb_import.py                 # full: bangumi-data + 40,000 AOD entries
    python benchmarks/bench_kb_import.py --small         # CI smoke run (1,000 + 2,000 entries)
    python benchmarks/bench_kb_import.py --bangumi PATH --aod-entries 40000
Targets (issue 3): bangumi-data < 10 s and < 500 MiB; 40,000 AOD entries < 30 s and < 1 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BANGUMI = ROOT.parent / "shared" / "data" / "bangumi-data-0.3.208.json"
AOD_META = {
    "$schema": "https://raw.githubusercontent.com/manami-project/anime-offline-database/refs/heads/master/schemas/anime-offline-database.jsonl.schema.json",
    "license": {
        "name": "Open Data Commons Open Database License (ODbL) v1.0 + Database Contents License (DbCL) v1.0",
        "url": "https://github.com/manami-project/anime-offline-database/blob/master/LICENSE",
    },
    "repository": "https://github.com/manami-project/anime-offline-database",
    "scoreRange": {"minInclusive": 1.0, "maxInclusive": 10.0},
    "lastUpdate": "2026-02-01",
}
SEASONS = ("WINTER", "SPRING", "SUMMER", "FALL")
SYLLABLES = (
    "ka",
    "ri",
    "mo",
    "na",
    "shi",
    "to",
    "yu",
    "ze",
    "ro",
    "hi",
    "ku",
    "sa",
    "ne",
    "mi",
    "ta",
    "ho",
)
TYPES = ("TV", "TV", "TV", "MOVIE", "OVA", "ONA", "SPECIAL")


def peak_mib() -> float:
    """This process's peak resident memory in MiB.

    /proc's VmHWM, since ru_maxrss survives execve on Linux and would report the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_aod(n: int, dest: Path, seed: int = 7) -> Path:
    """An AOD JSONL file of ``n`` entries in franchises of 1-6 related entries, every field filled."""
    rng = random.Random(seed)
    lines = [json.dumps(AOD_META)]
    mal = 100_000
    while len(lines) - 1 < n:
        name = " ".join(
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()
            for _ in range(rng.randint(1, 3))
        )
        size = min(rng.choice((1, 1, 1, 2, 2, 3, 4, 6)), n - (len(lines) - 1))
        ids = list(range(mal, mal + size))
        mal += size
        year = rng.randint(1980, 2026)
        for k, i in enumerate(ids):
            lines.append(json.dumps(_anime(rng, name, k, i, ids, year + k), ensure_ascii=False))
    dest.write_text("\n".join(lines) + "\n", "utf-8")
    return dest


def _anime(rng: random.Random, name: str, k: int, mal: int, family: list[int], year: int) -> dict:
    """One synthetic AOD entry: season k+1 of ``name`` (or its film)."""
    typ = "TV" if k == 0 else rng.choice(TYPES)
    title = (
        name
        if k == 0
        else (f"{name} {k + 1}nd Season" if typ == "TV" else f"{name} {typ.title()} {k}")
    )
    return {
        "sources": [
            f"https://myanimelist.net/anime/{mal}",
            f"https://anilist.co/anime/{mal + 500_000}",
            f"https://kitsu.app/anime/{mal + 900_000}",
        ],
        "title": title,
        "type": typ,
        "episodes": rng.randint(1, 26),
        "status": "FINISHED",
        "animeSeason": {"season": rng.choice(SEASONS), "year": year},
        "picture": f"https://cdn.example.org/{mal}.jpg",
        "thumbnail": f"https://cdn.example.org/{mal}t.jpg",
        "duration": {"value": 1440, "unit": "SECONDS"},
        "score": {"arithmeticGeometricMean": 7.1, "arithmeticMean": 7.2, "median": 7.0},
        "synonyms": [
            f"{title} ({lang})"
            for lang in ("en", "de", "fr", "es", "ru", "zh", "ko")[: rng.randint(2, 7)]
        ],
        "studios": [f"studio {name.split()[0].lower()}"],
        "producers": ["example producers", "another committee"],
        "relatedAnime": [f"https://myanimelist.net/anime/{m}" for m in family if m != mal],
        "tags": ["action", "drama", "fantasy"][: rng.randint(1, 3)],
    }


def bangumi_subset(src: Path, n: int, dest: Path) -> Path:
    """The first ``n`` items of a bangumi-data file."""
    doc = json.loads(src.read_text("utf-8"))
    doc["items"] = doc["items"][:n]
    dest.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return dest


def child(mode: str, path: Path, db: Path) -> None:
    """Run one measurement in this (child) process and print it as JSON."""
    if mode != "parse":  # time the work, not the imports (the CLI pays those either way)
        import seasoncheck.kb.importer  # noqa: F401
        import seasoncheck.kb.loader  # noqa: F401
        import seasoncheck.store  # noqa: F401
    t0 = time.perf_counter()
    usage0 = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = usage0.ru_utime + usage0.ru_stime
    if mode == "parse":
        import orjson

        if path.suffix == ".jsonl":
            count = sum(1 for line in path.open("rb") if orjson.loads(line) is not None)
        else:
            count = len(orjson.loads(path.read_bytes()).get("items", []))
        result = {"entries": count}
    elif mode == "import":
        from seasoncheck.kb.importer import import_file
        from seasoncheck.store import Store

        report = import_file(Store.open(f"sqlite:///{db}"), path)
        result = {"entries": report.entries, "franchises": report.franchises}
    else:  # load
        from seasoncheck.kb.loader import load_kb
        from seasoncheck.store import Store

        kb = load_kb(Store.open(f"sqlite:///{db}"))
        result = {"franchises": len(kb.franchises), "titles": len(kb.titles)}
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result.update(
        seconds=time.perf_counter() - t0,
        cpu=usage.ru_utime + usage.ru_stime - cpu0,
        peak_mib=peak_mib(),
    )
    print(json.dumps(result))


def measure(mode: str, path: Path, db: Path) -> dict:
    """One measurement in a fresh subprocess."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path), str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(label: str, path: Path, db: Path, target_s: float, target_mib: float) -> None:
    """Baseline parse, import and load of one file, printed with ratios and targets."""
    base = measure("parse", path, db)
    imp = measure("import", path, db)
    load = measure("load", path, db)
    ok = "OK" if imp["seconds"] < target_s and imp["peak_mib"] < target_mib else "OVER TARGET"
    print(
        f"{label}: {imp['entries']} entries -> {imp['franchises']} franchises ({path.stat().st_size / 1e6:.1f} MB)"
    )
    print(f"  baseline orjson parse: {base['seconds']:.2f} s, peak {base['peak_mib']:.0f} MiB")
    print(
        f"  (load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: wall times above CPU times mean contention)"
    )
    print(
        f"  import:                {imp['seconds']:.2f} s wall, {imp['cpu']:.2f} s CPU "
        f"({imp['seconds'] / base['seconds']:.1f}x baseline), "
        f"peak {imp['peak_mib']:.0f} MiB ({imp['peak_mib'] / base['peak_mib']:.1f}x); "
        f"target < {target_s:.0f} s, < {target_mib:.0f} MiB: {ok}"
    )
    print(
        f"  load_kb after import:  {load['seconds']:.2f} s wall, {load['cpu']:.2f} s CPU, peak {load['peak_mib']:.0f} MiB ({load['titles']} titles)"
    )


def main(argv: list[str] | None = None) -> int:
    """Parse options and run the benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--bangumi", type=Path, default=DEFAULT_BANGUMI, help="bangumi-data data.json"
    )
    parser.add_argument(
        "--aod-entries", type=int, default=40_000, help="size of the synthetic AOD file"
    )
    parser.add_argument(
        "--small", action="store_true", help="smoke run: 1,000 bangumi items, 2,000 AOD entries"
    )
    parser.add_argument("--child", nargs=3, metavar=("MODE", "PATH", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-kb-") as tmp:
        t = Path(tmp)
        if args.bangumi.exists():
            src = (
                bangumi_subset(args.bangumi, 1000, t / "bangumi-1000.json")
                if args.small
                else args.bangumi
            )
            report("bangumi-data", src, t / "bangumi.db", 10, 500)
        else:
            print(f"bangumi-data: skipped ({args.bangumi} not found; pass --bangumi PATH)")
        n = 2000 if args.small else args.aod_entries
        aod = synthetic_aod(n, t / "anime-offline-database.jsonl")
        report(f"synthetic AOD ({n} entries)", aod, t / "aod.db", 30, 1024)
    return 0


if __name__ == "__main__":
    sys.exit(main())
