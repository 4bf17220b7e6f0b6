"""RDF writer: facts become deterministic quads in the ontology, evidence included."""

from __future__ import annotations

from pyoxigraph import Store

from kg import vocab
from kg.corpus import article_from_text
from kg.facts import (
    ArticleExtraction,
    Entity,
    EntityClass,
    Evidence,
    FuzzyDate,
    Mention,
    PartnershipDomain,
    PartnershipFact,
    Polarity,
    RoleFact,
    StanceFact,
    StanceKind,
)
from kg.rdf import (
    article_quads,
    entities_from_json,
    entities_to_json,
    entity_quads,
    fact_id,
    merge_entities,
    meta_quads,
)

TEXT = "China criticised NATO. Japan and NATO deepened cyber cooperation."
ARTICLE = article_from_text("t1", TEXT, "2024-07")


def _ev(start: int, end: int, sentence: int = 0) -> Evidence:
    s_start, s_end = (0, 22) if sentence == 0 else (23, len(TEXT))
    return Evidence(
        "t1", sentence, s_start, s_end, TEXT[s_start:s_end], start, end, TEXT[start:end], 0.8,
        "test.v1",
    )


ENTITIES = (
    Entity("china", "China", EntityClass.STATE, "Q148", ("PRC",)),
    Entity("nato", "NATO", EntityClass.ALLIANCE, "Q7184"),
    Entity("japan", "Japan", EntityClass.STATE, "Q17"),
)
STANCE = StanceFact(
    "china", "nato", Polarity.NEGATIVE, StanceKind.CRITICIZE, _ev(0, 21),
    date=FuzzyDate("2024-07-10"),
)
PARTNERSHIP = PartnershipFact(("japan", "nato"), _ev(23, 65, 1), (PartnershipDomain.CYBER,))
EXTRACTION = ArticleExtraction(
    "t1", "test 0", ENTITIES, (Mention("china", 0, 5, "China", 0),), (STANCE, PARTNERSHIP)
)


def _store() -> Store:
    store = Store()
    store.extend(article_quads(ARTICLE, EXTRACTION))
    store.extend(entity_quads(ENTITIES))
    store.extend(meta_quads(ARTICLE, EXTRACTION))
    return store


def test_quads_are_deterministic() -> None:
    assert article_quads(ARTICLE, EXTRACTION) == article_quads(ARTICLE, EXTRACTION)
    assert fact_id(STANCE) == fact_id(STANCE)
    assert fact_id(STANCE).startswith("t1-stance-")


def test_all_article_quads_are_in_the_article_graph() -> None:
    graphs = {q.graph_name.value for q in article_quads(ARTICLE, EXTRACTION)}
    assert graphs == {vocab.article_graph("t1")}


def test_stance_with_evidence_queryable() -> None:
    rows = list(
        _store().query(
            """SELECT ?h ?t ?pol ?kind ?date ?prec ?anchor ?b ?e WHERE {
                 ?s a kg:Stance ; kg:holder ?h ; kg:target ?t ; kg:polarity ?pol ;
                    kg:stanceKind ?kind ; kg:date ?date ; kg:datePrecision ?prec ;
                    kg:evidence ?ev .
                 ?ev nif:anchorOf ?anchor ; nif:beginIndex ?b ; nif:endIndex ?e .
               }""",
            prefixes=vocab.PREFIXES,
            use_default_graph_as_union=True,
        )
    )
    assert len(rows) == 1
    r = rows[0]
    assert r["h"].value == vocab.entity_iri("china")
    assert r["pol"].value == str(vocab.KGC.negative)
    assert r["kind"].value == str(vocab.KGC.criticize)
    assert r["date"].value == "2024-07-10T00:00:00"
    assert r["prec"].value == "day"
    assert TEXT[int(r["b"].value) : int(r["e"].value)] == r["anchor"].value


def test_partnership_parties_and_domains() -> None:
    rows = list(
        _store().query(
            "SELECT ?p ?d WHERE { ?x a kg:Partnership ; kg:party ?p ; kg:domain ?d }",
            prefixes=vocab.PREFIXES,
            use_default_graph_as_union=True,
        )
    )
    assert {r["p"].value for r in rows} == {vocab.entity_iri("japan"), vocab.entity_iri("nato")}
    assert {r["d"].value for r in rows} == {str(vocab.KGC.cyber)}


def test_a_past_post_is_marked_and_a_present_one_is_not() -> None:
    roles = (RoleFact("japan-pm", "Prime Minister", _ev(23, 28, 1), of="japan", former=True),
             RoleFact("japan-fm", "Foreign Minister", _ev(23, 28, 1), of="japan"))
    store = Store()
    store.extend(article_quads(ARTICLE, ArticleExtraction("t1", "test 0", ENTITIES, (), roles)))
    rows = store.query("""SELECT ?person ?former WHERE {
                            ?r a kg:Role ; kg:heldBy ?person .
                            OPTIONAL { ?r kg:formerPost ?former } }""",
                       prefixes=vocab.PREFIXES, use_default_graph_as_union=True)
    got = {r["person"].value: r["former"].value if r["former"] else None for r in rows}
    assert got == {vocab.entity_iri("japan-pm"): "true", vocab.entity_iri("japan-fm"): None}


def test_no_triple_is_written_to_two_graphs() -> None:
    """pyoxigraph's union default graph does not deduplicate across graphs."""
    store = _store()
    triples = [(q.subject, q.predicate, q.object) for q in store]
    assert len(triples) == len(set(triples))


def test_entities_merge_independent_of_order() -> None:
    a = [Entity("x", "Xi", EntityClass.PERSON, None, ("Xi",))]
    b = [Entity("x", "Xi Jinping", EntityClass.PERSON, "Q15031", ("President Xi",))]
    assert merge_entities([a, b]) == merge_entities([b, a])
    merged = merge_entities([a, b])[0]
    assert merged.qid == "Q15031"
    assert set(merged.aliases) == {"Xi", "President Xi"}
    assert entities_from_json(entities_to_json(ENTITIES)) == sorted(ENTITIES)


def test_wikidata_link_in_entity_graph() -> None:
    quads = entity_quads(ENTITIES)
    same = {
        (q.subject.value, q.object.value) for q in quads if q.predicate.value.endswith("sameAs")
    }
    assert (vocab.entity_iri("china"), vocab.wikidata_iri("Q148")) in same
    assert {q.graph_name.value for q in quads} == {str(vocab.ENTITY_GRAPH)}
