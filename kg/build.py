"""Build: corpus files -> extraction -> RDF -> a new, atomically switched store version.

Why this shape: a build must be incremental (unchanged articles are not re-extracted),
idempotent (building twice gives the identical store) and crash safe (``kill -9`` at any moment
leaves a store that opens and that the next build completes). So:

* every article's content hash, source file, extractor version and resolved entities are kept
  in the meta graph; an article is re-extracted only when one of them differs;
* all changes go into a fresh copy-on-write version (:func:`kg.store.new_version`) that becomes
  live only after it is complete, so readers never see half an article graph;
* the entity graph, derived graph and VoID description are recomputed from the store's own
  content at the end of every build that changes anything, so they never depend on build order
  or on which articles came and went;
* a build that has nothing to change creates no version at all.

Fault injection (tests): :data:`FAULT_HOOK`, when set, is called with the name of each point
the build passes (``start``, ``locked``, ``version-created``, ``pruned``, ``ontology``,
``reference``, ``article:<i>`` after the i-th extracted article is written, ``articles``,
``entities``, ``derived``, ``void``, ``flushed``, ``closed``, ``switched``, ``done``).
``tests/test_crash.py`` runs a small driver that reads ``KG_FAULT_POINT`` and installs a hook
that SIGKILLs the process at that point; this module itself reads no environment variable
(STYLE.md, convention 11).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph
from pyoxigraph import (
    BlankNode,
    CanonicalizationAlgorithm,
    Dataset,
    Literal,
    NamedNode,
    Quad,
    Store,
)

from kg import derive, rdf, vocab, void
from kg import store as kgstore
from kg.config import Settings
from kg.corpus import Article, article_id_for, find_article_files, iter_articles
from kg.errors import CorpusError, DataFileError, KGError, ValidationFailed
from kg.facts import ArticleExtraction, Entity
from kg.vocab import KG

#: Called with the name of each build step reached (tests kill the process there).
FAULT_HOOK: Callable[[str], None] | None = None

#: Bumped when the way this module writes meta/entity/VoID data changes (forces a rewrite).
BUILD_RECIPE = "kg.build.v1"

ExtractFn = Callable[..., Iterable[ArticleExtraction]]

META = NamedNode(str(vocab.META_GRAPH))
ENTITIES = NamedNode(str(vocab.ENTITY_GRAPH))
ONTOLOGY = NamedNode(str(vocab.ONTOLOGY_GRAPH))
REFERENCE = NamedNode(str(vocab.REFERENCE_GRAPH))
DERIVED = NamedNode(str(vocab.DERIVED_GRAPH))
CONTENT_HASH = NamedNode(str(KG.contentHash))
EXTRACTOR_CLASS = NamedNode(str(KG.Extractor))
RDF_TYPE = NamedNode(str(vocab.RDF.type))
RDFS_LABEL = NamedNode(str(vocab.RDFS.label))
_ARTICLE_GRAPH_PREFIX = vocab.article_graph("")

#: Buffer up to this many quads per write (big batches take the bulk path, see kg.store).
_BULK_QUADS = 200_000


def _checkpoint(name: str) -> None:
    if FAULT_HOOK is not None:
        FAULT_HOOK(name)


# --- summary -------------------------------------------------------------------------------


@dataclass
class BuildSummary:
    """What a build did; ``render()`` is what ``kg build`` prints."""

    store: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[CorpusError] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    entities: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    quads: int = 0
    seconds: float = 0.0
    version: str | None = None
    new_version: bool = False
    validation: Any = None  # kg.validate.ValidationReport when --validate

    @property
    def ok(self) -> bool:
        """True when every file was built and validation (if run) found no violation."""
        return not self.failed and (self.validation is None or self.validation.conforms)

    @property
    def exit_code(self) -> int:
        """0, or the exit code of the first kind of problem (bad files, then violations)."""
        if self.failed:
            return CorpusError.exit_code
        if self.validation is not None and not self.validation.conforms:
            return ValidationFailed.exit_code
        return 0

    def render(self) -> str:
        """Human-readable summary: failures with reasons first, then the counts."""
        lines = [f"failed: {e.path}: {e.reason}" for e in self.failed]
        counts = (
            f"articles: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
        )
        if self.pruned:
            counts += f", {len(self.pruned)} pruned"
        lines.append(counts)
        lines.append(f"entities: {self.entities}")
        facts = ", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"
        lines.append(f"facts: {sum(self.facts.values())} ({facts})")
        state = "new version" if self.new_version else "no changes, version kept"
        lines.append(f"quads: {self.quads}  [{state}: {self.version or '-'}]")
        if self.validation is not None:
            lines.append(self.validation.render())
        lines.append(f"time: {self.seconds:.1f} s  store: {self.store}")
        return "\n".join(lines)


# --- state kept in the meta graph ----------------------------------------------------------


@dataclass(frozen=True)
class ArticleRecord:
    """Bookkeeping of one built article, as read back from the meta graph."""

    article_id: str
    content_hash: str
    source_file: str | None
    extractor: str | None
    entities_json: str | None


@dataclass
class StoreState:
    """What the live version holds, enough to decide what a build must change."""

    version: str | None = None
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    graph_hashes: dict[str, str] = field(default_factory=dict)  # ontology/reference/derived


def _query_text(name: str) -> str:
    from importlib import resources

    return resources.files("kg").joinpath("sparql", name).read_text(encoding="utf-8")


def read_state(store: Store) -> StoreState:
    """Read article records and graph hashes from a store's meta graph."""
    state = StoreState()
    rows = kgstore.run_query(store, _query_text("meta_articles.rq"), prefixes=vocab.PREFIXES)
    for row in rows:
        graph = row["graph"].value
        aid = graph[len(_ARTICLE_GRAPH_PREFIX):]

        def val(key: str, row: Any = row) -> str | None:
            term = row[key]
            return term.value if term is not None else None

        state.articles[aid] = ArticleRecord(
            aid, row["hash"].value, val("file"), val("extractor"), val("records")
        )
    for g in (ONTOLOGY, REFERENCE, DERIVED):
        for q in store.quads_for_pattern(g, CONTENT_HASH, None, META):
            state.graph_hashes[g.value] = q.object.value
    return state


