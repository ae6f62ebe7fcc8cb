"""Benchmark: the season page and the verdict API under 50 concurrent clients.

Builds a SQLite store in a temporary folder with N synthetic articles (three claims each, about
franchises of the bundled demo KB, 20 sites, dates over two years), starts ``seasoncheck serve``
on 127.0.0.1 in a subprocess (``--workers N`` processes), then for each endpoint runs
``--clients`` connections (wrk when installed, else asyncio + httpx) for ``--duration`` seconds
and reports requests/s, p50, p99, the server's CPU milliseconds per request (from /proc, all
its processes) and the load average when the endpoint's run started.

Baselines measured in the same run:

* floor: a bare ASGI app (no framework) under the same uvicorn, in its own process: the latency
  this machine allows any Python server at that moment (the machine may be shared);
* the static stylesheet, and the smallest API response (one franchise from the cached list),
  which costs the server only routing, validation, the envelope and the security headers.

The verdict API is loaded three ways: plain, with ``Accept-Encoding: gzip``, and with
``If-None-Match`` set to its ETag (304s). CPU ms per request is the steadiest figure on a busy
machine; latency percentiles move with everything else that runs.

Before the load, it times the first (uncached) request of each endpoint: that is the cost of
building the report, paid once per (franchise, season, store change) and server process.

Target (issue 6): p99 < 100 ms for the verdict API at 10,000 articles.

    python benchmarks/bench_web.py --duration 30               # the issue's setup: 10,000 articles
    python benchmarks/bench_web.py --duration 30 --workers 2   # two server processes
    python benchmarks/bench_web.py --small                     # 500 articles, 3 s: CI smoke run
    python benchmarks/bench_web.py --articles 2000 --clients 20
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from seasoncheck.dedup import content_hash
from seasoncheck.kb.loader import load_kb
from seasoncheck.kb.model import Franchise, KnowledgeBase
from seasoncheck.models import Article, Claim
from seasoncheck.store import Store

TARGET_P99_MS = 100.0
FRANCHISES = 50
SITES = [f"Site {i} News" for i in range(20)]
STATUS_ATTR = [
    ("confirmed", "official"),
    ("confirmed", "media"),
    ("reported", "leak"),
    ("speculated", "none"),
]
START_TIMEOUT_S = 60.0


def pick_franchises(kb: KnowledgeBase, n: int) -> list[Franchise]:
    """The first ``n`` franchises (by id) with at least two numbered seasons."""
    found = [f for f in kb.franchises.values() if len({s.number for s in f.seasons} - {None}) >= 2]
    return sorted(found, key=lambda f: f.id)[:n]


def synthetic_article(i: int, f: Franchise, rng: random.Random) -> tuple[Article, list[Claim]]:
    """One article about a franchise's next season with renewal, release and studio claims."""
    season = max(s.number for s in f.seasons if s.number is not None) + 1
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(730))
    when = f"{published.year + 1}-{rng.randrange(1, 13):02d}"
    sentences = [
        f"{f.name} season {season} has been announced, according to report number {i}.",
        f"The new season of {f.name} will premiere in {when}, the staff said on {published}.",
        f"The studio behind {f.name} returns for season {season} with the same director.",
        "Fans have waited a long time for more, and the source material has plenty left.",
    ]
    text = "\n".join(sentences)
    aid = content_hash(text)
    status, attr = rng.choice(STATUS_ATTR)
    claims = []
    offset = 0
    for sentence, (type_, value) in zip(
        sentences[:3],
        [("renewal", None), ("release", when), ("studio", "Studio Bench")],
        strict=True,
    ):
        claims.append(
            Claim(aid, f.name, season, type_, value, status, attr, sentence, None, f.id,
                  offset, offset + len(sentence))
        )  # fmt: skip
        offset += len(sentence) + 1
    article = Article(
        id=aid, text=text, origin=f"bench:{i}", title=f"{f.name} season {season}: report {i}",
        url=f"https://bench.example/{i}", site=rng.choice(SITES), published=published.isoformat(),
    )  # fmt: skip
    return article, claims


