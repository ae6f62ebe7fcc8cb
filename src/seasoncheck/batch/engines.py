"""Engines: run a list of independent tasks in a local process pool or on a Ray cluster."""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

log = logging.getLogger(__name__)

TaskFn = Callable[..., dict[str, Any]]
ENGINES = ("local", "ray")


class EngineError(Exception):
    """The engine could not start (Ray missing, cluster unreachable)."""


class Engine(Protocol):
    """Runs ``fn(*args)`` for every argument tuple; results in the same order."""

    def map(self, fn: TaskFn, calls: Sequence[tuple[Any, ...]]) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...


class LocalEngine:
    """A pool of worker processes on this machine (fork: workers start without re-importing)."""

    def __init__(self, workers: int) -> None:
        """A pool of ``workers`` processes, started on first use."""
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: TaskFn, calls: Sequence[tuple[Any, ...]]) -> list[dict[str, Any]]:
        """Run the calls in the pool; the first failing task's exception is raised."""
        if not calls:
            return []
        if self._pool is None:
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        futures = [self._pool.submit(fn, *args) for args in calls]
        return [f.result() for f in futures]

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class RayEngine:
    """Tasks on a Ray cluster: a local one (``ray.init()``) or the one at ``address``."""

    def __init__(self, workers: int | None, address: str | None) -> None:
        """Connect to (or start) Ray; a local start gets ``workers`` CPUs."""
        try:
            import ray
        except ImportError as exc:
            raise EngineError("the ray engine needs Ray: pip install 'seasoncheck[ray]'") from exc
        self._ray = ray
        self._owned = not ray.is_initialized()
        if self._owned:
            try:
                ray.init(
                    address=address,
                    num_cpus=None if address else workers,
                    include_dashboard=False,
                    log_to_driver=False,
                )
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise EngineError(
                    f"cannot start or reach Ray at {address or 'local'}: {exc}"
                ) from exc
        self._remote: dict[TaskFn, Any] = {}

    def map(self, fn: TaskFn, calls: Sequence[tuple[Any, ...]]) -> list[dict[str, Any]]:
        """Submit every call as a one-CPU Ray task and wait for all of them."""
        remote = self._remote.setdefault(fn, self._ray.remote(num_cpus=1, max_retries=2)(fn))
        results: list[dict[str, Any]] = self._ray.get([remote.remote(*args) for args in calls])
        return results

    def close(self) -> None:
        """Shut Ray down if this engine started it."""
        if self._owned:
            self._ray.shutdown()


def make_engine(name: str, workers: int | None = None, address: str | None = None) -> Engine:
    """An engine by name: ``local`` (process pool) or ``ray``."""
    cpus = workers or multiprocessing.cpu_count()
    if name == "local":
        return LocalEngine(cpus)
    if name == "ray":
        return RayEngine(workers or (None if address else cpus), address)
    raise EngineError(f"unknown engine {name!r}; expected one of {', '.join(ENGINES)}")
