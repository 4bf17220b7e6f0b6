"""SPARQL 1.1 Service Description of the endpoint, built from what the server really does.

Why rdflib here: the description is a few dozen triples built once per request and written
in Turtle, RDF/XML, JSON-LD or N-Triples; rdflib's ``Graph.serialize`` covers all of them and
keeps pyoxigraph on the query threads. Format IRIs come from pyoxigraph's format objects, so no
IRI literal appears outside ``kg/vocab.py``.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg import vocab
from kg.vocab import RDF, RDFS, SD, VOID
from server.formats import Format

_RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
                  "rdfxml": "xml", "jsonld": "json-ld"}


def describe_service(endpoint: str, graphs: list[str], void_datasets: list[str],
                     row_cap: int, timeout: float, updates: bool = False) -> Graph:
    """The SD graph: SPARQL 1.1 Query (and Update when the operator enabled it), result
    formats, the union default graph feature and the default dataset with its named graphs."""
    g = Graph()
    for prefix in ("sd", "void", "rdfs", "dcterms"):
        g.bind(prefix, vocab.PREFIXES[prefix])
    service = URIRef(endpoint + "#service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    if updates:
        g.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    for name in ("JSON", "XML", "CSV", "TSV"):
        g.add((service, SD.resultFormat, URIRef(getattr(ox.QueryResultsFormat, name).iri)))
    for name in ("TURTLE", "N_TRIPLES", "N_QUADS", "TRIG", "RDF_XML", "JSON_LD"):
        g.add((service, SD.resultFormat, URIRef(getattr(ox.RdfFormat, name).iri)))
    g.add((service, RDFS.comment, Literal(
        "Read-only SPARQL 1.1 Query endpoint over the geopolitics knowledge graph. The default "
        "graph is the union of all named graphs (unless the request or the query gives a "
        f"dataset). Queries stop after {timeout:g} s; results are capped at {row_cap} rows "
        "(answered with status 206 and X-Result-Truncated: true). "
        + ("SPARQL Update needs the operator's bearer token." if updates
           else "SPARQL Update is refused (read-only)."),
        lang="en")))
    dataset = BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    default_graph = BNode()
    g.add((dataset, SD.defaultGraph, default_graph))
    g.add((default_graph, RDF.type, SD.Graph))
    g.add((default_graph, RDFS.comment, Literal("union of all named graphs", lang="en")))
    for name in graphs:
        named = BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))
    for ds in void_datasets:
        g.add((dataset, RDFS.seeAlso, URIRef(ds)))
        g.add((URIRef(ds), RDF.type, VOID.Dataset))
        g.add((URIRef(ds), VOID.sparqlEndpoint, URIRef(endpoint)))
    return g


def serialize_description(graph: Graph, fmt: Format) -> bytes:
    """The SD graph in one of our RDF formats."""
    data = graph.serialize(format=_RDFLIB_FORMAT[fmt.key])
    return data.encode() if isinstance(data, str) else data
