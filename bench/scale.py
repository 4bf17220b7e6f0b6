"""Scale: build time, store size, peak memory and saved-query latency vs corpus size.

Why: a cost that grows faster than the corpus is invisible on five articles and fatal on five
thousand. Each size is a synthetic corpus (:mod:`bench.synth`, nested: the 10x corpus is a
prefix of the 100x one) built from scratch with the real extractor and ``--jobs 2`` in a
fresh interpreter (:mod:`bench.build_child`, which also times each build stage). The built
store is then served by ``kg serve`` and every saved query is timed over HTTP (p50/p95,
target p95 < 100 ms). Between consecutive sizes the growth exponent
``log(t2/t1) / log(n2/n1)`` of each stage is reported: 1 is linear, above ~1.2 is suspect.
"""

from __future__ import annotations

import itertools
import json
import math
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import serving, synth
from bench.common import WORK, dir_size, free_port, machine, run_json, server_process


def corpus_at(scale: float) -> tuple[Path, int]:
    """The ``scale`` x synthetic corpus (generated when missing) and its word count."""
    corpus = WORK / f"synth-{scale:g}x"
    if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != round(
            scale * synth.SEED_ARTICLES):
        shutil.rmtree(corpus, ignore_errors=True)
        synth.write_corpus(corpus, scale)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
    return corpus, words


def cache_at(scale: float) -> Path:
    """Where the extractions of the ``scale`` x build are pickled (for replays)."""
    return WORK / f"scale-extractions-{scale:g}x.pkl"


def build_record(scale: float) -> Path:
    """Where a real build's measurements are kept next to its store (for ``--reuse-builds``)."""
    return WORK / f"scale-build-{scale:g}x.json"


def reused_build(scale: float, log: Callable[[str], None] = print) -> dict[str, Any] | None:
    """The measurements of an earlier real build of this size, if it and its store remain.

    Why: a real 1000x build takes most of an hour on 2 cores; it can run on its own (e.g.
    overnight, ``python -m bench.build_child`` as :func:`build_at` calls it) and the other
    sections and the query timings are then taken on its store. The record keeps the commit
    it was built from, and the report says the build was reused.
    """
    record = build_record(scale)
    if not record.is_file():
        return None
    res = json.loads(record.read_text(encoding="utf-8"))
    if not (Path(res["store"]) / "CURRENT").is_file():
        return None
    res["reused"] = True
    log(f"scale {scale:g}x: reusing the build measured at commit {res.get('commit')} "
        f"({res['seconds'] / 60:.1f} min)")
    return res


