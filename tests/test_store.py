"""Store layout and API: versions, CURRENT pointer, lock, errors, queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg import store as kgstore
from kg.errors import QuerySyntaxError, StoreUnavailable

G = NamedNode("urn:test:g")
P = NamedNode("urn:test:p")


def q(i: int, graph: NamedNode = G) -> Quad:
    return Quad(NamedNode(f"urn:test:s{i}"), P, Literal(str(i)), graph)


def commit(root: Path, quads: list[Quad], from_empty: bool = False) -> str:
    with kgstore.writer_lock(root), kgstore.new_version(root, from_empty=from_empty) as v:
        assert v.store is not None
        kgstore.add_quads(v.store, quads)
    token = kgstore.current_version(root)
    assert token == v.name
    return token


def test_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match=r"no store at .*kg build"):
        kgstore.open_store(tmp_path / "nope")
    assert kgstore.current_version(tmp_path / "nope") is None


def test_empty_folder_was_never_built(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match="nothing built yet"):
        kgstore.open_store(tmp_path)


def test_pointer_to_a_missing_version(tmp_path: Path) -> None:
    (tmp_path / "CURRENT").write_text("000001-deadbeef\n")
    with pytest.raises(StoreUnavailable, match="missing"):
        kgstore.open_store(tmp_path)


def test_not_an_oxigraph_store(tmp_path: Path) -> None:
    (tmp_path / "versions" / "000001-x").mkdir(parents=True)
    (tmp_path / "versions" / "000001-x" / "junk").write_text("junk")
    (tmp_path / "CURRENT").write_text("000001-x\n")
    with pytest.raises(StoreUnavailable, match="cannot open"):
        kgstore.open_store(tmp_path)


def test_versions_switch_atomically_and_tokens_change(tmp_path: Path) -> None:
    root = tmp_path / "store"
    first = commit(root, [q(1)])
    reader = kgstore.open_store(root)
    assert len(reader) == 1
    with kgstore.writer_lock(root), kgstore.new_version(root) as v:
        assert v.store is not None and len(v.store) == 1  # starts from a backup of the live one
        kgstore.add_quads(v.store, [q(2)])
        # not visible until the block ends
        assert kgstore.current_version(root) == first
        assert len(kgstore.open_store(root)) == 1
    second = kgstore.current_version(root)
    assert second != first
    assert len(kgstore.open_store(root)) == 2
    assert len(reader) == 1  # an old reader keeps its consistent snapshot


def test_failed_write_leaves_the_live_version_and_no_debris(tmp_path: Path) -> None:
    root = tmp_path / "store"
    first = commit(root, [q(1)])
    with pytest.raises(RuntimeError), kgstore.writer_lock(root), kgstore.new_version(root) as v:
        assert v.store is not None
        kgstore.add_quads(v.store, [q(2)])
        raise RuntimeError("boom")
    assert kgstore.current_version(root) == first
    assert [p.name for p in (root / "versions").iterdir()] == [first]


def test_previous_version_kept_older_ones_deleted(tmp_path: Path) -> None:
    root = tmp_path / "store"
    tokens = [commit(root, [q(i)]) for i in range(4)]
    assert sorted(p.name for p in (root / "versions").iterdir()) == tokens[-2:]
    assert len(kgstore.open_store(root)) == 4


def test_stale_half_written_versions_are_removed(tmp_path: Path) -> None:
    root = tmp_path / "store"
    live = commit(root, [q(1)])
    stale = root / "versions" / "000002-0badc0de"
    stale.mkdir()
    (stale / "000001.sst").write_bytes(b"half")
    (root / "CURRENT.tmp").write_text("000002-0badc0de\n")
    with kgstore.writer_lock(root):
        assert kgstore.remove_stale_versions(root) == ["000002-0badc0de"]
    assert not stale.exists() and not (root / "CURRENT.tmp").exists()
    assert kgstore.current_version(root) == live


def test_from_empty_starts_over(tmp_path: Path) -> None:
    root = tmp_path / "store"
    commit(root, [q(1)])
    commit(root, [q(2)], from_empty=True)
    assert kgstore.nquads_lines(kgstore.open_store(root)) == [f"{q(2)} ."]


def test_writer_lock_is_exclusive(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with (
        kgstore.writer_lock(root),
        pytest.raises(StoreUnavailable, match="locked"),
        kgstore.writer_lock(root),
    ):
        pass
    with kgstore.writer_lock(root):  # released again
        pass


def test_read_write_open_of_a_locked_version(tmp_path: Path) -> None:
    root = tmp_path / "store"
    commit(root, [q(1)])
    writer = kgstore.open_store(root, read_only=False)
    with pytest.raises(StoreUnavailable, match=r"locked|cannot open"):
        kgstore.open_store(root, read_only=False)
    del writer


def test_several_readers_at_once(tmp_path: Path) -> None:
    root = tmp_path / "store"
    commit(root, [q(1), q(2)])
    readers = [kgstore.open_store(root) for _ in range(3)]
    assert [len(r) for r in readers] == [2, 2, 2]


def test_a_plain_oxigraph_directory_opens_but_is_never_written(tmp_path: Path) -> None:
    raw = Store(str(tmp_path / "raw"))
    raw.add(q(1))
    raw.flush()
    del raw
    assert kgstore.current_version(tmp_path / "raw").startswith("raw-")
    assert len(kgstore.open_store(tmp_path / "raw")) == 1
    with pytest.raises(StoreUnavailable, match="plain Oxigraph directory"):
        commit(tmp_path / "raw", [q(2)])
    assert len(kgstore.open_store(tmp_path / "raw")) == 1


def test_a_committed_version_is_closed_before_it_goes_live(tmp_path: Path) -> None:
    root = tmp_path / "store"
    commit(root, [q(1)])
    # RocksDB refuses a second read-write open in the same process while one is open.
    writer = Store(str(kgstore.version_dir(root)))
    assert len(writer) == 1
    del writer


def test_run_query_wraps_syntax_errors_with_position() -> None:
    store = Store()
    store.add(q(1))
    rows = list(kgstore.run_query(store, "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert rows[0]["s"] == NamedNode("urn:test:s1")
    with pytest.raises(QuerySyntaxError, match=r"1:\d+"):
        kgstore.run_query(store, "SELECT * WHERE { ?s ?p }")
    with pytest.raises(QuerySyntaxError, match=r"\d+:\d+"):
        kgstore.run_update(store, "INSERT DATA { <a> }")


def test_run_query_passes_options_through() -> None:
    store = Store()
    store.add(q(1))
    rows = list(kgstore.run_query(
        store, "SELECT ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True
    ))
    assert [r["o"].value for r in rows] == ["1"]


def test_replace_graph_drops_an_emptied_graph() -> None:
    store = Store()
    kgstore.replace_graph(store, G, [q(1), q(2)])
    assert len(store) == 2
    kgstore.replace_graph(store, G, [q(3)])
    assert kgstore.nquads_lines(store) == [f"{q(3)} ."]
    kgstore.replace_graph(store, G, [])
    assert list(store.named_graphs()) == []
