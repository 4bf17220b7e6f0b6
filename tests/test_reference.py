"""Curated reference data aligned to Wikidata, and its refresh from a SPARQL endpoint.

The refresh tests talk real HTTP (SPARQLWrapper) to a small SPARQL 1.1 Protocol endpoint
started here on 127.0.0.1. It stands in for the live Wikidata Query Service, which is
unreachable from the test environment: it serves ``tests/data/wikidata_sample.ttl``, a few
memberships in Wikidata's own shape, from an in-memory pyoxigraph store.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from pyoxigraph import (
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QueryTriples,
    RdfFormat,
    Store,
)

from kg import vocab
from kg.config import Settings
from kg.errors import DataFileError, RemoteEndpointError
from kg.facts import MembershipStatus
from kg.linking import default_registry_path, load_registry
from kg.reference import (
    USER_AGENT,
    _retry_after,
    build_curated_reference,
    check_against_registry,
    construct_query,
    curated_organizations,
    curated_quads,
    load_membership_table,
    load_reference,
    refresh_reference,
)

SAMPLE = Path(__file__).parent / "data" / "wikidata_sample.ttl"
REGISTRY = default_registry_path()
needs_registry = pytest.mark.skipif(
    not REGISTRY.exists(), reason=f"actor registry {REGISTRY} not there yet (QIDs come from it)"
)
REF = NamedNode(str(vocab.REFERENCE_GRAPH))
PREFIXES = dict(vocab.PREFIXES, pqv=str(vocab.PQ) + "value/")
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
# QIDs the shared gold files use (and the sample serves); NATO and the EU are the organisations.
NATO, EU = "Q7184", "Q458"


def select(store: Store, query: str) -> list[tuple]:
    rows = store.query(query, prefixes=PREFIXES, default_graph=REF)
    return sorted(tuple(None if t is None else t.value for t in row) for row in rows)


# --- the curated table ------------------------------------------------------------------------


def test_every_curated_fact_has_an_official_source() -> None:
    table = load_membership_table()
    assert len(table.rows) == 95
    for row in table.rows:
        assert row.source.startswith("https://"), row
        assert "wikidata.org" not in row.source  # cite the page stating the fact, not Wikidata


def by_org(org: str, status: MembershipStatus = MembershipStatus.MEMBER) -> dict[str, str | None]:
    rows = load_membership_table().rows
    return {
        r.member: r.start.value if r.start else None
        for r in rows if r.organization == org and r.status is status
    }


def test_curated_counts() -> None:
    assert len(by_org("nato")) == 32
    assert len(by_org("european-union")) == 27
    assert sorted(by_org("nato", MembershipStatus.PARTNER)) == [
        "australia", "japan", "new-zealand", "south-korea"]
    assert sorted(by_org("aukus")) == ["australia", "united-kingdom", "united-states"]
    assert sorted(by_org("quad")) == ["australia", "india", "japan", "united-states"]
    assert sorted(by_org("un-security-council")) == [
        "china", "france", "russia", "united-kingdom", "united-states"]
    assert sorted(by_org("sco")) == [
        "belarus", "china", "india", "iran", "kazakhstan", "kyrgyzstan", "pakistan", "russia",
        "tajikistan", "uzbekistan"]
    assert sorted(by_org("brics")) == [
        "brazil", "china", "egypt", "ethiopia", "india", "iran", "russia", "south-africa",
        "united-arab-emirates"]  # Saudi Arabia left out: its membership is unconfirmed
    former = [r for r in load_membership_table().rows if r.status is MembershipStatus.FORMER]
    assert [(r.member, r.organization, r.end.value) for r in former] == [
        ("united-kingdom", "european-union", "2020-01-31")]


@pytest.mark.parametrize(
    ("member", "org", "start"),
    [
        ("belgium", "nato", "1949-04-04"),
        ("greece", "nato", "1952-02-18"),
        ("turkey", "nato", "1952-02-18"),
        ("germany", "nato", "1955-05-06"),
        ("spain", "nato", "1982-05-30"),
        ("poland", "nato", "1999-03-12"),
        ("slovenia", "nato", "2004-03-29"),
        ("croatia", "nato", "2009-04-01"),
        ("montenegro", "nato", "2017-06-05"),
        ("north-macedonia", "nato", "2020-03-27"),
        ("finland", "nato", "2023-04-04"),
        ("sweden", "nato", "2024-03-07"),
        ("france", "european-union", "1958-01-01"),
        ("ireland", "european-union", "1973-01-01"),
        ("malta", "european-union", "2004-05-01"),
        ("croatia", "european-union", "2013-07-01"),
        ("australia", "aukus", "2021-09-15"),
        ("uzbekistan", "sco", "2001-06-15"),
        ("pakistan", "sco", "2017-06-09"),
        ("iran", "sco", "2023-07-04"),
        ("brazil", "brics", "2009"),
        ("ethiopia", "brics", "2024-01-01"),
    ],
)
def test_accession_dates(member: str, org: str, start: str) -> None:
    assert by_org(org)[member] == start


def test_malformed_table_names_the_row(tmp_path: Path) -> None:
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"memberships": [
        {"member": "finland", "organization": "nato", "status": "fullMember",
         "start": "2023-13-01", "source": "https://example.org/"}]}), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"memberships\[0\].*month out of range"):
        load_membership_table(bad)


# --- QIDs come from the registry --------------------------------------------------------------


@needs_registry
def test_every_referenced_actor_has_a_registry_qid() -> None:
    problems = check_against_registry(load_membership_table(), load_registry(REGISTRY))
    assert problems == []


def write_registry(path: Path, actors: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in actors), encoding="utf-8")
    return path


def write_table(path: Path, rows: list[dict], without_qid: list[str] = ()) -> Path:
    doc = {"checked": "2026-11-22", "without_qid": {"ids": list(without_qid)}, "memberships": rows}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


TINY_ACTORS = [
    {"id": "finland", "label": "Finland", "class": "State", "qid": "Q33"},
    {"id": "sweden", "label": "Sweden", "class": "State", "qid": "Q34"},
    {"id": "nato", "label": "NATO", "class": "Alliance", "qid": NATO},
    {"id": "european-union", "label": "European Union", "class": "InternationalOrganization",
     "qid": EU},
    {"id": "nordic-club", "label": "Nordic Club", "class": "PartnershipGroup"},
]
TINY_ROWS = [
    {"member": "finland", "organization": "nato", "status": "fullMember", "start": "2023-04-04",
     "source": "https://www.nato.int/cps/en/natohq/topics_52044.htm"},
    {"member": "sweden", "organization": "european-union", "status": "formerMember",
     "start": "1995", "end": "2020-01-31", "source": "https://example.org/fictional"},
    {"member": "finland", "organization": "nordic-club", "status": "partner",
     "source": "https://example.org/club"},
]


def test_actor_without_qid_fails_the_build(tmp_path: Path) -> None:
    registry = write_registry(tmp_path / "actors.jsonl", TINY_ACTORS)
    table = write_table(tmp_path / "m.json", TINY_ROWS)
    with pytest.raises(DataFileError, match="registry actor 'nordic-club' has no qid"):
        build_curated_reference(registry, table)
    unknown = write_table(tmp_path / "u.json", [dict(TINY_ROWS[0], member="atlantis")])
    with pytest.raises(DataFileError, match="'atlantis' is not a registry id"):
        build_curated_reference(registry, unknown)


def test_without_qid_list_cannot_go_stale(tmp_path: Path) -> None:
    registry = write_registry(tmp_path / "actors.jsonl", TINY_ACTORS)
    table = write_table(tmp_path / "m.json", TINY_ROWS[:1], without_qid=["nato"])
    with pytest.raises(DataFileError, match="'nato' now has qid Q7184"):
        build_curated_reference(registry, table)


def test_missing_registry_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="actor registry not found"):
        build_curated_reference(tmp_path / "absent.jsonl")


@pytest.fixture
def tiny_curated(tmp_path: Path) -> Path:
    """curated.ttl built from a three-row table and a five-actor registry."""
    registry = write_registry(tmp_path / "actors.jsonl", TINY_ACTORS)
    table = write_table(tmp_path / "m.json", TINY_ROWS, without_qid=["nordic-club"])
    out = tmp_path / "curated.ttl"
    out.write_text(build_curated_reference(registry, table).serialize(format="turtle"))
    return out


def test_both_shapes(tiny_curated: Path) -> None:
    store = Store()
    assert load_reference(store, tiny_curated) == len(curated_quads(tiny_curated))
    # Wikidata's shape: truthy triple only while the membership lasts; statements with dates.
    assert select(store, "SELECT ?m ?o WHERE { ?m wdt:P463 ?o }") == [
        (str(vocab.WD.Q33), str(vocab.WD[NATO]))]
    assert select(store, """SELECT ?m ?start ?end ?prec WHERE {
        ?m p:P463 ?st . ?st ps:P463 ?o ; pq:P580 ?start ; pqv:P580/wikibase:timePrecision ?prec .
        OPTIONAL { ?st pq:P582 ?end } }""") == [
        (str(vocab.WD.Q33), "2023-04-04T00:00:00Z", None, "11"),
        (str(vocab.WD.Q34), "1995-01-01T00:00:00Z", "2020-01-31T00:00:00Z", "9"),
    ]
    # Our shape, on the same wd: IRIs; the QID-less group keeps its entity IRI.
    assert select(store, """SELECT ?m ?o ?status ?start ?p ?src WHERE {
        ?n a kg:Membership ; kg:member ?m ; kg:organization ?o ; kg:membershipStatus ?status ;
           dcterms:source ?src . OPTIONAL { ?n kg:startDate ?start ; kg:startDatePrecision ?p }
        }""") == [
        (str(vocab.WD.Q33), str(vocab.WD[NATO]), str(vocab.KGC.fullMember),
         "2023-04-04T00:00:00", "day", "https://www.nato.int/cps/en/natohq/topics_52044.htm"),
        (str(vocab.WD.Q33), vocab.entity_iri("nordic-club"), str(vocab.KGC.partner), None, None,
         "https://example.org/club"),
        (str(vocab.WD.Q34), str(vocab.WD[EU]), str(vocab.KGC.formerMember),
         "1995-01-01T00:00:00", "year", "https://example.org/fictional"),
    ]
    # The two shapes are linked, and every wd: item used has an English label.
    assert len(select(store, "SELECT ?n WHERE { ?n prov:alternateOf ?st . ?st ps:P463 ?o }")) == 2
    assert select(store, """SELECT ?x WHERE {
        { ?x ?p ?o } UNION { ?s ?p ?x } FILTER(isIRI(?x) && STRSTARTS(STR(?x), STR(wd:)))
        FILTER NOT EXISTS { ?x rdfs:label ?l FILTER(LANG(?l) = "en") } }""") == []


@needs_registry
def test_curated_ttl_is_generated_from_table_and_registry() -> None:
    import pyoxigraph

    built = build_curated_reference(REGISTRY).serialize(format="nt", encoding="utf-8")
    triples = {q.triple for q in pyoxigraph.parse(built, format=RdfFormat.N_TRIPLES)}
    assert triples == {q.triple for q in curated_quads()}, (
        "curated.ttl is stale: run `python -m kg.reference`")


def test_curated_ttl_joins_with_wikidata_and_our_shape() -> None:
    store = Store()
    n = load_reference(store)
    assert n == len(curated_quads())
    nato = select(store, "SELECT ?m WHERE { ?m wdt:P463 wd:Q7184 }")
    ours = select(store, """SELECT ?m WHERE { ?n kg:member ?m ; kg:organization wd:Q7184 ;
                             kg:membershipStatus kgc:fullMember }""")
    assert len(nato) == 32 and nato == ours
    assert len(select(store, "SELECT ?m WHERE { ?m wdt:P463 wd:Q458 }")) == 27
    assert select(store, """SELECT ?n WHERE {
        { ?n a kg:Membership } UNION { ?n a wikibase:Statement }
        FILTER NOT EXISTS { ?n dcterms:source ?s } }""") == []
    assert curated_organizations() == sorted(curated_organizations())
    assert set(curated_organizations()) > {NATO, EU}


def test_load_reference_replaces_only_the_reference_graph() -> None:
    store = Store()
    junk = NamedNode("https://example.org/junk")
    other = NamedNode(vocab.article_graph("a1"))
    from pyoxigraph import Quad

    store.extend([Quad(junk, junk, junk, REF), Quad(junk, junk, junk, other)])
    n = load_reference(store)
    assert load_reference(store) == n  # idempotent
    assert len(list(store.quads_for_pattern(None, None, None, REF))) == n
    assert not list(store.quads_for_pattern(junk, None, None, REF))
    assert list(store.quads_for_pattern(junk, None, None, other))


def test_construct_query_only_takes_qids() -> None:
    query = construct_query([EU, NATO, NATO])
    assert "VALUES ?org { wd:Q458 wd:Q7184 }" in query
    list(Store().query(query))  # still valid SPARQL
    for bad in (["Q1 } DROP ALL"], ["wd:Q1"], []):
        with pytest.raises(DataFileError):
            construct_query(bad)


def test_retry_after_header() -> None:
    assert _retry_after("7") == 7.0
    assert _retry_after(None) is None and _retry_after("soon") is None
    assert _retry_after("Sun, 22 Nov 2026 08:00:30 GMT", now=NOW.timestamp()) == 30.0


# --- a real SPARQL 1.1 Protocol endpoint on 127.0.0.1 ----------------------------------------

RDF_TYPES = {
    "text/turtle": RdfFormat.TURTLE,
    "application/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML,
}
RESULT_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}


def negotiate(accept: str, offers: dict) -> str | None:
    """The first offered media type in ``accept`` order of preference (q-values honoured)."""
    ranges = []
    for i, part in enumerate(p.strip() for p in (accept or "*/*").split(",") if p.strip()):
        media, *params = (x.strip() for x in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=")), 1.0)
        ranges.append((-q, i, media.lower()))
    for q, _, media in sorted(ranges):
        if q == 0:
            continue
        if media in offers:
            return media
        if media in ("*/*", media.split("/")[0] + "/*"):
            return next(iter(offers))
    return None


@dataclass
class Endpoint:
    """A minimal SPARQL 1.1 Protocol service (query operation, GET and both POST forms)."""

    store: Store
    failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    always: tuple[int, dict[str, str]] | None = None
    requests: list[dict[str, str]] = field(default_factory=list)
    url: str = ""
    slow_first: float = 0.0  # seconds the first answer takes (to provoke a client timeout)

    def __call__(self, environ: dict, start_response: Callable) -> list[bytes]:
        method = environ["REQUEST_METHOD"]
        params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        if method == "POST":
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            ctype = environ.get("CONTENT_TYPE", "").split(";")[0].strip()
            if ctype == "application/sparql-query":
                params["query"] = [body.decode("utf-8")]
            elif ctype == "application/x-www-form-urlencoded":
                params.update(urllib.parse.parse_qs(body.decode("utf-8")))
            else:
                return self.reply(start_response, 415, b"unsupported content type")
        elif method != "GET":
            return self.reply(start_response, 405, b"GET or POST", {"Allow": "GET, POST"})
        query = (params.get("query") or [""])[0]
        self.requests.append({
            "method": method, "query": query,
            "accept": environ.get("HTTP_ACCEPT", ""),
            "user_agent": environ.get("HTTP_USER_AGENT", ""),
        })
        if self.slow_first and len(self.requests) == 1:
            time.sleep(self.slow_first)
        failure = self.failures.pop(0) if self.failures else self.always
        if failure is not None:
            return self.reply(start_response, failure[0], b"try later", failure[1])
        if not query:
            return self.reply(start_response, 400, b"missing query parameter")
        try:
            result = self.store.query(query)
        except SyntaxError as exc:
            return self.reply(start_response, 400, str(exc).encode())
        offers = RDF_TYPES if isinstance(result, QueryTriples) else RESULT_TYPES
        media = negotiate(environ.get("HTTP_ACCEPT", ""), offers)
        if media is None:
            return self.reply(start_response, 406, b"not acceptable")
        if isinstance(result, QueryBoolean):
            payload = result.serialize(format=offers[media])
        else:
            payload = result.serialize(format=offers[media])
        return self.reply(start_response, 200, payload, {"Content-Type": media})

    @staticmethod
    def reply(start_response: Callable, status: int, body: bytes,
              headers: dict[str, str] | None = None) -> list[bytes]:
        reasons = {200: "OK", 400: "Bad Request", 405: "Method Not Allowed", 406: "Not Acceptable",
                   415: "Unsupported Media Type", 429: "Too Many Requests",
                   500: "Internal Server Error", 503: "Service Unavailable"}
        head = {"Content-Type": "text/plain; charset=utf-8", **(headers or {})}
        start_response(f"{status} {reasons.get(status, 'Error')}", list(head.items()))
        return [body]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[Callable[..., Endpoint]]:
    """Start endpoints on free 127.0.0.1 ports; each serves the Wikidata-shaped sample."""
    servers: list[WSGIServer] = []

    def start(**kwargs: object) -> Endpoint:
        store = Store()
        store.load(path=str(SAMPLE), format=RdfFormat.TURTLE)
        app = Endpoint(store, **kwargs)
        server = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        app.url = f"http://127.0.0.1:{server.server_port}/sparql"
        return app

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def refresh(app: Endpoint, curated: Path, store: Store | None = None, **kw: object) -> int:
    kw.setdefault("organizations", [NATO, EU])
    kw.setdefault("timeout", 5)
    return refresh_reference(
        Settings(), store=store if store is not None else Store(), endpoint=app.url,
        curated_path=curated, now=NOW, **kw,
    )


def test_refresh_from_a_local_endpoint(endpoint, tiny_curated: Path) -> None:
    app = endpoint()
    store = Store()
    n = refresh(app, tiny_curated, store)
    assert n == len(list(store.quads_for_pattern(None, None, None, REF)))
    # Polite client: one GET, our User-Agent, asking for Turtle.
    assert [r["method"] for r in app.requests] == ["GET"]
    assert app.requests[0]["user_agent"] == USER_AGENT and vocab.BASE in USER_AGENT
    assert "text/turtle" in app.requests[0]["accept"]
    # Memberships from the endpoint, in our shape, sourced to the endpoint at retrieval time.
    fetched = select(store, f"""SELECT ?m ?o ?status ?start ?p ?end WHERE {{
        ?n kg:member ?m ; kg:organization ?o ; kg:membershipStatus ?status ;
           dcterms:source <{app.url}> ; prov:generatedAtTime "2026-11-22T08:00:00Z"^^xsd:dateTime .
        OPTIONAL {{ ?n kg:startDate ?start ; kg:startDatePrecision ?p }}
        OPTIONAL {{ ?n kg:endDate ?end }} }}""")
    wd, full, former = vocab.WD, str(vocab.KGC.fullMember), str(vocab.KGC.formerMember)
    assert fetched == sorted([
        (str(wd.Q28), str(wd[NATO]), full, "1999-03-12T00:00:00", "day", None),
        (str(wd.Q28), str(wd[EU]), full, "2004-05-01T00:00:00", "day", None),
        (str(wd.Q33), str(wd[NATO]), full, "2023-04-04T00:00:00", "day", None),
        (str(wd.Q33), str(wd[EU]), full, "1995-01-01T00:00:00", "day", None),
        (str(wd.Q34), str(wd[NATO]), full, "2024-03-07T00:00:00", "day", None),
        (str(wd.Q43), str(wd[NATO]), full, "1952-01-01T00:00:00", "year", None),
        (str(wd.Q999999901), str(wd[EU]), former, "1973-01-01T00:00:00", "day",
         "2020-01-31T00:00:00"),
    ])
    # Wikidata's shape came across: statements, truthy triples (none for the ended membership),
    # English labels only; deprecated statements and other organisations stayed out.
    truthy = select(store, "SELECT ?m ?o WHERE { ?m wdt:P463 ?o }")
    assert (str(wd.Q999999901), str(wd[EU])) not in truthy
    assert (str(wd.Q43), str(wd[NATO])) in truthy
    assert select(store, "SELECT ?st WHERE { wd:Q148 p:P463 ?st }") == []
    assert select(store, "SELECT ?x WHERE { ?x ps:P463 wd:Q999999902 }") == []
    assert select(store, "SELECT ?l WHERE { wd:Q33 rdfs:label ?l }") == [("Finland",)]
    # The curated facts are still there next to the fetched ones.
    assert set(curated_quads(tiny_curated)) <= set(store.quads_for_pattern(None, None, None, REF))


def test_refresh_asks_for_the_curated_organisations(endpoint, tiny_curated: Path) -> None:
    app = endpoint()
    refresh(app, tiny_curated, organizations=None)
    assert "VALUES ?org { wd:Q458 wd:Q7184 }" in app.requests[0]["query"]


def test_refresh_retries_503_and_honours_retry_after(endpoint, tiny_curated: Path) -> None:
    busy = (503, {"Retry-After": "7"})
    app = endpoint(failures=[busy, busy])
    waits: list[float] = []
    assert refresh(app, tiny_curated, sleep=waits.append) > 0
    assert len(app.requests) == 3 and waits == [7.0, 7.0]


def test_refresh_backs_off_exponentially(endpoint, tiny_curated: Path) -> None:
    app = endpoint(failures=[(500, {}), (429, {}), (502, {})])
    waits: list[float] = []
    assert refresh(app, tiny_curated, sleep=waits.append, backoff=0.5) > 0
    assert waits == [0.5, 1.0, 2.0]


def test_refresh_retries_after_a_timeout(endpoint, tiny_curated: Path) -> None:
    app = endpoint(slow_first=1.5)
    waits: list[float] = []
    assert refresh(app, tiny_curated, timeout=1, sleep=waits.append) > 0
    assert len(app.requests) == 2 and waits == [1.0]


def test_refresh_gives_up_and_leaves_the_store_alone(endpoint, tiny_curated: Path) -> None:
    app = endpoint(always=(503, {}))
    store = Store()
    load_reference(store, tiny_curated)
    before = set(store)
    waits: list[float] = []
    with pytest.raises(RemoteEndpointError, match=r"HTTP 503; gave up after 4 attempts"):
        refresh(app, tiny_curated, store, sleep=waits.append, retries=3)
    assert len(app.requests) == 4 and waits == [1.0, 2.0, 4.0]
    assert set(store) == before


def test_refresh_does_not_retry_a_bad_request(endpoint, tiny_curated: Path) -> None:
    app = endpoint(always=(400, {}))
    with pytest.raises(RemoteEndpointError, match=r"127\.0\.0\.1.*QueryBadFormed"):
        refresh(app, tiny_curated, sleep=lambda s: None)
    assert len(app.requests) == 1


def test_refresh_of_an_unreachable_endpoint(tiny_curated: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    waits: list[float] = []
    with pytest.raises(RemoteEndpointError, match="gave up after 3 attempts"):
        refresh_reference(Settings(), timeout=2, store=Store(), curated_path=tiny_curated,
                          endpoint=f"http://127.0.0.1:{port}/sparql", organizations=[NATO],
                          retries=2, sleep=waits.append)
    assert waits == [1.0, 2.0]


def test_refresh_writes_the_on_disk_store(endpoint, tiny_curated: Path, tmp_path: Path) -> None:
    from kg.store import open_store

    app = endpoint()
    root = tmp_path / "store"
    n = refresh_reference(Settings(store=root), timeout=5, endpoint=app.url,
                          organizations=[NATO, EU], curated_path=tiny_curated, now=NOW)
    store = open_store(root)
    assert len(list(store.quads_for_pattern(None, None, None, REF))) == n
    # what depends on the reference graph is recomputed with it: the VoID counts
    counted = store.query(
        "ASK { GRAPH graph:meta { ?d void:subset ?s . ?s void:triples ?n } }",
        prefixes=vocab.PREFIXES,
    )
    assert bool(counted)


def test_the_stand_in_endpoint_speaks_the_protocol(endpoint) -> None:
    """GET and both POST forms, with content negotiation, as SPARQLWrapper uses them."""
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    app = endpoint()
    client = SPARQLWrapper(app.url)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setQuery("SELECT ?st WHERE { ?st <http://www.wikidata.org/prop/statement/P463> ?o }")
    assert len(client.queryAndConvert()["results"]["bindings"]) == 9
    request = urllib.request.Request(
        app.url, data=b"ASK { ?s ?p ?o }", method="POST",
        headers={"Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+xml"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.headers["Content-Type"] == "application/sparql-results+xml"
        assert b"<boolean>true</boolean>" in response.read()
    request = urllib.request.Request(
        app.url + "?" + urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?s ?p ?o }"}),
        headers={"Accept": "application/n-triples;q=0.9, text/turtle;q=0.1"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.headers["Content-Type"] == "application/n-triples"
    assert [r["method"] for r in app.requests] == ["POST", "POST", "GET"]


def test_kg_wikidata_refresh_command(endpoint, tmp_path: Path) -> None:
    """The CLI path: curated organisations, the store's next version, one summary line."""
    from click.testing import CliRunner

    from kg.cli import main

    app = endpoint()
    root = tmp_path / "store"
    result = CliRunner().invoke(
        main, ["wikidata", "refresh", "--store", str(root), "--endpoint", app.url, "--timeout", "5"]
    )
    assert result.exit_code == 0, result.output
    assert "reference graph:" in result.output
    assert "wd:Q7184" in app.requests[0]["query"] and "wd:Q458" in app.requests[0]["query"]
