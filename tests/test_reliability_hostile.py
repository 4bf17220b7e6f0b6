"""Hostile requests against a real, read-only ``kg serve`` on 127.0.0.1.

Every request of every category must get a clean 4xx (or, where the input is harmless, a
normal answer) with a short readable body: never a 5xx, never a traceback, and never a changed
store. The store's fingerprint (live version, quad count, sha256 of the sorted N-Quads) is
taken before the module and compared after every test. Each test records how many inputs it
tried and what came back (``tests/reliability/figures.py``) for ``docs/reliability.md``.

Requests go through a byte-exact socket client (``tests/reliability/http.py``) wherever the
path or bytes matter, because ``requests`` would normalise exactly what an attacker sends.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import LiveServer
from tests.reliability.figures import Tally, record
from tests.reliability.http import Reply, raw_request
from tests.reliability.servers import Fingerprint, fingerprint, health, serve

pytestmark = pytest.mark.e2e

CATEGORY = "hostile requests"
#: Substrings that would show that a file outside the served folders was read.
LEAKS = ("[project]", "root:x:0:0", "import ", "BEGIN ", "def ")


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Path]]:
    """A read-only server (no update token) over a store of its own."""
    yield from serve(tmp_path_factory.mktemp("hostile"), timeout=5.0)


@pytest.fixture(scope="module")
def baseline(target: tuple[LiveServer, Path]) -> Fingerprint:
    return fingerprint(target[1])


@pytest.fixture(autouse=True)
def store_unchanged(target: tuple[LiveServer, Path], baseline: Fingerprint) -> Iterator[None]:
    """After each hostile batch: same version, same quads, same hash, server still healthy."""
    yield
    server, store = target
    assert fingerprint(store) == baseline
    report = health(server)
    assert report["status"] == "ok" and report["store_version"] == baseline.version
    record(CATEGORY, "store fingerprint comparisons", 1, {"unchanged": 1},
           quads=baseline.quads, check=True)


def check_clean(reply: Reply | requests.Response, allowed: set[int], label: str) -> int:
    """Assert a clean answer: an allowed status, and for errors a short readable body."""
    status = reply.status_code if isinstance(reply, requests.Response) else reply.status
    body = reply.content if isinstance(reply, requests.Response) else reply.body
    assert status < 500, f"{label}: {status} {body[:300]!r}"
    assert status in allowed, f"{label}: {status} not in {sorted(allowed)}: {body[:300]!r}"
    if status >= 400:
        text = body.decode("utf-8")  # readable means UTF-8 text, too
        assert text.strip(), f"{label}: empty error body"
        assert len(body) < 4000 and "Traceback" not in text, f"{label}: {text[:300]}"
    return status


def get(server: LiveServer, target: str | bytes, headers: list | None = None) -> Reply:
    return raw_request(server.url, "GET", target, headers)


# --- injection through saved-query parameters -----------------------------------------------

INJECTION = [
    '"', "'", '"""', "}", "{", ";", "#", "DROP ALL", "DROP ALL ;", "CLEAR DEFAULT",
    '" } ; DROP ALL ; #', "' } ; DROP ALL ; #", "> } ; DROP ALL ; <", "<http://x.example/a>",
    "http://x.example/a b", "http://x.example/a>b", "http://x.example/a>} DROP ALL {<b",
    "https://x.example/?q=\"x\"", "urn:a b", "china> . ?s ?p ?o . <x", "china\" .",
    "?x", "$x", "?_holder_iri", "\\", "\\u0022", "\u0000", "\n} DROP ALL {\n",
    "\u202e", "\ufffd", "' OR 1=1 --", "1; DROP ALL", "true) || (true", "1e99999",
    "9" * 40, "2023-02-30", "0000-00-00", "-1", "../../etc/passwd", "entity:../../x",
    "wd:Q1> ; <x", "SELECT * WHERE { ?s ?p ?o }", "x" * 5_000, "ü" * 3_000, "http://" + "a" * 9_000,
]


def _head_vars(server: LiveServer, name: str) -> list[str]:
    r = requests.get(f"{server.url}/queries/{name}", timeout=60,
                     headers={"Accept": "application/sparql-results+json"})
    return r.json()["head"]["vars"] if r.status_code in (200, 206) and r.content.startswith(
        b"{") else []


