"""Store: the only module that opens or writes an on-disk Oxigraph store.

Layout of a store directory (``--store``, ``KG_STORE``, default ``data/store``)::

    STORE/
      CURRENT            one line: the name of the live version (replaced with os.replace)
      versions/
        000007-1a2b3c4d/ an Oxigraph (RocksDB) directory, never written once it is live
        000008-5e6f7a8b/
      build.lock         fcntl.flock'ed by the one process that may create versions

Why copy-on-write versions (STYLE.md section 5): RocksDB gives no way to make a *batch* of
graph replacements atomic across a crash while the fast ``bulk_extend`` path is in use, and
``Store.read_only`` is undefined while another process writes the same directory. So a writer
(``kg build``, ``kg load``) starts from a hard-linked ``backup()`` of the live version in a new
directory nobody reads, applies every change there, ``flush()``es and ``optimize()``s it, closes
it, and only then points ``CURRENT`` at it with an atomic ``os.replace``. A ``kill -9`` at any
moment leaves either the old or the new version live, never half of one; the half-written
directory is removed by the next writer. The previous version is kept one more round for readers
that still have it open; older ones are deleted.

Public API (used by the server): :func:`open_store`, :func:`current_version`,
:func:`run_query`. Writers use :func:`writer_lock` and :func:`new_version`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple

from kg import vocab
from kg.errors import QuerySyntaxError, StoreUnavailable, UsageError

if TYPE_CHECKING:
    from kg.config import Settings

POINTER = "CURRENT"
VERSIONS = "versions"
LOCK_FILE = "build.lock"

#: ``kg dump --format`` names -> pyoxigraph formats.
FORMATS: dict[str, RdfFormat] = {
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "xml": RdfFormat.RDF_XML,
    "json-ld": RdfFormat.JSON_LD,
}

#: Formats that write the whole dataset; the others write one graph (JSON-LD included, as
#: a plain graph document, which is what Protégé and most tools expect).
DATASET_FORMATS = ("nquads", "trig")

META = NamedNode(str(vocab.META_GRAPH))


# --- reading the layout -----------------------------------------------------------------------


def _version_number(name: str) -> int | None:
    head = name.split("-", 1)[0]
    return int(head) if head.isdigit() else None


def _read_pointer(path: Path) -> str | None:
    try:
        name = (Path(path) / POINTER).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise StoreUnavailable(f"store {path}: cannot read {POINTER} ({exc.strerror})") from None
    return name or None


def _is_raw_oxigraph(path: Path) -> bool:
    """A plain Oxigraph directory (RocksDB's own ``CURRENT`` names a MANIFEST)."""
    try:
        return (Path(path) / POINTER).read_text(encoding="utf-8").startswith("MANIFEST-")
    except (OSError, UnicodeDecodeError):
        return False


def current_version(path: Path) -> str | None:
    """A cheap token naming the live version of the store at ``path``, or ``None`` if none.

    It changes after every successful ``kg build`` (that changed something) or ``kg load``: the
    server compares it with the token of the store it holds open and reopens when they differ.
    Costs one small file read. For a plain Oxigraph directory (no versions layout) the token is
    derived from RocksDB's own manifest pointer and its modification time.
    """
    path = Path(path)
    if _is_raw_oxigraph(path):
        st = (path / POINTER).stat()
        return f"raw-{st.st_mtime_ns}-{st.st_ino}"
    return _read_pointer(path)


def version_dir(path: Path) -> Path | None:
    """Directory of the live version (``None`` when the store has never been built)."""
    path = Path(path)
    if _is_raw_oxigraph(path):
        return path
    name = _read_pointer(path)
    return path / VERSIONS / name if name else None


def open_store(path: Path, read_only: bool = True) -> Store:
    """Open the live version of the store at ``path``.

    ``read_only=True`` (the default, what the server uses) opens it with ``Store.read_only``:
    safe because a live version is never written again, and several processes may hold it.
    Hold on to :func:`current_version` alongside to notice a newer build cheaply.
    ``read_only=False`` opens the live version for writing (RocksDB lock: one process at a
    time); prefer :func:`new_version`, which keeps readers and crash safety intact.

    Raises :class:`StoreUnavailable` (one-line message) when the directory is missing, was
    never built, is locked by another writer, or is not an Oxigraph store.
    """
    path = Path(path)
    if not path.exists():
        raise StoreUnavailable(f"no store at {path} (run `kg build` first)")
    vdir = version_dir(path)
    if vdir is None:
        raise StoreUnavailable(f"no store at {path}: nothing built yet (run `kg build` first)")
    if not vdir.is_dir():
        raise StoreUnavailable(f"store {path}: live version {vdir.name} is missing")
    try:
        return Store.read_only(str(vdir)) if read_only else Store(str(vdir))
    except OSError as exc:
        reason = "locked by another process" if "lock" in str(exc).lower() else str(exc)
        raise StoreUnavailable(f"store {path}: cannot open ({reason})") from None


def run_query(store: Store, sparql: str, **kwargs: Any) -> Any:
    """Run a SPARQL query; a syntax error becomes :class:`QuerySyntaxError` (with line:column).

    ``kwargs`` go to ``Store.query`` unchanged (``use_default_graph_as_union``,
    ``default_graph``, ``named_graphs``, ``substitutions``, ``prefixes``, ``base_iri``).
    pyoxigraph's message reads ``error at LINE:COLUMN: expected ...``.

    ``substitutions`` always go to pyoxigraph as RDF terms: a value is never written into the
    query text. (pyoxigraph 0.5.13 applies them after evaluating the pattern, so a saved query
    for one actor costs about as much as for all of them; ``bench/RESULTS.md`` measures it.
    Inlining them as a ``VALUES`` block would be faster, but it is splicing text, which the
    saved-query API promises never to do.)
    """
    try:
        return store.query(sparql, **kwargs)
    except SyntaxError as exc:
        raise QuerySyntaxError(f"SPARQL syntax {exc}") from None


def run_update(store: Store, sparql: str, **kwargs: Any) -> None:
    """Run a SPARQL update (transactional); syntax errors as in :func:`run_query`."""
    try:
        store.update(sparql, **kwargs)
    except SyntaxError as exc:
        raise QuerySyntaxError(f"SPARQL update syntax {exc}") from None


# --- writing ---------------------------------------------------------------------------------


@contextlib.contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the store's exclusive writer lock (``fcntl.flock``), or fail at once.

    Why: two builds interleaving their version switches would lose one build's work. The lock
    dies with its process, so a killed build never leaves a stale lock behind.
    """
    path = Path(path)
    if _is_raw_oxigraph(path):
        raise StoreUnavailable(
            f"{path} is a plain Oxigraph directory: it can be read, but builds and loads need "
            "a kg store directory (give another --store)"
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd = os.open(path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreUnavailable(f"store {path}: cannot create ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreUnavailable(
                f"store {path} is locked: another `kg build` or `kg load` is running"
            ) from None
        yield
    finally:
        os.close(fd)  # releases the flock


def _versions(path: Path) -> list[Path]:
    root = Path(path) / VERSIONS
    if not root.is_dir():
        return []
    return sorted(
        (p for p in root.iterdir() if _version_number(p.name) is not None),
        key=lambda p: (_version_number(p.name), p.name),
    )


def remove_stale_versions(path: Path) -> list[str]:
    """Delete version directories that never went live (left by a killed writer).

    Call only while holding :func:`writer_lock`. Returns the names removed.
    """
    path = Path(path)
    live = _read_pointer(path)
    live_n = _version_number(live) if live else 0
    removed = []
    for p in _versions(path):
        if p.name != live and (_version_number(p.name) or 0) >= (live_n or 0):
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p.name)
    with contextlib.suppress(FileNotFoundError):
        (path / (POINTER + ".tmp")).unlink()
    return removed


def _fsync_tree(directory: Path) -> None:
    for p in sorted(directory.iterdir()):
        if p.is_file():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class NewVersion:
    """A version being written: ``store`` is writable and invisible to readers until commit."""

    def __init__(self, root: Path, directory: Path, store: Store) -> None:
        self.root = root
        self.directory = directory
        self.store: Store | None = store

    @property
    def name(self) -> str:
        """Directory name, which becomes the :func:`current_version` token on commit."""
        return self.directory.name


def _checkpoint(hook: Any, name: str) -> None:
    if hook is not None:
        hook(name)


@contextlib.contextmanager
def new_version(
    path: Path, from_empty: bool = False, fault_hook: Any = None
) -> Iterator[NewVersion]:
    """Create the next version, yield it for writing, and make it live on a clean exit.

    Callers must not keep their own reference to ``version.store`` past the ``with`` block
    (work on it in a helper function): the commit drops the last reference so that RocksDB
    has closed the directory before it goes live.

    Starts from a hard-linked ``backup()`` of the live version (cheap), or from an empty
    store when there is none or ``from_empty``. On a clean exit: ``flush()``, ``optimize()``,
    close, fsync, atomically replace ``CURRENT``, then delete versions older than the
    previous one. On an exception the new directory is deleted and the live version is
    untouched. Must be called while holding :func:`writer_lock`.

    ``fault_hook(name)`` is called at named points (tests kill the process there).
    """
    root = Path(path)
    remove_stale_versions(root)
    live = version_dir(root) if not _is_raw_oxigraph(root) else None
    live_name = _read_pointer(root)
    if live_name and not from_empty and (live is None or not live.is_dir()):
        raise StoreUnavailable(
            f"store {root}: live version {live_name} is missing (delete the store to rebuild)"
        )
    n = (_version_number(live_name) or 0) + 1 if live_name else 1
    (root / VERSIONS).mkdir(parents=True, exist_ok=True)
    directory = root / VERSIONS / f"{n:06d}-{secrets.token_hex(4)}"
    try:
        if live is not None and not from_empty:
            source = Store.read_only(str(live))
            source.backup(str(directory))
            del source
            store = Store(str(directory))
        else:
            store = Store(str(directory))
    except OSError as exc:
        shutil.rmtree(directory, ignore_errors=True)
        raise StoreUnavailable(f"store {root}: cannot create a new version ({exc})") from None
    version = NewVersion(root, directory, store)
    _checkpoint(fault_hook, "version-created")
    try:
        yield version
        store.flush()
        store.optimize()
        _checkpoint(fault_hook, "flushed")
    except BaseException:
        version.store = None
        del store
        shutil.rmtree(directory, ignore_errors=True)
        raise
    version.store = None
    del store  # normally the last reference: RocksDB closes the directory (already flushed)
    _fsync_tree(directory)
    _checkpoint(fault_hook, "closed")
    tmp = root / (POINTER + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(directory.name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, root / POINTER)
    _fsync_dir(root)
    _checkpoint(fault_hook, "switched")
    for old in _versions(root):
        if old.name not in (directory.name, live_name):
            shutil.rmtree(old, ignore_errors=True)


def replace_graph(store: Store, graph: str | NamedNode, quads: Iterable[Quad]) -> int:
    """Replace one named graph's content with ``quads`` (dropping it when there are none).

    Uses :func:`add_quads`.
    """
    g = graph if isinstance(graph, NamedNode) else NamedNode(str(graph))
    quads = list(quads)
    if store.contains_named_graph(g):
        store.remove_graph(g)
    add_quads(store, quads)
    return len(quads)


def remove_graph(store: Store, graph: str | NamedNode) -> None:
    """Drop a named graph and everything in it (no-op when absent)."""
    g = graph if isinstance(graph, NamedNode) else NamedNode(str(graph))
    if store.contains_named_graph(g):
        store.remove_graph(g)


def remove_quads(store: Store, quads: Iterable[Quad]) -> None:
    """Remove the given quads (those absent are ignored)."""
    for q in list(quads):
        store.remove(q)


#: Below this many quads ``extend`` (one write batch) beats ``bulk_extend``, which writes and
#: ingests new SST files on every call (~0.1 s each even for a handful of quads). Above it the
#: bulk path wins by far: measured with pyoxigraph 0.5.13 on 2 cores, ``extend`` adds about
#: 4-10 k quads/s into an on-disk store (transactional, and slower per quad the bigger the
#: batch) against 85 k quads/s for ``bulk_extend`` of 200 k quads, so the break-even is near
#: 1-2 k quads (``python -m bench --sections loading``; it was 200 k, which sent every build's
#: last article batch, up to 200 k quads, down the slow path).
BULK_THRESHOLD = 2_000


def add_quads(store: Store, quads: Iterable[Quad]) -> None:
    """Add quads to a store being written: ``extend`` for small sets, ``bulk_extend`` for big.

    Inside a :func:`new_version` nobody reads the store, so the non-transactional bulk path
    is safe there: a crash discards the whole version anyway.
    """
    quads = list(quads)
    if len(quads) >= BULK_THRESHOLD:
        store.bulk_extend(quads)
    elif quads:
        store.extend(quads)


def graph_size(store: Store, graph: NamedNode) -> int:
    """Number of triples in one graph, counted inside the store (no Python object per quad)."""
    (row,) = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=graph)
    return int(row["n"].value)


def add_ntriples(store: Store, data: bytes, graph: NamedNode) -> None:
    """Add N-Triples (e.g. a CONSTRUCT result serialized by pyoxigraph) into ``graph``.

    Why: the derived graph's rules produce tens of thousands of triples; serializing and
    parsing them inside pyoxigraph is several times cheaper than a Python ``Quad`` per triple.
    Same bulk/transactional split as :func:`add_quads` (by size: ~100 bytes per triple).
    """
    if not data:
        return
    if len(data) >= BULK_THRESHOLD * 100:
        store.bulk_load(data, format=RdfFormat.N_TRIPLES, to_graph=graph)
    else:
        store.load(data, format=RdfFormat.N_TRIPLES, to_graph=graph)


# --- dump and load ---------------------------------------------------------------------------


def _sort_key(q: Quad) -> tuple[str, str, str, str]:
    g = "" if isinstance(q.graph_name, DefaultGraph) else str(q.graph_name)
    return (g, str(q.subject), str(q.predicate), str(q.object))


def sorted_quads(store: Store) -> list[Quad]:
    """Every quad, sorted by graph, subject, predicate, object (deterministic dumps)."""
    return sorted(store, key=_sort_key)


def nquads_lines(store: Store) -> list[str]:
    """The dataset as sorted N-Quads lines (what tests compare for store equality)."""
    return sorted(f"{q} ." for q in store)


def union_triples(store: Store, exclude: Iterable[str] = (str(vocab.META_GRAPH),)) -> list[Triple]:
    """The union of all graphs but ``exclude`` as one set of triples, sorted.

    Why: pyoxigraph's union default graph keeps a triple once per graph holding it; an
    export meant for Protégé must hold it once.
    """
    skip = {str(g) for g in exclude}
    triples = {
        q.triple for q in store
        if isinstance(q.graph_name, DefaultGraph) or q.graph_name.value not in skip
    }
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def dump_store(
    settings: Settings, output: Path, fmt: str = "nquads", graph: str | None = None
) -> int:
    """Write the live store (or one graph) to ``output``; returns the number of quads/triples.

    Dataset formats (``nquads``, ``trig``) write every graph, or only ``graph``. Graph formats
    (``turtle``, ``ntriples``, ``xml``, ``json-ld``) write ``graph``, or, without it, the union
    of the ontology, entity, article and derived graphs as one graph: the one-file export of
    ontology, entities and facts that opens in Protégé (RDF/XML) with no OWL 2 DL violation.
    The meta graph (bookkeeping) and the reference graph (Wikidata-shaped statements whose
    ``wdt:``/``p:`` properties the ontology does not declare) are left out of that export; dump
    the reference graph with ``--graph``. Output is sorted where the serializer allows.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    rdf_format = FORMATS[fmt]
    store = open_store(Path(settings.store))
    prefixes = dict(vocab.PREFIXES)
    if graph is not None:
        g = NamedNode(graph)
        if not store.contains_named_graph(g):
            raise UsageError(f"no graph {graph} in the store")
        quads = sorted(store.quads_for_pattern(None, None, None, g), key=_sort_key)
        items: list[Any] = quads if fmt in DATASET_FORMATS else [q.triple for q in quads]
    elif fmt in DATASET_FORMATS:
        items = sorted_quads(store)
    else:
        items = union_triples(store, exclude=(str(vocab.META_GRAPH), str(vocab.REFERENCE_GRAPH)))
    output = Path(output)
    if output.parent and not output.parent.exists():
        raise UsageError(f"output folder {output.parent} does not exist")
    if rdf_format == RdfFormat.N_QUADS:
        lines = sorted(f"{q} ." for q in items)
        output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    elif rdf_format == RdfFormat.N_TRIPLES:
        lines = sorted(f"{t} ." for t in items)
        output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    else:
        kwargs: dict[str, Any] = {}
        if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML):
            kwargs["prefixes"] = prefixes
        pyoxigraph.serialize(items, output=str(output), format=rdf_format, **kwargs)
    return len(items)


