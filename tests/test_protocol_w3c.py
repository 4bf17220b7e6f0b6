"""The W3C SPARQL 1.1 Protocol test manifest, run against a real ``kg serve`` process.

The manifest (``shared/conformance/w3c-sparql11-protocol/protocol/manifest.ttl``, beside the
repository; not copied into it) encodes each test as HTTP requests (``ht:Request``) with the
expected status class and result format. We read it with rdflib, load the data the tests name
(``w3c-protocol-dataset.nq``, ``data1-3.nt`` into the graphs their ``rdfs:label`` gives,
``sample-news.ttl``) into a store, and replay every query-side request. Update-side tests are
skipped: the endpoint is read-only by default.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
import requests
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from tests.conftest import ROOT, LiveServer, load_into_store, start_server, stop_server

CONFORMANCE = ROOT.parent / "shared" / "conformance" / "w3c-sparql11-protocol"
MANIFEST = CONFORMANCE / "protocol" / "manifest.ttl"
SD_MANIFEST = CONFORMANCE / "service-description" / "manifest.ttl"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml",
                "text/csv", "text/tab-separated-values"}
BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
RDF_TYPES = {"text/turtle", "application/n-triples", "application/rdf+xml",
             "application/ld+json", "application/n-quads", "application/trig"}
UPDATE_SKIP = "update side: the endpoint is read-only by default"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not MANIFEST.is_file(),
                       reason=f"W3C protocol manifest not found at {MANIFEST} "
                              "(shared/ must sit beside the repository)"),
]


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]
    statuses: frozenset[int]  # expected status classes: 2, 3, 4, 5
    expected_format: str | None
    expected_boolean: bool | None


@dataclass(frozen=True)
class ProtocolTest:
    id: str
    name: str
    requests: tuple[HttpRequest, ...]
    graph_data: tuple[tuple[Path, str], ...]

    @property
    def update_side(self) -> bool:
        return self.id.startswith(("update_", "bad_update"))


def _manifest() -> Graph:
    return Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())


def _request(g: Graph, node: object) -> HttpRequest:
    body = None
    body_node = g.value(node, HT.body)
    if body_node is not None:
        encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(g.value(body_node, CNT.chars)).encode(encoding.lower())
    headers = {}
    headers_node = g.value(node, HT.headers)
    if headers_node is not None:
        for h in Collection(g, headers_node):
            headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
    resp = g.value(node, HT.resp)
    statuses = frozenset(int(str(s).rsplit("StatusCode", 1)[1][0])
                         for s in g.objects(resp, MF.expectedStatus))
    fmt = g.value(resp, MF.expectedFormat)
    boolean = g.value(resp, MF.expectedBoolean)
    return HttpRequest(str(g.value(node, HT.methodName)), str(g.value(node, HT.absolutePath)),
                       body, headers, statuses, str(fmt) if fmt else None,
                       None if boolean is None else bool(boolean.toPython()))


def load_tests() -> list[ProtocolTest]:
    """Every test of the manifest, in its order."""
    if not MANIFEST.is_file():
        return []
    g = _manifest()
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    out = []
    for test in Collection(g, g.value(manifest, MF.entries)):
        action = g.value(test, MF.action)
        reqs = tuple(_request(g, r) for r in Collection(g, g.value(action, HT.requests)))
        data = tuple(
            (Path(str(g.value(gd, UT.graph)).removeprefix("file://")), str(g.value(gd, RDFS.label)))
            for gd in g.objects(test, UT.graphData))
        out.append(ProtocolTest(str(test).rsplit("#", 1)[1], str(g.value(test, MF.name)), reqs,
                                data))
    return out


TESTS = load_tests()


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server over the manifest's data: the dataset file, graphData files, sample news."""
    tmp = tmp_path_factory.mktemp("w3c")
    combined = tmp / "w3c.nq"
    lines = (CONFORMANCE / "w3c-protocol-dataset.nq").read_text().splitlines()
    seen: set[tuple[Path, str]] = set()
    for test in TESTS:
        for file, label in test.graph_data:
            if (file, label) in seen:
                continue
            seen.add((file, label))
            for triple in Graph().parse(file, format="nt"):
                s, p, o = (t.n3() for t in triple)
                lines.append(f"{s} {p} {o} <{label}> .")
    combined.write_text("\n".join(lines) + "\n")
    store = load_into_store(tmp / "store", [combined, CONFORMANCE / "sample-news.ttl"])
    server = start_server(store, tmp / "server.log", timeout=10, max_rows=1000, workers=2)
    yield server
    stop_server(server)


def _check_format(req: HttpRequest, response: requests.Response) -> None:
    media = response.headers.get("Content-Type", "").split(";")[0].strip()
    if req.expected_format == "boolean":
        assert media in BOOLEAN_TYPES, media
        if req.expected_boolean is not None:
            if media.endswith("json"):
                value = json.loads(response.content)["boolean"]
            else:
                node = ElementTree.fromstring(response.content).find(
                    "{http://www.w3.org/2005/sparql-results#}boolean")
                value = node is not None and node.text == "true"
            assert value is req.expected_boolean
    elif req.expected_format == "tabular":
        assert media in RESULT_TYPES, media
    elif req.expected_format == "RDF":
        assert media in RDF_TYPES, media
        Graph().parse(data=response.content, format={
            "text/turtle": "turtle", "application/n-triples": "nt",
            "application/rdf+xml": "xml", "application/ld+json": "json-ld",
            "application/n-quads": "nquads", "application/trig": "trig"}[media])


@pytest.mark.parametrize("test", TESTS, ids=[t.id for t in TESTS])
def test_w3c_protocol(test: ProtocolTest, w3c_server: LiveServer) -> None:
    if test.update_side:
        pytest.skip(UPDATE_SKIP)
    for req in test.requests:
        assert req.path.startswith("/sparql/")
        url = w3c_server.sparql + req.path[len("/sparql/"):]
        response = requests.request(req.method, url, data=req.body, headers=req.headers,
                                    timeout=30, allow_redirects=False)
        assert response.status_code // 100 in req.statuses, (
            f"{test.name}: {response.status_code} {response.text[:300]}")
        if response.status_code < 300:
            _check_format(req, response)
        else:  # errors have a short readable body
            assert response.text.strip() and len(response.text) < 1000


def test_w3c_service_description(w3c_server: LiveServer) -> None:
    """The three SD tests: GET returns RDF, with sd:endpoint matching, in the SD schema."""
    assert SD_MANIFEST.is_file()
    for accept, fmt in (("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                        ("application/ld+json", "json-ld"), ("*/*", "turtle")):
        response = requests.get(w3c_server.sparql, headers={"Accept": accept}, timeout=30)
        assert response.status_code == 200
        g = Graph().parse(data=response.content, format=fmt)
        sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
        services = list(g.subjects(RDF.type, sd.Service))
        assert len(services) == 1
        service = services[0]
        assert (service, sd.endpoint, URIRef(w3c_server.sparql)) in g
        assert (service, sd.supportedLanguage, sd.SPARQL11Query) in g
        assert (service, sd.feature, sd.UnionDefaultGraph) in g
        dataset = g.value(service, sd.defaultDataset)
        assert (dataset, RDF.type, sd.Dataset) in g
        names = {g.value(n, sd.name) for n in g.objects(dataset, sd.namedGraph)}
        assert URIRef("http://kasei.us/2009/09/sparql/data/data1.rdf") in names
        assert not list(g.triples((service, sd.supportedLanguage, sd.SPARQL11Update)))
