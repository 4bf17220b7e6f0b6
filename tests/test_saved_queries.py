"""Saved queries: parsing the ``#+`` header and BASIL parameters, binding values as terms, and
every ``queries/*.rq`` answering its question on the sample dataset (in-memory store)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import vocab
from kg.derive import materialise
from kg.errors import DataFileError, ParameterError, UnknownQuery
from kg.saved_queries import (
    SavedQuery,
    get_saved_query,
    load_saved_queries,
    parse_query_file,
)
from tests.conftest import ROOT, built_sample_store

QUERIES = load_saved_queries(ROOT / "queries")
E = str(vocab.ENTITY)
KGC = str(vocab.KGC._NS)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return built_sample_store()  # article-summary reads VoID, the stance views the profiles


def run(store: ox.Store, name: str, **args: str) -> list[dict[str, str | None]]:
    bound = QUERIES[name].bind(args)
    subs = {ox.Variable(k): v for k, v in bound.substitutions.items()}
    for var in bound.wikidata_params:  # what the server does for QIDs
        hit = list(store.query("SELECT ?e ?w WHERE { ?e owl:sameAs ?w }", prefixes=vocab.PREFIXES,
                               use_default_graph_as_union=True,
                               substitutions={ox.Variable("w"): subs[ox.Variable(var)]}))
        if hit:
            subs[ox.Variable(var)] = hit[0]["e"]
    result = store.query(bound.sparql, substitutions=subs, use_default_graph_as_union=True,
                         prefixes=vocab.PREFIXES)
    if not isinstance(result, ox.QuerySolutions):
        return [{"s": t.subject.value, "p": t.predicate.value, "o": str(t.object)}
                for t in result]
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]


def test_at_least_fifteen_documented_queries() -> None:
    assert len(QUERIES) >= 15
    for q in QUERIES.values():
        assert q.summary and q.summary != q.name, q.name
        assert q.method == "GET"
        assert "ORDER BY" in q.text or q.query_type == "CONSTRUCT", q.name
        assert "PREFIX kg:" in q.text, "declare prefixes so the file also runs under grlc"


def test_parameters_are_read_from_basil_names() -> None:
    q = QUERIES["stances-toward"]
    target, polarity = q.param("target"), q.param("polarity")
    assert target and target.required and target.kind == "iri" and target.default == "china"
    assert polarity and not polarity.required and polarity.enum == (
        "kgc:negative", "kgc:neutral", "kgc:positive")
    events = QUERIES["events-in-range"]
    assert events.param("from").kind == "dateTime"  # type: ignore[union-attr]
    assert QUERIES["entity-wikidata"].pagination == 50


def test_header_parser_and_typed_params(tmp_path: Path) -> None:
    f = tmp_path / "demo.rq"
    f.write_text(
        "#+ summary: Demo\n#+ tags: [a, b]\n#+ defaults:\n#+   - year: 2020\n"
        "#+ enumerate:\n#+   - kind:\n#+     - alpha\n#+     - beta\n"
        "SELECT ?_year_integer ?_label_en ?__kind ?_when_date ?_ok_boolean ?_x_xsd_decimal "
        "WHERE { } ORDER BY ?x\n")
    q = parse_query_file(f)
    assert q.tags == ("a", "b")
    assert [(p.name, p.kind) for p in q.params] == [
        ("year", "integer"), ("label", "lang"), ("kind", "string"), ("when", "date"),
        ("ok", "boolean"), ("x", "decimal")]
    b = q.bind({"label": "NATO", "when": "2024-02-29", "ok": "1", "x": "1.5", "kind": "beta"})
    assert b.substitutions["_year_integer"] == ox.Literal(
        "2020", datatype=ox.NamedNode(str(vocab.XSD.integer)))
    assert b.substitutions["_label_en"] == ox.Literal("NATO", language="en")
    assert b.substitutions["_ok_boolean"].value == "true"
    with pytest.raises(ParameterError, match="must be one of alpha, beta"):
        q.bind({"label": "x", "when": "2024-01-01", "ok": "true", "x": "1", "kind": "gamma"})


@pytest.mark.parametrize("text", [
    "#+ summary: x\nSELECT ?_a_nonsense WHERE {}",
    "#+ summary: x\n#+ pagination: many\nSELECT * WHERE {}",
    "#+ summary x\nSELECT * WHERE {}",
    "#+ summary: x\n#+ defaults:\n#+   - n: ten\nSELECT ?_n_integer WHERE {}",
    "#+ summary: x\nPREFIX a: <urn:a>\n",
])
def test_malformed_files_raise_data_file_error(tmp_path: Path, text: str) -> None:
    f = tmp_path / "bad.rq"
    f.write_text(text)
    with pytest.raises(DataFileError, match=r"bad\.rq"):
        parse_query_file(f)


@pytest.mark.parametrize(("value", "expected"), [
    ("china", E + "china"),
    ("entity:china", E + "china"),
    (E + "china", E + "china"),
    ("Q148", str(vocab.WD) + "Q148"),
    ("wd:Q148", str(vocab.WD) + "Q148"),
])
def test_iri_parameter_forms(value: str, expected: str) -> None:
    b = QUERIES["stances-toward"].bind({"target": value})
    assert b.substitutions["_target_iri"] == ox.NamedNode(expected)
    assert b.wikidata_params == (("_target_iri",) if "Q148" in value else ())


@pytest.mark.parametrize(("name", "args", "param", "words"), [
    ("stances-toward", {"target": "china> } ; DROP ALL ; <x"}, "target", "not"),
    ("stances-toward", {"target": "javascript:alert(1)"}, "target", "http(s)/urn"),
    ("stances-toward", {"target": "http://a b"}, "target", "not a valid IRI"),
    ("stances-toward", {"target": "../../etc/passwd"}, "target", "not"),
    ("stances-toward", {"polarity": "kgc:angry"}, "polarity", "must be one of"),
    ("events-in-range", {"from": "2024-13-01"}, "from", "not a valid date"),
    ("events-in-range", {"from": "yesterday"}, "from", "is not a date"),
    ("events-in-range", {"from": "2024-01-01\" } #"}, "from", "is not a date"),
    ("entity-wikidata", {"page": "0"}, "page", "page number"),
    ("entity-wikidata", {"page": "1; DROP"}, "page", "page number"),
    ("fact-evidence", {"fact": "x" * 300}, "fact", "not"),
])
def test_hostile_values_are_refused_naming_the_parameter(name: str, args: dict[str, str],
                                                         param: str, words: str) -> None:
    with pytest.raises(ParameterError) as info:
        QUERIES[name].bind(args)
    assert info.value.name == param and info.value.status == 400
    assert words in str(info.value)


def test_literal_values_are_bound_never_spliced() -> None:
    q: SavedQuery = QUERIES["stances-toward"]
    b = q.bind({"target": "japan"})
    # the text is untouched apart from our own page clause; the value travels as a term
    assert b.sparql == f"{q.text.rstrip()}\nLIMIT {q.pagination} OFFSET 0\n"
    assert "japan" not in b.sparql and b.substitutions["_target_iri"].value.endswith("/japan")


def test_pagination_appends_only_integers() -> None:
    b = QUERIES["entity-wikidata"].bind({"page": "3"})
    assert b.sparql.rstrip().endswith("LIMIT 50 OFFSET 100")


def test_required_parameter_without_default(tmp_path: Path) -> None:
    f = tmp_path / "needs.rq"
    f.write_text("#+ summary: needs an actor\nSELECT ?_actor_iri WHERE { } ORDER BY ?x\n")
    with pytest.raises(ParameterError, match="'actor': is required"):
        parse_query_file(f).bind({"actor": "  "})


def test_unknown_query() -> None:
    with pytest.raises(UnknownQuery):
        get_saved_query(QUERIES, "nope")


# --- every saved query answers its question on the sample -------------------------------------


def test_stances_toward(store: ox.Store) -> None:
    rows = run(store, "stances-toward", target="china")
    assert [(r["holderLabel"], r["polarity"].rsplit("/", 1)[1], r["date"][:10]) for r in rows] == [
        ("United States", "positive", "2024-01-31"), ("United States", "neutral", "2023-03-15")]
    assert rows[1]["sentence"] == "The US voiced concern about China."
    rows = run(store, "stances-toward", target="Q7184", polarity="negative")
    assert [(r["holderLabel"], r["kind"].rsplit("/", 1)[1]) for r in rows] == [("Russia", "warn")]


def test_criticisms(store: ox.Store) -> None:
    rows = run(store, "criticisms")
    pairs = {(r["holderLabel"], r["targetLabel"]): r["count"] for r in rows}
    assert pairs == {("China", "AUKUS"): "1", ("China", "United States"): "1",
                     ("NATO", "Russia"): "1", ("Russia", "NATO"): "1", ("Russia", "Ukraine"): "1"}
    # Equal counts: the most recent first (then a fixed order, the rank made at build time).
    assert [r["last"][:10] for r in rows] == sorted((r["last"][:10] for r in rows), reverse=True)
    assert rows[0]["first"] == rows[0]["last"] == "2024-01-31T00:00:00"
    rows = run(store, "criticisms", since="2024")
    assert {(r["holderLabel"], r["targetLabel"]) for r in rows} == {("Russia", "Ukraine")}
    assert run(store, "criticisms", page="2") == []


def test_stance_timeline(store: ox.Store) -> None:
    rows = run(store, "stance-timeline", actor="usa", other="china")
    assert [(r["date"][:10], r["holderLabel"], r["polarity"].rsplit("/", 1)[1]) for r in rows] == [
        ("2023-03-14", "China", "negative"), ("2023-03-15", "United States", "neutral"),
        ("2024-01-30", "China", "positive"), ("2024-01-31", "United States", "positive")]


def test_partners_by_domain(store: ox.Store) -> None:
    rows = run(store, "partners-by-domain", actor="australia", domain="military")
    assert {r["partnerLabel"] for r in rows} == {"United Kingdom", "United States"}
    rows = run(store, "partners-by-domain", actor="australia")
    assert {r["partnerLabel"] for r in rows} == {"United Kingdom", "United States", "India",
                                                 "Japan"}
    assert {r["domain"].rsplit("/", 1)[1] for r in rows} == {"military", "nuclear", "maritime",
                                                              "security"}


def test_alliance_members(store: ox.Store) -> None:
    rows = run(store, "alliance-members", alliance="nato")
    assert [(r["memberLabel"], r["source"]) for r in rows] == [
        ("Finland", "articles"), ("Finland", "reference"), ("Sweden", "reference")]


def test_person_statements(store: ox.Store) -> None:
    rows = run(store, "person-statements", person="jens-stoltenberg")
    assert [r["quote"] for r in rows] == ["Ukraine's future is in NATO", "We must stay the course"]
    assert rows[0]["onBehalfOfLabel"] == "NATO"
    assert rows[0]["title"] == "NATO leaders meet in Vilnius"


def test_events_in_range(store: ox.Store) -> None:
    rows = run(store, "events-in-range", **{"from": "2023-07", "to": "2024-12-31"})
    assert [(r["date"][:10], r["label"]) for r in rows] == [
        ("2023-07-11", "NATO summit in Vilnius"), ("2024-01-01", "Malabar exercise")]
    assert rows[0]["placeLabel"] == "Vilnius"
    assert set(rows[1]["participants"].split(", ")) == {"United States", "India", "Japan"}
    rows = run(store, "events-in-range", type="kg:Meeting")
    assert [r["label"] for r in rows] == ["AUKUS leaders meeting in San Diego"]
    # One row per event, with the class its article asserted, though the derived graph adds
    # kg:Event to every event; kg:Event, the default type, matches all of them.
    every = run(store, "events-in-range")
    assert len(every) == len({r["event"] for r in every}) >= 3
    assert all(r["type"] != str(vocab.KG.Event) for r in every)
    assert {r["_type_iri"] for r in every} == {str(vocab.KG.Event)}
    assert run(store, "events-in-range", type="kg:Event") == every
    # Pages are cut on the date inside the query; the second page of a one-page answer is empty.
    assert run(store, "events-in-range", page="2") == []


def test_fact_evidence(store: ox.Store) -> None:
    rows = run(store, "fact-evidence", fact="china-aukus-2023-stance-000000000011")
    assert len(rows) == 1
    r = rows[0]
    assert r["sentence"] == "China said AUKUS goes down a dangerous path."
    assert (r["begin"], r["end"], r["confidence"], r["extractor"]) == ("72", "116", "0.9",
                                                                       "kg_stance.v1")


def test_opposite_stances(store: ox.Store) -> None:
    rows = run(store, "opposite-stances", target="ukraine")
    assert [(r["targetLabel"], r["supporterLabel"], r["supports"], r["criticLabel"],
             r["criticises"]) for r in rows] == [("Ukraine", "NATO", "1", "Russia", "1")]
    assert rows[0]["supportSentence"] and rows[0]["criticSentence"]
    assert run(store, "opposite-stances", target="china") == []
    assert run(store, "opposite-stances") == []  # the default target is china


def test_actor_network(store: ox.Store) -> None:
    triples = {(t["s"].rsplit("/", 1)[1], t["p"].rsplit("#", 1)[1], t["o"])
               for t in run(store, "actor-network", actor="nato")}
    assert ("finland", "memberOf", f"<{E}nato>") in triples
    assert ("nato", "stanceToward", f"<{E}russia>") in triples
    assert ("russia", "stanceToward", f"<{E}nato>") in triples
    assert ("nato", "label", '"NATO"@en') in triples
    assert any(p == "holds" and s == "jens-stoltenberg" for s, p, _ in triples)
    # Labels only of the actor and of nodes in its network (a branch that bound nothing once
    # made the label pattern match every label in the store).
    linked = {s for s, p, _ in triples if p != "label"} | {
        o.strip("<>").rsplit("/", 1)[1] for _, p, o in triples if p != "label" and o[0] == "<"}
    assert {s for s, p, _ in triples if p == "label"} <= linked | {"nato"}
    assert "AUKUS leaders meeting in San Diego" not in str(triples)


def test_entity_wikidata(store: ox.Store) -> None:
    rows = run(store, "entity-wikidata", **{"class": "kg:Person"})
    assert [(r["label"], r["wikidata"]) for r in rows] == [
        ("Jens Stoltenberg", str(vocab.WD) + "Q57636"), ("Wang Yi", None)]
    assert len(run(store, "entity-wikidata")) == 17
    assert run(store, "entity-wikidata", page="2") == []


def test_article_summary(store: ox.Store) -> None:
    (row,) = run(store, "article-summary", article="article:china-aukus-2023")
    counts = {k: row[k] for k in ("stances", "statements", "memberships", "partnerships",
                                  "roles", "events", "mentions")}
    assert counts == {"stances": "3", "statements": "1", "memberships": "1",
                      "partnerships": "1", "roles": "1", "events": "1", "mentions": "3"}
    rows = run(store, "article-summary")
    assert len(rows) == len({r["article"] for r in rows}) == 3  # one row per article
    issued = [r["issued"] for r in rows]
    assert issued == sorted(issued, reverse=True)  # newest first


def test_page_marker_puts_the_page_inside_the_sub_select(store: ox.Store) -> None:
    q = QUERIES["article-summary"]
    text = q.bind({"page": "2"}).sparql
    assert "# @page" not in text and text.count("LIMIT") == 1
    assert text.index("LIMIT 100 OFFSET 100") < text.index("?graph void:rootResource ?article ;")
    assert run(store, "article-summary", page="2") == []


def test_page_marker_needs_pagination(tmp_path: Path) -> None:
    f = tmp_path / "bad.rq"
    f.write_text("SELECT ?s WHERE {\n  { SELECT ?s WHERE { ?s ?p ?o }\n    # @page\n  }\n}\n")
    with pytest.raises(DataFileError, match="@page"):
        parse_query_file(f)


def test_roles(store: ox.Store) -> None:
    rows = run(store, "roles", person="jens-stoltenberg")
    assert [(r["roleName"], r["organizationLabel"], r["mentions"], r["articles"])
            for r in rows] == [("Secretary General", "NATO", "1", "1")]
    assert rows[0]["sentence"] and rows[0]["article"].endswith("vilnius-summit-2023")
    rows = run(store, "roles", organization="china")
    assert [(r["personLabel"], r["roleName"]) for r in rows] == [("Wang Yi", "Foreign Minister")]
    assert len(run(store, "roles")) == 2


def test_roles_one_row_per_post_and_no_organisation_matches_none() -> None:
    store = built_sample_store()
    store.update("""INSERT DATA { GRAPH graph:article\\/extra {
      fact:extra-role-1 a kg:Role ; kg:heldBy entity:jens-stoltenberg ;
        kg:roleName "Secretary General" ; kg:postIn entity:nato ; kg:inArticle article:extra ;
        kg:evidence fact:extra-ev .
      fact:extra-role-2 a kg:Role ; kg:heldBy entity:jens-stoltenberg ;
        kg:roleName "Prime Minister" ; kg:inArticle article:extra ; kg:evidence fact:extra-ev .
      fact:extra-ev kg:sentenceText "Stoltenberg, once Norway's prime minister, leads NATO." .
    } }""", prefixes=vocab.PREFIXES)
    materialise(store)
    rows = run(store, "roles", person="jens-stoltenberg")
    assert [(r["roleName"], r["organizationLabel"], r["mentions"], r["articles"])
            for r in rows] == [("Prime Minister", None, "1", "1"),  # no organisation first
                               ("Secretary General", "NATO", "2", "2")]
    assert [r["roleName"] for r in run(store, "roles", organization="nato")] == [
        "Secretary General"]


def test_top_stance_holders(store: ox.Store) -> None:
    rows = run(store, "top-stance-holders")
    assert [(r["holderLabel"], r["stances"], r["negative"], r["positive"]) for r in rows] == [
        ("China", "3", "2", "1"), ("NATO", "2", "1", "1"), ("Russia", "2", "2", "0"),
        ("United States", "2", "0", "1")]


def test_stance_kinds(store: ox.Store) -> None:
    rows = run(store, "stance-kinds")
    counts = {(r["kind"].rsplit("/", 1)[1], r["polarity"].rsplit("/", 1)[1]): r["count"]
              for r in rows}
    assert counts[("criticize", "negative")] == "2"
    assert sum(int(c) for c in counts.values()) == 9
    rows = run(store, "stance-kinds", holder="russia")
    assert {r["kind"].rsplit("/", 1)[1] for r in rows} == {"warn", "threaten"}


def test_actor_mentions(store: ox.Store) -> None:
    rows = run(store, "actor-mentions", actor="china")
    assert [(r["title"], r["mentions"]) for r in rows] == [
        ("Quad navies drill as Washington and Beijing thaw", "1"),
        ("China says AUKUS deal goes down a dangerous path", "2")]


def test_stances_by_holder(store: ox.Store) -> None:
    rows = run(store, "stances-by-holder", holder="china")
    assert [r["targetLabel"] for r in rows] == ["United States", "AUKUS", "United States"]
    rows = run(store, "stances-by-holder", holder="china", to="2024")
    assert len(rows) == 2


def test_every_query_was_exercised() -> None:
    tested = {name.removeprefix("test_").replace("_", "-") for name in globals()
              if name.startswith("test_")}
    assert set(QUERIES) <= tested, set(QUERIES) - tested