def _guess_format(file: Path) -> RdfFormat:
    name = file.name.lower()
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    aliases = {"xml": "rdf", "owl": "rdf", "json": "jsonld"}
    fmt = RdfFormat.from_extension(aliases.get(ext, ext)) if ext else None
    if fmt is None:
        raise UsageError(f"{file}: cannot tell the RDF format from the extension .{ext}")
    return fmt


def parse_file(file: Path) -> list[Quad]:
    """Parse one RDF file into quads, keeping blank-node labels (round trips stay equal).

    Triples of graph formats go to the default graph.
    """
    fmt = _guess_format(Path(file))
    try:
        parsed = pyoxigraph.parse(path=str(file), format=fmt, rename_blank_nodes=False)
        out = []
        for item in parsed:
            out.append(item if isinstance(item, Quad) else Quad(
                item.subject, item.predicate, item.object, DefaultGraph()))
        return out
    except SyntaxError as exc:
        raise UsageError(f"{file}: not valid {fmt.name} ({exc})") from None
    except OSError as exc:
        raise UsageError(f"{file}: cannot read ({exc})") from None


def load_files(settings: Settings, files: list[Path]) -> int:
    """Load dump files into the store (fresh or existing) as one new version.

    Files are parsed first, so a bad file changes nothing. Afterwards the derived graph and
    the VoID description are recomputed, which leaves a full dump of this code's own store
    unchanged: dump -> load -> dump gives the same quads. Returns the number of quads read.
    """
    parsed: list[Quad] = []
    for f in files:
        parsed.extend(parse_file(Path(f)))
    root = Path(settings.store)
    with writer_lock(root), new_version(root) as version:
        _load_into(version, parsed)
    return len(parsed)


def _load_into(version: NewVersion, quads: list[Quad]) -> None:
    # A separate frame, so no local reference outlives the version (it must close on commit).
    from kg import derive, void

    store = version.store
    assert store is not None
    add_quads(store, quads)
    derive.materialise(store)
    void.write_void(store)
