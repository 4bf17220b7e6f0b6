"""Fuzzing the live request surface: hypothesis-built raw requests and schemathesis.

Why both: hypothesis composes hostile requests from parts we know are risky (paths, methods,
headers, bytes) and sends them byte-exact; schemathesis reads ``/openapi.json`` and generates
requests from the documented parameters, so every saved query added later is fuzzed too.
Both run against the shared ``sample_server`` with bounded example counts (CI has 2 cores);
the property is the same: never a server error.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from tests.conftest import LiveServer
from tests.reliability.figures import Tally
from tests.reliability.http import raw_request

pytestmark = pytest.mark.e2e

CATEGORY = "fuzzing"
SEGMENTS = ["/sparql", "/queries", "/queries/", "/queries/stances-by-holder",
            "/queries/stances-toward.csv", "/queries/events-in-range", "/entity/",
            "/article/", "/fact/", "/concept/", "/static/", "/ontology", "/openapi.json",
            "/health", "/metrics", "/", "/queries.json"]
KEYS = ["query", "update", "format", "output", "default-graph-uri", "named-graph-uri",
        "holder", "target", "actor", "from", "to", "page", "text", "class", "x"]
VALUES = ["ASK {}", "SELECT * { ?s ?p ?o } LIMIT 1", "DROP ALL", "china", "Q148", "json",
          "csv", "text/turtle", "2023", "urn:x", "\u00ff", "%", "}", "\x00", "a" * 500]
ACCEPTS = ["*/*", "text/html", "application/sparql-results+json", "text/turtle", "text/csv",
           "application/ld+json", ";;", "q=0", "image/png;q=0.1", ""]
CTYPES = ["application/x-www-form-urlencoded", "application/sparql-query",
          "application/sparql-update", "text/plain", "", "multipart/form-data; boundary=z"]

text = st.one_of(st.sampled_from(VALUES), st.text(max_size=40))
encoded = st.one_of(text.map(lambda t: quote(t, safe="")), text.map(lambda t: quote(t)),
                    st.binary(max_size=12).map(lambda b: "".join(f"%{x:02X}" for x in b)))


@st.composite
def requests_(draw: st.DrawFn) -> tuple[str, bytes, list[tuple[str, bytes]], bytes]:
    method = draw(st.sampled_from(["GET", "GET", "POST", "POST", "HEAD", "OPTIONS", "PUT"]))
    path = draw(st.sampled_from(SEGMENTS)) + draw(st.one_of(st.just(""), encoded))
    pairs = draw(st.lists(st.tuples(st.sampled_from(KEYS), encoded), max_size=4))
    target = path + ("?" + "&".join(f"{k}={v}" for k, v in pairs) if pairs else "")
    headers = [("Accept", draw(st.sampled_from(ACCEPTS)).encode())]
    body = b""
    if method in ("POST", "PUT"):
        ctype = draw(st.sampled_from(CTYPES))
        if ctype:
            headers.append(("Content-Type", ctype.encode()))
        body = draw(st.one_of(st.binary(max_size=200), text.map(str.encode),
                              st.tuples(st.sampled_from(KEYS), encoded).map(
                                  lambda kv: f"{kv[0]}={kv[1]}".encode())))
    return method, target.encode("latin-1", "replace"), headers, body


def test_hypothesis_requests_never_get_a_server_error(sample_server: LiveServer) -> None:
    """Random methods, paths, parameters, Accept, Content-Type and bodies: never a 5xx."""
    tally = Tally(CATEGORY, "hypothesis: raw HTTP requests against the live server")

    @settings(max_examples=300, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(req=requests_())
    def run(req: tuple[str, bytes, list[tuple[str, bytes]], bytes]) -> None:
        method, target, headers, body = req
        reply = raw_request(sample_server.url, method, target, headers, body)
        assert reply.status < 500, (req, reply.status, reply.body[:300])
        tally.add(f"{reply.status // 100}xx")

    run()
    tally.record()


def test_schemathesis_against_openapi(sample_server: LiveServer) -> None:
    """Every operation of ``/openapi.json``, examples generated from its schema: no 5xx."""
    schema = schemathesis.openapi.from_url(sample_server.url + "/openapi.json")
    tally = Tally(CATEGORY, "schemathesis: generated calls of /openapi.json operations")
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @settings(max_examples=12, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck),
                  phases=[Phase.explicit, Phase.generate])
        @given(case=operation.as_strategy())
        def run(case: schemathesis.Case) -> None:
            response = case.call(timeout=30)
            tally.add(f"{response.status_code // 100}xx")
            case.validate_response(response, checks=[not_a_server_error])

        run()
    assert operations >= 3
    tally.record(operations=operations)
