"""The web UI without a browser: vendor files, fallbacks, view data and page markup.

Why next to the browser tests: these run in a second and pin down what the JavaScript relies
on (the JSON shapes, the offsets in the article markup) and what a reader without JavaScript,
or a server without ``node_modules``, still gets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

from kg.config import Settings
from server import create_app
from server.linked import highlight, text_runs
from tests.conftest import ROOT, LiveServer, load_into_store

pytestmark = pytest.mark.e2e

HTML = {"Accept": "text/html"}
HAVE_NODE_MODULES = (ROOT / "node_modules" / "@zazuko" / "yasgui" / "build").is_dir()


def get(server: LiveServer, path: str, headers: dict[str, str] | None = None
        ) -> requests.Response:
    return requests.get(server.url + path, headers=headers or HTML, timeout=30)


# --- pure helpers -------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "anchor", "parts"), [
    ("NATO criticised China.", "criticised China",
     [("NATO ", False), ("criticised China", True), (".", False)]),
    ("NATO criticised China.", "NATO criticised China.", [("NATO criticised China.", True)]),
    ("NATO criticised China.", "absent", [("NATO criticised China.", False)]),
    ("NATO criticised China.", None, [("NATO criticised China.", False)]),
    ("", "x", []),
])
def test_highlight_marks_the_evidence_words(sentence: str, anchor: str | None,
                                             parts: list[tuple[str, bool]]) -> None:
    assert highlight(sentence, anchor) == parts


def test_text_runs_cut_at_mentions_and_evidence() -> None:
    text = "NATO criticised China in Vilnius."
    mentions = [{"begin": "0", "end": "4", "entity": "e:nato", "label": "NATO", "class": "k:A"},
                {"begin": "0", "end": "2", "entity": "e:x", "label": "X", "class": "k:A"},
                {"begin": "16", "end": "21", "entity": "e:china", "label": "China",
                 "class": "k:S"}]
    runs = text_runs(text, mentions, [(5, 21)])
    assert "".join(t for run in runs for _, _, t in run["pieces"]) == text
    assert [run["mention"]["entity"] if run["mention"] else None for run in runs] == [
        "e:nato", None, "e:china", None]
    pieces = [p for run in runs for p in run["pieces"]]
    evidence = "".join(t for b, e, t in pieces if b >= 5 and e <= 21)
    assert evidence == text[5:21]
    assert all(text[b:e] == t for b, e, t in pieces)


def test_text_runs_ignore_offsets_outside_the_text() -> None:
    runs = text_runs("abc", [{"begin": "2", "end": "9", "entity": "e", "label": "l",
                              "class": None}], [(1, 99)])
    assert "".join(t for run in runs for _, _, t in run["pieces"]) == "abc"
    assert all(run["mention"] is None for run in runs)


# --- vendor files and the no-node_modules fallback ----------------------------------------

@pytest.fixture
def bare_app(tmp_path: Path, sample_store: Path) -> Iterator[Flask]:
    """The app over the sample store with an empty node_modules folder."""
    app = create_app(Settings(store=sample_store, queries=ROOT / "queries"))
    app.config.update(TESTING=True, KG_NODE_MODULES=tmp_path / "node_modules")
    yield app
    app.extensions["kg_executor"].close()


@pytest.fixture
def bare(bare_app: Flask) -> FlaskClient:
    return bare_app.test_client()


@pytest.mark.parametrize("path", [
    "/static/vendor/yasgui/../../package.json",
    "/static/vendor/yasgui/..%2F..%2Fpackage.json",
    "/static/vendor/yasgui/%2e%2e/%2e%2e/package.json",
    "/static/vendor/cytoscape/cytoscape.cjs.js",
    "/static/vendor/cytoscape/../../../kg/config.py",
    "/static/vendor/nope/x.js",
    "/static/vendor/yasgui/",
])
def test_vendor_route_serves_only_the_allow_list(sample_server: LiveServer, path: str) -> None:
    r = requests.get(sample_server.url + path, timeout=30)
    assert r.status_code == 404
    assert "import" not in r.text and "Settings" not in r.text


@pytest.mark.skipif(not HAVE_NODE_MODULES, reason="run 'npm ci' to install the UI libraries")
@pytest.mark.parametrize(("path", "media"), [
    ("/static/vendor/yasgui/yasgui.min.js", "javascript"),
    ("/static/vendor/yasgui/yasgui.min.css", "text/css"),
    ("/static/vendor/cytoscape/cytoscape.min.js", "javascript"),
    ("/static/vendor/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js", "javascript"),
    ("/static/vendor/vis-timeline/styles/vis-timeline-graph2d.min.css", "text/css"),
])
def test_vendor_route_serves_installed_libraries(sample_server: LiveServer, path: str,
                                                 media: str) -> None:
    r = requests.get(sample_server.url + path, timeout=30)
    assert r.status_code == 200 and media in r.headers["Content-Type"]
    assert "max-age=86400" in r.headers.get("Cache-Control", "")


def test_favicon(sample_server: LiveServer) -> None:
    r = requests.get(sample_server.url + "/favicon.ico", timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("image/svg+xml")


@pytest.mark.parametrize(("path", "marker"), [
    ("/", 'id="plain-query" method="post"'),
    ("/network", 'id="edges"'),
    ("/timeline?actor=nato", 'id="timeline-items"'),
])
def test_pages_without_node_modules_say_how_to_install(bare: FlaskClient, path: str,
                                                       marker: str) -> None:
    r = bare.get(path, headers=HTML)
    assert r.status_code == 200, r.text
    body = r.get_data(as_text=True)
    assert "npm ci --no-audit --no-fund" in body and marker in body
    assert "/static/vendor/" not in body
    assert bare.get("/static/vendor/yasgui/yasgui.min.js").status_code == 404


# --- query editor and saved-query pages ---------------------------------------------------

@pytest.mark.skipif(not HAVE_NODE_MODULES, reason="run 'npm ci' to install the UI libraries")
def test_home_offers_yasgui_saved_queries_and_prefixes(sample_server: LiveServer) -> None:
    body = get(sample_server, "/").text
    assert '/static/vendor/yasgui/yasgui.min.js' in body and 'id="yasgui"' in body
    assert 'data-endpoint="' + sample_server.url + '/sparql"' in body
    config = re.search(r'<script type="application/json" id="yasgui-config">(.*?)</script>',
                       body, re.S)
    assert config and '"stances-toward"' in config.group(1)
    assert '"kg": "https://w3id.org/geokg/ontology#"' in config.group(1)
    assert 'option value="stances-by-holder"' in body
    assert '<form id="plain-query" method="post"' in body  # readable without JavaScript


def test_saved_query_page_has_suggestions_downloads_and_link(sample_server: LiveServer) -> None:
    body = get(sample_server, "/queries/stances-by-holder?holder=china").text
    assert 'list="entity-list"' in body and '<datalist id="entity-list">' in body
    assert '<option value="china">' in body
    assert 'href="/queries/stances-by-holder.csv?holder=china"' in body
    assert 'href="/queries/stances-by-holder.json?holder=china"' in body
    assert 'id="share-link" class="share" readonly value="' + sample_server.url in body
    assert re.search(r'<table id="results">.*<tbody><tr>', body, re.S)


def test_saved_query_enumerations_are_drop_downs(sample_server: LiveServer) -> None:
    body = get(sample_server, "/queries/events-in-range").text
    # A required parameter with a default: no '(any)' entry, the default preselected.
    assert re.search(r'<select id="p-type" name="type"><option selected>kg:Event</option>'
                     r'<option\s*>kg:Summit</option>', body)
    body = get(sample_server, "/queries/partners-by-domain").text
    assert re.search(r'<select id="p-domain" name="domain"><option value="">\(any\)</option>'
                     r'<option\s*>kgc:military</option>', body)


# --- network and timeline data ------------------------------------------------------------

def test_network_json_has_actor_nodes_and_typed_edges(sample_server: LiveServer) -> None:
    data = get(sample_server, "/network.json", {}).json()
    ids = {n["id"] for n in data["nodes"]}
    assert "https://w3id.org/geokg/entity/nato" in ids
    kinds = {e["kind"] for e in data["edges"]}
    assert {"stance", "membership"} <= kinds
    for edge in data["edges"]:
        assert edge["source"] in ids and edge["target"] in ids and edge["count"] >= 1
        assert (edge["polarity"] is not None) == (edge["kind"] == "stance")
        assert edge["count"] == len(edge["facts"]) and edge["color"].startswith("#")
    assert all(n["href"].startswith("/entity/") and n["color"] for n in data["nodes"])


def test_network_filters(sample_server: LiveServer) -> None:
    full = get(sample_server, "/network.json", {}).json()
    nato = get(sample_server, "/network.json?actor=nato", {}).json()
    assert 0 < len(nato["edges"]) < len(full["edges"])
    assert all("entity/nato" in e["source"] + e["target"] for e in nato["edges"])
    none = get(sample_server, "/network.json?from=2100", {}).json()
    assert none["edges"] == [] and none["filters"] == {"from": "2100"}
    one = get(sample_server, "/network.json?article=vilnius-summit-2023", {}).json()
    assert 0 < len(one["edges"]) < len(full["edges"])


@pytest.mark.parametrize(("query", "status"), [
    ("from=2024-1", 400), ("to=yesterday", 400), ("actor=../etc", 404), ("article=a/b", 404),
])
def test_network_bad_filters_are_client_errors(sample_server: LiveServer, query: str,
                                               status: int) -> None:
    r = get(sample_server, "/network.json?" + query, {})
    assert r.status_code == status and r.json()["status"] == status


def test_timeline_json_is_dated_and_ordered(sample_server: LiveServer) -> None:
    data = get(sample_server, "/timeline.json?actor=nato", {}).json()
    dates = [it["date"] for it in data["items"]]
    assert dates and dates == sorted(dates)
    assert all(re.match(r"^\d{4}-\d{2}-\d{2}$", d) for d in dates)
    assert {"stance", "event"} & {it["group"] for it in data["items"]}
    pair = get(sample_server, "/timeline.json?actor=nato&other=china", {}).json()
    assert len(pair["items"]) <= len(data["items"])
    for it in pair["items"]:
        if it["cls"] == "Stance":
            assert {it["holder"], it["target"]} == {"https://w3id.org/geokg/entity/nato",
                                                    "https://w3id.org/geokg/entity/china"}
    assert get(sample_server, "/timeline.json", {}).json()["items"] == []


def test_timeline_page_lists_items_without_javascript(sample_server: LiveServer) -> None:
    body = get(sample_server, "/timeline?actor=nato").text
    assert re.search(r'<tr id="item-0" class="g-(stance|event)">\s*<td>\d{4}-\d{2}-\d{2}', body)


# --- entity and article pages -------------------------------------------------------------

def test_entity_page_marks_evidence_in_source_sentences(sample_server: LiveServer) -> None:
    body = get(sample_server, "/entity/nato").text
    assert '<mark class="evidence">' in body
    assert 'href="/network?actor=nato"' in body and 'href="/timeline?actor=nato"' in body


def test_article_page_highlights_mentions_and_links_evidence(sample_server: LiveServer) -> None:
    body = get(sample_server, "/article/vilnius-summit-2023").text
    assert re.search(r'<mark class="ent" data-cls="\w+"', body)
    targets = set(re.findall(r'<span id="t(\d+)" data-b="\d+" data-e="\d+">', body))
    links = set(re.findall(r'<a class="evlink" href="#t(\d+)"', body))
    assert links and links <= targets


def test_a_former_post_reads_former_on_the_persons_page(tmp_path: Path) -> None:
    trig = tmp_path / "roles.trig"
    trig.write_text("""
    @prefix kg: <https://w3id.org/geokg/ontology#> .
    @prefix entity: <https://w3id.org/geokg/entity/> .
    @prefix article: <https://w3id.org/geokg/article/> .
    @prefix fact: <https://w3id.org/geokg/fact/> .
    @prefix graph: <https://w3id.org/geokg/graph/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    graph:article\\/a {
      fact:r1 a kg:Role ; kg:inArticle article:a ; kg:heldBy entity:tom-reed ;
              kg:roleName "Prime Minister" ; kg:formerPost true ; kg:evidence fact:r1-ev .
      fact:r1-ev a kg:Evidence ; kg:inArticle article:a ;
              kg:sentenceText "Tom Reed, a former prime minister, spoke." .
      fact:r2 a kg:Role ; kg:inArticle article:a ; kg:heldBy entity:tom-reed ;
              kg:roleName "Ambassador" ; kg:evidence fact:r2-ev .
      fact:r2-ev a kg:Evidence ; kg:inArticle article:a ;
              kg:sentenceText "Tom Reed, now an ambassador, spoke." .
    }
    graph:entities { entity:tom-reed a kg:Person ; rdfs:label "Tom Reed" . }
    """, encoding="utf-8")
    app = create_app(Settings(store=load_into_store(tmp_path / "store", [trig]),
                              queries=ROOT / "queries"))
    try:
        html = app.test_client().get("/entity/tom-reed", headers=HTML).get_data(as_text=True)
    finally:
        app.extensions["kg_executor"].close()
    assert re.search(r"former</span>\s*Prime Minister", html), html
    assert "Ambassador" in html and not re.search(r"former</span>\s*Ambassador", html)
