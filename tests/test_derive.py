"""Derived graph rules and the VoID description, on tiny TriG datasets in memory."""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

from kg import derive, vocab, void
from kg.store import nquads_lines

PROLOGUE = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in vocab.PREFIXES.items())

ONTOLOGY = """
graph:ontology {
  kg:State rdfs:subClassOf kg:Actor .
  kg:Alliance rdfs:subClassOf kg:InternationalOrganization .
  kg:InternationalOrganization rdfs:subClassOf kg:Actor .
  kg:Actor rdfs:subClassOf [ a owl:Restriction ; owl:onProperty kg:holds ;
                             owl:allValuesFrom kg:Role ] .
}
"""


def store_of(trig: str) -> Store:
    store = Store()
    store.load((PROLOGUE + trig).encode(), RdfFormat.TRIG)
    return store


def derived(store: Store) -> set[tuple[str, str, str]]:
    g = NamedNode(str(vocab.DERIVED_GRAPH))
    return {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in store.quads_for_pattern(None, None, None, g)
    }


class _Terms:
    """``E.nato`` -> the IRI as a plain ``str`` (rdflib's URIRef never equals a str)."""

    def __init__(self, namespace: object) -> None:
        self.namespace = namespace

    def __getattr__(self, name: str) -> str:
        return str(getattr(self.namespace, name))


E, KG, FACT, WD = (_Terms(ns) for ns in (vocab.ENTITY, vocab.KG, vocab.FACT, vocab.WD))
RDF_TYPE = str(vocab.RDF.type)


def test_rules_are_data_files_run_in_name_order() -> None:
    names = [name for name, _ in derive.rules()]
    assert names == sorted(names) and names[-1] == "90_not_asserted_elsewhere.rq"
    assert all("http" not in text for _, text in derive.rules())


@pytest.mark.parametrize(
    ("status", "end", "expected"),
    [("fullMember", False, True), ("observer", False, False), ("candidate", False, False),
     ("formerMember", False, False), ("fullMember", True, False), (None, False, True)],
)
def test_membership_shortcuts_need_a_current_full_membership(
    status: str | None, end: bool, expected: bool
) -> None:
    extra = (f" ; kg:membershipStatus kgc:{status}" if status else "") + (
        ' ; kg:endDate "2020-01-01T00:00:00"^^xsd:dateTime' if end else "")
    store = store_of(f"""
    graph:article\\/a {{ fact:m a kg:Membership ; kg:member entity:finland ;
                        kg:organization entity:nato {extra} . }}""")
    derive.materialise(store)
    got = derived(store)
    assert ((E.finland, KG.memberOf, E.nato) in got) is expected
    assert ((E.nato, KG.hasMember, E.finland) in got) is expected


def test_reference_memberships_map_to_entities_through_same_as() -> None:
    store = store_of("""
    graph:reference { <urn:ref:1> a kg:Membership ; kg:member wd:Q33 ; kg:organization wd:Q7184 ;
                        kg:membershipStatus kgc:fullMember .
                      <urn:ref:2> a kg:Membership ; kg:member wd:Q27 ; kg:organization wd:Q458 . }
    graph:entities { entity:finland owl:sameAs wd:Q33 . entity:nato owl:sameAs wd:Q7184 . }
    """)
    derive.materialise(store)
    got = derived(store)
    assert (E.finland, KG.memberOf, E.nato) in got
    assert (E.nato, KG.hasMember, E.finland) in got
    assert (WD.Q27, KG.memberOf, WD.Q458) in got


def test_direct_membership_shortcuts_get_their_inverse() -> None:
    store = store_of("graph:reference { entity:japan kg:memberOf entity:quad . }")
    derive.materialise(store)
    assert derived(store) == {(E.quad, KG.hasMember, E.japan)}


