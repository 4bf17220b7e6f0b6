"""The single home of every IRI the project writes or reads.

Why: IRIs typed by hand drift (``kg:Stance`` vs ``kg:stance``); a ``DefinedNamespace`` with
``_fail = True`` turns a typo into an ``AttributeError`` at import time instead of a silently
empty query. ``tests/test_vocab.py`` checks that ``KG`` and ``KGC`` declare exactly the terms of
``ontology/kg.ttl``. No other module in ``kg/`` or ``server/`` may contain an ``http`` IRI literal.
"""

from __future__ import annotations

import re

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

#: Base of every IRI this product mints. Persistent (w3id-style); the server maps it onto its
#: own host so that entity, article and ontology IRIs dereference (``--base`` to change).
BASE = "https://w3id.org/geokg/"

ONTOLOGY_IRI = BASE + "ontology"
ONTOLOGY_VERSION = "0.1.0"
ONTOLOGY_VERSION_IRI = f"{BASE}ontology/{ONTOLOGY_VERSION}"

ENTITY = Namespace(BASE + "entity/")
ARTICLE = Namespace(BASE + "article/")
FACT = Namespace(BASE + "fact/")
GRAPH = Namespace(BASE + "graph/")
ACTIVITY = Namespace(BASE + "activity/")
REFERENCE = Namespace(BASE + "reference/")  # curated reference data: statement and membership nodes

ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
WIKIBASE = Namespace("http://wikiba.se/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")

#: The public Wikidata Query Service (default of ``Settings.wikidata_endpoint``): it lives here
#: because no other module in ``kg/`` or ``server/`` may spell an ``http`` IRI.
WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"


