"""Loading: quads/s of ``kg build``'s store writing vs pyoxigraph's bulk loader, same N-Quads.

Why this pairing: ``Store.bulk_load`` of an N-Quads file is the fastest way pyoxigraph offers
to fill a store, so it is the ceiling for our writer. To measure only the store side, the
corpus is extracted once (``bench.build_child --save-cache``) and every timed build replays
those extractions (no spaCy): what remains is everything ``kg build`` does around the store —
facts to quads (``kg/rdf.py``), article graphs and meta records, ontology and reference graphs,
entity graph, derived graph, VoID, flush/optimize/fsync and the version switch. The bulk loader
then loads ``kg dump --format nquads`` of the result (the very same quads) into a fresh
directory, with the same ``flush()`` + ``optimize()``. Each side runs in a fresh interpreter,
alternately, ``rounds`` times (target: build >= 0.8x the bulk loader's quads/s).
"""

from __future__ import annotations

import hashlib
import shutil
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import synth
from bench.common import WORK, run_json, summary

BULK_CHILD = """
import json, sys, time, resource
from pyoxigraph import RdfFormat, Store
t0 = time.perf_counter()
s = Store(sys.argv[2])
s.bulk_load(path=sys.argv[1], format=RdfFormat.N_QUADS)
t1 = time.perf_counter()
s.flush(); s.optimize()
t2 = time.perf_counter()
n = len(s)
print(json.dumps({"seconds": t2 - t0, "load_seconds": t1 - t0, "quads": n,
                  "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def prepare(scale: float, log: Callable[[str], None] = print) -> tuple[Path, Path]:
    """Synthetic corpus at ``scale`` and its pickled extractions (made once per extractor
    version, then reused: the file name carries the version, so a new extractor is not timed
    on an old one's facts)."""
    from kg.extraction import EXTRACTOR_VERSION

    corpus = WORK / f"synth-{scale:g}x"
    version = hashlib.sha1(EXTRACTOR_VERSION.encode()).hexdigest()[:8]
    cache = WORK / f"extractions-{scale:g}x-{version}.pkl"
    if not corpus.is_dir():
        synth.write_corpus(corpus, scale)
    if not cache.is_file():
        log(f"loading: extracting the {scale:g}x corpus once (cached in {cache})")
        store = WORK / "loading-extract-store"
        shutil.rmtree(store, ignore_errors=True)
        run_json(["-m", "bench.build_child", str(corpus), "--store", str(store),
                  "--save-cache", str(cache)], timeout=3600)
        shutil.rmtree(store, ignore_errors=True)
    return corpus, cache


def run(scale: float = 10, rounds: int = 3,
        log: Callable[[str], None] = print) -> dict[str, Any]:
    """Time cached-extraction builds and bulk loads of their dump, alternately."""
    corpus, cache = prepare(scale, log)
    store = WORK / "loading-build-store"
    bulk_dir = WORK / "loading-bulk-store"
    dump = WORK / f"loading-{scale:g}x.nq"
    builds: list[dict[str, Any]] = []
    bulks: list[dict[str, Any]] = []
    for i in range(rounds):
        shutil.rmtree(store, ignore_errors=True)
        builds.append(run_json(["-m", "bench.build_child", str(corpus), "--store", str(store),
                                "--cache", str(cache)], timeout=3600))
        if i == 0:
            run_json(["-c", "import json,sys; from pathlib import Path; "
                      "from kg.config import Settings; from kg.store import dump_store; "
                      "n = dump_store(Settings(store=Path(sys.argv[1])), Path(sys.argv[2])); "
                      "print(json.dumps({'quads': n}))", str(store), str(dump)], timeout=3600)
        shutil.rmtree(bulk_dir, ignore_errors=True)
        bulks.append(run_json(["-c", BULK_CHILD, str(dump), str(bulk_dir)], timeout=3600))
    quads = builds[0]["quads"]
    ratios = [(quads / b["seconds"]) / (quads / k["seconds"])
              for b, k in zip(builds, bulks, strict=True)]
    stage_names = sorted({k for b in builds for k in b["stages"]})
    # The write calls alone (kg.store.add_quads: article graphs, entities, meta, VoID), i.e.
    # the store writing without the work a bulk loader does not do (facts to quads, the
    # derived graph, VoID aggregates, counts).
    write_ratios = [(quads / b["stages"]["add_quads"]) / (quads / k["load_seconds"])
                    for b, k in zip(builds, bulks, strict=True)]
    # Facts to quads to store: what a pipeline emitting N-Quads and a loader would do.
    article_path = [b["stages"]["rdf"] + b["stages"]["add_quads"] for b in builds]
    article_ratios = [(quads / a) / (quads / k["load_seconds"])
                      for a, k in zip(article_path, bulks, strict=True)]
    out = {
        "scale": scale, "articles": builds[0]["articles"], "quads": quads,
        "dump_bytes": dump.stat().st_size,
        "build_quads_per_s": summary([quads / b["seconds"] for b in builds]),
        "bulk_quads_per_s": summary([quads / k["seconds"] for k in bulks]),
        "bulk_load_only_quads_per_s": summary([quads / k["load_seconds"] for k in bulks]),
        "ratio": summary(ratios),
        "write_path_quads_per_s": summary([quads / b["stages"]["add_quads"] for b in builds]),
        "write_path_ratio": summary(write_ratios),
        "article_path_quads_per_s": summary([quads / a for a in article_path]),
        "article_path_ratio": summary(article_ratios),
        "build_seconds": summary([b["seconds"] for b in builds]),
        "bulk_seconds": summary([k["seconds"] for k in bulks]),
        "build_stage_seconds": {s: statistics.median(b["stages"].get(s, 0.0) for b in builds)
                                for s in stage_names},
        "build_peak_rss_bytes": max(b["peak_rss_bytes"] for b in builds),
        "bulk_peak_rss_bytes": max(k["peak_rss_bytes"] for k in bulks),
    }
    log(f"loading ({scale:g}x, {quads} quads): build {out['build_quads_per_s']['median']:.0f} "
        f"quads/s, bulk_load {out['bulk_quads_per_s']['median']:.0f} quads/s, "
        f"ratio {out['ratio']['median']:.2f}x (write calls alone: "
        f"{out['write_path_ratio']['median']:.2f}x)")
    return out