@pytest.mark.parametrize(
    ("status", "expected"),
    [("existing", True), ("agreed", True), ("proposed", False), ("past", False)],
)
def test_partners_in_both_directions_for_existing_or_agreed(status: str, expected: bool) -> None:
    store = store_of(f"""
    graph:article\\/a {{ fact:p a kg:Partnership ; kg:party entity:japan , entity:australia ,
                        entity:india ; kg:partnershipStatus kgc:{status} . }}""")
    derive.materialise(store)
    got = derived(store)
    pairs = {(s, o) for s, p, o in got if p == KG.partnerOf}
    if expected:
        assert len(pairs) == 6 and (E.japan, E.india) in pairs and (E.india, E.japan) in pairs
        assert all(s != o for s, o in pairs)
    else:
        assert pairs == set()


def test_holds_has_stance_and_stance_toward() -> None:
    store = store_of("""
    graph:article\\/a {
      fact:r a kg:Role ; kg:heldBy entity:rutte ; kg:postIn entity:nato .
      fact:s a kg:Stance ; kg:holder entity:china ; kg:target entity:nato .
    }""")
    derive.materialise(store)
    got = derived(store)
    assert (E.rutte, KG.holds, FACT.r) in got
    assert (E.china, KG.hasStance, FACT.s) in got
    assert (E.china, KG.stanceToward, E.nato) in got


def _pair_profiles(store: Store) -> dict[tuple[str, str, str], dict[str, str]]:
    rows = store.query("""
        SELECT ?holder ?target ?polarity ?n ?first ?last ?rank WHERE { GRAPH graph:derived {
          ?p a kg:PairStanceProfile ; kg:profileHolder ?holder ; kg:profileTarget ?target ;
             kg:profilePolarity ?polarity ; kg:stanceCount ?n ; kg:polarityRank ?rank .
          OPTIONAL { ?p kg:firstDate ?first } OPTIONAL { ?p kg:lastDate ?last } } }""",
                       prefixes=vocab.PREFIXES)
    return {(r["holder"].value.rsplit("/", 1)[1], r["target"].value.rsplit("/", 1)[1],
             r["polarity"].value.rsplit("/", 1)[1]):
            {k: r[k].value for k in ("n", "first", "last", "rank") if r[k] is not None}
            for r in rows}


def test_pair_profiles_count_date_and_rank_within_each_polarity() -> None:
    d = '"{}T00:00:00"^^xsd:dateTime'
    store = store_of(f"""
    graph:article\\/a {{
      fact:s1 kg:holder entity:china ; kg:target entity:nato ; kg:polarity kgc:negative ;
              kg:date {d.format("2023-04-01")} .
      fact:s2 kg:holder entity:china ; kg:target entity:nato ; kg:polarity kgc:negative ;
              kg:date {d.format("2024-02-01")} .
      fact:s3 kg:holder entity:russia ; kg:target entity:nato ; kg:polarity kgc:negative ;
              kg:date {d.format("2024-05-01")} .
      fact:s7 kg:holder entity:russia ; kg:target entity:nato ; kg:polarity kgc:negative .
      fact:s4 kg:holder entity:usa ; kg:target entity:china ; kg:polarity kgc:negative .
      fact:s5 kg:holder entity:iran ; kg:target entity:usa ; kg:polarity kgc:negative .
      fact:s6 kg:holder entity:china ; kg:target entity:usa ; kg:polarity kgc:positive .
    }}""")
    derive.materialise(store)
    got = _pair_profiles(store)
    assert got[("china", "nato", "negative")] == {
        "n": "2", "first": "2023-04-01T00:00:00", "last": "2024-02-01T00:00:00", "rank": "2"}
    # Two stances, one undated: the dates come from the dated one; same count as china's
    # pair, and the later last date ranks first.
    assert got[("russia", "nato", "negative")] == {
        "n": "2", "first": "2024-05-01T00:00:00", "last": "2024-05-01T00:00:00", "rank": "1"}
    assert got[("china", "nato", "negative")]["rank"] == "2"
    # Equal counts, both undated: ranked last, in the order of the profiles' IRIs.
    undated = sorted(
        store.query("""SELECT ?p ?rank WHERE {
                         ?p kg:profileTarget ?t ; kg:polarityRank ?rank ;
                            kg:profilePolarity kgc:negative .
                         FILTER NOT EXISTS { ?p kg:lastDate ?d } }""",
                    prefixes=vocab.PREFIXES, use_default_graph_as_union=True),
        key=lambda r: r["p"].value)
    assert [r["rank"].value for r in undated] == ["3", "4"]
    assert got[("china", "usa", "positive")] == {"n": "1", "rank": "1"}  # its own polarity
    assert len(got) == 5
    # The same rank again under the property of the profile's polarity, and under no other.
    ranks = {(r["p"].value, r["prop"].value.rsplit("#", 1)[1], r["rank"].value)
             for r in store.query("""SELECT ?p ?prop ?rank WHERE { GRAPH graph:derived {
                 ?p ?prop ?rank . FILTER (?prop IN (kg:negativeRank, kg:neutralRank,
                                                    kg:positiveRank)) } }""",
                                  prefixes=vocab.PREFIXES)}
    expected = {(r["p"].value, r["polarity"].value.rsplit("/", 1)[1] + "Rank", r["rank"].value)
                for r in store.query("""SELECT ?p ?polarity ?rank WHERE { GRAPH graph:derived {
                    ?p kg:profilePolarity ?polarity ; kg:polarityRank ?rank } }""",
                                     prefixes=vocab.PREFIXES)}
    assert ranks == expected and len(ranks) == 5


