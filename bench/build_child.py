"""Run one ``kg build`` in this process with per-stage timers; print a JSON line of results.

Why a separate process: peak memory (``ru_maxrss``) is per process, so each build measured must
start from a fresh interpreter; and the stage timers wrap module attributes of ``kg.build``,
``kg.derive`` and ``kg.void`` without touching their code (the build itself is unchanged).
``--cache FILE`` replaces the spaCy extractor by extraction results pickled by an earlier
run (``--save-cache``), which isolates the store-writing side for the loading benchmark.

    python -m bench.build_child CORPUS --store DIR [--jobs 2] [--cache F | --save-cache F]
"""

from __future__ import annotations

import argparse
import functools
import json
import pickle
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

STAGES: dict[str, float] = {}


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            STAGES[name] = STAGES.get(name, 0.0) + time.perf_counter() - t0

    return wrapper


class _TimedIter:
    """Wraps the extractor's iterator to add up the time spent inside it (= extraction)."""

    def __init__(self, inner: Iterable[Any]) -> None:
        self.inner = iter(inner)

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        t0 = time.perf_counter()
        try:
            return next(self.inner)
        finally:
            STAGES["extract"] = STAGES.get("extract", 0.0) + time.perf_counter() - t0

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close is not None:
            close()


def _install_timers() -> None:
    from kg import build, derive, rdf, store, void

    build._live_state = _timed("read_state", build._live_state)
    build._rewrite_entities_and_extractors = _timed(
        "entities", build._rewrite_entities_and_extractors)
    derive.materialise = _timed("derive", derive.materialise)
    void.write_void = _timed("void", void.write_void)
    build._fill_counts = _timed("counts", build._fill_counts)
    build._extract_into = _timed("articles_total", build._extract_into)
    build._write_version = _timed("write_version_total", build._write_version)
    rdf.article_quads = _timed("rdf", rdf.article_quads)
    store.add_quads = _timed("add_quads", store.add_quads)


def main(argv: list[str] | None = None) -> None:
    """Build, then print one JSON object (seconds per stage, peak memory, summary counts)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, help="use pickled extractions instead of spaCy")
    parser.add_argument("--save-cache", type=Path, help="pickle the extractions made")
    parser.add_argument("--replay", type=Path,
                        help="cycle pickled extractions over the corpus's articles (ids renamed)")
    args = parser.parse_args(argv)

    from kg.build import real_extractor, run_build
    from kg.config import Settings

    _install_timers()
    settings = Settings(store=args.store, jobs=args.jobs)
    extract: Any = None
    version = None
    saved: dict[str, bytes] = {}
    if args.cache is not None:
        cached = pickle.loads(args.cache.read_bytes())
        version = cached["version"]

        def extract(articles: list[Any], **_: Any) -> Iterator[Any]:
            for a in articles:
                yield cached["extractions"][a.id]
    elif args.replay is not None:
        cached = pickle.loads(args.replay.read_bytes())
        version = cached["version"]
        pool = [cached["extractions"][k] for k in sorted(cached["extractions"])]

        def extract(articles: list[Any], **_: Any) -> Iterator[Any]:
            for i, a in enumerate(articles):
                yield renamed(pool[i % len(pool)], a.id)
    else:
        real, version = real_extractor(settings.model)

        def extract(articles: list[Any], **kwargs: Any) -> Any:
            inner = real(articles, **kwargs)
            if args.save_cache is None:
                return _TimedIter(inner)
            return _TimedIter(_keep(inner, saved))
    timed_extract = extract
    t0 = time.perf_counter()
    summary = run_build(settings, [args.corpus], progress=False, rebuild=True,
                        extract=timed_extract, extractor_version=version)
    total = time.perf_counter() - t0
    if args.save_cache is not None:
        extractions = {aid: pickle.loads(data) for aid, data in saved.items()}
        args.save_cache.write_bytes(pickle.dumps(
            {"version": version, "extractions": extractions}))
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    out = {
        "seconds": total, "stages": STAGES, "peak_rss_bytes": self_rss,
        "peak_child_rss_bytes": child_rss, "articles": len(summary.added),
        "failed": len(summary.failed), "quads": summary.quads, "entities": summary.entities,
        "facts": sum(summary.facts.values()),
    }
    print(json.dumps(out), flush=True)
    sys.exit(0 if summary.ok else 1)


def renamed(extraction: Any, article_id: str) -> Any:
    """The same extraction as if made from article ``article_id`` (ids in facts rewritten).

    Why: a store-side scale test at 1000x needs 1000x distinct facts without paying for 1000x
    extraction; every fact's IRI derives from its evidence's article id, so renaming keeps the
    quads distinct, and the per-article shape (mentions, facts, entities) stays real.
    """
    from dataclasses import replace

    facts = tuple(replace(f, evidence=replace(f.evidence, article_id=article_id))
                  for f in extraction.facts)
    return replace(extraction, article_id=article_id, facts=facts)


def _keep(inner: Iterable[Any], saved: dict[str, bytes]) -> Iterator[Any]:
    """Pass extractions through, keeping each one pickled (for ``--save-cache``).

    Why bytes: 5,000 live extractions (millions of small objects) would make the measured
    build's peak memory and its garbage collections those of the benchmark, not of ``kg build``;
    a bytes object is one untracked allocation.
    """
    for x in inner:
        saved[x.article_id] = pickle.dumps(x, pickle.HIGHEST_PROTOCOL)
        yield x


if __name__ == "__main__":
    main()