def _live_state(root: Path) -> StoreState:
    version = kgstore.current_version(root)
    if version is None:
        return StoreState()
    store = kgstore.open_store(root)
    state = read_state(store)
    state.version = version
    return state


# --- inputs other than articles --------------------------------------------------------------


def canonical_blank_nodes(quads: Iterable[Quad], salt: str) -> list[Quad]:
    """Relabel blank nodes deterministically (same input -> same ids), prefixed by ``salt``.

    Why: parsers mint random blank-node ids, so loading the same ontology twice would give
    different quads and break idempotence. pyoxigraph's dataset canonicalization names each
    blank node from the graph around it, ties included (our own hash of each node's triples
    could not tell apart the cells of two RDF lists of the same shape, so builds differed in
    which cell was which). ``salt`` keeps the ontology's and the reference data's ids apart.
    """
    quads = list(quads)
    if not any(isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode)
               for q in quads):
        return quads
    dataset = Dataset(quads)
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)  # stable within one pyoxigraph

    def relabel(t: Any) -> Any:
        return BlankNode(f"{salt}-{t.value}") if isinstance(t, BlankNode) else t

    return sorted((Quad(relabel(q.subject), q.predicate, relabel(q.object), q.graph_name)
                   for q in dataset), key=str)


def _digest_quads(quads: Iterable[Quad]) -> str:
    return hashlib.sha256("".join(sorted(f"{q} .\n" for q in quads)).encode()).hexdigest()


def ontology_quads(settings: Settings) -> tuple[list[Quad], str | None]:
    """Quads of ``ontology/kg.ttl`` in the ontology graph and the file's sha256 (or none)."""
    path = Path(settings.ontology_dir) / "kg.ttl"
    if not path.is_file():
        return [], None
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    try:
        triples = list(pyoxigraph.parse(data, pyoxigraph.RdfFormat.TURTLE, base_iri=vocab.BASE))
    except SyntaxError as exc:
        raise DataFileError(f"{path}: not valid Turtle ({exc})") from None
    quads = [Quad(t.subject, t.predicate, t.object, ONTOLOGY) for t in triples]
    return canonical_blank_nodes(quads, "ontology"), digest


ReferenceLoader = Callable[[Store], object]


def default_reference_loader() -> ReferenceLoader | None:
    """``kg.reference.load_reference`` when that module exists (another stage owns it)."""
    if importlib.util.find_spec("kg.reference") is None:
        return None
    return getattr(importlib.import_module("kg.reference"), "load_reference", None)


