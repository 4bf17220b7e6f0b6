"""One query job: what to run, how to answer, and running it against an open store.

Why a module of its own: the executor (``server/executor.py``) runs jobs on threads of the
serving process, the update path runs one in a process of its own, and both need the same
job description, result cutting (row cap) and serialization (``server/formats.py``). Only
pyoxigraph and the standard library are used here, so the code is the same in every process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import sys
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NoReturn

from kg.errors import KGError, QuerySyntaxError, QueryTimeout, StoreUnavailable
from server.formats import BOOLEAN, GRAPH, SOLUTIONS


class QueryFailed(KGError):
    """The store could not evaluate a query that parsed (status carried per instance)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class NotAcceptableResult(KGError):
    """The query's result kind has no format the client accepts (406)."""

    status = 406

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(f"no acceptable format for {kind} results")


@dataclass(frozen=True)
class QueryJob:
    """Everything a query thread needs to run one query."""

    sparql: str
    formats: dict[str, str | None]  # result kind -> format key (None: client accepts none)
    max_rows: int
    base_iri: str | None = None
    default_graph: tuple[str, ...] | None = None  # protocol dataset (None: not given)
    named_graphs: tuple[str, ...] | None = None
    union_default: bool = True
    substitutions: dict[str, object] = field(default_factory=dict)
    prefixes: dict[str, str] | None = None


@dataclass(frozen=True)
class Outcome:
    """A serialized answer: its kind, format key, bytes, row count and truncation flag."""

    kind: str
    format_key: str
    body: bytes
    rows: int
    truncated: bool


# --- running a job -----------------------------------------------------------------------------


def execute(store: object, job: QueryJob) -> Outcome:
    """Run one job against an open store (on a query thread of a serving process)."""
    import pyoxigraph as ox

    from kg import store as kg_store
    from server import formats

    kwargs: dict[str, object] = {"base_iri": job.base_iri, "prefixes": job.prefixes}
    if job.default_graph is not None or job.named_graphs is not None:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graph or ()]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    else:
        kwargs["use_default_graph_as_union"] = job.union_default
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(k): v for k, v in job.substitutions.items()}
    result = kg_store.run_query(store, job.sparql, **kwargs)
    if isinstance(result, ox.QueryBoolean):
        key = _format_for(job, BOOLEAN)
        return Outcome(BOOLEAN, key, formats.serialize_boolean(result, key), 1, False)
    if isinstance(result, ox.QuerySolutions):
        key = _format_for(job, SOLUTIONS)
        whole = formats.serialize_whole_solutions(result, key, job.max_rows)
        if whole is not None:
            body, rows = whole
            return Outcome(SOLUTIONS, key, body, rows, False)
        # Over the row cap (or the byte budget): run it again and cut it at the cap in Python.
        result = kg_store.run_query(store, job.sparql, **kwargs)
        assert isinstance(result, ox.QuerySolutions)
        variables = [v.value for v in result.variables]
        rows, truncated = _take(([s[v] for v in variables] for s in result), job.max_rows)
        return Outcome(SOLUTIONS, key, formats.serialize_solutions(variables, rows, key),
                       len(rows), truncated)
    key = _format_for(job, GRAPH)
    if key in formats.LINE_FORMATS:
        whole = formats.serialize_whole_triples(result, key, job.max_rows)
        if whole is not None:
            return Outcome(GRAPH, key, whole[0], whole[1], False)
        result = kg_store.run_query(store, job.sparql, **kwargs)  # over the cap: cut it
    triples, truncated = _take(iter(result), job.max_rows)
    return Outcome(GRAPH, key, formats.serialize_triples(triples, key), len(triples), truncated)