class KG(DefinedNamespace):
    """Classes and properties of ``ontology/kg.ttl``; a typo raises instead of minting an IRI."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # --- actors -----------------------------------------------------------------------
    Actor: URIRef  # anyone who can act or hold a stance
    State: URIRef  # a sovereign state (or its government, when named by a metonym)
    InternationalOrganization: URIRef  # intergovernmental organisation (UN, EU, ASEAN…)
    Alliance: URIRef  # military alliance with mutual-defence commitments (NATO)
    PartnershipGroup: URIRef  # looser grouping of states (Quad, AUKUS, IP4)
    Person: URIRef  # a named individual
    Organization: URIRef  # ministry, mission, think tank, media outlet, company…
    CollectiveActor: URIRef  # unnamed group: "Chinese analysts", "NATO allies"
    Place: URIRef  # a geographic place (city, territory)
    Region: URIRef  # a geographic or geopolitical region ("Indo-Pacific")

    # --- n-ary relation nodes -----------------------------------------------------------
    Membership: URIRef  # a member belongs to an organisation (org:Membership)
    Partnership: URIRef  # two or more parties cooperate
    Stance: URIRef  # an attitude an actor expressed toward a target
    Statement: URIRef  # a direct quotation attributed to a speaker
    Role: URIRef  # a post held by a person in an organisation (org:Post)
    Event: URIRef  # something that happened (sem:Event)
    Summit: URIRef
    Visit: URIRef
    Declaration: URIRef
    MilitaryExercise: URIRef
    Attack: URIRef
    Bombing: URIRef
    War: URIRef
    Meeting: URIRef
    Publication: URIRef
    Accession: URIRef

    # --- sources and provenance ---------------------------------------------------------
    Article: URIRef  # one source text
    Mention: URIRef  # one occurrence of an actor's name in an article
    Evidence: URIRef  # the sentence and characters a fact was read from
    ExtractionActivity: URIRef  # one run of the extractor over one article (prov:Activity)
    Extractor: URIRef  # the software that extracted (prov:SoftwareAgent)

    # --- counts made at build time (derived graph) --------------------------------------
    StanceProfile: URIRef  # how many stances share a holder, a kind or both, by polarity
    HolderStanceProfile: URIRef
    KindStanceProfile: URIRef
    HolderKindStanceProfile: URIRef
    PairStanceProfile: URIRef  # one holder's stances toward one target with one polarity
    RoleProfile: URIRef  # one post (person, name, organisation) across articles

    # --- SKOS scheme classes ------------------------------------------------------------
    Polarity: URIRef
    StanceKind: URIRef
    PartnershipDomain: URIRef
    PartnershipStatus: URIRef
    MembershipStatus: URIRef

    # --- object properties --------------------------------------------------------------
    memberOf: URIRef  # shortcut Actor -> Actor (org:memberOf)
    hasMember: URIRef  # inverse of memberOf (org:hasMember)
    member: URIRef  # Membership -> Actor (org:member)
    organization: URIRef  # Membership -> Actor (org:organization)
    membershipStatus: URIRef  # Membership -> MembershipStatus concept
    party: URIRef  # Partnership -> Actor
    partnerOf: URIRef  # symmetric shortcut Actor <-> Actor
    domain: URIRef  # Partnership -> PartnershipDomain concept
    partnershipStatus: URIRef  # Partnership -> PartnershipStatus concept
    holder: URIRef  # Stance -> Actor who expressed it
    target: URIRef  # Stance -> Actor or thing it is about
    polarity: URIRef  # Stance -> Polarity concept
    stanceKind: URIRef  # Stance -> StanceKind concept
    hasStance: URIRef  # shortcut Actor -> Stance it holds (inverse of holder)
    stanceToward: URIRef  # shortcut Actor -> Actor (holder to target, any polarity)
    speaker: URIRef  # Statement -> Actor quoted
    onBehalfOf: URIRef  # Statement -> Actor spoken for
    heldBy: URIRef  # Role -> Person (org:heldBy)
    holds: URIRef  # Person -> Role (org:holds), inverse of heldBy
    postIn: URIRef  # Role -> Actor (org:postIn)
    participant: URIRef  # Event -> Actor (sem:hasActor)
    place: URIRef  # Event -> Place (sem:hasPlace)
    groupOf: URIRef  # CollectiveActor -> Actor it belongs to ("Chinese analysts" -> China)
    evidence: URIRef  # any fact node -> Evidence
    inArticle: URIRef  # fact or Evidence or Mention -> Article it came from
    denotes: URIRef  # Mention -> the Actor it names (itsrdf:taIdentRef)
    profileHolder: URIRef  # StanceProfile -> the holder whose stances it counts
    profileKind: URIRef  # StanceProfile -> the StanceKind whose stances it counts
    profileTarget: URIRef  # PairStanceProfile -> the target of its stances
    profilePolarity: URIRef  # PairStanceProfile -> the Polarity of its stances
    profilePerson: URIRef  # RoleProfile -> the Person holding the post
    profileOrganization: URIRef  # RoleProfile -> the organisation the post is in
    exampleRole: URIRef  # RoleProfile -> one Role it counts

    # --- datatype properties ------------------------------------------------------------
    date: URIRef  # xsd:dateTime of a stance, statement or event
    datePrecision: URIRef  # "year" | "month" | "day"
    startDate: URIRef
    startDatePrecision: URIRef
    endDate: URIRef
    endDatePrecision: URIRef
    issuedPrecision: URIRef  # precision of dcterms:issued on an Article
    issuedEvidence: URIRef  # why we believe the article's date
    quote: URIRef  # quoted words behind a stance
    quotedText: URIRef  # the words of a Statement
    topic: URIRef  # what a stance is about, in the article's words
    hedged: URIRef  # the stance was hedged ("may", "reportedly")
    roleName: URIRef  # "Secretary General", "spokesperson"
    formerPost: URIRef  # the Role's post is held no longer ("former President")
    sentenceText: URIRef  # the whole sentence of an Evidence
    sentenceIndex: URIRef  # 0-based index of that sentence in the article
    confidence: URIRef  # 0..1
    stanceCount: URIRef  # StanceProfile: stances counted (xsd:integer)
    negativeCount: URIRef  # ... of them with polarity kgc:negative
    neutralCount: URIRef
    positiveCount: URIRef
    firstDate: URIRef  # PairStanceProfile: earliest date of its stances
    lastDate: URIRef  # ... latest
    polarityRank: URIRef  # PairStanceProfile: 1 = most stances among its polarity's pairs
    negativeRank: URIRef  # ... the same number under one property per polarity
    neutralRank: URIRef
    positiveRank: URIRef
    profileRoleName: URIRef  # RoleProfile: the post's name
    roleCount: URIRef  # RoleProfile: role facts counted
    formerCount: URIRef  # RoleProfile: ... of them naming a past post (kg:formerPost)
    articleCount: URIRef  # RoleProfile: articles they came from
    extractorName: URIRef  # name and version of the component, e.g. kg_stance.v1
    contentHash: URIRef  # sha256 of the article text
    sourceFile: URIRef  # the file the article was read from
    entityRecords: URIRef  # bookkeeping: JSON of the entities an article's extraction resolved
    cameoCode: URIRef  # annotation: CAMEO event code of a StanceKind
    ploverCategory: URIRef  # annotation: PLOVER category of a StanceKind
    wikidataClass: URIRef  # annotation: closest Wikidata class (also skos:closeMatch)


class KGC(DefinedNamespace):
    """SKOS concepts of the ontology's controlled vocabularies."""

    _NS = Namespace(BASE + "concept/")
    _fail = True

    # schemes
    polarityScheme: URIRef
    stanceKindScheme: URIRef
    partnershipDomainScheme: URIRef
    partnershipStatusScheme: URIRef
    membershipStatusScheme: URIRef
    # polarity
    negative: URIRef
    neutral: URIRef
    positive: URIRef
    # stance kinds (CAMEO/PLOVER aligned)
    accuse: URIRef
    criticize: URIRef
    warn: URIRef
    threaten: URIRef
    praise: URIRef
    support: URIRef
    cooperate: URIRef
    concern: URIRef
    deny: URIRef
    appeal: URIRef
    oppose: URIRef
    otherKind: URIRef
    # partnership domains
    military: URIRef
    defenceIndustry: URIRef
    cyber: URIRef
    maritime: URIRef
    space: URIRef
    technology: URIRef
    intelligence: URIRef
    economic: URIRef
    trade: URIRef
    energy: URIRef
    diplomatic: URIRef
    security: URIRef
    nuclear: URIRef
    counterTerrorism: URIRef
    humanitarian: URIRef
    # partnership status
    existing: URIRef
    agreed: URIRef
    proposed: URIRef
    past: URIRef
    # membership status
    fullMember: URIRef
    partner: URIRef
    observer: URIRef
    candidate: URIRef
    formerMember: URIRef