def reference_quads(loader: ReferenceLoader | None) -> tuple[list[Quad], str | None]:
    """Quads the reference loader writes, captured in an in-memory store, and their digest.

    Why in memory: we can then tell whether the reference data changed (no new version if
    not), and relabel its blank nodes deterministically.
    """
    if loader is None:
        return [], None
    scratch = Store()
    loader(scratch)
    quads = canonical_blank_nodes(list(scratch), "reference")
    return quads, (_digest_quads(quads) if quads else None)


def recipe_digest() -> str:
    """Digest of what shapes the derived and VoID data besides the inputs: a change of
    ``BUILD_RECIPE``, of a derivation rule or of a VoID query makes the next build rewrite them.
    """
    h = hashlib.sha256((BUILD_RECIPE + derive.rules_digest()).encode())
    for name in void.QUERIES:
        h.update(_query_text(name).encode())
    return h.hexdigest()


# --- the extractor ---------------------------------------------------------------------------


def real_extractor(model: str | None = None) -> tuple[ExtractFn, str | None]:
    """The spaCy extractor and its version; spaCy and the model load only when it is called.

    Why lazy: a build with nothing to extract must not pay for importing spaCy; the version
    (``kg.extraction.EXTRACTOR_VERSION``) is all it needs to decide.
    """
    try:
        version = getattr(importlib.import_module("kg.extraction"), "EXTRACTOR_VERSION", None)
        available = importlib.util.find_spec("kg.extraction.extract") is not None
    except ImportError:
        version, available = None, False
    if not available:
        raise KGError("extraction is not available (kg.extraction.extract is missing)")

    def extract(articles: list[Article], **kwargs: Any) -> Iterable[ArticleExtraction]:
        module = importlib.import_module("kg.extraction.extract")
        if model is not None and "nlp" not in kwargs:
            pipeline = importlib.import_module("kg.extraction.pipeline")
            kwargs["nlp"] = pipeline.load_pipeline(model)
        return module.extract_articles(articles, **kwargs)

    return extract, version


# --- the build -------------------------------------------------------------------------------


def _read_corpus(
    files: Sequence[Path], max_bytes: int
) -> tuple[list[Article], list[CorpusError]]:
    articles: dict[str, Article] = {}
    failed: list[CorpusError] = []
    for item in iter_articles(files, max_bytes):
        if isinstance(item, CorpusError):
            failed.append(item)
        elif item.id in articles:
            failed.append(CorpusError(
                item.path, f"same article id {item.id!r} as {articles[item.id].path}"
            ))
        else:
            articles[item.id] = item
    return list(articles.values()), failed


def _needs_extraction(article: Article, record: ArticleRecord | None, version: str | None) -> bool:
    if record is None:
        return True
    return (
        record.content_hash != article.content_hash
        or record.source_file != article.path
        or (version is not None and record.extractor != version)
    )


def _progress(enabled: bool, total: int) -> Any:
    if not enabled or total == 0:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    return Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=Console(stderr=True), transient=True,
    )


def _article_meta(article: Article, extraction: ArticleExtraction) -> list[Quad]:
    graph = NamedNode(vocab.article_graph(article.id))
    return [q for q in rdf.meta_quads(article, extraction) if q.subject == graph]


def _extractor_quads(versions: Iterable[str]) -> list[Quad]:
    out = []
    for v in sorted(set(versions)):
        s = NamedNode(rdf.extractor_iri(v))
        out.append(Quad(s, RDF_TYPE, EXTRACTOR_CLASS, META))
        out.append(Quad(s, RDFS_LABEL, Literal(v), META))
    return out


def _meta_records(store: Store) -> list[ArticleRecord]:
    return list(read_state(store).articles.values())


def _rewrite_entities_and_extractors(store: Store) -> None:
    """Recompute the entity graph and extractor descriptions from per-article records."""
    records = _meta_records(store)
    groups: list[list[Entity]] = [
        rdf.entities_from_json(r.entities_json) for r in records if r.entities_json
    ]
    kgstore.replace_graph(store, ENTITIES, rdf.entity_quads(rdf.merge_entities(groups)))
    old = [
        q for s in store.quads_for_pattern(None, RDF_TYPE, EXTRACTOR_CLASS, META)
        for q in store.quads_for_pattern(s.subject, None, None, META)
    ]
    kgstore.remove_quads(store, old)
    kgstore.add_quads(store, _extractor_quads(r.extractor for r in records if r.extractor))


