"""Ontology tooling: load ``ontology/kg.ttl``, write the RDF/XML copy and the HTML docs, check both.

Why: ``ontology/kg.ttl`` is the one hand-edited source; Protégé and the OWL API read RDF/XML
best, so ``ontology/kg.owl`` is generated from it and a test fails when the copy is stale.
``check_ontology`` runs the cheap local checks (no Java, no spaCy) behind ``kg check-ontology``;
the OWL API profile check and the HermiT reasoner run in ``tests/test_ontology.py``.

Run ``python -m kg.ontology`` after editing ``kg.ttl`` (``--docs`` also rebuilds the HTML).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import sys
import types
from collections.abc import Iterable
from pathlib import Path
from xml.sax import SAXParseException

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_canonical_graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from kg.vocab import (
    DCTERMS,
    KG,
    KGC,
    ONTOLOGY_IRI,
    ONTOLOGY_VERSION,
    ONTOLOGY_VERSION_IRI,
    OWL,
    RDF,
    RDFS,
    SH,
    SKOS,
)

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
TTL_PATH = ONTOLOGY_DIR / "kg.ttl"
OWL_PATH = ONTOLOGY_DIR / "kg.owl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
DOCS_DIR = ROOT / "docs" / "ontology"

#: A local name that can follow a prefix in an RDF/XML element name.
_XML_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")

#: What a malformed RDF file raises in rdflib's Turtle and RDF/XML parsers.
PARSE_ERRORS = (BadSyntax, SAXParseException, ParserError, ValueError, OSError)

#: rdf:types that declare a term of the ontology (classes, properties, concepts, schemes).
DECLARING_TYPES = frozenset(
    {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        OWL.NamedIndividual,
        SKOS.Concept,
        SKOS.ConceptScheme,
    }
)
#: SKOS scheme of each scheme class; every concept of the class must be in that scheme.
SCHEME_OF_CLASS: dict[URIRef, URIRef] = {
    KG.Polarity: KGC.polarityScheme,
    KG.StanceKind: KGC.stanceKindScheme,
    KG.PartnershipDomain: KGC.partnershipDomainScheme,
    KG.PartnershipStatus: KGC.partnershipStatusScheme,
    KG.MembershipStatus: KGC.membershipStatusScheme,
}


def load_ontology(path: Path | str = TTL_PATH) -> Graph:
    """Parse the Turtle source of the ontology into an rdflib ``Graph``."""
    graph = Graph()
    graph.parse(str(path), format="turtle")
    return graph


def load_shapes(path: Path | str = SHAPES_PATH) -> Graph:
    """Parse the SHACL shapes for instance data."""
    graph = Graph()
    graph.parse(str(path), format="turtle")
    return graph


def rdfxml(graph: Graph | None = None) -> str:
    """The ontology as RDF/XML, byte-stable across regenerations.

    Why: rdflib's ``xml`` writer orders subjects by hash and its ``pretty-xml`` writer warns
    about (and may drop) assertions on RDF list nodes. So we canonicalise blank-node labels
    (rdflib), sort the triples and let pyoxigraph's RDF/XML serializer write them, which groups
    consecutive triples of a subject. A diff of ``kg.owl`` then shows only real changes.
    """
    source = load_ontology() if graph is None else graph
    canonical = to_canonical_graph(source)

    def term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(node, BNode):
            return ox.BlankNode(str(node))
        if isinstance(node, Literal):
            if node.language:
                return ox.Literal(str(node), language=node.language)
            if node.datatype is not None:
                return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
            return ox.Literal(str(node))
        return ox.NamedNode(str(node))

    onto = URIRef(ONTOLOGY_IRI)
    triples = sorted(canonical, key=lambda t: (t[0] != onto, isinstance(t[0], BNode), t))
    iris = {str(n) for t in triples for n in t if isinstance(n, URIRef)}
    prefixes = {
        prefix: str(ns)
        for prefix, ns in source.namespaces()
        if prefix and any(iri.startswith(str(ns)) for iri in iris)
    }
    body = ox.serialize(
        [ox.Triple(term(s), term(p), term(o)) for s, p, o in triples],
        format=ox.RdfFormat.RDF_XML,
        prefixes=prefixes,
    ).decode("utf-8")
    header, _, rest = body.partition("\n")
    note = "<!-- Generated from ontology/kg.ttl by `python -m kg.ontology`; do not edit. -->"
    return f"{header}\n{note}\n{rest}"


def write_rdfxml(path: Path | str = OWL_PATH) -> Path:
    """Regenerate ``ontology/kg.owl`` from ``ontology/kg.ttl``; returns the path written.

    Why RDF/XML: it is the exchange syntax every OWL tool must read (OWL 2 conformance), and
    Protégé opens it without plug-ins. It is a derived file: edit ``kg.ttl`` and re-run this.
    """
    out = Path(path)
    out.write_text(rdfxml(), encoding="utf-8")
    return out


def declared_terms(graph: Graph, namespace: str) -> set[URIRef]:
    """IRIs in ``namespace`` that the graph declares as a class, property, concept or scheme."""
    return {
        s
        for s, o in graph.subject_objects(RDF.type)
        if isinstance(s, URIRef) and str(s).startswith(namespace) and o in DECLARING_TYPES
    }


def vocab_terms(namespace_class: type) -> set[URIRef]:
    """The terms a ``DefinedNamespace`` of ``kg.vocab`` lists (its class annotations)."""
    ns = str(namespace_class._NS)
    return {
        URIRef(ns + name) for name in namespace_class.__annotations__ if not name.startswith("_")
    }


def vocab_problems(graph: Graph) -> list[str]:
    """Differences between the terms ``kg.ttl`` declares and those ``kg/vocab.py`` lists."""
    problems = []
    for cls in (KG, KGC):
        ns = str(cls._NS)
        declared, listed = declared_terms(graph, ns), vocab_terms(cls)
        for term in sorted(listed - declared):
            problems.append(
                f"{term}: listed in kg/vocab.py {cls.__name__} but not declared in kg.ttl"
            )
        for term in sorted(declared - listed):
            problems.append(
                f"{term}: declared in kg.ttl but missing from kg/vocab.py {cls.__name__}"
            )
    return problems


def _english(graph: Graph, subject: Node, prop: URIRef) -> list[Literal]:
    return [
        o for o in graph.objects(subject, prop) if isinstance(o, Literal) and o.language == "en"
    ]


def annotation_problems(graph: Graph) -> list[str]:
    """Every ``kg:`` class and property needs one English ``rdfs:label`` and ``skos:definition``."""
    problems = []
    ns = str(KG._NS)
    for term in sorted(declared_terms(graph, ns)):
        for prop, name in ((RDFS.label, "rdfs:label"), (SKOS.definition, "skos:definition")):
            found = _english(graph, term, prop)
            if len(found) != 1:
                problems.append(f"{term}: needs exactly one {name} in English, has {len(found)}")
    return problems


def punning_problems(graph: Graph) -> list[str]:
    """IRIs typed as two kinds of property: OWL 2 DL forbids that (it is not mere punning)."""
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    problems = []
    subjects = {s for k in kinds for s in graph.subjects(RDF.type, k)}
    for s in sorted(subjects):
        mine = [k.split("#")[-1] for k in kinds if (s, RDF.type, k) in graph]
        if len(mine) > 1:
            problems.append(f"{s}: declared as {' and '.join(mine)} (not allowed in OWL 2 DL)")
    return problems


def concept_problems(graph: Graph) -> list[str]:
    """Every ``kgc:`` concept: prefLabel, definition, in exactly its class's scheme, top concept."""
    problems = []
    for cls, scheme in SCHEME_OF_CLASS.items():
        if (scheme, RDF.type, SKOS.ConceptScheme) not in graph:
            problems.append(f"{scheme}: not declared as a skos:ConceptScheme")
        tops = set(graph.objects(scheme, SKOS.hasTopConcept))
        for concept in sorted(graph.subjects(RDF.type, cls)):
            if (concept, RDF.type, SKOS.Concept) not in graph:
                problems.append(f"{concept}: a {cls} that is not typed skos:Concept")
            if set(graph.objects(concept, SKOS.inScheme)) != {scheme}:
                problems.append(f"{concept}: must be skos:inScheme {scheme} (only)")
            if (concept, SKOS.topConceptOf, scheme) not in graph or concept not in tops:
                problems.append(f"{concept}: must be a top concept of {scheme} (both directions)")
            for prop, name in (
                (SKOS.prefLabel, "skos:prefLabel"),
                (SKOS.definition, "skos:definition"),
            ):
                if len(_english(graph, concept, prop)) != 1:
                    problems.append(f"{concept}: needs exactly one {name} in English")
    for concept in sorted(declared_terms(graph, str(KGC._NS))):
        if (concept, RDF.type, SKOS.Concept) in graph and not any(
            (concept, RDF.type, cls) in graph for cls in SCHEME_OF_CLASS
        ):
            problems.append(f"{concept}: a skos:Concept typed with no scheme class")
    for concept in sorted(graph.subjects(KG.cameoCode, None)):
        for code in graph.objects(concept, KG.cameoCode):
            if not (str(code).isdigit() and 2 <= len(str(code)) <= 4):
                problems.append(f"{concept}: CAMEO code {code!r} is not 2 to 4 digits")
    return problems


