"""The benchmark's load generators drive a real HTTP server on 127.0.0.1 and count honestly.

Why: the serving throughput in ``bench/RESULTS.md`` is only as good as the generator's
bookkeeping. Each test starts a small threaded HTTP/1.1 server (keep-alive) that records what it
was asked and answers 404 for one path, then checks that every path of the mix was sent with its
own Accept header and that the failures were counted as failures, not as throughput. No timing
is asserted (benchmarks are not tests).
"""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from bench import loadgen

MIX = [("/sparql?query=ASK%7B%7D", "application/sparql-results+json"),
       ("/sparql?query=SELECT%20%2A%20%7B%7D", "text/csv"),
       ("/missing", "text/plain")]


class _Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as both generators expect
    seen: ClassVar[Counter[tuple[str, str]]] = Counter()
    lock = threading.Lock()

    def do_GET(self) -> None:
        with self.lock:
            self.seen[(self.path, self.headers.get("Accept", ""))] += 1
        status = 404 if self.path == "/missing" else 200
        body = b'{"boolean": true}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[int]:
    _Recorder.seen = Counter()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


def _check_mix_sent(total: int) -> None:
    seen = _Recorder.seen
    assert set(seen) == set(MIX)  # every path, each with its own Accept header
    assert sum(seen.values()) >= total  # a request in flight at the end is not counted


def test_asyncio_generator_counts_statuses(server: int) -> None:
    res = loadgen.run_load(server, MIX, concurrency=2, max_requests=30, max_seconds=10)
    assert res.requests == 30 and res.errors == 0
    assert res.statuses == {200: 20, 404: 10}
    assert len(res.latencies) == 30 and res.throughput > 0
    _check_mix_sent(30)


@pytest.mark.skipif(shutil.which("wrk") is None,
                    reason="wrk missing (Debian package 'wrk', installed by .ci/setup)")
def test_wrk_generator_cycles_the_mix_and_counts_failures(server: int) -> None:
    res = loadgen.run_wrk(server, MIX, concurrency=2, seconds=1)
    assert res.generator == "wrk"
    assert res.requests > 3 and res.errors == 0
    # one path in three answers 404: wrk counts it as a failure, never as a success
    assert res.statuses["other"] > 0
    assert res.statuses["2xx/3xx"] + res.statuses["other"] == res.requests
    assert abs(res.statuses["other"] - res.requests / 3) <= 2
    summary = res.latency_summary
    assert summary is not None and 0 < summary["median"] <= summary["p95"] <= summary["max"]
    _check_mix_sent(res.requests)


def test_wrk_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loadgen, "wrk_path", lambda: None)
    with pytest.raises(FileNotFoundError, match="wrk is not installed"):
        loadgen.run_wrk(1, MIX, 1, 1)