def _set_graph_hash(store: Store, graph: NamedNode, digest: str | None) -> None:
    kgstore.remove_quads(store, store.quads_for_pattern(graph, CONTENT_HASH, None, META))
    if digest:
        kgstore.add_quads(store, [Quad(graph, CONTENT_HASH, Literal(digest), META)])


def _fill_counts(summary: BuildSummary, store: Store) -> None:
    summary.quads = len(store)
    summary.entities = len({q.subject for q in store.quads_for_pattern(None, None, None, ENTITIES)})
    kg_ns = str(KG._NS)
    facts: dict[str, int] = {}
    for row in kgstore.run_query(store, _query_text("facts_by_type.rq"), prefixes=vocab.PREFIXES):
        iri = row["type"].value
        if iri.startswith(kg_ns) and iri != str(KG.Evidence):
            facts[iri[len(kg_ns):]] = int(row["n"].value)
    summary.facts = facts


def run_build(
    settings: Settings,
    paths: Sequence[str | Path] | None = None,
    *,
    prune: bool = False,
    validate: bool = False,
    progress: bool = True,
    rebuild: bool = False,
    extract: ExtractFn | None = None,
    extractor_version: str | None = None,
    reference: ReferenceLoader | None = None,
    batch_size: int = 16,
) -> BuildSummary:
    """Build or update the store at ``settings.store`` from article files; never raises for a
    bad article (it is reported in the summary), only for unusable paths or stores.

    ``extract(articles, n_process=, batch_size=)`` defaults to the spaCy extractor
    (``kg.extraction.extract.extract_articles``), imported only when an article needs it;
    tests pass a small deterministic fake. ``extractor_version`` (default: the real
    ``EXTRACTOR_VERSION``, or the fake's ``version`` attribute) re-extracts articles built by
    another version. ``rebuild`` starts from an empty version and re-extracts everything.
    ``reference(store)`` writes the reference graph (default: ``kg.reference.load_reference``
    if that module exists; tests pass their own).
    """
    t0 = time.monotonic()
    _checkpoint("start")
    root = Path(settings.store)
    # Absolute paths: the meta graph records where each article came from, and the same
    # file named as ``seeds/x.txt`` or ``/abs/seeds/x.txt`` must not count as a change.
    files = [
        Path(os.path.abspath(f)) for f in find_article_files(paths if paths else [settings.seeds])
    ]
    summary = BuildSummary(store=root)
    with kgstore.writer_lock(root):
        _checkpoint("locked")
        kgstore.remove_stale_versions(root)
        state = StoreState() if rebuild else _live_state(root)
        articles, summary.failed = _read_corpus(files, settings.max_article_bytes)
        if extract is not None and extractor_version is None:
            extractor_version = getattr(extract, "version", None)

        # The real extractor is imported (not run) to learn its version; without it, a
        # build that needs no extraction still succeeds.
        if extract is None and articles:
            try:
                extract, extractor_version = real_extractor(settings.model)
            except KGError:
                if any(_needs_extraction(a, state.articles.get(a.id), None) for a in articles):
                    raise
        todo = [
            a for a in articles
            if _needs_extraction(a, state.articles.get(a.id), extractor_version)
        ]
        given = {a.id for a in articles} | {article_id_for(Path(e.path)) for e in summary.failed}
        pruned = sorted(aid for aid in state.articles if aid not in given) if prune else []
        ont_quads, ont_hash = ontology_quads(settings)
        ref_quads, ref_hash = reference_quads(
            reference if reference is not None else default_reference_loader()
        )
        recipe = recipe_digest()
        todo_ids = {a.id for a in todo}
        summary.added = sorted(a.id for a in todo if a.id not in state.articles)
        summary.updated = sorted(a.id for a in todo if a.id in state.articles)
        summary.unchanged = sorted(a.id for a in articles if a.id not in todo_ids)
        summary.pruned = pruned
        changes = bool(
            todo or pruned or state.version is None or rebuild
            or state.graph_hashes.get(ONTOLOGY.value) != ont_hash
            or state.graph_hashes.get(REFERENCE.value) != ref_hash
            or state.graph_hashes.get(DERIVED.value) != recipe
        )
        if changes:
            _write_version(root, _Plan(
                state, todo, pruned, extract, batch_size, settings, progress,
                (ont_quads, ont_hash), (ref_quads, ref_hash), recipe, rebuild,
            ))
            summary.new_version = True
        summary.version = kgstore.current_version(root)
        live = kgstore.open_store(root)
        _fill_counts(summary, live)
        del live
    if validate:
        from kg.validate import validate_store

        summary.validation = validate_store(settings)
    summary.seconds = time.monotonic() - t0
    _checkpoint("done")
    return summary


