"""Linked-data pages over real HTTP: entity, article, fact and ontology IRIs dereference."""

from __future__ import annotations

import re

import pytest
import requests
from rdflib import Graph, Literal, URIRef

from tests.conftest import LiveServer

pytestmark = pytest.mark.e2e

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
E = "https://w3id.org/geokg/entity/"
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


def page(server: LiveServer, path: str, headers: dict[str, str] | None = None
         ) -> requests.Response:
    return requests.get(server.url + path, headers=headers or {}, timeout=30)


def test_entity_html_page(sample_server: LiveServer) -> None:
    r = page(sample_server, "/entity/china", HTML)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    text = r.text
    assert "<h1>China</h1>" in text
    assert "wikidata.org/entity/Q148" in text and "PRC" in text
    for section in ("Stances held", "Stances received", "Roles"):
        assert section in text
    # The evidence words are wrapped in <mark>; the sentence reads whole without the tags.
    assert "China said AUKUS goes down a dangerous path." in re.sub(r"<[^>]+>", "", text)
    assert 'href="/article/china-aukus-2023"' in text
    assert 'href="/entity/aukus"' in text


def test_person_page_has_quotations_and_roles(sample_server: LiveServer) -> None:
    text = page(sample_server, "/entity/jens-stoltenberg", HTML).text
    assert "Quotations" in text and "We must stay the course" in text
    assert "Secretary General" in text


@pytest.mark.parametrize(("accept", "fmt"), [
    ("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"), ("application/n-triples", "nt"), ("*/*", "turtle"),
])
def test_entity_rdf_by_accept(sample_server: LiveServer, accept: str, fmt: str) -> None:
    r = page(sample_server, "/entity/china", {"Accept": accept})
    assert r.status_code == 200
    g = Graph().parse(data=r.content, format=fmt)
    assert (URIRef(E + "china"), RDFS_LABEL, Literal("China", lang="en")) in g
    stance = URIRef("https://w3id.org/geokg/fact/china-aukus-2023-stance-000000000011")
    assert (stance, URIRef("https://w3id.org/geokg/ontology#holder"), URIRef(E + "china")) in g
    evidence = URIRef(str(stance) + "-ev")
    assert (evidence, URIRef("https://w3id.org/geokg/ontology#sentenceText"), None) in g


def test_article_page_and_graph(sample_server: LiveServer) -> None:
    r = page(sample_server, "/article/quad-2024", HTML)
    assert r.status_code == 200
    assert "Quad navies drill" in r.text and "2024-02-01" in r.text
    # Mentions and evidence are marked up in the text; it reads whole without the tags.
    assert "Russia threatened Ukraine again." in re.sub(r"<[^>]+>", "", r.text)
    r = page(sample_server, "/article/quad-2024", {"Accept": "text/turtle"})
    g = Graph().parse(data=r.content, format="turtle")
    assert (URIRef("https://w3id.org/geokg/article/quad-2024"), None, None) in g


def test_fact_page(sample_server: LiveServer) -> None:
    r = page(sample_server, "/fact/vilnius-summit-2023-stance-000000000001", HTML)
    assert r.status_code == 200 and "Russia" in r.text
    r = page(sample_server, "/fact/vilnius-summit-2023-stance-000000000001?format=ttl")
    assert "NATO condemned Russia" in r.text


@pytest.mark.parametrize("path", ["/entity/atlantis", "/article/nope", "/fact/nope",
                                  "/entity/%2E%2E", "/entity/%2e%2e%2fetc", "/entity/.hidden",
                                  "/entity/a%20b"])
def test_unknown_or_invalid_ids_are_404(sample_server: LiveServer, path: str) -> None:
    r = page(sample_server, path, HTML)
    assert r.status_code == 404
    assert r.headers["Content-Type"].startswith("text/html") and "404" in r.text
    r = page(sample_server, path, {"Accept": "text/turtle"})
    assert r.status_code == 404 and len(r.text) < 500


def test_ontology(sample_server: LiveServer) -> None:
    r = page(sample_server, "/ontology", {"Accept": "text/turtle"})
    if r.status_code == 404:
        pytest.skip("ontology/kg.ttl not written yet")
    assert r.headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=r.content, format="turtle")
    assert (URIRef("https://w3id.org/geokg/ontology#Stance"), None, None) in g
    r = page(sample_server, "/ontology", {"Accept": "application/rdf+xml"})
    assert r.headers["Content-Type"].startswith("application/rdf+xml")
    r = page(sample_server, "/ontology", {"Accept": "application/ld+json"})
    assert Graph().parse(data=r.content, format="json-ld")
    r = page(sample_server, "/ontology", HTML)
    assert r.headers["Content-Type"].startswith("text/html") and "Stance" in r.text


def test_home_page_lists_entities_and_articles(sample_server: LiveServer) -> None:
    r = page(sample_server, "/", HTML)
    assert r.status_code == 200
    assert 'href="/entity/china"' in r.text and 'href="/article/quad-2024"' in r.text


def test_concept_page(sample_server: LiveServer) -> None:
    r = page(sample_server, "/concept/negative", {"Accept": "text/turtle"})
    assert r.headers["Content-Type"].startswith("text/turtle") and "polarityScheme" in r.text
    r = page(sample_server, "/concept/negative", HTML)
    assert r.status_code == 200 and "Polarity" in r.text
