"""RDF: facts -> pyoxigraph quads in the ontology.

Why: this is the only module that turns the Python facts of ``kg/facts.py`` into IRIs, so the
mapping from extraction to the ontology lives in one place and stays deterministic. Fact IRIs
are content hashes of the fact's identity and evidence span, never counters or timestamps, so
two builds of the same article write identical quads (idempotent builds).

Layout (see README, "Graph layout"):

* the article's named graph (``vocab.article_graph``): the article node with its text, mentions,
  facts (n-ary nodes) and one Evidence node per fact;
* the entity graph: one canonical description per entity (``entity_quads``);
* the meta graph: build bookkeeping per article (content hash, extractor, the entities its
  extraction resolved) so the entity graph can be recomputed without re-extracting.

The build's hot path uses pyoxigraph terms only; rdflib stays in ontology tooling and tests.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import fields
from decimal import Decimal
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad

from kg import vocab
from kg.corpus import Article
from kg.facts import (
    ArticleExtraction,
    Entity,
    EntityClass,
    EventFact,
    Evidence,
    Fact,
    FuzzyDate,
    MembershipFact,
    Mention,
    PartnershipFact,
    RoleFact,
    StanceFact,
    StatementFact,
)
from kg.vocab import KG, KGC

XSD_DATETIME = NamedNode(str(vocab.XSD.dateTime))
XSD_DECIMAL = NamedNode(str(vocab.XSD.decimal))
XSD_INTEGER = NamedNode(str(vocab.XSD.integer))
XSD_NNI = NamedNode(str(vocab.XSD.nonNegativeInteger))
XSD_BOOLEAN = NamedNode(str(vocab.XSD.boolean))


@lru_cache(maxsize=65536)
def node(iri: str) -> NamedNode:
    """A pyoxigraph ``NamedNode`` for an IRI string (cached: the same terms recur constantly)."""
    return NamedNode(str(iri))


RDF_TYPE = node(vocab.RDF.type)
RDFS_LABEL = node(vocab.RDFS.label)


class _Terms:
    """``NamedNode``s of one vocabulary's terms, made on first use, then kept as attributes.

    Why: ``KG.evidence`` goes through rdflib's ``DefinedNamespace`` (``__getattr__``, IRI
    checks, a new ``URIRef``) and :func:`node` then hashes that ``URIRef`` (rdflib hashes its
    type name with its text on every call). ``article_quads`` writes ~35 quads per fact, and
    that lookup chain was about a third of its time (``python -m bench --sections loading``).
    After the first use a term here is a plain attribute lookup; the IRIs are the same.
    """

    def __init__(self, namespace: object) -> None:
        self._ns = namespace

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        term = NamedNode(str(self._ns[name]))  # type: ignore[index]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> NamedNode:
        return getattr(self, name)


K = _Terms(KG)
KC = _Terms(KGC)
NIF = _Terms(vocab.NIF)
PROV = _Terms(vocab.PROV)
DCTERMS = _Terms(vocab.DCTERMS)
SKOS = _Terms(vocab.SKOS)
OWL = _Terms(vocab.OWL)


def text(value: str, lang: str | None = None) -> Literal:
    """A plain or language-tagged string literal."""
    return Literal(value, language=lang) if lang else Literal(value)


def integer(value: int, non_negative: bool = True) -> Literal:
    """An ``xsd:nonNegativeInteger`` (offsets, indices) or ``xsd:integer`` literal."""
    return Literal(str(int(value)), datatype=XSD_NNI if non_negative else XSD_INTEGER)


def decimal(value: float) -> Literal:
    """An ``xsd:decimal`` literal rounded to 3 places (stable across platforms)."""
    return Literal(str(Decimal(str(round(float(value), 3)))), datatype=XSD_DECIMAL)


def boolean(value: bool) -> Literal:
    """An ``xsd:boolean`` literal."""
    return Literal("true" if value else "false", datatype=XSD_BOOLEAN)


def datetime_literal(date: FuzzyDate) -> Literal:
    """``xsd:dateTime`` at the start of the period (OWL 2 has no ``xsd:date``/``xsd:gYear``)."""
    return Literal(date.datetime_lexical, datatype=XSD_DATETIME)


def entity_node(key: str) -> NamedNode:
    """The canonical IRI of an entity key."""
    return node(vocab.entity_iri(key))


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


_FACT_KIND = {
    MembershipFact: "membership",
    PartnershipFact: "partnership",
    StanceFact: "stance",
    StatementFact: "statement",
    RoleFact: "role",
    EventFact: "event",
}


def fact_id(fact: Fact) -> str:
    """Deterministic local id of a fact: article, kind and a hash of all its fields."""
    kind = _FACT_KIND[type(fact)]
    return f"{fact.evidence.article_id}-{kind}-{_digest(kind, repr(fact))}"


class _Writer:
    """Collects quads for one graph; small helper to keep the mapping readable."""

    def __init__(self, graph: str) -> None:
        self.graph = node(graph)
        self.quads: list[Quad] = []

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | str) -> None:
        obj = node(o) if isinstance(o, str) else o
        self.quads.append(Quad(s, p, obj, self.graph))

    def date(
        self, s: NamedNode, date: FuzzyDate | None, prop: NamedNode, precision_prop: NamedNode
    ) -> None:
        if date is not None:
            self.add(s, prop, datetime_literal(date))
            self.add(s, precision_prop, text(date.precision.value))


def _evidence(w: _Writer, subject: NamedNode, fid: str, ev: Evidence, article: NamedNode) -> None:
    ev_node = node(vocab.fact_iri(fid + "-ev"))
    w.add(subject, K.evidence, ev_node)
    w.add(ev_node, RDF_TYPE, K.Evidence)
    w.add(ev_node, K.inArticle, article)
    w.add(ev_node, K.sentenceText, text(ev.sentence))
    w.add(ev_node, K.sentenceIndex, integer(ev.sentence_index))
    w.add(ev_node, NIF.beginIndex, integer(ev.start))
    w.add(ev_node, NIF.endIndex, integer(ev.end))
    w.add(ev_node, NIF.anchorOf, text(ev.text))
    w.add(ev_node, K.confidence, decimal(ev.confidence))
    w.add(ev_node, K.extractorName, text(ev.extractor))
    w.add(ev_node, PROV.wasGeneratedBy, node(vocab.activity_iri(ev.article_id)))


def _fact(w: _Writer, fact: Fact, article: NamedNode) -> None:
    fid = fact_id(fact)
    s = node(vocab.fact_iri(fid))
    w.add(s, K.inArticle, article)
    if isinstance(fact, StanceFact):
        w.add(s, RDF_TYPE, K.Stance)
        w.add(s, K.holder, entity_node(fact.holder))
        w.add(s, K.target, entity_node(fact.target))
        w.add(s, K.polarity, KC[fact.polarity.value])
        w.add(s, K.stanceKind, KC[fact.kind.value])
        if fact.quote:
            w.add(s, K.quote, text(fact.quote))
        if fact.topic:
            w.add(s, K.topic, text(fact.topic))
        if fact.hedged:
            w.add(s, K.hedged, boolean(True))
        w.date(s, fact.date, K.date, K.datePrecision)
    elif isinstance(fact, StatementFact):
        w.add(s, RDF_TYPE, K.Statement)
        w.add(s, K.speaker, entity_node(fact.speaker))
        if fact.on_behalf_of:
            w.add(s, K.onBehalfOf, entity_node(fact.on_behalf_of))
        w.add(s, K.quotedText, text(fact.quote))
        w.date(s, fact.date, K.date, K.datePrecision)
    elif isinstance(fact, MembershipFact):
        w.add(s, RDF_TYPE, K.Membership)
        w.add(s, K.member, entity_node(fact.member))
        w.add(s, K.organization, entity_node(fact.organization))
        w.add(s, K.membershipStatus, KC[fact.status.value])
        w.date(s, fact.start, K.startDate, K.startDatePrecision)
        w.date(s, fact.end, K.endDate, K.endDatePrecision)
    elif isinstance(fact, PartnershipFact):
        w.add(s, RDF_TYPE, K.Partnership)
        for party in sorted(set(fact.parties)):
            w.add(s, K.party, entity_node(party))
        for domain in sorted(set(fact.domains)):
            w.add(s, K.domain, KC[domain.value])
        w.add(s, K.partnershipStatus, KC[fact.status.value])
        w.date(s, fact.since, K.startDate, K.startDatePrecision)
    elif isinstance(fact, RoleFact):
        w.add(s, RDF_TYPE, K.Role)
        w.add(s, K.heldBy, entity_node(fact.person))
        if fact.of:
            w.add(s, K.postIn, entity_node(fact.of))
        w.add(s, K.roleName, text(fact.role))
        if fact.former:
            w.add(s, K.formerPost, boolean(True))
    elif isinstance(fact, EventFact):
        w.add(s, RDF_TYPE, K[fact.type.value])
        w.add(s, RDFS_LABEL, text(fact.label, "en"))
        for participant in sorted(set(fact.participants)):
            w.add(s, K.participant, entity_node(participant))
        if fact.place:
            w.add(s, K.place, entity_node(fact.place))
        w.date(s, fact.date, K.date, K.datePrecision)
    else:  # pragma: no cover - the Fact union is closed
        raise TypeError(f"not a fact: {fact!r}")
    _evidence(w, s, fid, fact.evidence, article)


def _mention(w: _Writer, m: Mention, article_id: str, article: NamedNode) -> None:
    s = node(vocab.fact_iri(f"{article_id}-mention-{m.start}-{m.end}"))
    w.add(s, RDF_TYPE, K.Mention)
    w.add(s, K.denotes, entity_node(m.entity))
    w.add(s, K.inArticle, article)
    w.add(s, NIF.beginIndex, integer(m.start))
    w.add(s, NIF.endIndex, integer(m.end))
    w.add(s, NIF.anchorOf, text(m.text))
    w.add(s, K.sentenceIndex, integer(m.sentence_index))


def extractor_iri(version: str) -> str:
    """IRI of the extractor software agent for one pipeline version."""
    return vocab.activity_iri("extractor-" + _digest(version))


def article_quads(article: Article, extraction: ArticleExtraction) -> list[Quad]:
    """All quads of one article's named graph: article, activity, mentions, facts, evidence."""
    w = _Writer(vocab.article_graph(article.id))
    a = node(vocab.article_iri(article.id))
    w.add(a, RDF_TYPE, K.Article)
    if article.title:
        w.add(a, DCTERMS.title, text(article.title, article.language))
    if article.published:
        w.add(a, DCTERMS.issued, datetime_literal(article.published))
        w.add(a, K.issuedPrecision, text(article.published.precision.value))
    if article.published_basis:
        w.add(a, K.issuedEvidence, text(article.published_basis))
    w.add(a, DCTERMS.language, text(article.language))
    w.add(a, K.contentHash, text(article.content_hash))
    w.add(a, K.sourceFile, text(article.path.rsplit("/", 1)[-1]))
    w.add(a, NIF.isString, text(article.text))

    activity = node(vocab.activity_iri(article.id))
    extractor = node(extractor_iri(extraction.extractor_version))
    w.add(activity, RDF_TYPE, K.ExtractionActivity)
    w.add(activity, PROV.used, a)
    w.add(activity, PROV.wasAssociatedWith, extractor)

    for m in sorted(extraction.mentions):
        _mention(w, m, article.id, a)
    for fact in extraction.facts:
        _fact(w, fact, a)
    return _dedup(w.quads)


