"""Build: incremental, idempotent, bad input reported, entity graph consistent, summary.

Most tests use :func:`fake_extract`, a small deterministic extractor (regex over a handful of
registry names) so they run without spaCy; one ``model`` test runs the real extractor over
``seeds/``. Other test modules import the helpers defined here.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg import store as kgstore
from kg import vocab
from kg.build import BuildSummary, run_build
from kg.config import PROJECT_ROOT, Settings
from kg.corpus import Article
from kg.errors import CorpusError, StoreUnavailable
from kg.facts import (
    ArticleExtraction,
    Entity,
    EntityClass,
    Evidence,
    MembershipFact,
    Mention,
    PartnershipFact,
    Polarity,
    RoleFact,
    StanceFact,
    StanceKind,
)

# --- a fake extractor -------------------------------------------------------------------------

REGISTRY: dict[str, tuple[str, EntityClass]] = {
    "NATO": ("nato", EntityClass.ALLIANCE),
    "China": ("china", EntityClass.STATE),
    "Russia": ("russia", EntityClass.STATE),
    "Ukraine": ("ukraine", EntityClass.STATE),
    "Finland": ("finland", EntityClass.STATE),
    "Sweden": ("sweden", EntityClass.STATE),
    "Japan": ("japan", EntityClass.STATE),
    "Australia": ("australia", EntityClass.STATE),
    "European Union": ("eu", EntityClass.INTERNATIONAL_ORGANIZATION),
    "Jens Stoltenberg": ("jens-stoltenberg", EntityClass.PERSON),
}
_NAMES = re.compile("|".join(re.escape(n) for n in sorted(REGISTRY, key=len, reverse=True)))
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
FAKE_VERSION = "fake-extract.v1"


def _evidence(article: Article, index: int, sent: re.Match, start: int, end: int) -> Evidence:
    return Evidence(
        article_id=article.id, sentence_index=index, sentence_start=sent.start(),
        sentence_end=sent.end(), sentence=sent.group(0), start=start, end=end,
        text=article.text[start:end], confidence=0.9, extractor="fake.v1",
    )


def fake_extract_one(article: Article) -> ArticleExtraction:
    """Entities, mentions and a few facts read with regular expressions (deterministic)."""
    mentions, entities, facts = [], set(), []
    for index, sent in enumerate(_SENTENCE.finditer(article.text)):
        found = []
        for m in _NAMES.finditer(article.text, sent.start(), sent.end()):
            key, cls = REGISTRY[m.group(0)]
            found.append((key, m))
            entities.add(Entity(key=key, label=m.group(0), cls=cls))
            mentions.append(Mention(key, m.start(), m.end(), m.group(0), index))
        keys = list(dict.fromkeys(k for k, _ in found))
        text = sent.group(0)
        if len(keys) < 2:
            continue
        a, b = keys[0], keys[1]
        span = found[0][1].start(), found[1][1].end()
        ev = _evidence(article, index, sent, *span)
        if "joined" in text or "member of" in text:
            facts.append(MembershipFact(member=a, organization=b, evidence=ev))
        if "criticised" in text:
            facts.append(StanceFact(a, b, Polarity.NEGATIVE, StanceKind.CRITICIZE, ev))
        if "partner" in text:
            facts.append(PartnershipFact(parties=tuple(sorted((a, b))), evidence=ev))
        if "Secretary General" in text and REGISTRY_CLS.get(a) == EntityClass.PERSON:
            facts.append(RoleFact(person=a, role="Secretary General", evidence=ev, of=b))
    return ArticleExtraction(
        article_id=article.id,
        extractor_version=FAKE_VERSION,
        entities=tuple(sorted(entities)),
        mentions=tuple(sorted(set(mentions))),
        facts=tuple(sorted(facts, key=lambda f: (type(f).__name__, repr(f)))),
    )


REGISTRY_CLS = {key: cls for key, cls in REGISTRY.values()}


def fake_extract(
    articles: Iterable[Article], n_process: int = 1, batch_size: int = 16, **_: object
) -> Iterator[ArticleExtraction]:
    """Same interface as ``kg.extraction.extract.extract_articles``; results in input order."""
    for article in articles:
        yield fake_extract_one(article)


fake_extract.version = FAKE_VERSION  # type: ignore[attr-defined]


def no_reference(store: Store) -> None:
    """A reference loader that writes nothing (keeps tests independent of kg.reference)."""


# --- helpers shared by the build, crash and dump tests ---------------------------------------

TEXTS = {
    "alpha": "Finland joined NATO in 2023. China criticised NATO over Asia.",
    "beta": "Sweden joined NATO. Japan is a partner of Australia. "
            "Secretary General Jens Stoltenberg leads NATO.",
    "gamma": "Russia criticised Ukraine. Ukraine is a partner of the European Union.",
}

ONTOLOGY_TTL = """\
@prefix kg: <https://w3id.org/geokg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/geokg/ontology> a owl:Ontology .
kg:Actor a owl:Class .
kg:State a owl:Class ; rdfs:subClassOf kg:Actor .
kg:Alliance a owl:Class ; rdfs:subClassOf kg:InternationalOrganization .
kg:InternationalOrganization a owl:Class ; rdfs:subClassOf kg:Actor .
kg:Person a owl:Class ; rdfs:subClassOf kg:Actor ,
    [ a owl:Restriction ; owl:onProperty kg:holds ; owl:allValuesFrom kg:Role ] .