def test_injection_through_saved_query_parameters(target: tuple[LiveServer, Path]) -> None:
    """Quotes, braces, DROP ALL, odd IRIs and long values are bound as terms or refused (400).

    A 2xx answer must keep the saved query's own projection: a value that changed the query
    text would change its variables. Four client threads, as CI has two cores.
    """
    server, _ = target
    queries = requests.get(server.url + "/queries.json", timeout=30).json()["queries"]
    tally = Tally(CATEGORY, "SPARQL injection via saved-query parameters")
    cases: list[tuple[str, str, list[str] | None]] = []
    for q in queries:
        names = [p["name"] for p in q["params"]] + (["page"] if q["pagination"] else [])
        expected_vars = _head_vars(server, q["name"]) if q["query_type"] == "SELECT" else None
        for pname in [*names, "format", "update"]:
            for value in INJECTION if pname in names else INJECTION[::6]:
                cases.append((f"{q['name']}?{pname}={value[:40]!r}",
                              f"{server.url}/queries/{q['name']}?{urlencode({pname: value})}",
                              expected_vars))

    def run(case: tuple[str, str, list[str] | None]) -> int:
        label, url, expected_vars = case
        r = requests.get(url, timeout=60, headers={
            "Accept": "application/sparql-results+json, text/turtle;q=0.9"})
        status = check_clean(r, {200, 206, 400, 406}, label)
        if status in (200, 206) and expected_vars:
            assert r.json()["head"]["vars"] == expected_vars, label
        return status

    with ThreadPoolExecutor(max_workers=4) as pool:
        for status in pool.map(run, cases):
            tally.add(status)
    tally.record()
    assert tally.tried > 1000


# --- path traversal and odd characters --------------------------------------------------------

PREFIXES = ["/queries/", "/entity/", "/article/", "/fact/", "/concept/", "/static/"]
TRAVERSALS = [
    "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/pyproject.toml",
    "%2e%2e%2f%2e%2e%2fpyproject.toml", "..\\..\\pyproject.toml", "..%5c..%5cpyproject.toml",
    "....//....//pyproject.toml", "%252e%252e%252fpyproject.toml", "/etc/passwd",
    "%2fetc%2fpasswd", "//etc/passwd", "file:///etc/passwd", ".", "..", "...", ".hidden",
    "%00", "x%00.html", "china%00", "china%0d%0aSet-Cookie:%20x=1", "%0achina", "china%0a", "%20",
    "%ff%fe", "%c0%af", "%e2%80%ae", "\u00e9".encode().decode("latin-1"), "china;x=1",
    "china?format=../../x", "china/../china", "china/./x", "*", "%2a",
    "<script>alert(1)</script>", "%3Cscript%3E", "' OR '1'='1", "a" * 3_000,
    "../server/__init__.py", "../../kg/config.py", "x/../../../../pyproject.toml",
    "stances-by-holder.rq/../../../pyproject.toml", "~root", "$HOME", "con", "aux.txt",
]


def test_path_traversal_and_odd_characters(target: tuple[LiveServer, Path]) -> None:
    """``..``, encoded slashes, NUL, CRLF, over-long and odd ids under every routed prefix."""
    server, _ = target
    tally = Tally(CATEGORY, "path traversal / odd characters in paths")
    for prefix in PREFIXES:
        for tail in TRAVERSALS:
            path = prefix + tail
            reply = get(server, path.encode("latin-1"))
            if reply.status == 308:  # Werkzeug merges "//": same server, same prefix
                assert reply.headers["location"].startswith(server.url + prefix), path
                reply = get(server, reply.headers["location"][len(server.url):])
            status = check_clean(reply, {400, 404, 405, 406}, path)
            assert not any(leak in reply.text for leak in LEAKS), path
            assert "set-cookie" not in reply.headers, path
            tally.add(status)
    tally.record()


# --- oversized bodies and very long query strings -------------------------------------------


