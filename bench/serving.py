"""Serving: HTTP latency vs in-process pyoxigraph, throughput at 1/4/16, vs rdflib-endpoint.

Why these three numbers:

* **HTTP vs in-process.** The same bound query run by ``Store.query`` in this process, with
  pyoxigraph's own JSON / N-Triples serializer, is the floor; ``kg serve`` adds gunicorn,
  Flask, parameter binding, the hand-off to a query thread and our serializer. One in-process run
  and one HTTP request alternate, so both see the same machine load. Target per query:
  p50 and p95 over HTTP <= 1.2x in-process + 1 ms.
* **Throughput at concurrency 1, 4 and 16** with :mod:`bench.loadgen` (closed loop,
  keep-alive, bounded in seconds): Debian's ``wrk`` when it is installed (it takes the least
  CPU from the two cores the server also needs), else our asyncio client; a round-robin mix
  of every query, the same generator for both servers.
* **rdflib-endpoint** (FastAPI + uvicorn over an rdflib ``Dataset(default_union=True)``)
  serving ``kg dump --format nquads`` of the same store, asked the same mix through the same
  Protocol GET. Saved queries' parameters are inlined as a ``VALUES`` block for both servers
  (rdflib-endpoint has no ``substitutions``), and row counts are compared so a fast wrong
  answer cannot pass. Target: ours >= 20x its throughput.

* **The in-process ceiling.** The same mix run by ``Store.query`` + pyoxigraph's serializer in
  1 and 2 worker processes with no HTTP at all (each process its own read-only store handle):
  the most any server built on pyoxigraph could answer on this machine. It bounds the ratio to
  rdflib-endpoint that is reachable, and ``kg serve``'s share of it is its real efficiency.
* **The framework floor.** A Flask app with one route returning a fixed body, under gunicorn
  with the same worker class, workers and threads as ``kg serve``, timed with the same
  keep-alive client: the latency no query can go below on this machine with the mandated stack
  (Flask), reported next to the per-query overheads.

Only 127.0.0.1 is contacted; both servers are child processes stopped at the end.
"""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bench.common import ROOT, WORK, free_port, run_json, server_process, summary
from bench.loadgen import fetch, run_load, run_wrk, wrk_path

SELECT_ACCEPT = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples"

#: Ad-hoc queries an analyst might type (beside the saved ones); no parameters.
ADHOC: dict[str, str] = {
    "adhoc-ask-trivial": "ASK { }",
    "adhoc-count-by-graph-kind": """
        SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)""",
    "adhoc-spo-limit-100": "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 100",
    "adhoc-label-search": """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?e ?label WHERE { ?e rdfs:label ?label
          FILTER(CONTAINS(LCASE(STR(?label)), "china")) } ORDER BY ?label LIMIT 50""",
    "adhoc-negative-stance-pairs": """
        PREFIX kg: <https://w3id.org/geokg/ontology#>
        PREFIX kgc: <https://w3id.org/geokg/concept/>
        SELECT ?h ?t (COUNT(?s) AS ?n) WHERE {
          ?s a kg:Stance ; kg:holder ?h ; kg:target ?t ; kg:polarity kgc:negative }
        GROUP BY ?h ?t ORDER BY DESC(?n) LIMIT 20""",
}


