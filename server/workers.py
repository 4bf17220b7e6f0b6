"""Query worker processes: the time limit that actually stops a query.

Why processes: pyoxigraph cannot cancel a running query, and a thread cannot be killed. Each
query therefore runs in one of ``Settings.workers`` child processes (``forkserver`` context
where available, else ``spawn``: never ``fork`` from a threaded server). The HTTP thread sends
the job over a pipe and waits at most until the request's deadline; if the answer is late it
kills that worker (SIGKILL), starts a replacement in the background and answers 503. Other
requests keep being served by the other workers, so a runaway query delays nobody beyond its
own limit. The time a request waits for a free worker counts toward its limit.

Each worker opens the store read-only itself through ``kg.store.open_store`` and re-opens it when
``kg.store.current_version`` changes (a rebuild swapped in a new version). Results are cut at the
row cap and serialized inside the worker, so only bytes cross the pipe.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KGError, QuerySyntaxError, QueryTimeout, StoreUnavailable
from server.formats import BOOLEAN, GRAPH, SOLUTIONS


class QueryFailed(KGError):
    """The store could not evaluate a query that parsed (status carried per instance)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class NotAcceptableResult(KGError):
    """The query's result kind has no format the client accepts (406)."""

    status = 406

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(f"no acceptable format for {kind} results")


@dataclass(frozen=True)
class QueryJob:
    """Everything a worker needs to run one query; picklable."""

    sparql: str
    formats: dict[str, str | None]  # result kind -> format key (None: client accepts none)
    max_rows: int
    base_iri: str | None = None
    default_graph: tuple[str, ...] | None = None  # protocol dataset (None: not given)
    named_graphs: tuple[str, ...] | None = None
    union_default: bool = True
    substitutions: dict[str, object] = field(default_factory=dict)
    prefixes: dict[str, str] | None = None


@dataclass(frozen=True)
class Outcome:
    """A serialized answer: its kind, format key, bytes, row count and truncation flag."""

    kind: str
    format_key: str
    body: bytes
    rows: int
    truncated: bool


# --- inside the worker ------------------------------------------------------------------------


def execute(store: object, job: QueryJob) -> Outcome:
    """Run one job against an open store (in the worker process)."""
    import pyoxigraph as ox

    from kg import store as kg_store
    from server import formats

    kwargs: dict[str, object] = {"base_iri": job.base_iri, "prefixes": job.prefixes}
    if job.default_graph is not None or job.named_graphs is not None:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graph or ()]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    else:
        kwargs["use_default_graph_as_union"] = job.union_default
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(k): v for k, v in job.substitutions.items()}
    result = kg_store.run_query(store, job.sparql, **kwargs)
    if isinstance(result, ox.QueryBoolean):
        key = _format_for(job, BOOLEAN)
        return Outcome(BOOLEAN, key, formats.serialize_boolean(result, key), 1, False)
    if isinstance(result, ox.QuerySolutions):
        key = _format_for(job, SOLUTIONS)
        whole = formats.serialize_whole_solutions(result, key, job.max_rows)
        if whole is not None:
            body, rows = whole
            return Outcome(SOLUTIONS, key, body, rows, False)
        # Over the row cap (or the byte budget): run it again and cut it at the cap in Python.
        result = kg_store.run_query(store, job.sparql, **kwargs)
        assert isinstance(result, ox.QuerySolutions)
        variables = [v.value for v in result.variables]
        rows, truncated = _take(([s[v] for v in variables] for s in result), job.max_rows)
        return Outcome(SOLUTIONS, key, formats.serialize_solutions(variables, rows, key),
                       len(rows), truncated)
    key = _format_for(job, GRAPH)
    if key in formats.LINE_FORMATS:
        whole = formats.serialize_whole_triples(result, key, job.max_rows)
        if whole is not None:
            return Outcome(GRAPH, key, whole[0], whole[1], False)
        result = kg_store.run_query(store, job.sparql, **kwargs)  # over the cap: cut it
    triples, truncated = _take(iter(result), job.max_rows)
    return Outcome(GRAPH, key, formats.serialize_triples(triples, key), len(triples), truncated)


def _format_for(job: QueryJob, kind: str) -> str:
    key = job.formats.get(kind)
    if key is None:
        raise NotAcceptableResult(kind)
    return key


