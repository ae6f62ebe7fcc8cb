"""``seasoncheck serve``: the web pages and JSON API over the store (uvicorn)."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

import typer

from seasoncheck.cli.common import DB_OPTION, app, err_console, fail, open_store

# --workers ceiling: more processes than this only multiplies memory (each loads the KB).
MAX_WORKERS = 32

if TYPE_CHECKING:
    from seasoncheck.store import Store


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="TCP port."),
    poll: str = typer.Option(
        None,
        "--poll",
        help="Also poll the followed feeds in the background every DURATION (30m, 1h).",
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        "-w",
        min=1,
        max=MAX_WORKERS,
        help="Server processes (each with its own report cache); about one per CPU core.",
    ),
    db: str = DB_OPTION,
) -> None:
    """Serve verdict pages and the JSON API (docs at /docs) over the store.

    Reads are public. POST /api/ingest needs the bearer token in SEASONCHECK_TOKEN
    (without it, ingestion over HTTP is disabled). With --workers N, N processes share the
    port; each sees the others' ingests within half a second.

    Example: SEASONCHECK_TOKEN=change-me seasoncheck serve --port 8000 --workers 2 --poll 30m
    """
    interval = _poll_interval(poll) if poll else None
    _check_port(host, port)
    from seasoncheck.web import TOKEN_ENV

    store = open_store(db)
    if not os.environ.get(TOKEN_ENV):
        err_console.print(f"[dim]{TOKEN_ENV} is not set: POST /api/ingest answers 503.[/]")
    stop = _start_polling(interval, store) if interval else None
    err_console.print(
        f"Serving on http://{host}:{port}/ with {workers} process(es) (Ctrl+C to stop)"
    )
    try:
        _run(store, host, port, workers)
    finally:
        if stop is not None:
            stop.set()
        store.close()


def _run(store: Store, host: str, port: int, workers: int) -> None:
    """uvicorn in this process (one worker) or over ``workers`` child processes."""
    import uvicorn

    from seasoncheck.web import create_app, warm_up

    options = {"host": host, "port": port, "log_level": "warning", "access_log": False}
    if workers == 1:
        uvicorn.run(warm_up(create_app(store)), **options)  # type: ignore[arg-type]
        return
    # Each child builds its own app from the environment (uvicorn starts them by spawning).
    os.environ["SEASONCHECK_DB"] = store.engine.url.render_as_string(hide_password=False)
    uvicorn.run("seasoncheck.web:app_from_env", factory=True, workers=workers, **options)  # type: ignore[arg-type]


def _poll_interval(value: str) -> float:
    """Seconds from a --poll duration, or a one-line usage error."""
    from seasoncheck.follow import parse_duration

    try:
        seconds = parse_duration(value)
    except ValueError as exc:
        fail(f"--poll: {exc}")
    if seconds <= 0:
        fail("--poll must be a positive duration such as 30m")
    return seconds


def _start_polling(seconds: float, store: Store) -> threading.Event:
    """Run ``follow.poll_forever`` in a daemon thread; set the returned event to stop it."""
    from seasoncheck.follow import poll_forever

    stop = threading.Event()
    url = store.engine.url.render_as_string(hide_password=False)
    thread = threading.Thread(
        target=poll_forever, args=(seconds, url), kwargs={"stop": stop}, daemon=True, name="poll"
    )
    thread.start()
    err_console.print(f"Polling followed feeds every {seconds:g} s.")
    return stop


def _check_port(host: str, port: int) -> None:
    """Fail with one line when the address cannot be bound (uvicorn would log and exit 1)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            s.bind(infos[0][4])
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
