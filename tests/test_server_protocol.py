"""``/sparql`` over real HTTP: Protocol rules, conneg, dataset, limits, updates, CORS, clients."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
from xml.etree import ElementTree

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from tests.conftest import UPDATE_TOKEN, LiveServer

pytestmark = pytest.mark.e2e

KG = "https://w3id.org/geokg/ontology#"
ENTITY = "https://w3id.org/geokg/entity/"
ENTITY_GRAPH = "https://w3id.org/geokg/graph/entities"
ART1_GRAPH = "https://w3id.org/geokg/graph/article/vilnius-summit-2023"
STANCES = f"SELECT ?s WHERE {{ ?s a <{KG}Stance> }} ORDER BY ?s"
ASK_CHINA = f"ASK {{ <{ENTITY}china> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ <{ENTITY}china> ?p ?o }} WHERE {{ <{ENTITY}china> ?p ?o }}"
CARTESIAN = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
             "?m ?n2 ?o }")
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}


def get(server: LiveServer, params: object = None, **kw: object) -> requests.Response:
    return requests.get(server.sparql, params=params, timeout=30, **kw)


def post(server: LiveServer, data: object, headers: dict[str, str], **kw: object
         ) -> requests.Response:
    return requests.post(server.sparql, data=data, headers=headers, timeout=30, **kw)


def bindings(response: requests.Response) -> list[dict[str, dict[str, str]]]:
    return response.json()["results"]["bindings"]


def quad_count(server: LiveServer) -> int:
    r = get(server, {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    return int(bindings(r)[0]["n"]["value"])


# --- the three ways of sending a query ----------------------------------------------------------


def test_get_post_form_and_post_direct_agree(sample_server: LiveServer) -> None:
    a = get(sample_server, {"query": STANCES})
    b = post(sample_server, {"query": STANCES}, FORM)
    c = post(sample_server, STANCES.encode(), DIRECT)
    assert a.status_code == b.status_code == c.status_code == 200
    assert a.headers["Content-Type"].startswith("application/sparql-results+json")
    assert bindings(a) == bindings(b) == bindings(c)
    assert len(bindings(a)) == 9


def test_default_graph_is_the_union_of_all_graphs(sample_server: LiveServer) -> None:
    r = get(sample_server, {"query": f"ASK {{ <{ENTITY}china> a <{KG}State> . "
                                     f"?s <{KG}holder> <{ENTITY}china> }}"})
    assert r.json()["boolean"] is True


@pytest.mark.parametrize(("case", "status", "words"), [
    ("two-queries", 400, "2 times"),
    ("form-without-query", 400, "no 'query'"),
    ("syntax", 400, "1:"),
    ("empty", 400, "empty"),
    ("text-plain", 415, "unsupported Content-Type"),
    ("no-content-type", 415, "Content-Type"),
    ("utf16", 415, "UTF-8"),
    ("bad-utf8-body", 400, "UTF-8"),
    ("bad-utf8-url", 400, "UTF-8"),
    ("bad-graph-iri", 400, "absolute IRI"),
    ("update-by-get", 400, "Update"),
])
def test_protocol_errors(sample_server: LiveServer, case: str, status: int, words: str) -> None:
    s = sample_server
    r = {
        "two-queries": lambda: requests.get(s.sparql + "?query=ASK%7B%7D&query=ASK%7B%7D",
                                            timeout=30),
        "form-without-query": lambda: post(s, {"default-graph-uri": ENTITY_GRAPH}, FORM),
        "syntax": lambda: get(s, {"query": "SELECT * WHERE { ?s ?p }"}),
        "empty": lambda: get(s, {"query": "  "}),
        "text-plain": lambda: post(s, b"ASK {}", {"Content-Type": "text/plain"}),
        "no-content-type": lambda: requests.post(s.sparql, data=b"query=ASK%7B%7D", timeout=30),
        "utf16": lambda: post(s, "ASK {}".encode("utf-16"),
                              {"Content-Type": "application/sparql-query; charset=UTF-16"}),
        "bad-utf8-body": lambda: post(s, b"ASK { ?s ?p \"\xff\xfe\" }", DIRECT),
        "bad-utf8-url": lambda: requests.get(s.sparql + "?query=ASK%7B%7D%FF", timeout=30),
        "bad-graph-iri": lambda: get(s, {"query": "ASK {}", "default-graph-uri": "not an iri"}),
        "update-by-get": lambda: get(s, {"update": "CLEAR ALL"}),
    }[case]()
    assert r.status_code == status, r.text
    assert r.headers["Content-Type"].startswith("text/plain")
    assert words in r.text
    assert len(r.text) < 600


def test_syntax_error_names_line_and_column(sample_server: LiveServer) -> None:
    r = get(sample_server, {"query": "SELECT ?s\nWHERE {\n  ?s ?p \n}"})
    assert r.status_code == 400
    assert re.search(r"error at 4:\d+", r.text), r.text


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405_with_allow(sample_server: LiveServer, method: str) -> None:
    r = requests.request(method, sample_server.sparql + "?query=ASK%7B%7D", timeout=30)
    assert r.status_code == 405
    allow = {m.strip() for m in r.headers["Allow"].split(",")}
    assert {"GET", "POST"} <= allow
    assert r.text.startswith("405")


def test_request_size_limit_is_413(sample_server: LiveServer) -> None:
    big = "ASK {} #" + "x" * 1_100_000
    r = post(sample_server, big.encode(), DIRECT)
    assert r.status_code == 413
    r = requests.get(sample_server.sparql + "?query=" + "x" * 1_100_000, timeout=30)
    assert r.status_code in (413, 414, 431)


# --- content negotiation -----------------------------------------------------------------------


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/csv;q=0, */*;q=0.1", "application/sparql-results+json"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
     "application/sparql-results+xml"),
])
def test_select_conneg(sample_server: LiveServer, accept: str, media: str) -> None:
    r = get(sample_server, {"query": STANCES}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["Content-Type"].split(";")[0] == media
    assert "Accept" in r.headers.get("Vary", "")
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0] == ["s"] and len(rows) == 10
    elif media == "text/tab-separated-values":
        lines = r.text.strip().split("\n")
        assert lines[0] == "?s" and lines[1].startswith("<https://")
    elif media.endswith("xml"):
        root = ElementTree.fromstring(r.content)
        assert len(root.findall(".//{http://www.w3.org/2005/sparql-results#}result")) == 9


@pytest.mark.parametrize(("param", "value", "media"), [
    ("format", "json", "application/sparql-results+json"),
    ("format", "csv", "text/csv"),
    ("output", "tsv", "text/tab-separated-values"),
    ("format", "xml", "application/sparql-results+xml"),
    ("format", "text/csv", "text/csv"),
])
def test_format_parameter_overrides_accept(sample_server: LiveServer, param: str, value: str,
                                           media: str) -> None:
    r = get(sample_server, {"query": STANCES, param: value}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    assert r.headers["Content-Type"].split(";")[0] == media


def test_ask_conneg_and_406(sample_server: LiveServer) -> None:
    r = get(sample_server, {"query": ASK_CHINA},
            headers={"Accept": "application/sparql-results+xml"})
    assert b"<boolean>true</boolean>" in r.content
    r = get(sample_server, {"query": ASK_CHINA}, headers={"Accept": "text/csv"})
    assert r.status_code == 406
    r = get(sample_server, {"query": STANCES}, headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert "application/sparql-results+json" in r.text


@pytest.mark.parametrize(("accept", "fmt"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/n-quads", "nquads"), ("application/trig", "trig"),
    ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld"),
])
def test_construct_conneg(sample_server: LiveServer, accept: str, fmt: str) -> None:
    r = get(sample_server, {"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["Content-Type"].split(";")[0] == accept
    g = Graph().parse(data=r.content, format=fmt)
    assert (URIRef(ENTITY + "china"), URIRef(KG[:-1] + "#" + "nonexistent"), None) not in g
    assert len(g) >= 5


def test_describe_defaults_to_turtle(sample_server: LiveServer) -> None:
    r = get(sample_server, {"query": f"DESCRIBE <{ENTITY}nato>"})
    assert r.headers["Content-Type"].startswith("text/turtle")
    assert "NATO" in r.text


# --- dataset -------------------------------------------------------------------------------------


def test_default_graph_uri_overrides_union(sample_server: LiveServer) -> None:
    q = f"ASK {{ ?s a <{KG}Stance> }}"
    assert get(sample_server, {"query": q}).json()["boolean"] is True
    r = get(sample_server, {"query": q, "default-graph-uri": ENTITY_GRAPH})
    assert r.json()["boolean"] is False
    r = get(sample_server, {"query": q, "default-graph-uri": ART1_GRAPH})
    assert r.json()["boolean"] is True


def test_named_graph_uri_restricts_graph_clause(sample_server: LiveServer) -> None:
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    r = post(sample_server, q.encode(), DIRECT, params={"named-graph-uri": ENTITY_GRAPH})
    assert [b["g"]["value"] for b in bindings(r)] == [ENTITY_GRAPH]


def test_protocol_dataset_overrides_from(sample_server: LiveServer) -> None:
    q = f"SELECT (COUNT(*) AS ?n) FROM <{ART1_GRAPH}> WHERE {{ ?s a <{KG}Stance> }}"
    assert bindings(get(sample_server, {"query": q}))[0]["n"]["value"] == "3"
    r = get(sample_server, {"query": q, "default-graph-uri": ENTITY_GRAPH})
    assert bindings(r)[0]["n"]["value"] == "0"


# --- limits ------------------------------------------------------------------------------------


def test_row_cap_is_signalled_with_206_and_headers(sample_server: LiveServer) -> None:
    r = get(sample_server, {"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 206
    assert r.headers["X-Result-Truncated"] == "true"
    assert r.headers["X-Result-Row-Cap"] == "200"
    assert r.headers["Content-Range"] == "rows 0-199/*"
    assert len(bindings(r)) == 200
    r = get(sample_server, {"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
            headers={"Accept": "application/n-triples"})
    assert r.status_code == 206 and len(r.text.strip().split("\n")) == 200
    r = get(sample_server, {"query": STANCES})
    assert r.status_code == 200 and "X-Result-Truncated" not in r.headers


def test_timeout_stops_runaway_while_others_are_served(sample_server: LiveServer) -> None:
    before = requests.get(sample_server.url + "/health", timeout=30).json()["worker_restarts"]
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        r = get(sample_server, {"query": CARTESIAN})
        outcome["status"], outcome["seconds"] = r.status_code, time.monotonic() - started
        outcome["text"] = r.text

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    fast: list[float] = []
    while thread.is_alive() and len(fast) < 200:
        started = time.monotonic()
        r = get(sample_server, {"query": ASK_CHINA})
        assert r.status_code == 200
        fast.append(time.monotonic() - started)
    thread.join(timeout=30)
    assert outcome["status"] == 503, outcome
    assert "time limit" in str(outcome["text"])
    assert 1.9 <= float(outcome["seconds"]) < 5  # type: ignore[arg-type]
    assert len(fast) >= 3 and max(fast) < 1.0, fast
    health = requests.get(sample_server.url + "/health", timeout=30).json()
    assert health["worker_restarts"] > before
    deadline = time.monotonic() + 15  # the replacement worker comes up and serves
    while len([w for w in health["workers"] if w["alive"]]) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        health = requests.get(sample_server.url + "/health", timeout=30).json()
    assert len([w for w in health["workers"] if w["alive"]]) == 2
    assert get(sample_server, {"query": ASK_CHINA}).json()["boolean"] is True


# --- updates are refused -------------------------------------------------------------------------


@pytest.mark.parametrize(("auth", "words"), [
    (None, "Authorization"),
    ("Bearer wrong", "Authorization"),
    (f"Basic {UPDATE_TOKEN}", "Authorization"),
    (f"Bearer {UPDATE_TOKEN}x", "Authorization"),
])
def test_updates_are_refused_and_store_untouched(sample_server: LiveServer, auth: str | None,
                                                 words: str) -> None:
    before = quad_count(sample_server)
    headers = {"Authorization": auth} if auth else {}
    r1 = post(sample_server, {"update": "CLEAR ALL"}, {**FORM, **headers})
    r2 = post(sample_server, b"DROP ALL", {"Content-Type": "application/sparql-update", **headers})
    for r in (r1, r2):
        assert r.status_code == 403
        assert words in r.text and r.headers["Content-Type"].startswith("text/plain")
    assert quad_count(sample_server) == before


# --- service description, CORS, health, metrics ------------------------------------------------


def test_service_description_and_html_page(sample_server: LiveServer) -> None:
    r = get(sample_server, headers={"Accept": "text/turtle"})
    g = Graph().parse(data=r.content, format="turtle")
    assert (None, URIRef("http://www.w3.org/ns/sparql-service-description#endpoint"),
            URIRef(sample_server.sparql)) in g
    assert "union of all named graphs" in r.text
    assert ENTITY_GRAPH in r.text
    page = get(sample_server, headers={"Accept": "text/html,*/*;q=0.8"})
    assert page.headers["Content-Type"].startswith("text/html")
    assert "<form" in page.text and "stances-toward" in page.text


def test_cors_preflight_and_headers(sample_server: LiveServer) -> None:
    for path in ("/sparql", "/queries/stances-toward"):
        r = requests.options(sample_server.url + path, timeout=30, headers={
            "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type"})
        assert r.status_code == 200
        assert r.headers["Access-Control-Allow-Origin"] in ("*", "https://yasgui.example")
        assert "POST" in r.headers["Access-Control-Allow-Methods"]
    r = get(sample_server, {"query": ASK_CHINA}, headers={"Origin": "https://yasgui.example"})
    assert r.headers["Access-Control-Allow-Origin"] in ("*", "https://yasgui.example")
    assert "X-Result-Truncated" in r.headers["Access-Control-Expose-Headers"]


def test_health_and_metrics(sample_server: LiveServer) -> None:
    health = requests.get(sample_server.url + "/health", timeout=30).json()
    assert health["status"] == "ok" and health["store_version"]
    assert ENTITY_GRAPH in health["graphs"]
    assert health["workers"] and all("pid" in w for w in health["workers"])
    get(sample_server, {"query": "SELECT * WHERE {"})
    text = requests.get(sample_server.url + "/metrics", timeout=30).text
    # Parsed with Prometheus's own parser: the whole server (every worker process) is reported.
    families = {f.name: f for f in text_string_to_metric_families(text)}
    requests_total = {(s.labels["route"], s.labels["method"], s.labels["status"]): s.value
                      for s in families["kg_http_requests"].samples}
    assert requests_total[("/sparql", "GET", "400")] >= 1
    assert families["kg_http_request_duration_seconds"].type == "histogram"
    for name in ("kg_query_timeouts", "kg_worker_restarts", "kg_http_errors"):
        assert families[name].type == "counter"
    assert families["kg_workers"].samples[0].value == 2


# --- real clients ------------------------------------------------------------------------------


def test_sparqlwrapper_select_ask_construct(sample_server: LiveServer) -> None:
    sw = SPARQLWrapper(sample_server.sparql)
    sw.setQuery(STANCES)
    sw.setReturnFormat(JSON)
    assert len(sw.query().convert()["results"]["bindings"]) == 9
    sw.setMethod(POST)
    sw.setQuery(ASK_CHINA)
    assert sw.query().convert()["boolean"] is True
    sw.setQuery(CONSTRUCT)
    sw.setReturnFormat(TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")
    assert len(g) >= 5


def test_rdflib_sparqlstore(sample_server: LiveServer) -> None:
    g = Graph(store=SPARQLStore(sample_server.sparql, returnFormat="json"))
    rows = list(g.query(f"SELECT ?label WHERE {{ <{ENTITY}china> "
                        "<http://www.w3.org/2000/01/rdf-schema#label> ?label }"))
    assert {str(r[0]) for r in rows} == {"China"}
    assert bool(g.query(ASK_CHINA).askAnswer) is True


def test_json_results_are_valid_sparql_json(sample_server: LiveServer) -> None:
    q = (f"SELECT ?label ?date ?missing WHERE {{ <{ENTITY}china> "
         "<http://www.w3.org/2000/01/rdf-schema#label> ?label . "
         f"OPTIONAL {{ ?s <{KG}holder> <{ENTITY}china> ; <{KG}date> ?date }} }} LIMIT 1")
    data = json.loads(get(sample_server, {"query": q}).content)
    assert data["head"]["vars"] == ["label", "date", "missing"]
    row = data["results"]["bindings"][0]
    assert row["label"] == {"type": "literal", "value": "China", "xml:lang": "en"}
    assert row["date"]["datatype"].endswith("#dateTime")
    assert "missing" not in row


@pytest.mark.e2e
def test_our_prefixes_are_predeclared_like_wdqs(sample_server) -> None:
    """``kg:``/``entity:`` work without PREFIX lines; a query's own PREFIX still wins."""
    r = requests.get(
        sample_server.sparql,
        params={"query": "ASK { ?s a kg:Stance }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    assert r.json()["boolean"] is True
    r = requests.get(
        sample_server.sparql,
        params={"query": "PREFIX kg: <urn:nothing#> ASK { ?s a kg:Stance }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert r.json()["boolean"] is False
