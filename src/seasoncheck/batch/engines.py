"""Engines: run a list of independent tasks in a local process pool or on a Ray cluster."""

from __future__ import annotations

import logging
import multiprocessing
import os
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
    """Tasks on a Ray cluster: a local one started here, or the one at ``address``.

    Without an address (and no ``RAY_ADDRESS``, which ``ray.init()`` would connect to), Ray
    starts on this machine as ``ray.init()`` would, but lean (``start_local_node``): only the
    processes that run tasks. ``ray.init()`` also starts the dashboard's API server and waits
    for it, the autoscaler monitor and the log monitor: three more Python processes importing
    Ray, ~2 s more start-up and ~1.3 s more shutdown on 2 cores, for features a batch does not
    use.
    """

    def __init__(self, workers: int | None, address: str | None) -> None:
        """Connect to (or start) Ray; a local start gets ``workers`` CPUs."""
        try:
            import ray
        except ImportError as exc:
            raise EngineError("the ray engine needs Ray: pip install 'seasoncheck[ray]'") from exc
        self._ray = ray
        self._owned = not ray.is_initialized()
        self._node: Any = None
        if self._owned:
            try:
                if address is None and not os.environ.get("RAY_ADDRESS"):
                    self._node = start_local_node(workers)
                ray.init(
                    address=self._node.address if self._node is not None else address,
                    num_cpus=None if address or self._node is not None else workers,
                    include_dashboard=None if self._node is not None else False,
                    log_to_driver=False,
                )
            except (ConnectionError, RuntimeError, ValueError) as exc:
                self._stop_node()
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
            self._stop_node()

    def _stop_node(self) -> None:
        if self._node is not None:
            self._node.kill_all_processes(check_alive=False, allow_graceful=True, wait=True)
            self._node = None


def start_local_node(workers: int | None) -> Any:
    """Start a one-machine Ray cluster without dashboard, monitor or log monitor; its Node.

    The processes ``ray start --head --include-dashboard false`` would start, minus the
    dashboard's API server (which ``ray start`` keeps), the autoscaler monitor and the log
    monitor: GCS, the raylet with its agents, and the workers. The caller connects with
    ``ray.init(address=node.address)`` and stops it with ``node.kill_all_processes``.
    Returns None when this Ray version does not have the internal API used here; the
    caller then uses a plain ``ray.init()``. Processes die with this one (``prctl`` fate
    sharing), so a killed batch leaves no Ray processes behind.
    """
    try:
        from ray._private.node import Node
        from ray._private.parameter import RayParams
    except ImportError:
        return None

    class LeanNode(Node):  # type: ignore[misc]
        def start_api_server(self, **kwargs: Any) -> None:
            """No dashboard or API server (job submission, state API): a batch uses neither."""

    try:
        params = RayParams(
            num_cpus=workers,
            include_dashboard=False,
            no_monitor=True,
            include_log_monitor=False,  # type: ignore[arg-type]  # annotated str, read as a flag
        )
        return LeanNode(
            params, head=True, shutdown_at_exit=False, spawn_reaper=True, ray_init_cluster=True
        )
    except TypeError as exc:  # another Ray's Node or RayParams signature
        log.warning("lean Ray start unavailable (%s); using ray.init()", exc)
        return None


def make_engine(name: str, workers: int | None = None, address: str | None = None) -> Engine:
    """An engine by name: ``local`` (process pool) or ``ray``."""
    cpus = workers or multiprocessing.cpu_count()
    if name == "local":
        return LocalEngine(cpus)
    if name == "ray":
        return RayEngine(workers or (None if address else cpus), address)
    raise EngineError(f"unknown engine {name!r}; expected one of {', '.join(ENGINES)}")
