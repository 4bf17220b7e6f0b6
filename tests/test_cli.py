"""The ``kg`` command: every subcommand has help; user mistakes give one line, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

SUBCOMMANDS = [
    ["build"],
    ["facts"],
    ["evaluate"],
    ["dump"],
    ["load"],
    ["serve"],
    ["check-ontology"],
    ["wikidata", "refresh"],
]


@pytest.mark.parametrize("args", SUBCOMMANDS, ids=" ".join)
def test_every_subcommand_has_help(args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_bad_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["build", "--jobs", "zero"])
    assert result.exit_code == 2
    assert "Invalid value" in result.output


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_bad_path_is_one_line_without_traceback(tmp_path: Path) -> None:
    proc = _run("build", str(tmp_path / "nope"), "--store", str(tmp_path / "s"), "--no-progress")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "nope" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "command",
    [["dump", "-o", "o.nq"], ["facts", "--out", "out"], ["serve", "--port", "1"]],
    ids=lambda c: c[0],
)
def test_missing_store_is_one_line_without_traceback(tmp_path: Path, command: list[str]) -> None:
    name, *rest = command
    rest = [str(tmp_path / r) if r in ("o.nq", "out") else r for r in rest]
    proc = _run(name, "--store", str(tmp_path / "missing"), *rest)
    assert proc.returncode == 5, proc.stderr
    assert "no store" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