@dataclass
class _Plan:
    """Everything one build decided to change, before any write."""

    state: StoreState
    todo: list[Article]
    pruned: list[str]
    extract: ExtractFn | None
    batch_size: int
    settings: Settings
    progress: bool
    ontology: tuple[list[Quad], str | None]
    reference: tuple[list[Quad], str | None]
    recipe: str
    rebuild: bool


def _write_version(root: Path, plan: _Plan) -> None:
    with kgstore.new_version(root, from_empty=plan.rebuild, fault_hook=FAULT_HOOK) as version:
        _apply_changes(version, plan)


def _apply_changes(version: kgstore.NewVersion, plan: _Plan) -> None:
    """Every write of one build, in order (a separate frame: see ``kgstore.new_version``)."""
    store = version.store
    assert store is not None
    hashes = plan.state.graph_hashes
    for aid in plan.pruned:
        _drop_article(store, aid)
    _checkpoint("pruned")
    ont_quads, ont_hash = plan.ontology
    if hashes.get(ONTOLOGY.value) != ont_hash or plan.rebuild:
        kgstore.replace_graph(store, ONTOLOGY, ont_quads)
        _set_graph_hash(store, ONTOLOGY, ont_hash)
    _checkpoint("ontology")
    ref_quads, ref_hash = plan.reference
    if hashes.get(REFERENCE.value) != ref_hash or plan.rebuild:
        kgstore.remove_graph(store, REFERENCE)
        kgstore.add_quads(store, ref_quads)
        _set_graph_hash(store, REFERENCE, ref_hash)
    _checkpoint("reference")
    if plan.todo:
        assert plan.extract is not None
        _extract_into(store, plan)
    _checkpoint("articles")
    _rewrite_entities_and_extractors(store)
    _checkpoint("entities")
    derive.materialise(store)
    _set_graph_hash(store, DERIVED, plan.recipe)
    _checkpoint("derived")
    void.write_void(store)
    _checkpoint("void")


def _drop_article(store: Store, article_id: str) -> None:
    graph = NamedNode(vocab.article_graph(article_id))
    kgstore.remove_graph(store, graph)
    kgstore.remove_quads(store, store.quads_for_pattern(graph, None, None, META))


def _extract_into(store: Store, plan: _Plan) -> None:
    """Extract ``plan.todo`` and replace each article's graph and meta record in ``store``."""
    todo, extract, batch_size = plan.todo, plan.extract, plan.batch_size
    assert extract is not None
    settings, progress = plan.settings, plan.progress
    n_process = max(1, min(settings.jobs, len(todo) // max(1, batch_size)))
    bar = _progress(progress, len(todo))
    pending: list[Quad] = []
    results: Iterator[ArticleExtraction] = iter(
        extract(todo, n_process=n_process, batch_size=batch_size)
    )
    # closing(): a failed build must also stop spaCy's worker processes (generator close).
    closer = contextlib.closing(results) if hasattr(results, "close") else contextlib.nullcontext()
    with closer, bar if bar is not None else contextlib.nullcontext():
        task = bar.add_task("extracting", total=len(todo)) if bar is not None else None
        for i, article in enumerate(todo):
            extraction = next(results, None)
            if extraction is None or extraction.article_id != article.id:
                got = None if extraction is None else extraction.article_id
                raise KGError(f"extractor returned {got!r} where {article.id!r} was expected")
            _drop_article(store, article.id)
            if pending and len(pending) > _BULK_QUADS:
                kgstore.add_quads(store, pending)
                pending = []
            pending.extend(rdf.article_quads(article, extraction))
            pending.extend(_article_meta(article, extraction))
            # Writes are buffered; flush before a fault point so "after article i" is true.
            if FAULT_HOOK is not None:
                kgstore.add_quads(store, pending)
                pending = []
            _checkpoint(f"article:{i}")
            if bar is not None:
                bar.advance(task)
    kgstore.add_quads(store, pending)

