"""The query executor in-process: time limit, retirement hook, error mapping, thread hygiene.

Why in-process: these are the executor's own rules, checked on a real on-disk store without
HTTP (the served behaviour — 503, worker replaced, counters — is in test_server_protocol.py
and test_reliability_runaway.py, against a real ``kg serve``).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.config import Settings
from kg.errors import QuerySyntaxError, QueryTimeout
from kg.store import load_files
from server.executor import QueryExecutor
from server.formats import GRAPH, SOLUTIONS
from server.jobs import NotAcceptableResult, QueryJob
from server.metrics import ServerMetrics
from tests.conftest import SAMPLE_TRIG

#: A query that runs for seconds and then ends (a cartesian product of the sample store with
#: itself, 10 times: about 2 s): threads left running by a test finish soon after it.
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . VALUES ?k { "
        + " ".join(map(str, range(10))) + " } }")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("executor") / "store"
    load_files(Settings(store=path), [SAMPLE_TRIG])
    return path


@pytest.fixture
def executor(store: Path) -> Iterator[QueryExecutor]:
    ex = QueryExecutor(store, threads=2, metrics=ServerMetrics())
    yield ex
    ex.close()


def job(sparql: str, **formats: str | None) -> QueryJob:
    return QueryJob(sparql=sparql, formats=formats or {SOLUTIONS: "json"}, max_rows=100)


def sample(metrics: ServerMetrics, name: str) -> float:
    return metrics.registry.get_sample_value(name) or 0.0


def test_a_query_answers_and_is_counted(executor: QueryExecutor) -> None:
    outcome = executor.run(job("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"), timeout=10)
    assert outcome.rows == 3 and not outcome.truncated
    assert executor.snapshot() == (1, 0.0)  # one query run, idle again
    metrics: ServerMetrics = executor.metrics  # type: ignore[assignment]
    metrics.publish_worker(*executor.snapshot())
    assert metrics.summary()["workers"] == [
        {"pid": os.getpid(), "alive": True, "busy_seconds": None, "jobs": 1}]


def test_a_runaway_retires_the_process_once(executor: QueryExecutor) -> None:
    """Past the deadline: QueryTimeout at the deadline, the hook called once, counted."""
    calls: list[float] = []
    executor.retire = lambda: calls.append(time.monotonic())
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"time limit of 0\.3 s and was stopped"):
        executor.run(job(SLOW), timeout=0.3)
    assert 0.3 <= time.monotonic() - started < 1.5
    assert len(calls) == 1 and executor.retiring
    metrics: ServerMetrics = executor.metrics  # type: ignore[assignment]
    assert sample(metrics, "kg_query_timeouts_total") == 1
    assert sample(metrics, "kg_worker_restarts_total") == 1  # counted when decided
    assert sample(metrics, "kg_worker_retiring") == 1 and sample(metrics, "kg_workers") == 0
    assert metrics.summary()["workers"][0]["alive"] is False
    # a second runaway in the same (retiring) process does not call the hook again
    with pytest.raises(QueryTimeout):
        executor.run(job(SLOW), timeout=0.3)
    assert len(calls) == 1


def test_waiting_for_a_thread_counts_toward_the_limit(store: Path) -> None:
    """Every thread busy: the waiting job is cancelled at its deadline, nothing retires."""
    ex = QueryExecutor(store, threads=1)  # one request thread's worth: 2 query threads
    retired: list[bool] = []
    ex.retire = lambda: retired.append(True)
    blockers = [threading.Thread(target=lambda: ex.run(job(SLOW), 120)) for _ in range(2)]
    for t in blockers:
        t.start()
    time.sleep(0.3)
    with pytest.raises(QueryTimeout, match="every query thread stayed busy"):
        ex.run(job("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), timeout=0.3)
    assert retired == []
    for t in blockers:
        t.join()
    # free again: the blockers ran to the end, nothing was cancelled
    assert ex.run(job("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), timeout=10).rows == 1
    ex.close()


def test_errors_keep_their_status_and_short_message(executor: QueryExecutor) -> None:
    with pytest.raises(QuerySyntaxError) as err:
        executor.run(job("SELECT * WHERE { ?s ?p "), timeout=10)
    assert err.value.status == 400 and len(str(err.value)) <= 200
    with pytest.raises(NotAcceptableResult):
        executor.run(job("CONSTRUCT WHERE { ?s ?p ?o }", **{GRAPH: None}), timeout=10)


def test_errors_leave_no_pyoxigraph_object_to_other_threads(executor: QueryExecutor) -> None:
    """A result iterator must be dropped on its own thread; an exception raised after the
    query ran (here: no acceptable format) must not carry it to the request thread."""
    seen: list[str] = []
    previous = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append(f"{u.exc_type.__name__}: {u.exc_value}")
    try:
        for _ in range(5):
            with pytest.raises(NotAcceptableResult):
                executor.run(job("SELECT * WHERE { ?s ?p ?o }", **{SOLUTIONS: None}), timeout=10)
        gc.collect()
    finally:
        sys.unraisablehook = previous
    assert seen == []


def test_store_is_reopened_after_a_new_version(store: Path, executor: QueryExecutor) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x:extra> { ?s ?p ?o } }"
    before = executor.run(job(count), timeout=10).body
    extra = store.parent / "extra.nq"
    extra.write_text("<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:extra> .\n", encoding="utf-8")
    load_files(Settings(store=store), [extra])
    after = executor.run(job(count), timeout=10).body
    assert b'"0"' in before and b'"1"' in after
