"""``/health`` (JSON) and ``/metrics`` (Prometheus text exposition via ``prometheus_client``).

Why ``prometheus_client``: ``kg serve`` runs several gunicorn worker processes and a request
for ``/metrics`` reaches one of them; the client library's multiprocess mode (each process
writes its values to memory-mapped files in ``PROMETHEUS_MULTIPROC_DIR``, whichever process
answers reads them all) is the standard way to report the whole server, the arbiter's worker
restarts included. Without that directory (an app driven by Flask's test client) the same
metrics live in the process's own registry.

``/health`` reads the per-process gauges (``kg_worker_*``, one series per pid) for its worker
table, so it too describes every worker, not just the one that answered.
"""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Iterable

from flask import Blueprint, Flask, Response, current_app, g, jsonify, request
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector

from kg.errors import KGError

bp = Blueprint("metrics", __name__)

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
EXPOSITION = "text/plain; version=0.0.4; charset=utf-8"

disable_created_metrics()  # *_created series double the output and no dashboard reads them


def multiprocess_dir() -> str | None:
    """The shared metrics directory when several processes serve (set by ``kg serve``)."""
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


class ServerMetrics:
    """The server's counters, histogram and per-worker gauges (one registry per app)."""

    def __init__(self) -> None:
        reg = self.registry = CollectorRegistry()
        self.requests = Counter("kg_http_requests", "HTTP requests by route, method and status.",
                                ["route", "method", "status"], registry=reg)
        self.duration = Histogram("kg_http_request_duration_seconds", "Request latency by route.",
                                  ["route"], buckets=BUCKETS, registry=reg)
        self.errors = Counter("kg_http_errors", "Error responses (4xx client, 5xx server).",
                              ["class"], registry=reg)
        self.truncated = Counter("kg_query_results_truncated", "Answers cut at the row cap.",
                                 registry=reg)
        self.timeouts = Counter("kg_query_timeouts", "Queries stopped at the time limit.",
                                registry=reg)
        self.restarts = Counter("kg_worker_restarts",
                                "Worker processes that ended (a runaway query, a crash) and "
                                "were replaced.", registry=reg)
        self.workers = Gauge("kg_workers", "Worker processes alive and accepting requests.",
                             multiprocess_mode="livesum", registry=reg)
        self.jobs = Gauge("kg_worker_jobs", "Queries run, per worker process.",
                          multiprocess_mode="liveall", registry=reg)
        self.busy_since = Gauge("kg_worker_busy_since_seconds",
                                "Unix time the oldest running query of a worker started "
                                "(0: idle).", multiprocess_mode="liveall", registry=reg)
        self.retiring = Gauge("kg_worker_retiring",
                              "1 while a worker finishes its requests before ending (after a "
                              "runaway query).", multiprocess_mode="liveall", registry=reg)

    # --- written by the app, the executor and the server's hooks -------------------------

    def observe(self, route: str, method: str, status: int, seconds: float,
                truncated: bool) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.duration.labels(route).observe(seconds)
        if status >= 400:
            self.errors.labels("server" if status >= 500 else "client").inc()
        if truncated:
            self.truncated.inc()

    def worker_started(self) -> None:
        """A serving process is ready (its own series start at zero)."""
        self.workers.set(1)
        self.jobs.set(0)
        self.busy_since.set(0)
        self.retiring.set(0)

    def publish_worker(self, jobs: int, oldest_start: float) -> None:
        """This process's query count and the start of its oldest running query (0: idle)."""
        self.jobs.set(jobs)
        self.busy_since.set(oldest_start)

    def worker_retiring(self) -> None:
        """This process ends after its requests; counted as a restart now, when it is decided
        (the arbiter counts only workers that end without saying so: crashes, OOM kills)."""
        self.workers.set(0)
        self.retiring.set(1)
        self.restarts.inc()

    def query_timeout(self) -> None:
        self.timeouts.inc()

    def worker_restarted(self) -> None:
        self.restarts.inc()

    # --- read by /metrics and /health ----------------------------------------------------------

    def collected(self) -> CollectorRegistry:
        """Every process's values (multiprocess mode) or this process's registry."""
        directory = multiprocess_dir()
        if directory is None:
            return self.registry
        registry = CollectorRegistry()
        _WrittenFilesCollector(registry, path=directory)
        return registry

    def render(self) -> bytes:
        """The text exposition (version 0.0.4)."""
        return generate_latest(self.collected())

    def summary(self) -> dict[str, object]:
        """Worker table (one row per serving process) and totals for /health."""
        per_pid: dict[str, dict[str, float]] = {}
        totals = {"kg_worker_restarts_total": 0.0, "kg_query_timeouts_total": 0.0}
        for family in self.collected().collect():
            for sample in family.samples:
                if sample.name in totals:
                    totals[sample.name] += sample.value
                elif sample.name.startswith("kg_worker_"):
                    pid = sample.labels.get("pid", str(os.getpid()))
                    per_pid.setdefault(pid, {})[sample.name] = sample.value
        now = time.time()
        workers = []
        for pid, values in sorted(per_pid.items(), key=lambda kv: int(kv[0])):
            since = values.get("kg_worker_busy_since_seconds", 0.0)
            workers.append({
                "pid": int(pid),
                "alive": _alive(int(pid)) and not values.get("kg_worker_retiring"),
                "busy_seconds": round(now - since, 3) if since else None,
                "jobs": int(values.get("kg_worker_jobs", 0)),
            })
        return {"workers": workers,
                "worker_restarts": int(totals["kg_worker_restarts_total"]),
                "query_timeouts": int(totals["kg_query_timeouts_total"])}


