"""Validate: run the SHACL shapes of ``ontology/shapes.ttl`` over the built store.

Why: extraction is heuristic; SHACL states what a well-formed stance, membership or evidence
node must have, and pyshacl checks it independently of the code that wrote the data. The shapes
run over the union of all graphs except the meta graph (bookkeeping), as one rdflib graph:
rdflib is fine here because validation is opt-in (``kg build --validate``) and off the hot path.
Superclass types are already materialised in the derived graph, so no inference is run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.config import Settings
from kg.errors import DataFileError
from kg.store import open_store, union_triples

SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, in the words a reader needs."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"
    shape: str = ""

    def render(self) -> str:
        """``focus  path: message`` on one line."""
        where = f" {self.path}" if self.path else ""
        return f"  {self.severity}: {self.focus}{where}: {self.message}"


@dataclass
class ValidationReport:
    """All results of one validation run (``skipped`` says why nothing ran)."""

    violations: list[Violation] = field(default_factory=list)
    skipped: str | None = None

    @property
    def conforms(self) -> bool:
        """True when no result has severity Violation."""
        return not any(v.severity == "Violation" for v in self.violations)

    def render(self) -> str:
        """Readable block for the build summary (at most 50 results listed)."""
        if self.skipped:
            return f"validation: skipped ({self.skipped})"
        if not self.violations:
            return "validation: conforms (0 violations)"
        bad = sum(1 for v in self.violations if v.severity == "Violation")
        lines = [f"validation: {bad} violations, {len(self.violations) - bad} other results"]
        lines += [v.render() for v in self.violations[:50]]
        if len(self.violations) > 50:
            lines.append(f"  ... and {len(self.violations) - 50} more")
        return "\n".join(lines)


def _short(term: object, graph: object) -> str:
    if term is None:
        return ""
    return term.n3(graph.namespace_manager)  # type: ignore[attr-defined]


def validate_triples(nt_text: str, shapes_path: Path) -> ValidationReport:
    """Validate N-Triples text against a shapes file; returns a readable report."""
    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import SH

    from kg import vocab

    data = Graph()
    data.parse(data=nt_text, format="nt")
    for prefix, iri in vocab.PREFIXES.items():
        data.bind(prefix, iri, replace=True)
    shapes = Graph()
    try:
        shapes.parse(shapes_path, format="turtle")
    except (SyntaxError, ValueError) as exc:  # rdflib's BadSyntax is a SyntaxError
        raise DataFileError(f"{shapes_path}: cannot parse shapes ({exc})") from None
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    out = []
    for result in results.subjects(SH.resultSeverity, None):
        severity = results.value(result, SH.resultSeverity)
        out.append(Violation(
            focus=_short(results.value(result, SH.focusNode), data),
            path=_short(results.value(result, SH.resultPath), data),
            message=str(results.value(result, SH.resultMessage) or ""),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            shape=_short(results.value(result, SH.sourceShape), data),
        ))
    return ValidationReport(sorted(out))


def validate_store(settings: Settings) -> ValidationReport:
    """Validate the live store against ``<ontology_dir>/shapes.ttl`` (skipped if absent)."""
    shapes_path = Path(settings.ontology_dir) / SHAPES_FILE
    if not shapes_path.is_file():
        return ValidationReport(skipped=f"no shapes file at {shapes_path}")
    store = open_store(Path(settings.store))
    nt = "".join(f"{t} .\n" for t in union_triples(store))
    del store
    return validate_triples(nt, shapes_path)