def test_oversized_bodies_and_long_query_strings(target: tuple[LiveServer, Path]) -> None:
    """Bodies past 1 MB get 413 (from Flask up to 1 MB + 64 KiB, then from waitress); URLs
    past waitress's 256 KiB header limit get 431; neither reaches a worker."""
    server, _ = target
    limit = 1_000_000
    tally = Tally(CATEGORY, "oversized bodies / long query strings")
    bodies = [limit + 1, limit + 50_000, limit + 70_000, 3 * limit]
    shapes = [("application/sparql-query", b"ASK {} #"),
              ("application/sparql-update", b"DROP ALL #"),
              ("application/x-www-form-urlencoded", b"query=ASK%7B%7D%23"),
              ("text/plain", b"x")]
    for size in bodies:
        for ctype, head in shapes:
            body = head + b"a" * (size - len(head))
            r = requests.post(server.sparql, data=body, headers={"Content-Type": ctype},
                              timeout=60)
            tally.add(check_clean(r, {413}, f"{ctype} {size}"))
    # a chunked body has no Content-Length; waitress counts as it reads
    def chunks() -> Iterator[bytes]:
        yield b"ASK {} #"
        for _ in range(300):
            yield b"a" * 10_000
    r = requests.post(server.sparql, data=chunks(), timeout=60,
                      headers={"Content-Type": "application/sparql-query"})
    tally.add(check_clean(r, {413}, "chunked 3 MB"))
    # Long URLs over a raw socket: requests spends seconds re-quoting a megabyte of URL.
    for size in (300_000, limit + 1, 3 * limit):
        reply = get(server, "/sparql?query=ASK%7B%7D%23" + "a" * size)
        tally.add(check_clean(reply, {413, 414, 431}, f"query string {size}"))
        reply = get(server, "/queries/stances-by-holder?holder=" + "a" * size)
        tally.add(check_clean(reply, {400, 413, 414, 431}, f"saved-query parameter {size}"))
    many = "&".join(f"p{i}=x" for i in range(20_000))
    r = requests.get(f"{server.url}/queries/stances-by-holder?{many}", timeout=60)
    tally.add(check_clean(r, {200, 413, 414, 431}, "20 000 parameters"))
    r = requests.get(server.sparql, params={"query": "ASK {}"}, timeout=60,
                     headers={"X-Padding": "a" * 300_000})
    tally.add(check_clean(r, {431}, "300 KB header"))
    tally.record()


# --- malformed and contradictory Accept / Content-Type ---------------------------------------

ACCEPTS = [
    ";;;", ",,,", "*/*;q=", "*/*;q=abc", "*/*;q=-1", "*/*;q=99", "text/html;q=0.5;q=1",
    "application/sparql-results+json;q=0", "text/csv;q=0, */*;q=0", "garbage", "garbage/",
    "/json", "application/", "*/json", "text/*;;;", "application/json; charset=ebcdic",
    "application/sparql-results+json, application/sparql-results+json;q=0",
    "text/turtle;q=1, text/turtle;q=0", "\u00ff/\u00fe", "a" * 5_000,
    ", ".join(f"type{i}/sub{i};q=0.{i % 10}" for i in range(500)), "image/png", "text/html",
]
ACCEPT_TARGETS = [
    "/sparql?query=ASK%7B%7D", "/sparql?query=SELECT%20*%7B%3Fs%20%3Fp%20%3Fo%7DLIMIT%201",
    "/sparql?query=CONSTRUCT%7B%3Fs%20%3Fp%20%3Fo%7DWHERE%7B%3Fs%20%3Fp%20%3Fo%7DLIMIT%201",
    "/sparql", "/queries", "/queries/stances-by-holder?holder=china", "/queries.json",
    "/entity/china", "/openapi.json", "/health", "/nowhere",
]
CONTENT_TYPES: list[tuple[str, bytes, set[int]]] = [
    ("", b"ASK {}", {415}),
    (";;;", b"ASK {}", {415}),
    ("application/sparql-query; charset=latin-1", b"ASK {}", {415}),
    ("application/sparql-query; charset=", b"ASK {}", {200, 415}),  # empty: dropped
    ("application/sparql-query; charset=\"utf-8", b"ASK {}", {200, 415}),
    ("application/sparql-query;;;charset=utf-8", b"ASK {}", {200, 415}),
    ("application/sparql-query, application/x-www-form-urlencoded", b"ASK {}", {415}),
    ("application/x-www-form-urlencoded, application/sparql-query", b"query=ASK{}", {415}),
    ("application/sparql-query", b"query=ASK%7B%7D", {400}),
    ("application/x-www-form-urlencoded", b"ASK {}", {400}),
    ("application/x-www-form-urlencoded; charset=utf-16", b"query=ASK{}", {415}),
    ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data; "
     b"name=\"query\"\r\n\r\nASK {}\r\n--x--\r\n", {415}),
    ("multipart/form-data", b"query=ASK{}", {415}),
    ("application/json", b"{\"query\": \"ASK {}\"}", {415}),
    ("text/plain", b"ASK {}", {415}),
    ("application/sparql-results+json", b"ASK {}", {415}),
    ("APPLICATION/SPARQL-QUERY", b"ASK {}", {200, 415}),
    ("application/sparql-query\u00ff", b"ASK {}", {415}),
    ("a" * 5_000, b"ASK {}", {415}),
    ("application/sparql-update", b"", {400, 403}),
]