@dataclass(frozen=True)
class BenchQuery:
    """One query as each side runs it."""

    name: str
    kind: str  # "saved" or "adhoc"
    query_type: str  # SELECT / CONSTRUCT / ASK
    sparql: str  # text for in-process runs (with substitutions)
    substitutions: dict[str, Any]
    inline: str  # text with parameters inlined (Protocol GET to both servers)
    saved_path: str | None  # /queries/<name> on our server

    @property
    def accept(self) -> str:
        """Media type asked over HTTP (JSON results or N-Triples graphs)."""
        return SELECT_ACCEPT if self.query_type in ("SELECT", "ASK") else GRAPH_ACCEPT


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def inline_values(sparql: str, subs: dict[str, Any]) -> str:
    """Put ``substitutions`` into the text as a ``VALUES`` block opening every ``WHERE``.

    Why VALUES: it is plain SPARQL 1.1 that every endpoint accepts, and joining a group with
    one row binds the variables as pyoxigraph's ``substitutions`` do. Why every ``WHERE``:
    substitutions bind a variable throughout the query (SEP-0007), but a sub-``SELECT`` is
    evaluated before the group around it, so a block in the outer ``WHERE`` alone leaves the
    parameter unbound inside it (a date filter in a sub-``SELECT`` then matched nothing).
    A block in a group that does not use a variable joins one row and changes nothing.
    """
    if not subs:
        return sparql
    names = sorted(subs)
    block = (f"VALUES ({' '.join('?' + n for n in names)}) "
             f"{{ ({' '.join(str(subs[n]) for n in names)}) }}")
    if _WHERE.search(sparql) is None:
        raise ValueError("no WHERE clause to inline values into")
    return _WHERE.sub(lambda m: f"{m.group(0)} {block} ", sparql)


def bench_queries() -> list[BenchQuery]:
    """Every saved query (default parameters) and the ad-hoc ones."""
    from kg import vocab
    from kg.saved_queries import load_saved_queries

    out = []
    for name, saved in sorted(load_saved_queries(ROOT / "queries").items()):
        bound = saved.bind({})
        text = _with_prefixes(bound.sparql, vocab.PREFIXES)
        out.append(BenchQuery(name, "saved", bound.query_type, text, dict(bound.substitutions),
                              inline_values(text, dict(bound.substitutions)),
                              f"/queries/{name}"))
    for name, text in ADHOC.items():
        q = " ".join(text.split())
        kind = "ASK" if q.startswith("ASK") else "SELECT"
        out.append(BenchQuery(name, "adhoc", kind, q, {}, q, None))
    return out


def _with_prefixes(sparql: str, prefixes: dict[str, str]) -> str:
    """Declare the project prefixes a saved query uses without declaring (server default)."""
    declared = set(re.findall(r"PREFIX\s+([\w-]*):", sparql, re.IGNORECASE))
    extra = [f"PREFIX {p}: <{iri}>" for p, iri in sorted(prefixes.items())
             if p not in declared and re.search(rf"\b{re.escape(p)}:", sparql)]
    return "\n".join([*extra, sparql])


def interleaved(port: int, store_root: Path, queries: list[BenchQuery], reps: int,
                max_seconds: float, saved_route: bool = True) -> dict[str, dict[str, Any]]:
    """Latency of each query in-process and over HTTP, one of each in turn.

    Why interleaved: on a shared machine the load changes from minute to minute; alternating
    single runs exposes both sides to the same disturbances, so their ratio stays meaningful.
    HTTP goes through one keep-alive ``http.client`` connection (concurrency 1).
    """
    import http.client

    import pyoxigraph as ox

    from kg.store import open_store

    store = open_store(store_root, read_only=True)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    out: dict[str, dict[str, Any]] = {}

    def local(q: BenchQuery, subs: dict[Any, Any]) -> bytes:
        return run_local(store, q, subs)

    def remote(path: str, accept: str) -> tuple[int, bytes]:
        conn.request("GET", path, headers={"Accept": accept})
        resp = conn.getresponse()
        return resp.status, resp.read()

    try:
        for q in queries:
            subs = {ox.Variable(k): v for k, v in q.substitutions.items()}
            path = (q.saved_path if saved_route and q.saved_path
                    else _protocol_path("/sparql", q))
            t0 = time.perf_counter()
            status, http_body = remote(path, q.accept)  # warm-up, also checks the answer
            first = time.perf_counter() - t0
            if status not in (200, 206) or first > max_seconds:
                # Too slow to repeat (or failed, e.g. the server's time limit): one data point.
                out[q.name] = {
                    "in_process": {"latency_s": summary([]), "rows": None},
                    "http": {"path": path.split("?")[0], "status": status,
                             "rows": _rows(http_body, q.query_type),
                             "latency_s": summary([first]), "single_run": True},
                }
                continue
            body = local(q, subs)
            t_local: list[float] = []
            t_http: list[float] = []
            deadline = time.perf_counter() + max_seconds
            for _ in range(reps):
                t0 = time.perf_counter()
                local(q, subs)
                t1 = time.perf_counter()
                remote(path, q.accept)
                t2 = time.perf_counter()
                t_local.append(t1 - t0)
                t_http.append(t2 - t1)
                if t2 > deadline:
                    break
            rows = (_rows(body, q.query_type) if q.query_type != "CONSTRUCT"
                    else body.count(b"\n"))
            out[q.name] = {
                "in_process": {"latency_s": summary(t_local), "rows": rows},
                "http": {"path": path.split("?")[0], "status": status,
                         "rows": _rows(http_body, q.query_type),
                         "latency_s": summary(t_http)},
            }
    finally:
        conn.close()
    return out


