"""kg/vocab.py and ontology/kg.ttl declare the same terms; IRIs live only in kg/vocab.py.

Why: code reaches the ontology only through ``KG``/``KGC`` (a typo raises), so a term missing
from either side is a bug in waiting: a class the writer emits that the ontology does not
define, or a documented term no code can name.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg import facts
from kg.ontology import (
    SCHEME_OF_CLASS,
    annotation_problems,
    declared_terms,
    load_ontology,
    vocab_terms,
)
from kg.vocab import KG, KGC, OWL, RDF, RDFS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


@pytest.mark.parametrize("namespace", [KG, KGC], ids=["KG", "KGC"])
def test_ttl_declares_exactly_the_vocab_terms(onto: Graph, namespace: type) -> None:
    declared = declared_terms(onto, str(namespace._NS))
    listed = vocab_terms(namespace)
    assert sorted(listed - declared) == [], "listed in kg/vocab.py but not declared in kg.ttl"
    assert sorted(declared - listed) == [], "declared in kg.ttl but missing from kg/vocab.py"


def test_no_undeclared_kg_terms_are_used(onto: Graph) -> None:
    """Every kg:/kgc: IRI that appears anywhere in kg.ttl is a declared term."""
    used = {
        n
        for t in onto
        for n in t
        if isinstance(n, URIRef) and str(n).startswith((str(KG._NS), str(KGC._NS)))
    }
    declared = declared_terms(onto, str(KG._NS)) | declared_terms(onto, str(KGC._NS))
    assert sorted(used - declared) == []


def test_every_vocab_term_resolves() -> None:
    for namespace in (KG, KGC):
        for name in vocab_terms(namespace):
            local = str(name)[len(str(namespace._NS)) :]
            assert getattr(namespace, local) == name


def test_every_class_and_property_has_label_and_definition(onto: Graph) -> None:
    assert annotation_problems(onto) == []


def _enum_terms(enum: type[StrEnum], namespace: type) -> set[URIRef]:
    return {URIRef(str(namespace._NS) + member.value) for member in enum}


@pytest.mark.parametrize(
    ("enum", "scheme_class"),
    [
        (facts.Polarity, KG.Polarity),
        (facts.StanceKind, KG.StanceKind),
        (facts.PartnershipDomain, KG.PartnershipDomain),
        (facts.PartnershipStatus, KG.PartnershipStatus),
        (facts.MembershipStatus, KG.MembershipStatus),
    ],
    ids=lambda x: getattr(x, "__name__", str(x).rsplit("#", 1)[-1]),
)
def test_fact_enums_are_exactly_the_concepts_of_a_scheme(
    onto: Graph, enum: type[StrEnum], scheme_class: URIRef
) -> None:
    """What extraction can say (facts.py) is exactly what the scheme defines, no more, no less."""
    assert scheme_class in SCHEME_OF_CLASS
    assert _enum_terms(enum, KGC) == set(onto.subjects(RDF.type, scheme_class))


def _subclass_closure(onto: Graph, top: URIRef) -> set[URIRef]:
    return set(onto.transitive_subjects(RDFS.subClassOf, top))


def test_entity_classes_are_actor_or_place_classes(onto: Graph) -> None:
    allowed = _subclass_closure(onto, KG.Actor) | _subclass_closure(onto, KG.Place)
    for term in _enum_terms(facts.EntityClass, KG):
        assert (term, RDF.type, OWL.Class) in onto
        assert term in allowed, term


def test_event_types_are_event_classes(onto: Graph) -> None:
    events = _subclass_closure(onto, KG.Event)
    assert _enum_terms(facts.EventType, KG) == events


# The rule: in kg/ and server/ Python files (vocab.py excepted), no line may contain a string
# starting with http ("http or 'http). Comments and docstrings count too: simple beats clever.
_HTTP_LITERAL = re.compile(r"""["']https?:""")


def _python_files() -> list[Path]:
    files = []
    for package in ("kg", "server"):
        base = ROOT / package
        if base.is_dir():
            files += [p for p in sorted(base.rglob("*.py")) if p != ROOT / "kg" / "vocab.py"]
    return files


def test_no_http_literals_outside_vocab() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in _python_files()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _HTTP_LITERAL.search(line)
    ]
    assert offenders == [], "IRIs and URLs belong in kg/vocab.py:\n" + "\n".join(offenders)