def _take(items: object, cap: int) -> tuple[list, bool]:
    out = []
    for item in items:  # type: ignore[attr-defined]
        if len(out) == cap:
            return out, True
        out.append(item)
    return out, False


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this worker if the server dies (best effort elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def worker_main(conn: Connection, store_path: str) -> None:
    """Loop of one worker process: receive a job, answer ("ok", Outcome) or an error tuple."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server handles Ctrl-C and kills us
    from kg import store as kg_store

    path = Path(store_path)
    store, version = None, None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            current = kg_store.current_version(path)
            if store is None or current != version:
                store, version = None, None
                store = kg_store.open_store(path, read_only=True)
                version = current
            reply: tuple = ("ok", execute(store, job))
        except NotAcceptableResult as exc:
            reply = ("not_acceptable", exc.kind)
        except KGError as exc:
            reply = ("error", type(exc).__name__, str(exc), exc.status)
        except SyntaxError as exc:  # in case the store layer did not wrap it
            reply = ("error", "QuerySyntaxError", str(exc), 400)
        except OSError as exc:
            store = None
            reply = ("error", "StoreUnavailable", f"store error: {exc}", 503)
        except (RuntimeError, ValueError, TypeError) as exc:
            reply = ("error", "QueryFailed", f"the query could not be evaluated: {exc}", 400)
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


def update_main(conn: Connection, store_path: str, sparql: str, base_iri: str | None) -> None:
    """One SPARQL Update in a process of its own, written as a new store version.

    Why a process: an update can run away like a query; killing this process drops its
    ``flock`` and leaves the live version untouched (the next writer removes the half-written
    directory). The derived graph and VoID are recomputed, as ``kg load`` does.
    """
    _die_with_parent()
    from kg import derive, void
    from kg import store as kg_store

    path = Path(store_path)
    try:
        with kg_store.writer_lock(path), kg_store.new_version(path) as version:
            assert version.store is not None
            kg_store.run_update(version.store, sparql, base_iri=base_iri)
            derive.materialise(version.store)
            void.write_void(version.store)
        reply: tuple = ("ok", kg_store.current_version(path))
    except KGError as exc:
        reply = ("error", type(exc).__name__, str(exc), exc.status)
    except OSError as exc:
        reply = ("error", "StoreUnavailable", f"store error: {exc}", 503)
    except (RuntimeError, ValueError, TypeError) as exc:
        reply = ("error", "QueryFailed", f"the update could not be applied: {exc}", 400)
    conn.send(reply)


# --- in the server ------------------------------------------------------------------------------


class _Worker:
    def __init__(self, process: multiprocessing.process.BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.busy_since: float | None = None
        self.jobs = 0
        self.started = time.time()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["pyoxigraph", "kg.store", "server.formats"])
        return ctx
    return multiprocessing.get_context("spawn")


class WorkerPool:
    """A fixed number of killable query workers behind a queue of idle ones."""

    def __init__(self, store_path: Path, size: int) -> None:
        self.store_path = Path(store_path)
        self.size = max(1, int(size))
        self.restarts = 0
        self.timeouts = 0
        self._ctx = _context()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False

    def start(self) -> None:
        """Start the workers (idempotent; also done lazily by the first query)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        for _ in range(self.size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=worker_main, args=(child, str(self.store_path)), daemon=True,
            name="kg-query-worker",
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start its replacement in the background."""
        with self._lock:
            self._workers.discard(worker)
            self.restarts += 1
        with contextlib.suppress(OSError, ValueError):
            worker.process.kill()
        with contextlib.suppress(OSError):
            worker.conn.close()

        def respawn() -> None:
            worker.process.join(timeout=5)
            if not self._closed:
                self._idle.put(self._spawn())

        threading.Thread(target=respawn, daemon=True, name="kg-worker-respawn").start()

    def run(self, job: QueryJob, timeout: float) -> Outcome:
        """Run a job within ``timeout`` seconds (queue wait included) or raise QueryTimeout."""
        self.start()
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            with self._lock:
                self.timeouts += 1
            raise QueryTimeout(
                f"all {self.size} query workers stayed busy for the whole time limit "
                f"({timeout:g} s); try again later") from None
        worker.busy_since = time.monotonic()
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                with self._lock:
                    self.timeouts += 1
                self._replace(worker)
                raise QueryTimeout(
                    f"the query ran longer than the time limit of {timeout:g} s and was "
                    "stopped; add LIMIT or more selective patterns")
            reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise StoreUnavailable(
                "the query worker stopped while running the query (out of memory?); "
                "it has been replaced") from None
        worker.busy_since = None
        worker.jobs += 1
        self._idle.put(worker)
        return _unwrap(reply)

    def run_update(self, sparql: str, base_iri: str | None, timeout: float) -> str:
        """Apply one update as a new store version within ``timeout``; return the version."""
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=update_main, daemon=True, name="kg-update",
                                    args=(child, str(self.store_path), sparql, base_iri))
        process.start()
        child.close()
        try:
            if not parent.poll(timeout):
                with self._lock:
                    self.timeouts += 1
                raise QueryTimeout(f"the update ran longer than the time limit of {timeout:g} s "
                                   "and was stopped; the store is unchanged")
            reply = parent.recv()
        except (EOFError, OSError):
            raise StoreUnavailable("the update process stopped unexpectedly; the store is "
                                   "unchanged") from None
        finally:
            if process.is_alive():
                process.kill()
            process.join(timeout=5)
            parent.close()
        if reply[0] == "ok":
            return str(reply[1])
        return _unwrap(reply)  # raises

    def status(self) -> list[dict[str, object]]:
        """One entry per live worker: pid, alive, busy seconds, jobs served."""
        now = time.monotonic()
        with self._lock:
            workers = list(self._workers)
        return [{
            "pid": w.process.pid,
            "alive": w.process.is_alive(),
            "busy_seconds": None if w.busy_since is None else round(now - w.busy_since, 3),
            "jobs": w.jobs,
        } for w in sorted(workers, key=lambda w: w.started)]

    def close(self) -> None:
        """Stop every worker (polite first, then killed)."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for w in workers:
            with contextlib.suppress(OSError, ValueError):
                w.conn.send(None)
        for w in workers:
            w.process.join(timeout=1)
            if w.process.is_alive():
                with contextlib.suppress(OSError, ValueError):
                    w.process.kill()


def _unwrap(reply: tuple) -> Outcome:
    tag = reply[0]
    if tag == "ok":
        return reply[1]
    if tag == "not_acceptable":
        raise NotAcceptableResult(reply[1])
    _, name, message, status = reply
    if name == "QuerySyntaxError":
        raise QuerySyntaxError(_short_syntax_message(message))
    if name == "StoreUnavailable":
        raise StoreUnavailable(message)
    raise QueryFailed(message, status if 400 <= status < 600 else 500)


def _short_syntax_message(message: str) -> str:
    """pyoxigraph lists every expected token; keep the position and the first few."""
    message = " ".join(message.split())
    return message if len(message) <= 200 else message[:197] + "..."
