"""The saved-query API over real HTTP: listing, running, conneg, parameters, OpenAPI."""

from __future__ import annotations

import csv
import io

import pytest
import requests

from tests.conftest import LiveServer

pytestmark = pytest.mark.e2e


def q(server: LiveServer, path: str, params: object = None, **kw: object) -> requests.Response:
    return requests.get(server.url + path, params=params, timeout=30, **kw)


def test_list_json_and_html(sample_server: LiveServer) -> None:
    data = q(sample_server, "/queries").json()
    names = [x["name"] for x in data["queries"]]
    assert len(names) >= 15 and "stances-toward" in names
    first = next(x for x in data["queries"] if x["name"] == "stances-toward")
    target = next(p for p in first["params"] if p["name"] == "target")
    assert target["type"] == "iri" and target["required"] and target["default"] == "china"
    assert q(sample_server, "/queries.json").json() == data
    html = q(sample_server, "/queries", headers={"Accept": "text/html"})
    assert html.headers["Content-Type"].startswith("text/html") and "stances-toward" in html.text


def test_run_with_defaults_and_params(sample_server: LiveServer) -> None:
    r = q(sample_server, "/queries/stances-toward")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/sparql-results+json")
    rows = r.json()["results"]["bindings"]
    assert [b["holderLabel"]["value"] for b in rows] == ["United States", "United States"]
    r = q(sample_server, "/queries/stances-toward", {"target": "nato", "polarity": "negative"})
    assert [b["holderLabel"]["value"] for b in r.json()["results"]["bindings"]] == ["Russia"]


@pytest.mark.parametrize("value", ["china", "entity:china", "https://w3id.org/geokg/entity/china",
                                   "Q148", "wd:Q148"])
def test_actor_forms_resolve_to_the_same_rows(sample_server: LiveServer, value: str) -> None:
    r = q(sample_server, "/queries/stances-toward.json", {"target": value})
    rows = r.json()["results"]["bindings"]
    assert len(rows) == 2, value


@pytest.mark.parametrize(("suffix", "accept", "media"), [
    (".csv", None, "text/csv"),
    (".tsv", None, "text/tab-separated-values"),
    (".xml", None, "application/sparql-results+xml"),
    (".json", "text/csv", "application/sparql-results+json"),
    ("", "text/csv", "text/csv"),
    ("", "application/sparql-results+xml;q=0.5, text/tab-separated-values",
     "text/tab-separated-values"),
])
def test_suffix_and_conneg(sample_server: LiveServer, suffix: str, accept: str | None,
                           media: str) -> None:
    headers = {"Accept": accept} if accept else {}
    r = q(sample_server, "/queries/criticisms" + suffix, headers=headers)
    assert r.status_code == 200
    assert r.headers["Content-Type"].split(";")[0] == media
    if media == "text/csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert rows[0]["count"] == "1" and len(rows) == 5


def test_construct_query_in_rdf(sample_server: LiveServer) -> None:
    r = q(sample_server, "/queries/actor-network", {"actor": "nato"},
          headers={"Accept": "text/turtle"})
    assert r.headers["Content-Type"].startswith("text/turtle")
    assert "memberOf" in r.text and "entity:finland" in r.text
    r = q(sample_server, "/queries/actor-network", {"actor": "nato"},
          headers={"Accept": "text/csv"})
    assert r.status_code == 406


def test_raw_query_text_for_grlc(sample_server: LiveServer) -> None:
    r = q(sample_server, "/queries/stances-toward.rq")
    assert r.text.startswith("#+ summary:")


def test_pagination(sample_server: LiveServer) -> None:
    one = q(sample_server, "/queries/entity-wikidata.json").json()["results"]["bindings"]
    two = q(sample_server, "/queries/entity-wikidata.json", {"page": "2"}).json()
    assert len(one) == 17 and two["results"]["bindings"] == []


def test_pagination_links_as_grlc_sends_them(sample_server: LiveServer) -> None:
    """RFC 8288 Link header: first always, prev after page 1, next only for a full page."""
    first = q(sample_server, "/queries/entity-wikidata.json", {"class": "kg:State"})
    links = requests.utils.parse_header_links(first.headers["Link"])
    assert [x["rel"] for x in links] == ["first"]
    second = q(sample_server, "/queries/entity-wikidata.json", {"class": "kg:State", "page": "2"})
    links = {x["rel"]: x["url"] for x in requests.utils.parse_header_links(second.headers["Link"])}
    assert set(links) == {"first", "prev"}
    assert "page=1" in links["prev"] and "class=kg%3AState" in links["prev"]
    assert requests.get(links["prev"], headers={"Accept": "application/sparql-results+json"},
                        timeout=30).json() == first.json()
    junk = q(sample_server, "/queries/entity-wikidata.json", {"class": "kg:State", "x" * 50: "y"})
    assert "x" * 50 not in junk.headers["Link"] and "class=kg%3AState" in junk.headers["Link"]


@pytest.mark.parametrize(("path", "params", "param"), [
    ("/queries/stances-toward", {"target": "china> } ; DROP ALL ; <x"}, "target"),
    ("/queries/stances-toward", {"target": "javascript:alert(1)"}, "target"),
    ("/queries/stances-toward", {"target": "<script>alert(1)</script>"}, "target"),
    ("/queries/stances-toward", {"polarity": "furious"}, "polarity"),
    ("/queries/events-in-range", {"from": "2024-02-30"}, "from"),
    ("/queries/events-in-range", {"to": "'; DROP TABLE x; --"}, "to"),
    ("/queries/entity-wikidata", {"page": "-1"}, "page"),
    ("/queries/entity-wikidata", {"page": "99999999999"}, "page"),
])
def test_bad_parameters_are_400_naming_the_parameter(sample_server: LiveServer, path: str,
                                                     params: dict[str, str], param: str) -> None:
    r = q(sample_server, path, params)
    assert r.status_code == 400
    body = r.json()
    assert body["status"] == 400 and f"parameter '{param}'" in body["error"]


def test_unknown_query_is_404_json(sample_server: LiveServer) -> None:
    r = q(sample_server, "/queries/no-such-query")
    assert r.status_code == 404 and r.json()["status"] == 404
    r = q(sample_server, "/queries/..%2F..%2Fetc%2Fpasswd")
    assert r.status_code == 404


def test_html_page_of_a_query(sample_server: LiveServer) -> None:
    r = q(sample_server, "/queries/stances-toward", {"target": "china"},
          headers={"Accept": "text/html,*/*;q=0.8"})
    assert r.headers["Content-Type"].startswith("text/html")
    assert "The US voiced concern about China." in r.text and "<form" in r.text
    r = q(sample_server, "/queries/stances-toward", {"target": "bad iri >"},
          headers={"Accept": "text/html"})
    assert "parameter &#39;target&#39;" in r.text or "parameter 'target'" in r.text


def test_openapi_document(sample_server: LiveServer) -> None:
    doc = q(sample_server, "/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert "/sparql" in doc["paths"]
    op = doc["paths"]["/queries/stances-toward"]["get"]
    params = {p["name"]: p for p in op["parameters"]}
    assert params["polarity"]["schema"]["enum"] == ["kgc:negative", "kgc:neutral", "kgc:positive"]
    assert params["target"]["schema"]["default"] == "china"
    assert doc["paths"]["/queries/entity-wikidata"]["get"]["parameters"][-1]["name"] == "page"
    assert "YYYY-MM-DD" in doc["paths"]["/queries/events-in-range"]["get"]["parameters"][0][
        "description"]
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(doc)