class _WrittenFilesCollector(MultiProcessCollector):
    """The library's multiprocess collector, reading only the ``.db`` files that have been
    sized.

    Why: prometheus_client creates a process's file before it sizes it, so a reader can find
    it empty, and a worker killed in that moment (``kg serve`` retires a worker whose query
    outruns the time limit) leaves it empty for good; the library then fails every read with
    ``struct.error`` and ``/health`` and ``/metrics`` answer 500 from then on
    (prometheus/client_python#1199, open upstream). An empty file holds no samples, so
    leaving it out loses nothing.
    """

    def __init__(self, registry: CollectorRegistry, path: str) -> None:
        self._directory = path
        super().__init__(registry, path=path)

    def collect(self) -> Iterable[Metric]:
        files = []
        for name in glob.glob(os.path.join(self._directory, "*.db")):
            try:
                if os.path.getsize(name) > 0:
                    files.append(name)
            except OSError:
                continue  # its process was cleaned up since the listing
        return self.merge(files, accumulate=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def init_app(app: Flask) -> None:
    """Register the timing hooks that feed the app's ServerMetrics (made by ``create_app``)."""
    metrics: ServerMetrics = app.extensions["kg_metrics"]

    @app.before_request
    def _start() -> None:
        g.kg_started = time.perf_counter()

    @app.after_request
    def _record(response: Response) -> Response:
        started = g.get("kg_started")
        if started is not None:
            route = request.url_rule.rule if request.url_rule else "unmatched"
            metrics.observe(route, request.method, response.status_code,
                            time.perf_counter() - started,
                            response.headers.get("X-Result-Truncated") == "true")
        return response


@bp.get("/metrics")
def metrics_text() -> Response:
    """Prometheus text exposition."""
    return Response(current_app.extensions["kg_metrics"].render(), content_type=EXPOSITION)


@bp.get("/health")
def health() -> Response:
    """Store version, graphs and worker status; 503 when the store cannot be queried."""
    from server import runner

    report: dict[str, object] = {"status": "ok", "store_version": None, "graphs": None}
    try:
        from kg import store as kg_store

        report["store_version"] = kg_store.current_version(runner.settings().store)
        report["graphs"] = [row["g"]["value"] for row in runner.select("graphs")]
    except (KGError, OSError, ImportError) as exc:
        report["status"] = "unavailable"
        report["error"] = str(exc)
    metrics = current_app.extensions["kg_metrics"]
    metrics.publish_worker(*runner.executor().snapshot())  # this process: exact, not 0.5 s old
    report.update(metrics.summary())
    response = jsonify(report)
    response.status_code = 200 if report["status"] == "ok" else 503
    return response
