"""Smoke test of the benchmark's synthetic corpus generator (no timing: benchmarks are not tests).

Why: ``python -m bench`` builds its scale corpora with ``bench/synth.py``; if the generator
stopped being deterministic, the growth curves would compare different corpora, and if the
synthetic marker went missing, generated text could be mistaken for news.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench import synth


def _read(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_synthetic_corpus_is_deterministic_and_marked(tmp_path: Path) -> None:
    n, words = synth.write_corpus(tmp_path / "a", scale=0.4, seed=7)
    synth.write_corpus(tmp_path / "b", scale=0.4, seed=7)
    synth.write_corpus(tmp_path / "c", scale=0.4, seed=8)
    a, b, c = _read(tmp_path / "a"), _read(tmp_path / "b"), _read(tmp_path / "c")
    assert n == 2 and words > 300
    assert a == b
    assert a != c
    texts = [v for k, v in a.items() if k.endswith(".txt")]
    metas = [json.loads(v) for k, v in a.items() if k.endswith(".meta.json")]
    assert len(texts) == len(metas) == n
    assert all(t.splitlines()[0] == synth.MARKER for t in texts)
    assert all("SYNTHETIC" in m["source"] and m["published"] for m in metas)


def test_smaller_corpora_are_prefixes_of_larger_ones(tmp_path: Path) -> None:
    synth.write_corpus(tmp_path / "small", scale=0.2, seed=3)
    synth.write_corpus(tmp_path / "big", scale=0.6, seed=3)
    small, big = _read(tmp_path / "small"), _read(tmp_path / "big")
    assert all(big[name] == text for name, text in small.items())


def test_inlined_values_bind_parameters_inside_sub_selects_too() -> None:
    """The throughput mix sends saved queries with their parameters inlined as VALUES; they
    must select what the same query with pyoxigraph's substitutions selects, or the two
    servers would be timed on a query that finds nothing (a date filter in a sub-SELECT)."""
    import pyoxigraph as ox

    from bench.serving import inline_values

    store = ox.Store()
    ex = "http://example.org/"
    for i, year in enumerate((2001, 2010, 2020)):
        store.add(ox.Quad(ox.NamedNode(f"{ex}e{i}"), ox.NamedNode(f"{ex}date"),
                          ox.Literal(str(year), datatype=ox.NamedNode(
                              "http://www.w3.org/2001/XMLSchema#integer"))))
    query = f"""SELECT ?_from ?e WHERE {{
      {{ SELECT ?_from ?e WHERE {{ ?e <{ex}date> ?d FILTER(?d >= ?_from) }} ORDER BY ?d }}
    }}"""
    subs = {"_from": ox.Literal("2005", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer"))}
    substituted = {r["e"].value for r in store.query(
        query, substitutions={ox.Variable(k): v for k, v in subs.items()})}
    inlined = inline_values(query, subs)
    assert inlined.count("VALUES") == 2
    assert {r["e"].value for r in store.query(inlined)} == substituted == {f"{ex}e1", f"{ex}e2"}
