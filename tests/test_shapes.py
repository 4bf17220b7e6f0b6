"""SHACL shapes accept well-formed instance data and reject each kind of breakage by name.

Why the messages are asserted: a shape that fires for the wrong reason (or a message nobody
understands) is as useless as no shape. Broken samples are derived from the valid sample by one
small edit each, so every case shows exactly what it breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from kg import ontology
from kg.vocab import ARTICLE, ENTITY, FACT, KG, KGC, NIF, RDFS, SH

pyshacl = pytest.importorskip("pyshacl")

SAMPLE = Path(__file__).resolve().parent / "data" / "sample_instances.ttl"
STANCE = FACT["a1-stance-1"]
STANCE_EV = FACT["a1-stance-1-ev"]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return ontology.load_shapes()


def _sample() -> Graph:
    return Graph().parse(str(SAMPLE), format="turtle")


def _validate(data: Graph, shapes: Graph) -> tuple[bool, list[str]]:
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, allow_warnings=False)
    messages = sorted({str(m) for m in report.objects(None, SH.resultMessage)})
    return bool(conforms), messages


def test_valid_sample_conforms(shapes: Graph) -> None:
    assert _validate(_sample(), shapes) == (True, [])


def test_every_shape_has_a_message(shapes: Graph) -> None:
    assert ontology.shapes_problems(shapes, ontology.load_ontology()) == []


# --- broken samples: one edit each ---


def _nni(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def _set(s: URIRef, p: URIRef, o: URIRef | Literal) -> Callable[[Graph], None]:
    def edit(g: Graph) -> None:
        g.set((s, p, o))

    return edit


def _remove(
    s: URIRef | None, p: URIRef, o: URIRef | Literal | None = None
) -> Callable[[Graph], None]:
    def edit(g: Graph) -> None:
        g.remove((s, p, o))

    return edit


def _add(s: URIRef, p: URIRef, o: URIRef | Literal) -> Callable[[Graph], None]:
    def edit(g: Graph) -> None:
        g.add((s, p, o))

    return edit


def _offsets(begin: int, end: int) -> Callable[[Graph], None]:
    def edit(g: Graph) -> None:
        g.set((STANCE_EV, NIF.beginIndex, _nni(begin)))
        g.set((STANCE_EV, NIF.endIndex, _nni(end)))

    return edit


BROKEN: list[tuple[str, Callable[[Graph], None], str]] = [
    (
        "stance-without-holder",
        _remove(STANCE, KG.holder),
        "A stance must name exactly one holder (kg:holder).",
    ),
    (
        "stance-with-two-targets",
        _add(STANCE, KG.target, ENTITY.finland),
        "A stance must name exactly one target (kg:target).",
    ),
    (
        "stance-with-two-polarities",
        _add(STANCE, KG.polarity, KGC.positive),
        "A stance must have exactly one polarity (kg:polarity).",
    ),
    (
        "polarity-outside-its-scheme",
        _set(STANCE, KG.polarity, KGC.accuse),
        "The polarity of a stance must be a concept of the polarity scheme: "
        "kgc:negative, kgc:neutral or kgc:positive.",
    ),
    (
        "stance-with-two-kinds",
        _add(STANCE, KG.stanceKind, KGC.warn),
        "A stance can have at most one kind (kg:stanceKind).",
    ),
    (
        "stance-without-evidence",
        _remove(STANCE, KG.evidence),
        "A fact must be traced: an extracted fact needs at least one evidence (kg:evidence) "
        "and exactly one article (kg:inArticle); a curated fact needs a source (dcterms:source).",
    ),
    (
        "holder-without-label",
        _remove(ENTITY.china, RDFS.label),
        "The holder of a stance must have a label (rdfs:label), in the entity graph.",
    ),
    (
        "statement-without-quoted-text",
        _remove(FACT["a1-statement-1"], KG.quotedText),
        "A statement must have exactly one quoted text (kg:quotedText), a plain string.",
    ),
    (
        "membership-with-two-members",
        _add(FACT["a1-membership-1"], KG.member, ENTITY.china),
        "A membership must name exactly one member (kg:member).",
    ),
    (
        "partnership-with-one-party",
        _remove(FACT["a2-partnership-1"], KG.party, ENTITY.philippines),
        "A partnership must name at least two parties (kg:party).",
    ),
    (
        "role-without-holder",
        _remove(FACT["a1-role-1"], KG.heldBy),
        "A role must be held by exactly one person (kg:heldBy).",
    ),
    (
        "event-without-participant-or-label",
        lambda g: (
            g.remove((FACT["a1-event-1"], KG.participant, None)),
            g.remove((FACT["a1-event-1"], RDFS.label, None)),
        ),
        "An event must have at least one participant (kg:participant) or a label (rdfs:label).",
    ),
    (
        "evidence-end-beyond-article",
        _offsets(0, 10_000),
        "The end offset (nif:endIndex) of an evidence or mention lies beyond the end of the "
        "article text (nif:isString).",
    ),
    (
        "anchor-not-matching-text",
        _set(STANCE_EV, NIF.anchorOf, Literal("Russia accused NATO of spreading disinformation")),
        "The anchor text (nif:anchorOf) of an evidence or mention is not the article text "
        "between its begin and end offsets.",
    ),
    (
        "begin-after-end",
        _offsets(46, 0),
        "The begin offset (nif:beginIndex) must not be greater than the end offset (nif:endIndex).",
    ),
    (
        "bad-date-precision",
        _set(STANCE, KG.datePrecision, Literal("week")),
        'A date precision must be "year", "month" or "day" (kg:datePrecision).',
    ),
    (
        "bad-issued-precision",
        _set(ARTICLE.a1, KG.issuedPrecision, Literal("decade")),
        'A date precision must be "year", "month" or "day" (kg:issuedPrecision).',
    ),
    (
        "date-as-xsd-date",
        _set(STANCE, KG.date, Literal("2024-07-10", datatype=XSD.date)),
        "A fact has at most one date (kg:date), an xsd:dateTime (never xsd:date or xsd:gYear).",
    ),
    (
        "confidence-above-one",
        _set(STANCE_EV, KG.confidence, Literal("1.5", datatype=XSD.decimal)),
        "The confidence of an evidence must be between 0 and 1.",
    ),
    (
        "evidence-without-article",
        _remove(STANCE_EV, KG.inArticle),
        "An evidence or mention must name exactly one article (kg:inArticle), typed kg:Article.",
    ),
    (
        "evidence-without-sentence",
        _remove(STANCE_EV, KG.sentenceText),
        "An evidence must have exactly one sentence text (kg:sentenceText).",
    ),
    (
        "mention-anchor-not-matching-text",
        _set(FACT["a1-mention-0-5"], NIF.anchorOf, Literal("Japan")),
        "The anchor text (nif:anchorOf) of an evidence or mention is not the article text "
        "between its begin and end offsets.",
    ),
    (
        "mention-without-entity",
        _remove(FACT["a1-mention-0-5"], KG.denotes),
        "A mention must denote exactly one entity (kg:denotes).",
    ),
]


@pytest.mark.parametrize(("edit", "message"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_sample_is_rejected_with_its_message(
    shapes: Graph, edit: Callable[[Graph], None], message: str
) -> None:
    data = _sample()
    edit(data)
    assert not isomorphic(data, _sample()), "the edit changed nothing"
    conforms, messages = _validate(data, shapes)
    assert not conforms
    assert message in messages, messages


# --- union of named graphs ---


def _split_into_graphs() -> Dataset:
    """The sample as the store holds it: entity descriptions in the entity graph, rest apart."""
    from kg.vocab import ENTITY_GRAPH, article_graph

    ds = Dataset()
    entities = ds.graph(URIRef(str(ENTITY_GRAPH)))
    facts = ds.graph(URIRef(article_graph("a1")))
    for s, p, o in _sample():
        target = entities if str(s).startswith(str(ENTITY)) else facts
        target.add((s, p, o))
    return ds


def test_validation_needs_the_union_of_graphs(shapes: Graph) -> None:
    from kg.vocab import article_graph

    ds = _split_into_graphs()
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert _validate(union, shapes) == (True, [])
    article_only = ds.graph(URIRef(article_graph("a1")))
    conforms, messages = _validate(article_only, shapes)
    assert not conforms
    assert "The holder of a stance must have a label (rdfs:label), in the entity graph." in messages


# --- what kg/rdf.py writes ---


def test_rdf_writer_output_conforms(shapes: Graph, writer_graph: Graph) -> None:
    """Quads from kg/rdf.py for a tiny extraction pass the shapes (writer and shapes agree)."""
    assert _validate(writer_graph, shapes) == (True, [])


def test_span_violations_point_at_the_span(shapes: Graph) -> None:
    """The article-level SPARQL checks report the offending evidence as sh:value."""
    data = _sample()
    _offsets(0, 10_000)(data)
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes)
    values = {
        report.value(r, SH.value)
        for r in report.subjects(SH.sourceConstraintComponent, SH.SPARQLConstraintComponent)
    }
    assert values == {STANCE_EV}


def test_curated_fact_needs_a_source_not_evidence(shapes: Graph) -> None:
    """Reference-graph memberships cite a published source instead of article evidence."""
    from rdflib.namespace import DCTERMS, RDF

    data = _sample()
    curated = URIRef("https://w3id.org/geokg/reference/membership-test")
    data.add((curated, RDF.type, KG.Membership))
    data.add((curated, KG.member, ENTITY.china))
    data.add((curated, KG.organization, ENTITY.nato))
    data.add((curated, DCTERMS.source, URIRef("https://example.org/members")))
    assert _validate(data, shapes)[0]
    data.remove((curated, DCTERMS.source, None))
    conforms, messages = _validate(data, shapes)
    assert not conforms
    assert any(m.startswith("A fact must be traced") for m in messages)


# --- stance profiles (derived graph) ---


def _derived_profiles() -> Graph:
    """The profiles the derive rules make from the server's sample dataset (stance, pair and
    role profiles)."""
    import pyoxigraph as ox

    from kg.vocab import DERIVED_GRAPH
    from tests.conftest import built_sample_store

    store = built_sample_store()
    derived = Graph()
    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(DERIVED_GRAPH)))
    derived.parse(data=nt, format="nt")
    kinds = {KG.HolderStanceProfile, KG.KindStanceProfile, KG.HolderKindStanceProfile,
             KG.PairStanceProfile, KG.RoleProfile}
    profiles = {s for s, o in derived.subject_objects(RDF.type) if o in kinds}
    out = Graph()
    for triple in derived:  # the other derived triples aside
        if triple[0] in profiles:
            out.add(triple)
    return out


def test_derived_stance_profiles_conform(shapes: Graph) -> None:
    data = _derived_profiles()
    assert len(set(data.subjects(RDF.type, KG.HolderStanceProfile))) >= 3
    assert len(set(data.subjects(RDF.type, KG.PairStanceProfile))) >= 5
    assert len(set(data.subjects(RDF.type, KG.RoleProfile))) == 2
    assert _validate(data, shapes) == (True, [])


def test_a_profile_whose_counts_do_not_add_up_is_rejected(shapes: Graph) -> None:
    data = _derived_profiles()
    profile = next(iter(data.subjects(RDF.type, KG.HolderStanceProfile)))
    n = int(data.value(profile, KG.stanceCount))
    data.set((profile, KG.stanceCount, Literal(n + 1, datatype=XSD.integer)))
    conforms, messages = _validate(data, shapes)
    assert not conforms
    assert ("The polarity counts of a stance profile do not add up to its kg:stanceCount."
            in messages)


def test_pair_profiles_sharing_a_rank_are_rejected(shapes: Graph) -> None:
    data = _derived_profiles()
    negative = sorted(data.subjects(KG.profilePolarity, KGC.negative))
    assert len(negative) >= 2
    data.set((negative[1], KG.polarityRank, data.value(negative[0], KG.polarityRank)))
    conforms, messages = _validate(data, shapes)
    assert not conforms
    assert "Two pair profiles of the same polarity share a kg:polarityRank." in messages


POLARITY_RANK_MESSAGE = (
    "A pair profile's rank under the property of its polarity (kg:negativeRank, kg:neutralRank,"
    " kg:positiveRank) is missing, differs from its kg:polarityRank, or is under another"
    " polarity's property.")


@pytest.mark.parametrize("edit", ["missing", "different", "other polarity"])
def test_a_polarity_rank_that_disagrees_with_the_profile_is_rejected(
        shapes: Graph, edit: str) -> None:
    data = _derived_profiles()
    profile = sorted(data.subjects(KG.profilePolarity, KGC.negative))[0]
    rank = data.value(profile, KG.negativeRank)
    assert rank == data.value(profile, KG.polarityRank)
    data.remove((profile, KG.negativeRank, None))
    if edit == "different":
        data.add((profile, KG.negativeRank, Literal(int(rank) + 100, datatype=XSD.integer)))
    elif edit == "other polarity":
        data.add((profile, KG.negativeRank, rank))
        data.add((profile, KG.positiveRank, rank))
    conforms, messages = _validate(data, shapes)
    assert not conforms
    assert POLARITY_RANK_MESSAGE in messages


def test_a_role_profile_with_more_articles_than_roles_is_rejected(shapes: Graph) -> None:
    data = _derived_profiles()
    profile = next(iter(data.subjects(RDF.type, KG.RoleProfile)))
    data.set((profile, KG.articleCount, Literal(5, datatype=XSD.integer)))
    data.remove((profile, KG.exampleRole, data.value(profile, KG.exampleRole)))
    conforms, messages = _validate(data, shapes)
    assert not conforms
    assert "A role profile counts more articles than role facts." in messages
    assert "A role profile names exactly one of its role facts (kg:exampleRole)." in messages