#: Prefixes used in Turtle/TriG dumps, saved-query prologues and pyoxigraph ``prefixes=``.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "kgc": str(KGC._NS),
    "entity": str(ENTITY),
    "article": str(ARTICLE),
    "fact": str(FACT),
    "graph": str(GRAPH),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "org": str(ORG),
    "sem": str(SEM),
    "nif": str(NIF),
    "schema": str(SCHEMA),
    "wd": str(WD),
    "wdt": str(WDT),
    "p": str(P),
    "ps": str(PS),
    "pq": str(PQ),
    "wikibase": str(WIKIBASE),
    "void": str(VOID),
    "sd": str(SD),
    "sh": str(SH),
}

#: Well-known graphs. Article graphs are ``GRAPH["article/<id>"]`` (see ``article_graph``).
ONTOLOGY_GRAPH = GRAPH["ontology"]
ENTITY_GRAPH = GRAPH["entities"]
REFERENCE_GRAPH = GRAPH["reference"]
DERIVED_GRAPH = GRAPH["derived"]
META_GRAPH = GRAPH["meta"]  # build bookkeeping: content hashes, VoID


#: Local ids of entity, article and fact IRIs: letters, digits, '-', '_' and '.', not starting
#: with a dot, at most 200 characters. Used whole (``fullmatch``: ``$`` would let a final newline
#: through) by the linked-data routes and by saved-query parameters given as bare ids.
LOCAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,199}")


def is_local_id(value: str) -> bool:
    """Whether ``value`` is a well-formed local id (and no ``..`` path segment)."""
    return LOCAL_ID.fullmatch(value) is not None and ".." not in value


# Plain prefix strings for the IRI builders below: the build mints ~10 IRIs per fact, and
# rdflib's ``Namespace[...]`` (a URIRef with a validity check each time) was a tenth of the
# store side's Python time. Same strings; ids are slugs we minted ourselves.
_ARTICLE, _GRAPH, _ENTITY, _FACT = str(ARTICLE), str(GRAPH), str(ENTITY), str(FACT)
_ACTIVITY = str(ACTIVITY)


def article_iri(article_id: str) -> str:
    """IRI of an article (stable: derived from its id, never from a timestamp)."""
    return _ARTICLE + article_id


def article_graph(article_id: str) -> str:
    """IRI of the named graph that holds one article's facts and evidence."""
    return _GRAPH + "article/" + article_id


def entity_iri(entity_id: str) -> str:
    """IRI of a canonical actor description in the entity graph."""
    return _ENTITY + entity_id


def fact_iri(fact_id: str) -> str:
    """IRI of an extracted fact node (stance, statement, membership …) or its evidence."""
    return _FACT + fact_id


def activity_iri(activity_id: str) -> str:
    """IRI of a PROV activity (one extraction run of an article, or an extractor version)."""
    return _ACTIVITY + activity_id


def wikidata_iri(qid: str) -> str:
    """IRI of a Wikidata item, as the Wikidata Query Service writes it (``wd:Q7184``)."""
    return str(WD[qid])


__all__ = [
    "ACTIVITY",
    "ARTICLE",
    "BASE",
    "DCTERMS",
    "DERIVED_GRAPH",
    "ENTITY",
    "ENTITY_GRAPH",
    "FACT",
    "FOAF",
    "GRAPH",
    "KG",
    "KGC",
    "LOCAL_ID",
    "META_GRAPH",
    "NIF",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_IRI",
    "ONTOLOGY_VERSION",
    "ONTOLOGY_VERSION_IRI",
    "ORG",
    "OWL",
    "PQ",
    "PREFIXES",
    "PROV",
    "PS",
    "RDF",
    "RDFS",
    "REFERENCE",
    "REFERENCE_GRAPH",
    "SCHEMA",
    "SD",
    "SEM",
    "SH",
    "SKOS",
    "VOID",
    "WD",
    "WDT",
    "WIKIBASE",
    "WIKIDATA_ENDPOINT",
    "XSD",
    "P",
    "activity_iri",
    "article_graph",
    "article_iri",
    "entity_iri",
    "fact_iri",
    "is_local_id",
    "wikidata_iri",
]