def build_at(scale: float, jobs: int = 2, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Generate (if needed) and build the ``scale`` x corpus; return the child's measurements."""
    corpus, words = corpus_at(scale)
    store = WORK / f"scale-store-{scale:g}x"
    shutil.rmtree(store, ignore_errors=True)
    log(f"scale {scale:g}x: building {words} words with --jobs {jobs}")
    res = run_json(["-m", "bench.build_child", str(corpus), "--store", str(store),
                    "--jobs", str(jobs), "--save-cache", str(cache_at(scale))],
                   timeout=4 * 3600)
    res.update(scale=scale, words=words, store=str(store), store_bytes=dir_size(store),
               words_per_s=words / res["seconds"], commit=machine()["commit"])
    build_record(scale).write_text(json.dumps(res, indent=1), encoding="utf-8")
    log(f"  built in {res['seconds']:.1f} s ({res['words_per_s']:.0f} words/s), "
        f"{res['quads']} quads, store {res['store_bytes'] / 1e6:.0f} MB, "
        f"peak RSS {res['peak_rss_bytes'] / 1e6:.0f} MB (+ workers "
        f"{res['peak_child_rss_bytes'] / 1e6:.0f} MB)")
    return res


def replay_at(scale: float, base: dict[str, Any],
              log: Callable[[str], None] = print) -> dict[str, Any]:
    """Store side of a ``scale`` x build, measured; its extraction time, extrapolated.

    Why: on a shared 2-core machine a real 1000x extraction does not fit in one benchmark
    session, but extraction is a per-article pure function whose cost is linear in words
    (nothing in it looks at other articles), while everything that could grow faster than
    linearly sits on the store side. So the extractions of the largest real build (``base``)
    are cycled over the ``scale`` x corpus with article ids renamed (``bench.build_child
    --replay``): the store, its quads and every store-side stage are real and measured; the
    extraction stage is ``base``'s seconds per word times the words, and the total is marked
    ``extrapolated``.
    """
    corpus, words = corpus_at(scale)
    store = WORK / f"scale-store-{scale:g}x"
    shutil.rmtree(store, ignore_errors=True)
    log(f"scale {scale:g}x: store side with replayed {base['scale']:g}x extractions")
    res = run_json(["-m", "bench.build_child", str(corpus), "--store", str(store),
                    "--replay", str(cache_at(base["scale"]))], timeout=4 * 3600)
    return finish_replay(res, scale, words, store, base, log)


def finish_replay(res: dict[str, Any], scale: float, words: int, store: Path,
                  base: dict[str, Any], log: Callable[[str], None] = print) -> dict[str, Any]:
    """Add the extrapolated extraction time to a replayed build's measurements."""
    extract = base["stages"]["extract"] * words / base["words"]
    store_side = res["seconds"]
    res["stages"]["extract"] = extract
    for stage in ("articles_total", "write_version_total"):  # they contain extraction
        res["stages"][stage] = res["stages"].get(stage, 0.0) + extract
    res.update(scale=scale, words=words, store=str(store), store_bytes=dir_size(store),
               store_side_seconds=store_side, seconds=store_side + extract,
               words_per_s=words / (store_side + extract), extrapolated=True,
               peak_child_rss_bytes=base["peak_child_rss_bytes"],
               replayed_from=base["scale"])
    log(f"  store side {store_side:.1f} s measured + extraction {extract:.0f} s extrapolated "
        f"= {res['seconds'] / 60:.1f} min; {res['quads']} quads, store "
        f"{res['store_bytes'] / 1e6:.0f} MB, peak RSS {res['peak_rss_bytes'] / 1e6:.0f} MB")
    return res


def saved_latencies(store: Path, reps: int, max_seconds: float) -> dict[str, Any]:
    """p50/p95 of every saved query over HTTP (default parameters) and in-process."""
    queries = [q for q in serving.bench_queries() if q.kind == "saved"]
    port = free_port()
    with server_process(["-m", "kg.cli", "serve", "--store", str(store), "--port", str(port),
                         "--timeout", str(max(30.0, 3 * max_seconds))],
                        port, WORK / "logs" / f"kg-serve-{store.name}.log"):
        return serving.interleaved(port, store, queries, reps, max_seconds)


def growth(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Growth exponents of total time, each stage, store size and quads between sizes."""
    out = []
    for a, b in itertools.pairwise(points):
        n = math.log(b["words"] / a["words"])

        def exp(x: float, y: float, n: float = n) -> float | None:
            return math.log(y / x) / n if x > 0 and y > 0 else None

        out.append({
            "from": a["scale"], "to": b["scale"],
            "seconds": exp(a["seconds"], b["seconds"]),
            "quads": exp(a["quads"], b["quads"]),
            "store_bytes": exp(a["store_bytes"], b["store_bytes"]),
            "peak_rss": exp(a["peak_rss_bytes"], b["peak_rss_bytes"]),
            "stages": {s: exp(a["stages"][s], b["stages"][s])
                       for s in a["stages"] if s in b["stages"]},
        })
    return out


def run(scales: tuple[float, ...] = (10, 100), replay: tuple[float, ...] = (1000,),
        reps: int = 30, jobs: int = 2, log: Callable[[str], None] = print,
        partial: Path | None = None, reuse: bool = False) -> dict[str, Any]:
    """Build and query at each scale (``replay`` sizes: store side measured, extraction
    extrapolated from the largest real build); ``partial`` gets the results after each size."""
    points: list[dict[str, Any]] = []
    for scale in [*scales, *replay]:
        if scale in replay and points:
            real = [p for p in points if not p.get("extrapolated")]
            res = replay_at(scale, max(real, key=lambda p: p["scale"]), log)
        else:
            res = (reuse and reused_build(scale, log)) or build_at(scale, jobs, log)
        res["saved_queries"] = saved_latencies(Path(res["store"]), reps, 8.0)
        worst = max(res["saved_queries"].items(),
                    key=lambda kv: kv[1]["http"]["latency_s"]["p95"])
        log(f"  slowest saved query: {worst[0]} p95 "
            f"{1000 * worst[1]['http']['latency_s']['p95']:.1f} ms over HTTP")
        points.append(res)
        if partial is not None:
            partial.write_text(json.dumps({"points": points}, indent=1), encoding="utf-8")
    return {"points": points, "growth": growth(points)}