def header_problems(graph: Graph) -> list[str]:
    """The ontology header: IRI, version IRI and info, title, description, creator, license."""
    onto = URIRef(ONTOLOGY_IRI)
    if (onto, RDF.type, OWL.Ontology) not in graph:
        return [f"{onto}: no owl:Ontology with the IRI of kg.vocab.ONTOLOGY_IRI"]
    problems = []
    if (onto, OWL.versionIRI, URIRef(ONTOLOGY_VERSION_IRI)) not in graph:
        problems.append(f"{onto}: owl:versionIRI must be {ONTOLOGY_VERSION_IRI}")
    if str(graph.value(onto, OWL.versionInfo)) != ONTOLOGY_VERSION:
        problems.append(f"{onto}: owl:versionInfo must be {ONTOLOGY_VERSION!r}")
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.creator, DCTERMS.license):
        if graph.value(onto, prop) is None:
            problems.append(f"{onto}: missing {graph.namespace_manager.normalizeUri(prop)}")
    if (onto, OWL.imports, None) in graph:
        problems.append(f"{onto}: must not owl:imports anything (declare used terms locally)")
    return problems


#: Constraint parameters that make a node shape itself (not only its property shapes) fire.
_NODE_CONSTRAINTS = ("or", "and", "not", "xone", "class", "in", "datatype", "nodeKind", "node")


