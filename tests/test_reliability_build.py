"""Build faults: messy files among good ones, and a server answering while a build runs.

Why here and not in ``tests/test_build.py``/``tests/test_crash.py``: those check each fault
alone (one bad file, one kill point, fake extractor); these put many faults into one unattended
run, the way a real corpus folder looks, and check the whole outcome: every bad file reported
with its reason, every good one built, the store equal to a clean build of the good files, and
a server that keeps answering while it happens. Kill-at-every-point figures come from
``tests/test_crash.py`` itself (the report counts its cases).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from test_build import TEXTS, build, dump_lines, make_settings, no_reference, write_corpus
from test_crash import DRIVER

from kg import vocab
from kg.build import run_build
from kg.config import Settings
from kg.errors import CorpusError
from tests.conftest import ROOT, LiveServer, start_server, stop_server
from tests.reliability.figures import Tally, record

CATEGORY = "build faults"

#: name -> (bytes, the reason the build must give). Sizes are kept small except "huge-*".
BAD: dict[str, tuple[bytes, str]] = {
    "binary-nul.txt": (b"\x00\x01\x02\x03 NATO met China" * 40, "binary file"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
                  "binary file"),
    "utf16.txt": ("NATO criticised China.".encode("utf-16"), "binary file"),
    "control-chars.txt": (bytes(range(1, 9)) * 200 + b"NATO met China.", "binary file"),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \n\t\r\n   \n", "empty file"),
    "bom-only.txt": (b"\xef\xbb\xbf", "empty file"),
    "latin1.txt": ("Caf\u00e9 diplomacy: NATO met China.".encode("latin-1"),
                   "not valid UTF-8"),
    "truncated-utf8.txt": ("NATO met China \u20ac".encode()[:-1], "not valid UTF-8"),
    "lone-continuation.txt": (b"NATO \x80\x80 China", "not valid UTF-8"),
    "surrogate.txt": (b"NATO \xed\xa0\x80 China", "not valid UTF-8"),
    "huge-bytes.txt": (b"NATO met China. " * 140_000, "byte limit"),
    "huge-chars.md": (b"Japan joined the Quad. " * 46_000, "parser's limit"),
}
#: Articles with a sidecar that is not usable (the text itself is fine): sidecar, reason, and
#: the file the error names (the sidecar when it cannot be read, else the article).
BAD_SIDECARS: dict[str, tuple[str, str, str]] = {
    "sidecar-not-json": ("{title: 'x'", "not valid JSON", ".meta.json"),
    "sidecar-array": ("[1, 2, 3]", "must be a JSON object", ".meta.json"),
    "sidecar-bad-date": (json.dumps({"published": "2023-13-45"}), "sidecar 'published'",
                         ".txt"),
    "sidecar-latin1": ('{"title": "Caf\u00e9"}', "not valid JSON", ".meta.json"),
}
#: Odd but valid texts: they must be built like any other.
ODD: dict[str, bytes] = {
    "bom.txt": b"\xef\xbb\xbfFinland joined NATO in 2023.",
    "crlf.txt": b"Sweden joined NATO.\r\nJapan is a partner of Australia.\r\n",
    "nbsp-zwj.txt": "NATO\u00a0met\u200dChina.\u2028Japan criticised China.".encode(),
    "rtl-mixed.txt": "\u0627\u0644\u0646\u0627\u062a\u0648 NATO criticised Russia. "
                     "\u05e9\u05dc\u05d5\u05dd.".encode(),
    "emoji.txt": "\U0001f1fa\U0001f1e6 Ukraine is a partner of the European Union. "
                 "\U0001f600".encode(),
    "one-long-line.txt": ("China criticised NATO " + "x" * 20_000 + ".").encode(),
    "notes.md": b"# Heading\n\n* Japan criticised China.\n",
    "few-controls.txt": b"NATO met China.\x0b\x0c Russia criticised Ukraine.\x1b",
}


def messy_corpus(folder: Path) -> Path:
    """The good TEXTS, the odd-but-valid files and every kind of bad file, side by side."""
    write_corpus(folder, TEXTS)
    for name, data in {**{k: v[0] for k, v in BAD.items()}, **ODD}.items():
        (folder / name).write_bytes(data)
    for stem, (sidecar, _, _) in BAD_SIDECARS.items():
        (folder / f"{stem}.txt").write_text("NATO met China.", encoding="utf-8")
        (folder / f"{stem}.meta.json").write_bytes(sidecar.encode("latin-1"))
    (folder / "dup one.txt").write_text("Japan criticised China.", encoding="utf-8")
    (folder / "dup-one.txt").write_text("China criticised Japan.", encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")  # not a regular file: must be skipped, not read forever
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    return folder


def expected_failures() -> dict[str, str]:
    out = {name: reason for name, (_, reason) in BAD.items()}
    out |= {stem + named: reason for stem, (_, reason, named) in BAD_SIDECARS.items()}
    out["dup-one.txt"] = "same article id"
    return out


def test_bad_files_among_good_ones_are_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    """One build over every kind of bad file: each reported with its reason, nothing else lost,
    and the store equals a clean build of the good files alone; a second build changes nothing.
    """
    corpus = messy_corpus(tmp_path / "corpus")
    settings = make_settings(tmp_path)
    summary = build(settings, [corpus])
    failed = {Path(e.path).name: e.reason for e in summary.failed}
    expected = expected_failures()
    assert set(failed) == set(expected), failed
    for name, reason in expected.items():
        assert reason in failed[name], (name, failed[name])
    good = {Path(n).stem for n in [*TEXTS, *ODD]} | {"dup-one"}
    assert set(summary.added) == {a.replace(" ", "-") for a in good}
    assert summary.exit_code == CorpusError.exit_code
    rendered = summary.render()
    assert all(f"{name}: " in rendered for name in expected)

    again = build(settings, [corpus])
    assert not again.new_version and len(again.failed) == len(summary.failed)

    for name in BAD:
        (corpus / name).unlink()
    for stem in BAD_SIDECARS:
        (corpus / f"{stem}.meta.json").unlink()
        (corpus / f"{stem}.txt").unlink()
    clean = make_settings(tmp_path, store="clean")
    build(clean, [corpus])
    assert dump_lines(settings.store) == dump_lines(clean.store)

    tally = Tally(CATEGORY, "bad files among good ones in one build (fake extractor)")
    for reason in expected.values():
        tally.add(f"reported: {reason}")
    for _ in [*TEXTS, *ODD, "dup one"]:
        tally.add("built")
    tally.add("fifo/dangling symlink skipped")
    tally.add("fifo/dangling symlink skipped")
    tally.record(store_equals_clean_build_of_good_files=True)


@pytest.mark.model
@pytest.mark.slow
def test_kg_build_with_the_real_extractor_survives_the_messy_folder(tmp_path: Path) -> None:
    """``kg build`` (spaCy) over the same folder plus a seed: exit 3, one line per bad file,
    no traceback, and every good and odd article in the store."""
    spacy = pytest.importorskip("spacy")
    if not spacy.util.is_package(Settings().model):
        pytest.skip(f"model {Settings().model} is not installed")
    corpus = messy_corpus(tmp_path / "corpus")
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    (corpus / "seed.txt").write_bytes(seed.read_bytes())
    store = tmp_path / "store"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--store",
                           str(store), "--jobs", "1"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    out = proc.stdout + proc.stderr
    assert proc.returncode == CorpusError.exit_code, out
    assert "Traceback" not in out, out
    for name in expected_failures():
        assert f"{name}: " in out, (name, out)
    from kg import store as kgstore

    graphs = {g.value for g in kgstore.open_store(store).named_graphs()}
    for stem in [*(Path(n).stem for n in [*TEXTS, *ODD]), "seed"]:
        assert vocab.article_graph(stem.replace(" ", "-")) in graphs, stem
    record(CATEGORY, "bad files among good ones, `kg build` with the spaCy model",
           len(expected_failures()) + len(TEXTS) + len(ODD) + 1,
           {"reported with reason": len(expected_failures()),
            "built": len(TEXTS) + len(ODD) + 1, "tracebacks": 0})


# --- a server answering while a build runs ---------------------------------------------------

ARTICLE_GRAPHS = (
    "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
    f"FILTER(STRSTARTS(STR(?g), \"{vocab.article_graph('')}\")) }}"
)


@pytest.fixture
def building(tmp_path: Path) -> Iterator[tuple[LiveServer, Path, Path]]:
    """A v1 store (3 articles) served by ``kg serve``, and a v2 corpus of 23 articles."""
    corpus = write_corpus(tmp_path / "corpus", TEXTS)
    settings = make_settings(tmp_path)
    build(settings, [corpus])
    for i in range(20):
        (corpus / f"extra{i}.txt").write_text(f"Sweden is a partner of Japan. Item {i}.")
    server = start_server(settings.store, tmp_path / "server.log", timeout=5, workers=2)
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(tests=str(ROOT / "tests"), root=str(ROOT),
                                    store=str(settings.store), onto=str(settings.ontology_dir),
                                    corpus=str(corpus)))
    yield server, driver, settings.store
    stop_server(server)


def _count(server: LiveServer) -> int:
    r = requests.get(server.sparql, params={"query": ARTICLE_GRAPHS}, timeout=30,
                     headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.e2e
@pytest.mark.slow
def test_server_keeps_answering_during_a_build_and_sees_the_new_version_after(
        building: tuple[LiveServer, Path, Path]) -> None:
    """Queries during ``run_build`` in another process: all 200, old data until the version
    switch, new data from the first query after it; never a mix of the two."""
    server, driver, _ = building
    assert _count(server) == 3
    seen: list[int] = []
    errors: list[str] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            try:
                seen.append(_count(server))
            except (AssertionError, requests.RequestException) as exc:
                errors.append(str(exc))
            time.sleep(0.01)

    thread = threading.Thread(target=poll)
    thread.start()
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, str(driver)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "KG_TEST_SLOW": "0.15"})
    build_seconds = time.monotonic() - t0
    after = _count(server)  # the first query after the build finished
    stop.set()
    thread.join()
    assert proc.returncode == 0, proc.stderr
    assert errors == []
    assert after == 23
    assert set(seen) <= {3, 23}, Counter(seen)
    first_new = seen.index(23) if 23 in seen else len(seen)
    assert all(n == 3 for n in seen[:first_new]) and all(n == 23 for n in seen[first_new:])
    assert seen.count(3) > 10  # the build really overlapped with the queries
    record(CATEGORY, "queries answered while a build ran in another process", len(seen),
           {"200 with the old version": seen.count(3),
            "200 with the new version": seen.count(23), "errors": len(errors),
            "mixed old/new answers": 0},
           build_seconds=round(build_seconds, 1))


# --- kill -9 with the real extractor (tests/test_crash.py uses a fake one) -------------------

REAL_DRIVER = """
import os, signal, sys
sys.path[:0] = [{tests!r}, {root!r}]
import test_build
import kg.build
from kg.build import run_build
from kg.config import Settings

