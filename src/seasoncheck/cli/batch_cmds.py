"""``seasoncheck batch``, ``load`` and ``synth``: sharded batches to Parquet, and test corpora."""

from __future__ import annotations

from pathlib import Path

import typer

from seasoncheck.cli.common import (
    DB_OPTION,
    EXIT_PARTIAL,
    FORMAT_OPTION,
    OutputFormat,
    app,
    console,
    fail,
    open_store,
    print_json,
)


@app.command()
def batch(
    inputs: list[str] = typer.Argument(
        ..., help="JSONL, WARC files or folders; each is a shard.", show_default=False
    ),
    out: Path = typer.Option(..., "--out", help="Output folder (Parquet tables and markers)."),
    engine: str = typer.Option("local", help="local (process pool) or ray."),
    address: str = typer.Option(
        None, help="Ray cluster address (default: start Ray on this machine)."
    ),
    workers: int = typer.Option(None, help="Worker processes (default: one per CPU)."),
    shard_lines: int = typer.Option(
        None,
        help="Split JSONL files into shards of this many lines "
        "(default: about 32 shards a file, 500-5000 lines each, the last ones cut smaller).",
        show_default=False,
    ),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Process large inputs in resumable shards and write Parquet tables to a folder.

    Runs extract, near-duplicate detection (MinHash LSH across the whole batch) and claim
    extraction, like ingest, in parallel tasks. Re-running after a crash skips finished
    tasks. Load the result into the store with 'seasoncheck load'. Exits 1 when items failed.

    Example: seasoncheck batch crawl/*.warc.gz --out out/ --workers 2
    """
    from seasoncheck.batch import BatchError, EngineError, run_batch

    if engine not in ("local", "ray"):
        fail(f"--engine must be local or ray, not {engine!r}")
    try:
        report = run_batch(
            inputs, out, engine=engine, workers=workers, address=address, shard_lines=shard_lines
        )
    except (BatchError, EngineError) as exc:
        fail(str(exc))
    if output == OutputFormat.json:
        print_json(report.to_dict())
    else:
        console.print(
            f"{report.articles} articles, {report.claims} claims, {report.flags} flags, "
            f"{report.errors} failed items, {report.grouped} articles in {report.groups} "
            f"near-duplicate groups; {report.tasks_run} tasks run, {report.tasks_skipped} "
            f"done before; {report.seconds:.1f} s -> {out}"
        )
    raise typer.Exit(EXIT_PARTIAL if report.errors else 0)


@app.command()
def load(
    folder: Path = typer.Argument(..., help="Output folder of 'seasoncheck batch'."),
    db: str = DB_OPTION,
) -> None:
    """Load a batch's Parquet output into the store; loading twice adds nothing.

    Example: seasoncheck load out/
    """
    from seasoncheck.batch.load import LoadError, load_batch

    store = open_store(db)
    try:
        report = load_batch(folder, store)
    except LoadError as exc:
        fail(str(exc))
    console.print(
        f"{report.added} articles added ({report.claims} claims, {report.flags} flags), "
        f"{report.unchanged} already stored"
    )


@app.command()
def synth(
    n: int = typer.Argument(..., help="Number of articles.", min=1),
    out: Path = typer.Option(..., "--out", help="JSONL file to write."),
    seed: int = typer.Option(0, help="Random seed: the same seed gives the same corpus."),
) -> None:
    """Write a synthetic corpus for scale tests, with gold claims and planted near-duplicates.

    Also writes <name>.gold.jsonl (claims in the dev set's label format) and
    <name>.pairs.jsonl (planted near-duplicate pairs with their Jaccard).

    Example: seasoncheck synth 10000 --out synth.jsonl
    """
    from seasoncheck.synth import write_corpus

    if not out.parent.is_dir():
        fail(f"{out.parent}: no such folder")
    report = write_corpus(n, out, seed=seed)
    console.print(
        f"{report.articles} articles, {report.claims} gold claims, "
        f"{report.planted_pairs} planted near-duplicate pairs -> {out}"
    )
