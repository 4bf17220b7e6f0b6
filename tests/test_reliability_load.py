"""Sustained load: 16 concurrent clients of mixed saved queries for 60 s, on loopback.

Why these numbers: 16 clients is twice waitress's thread count for two workers (8), so requests
queue at the server as they would under real load; 60 s is long enough for a leak to show in
the resident memory of the server and its query workers (sampled every second from /proc) and
short enough for CI (``KG_LOAD_SECONDS`` shortens or lengthens it). The bar: zero errors, no
worker restarts, and memory at the end within 15 % + 16 MiB of memory after warm-up.
"""

from __future__ import annotations

import itertools
import os
import statistics
import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
import requests

from tests.conftest import LiveServer
from tests.reliability.figures import record
from tests.reliability.servers import health, serve, tree_rss

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SECONDS = float(os.environ.get("KG_LOAD_SECONDS", "60"))
CLIENTS = 16
WARMUP = 5.0
VALUES = {"iri": "china", "dateTime": "2023", "string": "NATO"}
ACCEPTS = {"SELECT": ["application/sparql-results+json", "text/csv",
                      "application/sparql-results+xml", "text/tab-separated-values"],
           "ASK": ["application/sparql-results+json"],
           "CONSTRUCT": ["text/turtle", "application/n-triples", "application/ld+json"],
           "DESCRIBE": ["text/turtle"]}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    for live, _ in serve(tmp_path_factory.mktemp("load"), timeout=10.0, workers=2):
        yield live


def request_mix(server: LiveServer) -> list[tuple[str, dict[str, str], str]]:
    """(url, params, Accept) for every saved query, required parameters filled in."""
    mix = []
    for q in requests.get(server.url + "/queries.json", timeout=30).json()["queries"]:
        params = {p["name"]: VALUES.get(p["type"], "china") for p in q["params"]
                  if p["required"] and p["default"] is None}
        mix += [(q["url"], params, accept) for accept in ACCEPTS[q["query_type"]]]
    return mix


def test_sustained_mixed_load_has_no_errors_and_stable_memory(server: LiveServer) -> None:
    """``CLIENTS`` threads loop over the mix for ``SECONDS``; RSS sampled once a second."""
    mix = request_mix(server)
    pid = server.process.pid
    statuses: Counter[str] = Counter()
    latencies: list[float] = []
    samples: list[tuple[float, int]] = []
    lock = threading.Lock()
    start = time.monotonic()
    end = start + SECONDS

    def client(offset: int) -> None:
        session = requests.Session()
        for url, params, accept in itertools.islice(itertools.cycle(mix), offset, None):
            if time.monotonic() >= end:
                return
            t0 = time.perf_counter()
            try:
                r = session.get(url, params=params, headers={"Accept": accept}, timeout=30)
                outcome = str(r.status_code)
            except requests.RequestException as exc:
                outcome = type(exc).__name__
            with lock:
                statuses[outcome] += 1
                latencies.append(time.perf_counter() - t0)

    def sampler() -> None:
        while time.monotonic() < end:
            samples.append((time.monotonic() - start, tree_rss(pid)))
            time.sleep(1.0)

    threads = [threading.Thread(target=client, args=(i * 3,)) for i in range(CLIENTS)]
    threads.append(threading.Thread(target=sampler))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    report = health(server)

    errors = {k: v for k, v in statuses.items() if k not in ("200", "206")}
    after_warmup = [rss for t, rss in samples if t >= WARMUP]
    first = statistics.median(after_warmup[:10])
    last = statistics.median(after_warmup[-10:])
    lat = sorted(latencies)
    mib = 1024 * 1024
    record("sustained load", f"{CLIENTS} clients x {SECONDS:g} s of mixed saved queries",
           sum(statuses.values()), statuses,
           requests_per_second=round(sum(statuses.values()) / elapsed, 1),
           p50_ms=round(lat[len(lat) // 2] * 1000, 1),
           p95_ms=round(lat[int(len(lat) * 0.95)] * 1000, 1),
           p99_ms=round(lat[int(len(lat) * 0.99)] * 1000, 1),
           rss_after_warmup_mib=round(first / mib, 1), rss_at_end_mib=round(last / mib, 1),
           rss_max_mib=round(max(after_warmup) / mib, 1), processes=len(report["workers"]) + 2,
           worker_restarts=report["worker_restarts"], distinct_requests=len(mix))
    assert errors == {}, errors
    assert report["status"] == "ok" and report["worker_restarts"] == 0
    assert last <= first * 1.15 + 16 * mib, (first / mib, last / mib)
