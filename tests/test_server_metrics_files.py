"""The shared metrics directory as ``kg serve`` leaves it after a worker was killed.

Real prometheus_client files in a real directory, read through ``ServerMetrics`` (what
``/health`` and ``/metrics`` call); no server is needed to reach the failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from prometheus_client.mmap_dict import MmapedDict, mmap_key

from server.metrics import ServerMetrics


def test_an_empty_file_left_by_a_killed_worker_breaks_neither_health_nor_metrics(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    # A worker that counted two restarts, as the library writes it ...
    written = MmapedDict(str(tmp_path / "counter_4101.db"))
    key = mmap_key("kg_worker_restarts", "kg_worker_restarts_total", [], [],
                   "Worker processes replaced.")
    written.write_value(key, 2.0, 0.0)
    written.close()
    # ... and one killed between creating its file and sizing it (prometheus/client_python#1199).
    (tmp_path / "counter_4102.db").write_bytes(b"")
    metrics = ServerMetrics()
    assert metrics.summary()["worker_restarts"] == 2
    assert b"kg_worker_restarts_total 2.0" in metrics.render()
