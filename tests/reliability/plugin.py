"""A pytest plugin (``-p tests.reliability.plugin``) that records every test's outcome.

Why: some figures of the report are best read from the tests themselves rather than from
numbers they record, e.g. ``tests/test_crash.py`` kills a build at each named fault point and
at timed moments, one parametrized test per fault; counting its passed cases is counting the
faults injected and survived. Used by ``python -m kg.reliability`` only.
"""

from __future__ import annotations

import json

import pytest

from tests.reliability.figures import out_dir

TESTS = "tests.jsonl"


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Write one line per test phase: nodeid, phase, outcome and duration.

    The renderer takes a test's outcome from its call (or from a failed/skipped setup) and
    adds the durations of all phases, so server start-up in fixtures counts toward run time.
    """
    folder = out_dir()
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    outcome = report.outcome
    if hasattr(report, "wasxfail"):
        outcome = "xfailed" if outcome == "skipped" else "xpassed"
    line = {"nodeid": report.nodeid, "when": report.when, "outcome": outcome,
            "seconds": round(report.duration, 3)}
    with (folder / TESTS).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")