"""


def write_corpus(folder: Path, texts: dict[str, str]) -> Path:
    """Write ``name.txt`` files; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def make_settings(tmp: Path, store: str = "store", ontology: bool = True, **kw: object) -> Settings:
    """Settings for a test store under ``tmp`` (ontology fixture, one job)."""
    onto = tmp / "onto"
    if ontology and not (onto / "kg.ttl").exists():
        onto.mkdir(parents=True, exist_ok=True)
        (onto / "kg.ttl").write_text(ONTOLOGY_TTL, encoding="utf-8")
    return Settings(store=tmp / store, seeds=tmp / "corpus", ontology_dir=onto, jobs=1, **kw)


def build(settings: Settings, paths: list | None = None, **kw: object) -> BuildSummary:
    """``run_build`` with the fake extractor, no progress bar and no reference data."""
    kw.setdefault("reference", no_reference)
    return run_build(
        settings, [str(p) for p in (paths or [settings.seeds])], progress=False,
        extract=fake_extract, **kw,
    )


def dump_lines(store_path: Path) -> list[str]:
    """The live store as sorted N-Quads lines."""
    return kgstore.nquads_lines(kgstore.open_store(store_path))


def graph_lines(store_path: Path, graph: str) -> list[str]:
    """Sorted N-Quads lines of one graph of the live store."""
    store = kgstore.open_store(store_path)
    return sorted(f"{q} ." for q in store.quads_for_pattern(None, None, None, NamedNode(graph)))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", TEXTS)


# --- tests ------------------------------------------------------------------------------------


def test_fake_extractor_evidence_offsets_point_at_the_text() -> None:
    from kg.corpus import article_from_text

    art = article_from_text("x", TEXTS["beta"])
    ex = fake_extract_one(art)
    assert {type(f).__name__ for f in ex.facts} == {"MembershipFact", "PartnershipFact", "RoleFact"}
    for f in ex.facts:
        ev = f.evidence
        assert art.text[ev.start:ev.end] == ev.text
        assert art.text[ev.sentence_start:ev.sentence_end] == ev.sentence
    for m in ex.mentions:
        assert art.text[m.start:m.end] == m.text