def test_a_rank_rule_must_select_node_and_partition() -> None:
    store = store_of("graph:article\\/a { fact:s1 kg:holder entity:china . }")
    with pytest.raises(ValueError, match=r"\?node \?partition"):
        derive.rank_quads(store, "SELECT ?partition ?node WHERE { ?node kg:holder ?partition }",
                          NamedNode(KG.polarityRank), NamedNode(str(vocab.DERIVED_GRAPH)))


def test_role_profiles_one_per_post_with_counts_and_an_example() -> None:
    store = store_of("""
    graph:article\\/a {
      fact:r1 kg:heldBy entity:rutte ; kg:roleName "Secretary General" ; kg:postIn entity:nato ;
              kg:inArticle article:a .
      fact:r2 kg:heldBy entity:rutte ; kg:roleName "Prime Minister" ; kg:inArticle article:a .
    }
    graph:article\\/b {
      fact:r0 kg:heldBy entity:rutte ; kg:roleName "Secretary General" ; kg:postIn entity:nato ;
              kg:inArticle article:b .
      fact:r3 kg:heldBy entity:rutte ; kg:roleName "Secretary General" ; kg:postIn entity:nato ;
              kg:inArticle article:b .
    }""")
    derive.materialise(store)
    rows = store.query("""
        SELECT ?name ?org ?n ?articles ?example WHERE { GRAPH graph:derived {
          ?p a kg:RoleProfile ; kg:profilePerson entity:rutte ; kg:profileRoleName ?name ;
             kg:roleCount ?n ; kg:articleCount ?articles ; kg:exampleRole ?example .
          OPTIONAL { ?p kg:profileOrganization ?org } } }""", prefixes=vocab.PREFIXES)
    got = {(r["name"].value, r["org"].value if r["org"] else None): (
        r["n"].value, r["articles"].value, r["example"].value) for r in rows}
    assert got == {("Secretary General", E.nato): ("3", "2", FACT.r0),
                   ("Prime Minister", None): ("1", "1", FACT.r2)}


def test_superclass_types_only_iri_and_not_already_asserted() -> None:
    store = store_of(ONTOLOGY + """
    graph:entities { entity:nato a kg:Alliance . entity:china a kg:State , kg:Actor . }""")
    derive.materialise(store)
    types = {(s, o) for s, p, o in derived(store) if p == RDF_TYPE}
    assert types == {
        (E.nato, KG.InternationalOrganization),
        (E.nato, KG.Actor),
    }