def evaluate(store: object, job: QueryJob) -> Outcome:
    """:func:`execute` with every store failure turned into one of our errors (status inside).

    pyoxigraph raises ``SyntaxError`` for a bad query, ``OSError`` when the store's files fail
    and ``RuntimeError``/``ValueError``/``TypeError`` for queries it cannot evaluate; callers
    get a :class:`~kg.errors.KGError` with the HTTP status for each.
    """
    try:
        return execute(store, job)
    except QuerySyntaxError as exc:
        raise QuerySyntaxError(short_syntax_message(str(exc))) from None
    except KGError:
        raise
    except SyntaxError as exc:  # in case the store layer did not wrap it
        raise QuerySyntaxError(short_syntax_message(str(exc))) from None
    except OSError as exc:
        raise StoreUnavailable(f"store error: {exc}") from None
    except (RuntimeError, ValueError, TypeError) as exc:
        raise QueryFailed(f"the query could not be evaluated: {exc}") from None


def _format_for(job: QueryJob, kind: str) -> str:
    key = job.formats.get(kind)
    if key is None:
        raise NotAcceptableResult(kind)
    return key


def _take(items: object, cap: int) -> tuple[list, bool]:
    out = []
    for item in items:  # type: ignore[attr-defined]
        if len(out) == cap:
            return out, True
        out.append(item)
    return out, False


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this worker if the server dies (best effort elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def update_main(conn: Connection, store_path: str, sparql: str, base_iri: str | None) -> None:
    """One SPARQL Update in a process of its own, written as a new store version.

    Why a process: an update can run away like a query; killing this process drops its
    ``flock`` and leaves the live version untouched (the next writer removes the half-written
    directory). The derived graph and VoID are recomputed, as ``kg load`` does.
    """
    _die_with_parent()
    from kg import derive, void
    from kg import store as kg_store

    path = Path(store_path)
    try:
        with kg_store.writer_lock(path), kg_store.new_version(path) as version:
            assert version.store is not None
            kg_store.run_update(version.store, sparql, base_iri=base_iri)
            derive.materialise(version.store)
            void.write_void(version.store)
        reply: tuple = ("ok", kg_store.current_version(path))
    except KGError as exc:
        reply = ("error", type(exc).__name__, str(exc), exc.status)
    except OSError as exc:
        reply = ("error", "StoreUnavailable", f"store error: {exc}", 503)
    except (RuntimeError, ValueError, TypeError) as exc:
        reply = ("error", "QueryFailed", f"the update could not be applied: {exc}", 400)
    conn.send(reply)


def _raise(reply: tuple) -> NoReturn:
    """Raise the error an update process sent back as ``("error", name, message, status)``."""
    _, name, message, status = reply
    if name == "QuerySyntaxError":
        raise QuerySyntaxError(short_syntax_message(message))
    if name == "StoreUnavailable":
        raise StoreUnavailable(message)
    if name == "QueryTimeout":
        raise QueryTimeout(message)
    raise QueryFailed(message, status if 400 <= status < 600 else 500)


def short_syntax_message(message: str) -> str:
    """pyoxigraph lists every expected token; keep the position and the first few."""
    message = " ".join(message.split())
    return message if len(message) <= 200 else message[:197] + "..."


def _context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where available, else ``spawn``: never ``fork`` from a threaded server."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def run_update(store_path: Path, sparql: str, base_iri: str | None, timeout: float) -> str:
    """Apply one update as a new store version within ``timeout``; return the version.

    The update runs in a process of its own (:func:`update_main`), killed at the limit.
    """
    ctx = _context()
    parent, child = ctx.Pipe()
    process = ctx.Process(target=update_main, daemon=True, name="kg-update",
                          args=(child, str(store_path), sparql, base_iri))
    process.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise QueryTimeout(f"the update ran longer than the time limit of {timeout:g} s "
                               "and was stopped; the store is unchanged")
        reply = parent.recv()
    except (EOFError, OSError):
        raise StoreUnavailable("the update process stopped unexpectedly; the store is "
                               "unchanged") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
        parent.close()
    if reply[0] == "ok":
        return str(reply[1])
    _raise(reply)