def shapes_problems(shapes: Graph, graph: Graph) -> list[str]:
    """Shapes a person can act on: every constraint has an ``sh:message``; concept lists match.

    Why: a SHACL report without a message names a shape IRI or a blank node, which tells an
    analyst nothing; an ``sh:in`` list that drifts from its concept scheme rejects good data.
    """
    schemes = {
        frozenset(graph.subjects(SKOS.inScheme, scheme)) for scheme in SCHEME_OF_CLASS.values()
    }
    problems = []
    for head in shapes.objects(None, SH["in"]):
        values = frozenset(shapes.items(head))
        concepts = all(isinstance(v, URIRef) and str(v).startswith(str(KGC._NS)) for v in values)
        if concepts and values not in schemes:
            problems.append(f"shapes.ttl: sh:in {sorted(values)} is not exactly one kgc: scheme")
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        parts = [*shapes.objects(shape, SH.property), *shapes.objects(shape, SH.sparql)]
        parts += [shape] if any((shape, SH[c], None) in shapes for c in _NODE_CONSTRAINTS) else []
        for part in parts:
            if shapes.value(part, SH.message) is None:
                where = shapes.value(part, SH.path) or part
                problems.append(f"shapes.ttl: a constraint of {shape} ({where}) has no sh:message")
    return problems