def build_store(path: Path, n: int) -> tuple[str, int]:
    """A store with ``n`` synthetic articles; returns (busiest franchise id, its next season)."""
    kb = load_kb()
    franchises = pick_franchises(kb, FRANCHISES)
    rng = random.Random(6)
    store = Store.open(f"sqlite:///{path}")
    for i in range(n):
        article, claims = synthetic_article(i, franchises[i % len(franchises)], rng)
        store.add_article(article, claims_=claims)
    store.close()
    f = franchises[0]
    return f.id, max(s.number for s in f.seasons if s.number is not None) + 1


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``seasoncheck serve`` over ``db`` in a child process; returns once it answers."""
    args = [sys.executable, "-m", "seasoncheck", "serve", "--db", str(db), "--port", str(port)]
    if workers > 1:  # only then: the flag is new, and the script also times older versions
        args += ["--workers", str(workers)]
    return wait_until_up(subprocess.Popen(args), f"http://127.0.0.1:{port}/static/style.css")


def start_floor(port: int) -> subprocess.Popen[bytes]:
    """uvicorn, as ``serve`` runs it, with a bare ASGI app: what this machine allows any server."""
    code = (
        "import uvicorn\n"
        "async def app(scope, receive, send):\n"
        "    await send({'type': 'http.response.start', 'status': 200,"
        " 'headers': [(b'content-type', b'application/json')]})\n"
        "    await send({'type': 'http.response.body', 'body': b'{\"ok\":true}'})\n"
        f"uvicorn.run(app, host='127.0.0.1', port={port}, log_level='warning', access_log=False)\n"
    )
    return wait_until_up(
        subprocess.Popen([sys.executable, "-c", code]), f"http://127.0.0.1:{port}/"
    )


def wait_until_up(proc: subprocess.Popen[bytes], url: str) -> subprocess.Popen[bytes]:
    """``proc`` once ``url`` answers, or exit when it does not within START_TIMEOUT_S."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1.0)
            return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"the server did not start ({url})")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and all its live descendants (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue  # gone, or not Linux: the CPU column then reads 0
    return total


async def load(
    url: str, clients: int, duration: float, headers: dict[str, str]
) -> dict[str, float]:
    """``clients`` workers requesting ``url`` back to back for ``duration`` seconds."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30.0, headers=headers) as client:
        end = time.perf_counter() + duration

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < end:
                t0 = time.perf_counter()
                r = await client.get(url)
                latencies.append(time.perf_counter() - t0)
                errors += r.status_code >= 400

        t_start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - t_start
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "errors": errors,
    }


WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk_load(url: str, clients: int, duration: float, headers: dict[str, str]) -> dict[str, float]:
    """The same load with Debian's ``wrk`` (C, so the client is not the bottleneck)."""
    threads = min(clients, 2)
    args = ["wrk", f"-t{threads}", f"-c{clients}", f"-d{max(1, round(duration))}s", "--latency"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    pct = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, flags=re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": _wrk_ms(pct["50"]),
        "p99_ms": _wrk_ms(pct["99"]),
        "errors": int(errors.group(1)) if errors else 0,
    }


def _wrk_ms(value: str) -> float:
    """A wrk duration ("812.00us", "1.20ms", "2.01s") in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()  # type: ignore[union-attr]
    return float(number) * WRK_UNITS[unit]


def first_request(url: str, headers: dict[str, str] | None = None) -> httpx.Response:
    """One request, timed into ``elapsed`` (the first builds and caches the report)."""
    t0 = time.perf_counter()
    r = httpx.get(url, headers=headers, timeout=120.0)
    r.raise_for_status()
    r.extensions["ms"] = 1000 * (time.perf_counter() - t0)
    return r


def main(argv: list[str] | None = None) -> int:
    """Build the store, start the servers, time cold requests, then load each endpoint."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=10.0, help="seconds per endpoint")
    ap.add_argument("--workers", type=int, default=1, help="seasoncheck serve --workers N")
    ap.add_argument("--small", action="store_true", help="500 articles, 3 s per endpoint")
    ap.add_argument(
        "--client", choices=("auto", "wrk", "python"), default="auto",
        help="load generator: wrk when installed (auto), else asyncio + httpx",
    )  # fmt: skip
    args = ap.parse_args(argv)
    if args.small:
        args.articles, args.duration = 500, 3.0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        fid, season = build_store(db, args.articles)
        print(f"store: {args.articles} articles in {time.perf_counter() - t0:.1f} s")
        port, floor_port = free_port(), free_port()
        procs = [start_server(db, port, args.workers), start_floor(floor_port)]
        try:
            servers = Servers(f"http://127.0.0.1:{port}", procs[0].pid, procs[1].pid, floor_port)
            return run_load(servers, fid, season, args)
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(timeout=10)


@dataclass(frozen=True)
class Servers:
    """The seasoncheck server (base URL, pid) and the bare-app floor server (pid, port)."""

    base: str
    pid: int
    floor_pid: int
    floor_port: int


def cold_requests(base: str, fid: str, season: int) -> dict[str, str]:
    """Time the first (uncached) requests; returns the verdict's ETag header ('' when none)."""
    verdict = f"{base}/api/franchises/{fid}/seasons/{season}"
    for name, url in (
        ("verdict API", verdict),
        ("season page", f"{base}/franchise/{fid}/season/{season}"),
    ):
        r = first_request(url)
        print(f"first request, {name}: {r.extensions['ms']:.0f} ms (uncached), "
              f"{len(r.content) / 1024:.0f} KB")  # fmt: skip
    r = first_request(verdict + "?evidence=all")
    print(f"first request, verdict API ?evidence=all: {r.extensions['ms']:.0f} ms, "
          f"{len(r.content) / 1024:.0f} KB")  # fmt: skip
    r = first_request(verdict, {"Accept-Encoding": "gzip"})
    wire = int(r.headers.get("content-length", len(r.content)))
    print(f"verdict API with Accept-Encoding: gzip: {wire / 1024:.1f} KB on the wire")
    return {"etag": r.headers.get("etag", "")}


def run_load(servers: Servers, fid: str, season: int, args: Any) -> int:
    """Cold timings, then the load on the floor, the baselines, the verdict API and the page."""
    base, pid = servers.base, servers.pid
    verdict = f"{base}/api/franchises/{fid}/seasons/{season}"
    etag = cold_requests(base, fid, season)["etag"]
    endpoints: list[tuple[str, str, dict[str, str], int]] = [
        ("floor (bare ASGI app)", f"http://127.0.0.1:{servers.floor_port}/", {}, servers.floor_pid),
        ("baseline (static CSS)", f"{base}/static/style.css", {}, pid),
        ("baseline (tiny API)", f"{base}/api/franchises?limit=1", {}, pid),
        ("verdict API", verdict, {}, pid),
        ("verdict API, gzip", verdict, {"Accept-Encoding": "gzip"}, pid),
        ("season page", f"{base}/franchise/{fid}/season/{season}", {}, pid),
    ]
    if etag:
        endpoints.insert(5, ("verdict API, 304", verdict, {"If-None-Match": etag}, pid))
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    print(f"load generator: {'wrk' if use_wrk else 'asyncio + httpx'}, {args.clients} clients, "
          f"{args.workers} server process(es), {args.duration:g} s per endpoint")  # fmt: skip
    print(f"{'endpoint':<24}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms/req':>12}"
          f"{'requests':>10}{'errors':>8}{'load avg':>10}")  # fmt: skip
    results = {}
    for name, url, headers, server_pid in endpoints:
        loadavg, cpu0 = os.getloadavg()[0], cpu_seconds(server_pid)
        if use_wrk:
            r = wrk_load(url, args.clients, args.duration, headers)
        else:
            r = asyncio.run(load(url, args.clients, args.duration, headers))
        r["cpu_ms"] = 1000 * (cpu_seconds(server_pid) - cpu0) / max(1, r["requests"])
        results[name] = r
        print(f"{name:<24}{r['rps']:8.0f}{r['p50_ms']:9.1f}{r['p99_ms']:9.1f}{r['cpu_ms']:12.2f}"
              f"{r['requests']:10.0f}{r['errors']:8.0f}{loadavg:10.2f}")  # fmt: skip
    return summarise(results)


def summarise(results: dict[str, dict[str, float]]) -> int:
    """Ratios against the floor and the target; exit 1 only on failed requests."""
    floor_p99 = results["floor (bare ASGI app)"]["p99_ms"]
    api = results["verdict API"]
    for name in ("baseline (tiny API)", "verdict API", "season page"):
        print(f"{name} p99 / floor p99: {results[name]['p99_ms'] / floor_p99:.2f}x")
    met = api["p99_ms"] < TARGET_P99_MS
    print(f"target p99 < {TARGET_P99_MS:.0f} ms for the API: {'met' if met else 'NOT met'}")
    # Exit 1 only on failed requests: latency depends on the machine, so a busy CI runner
    # must not fail the smoke run (the numbers are for people to read).
    return 1 if any(r["errors"] for r in results.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