def test_malformed_and_contradictory_accept_and_content_type(
        target: tuple[LiveServer, Path]) -> None:
    """A bad Accept is answered in a default format or with 406; a bad Content-Type is 415."""
    server, _ = target
    tally = Tally(CATEGORY, "malformed/contradictory Accept headers")
    for path in ACCEPT_TARGETS:
        for accept in ACCEPTS:
            reply = get(server, path, [("Accept", accept.encode("latin-1", "replace"))])
            tally.add(check_clean(reply, {200, 206, 404, 406}, f"{path} Accept {accept[:40]}"))
    tally.record()
    tally = Tally(CATEGORY, "malformed/contradictory Content-Type headers")
    for ctype, body, allowed in CONTENT_TYPES:
        headers = [("Content-Type", ctype.encode("latin-1", "replace"))] if ctype else []
        reply = raw_request(server.url, "POST", "/sparql", headers, body)
        tally.add(check_clean(reply, allowed, f"Content-Type {ctype[:40]!r}"))
    for twice in (["application/sparql-query", "application/x-www-form-urlencoded"],
                  ["application/sparql-update", "application/sparql-query"]):
        headers = [("Content-Type", t) for t in twice]
        reply = raw_request(server.url, "POST", "/sparql", headers, b"ASK {}")
        tally.add(check_clean(reply, {400, 403, 415}, f"two Content-Types {twice}"))
    tally.record()


# --- invalid UTF-8 and percent-encoding -----------------------------------------------------

BAD_ENCODINGS = ["%FF", "%E2%82", "%C0%AF", "%ED%A0%80", "%F8%88%80%80%80", "%zz", "%", "%%",
                 "%2", "%u0041", "%00", "ok%FF"]
