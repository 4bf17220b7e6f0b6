"""Query execution inside the serving process, with a time limit that really stops a query.

Why threads of the serving process: pyoxigraph releases the GIL while it evaluates a query, so
a query thread runs beside the HTTP threads, and the answer's bytes never cross a process
boundary. Sending every query to a separate worker process over a pipe cost more CPU than many
of the queries themselves (``bench/RESULTS.md``).

Why a query can still be stopped: pyoxigraph cannot cancel a running query and a thread cannot
be killed, so the request thread waits for the query thread at most until the request's
deadline. If the answer is late, the client gets 503 and the executor calls its ``retire`` hook
once: under ``kg serve`` (``kg/serve.py``) that tells the gunicorn worker to stop accepting
connections, finish the requests it already has (each bounded by its own limit) and exit, which
ends the runaway query with the process; gunicorn's arbiter starts a replacement. Other worker
processes keep serving meanwhile, so a runaway delays nobody beyond its own limit. Without a
hook (an app driven by Flask's test client) the late query is abandoned on its thread.

The store is opened read-only, lazily in each process (never in gunicorn's arbiter before the
fork), and re-opened when ``kg.store.current_version`` changes (a build swapped in a version).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from kg.errors import QueryTimeout, StoreUnavailable
from server import jobs
from server.jobs import Outcome, QueryJob


class QueryExecutor:
    """Runs query jobs on a few threads of this process, each within its time limit."""

    def __init__(self, store_path: Path, threads: int, metrics: object | None = None) -> None:
        self.store_path = Path(store_path)
        self.threads = max(1, int(threads))
        self.metrics = metrics  # server.metrics.ServerMetrics (duck-typed: tests pass None)
        self.retire: Callable[[], None] | None = None
        self.retiring = False
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._store: object | None = None
        self._version: str | None = None
        self._pointer: tuple[int, ...] | None = None  # stat of the version pointer
        self._running: dict[int, float] = {}  # query thread id -> start (time.time())
        self._jobs = 0

    # --- per process state ----------------------------------------------------------------

    def _threads(self) -> ThreadPoolExecutor:
        """The query threads of this process (created after a fork, never inherited)."""
        pid = os.getpid()
        if self._pid != pid:
            with self._lock:
                if self._pid != pid:
                    # One spare thread: a runaway keeps its thread until the process ends.
                    self._pool = ThreadPoolExecutor(self.threads + 1, "kg-query")
                    self._store, self._version, self._running = None, None, {}
                    self._jobs = 0
                    self._pointer = None
                    self._pid = pid
        assert self._pool is not None
        return self._pool

    def _open_store(self) -> object:
        """The live store version, opened read-only (re-opened after a rebuild).

        Before every query: one ``stat`` of the version pointer. A build or load switches
        versions with ``os.replace`` (a new inode), so an unchanged stat means an unchanged
        version; only a changed one is read (``kg.store.current_version``).
        """
        from kg import store as kg_store

        try:
            st = os.stat(self.store_path / kg_store.POINTER)
            pointer: tuple[int, ...] | None = (st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            pointer = None
        store = self._store
        if store is not None and pointer is not None and pointer == self._pointer:
            return store
        current = kg_store.current_version(self.store_path)
        if store is None or current != self._version:
            with self._lock:
                if self._store is None or current != self._version:
                    self._store = None
                    self._store = kg_store.open_store(self.store_path, read_only=True)
                    self._version = current
                store = self._store
        self._pointer = pointer
        return store

    def _evaluate(self, job: QueryJob) -> Outcome:
        try:
            return jobs.evaluate(self._open_store(), job)
        except StoreUnavailable:
            self._store, self._pointer = None, None  # re-open on the next query
            raise

    # --- the API the views use ------------------------------------------------------------

    def start(self) -> None:
        """Open the store now (``kg serve`` calls it in each worker before the first query)."""
        self._threads()
        self._open_store()

    def run(self, job: QueryJob, timeout: float) -> Outcome:
        """Run a job within ``timeout`` seconds (wait for a thread included) or raise
        QueryTimeout; a query still running at its deadline retires this process."""
        future: Future[Outcome] = self._threads().submit(self._timed, job)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            if future.cancel():  # never started: every thread was busy; nothing runs away
                self._count_timeout()
                raise QueryTimeout(
                    f"every query thread stayed busy for the whole time limit ({timeout:g} s);"
                    " try again later") from None
            self._count_timeout()
            self._retire()
            raise QueryTimeout(
                f"the query ran longer than the time limit of {timeout:g} s and was stopped;"
                " add LIMIT or more selective patterns") from None

    def run_update(self, sparql: str, base_iri: str | None, timeout: float) -> str:
        """Apply one update as a new store version (in a killable process of its own)."""
        try:
            return jobs.run_update(self.store_path, sparql, base_iri, timeout)
        except QueryTimeout:
            self._count_timeout()
            raise

    def close(self) -> None:
        """Stop the threads (a running query is abandoned, not awaited)."""
        if self._pool is not None and self._pid == os.getpid():
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._store = None

    # --- bookkeeping ------------------------------------------------------------------------

    def _timed(self, job: QueryJob) -> Outcome:
        key = threading.get_ident()
        with self._lock:
            self._running[key] = time.time()
        try:
            return self._evaluate(job)
        except Exception as exc:
            raise _detached(exc) from None
        finally:
            with self._lock:
                self._running.pop(key, None)
                self._jobs += 1

    def snapshot(self) -> tuple[int, float]:
        """Queries run by this process, and the start (Unix time) of its oldest running one
        (0: idle). Published to the shared metrics twice a second by ``kg serve`` and by
        ``/health`` itself: one shared-memory write per query would cost every request."""
        with self._lock:
            return self._jobs, min(self._running.values(), default=0.0)

    def _count_timeout(self) -> None:
        if self.metrics is not None:
            self.metrics.query_timeout()  # type: ignore[attr-defined]

    def _retire(self) -> None:
        with self._lock:
            if self.retiring:
                return
            self.retiring = True
        if self.metrics is not None:
            self.metrics.worker_retiring()  # type: ignore[attr-defined]
        if self.retire is not None:
            self.retire()


def _detached(exc: BaseException) -> BaseException:
    """``exc`` without the tracebacks of it and of the exceptions it chains.

    Why: pyoxigraph's result iterators must be dropped on the thread that made them. A
    traceback keeps the query's frames (and their iterators) alive; carried to the request
    thread with the exception, they would be dropped there (pyoxigraph then reports an error
    for each). Clearing the tracebacks here drops them on the query thread.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    return exc
