"""``/health`` (JSON) and ``/metrics`` (Prometheus text exposition, written by hand).

Why by hand: the exposition format is a few lines of text, and the counters we need (requests
by route and status, a latency histogram, query timeouts, worker restarts) fit in a dict under
a lock; no extra dependency. Counts are per server process.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict

from flask import Blueprint, Flask, Response, current_app, g, jsonify, request

from kg.errors import KGError

bp = Blueprint("metrics", __name__)

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class Metrics:
    """Thread-safe request counters and latency histogram."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: dict[tuple[str, str, int], int] = defaultdict(int)
        self.buckets: dict[str, list[int]] = defaultdict(lambda: [0] * len(BUCKETS))
        self.latency_sum: dict[str, float] = defaultdict(float)
        self.latency_count: dict[str, int] = defaultdict(int)
        self.errors: dict[str, int] = defaultdict(int)
        self.truncated = 0

    def observe(self, route: str, method: str, status: int, seconds: float,
                truncated: bool) -> None:
        with self.lock:
            self.requests[(route, method, status)] += 1
            counts = self.buckets[route]
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    counts[i] += 1
            self.latency_sum[route] += seconds
            self.latency_count[route] += 1
            if status >= 400:
                self.errors["server" if status >= 500 else "client"] += 1
            self.truncated += int(truncated)

    def render(self, pool: object) -> str:
        """The text exposition (version 0.0.4)."""
        out = ["# HELP kg_http_requests_total HTTP requests by route, method and status.",
               "# TYPE kg_http_requests_total counter"]
        with self.lock:
            for (route, method, status), n in sorted(self.requests.items()):
                out.append(f'kg_http_requests_total{{route="{_esc(route)}",method="{method}",'
                           f'status="{status}"}} {n}')
            out += ["# HELP kg_http_request_duration_seconds Request latency by route.",
                    "# TYPE kg_http_request_duration_seconds histogram"]
            for route in sorted(self.buckets):
                for bound, n in zip(BUCKETS, self.buckets[route], strict=True):
                    out.append(f'kg_http_request_duration_seconds_bucket{{route="{_esc(route)}",'
                               f'le="{bound}"}} {n}')
                out.append(f'kg_http_request_duration_seconds_bucket{{route="{_esc(route)}",'
                           f'le="+Inf"}} {self.latency_count[route]}')
                out.append(f'kg_http_request_duration_seconds_sum{{route="{_esc(route)}"}} '
                           f"{self.latency_sum[route]:.6f}")
                out.append(f'kg_http_request_duration_seconds_count{{route="{_esc(route)}"}} '
                           f"{self.latency_count[route]}")
            out += ["# HELP kg_http_errors_total Error responses (4xx client, 5xx server).",
                    "# TYPE kg_http_errors_total counter"]
            out += [f'kg_http_errors_total{{class="{k}"}} {v}' for k, v in
                    sorted(self.errors.items())]
            out += ["# HELP kg_query_results_truncated_total Answers cut at the row cap.",
                    "# TYPE kg_query_results_truncated_total counter",
                    f"kg_query_results_truncated_total {self.truncated}"]
        out += ["# HELP kg_query_timeouts_total Queries stopped at the time limit.",
                "# TYPE kg_query_timeouts_total counter",
                f"kg_query_timeouts_total {pool.timeouts}",  # type: ignore[attr-defined]
                "# HELP kg_worker_restarts_total Query workers killed and replaced.",
                "# TYPE kg_worker_restarts_total counter",
                f"kg_worker_restarts_total {pool.restarts}",  # type: ignore[attr-defined]
                "# HELP kg_workers Query worker processes alive.",
                "# TYPE kg_workers gauge",
                f"kg_workers {sum(1 for w in pool.status() if w['alive'])}"]  # type: ignore
        return "\n".join(out) + "\n"


def _esc(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def init_app(app: Flask) -> None:
    """Register the timing hooks and the Metrics object."""
    metrics = Metrics()
    app.extensions["kg_metrics"] = metrics

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
    text = current_app.extensions["kg_metrics"].render(current_app.extensions["kg_pool"])
    return Response(text, content_type="text/plain; version=0.0.4; charset=utf-8")


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
    pool = runner.pool()
    report["workers"] = pool.status()
    report["worker_restarts"] = pool.restarts
    report["query_timeouts"] = pool.timeouts
    response = jsonify(report)
    response.status_code = 200 if report["status"] == "ok" else 503
    return response
