"""Shared fixtures: sample stores and a real ``kg serve`` process on a free loopback port.

Why a real process (Datasette's ``ds_localhost_http_server``): the Protocol, the worker pool and
its time limit only exist in the served app, so end-to-end tests talk HTTP to
``python -m kg.cli serve`` and kill it at the end of the session.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE_TRIG = DATA / "server_sample.trig"
UPDATE_TOKEN = "test-update-token"


def built_sample_store() -> object:
    """The sample dataset in memory as a build leaves it: ontology beside the articles, the
    derived graph (shortcuts, stance profiles) and VoID (class partitions per graph) made."""
    import pyoxigraph as ox

    from kg.build import ontology_quads
    from kg.config import Settings
    from kg.derive import materialise
    from kg.void import write_void

    store = ox.Store()
    store.load(path=str(SAMPLE_TRIG), format=ox.RdfFormat.TRIG)
    store.extend(ontology_quads(Settings())[0])
    materialise(store)
    write_void(store)
    return store


def load_into_store(store: Path, files: list[Path]) -> Path:
    """Load dump files into a store directory through ``kg.store.load_files``."""
    from kg.config import Settings
    from kg.store import load_files

    load_files(Settings(store=store), files)
    return store


def free_port() -> int:
    """A port that was free a moment ago on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    """A running ``kg serve`` process."""

    url: str
    process: subprocess.Popen
    log: Path

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def read_log(self) -> str:
        return self.log.read_text(errors="replace")


def start_server(store: Path, log: Path, *, timeout: float = 5.0, max_rows: int = 1000,
                 workers: int = 2, env: dict[str, str] | None = None) -> LiveServer:
    """Start ``python -m kg.cli serve`` and wait until ``/health`` answers 200."""
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--host",
           "127.0.0.1", "--port", str(port), "--timeout", str(timeout), "--max-rows",
           str(max_rows), "--workers", str(workers)]
    full_env = {**os.environ, **(env or {})}
    handle = log.open("wb")
    process = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=handle,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kg serve exited with {process.returncode}:\n"
                               + log.read_text(errors="replace"))
        try:
            if requests.get(url + "/health", timeout=5).status_code == 200:
                return LiveServer(url, process, log)
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("kg serve did not become healthy:\n" + log.read_text(errors="replace"))


def stop_server(server: LiveServer) -> None:
    """Terminate the server (it stops its workers), killing it if it lingers."""
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding ``tests/data/server_sample.trig``."""
    return load_into_store(tmp_path_factory.mktemp("sample") / "store", [SAMPLE_TRIG])


@pytest.fixture(scope="session")
def sample_server(sample_store: Path, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[LiveServer]:
    """``kg serve`` over the sample store: 2 s time limit, 200-row cap, 2 workers, a token."""
    log = tmp_path_factory.mktemp("logs") / "sample-server.log"
    server = start_server(sample_store, log, timeout=2.0, max_rows=200, workers=2,
                          env={"KG_UPDATE_TOKEN": UPDATE_TOKEN,
                               "KG_QUERIES": str(ROOT / "queries")})
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from ``seeds/`` by the real ``kg build`` (spaCy model; ~15 s, once)."""
    store = tmp_path_factory.mktemp("seed") / "store"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--store", str(store),
                           str(ROOT / "seeds")], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"kg build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return store


@pytest.fixture(scope="session")
def seed_server(seed_store: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[LiveServer]:
    """``kg serve`` over the seed store, with the checkout's saved queries."""
    log = tmp_path_factory.mktemp("logs") / "seed-server.log"
    server = start_server(seed_store, log, timeout=20.0, workers=2,
                          env={"KG_QUERIES": str(ROOT / "queries")})
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def writer_graph() -> object:
    """What ``kg/rdf.py`` writes for a tiny extraction (a stance, a partnership and a role),
    article, entity and meta graphs merged into one rdflib ``Graph``.

    Why one fixture: the SHACL test and the OWL API/HermiT test both check that the writer's
    real output agrees with the ontology, so they check the same output.
    """
    from rdflib import Graph

    from kg import rdf
    from kg.corpus import article_from_text
    from kg.facts import (
        ArticleExtraction,
        Entity,
        EntityClass,
        Evidence,
        FuzzyDate,
        Mention,
        PartnershipDomain,
        PartnershipFact,
        Polarity,
        RoleFact,
        StanceFact,
        StanceKind,
    )

    text = (
        "China criticised NATO. Japan and NATO deepened cyber cooperation. "
        "Jens Stoltenberg is NATO Secretary General."
    )
    bounds = [(0, 22), (23, 65), (66, len(text))]
    article = article_from_text("t1", text, "2024-07")

    def ev(start: int, end: int, sentence: int) -> Evidence:
        s0, s1 = bounds[sentence]
        return Evidence(
            "t1", sentence, s0, s1, text[s0:s1], start, end, text[start:end], 0.8, "t.v1"
        )

    entities = (
        Entity("china", "China", EntityClass.STATE, "Q148", ("PRC",)),
        Entity("nato", "NATO", EntityClass.ALLIANCE, "Q7184"),
        Entity("japan", "Japan", EntityClass.STATE, "Q17"),
        Entity("stoltenberg", "Jens Stoltenberg", EntityClass.PERSON),
    )
    extraction = ArticleExtraction(
        "t1",
        "test 0",
        entities,
        (Mention("china", 0, 5, "China", 0),),
        (
            StanceFact(
                "china", "nato", Polarity.NEGATIVE, StanceKind.CRITICIZE, ev(0, 21, 0),
                date=FuzzyDate("2024-07-10"),
            ),
            PartnershipFact(("japan", "nato"), ev(23, 65, 1), (PartnershipDomain.CYBER,)),
            RoleFact("stoltenberg", "Secretary General", ev(66, len(text) - 1, 2), of="nato"),
            RoleFact("stoltenberg", "Prime Minister", ev(66, len(text) - 1, 2), former=True),
        ),
    )
    quads = [
        *rdf.article_quads(article, extraction),
        *rdf.entity_quads(entities),
        *rdf.meta_quads(article, extraction),
    ]
    nt = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
    return Graph().parse(data=nt, format="nt")
