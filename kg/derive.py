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
"""

from __future__ import annotations

import hashlib
from importlib import resources

from pyoxigraph import NamedNode, Store

from kg import vocab
from kg.store import remove_graph, run_update

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

    Each rule is one transactional ``update``; rules use the project ``PREFIXES`` (passed as
    ``prefixes=``), so no ``.rq`` file spells out an IRI.
    """
    graph = NamedNode(str(vocab.DERIVED_GRAPH))
    remove_graph(store, graph)
    for _name, text in rules():
        run_update(store, text, prefixes=vocab.PREFIXES)
    count = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
    if count == 0:
        remove_graph(store, graph)  # an empty graph would still be listed; a clean build has none
    return count