BAD_BYTES = [b"\xff", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80", b"\xfe\xff"]


def test_invalid_utf8_and_percent_encoding(target: tuple[LiveServer, Path]) -> None:
    """Invalid UTF-8 after percent-decoding is a 400 (or 404 for an id), in URL and body."""
    server, _ = target
    tally = Tally(CATEGORY, "invalid UTF-8 / percent-encoding")
    strict = {"%FF", "%E2%82", "%C0%AF", "%ED%A0%80", "%F8%88%80%80%80", "ok%FF"}
    for enc in BAD_ENCODINGS:
        cases: list[tuple[str, set[int]]] = [
            (f"/sparql?query=ASK%7B%7D{enc}", {400}),
            (f"/sparql?query=ASK%7B%7D&default-graph-uri=urn:x{enc}", {400}),
            (f"/queries/stances-by-holder?holder={enc}", {400}),
            (f"/queries/actor-mentions?actor=china&x={enc}", {400} if enc in strict else {200}),
            (f"/queries/{enc}", {404}),
            (f"/entity/{enc}", {404}),
            (f"/entity/china?format={enc}", {400, 406}),
        ]
        for q in ("person-statements", "events-in-range", "actor-mentions"):
            cases.append((f"/queries/{q}?{'text' if q == 'person-statements' else 'x'}={enc}",
                          {400} if enc in strict else {200, 206, 400}))
        for path, allowed in cases:
            tally.add(check_clean(get(server, path), allowed, path))
    for b in BAD_BYTES:
        for path in (b"/sparql?query=ASK{}" + b, b"/entity/" + b, b"/queries/" + b,
                     b"/queries/stances-by-holder?holder=" + b):
            tally.add(check_clean(get(server, path), {400, 404}, repr(path)))
        for ctype, body in (("application/sparql-query", b"ASK {} #" + b),
                            ("application/x-www-form-urlencoded", b"query=ASK%7B%7D%23" + b),
                            ("application/x-www-form-urlencoded", b"query=ASK{}" + b),
                            ("application/sparql-update", b"DROP ALL #" + b)):
            reply = raw_request(server.url, "POST", "/sparql", [("Content-Type", ctype)], body)
            tally.add(check_clean(reply, {400, 403}, f"{ctype} + {b!r}"))
    tally.record()


# --- updates on the read-only endpoint, through every request shape --------------------------

UPDATES = ["DROP ALL", "CLEAR DEFAULT", "CLEAR ALL",
           "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }",
           "DELETE WHERE { ?s ?p ?o }", "LOAD <http://127.0.0.1:1/x.ttl>",
           "CREATE GRAPH <urn:x:g>", "DROP GRAPH <https://w3id.org/geokg/graph/entities>",
           "DELETE { ?s ?p ?o } INSERT { ?s ?p 'x' } WHERE { ?s ?p ?o }",
           "ADD DEFAULT TO <urn:x:g>", "INSERT DATA { <urn:x:s> <urn:x:p> 'x' } ; DROP ALL"]
AUTHS = [None, "Bearer ", "Bearer wrong-token", "Bearer test-update-token", "Basic YTpi",
         "bearer  ", "Bearer " + "a" * 5000]


def _update_shapes(update: str) -> list[tuple[str, str, list, bytes, set[int]]]:
    enc = quote(update)
    form = ("Content-Type", "application/x-www-form-urlencoded")
    sq = ("Content-Type", "application/sparql-query")
    su = ("Content-Type", "application/sparql-update")
    return [
        ("GET", f"/sparql?update={enc}", [], b"", {400}),
        ("GET", f"/sparql?query={enc}", [], b"", {400}),
        ("GET", f"/sparql?query=ASK%7B%7D&update={enc}", [], b"", {400}),
        ("POST", "/sparql", [form], f"update={enc}".encode(), {403}),
        ("POST", f"/sparql?update={enc}", [form], b"query=ASK%7B%7D", {400}),
        ("POST", f"/sparql?update={enc}", [form], b"", {403}),
        ("POST", "/sparql", [form], f"update={enc}&update={enc}".encode(), {400}),
        ("POST", "/sparql", [form], f"query={enc}".encode(), {400}),
        ("POST", "/sparql", [su], update.encode(), {403}),
        ("POST", "/sparql?using-graph-uri=urn:x:g", [su], update.encode(), {403}),
        ("POST", "/sparql", [sq], update.encode(), {400}),
        ("POST", f"/sparql?update={enc}", [sq], b"ASK {}", {200, 400}),
        ("PUT", "/sparql", [su], update.encode(), {405}),
        ("DELETE", "/sparql", [], b"", {405}),
        ("PATCH", "/sparql", [su], update.encode(), {405}),
        ("POST", "/queries/stances-by-holder", [su], update.encode(), {405}),
        ("GET", f"/queries/stances-by-holder?holder=china&update={enc}", [], b"", {200, 206}),
        ("POST", "/entity/china", [su], update.encode(), {405}),
        ("PUT", "/entity/china", [("Content-Type", "text/turtle")], b"<a> <b> <c> .", {405}),
        ("POST", "/sparql/update", [su], update.encode(), {403, 404, 405}),
    ]


def test_updates_are_refused_through_every_request_shape(
        target: tuple[LiveServer, Path], baseline: Fingerprint) -> None:
    """SPARQL Update by GET, form, body, wrong method, wrong route and any token: refused."""
    server, store = target
    tally = Tally(CATEGORY, "update attempts on the read-only endpoint")
    for update in UPDATES:
        for method, path, headers, body, allowed in _update_shapes(update):
            for auth in AUTHS if method == "POST" and path.startswith("/sparql") else [None]:
                extra = [("Authorization", auth)] if auth is not None else []
                reply = raw_request(server.url, method, path, headers + extra, body)
                tally.add(check_clean(reply, allowed, f"{method} {path[:60]} {auth!r}"))
        assert fingerprint(store) == baseline, update
    tally.record()
    assert tally.outcomes.get("200", 0) + tally.outcomes.get("206", 0) < tally.tried / 4


# --- CORS preflights ---------------------------------------------------------------------------

ORIGINS = ["http://evil.example", "null", "file://", "https://127.0.0.1.evil.example",
           "http://localhost:1", "chrome-extension://abcdef", "http://" + "a" * 3000 + ".x",
           "http://evil.example\u00ff", ""]
PREFLIGHTS = [("DELETE", ""), ("PUT", ""), ("PATCH", ""), ("POST", "Authorization"),
              ("POST", "Content-Type, X-Evil"), ("GET", ""), ("TRACE", ""), ("CONNECT", ""),
              ("POST", "X-" + "a" * 2000)]
CORS_PATHS = ["/sparql", "/queries", "/queries/stances-by-holder", "/openapi.json",
              "/entity/china", "/health", "/metrics", "/nowhere"]


def test_cors_preflights_from_unexpected_origins(target: tuple[LiveServer, Path]) -> None:
    """Preflights never grant credentials, never a method but GET/POST/OPTIONS, never echo the
    origin; routes outside the API carry no CORS headers at all; a cross-origin update is 403.
    """
    server, _ = target
    tally = Tally(CATEGORY, "CORS preflights from unexpected origins")
    for path in CORS_PATHS:
        cors = path.startswith(("/sparql", "/queries", "/openapi.json"))
        for origin in ORIGINS:
            for method, req_headers in PREFLIGHTS:
                headers = [("Origin", origin.encode("latin-1", "replace")),
                           ("Access-Control-Request-Method", method)]
                if req_headers:
                    headers.append(("Access-Control-Request-Headers", req_headers))
                reply = raw_request(server.url, "OPTIONS", path, headers)
                status = check_clean(reply, {200, 204, 404}, f"OPTIONS {path} {origin[:30]}")
                h = reply.headers
                assert "access-control-allow-credentials" not in h
                if cors and status < 400:
                    assert h["access-control-allow-origin"] == "*"
                    allowed = {m.strip() for m in h["access-control-allow-methods"].split(",")}
                    assert allowed <= {"GET", "POST", "OPTIONS"}
                else:
                    assert "access-control-allow-origin" not in h, path
                tally.add(f"{status} (no credentials, GET/POST only)" if cors and status < 400
                          else f"{status} (no CORS headers)")
    for origin in ORIGINS[:4]:
        reply = raw_request(server.url, "POST", "/sparql",
                            [("Origin", origin), ("Content-Type", "application/sparql-update")],
                            b"DROP ALL")
        tally.add(check_clean(reply, {403}, f"cross-origin update from {origin}"))
    tally.record()


def test_server_log_has_no_unhandled_error(target: tuple[LiveServer, Path]) -> None:
    """After all of the above, the server logged no traceback and counted no 5xx."""
    server, _ = target
    log = server.read_log()
    assert "Traceback" not in log and "unhandled error" not in log, log[-3000:]
    metrics = requests.get(server.url + "/metrics", timeout=30).text
    errors = {s.labels["class"]: int(s.value)
              for f in text_string_to_metric_families(metrics) if f.name == "kg_http_errors"
              for s in f.samples}
    assert errors.get("server", 0) == 0, errors
    record(CATEGORY, "5xx answers counted by /metrics after every batch", 1,
           {"server errors": 0}, client_errors=errors.get("client", 0), check=True)
    assert json.loads(requests.get(server.url + "/health", timeout=30).text)["status"] == "ok"
