"""Fast unit tests of the server's helpers (no server process; Flask test client only)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.config import Settings
from server import create_app, formats
from server.formats import NotAcceptableFormat, negotiate
from server.protocol import (
    DESCRIPTION,
    QUERY,
    UPDATE,
    ProtocolError,
    declares_dataset,
    parse_request,
)
from tests.conftest import ROOT


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    app = create_app(Settings(store=tmp_path / "none", queries=ROOT / "queries"))
    app.config["TESTING"] = True
    return app


def accept(header: str) -> MIMEAccept:
    return parse_accept_header(header, MIMEAccept)


def test_factory_registers_the_blueprints(app: Flask) -> None:
    assert {"sparql", "saved", "pages", "metrics", "openapi"} <= set(app.blueprints)
    # one byte over: a chunked body that reaches it is refused by the view (413)
    assert app.config["MAX_CONTENT_LENGTH"] == Settings().max_request_bytes + 1
    limit = Settings().max_request_bytes
    client = app.test_client()
    for size in (limit, limit + 1):
        r = client.post("/sparql", data=b"ASK {} #" + b"a" * (size - 8),
                        content_type="application/sparql-query")
        assert r.status_code == (413 if size > limit else 503), (size, r.status_code)


@pytest.mark.parametrize(("header", "override", "key"), [
    ("", None, "json"),
    ("*/*", None, "json"),
    ("text/csv", None, "csv"),
    ("text/csv;q=0.4, application/sparql-results+xml;q=0.8", None, "xml"),
    ("text/*", None, "csv"),
    ("application/json", None, "json"),
    ("text/csv", "tsv", "tsv"),
    ("", "application/sparql-results+xml", "xml"),
])
def test_negotiate_results(header: str, override: str | None, key: str) -> None:
    assert negotiate(accept(header), formats.RESULT_FORMATS, override).key == key


@pytest.mark.parametrize(("header", "override"), [("image/png", None), ("text/csv;q=0", None),
                                                  ("", "pdf")])
def test_negotiate_refuses(header: str, override: str | None) -> None:
    with pytest.raises(NotAcceptableFormat):
        negotiate(accept(header), formats.RESULT_FORMATS, override)


def test_prefers_html_only_for_browsers() -> None:
    assert formats.prefers(accept("text/html,application/xml;q=0.9,*/*;q=0.8"), "text/html")
    assert not formats.prefers(accept("*/*"), "text/html")
    assert not formats.prefers(accept("text/html;q=0.1, */*"), "text/html")


def test_serializers_follow_the_specs() -> None:
    iri = ox.NamedNode("https://w3id.org/geokg/entity/china")
    lit = ox.Literal('say "hi",\nok', language="en")
    rows = [[iri, lit], [ox.BlankNode("b0"), None]]
    data = json.loads(formats.serialize_solutions(["a", "b"], rows, "json"))
    assert data["results"]["bindings"][0]["b"] == {"type": "literal", "value": 'say "hi",\nok',
                                                   "xml:lang": "en"}
    assert data["results"]["bindings"][1] == {"a": {"type": "bnode", "value": "b0"}}
    table = list(csv.reader(io.StringIO(formats.serialize_solutions(["a", "b"], rows, "csv")
                                        .decode())))
    assert table == [["a", "b"], [iri.value, 'say "hi",\nok'], ["_:b0", ""]]
    tsv = formats.serialize_solutions(["a", "b"], rows, "tsv").decode().split("\n")
    assert tsv[0] == "?a\t?b" and tsv[1] == f'<{iri.value}>\t"say \\"hi\\",\\nok"@en'
    xml = formats.serialize_solutions(["a", "b"], rows, "xml").decode()
    assert 'xml:lang="en"' in xml and "<bnode>b0</bnode>" in xml
    parsed = ox.parse_query_results(formats.serialize_solutions(["a", "b"], rows, "xml"),
                                    format=ox.QueryResultsFormat.XML)
    assert [s["a"] for s in parsed] == [iri, ox.BlankNode("b0")]


def _parse(method: str = "GET", qs: bytes = b"", mimetype: str = "", body: bytes = b"",
           params: dict[str, str] | None = None) -> object:
    return parse_request(method, qs, mimetype, params or {}, body, 10_000)


def test_parse_request_shapes() -> None:
    assert _parse().operation == DESCRIPTION  # type: ignore[attr-defined]
    req = _parse(qs=b"query=ASK%7B%7D&default-graph-uri=urn%3Ag&named-graph-uri=urn%3Ah")
    assert (req.operation, req.text, req.default_graphs, req.named_graphs) == (  # type: ignore
        QUERY, "ASK{}", ("urn:g",), ("urn:h",))
    req = _parse("POST", b"default-graph-uri=urn%3Ag", "application/x-www-form-urlencoded",
                 b"query=ASK%20%7B%7D&format=csv")
    assert (req.text, req.default_graphs, req.format_override) == (  # type: ignore
        "ASK {}", ("urn:g",), "csv")
    req = _parse("POST", b"", "application/sparql-update", b"CLEAR ALL")
    assert req.operation == UPDATE  # type: ignore[attr-defined]


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"qs": b"query=a&query=b"}, 400),
    ({"method": "POST", "mimetype": "application/x-www-form-urlencoded", "body": b"x=1"}, 400),
    ({"method": "POST", "mimetype": "application/x-www-form-urlencoded",
      "body": b"query=a&update=b"}, 400),
    ({"method": "POST", "mimetype": "text/plain", "body": b"ASK {}"}, 415),
    ({"method": "POST", "body": b"query=ASK"}, 415),
    ({"method": "POST", "mimetype": "application/sparql-query", "body": b"\xff"}, 400),
    ({"method": "POST", "mimetype": "application/sparql-query", "body": b"ASK {}",
      "params": {"charset": "latin-1"}}, 415),
    ({"qs": b"query=" + b"x" * 20_000}, 413),
    ({"qs": b"query=%C3%28"}, 400),
])
def test_parse_request_errors(kwargs: dict[str, object], status: int) -> None:
    with pytest.raises(ProtocolError) as info:
        _parse(**kwargs)  # type: ignore[arg-type]
    assert info.value.status == status


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * FROM <urn:g> WHERE {}", True),
    ("select * from named <urn:g> { graph ?g {} }", True),
    ("PREFIX ex: <urn:x#> SELECT * FROM ex:g {}", True),
    ("SELECT ?from WHERE { ?from ?p ?o }", False),
    ("SELECT * WHERE { ?s ex:from ?o }", False),
    ('SELECT * WHERE { ?s ?p "FROM <urn:x>" } # FROM <urn:y>', False),
    ("SELECT * WHERE { <urn:from> ?p ?o }", False),
])
def test_declares_dataset(query: str, expected: bool) -> None:
    assert declares_dataset(query) is expected


def test_error_bodies_by_surface(app: Flask) -> None:
    client = app.test_client()
    r = client.put("/sparql")
    assert r.status_code == 405 and r.content_type.startswith("text/plain")
    assert "GET" in r.headers["Allow"]
    r = client.post("/sparql", data=b"ASK {}", content_type="text/plain")
    assert r.status_code == 415 and r.get_data(as_text=True).startswith("415 Unsupported")
    r = client.get("/queries/nope")
    assert r.status_code == 404 and r.get_json() == {
        "error": "no saved query named 'nope'", "status": 404}
    r = client.get("/entity/.secret", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.content_type.startswith("text/html")
    r = client.get("/no/such/page", headers={"Accept": "text/html"})
    assert r.status_code == 404 and b"<h1>404</h1>" in r.data
    r = client.post("/sparql", data=b"x" * 2_000_000, content_type="application/sparql-query")
    assert r.status_code == 413


def test_openapi_lists_every_saved_query(app: Flask) -> None:
    doc = app.test_client().get("/openapi.json").get_json()
    names = {p.removeprefix("/queries/") for p in doc["paths"] if p.startswith("/queries/")}
    assert names == {p.stem for p in (ROOT / "queries").glob("*.rq")}


@pytest.mark.parametrize("key", ["json", "xml", "csv", "tsv"])
def test_whole_result_path_counts_rows_exactly_and_respects_the_cap(key: str) -> None:
    """pyoxigraph writes the whole result; rows are counted from its bytes, including values
    with newlines, quotes, tabs and markup, and a result over the cap is handed back."""
    import pyoxigraph as ox

    from server import formats

    store = ox.Store()
    g = ox.NamedNode("http://example.org/g")
    tricky = ["a\nb", "<result>x</result>", 'q"uo,te', "tab\there", "}},{", "plain"]
    for i, text in enumerate(tricky):
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"),
                          ox.NamedNode("http://example.org/p"), ox.Literal(text), g))
    query = "SELECT ?s ?o ?missing WHERE { GRAPH ?g { ?s ?p ?o } }"
    whole = formats.serialize_whole_solutions(store.query(query), key, len(tricky))
    assert whole is not None and whole[1] == len(tricky)
    if key == "csv":  # pyoxigraph reads no CSV results; the csv module does
        import csv
        import io

        values = [row[1] for row in csv.reader(io.StringIO(whole[0].decode()))][1:]
    else:
        parsed = ox.parse_query_results(whole[0], format=formats._OX_RESULTS[key])
        values = [s["o"].value for s in parsed]
    assert sorted(values) == sorted(tricky)
    assert formats.serialize_whole_solutions(store.query(query), key, len(tricky) - 1) is None


@pytest.mark.parametrize("key", ["ntriples", "nquads"])
def test_whole_graph_path_counts_triples_and_respects_the_cap(key: str) -> None:
    import pyoxigraph as ox

    from server import formats

    store = ox.Store()
    for i, text in enumerate(["a\nb", "two\nnew\nlines", "plain"]):
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"),
                          ox.NamedNode("http://example.org/p"), ox.Literal(text)))
    query = "CONSTRUCT WHERE { ?s ?p ?o }"
    whole = formats.serialize_whole_triples(store.query(query), key, 3)
    assert whole is not None and whole[1] == 3
    assert len(list(ox.parse(whole[0], format=formats._OX_RDF[key]))) == 3
    assert formats.serialize_whole_triples(store.query(query), key, 2) is None
