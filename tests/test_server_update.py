"""SPARQL Update with the operator's token: applied as a new store version, seen by queries.

A server of its own (its store is changed); ``tests/test_server_protocol.py`` checks that
updates without the right token are refused and change nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import SAMPLE_TRIG, LiveServer, load_into_store, start_server, stop_server

pytestmark = pytest.mark.e2e

TOKEN = "another-token"
ASK = "ASK { <urn:test:s> <urn:test:p> 'added' }"


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("update")
    store = load_into_store(tmp / "store", [SAMPLE_TRIG])
    server = start_server(store, tmp / "server.log", timeout=5, workers=1,
                          env={"KG_UPDATE_TOKEN": TOKEN})
    yield server
    stop_server(server)


def ask(server: LiveServer) -> bool:
    r = requests.get(server.sparql, params={"query": ASK}, timeout=30)
    return bool(r.json()["boolean"])


def version(server: LiveServer) -> str:
    return requests.get(server.url + "/health", timeout=30).json()["store_version"]


def test_update_with_token_creates_a_new_version(writable: LiveServer) -> None:
    before = version(writable)
    assert not ask(writable)
    r = requests.post(writable.sparql, timeout=60,
                      data="INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> "
                           "'added' } }",
                      headers={"Content-Type": "application/sparql-update",
                               "Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert version(writable) != before
    assert ask(writable)
    sd = requests.get(writable.sparql, headers={"Accept": "text/turtle"}, timeout=30).text
    assert "SPARQL11Update" in sd and "urn:test:g" in sd


def test_bad_update_syntax_is_400_and_changes_nothing(writable: LiveServer) -> None:
    before = version(writable)
    r = requests.post(writable.sparql, data={"update": "CLEAR XYZ"}, timeout=60,
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 400 and "syntax" in r.text
    assert version(writable) == before


def test_wrong_token_changes_nothing(writable: LiveServer, tmp_path: Path) -> None:
    before = version(writable)
    r = requests.post(writable.sparql, data={"update": "DROP ALL"}, timeout=60,
                      headers={"Authorization": "Bearer nope"})
    assert r.status_code == 403
    assert version(writable) == before and ask(writable)