def check_ontology(ttl: Path | str = TTL_PATH, owl: Path | str = OWL_PATH) -> list[str]:
    """Run the local checks; returns the problems found (empty list: all fine).

    Why these and not more: each is cheap and needs no Java, so ``kg check-ontology`` and CI
    run them always; DL profile and satisfiability need the OWL API and HermiT (tests only).
    """
    try:
        graph = load_ontology(ttl)
    except PARSE_ERRORS as exc:
        return [f"{ttl}: does not parse: {exc}"]
    problems: list[str] = []
    problems += header_problems(graph)
    problems += vocab_problems(graph)
    problems += annotation_problems(graph)
    problems += punning_problems(graph)
    problems += concept_problems(graph)
    owl_path = Path(owl)
    if not owl_path.exists():
        problems.append(f"{owl_path}: missing; run python -m kg.ontology")
    else:
        copy = Graph()
        try:
            copy.parse(str(owl_path), format="xml")
        except PARSE_ERRORS as exc:
            problems.append(f"{owl_path}: does not parse as RDF/XML: {exc}")
        else:
            if not isomorphic(copy, graph):
                problems.append(f"{owl_path}: out of date with kg.ttl; run python -m kg.ontology")
    if SHAPES_PATH.exists():
        try:
            problems += shapes_problems(load_shapes(), graph)
        except PARSE_ERRORS as exc:
            problems.append(f"{SHAPES_PATH}: does not parse: {exc}")
    return problems


def _import_pylode() -> types.ModuleType:
    """Import pyLODE, working around 3.4.1's ``version.py`` that reads a missing pyproject.toml.

    Why: the released wheel of pyLODE 3.4.1 opens ``site-packages/pyproject.toml`` at import
    time and fails; pre-seeding ``pylode.version`` from the installed metadata is enough.
    """
    if "pylode.version" not in sys.modules:
        stub = types.ModuleType("pylode.version")
        try:
            stub.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
        except importlib.metadata.PackageNotFoundError:
            stub.__version__ = "unknown"  # type: ignore[attr-defined]
        sys.modules["pylode.version"] = stub
    import pylode

    return pylode


def write_docs(out_dir: Path | str = DOCS_DIR) -> Path:
    """Write HTML documentation of the ontology with pyLODE (OntPub profile) to ``index.html``.

    Why pyLODE: it renders classes and properties with their labels, definitions, examples,
    domains and ranges straight from the Turtle, so the docs cannot drift from the ontology.
    """
    pylode = _import_pylode()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "index.html"
    source = load_ontology()
    # pyLODE takes every skos:ConceptScheme for the document's ontology (the last one wins
    # the page title and metadata); the schemes stay documented as named individuals.
    source.remove((None, RDF.type, SKOS.ConceptScheme))
    # pyLODE lists terms in the order the graph yields them: our own terms first, then the
    # external terms we declared only to align with.
    graph = Graph()
    for prefix, ns in source.namespaces():
        graph.bind(prefix, ns)
    own = str(KG._NS), str(KGC._NS)
    for triple in sorted(source, key=lambda t: (not str(t[0]).startswith(own), t)):
        graph.add(triple)
    doc = pylode.OntPub(ontology=graph)
    doc.make_html(destination=target)
    return target


def main(argv: Iterable[str] | None = None) -> int:
    """Regenerate ``kg.owl`` (and with ``--docs`` the HTML), then print the check results."""
    parser = argparse.ArgumentParser(prog="python -m kg.ontology", description=__doc__)
    parser.add_argument("--docs", action="store_true", help="also write docs/ontology/index.html")
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.check:
        print(f"wrote {write_rdfxml()}")
        if args.docs:
            print(f"wrote {write_docs()}")
    problems = check_ontology()
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