def run_local(store: Any, q: BenchQuery, subs: dict[Any, Any]) -> bytes:
    """One in-process run: ``kg.store.run_query`` with the same substitutions as the server's
    workers, then pyoxigraph's own JSON (results) or N-Triples (graphs) serializer."""
    import pyoxigraph as ox

    from kg.store import run_query

    result = run_query(store, q.sparql, substitutions=subs or None,
                       use_default_graph_as_union=True)
    if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
        return result.serialize(format=ox.QueryResultsFormat.JSON) or b""
    return ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b""


def _ceiling_worker(store_root: str, offset: int, seconds: float, start: float,
                    out: Any) -> None:
    """One process of :func:`ceiling`: the round-robin mix for ``seconds`` from ``start``."""
    from kg.store import open_store

    store = open_store(Path(store_root), read_only=True)
    # The text the throughput mix sends (parameters inlined as VALUES), not the substituted
    # one: VALUES joins cost ~7 % more on this mix, and the ceiling must run the same work.
    queries = [replace(q, sparql=q.inline, substitutions={}) for q in bench_queries()]
    while time.time() < start:
        time.sleep(0.001)
    done, i, deadline = 0, offset, start + seconds
    while time.time() < deadline:
        run_local(store, queries[i % len(queries)], {})
        done, i = done + 1, i + 1
    out.put(done)


def ceiling(store: Path, processes: tuple[int, ...] = (1, 2), seconds: float = 8.0,
            log: Callable[[str], None] = print) -> dict[str, Any]:
    """Queries/s of the whole mix run in-process (no HTTP) in N processes.

    Why: a server's throughput is bounded by the work of the queries themselves; this is that
    bound on this machine, measured with the same mix, so the ratio to rdflib-endpoint that
    any pyoxigraph server could reach, and kg serve's share of it, are numbers, not guesses.
    Each process opens its own read-only store handle (as kg serve's workers do) and starts
    at a different place in the mix.
    """
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    out: dict[str, Any] = {}
    for n in processes:
        results = ctx.Queue()
        start = time.time() + 3.0  # all processes loaded before the clock starts
        procs = [ctx.Process(target=_ceiling_worker,
                             args=(str(store), i * 7, seconds, start, results))
                 for i in range(n)]
        for proc in procs:
            proc.start()
        done = sum(results.get(timeout=seconds + 120) for _ in procs)
        for proc in procs:
            proc.join(timeout=10)
        out[str(n)] = {"processes": n, "seconds": seconds, "queries": done,
                       "throughput_rps": done / seconds}
        log(f"  in-process ceiling, {n} process(es): {done / seconds:8.1f} queries/s")
    return out


def _rows(body: bytes, query_type: str) -> int | None:
    if query_type == "SELECT":
        try:
            return len(json.loads(body)["results"]["bindings"])
        except (ValueError, KeyError):
            return None
    if query_type == "ASK":
        return 1
    return None


