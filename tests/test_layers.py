"""Data flows one way: each stage imports only from stages to its left (STYLE.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# module -> libraries that must not be loaded by importing it
RULES = {
    "kg.corpus": ["spacy", "pyoxigraph", "flask"],
    "kg.facts": ["spacy", "pyoxigraph", "flask", "rdflib"],
    "kg.linking": ["spacy", "pyoxigraph", "flask"],
    "kg.rdf": ["spacy", "flask"],
    "kg.store": ["spacy", "flask"],
    "kg.build": ["flask"],
    "kg.cli": ["spacy", "pyoxigraph", "flask"],
    "kg.serve": ["spacy", "kg.extraction"],
    "server": ["spacy", "kg.extraction"],
    "kg.extraction.extract": ["pyoxigraph", "rdflib", "kg.vocab", "flask"],
}


@pytest.mark.parametrize(("module", "forbidden"), sorted(RULES.items()))
def test_module_does_not_load_forbidden_libraries(module: str, forbidden: list[str]) -> None:
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        f"print(','.join(m for m in {forbidden!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()
    assert out == "", f"importing {module} loaded {out}"
