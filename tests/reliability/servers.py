"""Servers, store fingerprints and process memory for the reliability tests.

Why here and not in ``tests/conftest.py``: the hostile-request tests need a server that is
read-only (no update token, unlike ``sample_server``) over a store nobody else writes, so that
"the store never changed" is a statement about hostile requests only.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.conftest import (
    ROOT,
    SAMPLE_TRIG,
    LiveServer,
    load_into_store,
    start_server,
    stop_server,
)


@dataclass(frozen=True)
class Fingerprint:
    """What "the store did not change" compares: live version, quad count, hash of quads."""

    version: str | None
    quads: int
    sha256: str


def fingerprint(store: Path) -> Fingerprint:
    """Fingerprint of the live version of ``store`` (sorted N-Quads, hashed).

    Why open it here: a live version is never written again, so a read-only open next to the
    server's workers is safe (``kg.store.open_store``).
    """
    from kg import store as kgstore

    handle = kgstore.open_store(store)
    lines = kgstore.nquads_lines(handle)
    del handle
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return Fingerprint(kgstore.current_version(store), len(lines), digest)


def readonly_server(tmp: Path, *, timeout: float = 2.0, workers: int = 2,
                    max_rows: int = 200) -> tuple[LiveServer, Path]:
    """``kg serve`` without an update token over a fresh store of the sample data."""
    store = load_into_store(tmp / "store", [SAMPLE_TRIG])
    env = {"KG_QUERIES": str(ROOT / "queries"), "KG_UPDATE_TOKEN": ""}
    server = start_server(store, tmp / "server.log", timeout=timeout, max_rows=max_rows,
                          workers=workers, env=env)
    return server, store


def serve(tmp: Path, **kwargs: object) -> Iterator[tuple[LiveServer, Path]]:
    """Generator body for fixtures: start a read-only server, stop it afterwards."""
    server, store = readonly_server(tmp, **kwargs)  # type: ignore[arg-type]
    try:
        yield server, store
    finally:
        stop_server(server)


def health(server: LiveServer) -> dict:
    """The ``/health`` report."""
    return requests.get(server.url + "/health", timeout=30).json()


# --- memory ---------------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(entry))
    return out


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (the forkserver's query workers are grandchildren)."""
    children = _children()
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    return tree


def rss_bytes(pid: int) -> int:
    """Resident set size of one process from ``/proc`` (0 when it is gone).

    Why /proc and not psutil: one field of one file; no extra dependency for CI.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> int:
    """RSS of the server and every process under it (workers, forkserver), in bytes."""
    return sum(rss_bytes(p) for p in process_tree(pid))
