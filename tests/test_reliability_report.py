"""``kg.reliability.render``: figures and test outcomes recorded by the suite -> Markdown.

Why: the page is generated, so its arithmetic (sums per category, 5xx counted apart from the
expected 503 of a stopped query, checks not counted as inputs, kill points joined) is code and
gets a test of its own, on a tiny hand-made record.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.reliability import render


def write(path: Path, lines: list[dict]) -> None:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def test_render_sums_figures_and_reads_crash_tests(tmp_path: Path) -> None:
    fig = {"extra": {}, "at": 0}
    write(tmp_path / "figures.jsonl", [
        {**fig, "category": "hostile requests", "kind": "a", "tried": 3,
         "outcomes": {"400": 2, "500": 1}},
        {**fig, "category": "hostile requests", "kind": "a", "tried": 2, "outcomes": {"404": 2}},
        {**fig, "category": "hostile requests", "kind": "fingerprints", "tried": 9,
         "outcomes": {"unchanged": 9}, "extra": {"check": True}},
        {**fig, "category": "runaway queries", "kind": "r", "tried": 2,
         "outcomes": {"503, stopped and worker replaced": 2}},
        {**fig, "category": "build kills", "kind": "real", "tried": 1, "outcomes": {"ok": 1},
         "extra": {"points": "article:0"}},
        {**fig, "category": "build kills", "kind": "real", "tried": 1, "outcomes": {"ok": 1},
         "extra": {"points": "flushed"}},
    ])
    crash = "tests/test_crash.py::test_kill_at_each_named_step"
    write(tmp_path / "tests.jsonl", [
        {"nodeid": f"{crash}[locked]", "when": "setup", "outcome": "passed", "seconds": 1.0},
        {"nodeid": f"{crash}[locked]", "when": "call", "outcome": "passed", "seconds": 2.0},
        {"nodeid": f"{crash}[done]", "when": "call", "outcome": "failed", "seconds": 1.0},
    ])
    page = render(tmp_path, 0, 12.0)
    assert "| hostile requests | 5 | 1 | 0 |" in page
    assert "| runaway queries | 2 | 0 | 0 |" in page
    assert "| a | 5 | 400: 2, 404: 2, 500: 1 |" in page
    assert "points article:0 flushed" in page
    assert "points locked done" in page
    assert "| `tests/test_crash.py` | 1 | 1 | 0 | 0 | 4 |" in page
    assert "all passed** in 12 s" in page
