"""``kg serve``: run the Flask app under gunicorn, one worker process per ``--workers``.

Why gunicorn's pre-forked workers: every worker process parses HTTP, runs the view and
evaluates its query itself (``server/executor.py``; pyoxigraph releases the GIL, so a worker's
threads overlap), instead of handing each query to a separate process over a pipe. The time
limit still stops a query: a worker whose query outlives it answers 503, stops accepting,
finishes its other requests and ends (``QueryExecutor.retire`` -> ``worker.alive = False``);
the arbiter starts a replacement. The ``gthread`` worker keeps connections alive and waits for
in-flight requests on a graceful stop.

Metrics: each process writes ``prometheus_client`` values to a private temporary directory
(multiprocess mode) that every worker reads for ``/metrics`` and ``/health``; the arbiter
counts worker replacements there, and ``run_server`` removes the directory when it returns
(workers end with ``os._exit`` and never reach that cleanup).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from kg.config import Settings

#: Longest request line (method, URL with its query string, version). gunicorn caps its own
#: setting at 8190 bytes, too short for SPARQL sent by GET; the documented limit of this
#: endpoint (``docs/http-statuses.md``) is 256 KiB, then 414. Longer queries go by POST.
MAX_REQUEST_LINE = 256 * 1024
#: Longest single header line (a long Cookie or Authorization); 431 above it.
MAX_HEADER_FIELD = 64 * 1024


def _metrics_dir() -> str:
    """A fresh directory for prometheus_client's multiprocess files, set in the environment
    before ``prometheus_client`` chooses its value class (so every metric is shared)."""
    directory = tempfile.mkdtemp(prefix="kg-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
    if "prometheus_client.values" in sys.modules:  # imported early: choose again
        from prometheus_client import values

        values.ValueClass = values.get_value_class()
    return directory


def _adjust_gunicorn() -> None:
    """Two module-level adjustments of gunicorn, made once before the workers fork.

    * Raise its hard cap on the request line to :data:`MAX_REQUEST_LINE`.
    * Answer requests it refuses before the app sees them (a malformed request line, a header
      over the limit) in plain text like the app's own errors, with the offending bytes
      escaped: its HTML page echoes them raw, which is not even valid UTF-8.
    """
    from gunicorn import util
    from gunicorn.http import message

    message.MAX_REQUEST_LINE = max(message.MAX_REQUEST_LINE, MAX_REQUEST_LINE)
    util.write_error = _write_error


def _write_error(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    from gunicorn import util

    text = f"{status_int} {reason}: {mesg or reason}\n".encode("ascii", "backslashreplace")
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\nContent-Length: {len(text)}\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin-1") + text)


def balanced_worker_class() -> type:
    """gunicorn's ``gthread`` worker that accepts a connection only with a request thread free.

    Why: every worker waits on the same listening socket, and the one that wakes first takes
    connection after connection; with keep-alive clients (notebooks, the benchmark's load
    generator) a burst of connections could all stay on one worker, which then runs every
    request's Python on one core while the others idle (a third less throughput in 1 of 4
    benchmark runs). Declining to accept while all its threads are busy leaves the next
    connection to an idle worker; the kernel keeps it queued meanwhile.
    """
    from gunicorn.workers.gthread import ThreadWorker

    class BalancedThreadWorker(ThreadWorker):  # type: ignore[misc]
        active = 0  # requests submitted to the thread pool and not finished (main thread)

        def set_accept_enabled(self, enabled: bool) -> None:
            super().set_accept_enabled(enabled and self.active < self.cfg.threads)

        def enqueue_req(self, conn: Any) -> None:
            self.active += 1
            if self.active >= self.cfg.threads:
                self.set_accept_enabled(False)
            super().enqueue_req(conn)

        def finish_request(self, conn: Any, fs: Any) -> None:
            self.active -= 1
            try:
                super().finish_request(conn, fs)
            finally:
                self.set_accept_enabled(self.alive and self.nr_conns < self.worker_connections)

    return BalancedThreadWorker


def gunicorn_options(settings: Settings, app: Any, metrics_dir: str) -> dict[str, Any]:
    """gunicorn settings and server hooks for one Settings (see the module doc)."""
    executor = app.extensions["kg_executor"]
    metrics = app.extensions["kg_metrics"]

    def post_fork(server: Any, worker: Any) -> None:
        metrics.worker_started()

        def retire() -> None:
            Path(metrics_dir, f"retired-{os.getpid()}").touch()  # already counted as a restart
            worker.alive = False  # the gthread loop stops accepting and drains

        executor.retire = retire

    def post_worker_init(worker: Any) -> None:
        with contextlib.suppress(Exception):  # a store problem is answered per request (503)
            executor.start()

        def publish() -> None:  # the worker table of /health, at most 0.5 s old
            while True:
                metrics.publish_worker(*executor.snapshot())
                time.sleep(0.5)

        threading.Thread(target=publish, daemon=True, name="kg-publish").start()

    def worker_exit(server: Any, worker: Any) -> None:
        """End the worker process here, with gunicorn's exit code, skipping interpreter
        finalization: tearing down pyoxigraph's store while its threads exist crashed the
        process (SIGSEGV on every stop), and a runaway query's thread would be waited for."""
        exc = sys.exc_info()[1]
        code = exc.code if isinstance(exc, SystemExit) else 1
        code = 0 if code is None else code if isinstance(code, int) else 1
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code & 0xFF)

    def child_exit(server: Any, worker: Any) -> None:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid, metrics_dir)
        marker = Path(metrics_dir, f"retired-{worker.pid}")
        if marker.exists():
            marker.unlink()
        elif server.LISTENERS:  # ended unannounced (crash, OOM kill), not at shutdown
            metrics.worker_restarted()

    def when_ready(server: Any) -> None:
        for listener in server.LISTENERS:
            print(f"serving {settings.store} on {listener}/sparql "
                  f"({settings.workers} workers x {settings.threads} threads)",
                  file=sys.stderr, flush=True)

    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return {
        "bind": [f"{host}:{settings.port}"],
        "workers": settings.workers,
        "worker_class": balanced_worker_class(),
        "threads": settings.threads,
        "keepalive": 5,
        "timeout": int(settings.query_timeout) + 30,  # heartbeat: a wedged worker is killed
        "graceful_timeout": int(settings.query_timeout) + 5,
        "limit_request_line": MAX_REQUEST_LINE,
        "limit_request_field_size": MAX_HEADER_FIELD,
        "proc_name": "kg-sparql",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "post_fork": post_fork,
        "post_worker_init": post_worker_init,
        "worker_exit": worker_exit,
        "child_exit": child_exit,
        "when_ready": when_ready,
    }


def run_server(settings: Settings) -> None:
    """Serve until interrupted (SIGTERM or Ctrl-C stop gracefully).

    A store that cannot be opened is a one-line error before anything listens (like a Fuseki
    dataset that is not there), not a server that answers 503 to every query.
    """
    from gunicorn.app.base import BaseApplication

    from kg.store import open_store

    open_store(Path(settings.store))  # raises StoreUnavailable with the reason; then closed
    metrics_dir = _metrics_dir()
    _adjust_gunicorn()

    from server import create_app

    app = create_app(settings)
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(os.getpid(), metrics_dir)  # the arbiter is not a worker
    options = gunicorn_options(settings, app, metrics_dir)

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return app

    try:
        _Server().run()
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
