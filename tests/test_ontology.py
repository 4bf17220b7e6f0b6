"""The ontology: Turtle and RDF/XML agree, OWL 2 DL (OWL API), consistent (HermiT), documented.

Why each layer: rdflib only checks syntax; the OWL API is what Protégé and reasoners use and
tells us which triples it could not turn into axioms and which OWL 2 DL rules are broken;
HermiT proves the axioms (disjointness, domains, functional properties) admit the instance
data our writer produces. Java-based checks skip, with the reason, when Java or the jars are
absent; CI installs them (Debian ``default-jdk-headless`` and ``libowlapi-java``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg import ontology
from kg.vocab import (
    DCTERMS,
    KG,
    ONTOLOGY_IRI,
    ONTOLOGY_VERSION,
    ONTOLOGY_VERSION_IRI,
    OWL,
    RDF,
    RDFS,
    SKOS,
)

TESTS = Path(__file__).resolve().parent
SAMPLE = TESTS / "data" / "sample_instances.ttl"
JAVA_SOURCE = TESTS / "java" / "CheckOntology.java"
ROOT = TESTS.parent

#: Debian's libowlapi-java and the jars it needs at run time (found with ``dpkg -L`` and the
#: Debian POMs under /usr/share/maven-repo). owlapi-distribution embeds all OWL API modules.
JAVA_DIR = Path(os.environ.get("KG_JAVA_DIR", "/usr/share/java"))
OWLAPI_JARS = (
    "owlapi-distribution",
    "guava",
    "caffeine",
    "slf4j-api",
    "slf4j-nop",
    "commons-rdf-api",
    "atinject-jsr330-api",
    "jsr305",
    "commons-io",
    "xz",
    "hppcrt",
    "rdf4j-model-api",
    "rdf4j-model",
    "rdf4j-rio-api",
    "rdf4j-util",
)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology.load_ontology()


def _merged(*extra: Path | str) -> Graph:
    graph = ontology.load_ontology()
    for item in extra:
        if isinstance(item, Path):
            graph.parse(str(item), format="turtle")
        else:
            graph.parse(data=item, format="turtle")
    return graph


# --- files ---


def test_turtle_and_rdfxml_are_isomorphic(onto: Graph) -> None:
    copy = Graph().parse(str(ontology.OWL_PATH), format="xml")
    assert isomorphic(onto, copy)


def test_rdfxml_is_up_to_date() -> None:
    """Regenerating kg.owl gives the same bytes (else: run ``python -m kg.ontology``)."""
    assert ontology.OWL_PATH.read_text(encoding="utf-8") == ontology.rdfxml()


def test_write_rdfxml_roundtrips(tmp_path: Path, onto: Graph) -> None:
    out = ontology.write_rdfxml(tmp_path / "kg.owl")
    assert isomorphic(Graph().parse(str(out), format="xml"), onto)


def test_check_ontology_finds_no_problem() -> None:
    assert ontology.check_ontology() == []


def test_check_ontology_reports_a_stale_copy(tmp_path: Path) -> None:
    stale = tmp_path / "kg.owl"
    graph = ontology.load_ontology()
    graph.remove((KG.Stance, RDFS.label, None))
    stale.write_text(ontology.rdfxml(graph), encoding="utf-8")
    assert any("out of date" in p for p in ontology.check_ontology(owl=stale))


def test_check_ontology_reports_a_missing_definition(tmp_path: Path) -> None:
    graph = ontology.load_ontology()
    graph.remove((KG.Stance, SKOS.definition, None))
    ttl = tmp_path / "kg.ttl"
    graph.serialize(str(ttl), format="turtle")
    problems = ontology.check_ontology(ttl=ttl)
    assert any(str(KG.Stance) in p and "skos:definition" in p for p in problems)


# --- header and axioms ---


def test_header(onto: Graph) -> None:
    iri = URIRef(ONTOLOGY_IRI)
    assert (iri, RDF.type, OWL.Ontology) in onto
    assert (iri, OWL.versionIRI, URIRef(ONTOLOGY_VERSION_IRI)) in onto
    assert str(onto.value(iri, OWL.versionInfo)) == ONTOLOGY_VERSION
    assert str(onto.value(iri, DCTERMS.license)).endswith("creativecommons.org/licenses/by/4.0/")
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.creator):
        assert onto.value(iri, prop) is not None
    assert (iri, OWL.imports, None) not in onto
    # dcterms:issued is a datatype property (on articles), so never an annotation here.
    assert (iri, DCTERMS.issued, None) not in onto


def test_no_iri_is_two_kinds_of_property(onto: Graph) -> None:
    assert ontology.punning_problems(onto) == []


def test_dcterms_terms_have_one_kind_each(onto: Graph) -> None:
    assert (DCTERMS.issued, RDF.type, OWL.DatatypeProperty) in onto
    assert (DCTERMS.language, RDF.type, OWL.DatatypeProperty) in onto
    for annotation in (DCTERMS.title, DCTERMS.creator, DCTERMS.license):
        assert (annotation, RDF.type, OWL.AnnotationProperty) in onto


@pytest.mark.parametrize(
    ("prop", "kind"),
    [
        (KG.holder, OWL.FunctionalProperty),
        (KG.target, OWL.FunctionalProperty),
        (KG.polarity, OWL.FunctionalProperty),
        (KG.stanceKind, OWL.FunctionalProperty),
        (KG.heldBy, OWL.FunctionalProperty),
        (KG.partnerOf, OWL.SymmetricProperty),
    ],
)
def test_property_characteristics(onto: Graph, prop: URIRef, kind: URIRef) -> None:
    assert (prop, RDF.type, kind) in onto


@pytest.mark.parametrize(
    ("a", "b"), [(KG.hasMember, KG.memberOf), (KG.holds, KG.heldBy), (KG.hasStance, KG.holder)]
)
def test_inverses(onto: Graph, a: URIRef, b: URIRef) -> None:
    assert (a, OWL.inverseOf, b) in onto


def _disjoint_pairs(onto: Graph) -> set[frozenset[URIRef]]:
    pairs = {frozenset(p) for p in onto.subject_objects(OWL.disjointWith)}
    for node in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(onto.items(onto.value(node, OWL.members)))
        pairs |= {frozenset((x, y)) for x in members for y in members if x != y}
    return pairs


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (KG.Person, KG.State),
        (KG.State, KG.InternationalOrganization),
        (KG.Person, KG.Organization),
        (KG.Stance, KG.Membership),
        (KG.Stance, KG.Actor),
        (KG.Event, KG.Actor),
        (KG.Role, KG.Statement),
        (KG.Evidence, KG.Article),
    ],
)
def test_disjoint(onto: Graph, a: URIRef, b: URIRef) -> None:
    assert frozenset((a, b)) in _disjoint_pairs(onto)


def test_alliance_may_be_an_international_organization(onto: Graph) -> None:
    """NATO is both; a disjointness axiom here would make such data inconsistent."""
    assert frozenset((KG.Alliance, KG.InternationalOrganization)) not in _disjoint_pairs(onto)


def test_date_ranges_are_owl2_datatypes(onto: Graph) -> None:
    xsd = str(RDF).replace("1999/02/22-rdf-syntax-ns#", "2001/XMLSchema#")
    for prop in (KG.date, KG.startDate, KG.endDate):
        assert str(onto.value(prop, RDFS.range)) == xsd + "dateTime"
    for _, rng in onto.subject_objects(RDFS.range):
        assert not str(rng).endswith(("#date", "#gYear", "#gYearMonth")), rng


# --- OWL API (Java) ---


def _java_classpath() -> str:
    if shutil.which("java") is None or shutil.which("javac") is None:
        pytest.skip("java/javac not installed (CI installs default-jdk-headless)")
    if not (JAVA_DIR / "owlapi-distribution.jar").exists():
        pytest.skip(f"OWL API jars not in {JAVA_DIR} (CI installs Debian libowlapi-java)")
    missing = [j for j in OWLAPI_JARS if not (JAVA_DIR / f"{j}.jar").exists()]
    assert missing == [], f"libowlapi-java is installed but its dependencies are not: {missing}"
    return os.pathsep.join(str(JAVA_DIR / f"{j}.jar") for j in OWLAPI_JARS)


@pytest.fixture(scope="module")
def owlapi_checker(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Command prefix running the compiled tests/java/CheckOntology.java."""
    classpath = _java_classpath()
    out = tmp_path_factory.mktemp("java")
    subprocess.run(
        ["javac", "-cp", classpath, "-d", str(out), str(JAVA_SOURCE)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return ["java", "-cp", classpath + os.pathsep + str(out), "CheckOntology"]


def _owlapi_reports(checker: list[str], *paths: Path) -> dict[str, str]:
    """Report of CheckOntology per file, from one JVM run (its start-up is the slow part)."""
    proc = subprocess.run(
        [*checker, *map(str, paths)], capture_output=True, text=True, timeout=180, check=False
    )
    reports: dict[str, str] = {}
    current = None
    for line in proc.stdout.splitlines():
        if line.startswith("FILE "):
            current = line[5:]
            reports[current] = ""
        elif current is not None:
            reports[current] += line + "\n"
    assert all("SUMMARY" in r for r in reports.values()) and reports, proc.stderr
    return reports


CLEAN = "unparsed=0 guessed=0 violations=0"


@pytest.fixture(scope="module")
def owlapi_reports(
    owlapi_checker: list[str], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """OWL API reports for kg.owl, ontology + sample instances, and a deliberately bad file."""
    tmp = tmp_path_factory.mktemp("owlapi")
    merged = tmp / "merged.owl"
    merged.write_text(ontology.rdfxml(_merged(SAMPLE)), encoding="utf-8")
    punned = tmp / "punned.owl"
    holder_as_datatype_property = (
        "<https://w3id.org/geokg/ontology#holder> a "
        "<http://www.w3.org/2002/07/owl#DatatypeProperty> ."
    )
    punned.write_text(ontology.rdfxml(_merged(holder_as_datatype_property)), encoding="utf-8")
    reports = _owlapi_reports(owlapi_checker, ontology.OWL_PATH, ontology.TTL_PATH, merged, punned)
    return {
        "kg.owl": reports[str(ontology.OWL_PATH)],
        "kg.ttl": reports[str(ontology.TTL_PATH)],
        "merged": reports[str(merged)],
        "punned": reports[str(punned)],
    }


@pytest.mark.java
def test_owlapi_kg_owl_is_owl2_dl(owlapi_reports: dict[str, str]) -> None:
    assert CLEAN in owlapi_reports["kg.owl"], owlapi_reports["kg.owl"]


@pytest.mark.java
def test_owlapi_reads_the_turtle_source_the_same_way(owlapi_reports: dict[str, str]) -> None:
    assert CLEAN in owlapi_reports["kg.ttl"], owlapi_reports["kg.ttl"]
    axioms = [
        r.split("axioms=")[1].split()[0]
        for r in (owlapi_reports["kg.ttl"], owlapi_reports["kg.owl"])
    ]
    assert axioms[0] == axioms[1]


@pytest.mark.java
def test_owlapi_ontology_with_instances_is_owl2_dl(owlapi_reports: dict[str, str]) -> None:
    assert CLEAN in owlapi_reports["merged"], owlapi_reports["merged"]


@pytest.mark.java
def test_owlapi_catches_punning(owlapi_reports: dict[str, str]) -> None:
    """The checker itself works: a property both object and datatype is a DL violation."""
    assert "VIOLATION" in owlapi_reports["punned"], owlapi_reports["punned"]


@pytest.mark.java
@pytest.mark.model
def test_owlapi_protege_export_of_the_seed_graph_is_owl2_dl(
    owlapi_checker: list[str], seed_store: Path, tmp_path: Path
) -> None:
    """``kg dump --format xml`` of the real seed graph opens as OWL 2 DL (what Protégé loads)."""
    out = tmp_path / "export.owl"
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "dump", "--store", str(seed_store), "--format", "xml",
         "-o", str(out)],
        check=True, capture_output=True, timeout=300,
    )
    report = _owlapi_reports(owlapi_checker, out)[str(out)]
    assert CLEAN in report, report[:3000]


# --- HermiT via owlready2 ---


def _reason(graph: Graph, tmp_path: Path) -> tuple[bool, list[str]]:
    """(consistent, unsatisfiable class IRIs) according to HermiT."""
    owlready2 = pytest.importorskip("owlready2", reason="owlready2 not installed (dev extra)")
    if shutil.which("java") is None:
        pytest.skip("java not installed: HermiT runs on the JVM")
    path = tmp_path / "reason.nt"
    graph.serialize(str(path), format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    try:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False, []
    return True, sorted(c.iri for c in world.inconsistent_classes())


@pytest.mark.java
def test_hermit_ontology_and_sample_consistent_every_class_satisfiable(tmp_path: Path) -> None:
    """Ontology + sample instances: consistent, no class equivalent to owl:Nothing.

    One HermiT run covers the ontology alone too (an unsatisfiable class stays unsatisfiable
    whatever the data); only when the union is inconsistent is the ontology reasoned alone,
    to say which of the two is at fault.
    """
    result = _reason(_merged(SAMPLE), tmp_path)
    if result != (True, []):
        alone = _reason(ontology.load_ontology(), tmp_path)
        pytest.fail(f"ontology + sample: {result}; ontology alone: {alone}")


@pytest.mark.java
def test_hermit_sees_the_instances(tmp_path: Path) -> None:
    """Sanity check of the harness: a state that is also a person is inconsistent."""
    bad = _merged(
        SAMPLE, "<https://w3id.org/geokg/entity/china> a <https://w3id.org/geokg/ontology#Person> ."
    )
    consistent, _ = _reason(bad, tmp_path)
    assert not consistent


# --- docs ---


def test_write_docs(tmp_path: Path) -> None:
    try:
        ontology._import_pylode()
    except ImportError as exc:
        pytest.skip(f"pylode not importable: {exc}")
    index = ontology.write_docs(tmp_path)
    html = index.read_text(encoding="utf-8")
    assert "Stance" in html and "holder" in html


def test_model_diagram_names_only_ontology_terms(onto: Graph) -> None:
    """docs/model.dot mentions kg: terms that exist (the diagram cannot drift silently)."""
    dot = ROOT / "docs" / "model.dot"
    if not dot.exists():
        pytest.skip("docs/model.dot not written yet")
    import re

    names = set(re.findall(r"kg:([A-Za-z]+)", dot.read_text(encoding="utf-8")))
    assert names, "model.dot uses kg: names"
    for name in sorted(names):
        assert (URIRef(str(KG._NS) + name), RDF.type, None) in onto, name


# --- what kg/rdf.py writes, and the CLI ---


@pytest.mark.java
def test_rdf_writer_output_is_owl2_dl_and_consistent(
    owlapi_checker: list[str], tmp_path: Path, writer_graph: Graph
) -> None:
    merged = ontology.load_ontology() + writer_graph
    path = tmp_path / "writer.owl"
    path.write_text(ontology.rdfxml(merged), encoding="utf-8")
    report = _owlapi_reports(owlapi_checker, path)[str(path)]
    assert CLEAN in report, report
    assert _reason(merged, tmp_path) == (True, [])


def test_cli_check_ontology() -> None:
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["check-ontology"])
    assert result.exit_code == 0, result.output
    assert "ontology OK" in result.output


@pytest.mark.java
@pytest.mark.model
def test_hermit_finds_the_seed_graph_export_consistent(seed_store: Path, tmp_path: Path) -> None:
    """The real seed graph (ontology + entities + facts + derived) is consistent for HermiT."""
    out = tmp_path / "export.nt"
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "dump", "--store", str(seed_store), "--format",
         "ntriples", "-o", str(out)],
        check=True, capture_output=True, timeout=300,
    )
    consistent, unsatisfiable = _reason(Graph().parse(str(out), format="nt"), tmp_path)
    assert consistent
    assert unsatisfiable == []
