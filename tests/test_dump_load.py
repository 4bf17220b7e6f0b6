"""Dump and load: sorted, complete, round trips, graph-only exports, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from pyoxigraph import RdfFormat, parse
from test_build import TEXTS, build, make_settings, write_corpus

from kg import store as kgstore
from kg import vocab
from kg.cli import main
from kg.config import Settings
from kg.errors import StoreUnavailable, UsageError


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    tmp = tmp_path_factory.mktemp("dump")
    write_corpus(tmp / "corpus", TEXTS)
    settings = make_settings(tmp)
    build(settings)
    return settings


def test_nquads_dump_is_sorted_and_complete(built: Settings, tmp_path: Path) -> None:
    out = tmp_path / "all.nq"
    n = kgstore.dump_store(built, out, "nquads")
    lines = out.read_text("utf-8").splitlines()
    assert n == len(lines) == len(kgstore.open_store(built.store))
    assert lines == sorted(lines) == kgstore.nquads_lines(kgstore.open_store(built.store))


@pytest.mark.parametrize(("fmt", "suffix"), [("nquads", "nq"), ("trig", "trig")])
def test_dump_load_dump_round_trip(
    built: Settings, tmp_path: Path, fmt: str, suffix: str
) -> None:
    first = tmp_path / f"first.{suffix}"
    kgstore.dump_store(built, first, fmt)
    fresh = built.with_(store=tmp_path / "fresh")
    assert kgstore.load_files(fresh, [first]) == len(kgstore.open_store(built.store))
    second = tmp_path / f"second.{suffix}"
    kgstore.dump_store(fresh, second, fmt)
    assert second.read_bytes() == first.read_bytes()
    assert kgstore.nquads_lines(kgstore.open_store(fresh.store)) == kgstore.nquads_lines(
        kgstore.open_store(built.store)
    )


def test_load_into_an_existing_store_is_a_new_version(built: Settings, tmp_path: Path) -> None:
    target = built.with_(store=tmp_path / "target")
    extra = tmp_path / "extra.nq"
    extra.write_text(
        f'<{vocab.ENTITY.x}> <{vocab.RDFS.label}> "x" <{vocab.REFERENCE_GRAPH}> .\n', "utf-8"
    )
    kgstore.load_files(target, [extra])
    before = kgstore.current_version(target.store)
    dump = tmp_path / "all.nq"
    kgstore.dump_store(built, dump, "nquads")
    kgstore.load_files(target, [dump])
    assert kgstore.current_version(target.store) != before
    lines = kgstore.nquads_lines(kgstore.open_store(target.store))
    assert any(str(vocab.ENTITY.x) in line for line in lines)
    assert any(vocab.article_graph("alpha") in line for line in lines)


@pytest.mark.parametrize(
    ("fmt", "suffix", "rdflib_format"),
    [("turtle", "ttl", "turtle"), ("ntriples", "nt", "nt"), ("xml", "rdf", "xml"),
     ("json-ld", "jsonld", "json-ld")],
)
def test_one_graph_in_graph_formats(
    built: Settings, tmp_path: Path, fmt: str, suffix: str, rdflib_format: str
) -> None:
    out = tmp_path / f"entities.{suffix}"
    n = kgstore.dump_store(built, out, fmt, str(vocab.ENTITY_GRAPH))
    g = rdflib.Graph().parse(out, format=rdflib_format)
    assert n == len(g) > 0
    assert (rdflib.URIRef(vocab.ENTITY.nato), vocab.RDF.type, vocab.KG.Alliance) in g


def test_union_export_for_protege_excludes_meta_and_has_no_duplicates(
    built: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "kg.rdf"
    n = kgstore.dump_store(built, out, "xml")
    g = rdflib.Graph().parse(out, format="xml")
    assert len(g) == n
    store = kgstore.open_store(built.store)
    meta = str(vocab.META_GRAPH)
    distinct = {q.triple for q in store if q.graph_name.value != meta}
    assert n == len(distinct)
    assert not list(g.triples((None, vocab.KG.entityRecords, None)))
    assert not list(g.triples((None, vocab.RDF.type, vocab.VOID.Dataset)))
    assert (None, vocab.RDFS.subClassOf, vocab.KG.Actor) in g  # ontology included
    assert (rdflib.URIRef(vocab.ENTITY.nato), vocab.RDF.type, vocab.KG.Alliance) in g
    ttl = tmp_path / "kg.ttl"
    assert kgstore.dump_store(built, ttl, "turtle") == n


def test_graph_dump_in_a_dataset_format_keeps_the_graph_name(
    built: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "alpha.nq"
    kgstore.dump_store(built, out, "nquads", vocab.article_graph("alpha"))
    quads = list(parse(path=str(out), format=RdfFormat.N_QUADS))
    assert quads and {q.graph_name.value for q in quads} == {vocab.article_graph("alpha")}


def test_errors(built: Settings, tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable):
        kgstore.dump_store(built.with_(store=tmp_path / "none"), tmp_path / "x.nq")
    with pytest.raises(UsageError, match="no graph"):
        kgstore.dump_store(built, tmp_path / "x.ttl", "turtle", "urn:nope")
    with pytest.raises(UsageError, match="unknown format"):
        kgstore.dump_store(built, tmp_path / "x.ttl", "n3")
    bad = tmp_path / "bad.nq"
    bad.write_text("<a> <b> .\n", "utf-8")
    target = built.with_(store=tmp_path / "t")
    with pytest.raises(UsageError, match=r"bad\.nq"):
        kgstore.load_files(target, [bad])
    assert kgstore.current_version(target.store) is None


def test_cli_dump_and_load(built: Settings, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli.nq"
    res = runner.invoke(main, ["dump", "--store", str(built.store), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "wrote" in res.output and out.stat().st_size > 0
    res = runner.invoke(main, ["load", "--store", str(tmp_path / "new"), str(out)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["dump", "--store", str(tmp_path / "missing"), "-o", str(out)])
    assert res.exit_code == StoreUnavailable.exit_code
    assert res.output.strip().startswith("error: no store at")
    assert len(res.output.strip().splitlines()) == 1