point = os.environ["KG_FAULT_POINT"]

def hook(name):
    if name == point:
        os.kill(os.getpid(), signal.SIGKILL)

kg.build.FAULT_HOOK = hook
settings = Settings(store={store!r}, ontology_dir={onto!r}, jobs=1)
run_build(settings, [{corpus!r}], prune=True, progress=False,
          reference=test_build.no_reference)
"""
REAL_POINTS = ["article:0", "entities", "flushed"]
REAL_TEXTS = {
    "alpha": "Finland joined NATO in April 2023. China criticised NATO over its Asia plans.",
    "beta": "Japan is a partner of Australia. Jens Stoltenberg said NATO must stay united.",
}


@pytest.fixture(scope="module")
def real_scenario(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A v1 store built with spaCy, the v2 corpus, and the dumps of clean v1 and v2 builds."""
    spacy = pytest.importorskip("spacy")
    if not spacy.util.is_package(Settings().model):
        pytest.skip(f"model {Settings().model} is not installed")
    from kg.extraction import EXTRACTOR_VERSION
    from kg.extraction.extract import extract_articles
    from kg.extraction.pipeline import load_pipeline

    nlp = load_pipeline(Settings().model)

    def extract(articles: list, **kw: object) -> object:
        # The same extractor `kg build` runs, with the model loaded once for the module.
        return extract_articles(articles, nlp=nlp, batch_size=16)

    extract.version = EXTRACTOR_VERSION  # type: ignore[attr-defined]
    tmp = tmp_path_factory.mktemp("real-kill")
    corpus = write_corpus(tmp / "corpus", REAL_TEXTS)
    template = make_settings(tmp, store="template")
    run_build(template, [str(corpus)], progress=False, reference=no_reference, extract=extract)
    v1 = dump_lines(template.store)
    (corpus / "alpha.txt").write_text("Sweden joined NATO in 2024. Russia criticised Sweden.")
    (corpus / "gamma.txt").write_text("India is a partner of Japan. China criticised the Quad.")
    clean = make_settings(tmp, store="clean")
    run_build(clean, [str(corpus)], prune=True, progress=False, reference=no_reference,
              extract=extract)
    return {"tmp": tmp, "corpus": corpus, "template": template, "v1": v1,
            "v2": dump_lines(clean.store), "extract": extract}


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("point", REAL_POINTS)
def test_kill_with_the_real_extractor_then_rebuild_equals_a_clean_build(
        real_scenario: dict[str, object], point: str) -> None:
    """SIGKILL a spaCy build at a fault point: the store is still v1; the rebuild equals v2."""
    tmp = Path(str(real_scenario["tmp"]))
    template = real_scenario["template"]
    assert isinstance(template, Settings)
    settings = make_settings(tmp, store="at-" + point.replace(":", "-"))
    shutil.copytree(template.store, settings.store)
    driver = tmp / f"driver-{settings.store.name}.py"
    driver.write_text(REAL_DRIVER.format(tests=str(ROOT / "tests"), root=str(ROOT),
                                         store=str(settings.store),
                                         onto=str(settings.ontology_dir),
                                         corpus=str(real_scenario["corpus"])))
    proc = subprocess.run([sys.executable, str(driver)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "KG_FAULT_POINT": point})
    assert proc.returncode == -9, proc.stderr[-2000:]
    assert dump_lines(settings.store) == real_scenario["v1"]
    summary = run_build(settings, [str(real_scenario["corpus"])], prune=True, progress=False,
                        reference=no_reference, extract=real_scenario["extract"])  # type: ignore[arg-type]
    assert summary.ok
    assert dump_lines(settings.store) == real_scenario["v2"]
    record("build kills", "SIGKILL of a `kg build` with the spaCy model, then a rebuild", 1,
           {"store was v1 exactly; rebuild equals a clean build": 1}, points=point)