def _protocol_path(endpoint: str, q: BenchQuery) -> str:
    return f"{endpoint}?{urllib.parse.urlencode({'query': q.inline})}"


def throughput(port: int, endpoint: str, queries: list[BenchQuery], levels: tuple[int, ...],
               max_requests: int, max_seconds: float,
               log: Callable[[str], None]) -> dict[str, Any]:
    """Requests/s of the round-robin query mix at each concurrency level."""
    mix = [(_protocol_path(endpoint, q), q.accept) for q in queries]
    out: dict[str, Any] = {}
    for c in levels:
        res = (run_wrk(port, mix, c, max_seconds) if wrk_path() is not None
               else run_load(port, mix, c, max_requests, max_seconds))
        out[str(c)] = {"requests": res.requests, "seconds": res.seconds,
                       "throughput_rps": res.throughput,
                       "latency_s": res.latency_summary or summary(res.latencies),
                       "statuses": res.statuses, "errors": res.errors,
                       "generator": res.generator}
        log(f"    concurrency {c:2d}: {res.throughput:8.1f} req/s ({res.generator}, "
            f"{res.requests} requests in {res.seconds:.1f} s, statuses {res.statuses})")
    return out


#: ``python -c`` body of the floor server: Flask under gunicorn as ``kg serve`` runs it
#: (its worker class, same counts), one route, nothing else.
FLOOR_APP = """
import sys
from flask import Flask
from gunicorn.app.base import BaseApplication
from kg.config import Settings
from kg.serve import balanced_worker_class
app = Flask("floor")
@app.get("/")
def index():
    return "ok"
class Floor(BaseApplication):
    def load_config(self):
        s = Settings()
        for k, v in {"bind": "127.0.0.1:" + sys.argv[1], "worker_class": balanced_worker_class(),
                     "workers": s.workers, "threads": s.threads, "keepalive": 5,
                     "loglevel": "warning"}.items():
            self.cfg.set(k, v)
    def load(self):
        return app
Floor().run()
"""


def floor(reps: int = 500) -> dict[str, Any]:
    """Latency of an empty Flask route under gunicorn (same client as :func:`interleaved`)."""
    import http.client

    port = free_port()
    with server_process(["-c", FLOOR_APP, str(port)], port, WORK / "logs" / "floor.log"):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        times: list[float] = []
        try:
            for i in range(reps + 50):
                t0 = time.perf_counter()
                conn.request("GET", "/")
                conn.getresponse().read()
                if i >= 50:  # warm-up
                    times.append(time.perf_counter() - t0)
        finally:
            conn.close()
    return {"latency_s": summary(times)}


def seed_store(log: Callable[[str], None] = print) -> Path:
    """The seed corpus (real articles, not synthetic), built afresh by this checkout.

    Why afresh: a store kept from an earlier run was built by earlier code (an older VoID or
    derived graph), and the saved queries that read those answered from it with empty rows.
    """
    store = WORK / "seed-store"
    shutil.rmtree(store, ignore_errors=True)
    log("serving: building the seed corpus")
    run_json(["-m", "bench.build_child", str(ROOT / "seeds"), "--store", str(store)],
             timeout=1800)
    return store


