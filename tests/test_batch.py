"""Batch engine: shards of JSONL, folders and WARC to Parquet, LSH-band dedup, resume, load."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from seasoncheck.batch import BatchError, run_batch
from seasoncheck.batch.load import LoadError, load_batch
from seasoncheck.cli import app
from seasoncheck.store import Store
from seasoncheck.synth import write_corpus

pq = pytest.importorskip("pyarrow.parquet")

CLI = "import seasoncheck.cli.batch_cmds; from seasoncheck.cli import main; main()"


def seasoncheck(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess: batch_cmds registers its commands there, not in the test
    process (until cli/__init__ imports it, test_docs would find them undocumented)."""
    cmd = [sys.executable, "-c", CLI, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


BODY = (
    "The studio behind Lantern Harbor announced on Friday that a second season is in "
    "production. Director Aiko Mori returns, and the cast of the first season comes back. "
    "The new season will adapt the northern lighthouse arc of the novels, which readers "
    "have asked to see animated since the first episode aired three years ago. "
)
ORIGINAL = BODY + "Producers said music by Kenta Oda will open every episode with a new song."
REWRITE = BODY + "Producers said music by Kenta Oda will open each episode with a new song."
OTHER = (
    "Ferry Tales Season 3 premieres in April 2027 on Crunchyroll, the official website "
    "confirmed. Studio Kumo animates again and a trailer shows the river town at night, "
    "with the two sisters waiting for the last boat of summer."
)
ORCHARD = (
    "Quiet Orchard will not get a third season this year, its publisher told readers in a "
    "short letter. The manga ends in the spring, and the staff thanked fans for their patience "
    "after a long break caused by the author's illness."
)
COMET = (
    "Glass Comet returns in October 2026. A new key visual shows the pilots on the deck of the "
    "station, and Studio Hoshi confirmed that the original director is back for the sequel."
)
MOON = (
    "Moon Relay gets a sequel film. The committee revealed the project at a stage event in "
    "Tokyo, with a teaser that ends on the old radio tower and a release window of 2027."
)
KITES = (
    "Paper Kites season 2 will stream on Netflix worldwide, the streaming service said. The "
    "first season is being added to more regions ahead of the premiere next winter."
)
PAGE = "<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{p}</p></article></body></html>"


def make_inputs(tmp: Path) -> list[str]:
    """A JSONL shard (with a near-duplicate pair), a folder shard and a WARC shard."""
    jsonl = tmp / "feed.jsonl"
    records = [
        {"id": "a1", "title": "Lantern Harbor season 2", "text": ORIGINAL, "lang": "en"},
        {"id": "a2", "title": "Lantern Harbor returns", "text": REWRITE, "lang": "en"},
        {"id": "a3", "title": "Ferry Tales season 3", "text": OTHER, "lang": "en"},
    ]
    jsonl.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    folder = tmp / "saved"
    folder.mkdir()
    (folder / "one.txt").write_text("Quiet Orchard news\n\n" + ORCHARD)
    (folder / "two.txt").write_text("Glass Comet update\n\n" + COMET)
    warc = tmp / "crawl.warc.gz"
    write_warc(warc)
    return [str(jsonl), str(folder), str(warc)]


def write_warc(path: Path) -> None:
    """Two HTML pages as WARC response records (written with warcio)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = {
        "https://news.example/a": ("Moon Relay gets a sequel", MOON),
        "https://news.example/b": ("Paper Kites season 2", KITES),
    }
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, (title, para) in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            body = PAGE.format(t=title, p=para).encode()
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(rec)


def table(out: Path, name: str) -> list[dict]:
    """All rows of one output table, ordered by seq."""
    files = sorted((out / name).glob("*.parquet"))
    rows = [r for f in files for r in pq.read_table(f).to_pylist()]
    return sorted(rows, key=lambda r: (r.get("seq", 0), str(r)))


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    """One batch over the three kinds of shard, run once for the module."""
    tmp = tmp_path_factory.mktemp("batch")
    inputs = make_inputs(tmp)
    run_batch(inputs, tmp / "out", workers=2, shard_lines=2)
    return inputs, tmp / "out"


def test_tables_match_ingest(batch_out: tuple[list[str], Path], tmp_path: Path) -> None:
    inputs, out = batch_out
    articles = table(out, "articles")
    assert len(articles) == 7  # 3 JSONL lines + 2 text files + 2 WARC pages
    assert len(list((out / "articles").glob("*.parquet"))) == 4  # JSONL split in 2 + folder + WARC
    db = tmp_path / "ingest.db"
    result = CliRunner().invoke(app, ["ingest", *inputs, "--db", str(db)])
    assert result.exit_code == 0, result.output
    ingested = Store.open(f"sqlite:///{db}")
    assert ingested.count_articles() == 7
    assert {a["id"] for a in articles} == {a.id for a in ingested.articles(limit=100)}
    ingest_claims = sum(len(ingested.claims_for_article(a["id"])) for a in articles)
    loaded = Store.open(f"sqlite:///{tmp_path / 'loaded.db'}")
    load_batch(out, loaded)
    assert sum(len(loaded.claims_for_article(a["id"])) for a in articles) == ingest_claims
    assert ingest_claims > 0


def test_planted_near_duplicates_share_a_group(batch_out: tuple[list[str], Path]) -> None:
    _, out = batch_out
    ids = {a["doc_id"]: a["id"] for a in table(out, "articles") if a["doc_id"]}
    groups = {g["id"]: g["group"] for g in pq.read_table(out / "dup_groups.parquet").to_pylist()}
    # a1 and a2 differ by one word; the group is named after the first of them, as ingest does.
    assert groups[ids["a1"]] == groups[ids["a2"]] == ids["a1"]
    assert ids["a3"] not in groups
    assert len(groups) == 2


def test_load_is_idempotent(batch_out: tuple[list[str], Path], tmp_path: Path) -> None:
    _, out = batch_out
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    first = load_batch(out, store)
    second = load_batch(out, store)
    assert (first.added, second.added, second.unchanged) == (7, 0, 7)
    assert store.count_articles() == 7
    rewrite = next(a for a in store.articles(limit=100) if a.doc_id == "a2")
    original = next(a for a in store.articles(limit=100) if a.doc_id == "a1")
    assert rewrite.dup_group == original.id


def test_load_cli_refuses_unfinished_folder(tmp_path: Path) -> None:
    result = seasoncheck("load", str(tmp_path), "--db", str(tmp_path / "s.db"))
    assert result.returncode == 2
    assert "not a finished batch output" in result.stderr
    with pytest.raises(LoadError):
        load_batch(tmp_path, Store.open("sqlite://"))


def test_missing_input_and_foreign_output_folder(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="nope.jsonl: no such file"):
        run_batch([str(tmp_path / "nope.jsonl")], tmp_path / "out")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "_job.json").write_text('{"shards": []}')
    (tmp_path / "a.jsonl").write_bytes(orjson.dumps({"id": "x", "text": OTHER}) + b"\n")
    with pytest.raises(BatchError, match="another batch"):
        run_batch([str(tmp_path / "a.jsonl")], tmp_path / "out")


RESUME_SCRIPT = """
import sys
from seasoncheck.batch import run_batch
run_batch([sys.argv[1]], sys.argv[2], workers=1, shard_lines=3)
"""


def test_killed_batch_resumes_to_the_same_output(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_corpus(60, corpus, seed=3)  # 20 shards of 3 lines, with planted near-duplicates
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    proc = subprocess.Popen(
        [sys.executable, "-c", RESUME_SCRIPT, str(corpus), str(killed)], start_new_session=True
    )
    markers = killed / "_markers" / "extract"
    deadline = time.monotonic() + 60
    while len(list(markers.glob("*.json"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and its pool worker
    proc.wait()
    done_at_kill = len(list(markers.glob("*.json")))
    assert 3 <= done_at_kill < 20, "the run must be killed half-way"
    resumed = run_batch([str(corpus)], killed, workers=1, shard_lines=3)
    assert resumed.tasks_skipped >= done_at_kill
    run_batch([str(corpus)], clean, workers=1, shard_lines=3)
    for name in ("articles", "claims", "flags", "errors"):
        assert table(killed, name) == table(clean, name), name
    groups = pq.read_table(killed / "dup_groups.parquet").to_pylist()
    assert groups == pq.read_table(clean / "dup_groups.parquet").to_pylist()
    assert groups  # the corpus plants near-duplicates


def test_ray_engine_gives_the_local_output(
    batch_out: tuple[list[str], Path], tmp_path: Path
) -> None:
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'seasoncheck[ray]')")
    inputs, local_out = batch_out
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    try:
        # Claims off: Ray workers then start without loading the KB (claims are checked above).
        run_batch(inputs, tmp_path / "out", engine="ray", shard_lines=2, claims=False)
    finally:
        ray.shutdown()
    assert table(tmp_path / "out", "articles") == table(local_out, "articles")
    groups = pq.read_table(tmp_path / "out" / "dup_groups.parquet").to_pylist()
    assert groups == pq.read_table(local_out / "dup_groups.parquet").to_pylist()


def test_batch_cli_reports_counts(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path)
    out = tmp_path / "out"
    result = seasoncheck("batch", *inputs, "--out", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = orjson.loads(result.stdout)
    assert (report["articles"], report["grouped"], report["groups"]) == (7, 2, 1)


def test_jsonl_shards_are_sized_from_the_input(tmp_path: Path) -> None:
    from seasoncheck.batch.shards import auto_shard_lines, plan_shards

    def shard_sizes(lines: int, last_newline: bool = True) -> list[int]:
        path = tmp_path / f"f{lines}.jsonl"
        text = "\n".join(orjson.dumps({"id": str(i), "text": "x"}).decode() for i in range(lines))
        path.write_text(text + ("\n" if last_newline else ""))
        shards = plan_shards([str(path)])
        sizes = [len(path.read_bytes()[s.start : s.end].splitlines()) for s in shards]
        assert [s.first_line for s in shards] == [1 + sum(sizes[:i]) for i in range(len(sizes))]
        return sizes

    # 20,000 lines: 28 shards of 625, then the last 2,500 lines in 16 shards of 156-157
    # (many more tasks than workers, and the last ones short, so a short tail).
    assert shard_sizes(20_000) == [625] * 28 + [157] * 4 + [156] * 12
    # Small files: no shard under 500 lines; the last line needs no newline.
    assert shard_sizes(1_200, last_newline=False) == [500, 500, 200]
    assert shard_sizes(300) == [300]
    assert auto_shard_lines(1_000_000) == 5_000  # large files: at most 5,000 lines a shard
