"""VoID: a machine-readable description of the dataset, written into the meta graph.

Why: clients (and our own UI) discover what a SPARQL endpoint holds from its VoID description
(https://www.w3.org/TR/void/): how many triples, which classes and properties, how the data is
split into named graphs. It is recomputed at the end of every build, after the derived graph,
from SPARQL aggregates kept in ``kg/sparql/void_*.rq``.

Shape (all IRIs minted from ``vocab.BASE``, no blank nodes, so two builds write identical
quads): one ``void:Dataset`` (``<BASE>dataset``) with ``void:triples``, ``void:classes``,
``void:properties``, ``void:entities``; one ``void:subset`` per non-empty named graph with the
same four counts, ``sd:name`` naming the graph and one ``void:classPartition`` (class, entities)
per class it holds; an article's graph also names the article as its ``void:rootResource``;
``void:classPartition`` and ``void:propertyPartition`` (property, triples) at dataset level.
Why partitions per graph: "how many stances, statements, events … does each article hold" is
then a lookup of a few numbers per article instead of a scan of every fact (the
``article-summary`` saved query; seconds at 1000× the seeds before). The meta graph describes the
others and is not counted itself. ``void:sparqlEndpoint`` is left to the server, which knows
its own address.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from importlib import resources

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from kg import vocab
from kg.store import add_quads, remove_quads, run_query

DATASET = vocab.BASE + "dataset"
_META = NamedNode(str(vocab.META_GRAPH))
_INT = NamedNode(str(vocab.XSD.integer))
_GRAPH_NS = str(vocab.GRAPH)
_ARTICLE_GRAPHS = vocab.article_graph("")


#: The SPARQL files (``kg/sparql/``) this module runs, longest first (they share a thread
#: pool: the long ones should not wait for the short ones).
QUERIES = (
    "void_graph_other_subjects.rq", "void_dataset.rq", "void_graphs.rq",
    "void_property_partitions.rq", "void_graph_class_partitions.rq",
    "void_class_partitions.rq",
)


@cache
def _query(name: str) -> str:
    return resources.files("kg").joinpath("sparql", name).read_text(encoding="utf-8")


def _rows(store: Store, name: str) -> list:
    return list(run_query(store, _query(name), prefixes=vocab.PREFIXES))


def _n(value: int) -> Literal:
    return Literal(str(int(value)), datatype=_INT)


def _short(iri: str) -> str:
    return hashlib.sha1(iri.encode()).hexdigest()[:16]


def subset_iri(graph: str) -> str:
    """IRI of the VoID subset describing one named graph (readable for our own graphs)."""
    if graph.startswith(_GRAPH_NS):
        return f"{DATASET}/{graph[len(_GRAPH_NS):]}"
    return f"{DATASET}/graph-{_short(graph)}"


def _all_rows(store: Store) -> dict[str, list]:
    """Rows of every VoID query, the queries running concurrently on a small thread pool.

    Why: each query is a full scan of the store with its own aggregates, independent of the
    others, and pyoxigraph evaluates queries without holding the GIL, so on 2 cores the six
    scans take about half the wall time they take one after another (the VoID step was a
    quarter of a build's store side; ``python -m bench --sections loading``).
    """
    workers = max(1, min(len(QUERIES), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(QUERIES, pool.map(lambda name: _rows(store, name), QUERIES),
                        strict=True))


def void_quads(store: Store) -> list[Quad]:
    """The VoID description of ``store`` as sorted quads in the meta graph."""
    v = vocab.VOID
    out: list[tuple[str, str, NamedNode | Literal]] = []
    rows = _all_rows(store)

    def add(s: str, p: str, o: NamedNode | Literal | str) -> None:
        out.append((s, str(p), NamedNode(o) if isinstance(o, str) else o))

    others = {row["g"].value: int(row["others"].value)
              for row in rows["void_graph_other_subjects.rq"]}
    graphs: dict[str, dict[str, int]] = {}
    for row in rows["void_graphs.rq"]:
        graph = row["g"].value
        graphs[graph] = {
            "triples": int(row["triples"].value), "properties": int(row["properties"].value),
            "entities": int(row["subjects"].value) - others.get(graph, 0), "classes": 0,
        }
    partitions: dict[str, list[tuple[NamedNode, int]]] = {}
    for row in rows["void_graph_class_partitions.rq"]:
        graph = row["g"].value
        graphs[graph]["classes"] += 1
        if isinstance(row["c"], NamedNode):
            partitions.setdefault(graph, []).append((row["c"], int(row["entities"].value)))
    default_triples = sum(1 for _ in store.quads_for_pattern(None, None, None, DefaultGraph()))
    (ds_row,) = rows["void_dataset.rq"]

    add(DATASET, vocab.RDF.type, str(v.Dataset))
    add(DATASET, v.triples, _n(sum(g["triples"] for g in graphs.values()) + default_triples))
    add(DATASET, v.classes, _n(len(rows["void_class_partitions.rq"])))
    add(DATASET, v.properties, _n(len(rows["void_property_partitions.rq"])))
    add(DATASET, v.entities, _n(int(ds_row["entities"].value)))
    add(DATASET, v.uriSpace, Literal(vocab.BASE))
    for graph in sorted(graphs):
        s = subset_iri(graph)
        add(DATASET, v.subset, s)
        add(s, vocab.RDF.type, str(v.Dataset))
        add(s, vocab.SD.name, graph)
        for key in ("triples", "classes", "properties", "entities"):
            add(s, v[key], _n(graphs[graph][key]))
        if graph.startswith(_ARTICLE_GRAPHS):
            add(s, v.rootResource, vocab.article_iri(graph[len(_ARTICLE_GRAPHS):]))
        for cls, entities in partitions.get(graph, ()):
            part = f"{s}/class/{_short(cls.value)}"
            add(s, v.classPartition, part)
            add(part, v["class"], cls)
            add(part, v.entities, _n(entities))
    for row in rows["void_class_partitions.rq"]:
        cls = row["class"]
        if not isinstance(cls, NamedNode):
            continue
        s = f"{DATASET}/class/{_short(cls.value)}"
        add(DATASET, v.classPartition, s)
        add(s, v["class"], cls)
        add(s, v.entities, _n(int(row["entities"].value)))
    for row in rows["void_property_partitions.rq"]:
        prop = row["property"]
        s = f"{DATASET}/property/{_short(prop.value)}"
        add(DATASET, v.propertyPartition, s)
        add(s, v.property, prop)
        add(s, v.triples, _n(int(row["triples"].value)))
    quads = {Quad(NamedNode(s), NamedNode(p), o, _META) for s, p, o in out}
    return sorted(quads, key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))


def old_void_quads(store: Store) -> list[Quad]:
    """The VoID quads currently in the meta graph (subjects minted under ``DATASET``)."""
    return [
        q for q in store.quads_for_pattern(None, None, None, _META)
        if isinstance(q.subject, NamedNode)
        and (q.subject.value == DATASET or q.subject.value.startswith(DATASET + "/"))
    ]


def write_void(store: Store) -> int:
    """Replace the VoID description in the meta graph; returns the number of VoID quads."""
    remove_quads(store, old_void_quads(store))
    quads = void_quads(store)
    add_quads(store, quads)
    return len(quads)
