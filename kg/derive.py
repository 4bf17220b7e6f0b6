"""Derived facts: shortcut properties and superclass types, materialised at build time.

Why: queries should find ``?x kg:memberOf ?y`` or ``?x a kg:Actor`` without every user writing
the n-ary pattern or a property path, and the server answers from a read-only store, so the
derivations are computed once per build. They are SPARQL UPDATE rules kept as data in
``kg/sparql/derive/NN_name.rq`` and run in file-name order (STYLE.md, "Data files, not code
strings"); a full OWL RL reasoner (owlrl) is far too slow and derives much we do not want.

The derived graph is cleared and recomputed in every build, so it never depends on build
order. Rules read every graph except the derived and meta graphs. The last rule
(``90_not_asserted_elsewhere.rq``) removes any derived triple another graph already asserts:
pyoxigraph's union default graph does not deduplicate a triple held by several graphs.

How rules run (performance): a rule operation of the shape
``INSERT|DELETE { GRAPH graph:derived { TEMPLATE } } WHERE { PATTERN }`` is evaluated as the
read-only ``CONSTRUCT { TEMPLATE } WHERE { PATTERN }`` and its triples are then added with
:func:`kg.store.add_quads` (the bulk path for big sets) or removed one by one. Why: a
pyoxigraph ``update`` is one transaction, and a transaction's cost per quad grows with its
size (measured with 0.5.13: 2 k inserted quads at ~8 k quads/s, 128 k at ~2.7 k quads/s),
so materialising the derived graph grew faster than the corpus. Operations of any other shape
still go through ``Store.update``.

Order and concurrency: a rule that reads what earlier rules derived says so with a line
``# @reads-derived`` (ranks and ``DELETE`` operations read the derived graph by nature). The
other rules read no derived triple (they filter the derived and meta graphs out), so a run of
consecutive such rules is evaluated concurrently on a small thread pool — pyoxigraph evaluates
a query without holding the GIL, and the derived graph was the one single-threaded step at the
end of a build (a minute at 1000x the seeds) — and the results are then written in file-name
order. A marked rule waits until everything before it is written, so the graph is the same as
running the updates one after another.

Ranks: a rule file whose first line is ``# @rank <property>`` is a ``SELECT ?node ?partition
<keys...> ... ORDER BY <keys>`` instead of an update. Its rows are grouped by ``?partition``
(keeping their order), ties of the keys are broken by the node's IRI, and each node gets
``<property> n`` (``xsd:integer``, from 1 in each partition) in the derived graph.
Why: a row number (SQL's ``ROW_NUMBER() OVER (PARTITION BY ...)``) is quadratic in SPARQL
1.1, and a stored rank lets a query cut its first page by sorting numbers (criticisms.rq).
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, QueryTriples, RdfFormat, Store

from kg import vocab
from kg.store import (
    add_ntriples,
    add_quads,
    graph_size,
    remove_graph,
    remove_quads,
    run_query,
    run_update,
)

RULES_PACKAGE = "kg"
RULES_FOLDER = ("sparql", "derive")


def rules() -> list[tuple[str, str]]:
    """``(file name, SPARQL update)`` of every derivation rule, in the order they run."""
    folder = resources.files(RULES_PACKAGE).joinpath(*RULES_FOLDER)
    files = sorted(
        (f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name
    )
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def rules_digest() -> str:
    """sha256 over the rule files: a change of rules forces the derived graph to be rebuilt."""
    h = hashlib.sha256()
    for name, text in rules():
        h.update(name.encode() + b"\0" + text.encode() + b"\0")
    return h.hexdigest()


def materialise(store: Store) -> int:
    """Clear the derived graph and run every rule into it; returns its triple count.

    Rules run as the module doc says (CONSTRUCT + bulk write, runs of independent rules on a
    thread pool, ranks and ``# @reads-derived`` rules in order); they use the project
    ``PREFIXES`` (passed as ``prefixes=``), so no ``.rq`` file spells out an IRI.
    """
    graph = NamedNode(str(vocab.DERIVED_GRAPH))
    remove_graph(store, graph)
    independent: list[Operation] = []
    for _name, text in rules():
        rank = _RANK.match(text)
        ops = [] if rank else split_operations(text)
        if not rank and not _READS_DERIVED.search(text) and all(
                op.kind == "INSERT" for op in ops):
            independent.extend(ops)
            continue
        _insert_concurrently(store, independent, graph)
        independent = []
        if rank:
            add_quads(store, rank_quads(store, text, _expand(rank.group(1)), graph))
            continue
        for op in ops:
            _apply(store, op, graph)
    _insert_concurrently(store, independent, graph)
    count = graph_size(store, graph)
    if count == 0:
        remove_graph(store, graph)  # an empty graph would still be listed; a clean build has none
    return count


@dataclass(frozen=True)
class Operation:
    """One update operation of a rule: ``INSERT``/``DELETE`` of a derived-graph template
    (``template`` and ``where`` set), or any other update text (``kind == "UPDATE"``)."""

    kind: str
    text: str
    template: str = ""
    where: str = ""


_RANK = re.compile(r"#\s*@rank\s+(\S+)[ \t]*$", re.MULTILINE)
_READS_DERIVED = re.compile(r"^#\s*@reads-derived\b", re.MULTILINE)
# xsd:integer, not xsd:positiveInteger: pyoxigraph stores integer subtypes as xsd:integer.
_INTEGER = NamedNode(str(vocab.XSD.integer))


def _expand(curie: str) -> NamedNode:
    prefix, _, local = curie.partition(":")
    if prefix not in vocab.PREFIXES:
        raise ValueError(f"rank rule names an unknown prefix: {curie}")
    return NamedNode(vocab.PREFIXES[prefix] + local)


def rank_quads(store: Store, select: str, prop: NamedNode, graph: NamedNode) -> list[Quad]:
    """Number the rows of a rank rule's SELECT within each ``?partition`` (see the module doc)."""
    result = run_query(store, select, prefixes=vocab.PREFIXES)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    if names[:2] != ["node", "partition"]:
        raise ValueError("a rank rule selects ?node ?partition and then its sort keys")
    partitions: dict[object, list[list]] = {}  # insertion-ordered: rows keep the query's order
    for solution in result:
        row = [solution[n] for n in names]
        partitions.setdefault(row[1], []).append(row)
    quads = []
    for rows in partitions.values():
        ordered: list[list] = []
        for _keys, tie in itertools.groupby(rows, key=lambda r: tuple(r[2:])):
            ordered.extend(sorted(tie, key=lambda r: r[0].value))
        quads.extend(Quad(r[0], prop, Literal(str(i), datatype=_INTEGER), graph)
                     for i, r in enumerate(ordered, 1))
    return quads


_HEAD = re.compile(r"\s*(INSERT|DELETE)\s*\{\s*GRAPH\s+graph:derived\s*\{", re.IGNORECASE)
_WHERE = re.compile(r"\s*WHERE\s*\{", re.IGNORECASE)


def _strip_comments(text: str) -> str:
    """Drop ``#`` comments (outside IRIs and strings), keeping line structure."""
    out = []
    for line in text.splitlines():
        cut, in_iri, quote = len(line), False, ""
        for i, ch in enumerate(line):
            if quote:
                quote = "" if ch == quote and line[i - 1] != "\\" else quote
            elif ch in "\"'":
                quote = ch
            elif ch == "<" and not in_iri and re.match(r"<[^\s<>\"{}|^`]*>", line[i:]):
                in_iri = True
            elif ch == ">" and in_iri:
                in_iri = False
            elif ch == "#" and not in_iri:
                cut = i
                break
        out.append(line[:cut])
    return "\n".join(out)


def _close(text: str, start: int) -> int:
    """Index just past the ``}`` matching the ``{`` opened before ``start``; -1 if none."""
    depth, i, quote = 1, start, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "<":
            m = re.match(r"<[^\s<>\"{}|^`]*>", text[i:])
            if m:
                i += m.end() - 1
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def split_operations(text: str) -> list[Operation]:
    """A rule's operations; the whole text as one ``UPDATE`` if it is not of the known shape.

    Why parse at all: the rules stay plain SPARQL UPDATE files that any SPARQL 1.1 store can
    run, and only this module decides to evaluate them as CONSTRUCT + bulk write.
    """
    body = _strip_comments(text)
    ops: list[Operation] = []
    pos = 0
    while body[pos:].strip():
        head = _HEAD.match(body, pos)
        if head is None:
            return [Operation("UPDATE", text)]
        t_end = _close(body, head.end())  # end of the GRAPH block
        if t_end < 0:
            return [Operation("UPDATE", text)]
        template = body[head.end(): t_end - 1]
        m = re.compile(r"\s*\}").match(body, t_end)  # end of INSERT { ... }
        where = _WHERE.match(body, m.end()) if m else None
        if where is None:
            return [Operation("UPDATE", text)]
        w_end = _close(body, where.end())
        if w_end < 0:
            return [Operation("UPDATE", text)]
        ops.append(Operation(head.group(1).upper(), body[pos:w_end], template,
                             body[where.end(): w_end - 1]))
        sep = re.compile(r"\s*;").match(body, w_end)
        pos = sep.end() if sep else w_end
        if not sep and body[pos:].strip():
            return [Operation("UPDATE", text)]
    return ops


def _construct(store: Store, op: Operation) -> QueryTriples:
    result = run_query(store, f"CONSTRUCT {{ {op.template} }} WHERE {{ {op.where} }}",
                       prefixes=vocab.PREFIXES)
    assert isinstance(result, QueryTriples)
    return result


def _n_triples(store: Store, op: Operation) -> bytes:
    return _construct(store, op).serialize(format=RdfFormat.N_TRIPLES) or b""


def _apply(store: Store, op: Operation, graph: NamedNode) -> None:
    if op.kind == "UPDATE":
        run_update(store, op.text, prefixes=vocab.PREFIXES)
        return
    if op.kind == "INSERT":
        add_ntriples(store, _n_triples(store, op), graph)
    else:
        result = _construct(store, op)
        remove_quads(store, [Quad(t.subject, t.predicate, t.object, graph) for t in result])


def _insert_concurrently(store: Store, ops: list[Operation], graph: NamedNode) -> None:
    """Evaluate INSERT operations that read no derived triple on a thread pool, then write
    their results in rule order. Why not write while others run: pyoxigraph's bulk loader is
    not transactional, so no query runs while it writes (the results, N-Triples bytes, are
    held meanwhile: about 200 MB at 1000x the seeds)."""
    if len(ops) <= 1:
        for op in ops:
            _apply(store, op, graph)
        return
    with ThreadPoolExecutor(max_workers=min(len(ops), os.cpu_count() or 1)) as pool:
        results = list(pool.map(lambda op: _n_triples(store, op), ops))
    for data in results:
        add_ntriples(store, data, graph)