def test_nothing_in_derived_is_asserted_in_another_graph() -> None:
    store = store_of(ONTOLOGY + """
    graph:article\\/a { fact:s kg:holder entity:china . }
    graph:entities { entity:china kg:hasStance fact:s . }""")
    derive.materialise(store)
    assert (E.china, KG.hasStance, FACT.s) not in derived(store)
    assert NamedNode(str(vocab.DERIVED_GRAPH)) not in set(store.named_graphs())


def test_materialise_replaces_stale_derivations_and_is_deterministic() -> None:
    store = store_of("""
    graph:derived { entity:old kg:memberOf entity:gone . }
    graph:article\\/a { fact:r kg:heldBy entity:rutte . }""")
    derive.materialise(store)
    first = nquads_lines(store)
    derive.materialise(store)
    assert nquads_lines(store) == first
    assert derived(store) == {(E.rutte, KG.holds, FACT.r)}


def test_void_counts_and_is_deterministic() -> None:
    store = store_of(ONTOLOGY + """
    graph:entities { entity:nato a kg:Alliance ; rdfs:label "NATO" . }
    graph:article\\/a { fact:s a kg:Stance ; kg:holder entity:china ; kg:target entity:nato . }
    graph:meta { graph:article\\/a kg:contentHash "x" . }""")
    derive.materialise(store)
    n = void.write_void(store)
    first = nquads_lines(store)
    assert void.write_void(store) == n and nquads_lines(store) == first
    rows = {
        row["p"].value.rsplit("#", 1)[-1]: int(row["n"].value)
        for row in store.query(
            "SELECT ?p ?n WHERE { GRAPH graph:meta { ?s sd:name graph:article\\/a ; ?p ?n . "
            "FILTER(isLiteral(?n)) } }", prefixes=vocab.PREFIXES)
    }
    assert rows == {"triples": 3, "classes": 1, "properties": 3, "entities": 1}
    (total,) = store.query(
        "SELECT ?n WHERE { GRAPH graph:meta { ?d void:triples ?n ; void:subset ?x } } LIMIT 1",
        prefixes=vocab.PREFIXES)
    meta = sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(vocab.META_GRAPH)))
    assert int(total["n"].value) == len(store) - meta
    assert not any(line.startswith("_:") for line in first if str(vocab.META_GRAPH) in line)
    partitions = list(store.query(
        "SELECT ?c ?n WHERE { GRAPH graph:meta { ?d void:classPartition ?p . "
        "?p void:class ?c ; void:entities ?n } }", prefixes=vocab.PREFIXES))
    assert {r["c"].value for r in partitions} >= {KG.Alliance, KG.Stance}


def test_void_entities_are_distinct_iri_subjects_only() -> None:
    """void:entities leaves blank-node subjects out, per graph and for the whole dataset (the
    queries count subjects in the scan and subtract the non-IRI ones after grouping)."""
    store = store_of("""
    graph:article\\/a { fact:s a kg:Stance ; kg:holder entity:china .
                        _:b1 kg:target entity:nato . _:b1 kg:polarity kgc:negative .
                        _:b2 kg:target entity:nato . }
    graph:article\\/b { fact:s kg:target entity:nato . fact:t kg:target entity:china .
                        _:b3 kg:target entity:nato . }
    graph:entities { entity:nato a kg:Alliance . }
    graph:meta { graph:article\\/a kg:contentHash "x" . }""")
    void.write_void(store)

    def count(subject: str) -> dict[str, int]:
        rows = store.query(
            f"SELECT ?p ?n WHERE {{ GRAPH graph:meta {{ <{subject}> ?p ?n . "
            "FILTER(datatype(?n) = xsd:integer) } }", prefixes=vocab.PREFIXES)
        return {r["p"].value.rsplit("#", 1)[-1]: int(r["n"].value) for r in rows}

    assert count(void.subset_iri(vocab.article_graph("a")))["entities"] == 1
    assert count(void.subset_iri(vocab.article_graph("b")))["entities"] == 2
    dataset = count(void.DATASET)
    assert dataset["entities"] == 3  # fact:s (in both graphs), fact:t, entity:nato
    assert dataset["triples"] == 9