def test_first_build_writes_every_graph_and_a_summary(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    summary = build(settings)
    assert summary.ok and summary.exit_code == 0
    assert summary.added == ["alpha", "beta", "gamma"]
    assert summary.new_version and summary.version == kgstore.current_version(settings.store)
    assert summary.facts == {"Membership": 2, "Stance": 2, "Partnership": 2, "Role": 1}
    assert summary.entities == 10
    store = kgstore.open_store(settings.store)
    assert summary.quads == len(store)
    graphs = {g.value for g in store.named_graphs()}
    for name in ("alpha", "beta", "gamma"):
        assert vocab.article_graph(name) in graphs
    for g in (vocab.ONTOLOGY_GRAPH, vocab.ENTITY_GRAPH, vocab.DERIVED_GRAPH, vocab.META_GRAPH):
        assert str(g) in graphs
    writer = Store(str(kgstore.version_dir(settings.store)))  # closed by the build: opens
    del writer
    text = summary.render()
    assert "3 added, 0 updated, 0 unchanged, 0 failed" in text
    assert "Membership 2" in text and "quads:" in text and "time:" in text


def test_second_build_changes_nothing_and_keeps_the_version(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    first = build(settings)
    before = dump_lines(settings.store)
    calls: list[str] = []

    def counting(articles: Iterable[Article], **kw: object) -> Iterator[ArticleExtraction]:
        arts = list(articles)
        calls.extend(a.id for a in arts)
        return fake_extract(arts, **kw)

    counting.version = FAKE_VERSION  # type: ignore[attr-defined]
    second = run_build(settings, [str(corpus)], progress=False, extract=counting,
                       reference=no_reference)
    assert calls == []
    assert second.unchanged == ["alpha", "beta", "gamma"] and not second.added
    assert not second.new_version and second.version == first.version
    assert dump_lines(settings.store) == before
    assert second.quads == first.quads and second.facts == first.facts


def test_build_equals_clean_build_after_edits_additions_and_prune(
    tmp_path: Path, corpus: Path
) -> None:
    settings = make_settings(tmp_path)
    build(settings)
    (corpus / "alpha.txt").write_text("Finland joined NATO. Japan criticised China.", "utf-8")
    (corpus / "gamma.txt").unlink()
    (corpus / "delta.txt").write_text("Australia is a member of NATO.", "utf-8")
    summary = build(settings, prune=True)
    assert summary.updated == ["alpha"] and summary.added == ["delta"]
    assert summary.pruned == ["gamma"] and summary.unchanged == ["beta"]
    clean = make_settings(tmp_path, store="clean")
    build(clean)
    assert dump_lines(settings.store) == dump_lines(clean.store)
    # entities whose only article went away are gone; the old fact of alpha is gone
    ents = "\n".join(graph_lines(settings.store, str(vocab.ENTITY_GRAPH)))
    assert "entity/russia" not in ents and "entity/ukraine" not in ents
    alpha = "\n".join(graph_lines(settings.store, vocab.article_graph("alpha")))
    assert "Asia" not in alpha and "Japan criticised China" in alpha


def test_without_prune_a_vanished_article_stays(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    build(settings)
    (corpus / "gamma.txt").unlink()
    summary = build(settings)
    assert summary.pruned == [] and not summary.new_version
    assert "entity/russia" in "\n".join(graph_lines(settings.store, str(vocab.ENTITY_GRAPH)))


def test_entity_description_does_not_depend_on_build_order(tmp_path: Path) -> None:
    a = write_corpus(tmp_path / "a", {"one": "NATO and China met.", "two": "China and NATO met."})
    s1 = make_settings(tmp_path, store="s1")
    build(s1, [a / "one.txt"])
    build(s1, [a / "one.txt", a / "two.txt"])
    s2 = make_settings(tmp_path, store="s2")
    build(s2, [a / "two.txt"])
    build(s2, [a / "two.txt", a / "one.txt"])
    assert dump_lines(s1.store) == dump_lines(s2.store)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", b"\x00\x01\x02NATO\x00" * 10, "binary file"),
        ("latin1.txt", "Sécurité de l'OTAN".encode("latin-1"), "not valid UTF-8"),
        ("huge.txt", b"NATO met China. " * 200, "over the 1000-byte limit"),
    ],
)
def test_bad_files_are_reported_and_the_rest_is_built(
    tmp_path: Path, corpus: Path, name: str, data: bytes, reason: str
) -> None:
    (corpus / name).write_bytes(data)
    settings = make_settings(tmp_path, max_article_bytes=1000)
    summary = build(settings)
    assert summary.added == ["alpha", "beta", "gamma"]
    assert [Path(e.path).name for e in summary.failed] == [name]
    assert reason in summary.failed[0].reason
    assert not summary.ok and summary.exit_code == CorpusError.exit_code
    assert f"{name}: " in summary.render() and reason in summary.render()


def test_a_bad_file_does_not_drop_the_article_it_replaced(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    build(settings)
    (corpus / "gamma.txt").write_bytes(b"\xff\xfe broken")
    summary = build(settings, prune=True)
    assert summary.pruned == [] and len(summary.failed) == 1
    assert vocab.article_graph("gamma") in {
        g.value for g in kgstore.open_store(settings.store).named_graphs()
    }


@pytest.mark.parametrize("path", ["nope/", "missing.txt", "*.nothing"])
def test_missing_path_is_one_clear_error(tmp_path: Path, path: str) -> None:
    settings = make_settings(tmp_path)
    with pytest.raises(CorpusError, match="no such file, folder or glob"):
        build(settings, [tmp_path / path])
    assert not (tmp_path / "store" / "CURRENT").exists()


def test_files_and_globs_select_articles(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    summary = build(settings, [corpus / "alpha.txt", str(corpus / "g*.txt")])
    assert summary.added == ["alpha", "gamma"]


def test_second_concurrent_build_gets_a_clear_error(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    with kgstore.writer_lock(settings.store), pytest.raises(StoreUnavailable, match="locked"):
        build(settings)


def test_ontology_is_loaded_and_reloaded_when_it_changes(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    first = build(settings)
    onto = graph_lines(settings.store, str(vocab.ONTOLOGY_GRAPH))
    assert any("subClassOf" in line for line in onto)
    assert any(line.startswith("_:") for line in onto)  # the restriction, relabelled stably
    kg_ttl = settings.ontology_dir / "kg.ttl"
    kg_ttl.write_text(ONTOLOGY_TTL + "kg:Region a owl:Class .\n", "utf-8")
    second = build(settings)
    assert second.new_version and second.version != first.version and second.unchanged
    assert any("Region" in line for line in graph_lines(settings.store, str(vocab.ONTOLOGY_GRAPH)))
    clean = make_settings(tmp_path, store="clean")
    build(clean)
    assert dump_lines(settings.store) == dump_lines(clean.store)


def test_derived_graph_holds_shortcuts_and_superclass_types(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    build(settings)
    derived = "\n".join(graph_lines(settings.store, str(vocab.DERIVED_GRAPH)))
    e = vocab.ENTITY
    kg = vocab.KG
    assert f"<{e.finland}> <{kg.memberOf}> <{e.nato}>" in derived
    assert f"<{e.nato}> <{kg.hasMember}> <{e.sweden}>" in derived
    assert f"<{e.japan}> <{kg.partnerOf}> <{e.australia}>" in derived
    assert f"<{e.australia}> <{kg.partnerOf}> <{e.japan}>" in derived
    assert f"<{e['jens-stoltenberg']}> <{kg.holds}>" in derived
    assert f"<{e.china}> <{kg.stanceToward}> <{e.nato}>" in derived
    assert f"<{e.china}> <{kg.hasStance}>" in derived
    assert f"<{e.nato}> <{vocab.RDF.type}> <{kg.Actor}>" in derived  # Alliance < IO < Actor
    assert f"<{e.nato}> <{vocab.RDF.type}> <{kg.InternationalOrganization}>" in derived
    assert "_:" not in derived


def test_reference_memberships_are_derived_and_a_reference_change_rebuilds(
    tmp_path: Path, corpus: Path
) -> None:
    settings = make_settings(tmp_path)
    ref_graph = NamedNode(str(vocab.REFERENCE_GRAPH))
    member = [vocab.ENTITY.japan]

    def reference(store: Store) -> None:
        store.add(Quad(NamedNode(member[0]), NamedNode(vocab.KG.memberOf),
                       NamedNode(vocab.ENTITY.quad), ref_graph))
        store.add(Quad(NamedNode(vocab.ENTITY.quad), NamedNode(vocab.RDFS.label),
                       Literal("Quad", language="en"), ref_graph))

    first = build(settings, reference=reference)
    derived = "\n".join(graph_lines(settings.store, str(vocab.DERIVED_GRAPH)))
    assert f"<{vocab.ENTITY.quad}> <{vocab.KG.hasMember}> <{vocab.ENTITY.japan}>" in derived
    # asserted in the reference graph, so not repeated in the derived graph
    assert f"<{vocab.ENTITY.japan}> <{vocab.KG.memberOf}> <{vocab.ENTITY.quad}>" not in derived
    assert not build(settings, reference=reference).new_version
    member[0] = vocab.ENTITY.australia
    third = build(settings, reference=reference)
    assert third.new_version and third.version != first.version
    ref = "\n".join(graph_lines(settings.store, str(vocab.REFERENCE_GRAPH)))
    assert "australia" in ref and "japan" not in ref


def test_rebuild_from_empty_equals_incremental(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    build(settings)
    before = dump_lines(settings.store)
    summary = build(settings, rebuild=True)
    assert summary.new_version and sorted(summary.added) == ["alpha", "beta", "gamma"]
    assert dump_lines(settings.store) == before


def test_new_extractor_version_re_extracts(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    build(settings)
    summary = build(settings, extractor_version="fake-extract.v2")
    assert summary.updated == ["alpha", "beta", "gamma"]


def test_old_versions_are_removed_but_the_previous_one_is_kept(
    tmp_path: Path, corpus: Path
) -> None:
    settings = make_settings(tmp_path)
    names = []
    for i in range(3):
        (corpus / "alpha.txt").write_text(f"Finland joined NATO. Step {i}.", "utf-8")
        names.append(build(settings).version)
    kept = sorted(p.name for p in (settings.store / "versions").iterdir())
    assert kept == sorted(names[-2:])


def test_void_is_in_the_meta_graph(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    summary = build(settings)
    store = kgstore.open_store(settings.store)
    rows = list(kgstore.run_query(
        store,
        "SELECT ?n WHERE { GRAPH graph:meta { ?d a void:Dataset ; void:triples ?n ; "
        "void:subset ?s } } LIMIT 1",
        prefixes=vocab.PREFIXES,
    ))
    meta = sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(vocab.META_GRAPH)))
    assert int(rows[0]["n"].value) == summary.quads - meta


def test_progress_bar_and_validation_without_shapes(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    summary = run_build(settings, [str(corpus)], progress=True, validate=True,
                        extract=fake_extract, reference=no_reference)
    assert summary.ok
    assert "validation: skipped" in summary.render()


SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/geokg/ontology#> .
kg:StanceShape a sh:NodeShape ; sh:targetClass kg:Stance ;
  sh:property [ sh:path kg:quote ; sh:minCount 1 ; sh:message "a stance needs a quote" ] .
"""


def test_validate_reports_violations_readably(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    (settings.ontology_dir / "shapes.ttl").write_text(SHAPES, "utf-8")
    summary = build(settings, validate=True)
    assert not summary.ok and summary.exit_code == 10
    text = summary.render()
    assert "validation: 2 violations" in text
    assert "kg:quote: a stance needs a quote" in text


@pytest.mark.model
def test_real_extractor_builds_the_seeds(tmp_path: Path) -> None:
    pytest.importorskip("kg.extraction.extract", reason="kg.extraction.extract not importable")
    spacy = pytest.importorskip("spacy")
    settings = Settings(store=tmp_path / "store", jobs=2)
    if not spacy.util.is_package(settings.model):
        pytest.skip(f"model {settings.model} is not installed")
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", seeds)
    summary = run_build(settings, [str(seeds)], progress=False, validate=True)
    assert summary.failed == [] and len(summary.added) == len(list(seeds.glob("*.txt")))
    assert summary.entities > 0 and sum(summary.facts.values()) > 0
    assert summary.validation is not None
    again = run_build(settings, [str(seeds)], progress=False)
    assert not again.new_version and again.unchanged == summary.added


def test_the_new_version_is_closed_when_it_goes_live(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.build

    settings = make_settings(tmp_path)
    opened: list[int] = []

    def hook(name: str) -> None:
        if name == "switched":  # RocksDB refuses this while the build still holds it open
            writer = Store(str(kgstore.version_dir(settings.store)))
            opened.append(len(writer))
            del writer

    monkeypatch.setattr(kg.build, "FAULT_HOOK", hook)
    build(settings)
    assert opened and opened[0] > 0


def test_an_extractor_crash_leaves_the_store_as_it_was(tmp_path: Path, corpus: Path) -> None:
    settings = make_settings(tmp_path)
    first = build(settings)
    before = dump_lines(settings.store)
    (corpus / "alpha.txt").write_text("Finland joined NATO again.", "utf-8")

    def broken(articles: Iterable[Article], **kw: object) -> Iterator[ArticleExtraction]:
        raise RuntimeError("model exploded")
        yield  # pragma: no cover

    with pytest.raises(RuntimeError, match="exploded"):
        run_build(settings, [str(corpus)], progress=False, extract=broken,
                  reference=no_reference)
    assert kgstore.current_version(settings.store) == first.version
    assert dump_lines(settings.store) == before
    assert [p.name for p in (settings.store / "versions").iterdir()] == [first.version]


def test_cli_build_bad_path_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    res = CliRunner().invoke(main, ["build", "--store", str(tmp_path / "s"), str(tmp_path / "x")])
    assert res.exit_code == CorpusError.exit_code
    assert res.output.strip().splitlines() == [
        f"error: {tmp_path / 'x'}: no such file, folder or glob match"
    ]


def test_blank_node_labels_do_not_depend_on_the_parser() -> None:
    """Two parses of the ontology (random blank-node ids each) give the same quads, including
    its RDF lists, whose cells look alike to any hash of a node's own triples."""
    import pyoxigraph as ox

    from kg.build import canonical_blank_nodes

    def parsed() -> list[Quad]:
        graph = NamedNode(str(vocab.ONTOLOGY_GRAPH))
        return [Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(
            path=str(PROJECT_ROOT / "ontology" / "kg.ttl"), format=ox.RdfFormat.TURTLE)]

    first, second = parsed(), parsed()
    assert {str(q) for q in first} != {str(q) for q in second}  # the parser's ids differ
    a, b = canonical_blank_nodes(first, "ontology"), canonical_blank_nodes(second, "ontology")
    assert [str(q) for q in a] == [str(q) for q in b]
    assert any(isinstance(q.subject, ox.BlankNode) for q in a)
