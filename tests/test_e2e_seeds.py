"""End to end over ``seeds/``: the real ``kg build`` writes a graph that is valid against the
SHACL shapes, whose every evidence span points at the quoted words, whose facts only name
described entities, and whose ``kg facts`` export scores against the development gold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg import vocab
from kg.config import Settings
from kg.store import open_store, run_query
from kg.validate import validate_store

pytestmark = [pytest.mark.model, pytest.mark.e2e]

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "gold"


def _select(store_dir: Path, sparql: str) -> list[dict[str, str]]:
    store = open_store(store_dir)
    rows = run_query(store, sparql, prefixes=vocab.PREFIXES, use_default_graph_as_union=True)
    return [{v.value: row[v].value for v in rows.variables if row[v] is not None} for row in rows]


def test_seed_graph_conforms_to_the_shapes(seed_store: Path) -> None:
    report = validate_store(Settings(store=seed_store))
    assert not report.skipped, report.skipped
    assert report.conforms, "\n".join(v.render() for v in report.violations[:20])


def test_every_evidence_span_points_at_its_words(seed_store: Path) -> None:
    rows = _select(
        seed_store,
        """SELECT ?ev ?b ?e ?anchor ?sentence ?text WHERE {
             ?ev a kg:Evidence ; kg:inArticle ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;
                 nif:anchorOf ?anchor ; kg:sentenceText ?sentence .
             ?a nif:isString ?text }""",
    )
    assert len(rows) > 100
    for r in rows:
        begin, end = int(r["b"]), int(r["e"])
        assert r["text"][begin:end] == r["anchor"], r["ev"]
        assert r["sentence"] in r["text"], r["ev"]
        assert r["anchor"] in r["sentence"] or r["sentence"] in r["anchor"], r["ev"]


def test_facts_name_only_described_entities(seed_store: Path) -> None:
    """Every actor an article's fact names has a label and a class in the entity graph."""
    rows = _select(
        seed_store,
        """SELECT DISTINCT ?x WHERE {
             VALUES ?p { kg:holder kg:target kg:speaker kg:onBehalfOf kg:member
                         kg:organization kg:party kg:heldBy kg:postIn kg:participant kg:place }
             GRAPH ?g { ?fact ?p ?x }
             FILTER(STRSTARTS(STR(?g), CONCAT(STR(graph:), "article/")))
             FILTER(STRSTARTS(STR(?x), STR(entity:)))
             FILTER NOT EXISTS { GRAPH graph:entities { ?x rdfs:label ?l ; a ?c } } }""",
    )
    assert rows == []


def test_mentions_point_at_their_words(seed_store: Path) -> None:
    rows = _select(
        seed_store,
        """SELECT ?b ?e ?anchor ?text WHERE {
             ?m a kg:Mention ; kg:inArticle ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;
                nif:anchorOf ?anchor . ?a nif:isString ?text }""",
    )
    assert rows
    assert all(r["text"][int(r["b"]) : int(r["e"])] == r["anchor"] for r in rows)


@pytest.mark.skipif(not GOLD.is_dir(), reason=f"development gold not found at {GOLD}")
def test_facts_export_scores_against_the_gold(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred"
    run = [sys.executable, "-m", "kg.cli"]
    subprocess.run([*run, "facts", "--store", str(seed_store), "--out", str(out)], check=True)
    assert len(list(out.glob("*.json"))) == 5
    exported = json.loads((out / "002_589e0dc48c0c4ef5.json").read_text(encoding="utf-8"))
    assert exported["published"] == "2024-07-31"
    table = subprocess.run(
        [*run, "evaluate", "--gold", str(GOLD), "--pred", str(out)],
        check=True, capture_output=True, text=True,
    ).stdout
    for kind in ("entities", "stances", "statements", "memberships", "roles", "events"):
        assert kind in table.lower()


def test_store_export_equals_extraction(seed_store: Path) -> None:
    """``kg facts`` (SPARQL over the store) shows exactly what extraction produced."""
    from kg.corpus import find_article_files, read_article
    from kg.extraction.extract import extract_articles
    from kg.extraction.to_gold_json import extraction_to_json
    from kg.facts_export import export_article

    def norm(value: object) -> object:
        if isinstance(value, str) and value.startswith(vocab.ENTITY):
            return "x:" + value[len(vocab.ENTITY) :]
        if isinstance(value, list):
            return sorted((norm(v) for v in value), key=repr)
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items() if k not in {"id", "basis"}}
        return value

    articles = [read_article(p) for p in find_article_files([ROOT / "seeds"])]
    store = open_store(seed_store)
    for article, extraction in zip(articles, extract_articles(articles), strict=True):
        direct = extraction_to_json(article, extraction)
        stored = export_article(store, article.id)
        for key in ("memberships", "partnerships", "stances", "statements", "roles"):
            # as sets: a fact extracted twice is one node in the graph (its IRI is its hash)
            as_set = lambda facts: {repr(f) for f in norm(facts)}  # noqa: E731
            assert as_set(stored[key]) == as_set(direct[key]), (article.id, key)