def test_concurrent_rules_give_the_graph_of_plain_updates_run_in_order() -> None:
    """Rules that read no derived triple are evaluated together on threads; the result must be
    the derived graph of running every rule file as a SPARQL UPDATE, one after another."""
    import pyoxigraph as ox

    from kg.build import ontology_quads
    from kg.config import Settings
    from tests.conftest import SAMPLE_TRIG

    def sample() -> Store:
        store = Store()
        store.load(path=str(SAMPLE_TRIG), format=RdfFormat.TRIG)
        store.extend(ontology_quads(Settings())[0])
        return store

    ours = sample()
    derive.materialise(ours)
    reference = sample()
    graph = NamedNode(str(vocab.DERIVED_GRAPH))
    for _name, text in derive.rules():
        rank = derive._RANK.match(text)
        if rank:
            reference.extend(derive.rank_quads(reference, text, derive._expand(rank.group(1)),
                                               graph))
        else:
            reference.update(text, prefixes=vocab.PREFIXES)
    got, want = derived(ours), derived(reference)
    assert len(want) > 100
    assert got == want
    assert ox.NamedNode(str(vocab.KG.PairStanceProfile)) in {
        q.object for q in ours.quads_for_pattern(None, None, None, graph)}


def test_a_rule_marked_reads_derived_sees_what_earlier_rules_wrote(
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = """INSERT { GRAPH graph:derived { ?m kg:memberOf ?o . } }
    WHERE { GRAPH ?g { ?x kg:member ?m ; kg:organization ?o . }
            FILTER (?g NOT IN (graph:derived, graph:meta)) }"""
    other = """INSERT { GRAPH graph:derived { ?p kg:holds ?r . } }
    WHERE { GRAPH ?g { ?r kg:heldBy ?p . } FILTER (?g NOT IN (graph:derived, graph:meta)) }"""
    reads = """# @reads-derived
    INSERT { GRAPH graph:derived { ?o kg:hasMember ?m . } }
    WHERE { GRAPH graph:derived { ?m kg:memberOf ?o . } }"""
    monkeypatch.setattr(derive, "rules", lambda: [("10.rq", first), ("20.rq", other),
                                                  ("30.rq", reads)])
    store = store_of("""graph:article\\/a { fact:m kg:member entity:poland ;
                                               kg:organization entity:nato .
                                        fact:r kg:heldBy entity:rutte . }""")
    derive.materialise(store)
    assert derived(store) == {(E.poland, KG.memberOf, E.nato), (E.rutte, KG.holds, FACT.r),
                              (E.nato, KG.hasMember, E.poland)}


def test_role_profiles_count_the_role_facts_that_name_a_past_post() -> None:
    store = store_of("""
    graph:article\\/a {
      fact:r1 kg:heldBy entity:rutte ; kg:roleName "Prime Minister" ; kg:postIn entity:nl ;
              kg:inArticle article:a ; kg:formerPost true .
      fact:r2 kg:heldBy entity:rutte ; kg:roleName "Secretary General" ; kg:postIn entity:nato ;
              kg:inArticle article:a .
    }
    graph:article\\/b {
      fact:r3 kg:heldBy entity:rutte ; kg:roleName "Prime Minister" ; kg:postIn entity:nl ;
              kg:inArticle article:b .
    }""")
    derive.materialise(store)
    rows = store.query("""
        SELECT ?name ?n ?former WHERE { GRAPH graph:derived {
          ?p a kg:RoleProfile ; kg:profilePerson entity:rutte ; kg:profileRoleName ?name ;
             kg:roleCount ?n ; kg:formerCount ?former } }""", prefixes=vocab.PREFIXES)
    got = {r["name"].value: (r["n"].value, r["former"].value) for r in rows}
    assert got == {"Prime Minister": ("2", "1"), "Secretary General": ("1", "0")}