def entity_quads(entities: Iterable[Entity]) -> list[Quad]:
    """Canonical descriptions for the entity graph (label, class, aliases, ``owl:sameAs``)."""
    w = _Writer(str(vocab.ENTITY_GRAPH))
    for e in sorted(entities):
        s = entity_node(e.key)
        w.add(s, RDF_TYPE, K[e.cls.value])
        w.add(s, RDFS_LABEL, text(e.label, "en"))
        w.add(s, SKOS.prefLabel, text(e.label, "en"))
        for alias in sorted(set(e.aliases) - {e.label}):
            w.add(s, SKOS.altLabel, text(alias, "en"))
        if e.qid:
            w.add(s, OWL.sameAs, vocab.wikidata_iri(e.qid))
        if e.group_of:
            w.add(s, K.groupOf, entity_node(e.group_of))
    return _dedup(w.quads)


def merge_entities(groups: Iterable[Iterable[Entity]]) -> list[Entity]:
    """Merge per-article entity lists into one canonical entity per key, deterministically.

    Why: the same actor is resolved independently in every article; its canonical description
    must not depend on build order, so each field takes the smallest value seen and aliases are
    unioned.
    """
    merged: dict[str, Entity] = {}
    for group in groups:
        for e in group:
            old = merged.get(e.key)
            if old is None:
                merged[e.key] = e
                continue
            merged[e.key] = Entity(
                key=e.key,
                label=min(old.label, e.label),
                cls=min(old.cls, e.cls),
                qid=min(filter(None, (old.qid, e.qid)), default=None),
                aliases=tuple(sorted(set(old.aliases) | set(e.aliases))),
                group_of=min(filter(None, (old.group_of, e.group_of)), default=None),
            )
    return [merged[k] for k in sorted(merged)]