def run(store: Path | None = None, reps: int = 50, levels: tuple[int, ...] = (1, 4, 16),
        max_requests: int = 2000, max_seconds: float = 15.0, rdflib: bool = True,
        log: Callable[[str], None] = print) -> dict[str, Any]:
    """All serving measurements on one store (default: the seed corpus)."""
    store = store or seed_store(log)
    queries = bench_queries()
    log(f"serving: {len(queries)} queries on {store}")
    port = free_port()
    out: dict[str, Any] = {"store": str(store), "queries": {}, "reps": reps}
    out["floor"] = floor()
    log(f"  floor (empty Flask route on gunicorn): p50 "
        f"{1000 * out['floor']['latency_s']['median']:.2f} ms")
    with server_process(["-m", "kg.cli", "serve", "--store", str(store), "--port", str(port)],
                        port, WORK / "logs" / "kg-serve.log"):
        both = interleaved(port, store, queries, reps, max_seconds)
        log("  throughput, kg serve (Protocol GET, query mix):")
        ours = throughput(port, "/sparql", queries, levels, max_requests, max_seconds, log)
        ours_rows = {q.name: _rows(fetch(port, _protocol_path("/sparql", q), q.accept)[1],
                                   q.query_type) for q in queries}
    for q in queries:
        ip, hp = both[q.name]["in_process"], both[q.name]["http"]
        entry = {"kind": q.kind, "type": q.query_type, "in_process": ip, "http": hp}
        if "median" not in ip["latency_s"]:  # too slow to time in-process: not judged ok
            ip["latency_s"] = {"n": 0, "median": float("nan"), "p95": float("nan")}
        for stat in ("median", "p95"):
            limit = 1.2 * ip["latency_s"][stat] + 0.001
            entry[f"{stat}_limit_s"] = limit
            entry[f"{stat}_ok"] = hp["latency_s"][stat] <= limit
        entry["overhead_ms_p50"] = 1000 * (hp["latency_s"]["median"]
                                           - ip["latency_s"]["median"])
        out["queries"][q.name] = entry
        log(f"  {q.name:28s} in-process p50 {1000 * ip['latency_s']['median']:7.2f} ms, "
            f"HTTP p50 {1000 * hp['latency_s']['median']:7.2f} ms p95 "
            f"{1000 * hp['latency_s']['p95']:7.2f} ms  "
            f"{'ok' if entry['median_ok'] and entry['p95_ok'] else 'OVER'}")
    out["throughput"] = ours
    out["ceiling"] = ceiling(store, log=log)
    if rdflib:
        out["rdflib"] = _rdflib(store, queries, levels, max_requests, max_seconds, ours_rows,
                                log)
        out["rdflib_ratio"] = {
            c: ours[c]["throughput_rps"] / max(1e-9, out["rdflib"]["throughput"][c]
                                               ["throughput_rps"]) for c in ours}
    return out


def _rdflib(store: Path, queries: list[BenchQuery], levels: tuple[int, ...],
            max_requests: int, max_seconds: float, ours_rows: dict[str, int | None],
            log: Callable[[str], None]) -> dict[str, Any]:
    dump = WORK / "serving-dump.nq"
    run_json(["-c", "import json,sys; from pathlib import Path; "
              "from kg.config import Settings; from kg.store import dump_store; "
              "n = dump_store(Settings(store=Path(sys.argv[1])), Path(sys.argv[2])); "
              "print(json.dumps({'quads': n}))", str(store), str(dump)], timeout=1800)
    port = free_port()
    log("  throughput, rdflib-endpoint (same dump, same mix):")
    with server_process(["-m", "rdflib_endpoint", "serve", str(dump), "--host", "127.0.0.1",
                         "--port", str(port)], port, WORK / "logs" / "rdflib-endpoint.log"):
        rows = {}
        for q in queries:
            t0 = time.perf_counter()
            status, body = fetch(port, _protocol_path("/", q), q.accept)
            rows[q.name] = {"status": status, "rows": _rows(body, q.query_type),
                            "ours_rows": ours_rows[q.name],
                            "seconds": time.perf_counter() - t0}
        tp = throughput(port, "/", queries, levels, max_requests, max_seconds, log)
    mismatches = [n for n, r in rows.items()
                  if r["rows"] is not None and r["rows"] != r["ours_rows"]]
    if mismatches:
        log(f"  rdflib-endpoint row counts differ for: {', '.join(mismatches)}")
    return {"per_query": rows, "throughput": tp, "row_mismatches": mismatches}