def entities_to_json(entities: Iterable[Entity]) -> str:
    """Compact, sorted JSON of entity records (build bookkeeping in the meta graph)."""
    # A shallow dict per record: ``dataclasses.asdict`` deep-copies every field (slow, and the
    # fields are strings, an enum and a tuple of strings, which json writes as they are).
    names = [f.name for f in fields(Entity)]
    return json.dumps([{n: getattr(e, n) for n in names} for e in sorted(entities)],
                      sort_keys=True, ensure_ascii=False)


def entities_from_json(data: str) -> list[Entity]:
    """Inverse of :func:`entities_to_json`."""
    out = []
    for rec in json.loads(data):
        rec["cls"] = EntityClass(rec["cls"])
        rec["aliases"] = tuple(rec.get("aliases") or ())
        out.append(Entity(**rec))
    return out


def meta_quads(article: Article, extraction: ArticleExtraction) -> list[Quad]:
    """Bookkeeping quads for one article in the meta graph (hash, extractor, entity records)."""
    w = _Writer(str(vocab.META_GRAPH))
    g = node(vocab.article_graph(article.id))
    w.add(g, K.contentHash, text(article.content_hash))
    w.add(g, K.sourceFile, text(article.path))
    w.add(g, K.extractorName, text(extraction.extractor_version))
    w.add(g, K.entityRecords, text(entities_to_json(extraction.entities)))
    # The extractor is described once, here, not in every article graph: the union default
    # graph of pyoxigraph does not deduplicate triples that occur in several graphs.
    extractor = node(extractor_iri(extraction.extractor_version))
    w.add(extractor, RDF_TYPE, K.Extractor)
    w.add(extractor, RDFS_LABEL, text(extraction.extractor_version))
    return w.quads


def _dedup(quads: list[Quad]) -> list[Quad]:
    seen: set[Quad] = set()
    out = []
    for q in quads:
        if q not in seen:
            seen.add(q)
            out.append(q)
    return out
