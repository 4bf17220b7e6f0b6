"""Reference data: curated memberships aligned to Wikidata, and their refresh from an endpoint.

Why: analysts join what the articles *say* (stances, partnerships) with what is *known* (who
has been in NATO since when). Known facts live in their own named graph
(``vocab.REFERENCE_GRAPH``), never mixed with article graphs, and every fact names the page
that states it (``dcterms:source``) — the organisation's own page, not Wikidata.

Each membership is written in two shapes at once, so either kind of query joins:

* **Wikidata's own**: ``wd:Q33 p:P463 ?st . ?st ps:P463 wd:Q7184 ; pq:P580 "…Z"^^xsd:dateTime``
  (plus the ``pqv:`` value node carrying the precision) and the truthy ``wd:Q33 wdt:P463
  wd:Q7184``. Deliberate deviation: the truthy triple is written only for memberships without
  an end date, so ``wdt:P463`` means "is a member now" (on Wikidata truthiness follows rank).
  Partner status has no Wikidata property, so partners appear only in our shape.
* **Ours**: a ``kg:Membership`` node whose ``kg:member``/``kg:organization`` are the same
  ``wd:`` IRIs (entity IRIs reach them through ``owl:sameAs``), with ``kg:membershipStatus``,
  ``kg:startDate``/``kg:endDate`` + precision, linked to its statement by ``prov:alternateOf``.

QIDs are never typed here: ``kg/data/reference/memberships.json`` names actors of the verified
registry (``kg/data/actors.jsonl``) and :func:`build_curated_reference` looks their QIDs up.
``python -m kg.reference [REGISTRY]`` regenerates ``kg/data/reference/curated.ttl``, which the
build loads with :func:`load_reference`. :func:`refresh_reference` adds what a SPARQL endpoint
(the Wikidata Query Service by default) says about the same organisations.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import json
import re
import sys
import time
import urllib.error
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, Triple

from kg import vocab
from kg.errors import DataFileError, RemoteEndpointError
from kg.facts import FuzzyDate, MembershipStatus
from kg.linking import Actor, Registry, default_registry_path, load_registry
from kg.store import new_version, replace_graph, writer_lock
from kg.vocab import KG, KGC, PQ, PS, REFERENCE, WD, WDT, WIKIBASE, P

if TYPE_CHECKING:
    import rdflib

    from kg.config import Settings

DATA_DIR = Path(__file__).resolve().parent / "data" / "reference"
MEMBERSHIPS_FILE = DATA_DIR / "memberships.json"
CURATED_FILE = DATA_DIR / "curated.ttl"

#: Statuses that Wikidata states with P463 ("member of"); partners have no Wikidata property.
WIKIDATA_STATUSES = (MembershipStatus.MEMBER, MembershipStatus.FORMER)
MEMBER_OF = "P463"
START_TIME = "P580"
END_TIME = "P582"
#: Wikibase time precision codes <-> ours.
PRECISION_CODE = {"year": 9, "month": 10, "day": 11}
CODE_PRECISION = {v: k for k, v in PRECISION_CODE.items()}

#: Wikimedia's User-Agent policy asks for a name and a way to reach the operator.
USER_AGENT = f"geo-kg/0.1 (+{vocab.BASE}; reference-data refresh) SPARQLWrapper"
#: HTTP statuses worth retrying: rate limited, or the service is briefly unwell.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_DELAY = 120.0
VALUES_SLOT = "VALUES ?org { }"

_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_WD_TIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T")
_FIELDS = {"member", "organization", "status", "start", "end", "source", "date_evidence", "note"}

XSD_DATETIME = NamedNode(str(vocab.XSD.dateTime))
XSD_INTEGER = NamedNode(str(vocab.XSD.integer))


# --- the curated table ---------------------------------------------------------------------


@dataclass(frozen=True)
class MembershipRow:
    """One curated fact: ``member`` belongs to ``organization`` (registry ids), with its source."""

    member: str
    organization: str
    status: MembershipStatus
    source: str
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    date_evidence: str | None = None
    note: str | None = None


def _row(obj: object, where: str) -> MembershipRow:
    if not isinstance(obj, dict):
        raise DataFileError(f"{where}: each membership must be a JSON object")
    unknown = set(obj) - _FIELDS
    if unknown:
        raise DataFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for key in ("member", "organization", "status", "source"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise DataFileError(f"{where}: {key!r} must be a non-empty string")
    if urlsplit(obj["source"]).scheme not in ("http", "https"):
        raise DataFileError(f"{where}: 'source' must be a web page URL")
    try:
        status = MembershipStatus(obj["status"])
        start = FuzzyDate(obj["start"]) if obj.get("start") else None
        end = FuzzyDate(obj["end"]) if obj.get("end") else None
    except ValueError as exc:
        raise DataFileError(f"{where}: {exc}") from None
    if end is not None and status is not MembershipStatus.FORMER:
        raise DataFileError(f"{where}: an end date needs status 'formerMember'")
    return MembershipRow(
        member=obj["member"],
        organization=obj["organization"],
        status=status,
        source=obj["source"],
        start=start,
        end=end,
        date_evidence=obj.get("date_evidence"),
        note=obj.get("note"),
    )


@dataclass(frozen=True)
class MembershipTable:
    """The curated rows, the date they were checked, and the actors known to lack a QID."""

    rows: list[MembershipRow]
    checked: str
    without_qid: frozenset[str]
    path: Path


def load_membership_table(path: Path | None = None) -> MembershipTable:
    """Read and validate the curated table.

    Raises :class:`DataFileError` naming the file and the row for any malformed entry.
    """
    path = Path(path or MEMBERSHIPS_FILE)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}:{exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("memberships"), list):
        raise DataFileError(f"{path}: expected an object with a 'memberships' list")
    rows = [_row(obj, f"{path}: memberships[{i}]") for i, obj in enumerate(doc["memberships"])]
    keys = [(r.member, r.organization, r.status) for r in rows]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise DataFileError(f"{path}: duplicate memberships {dupes}")
    without = (doc.get("without_qid") or {}).get("ids") or []
    if not isinstance(without, list) or not all(isinstance(x, str) for x in without):
        raise DataFileError(f"{path}: 'without_qid.ids' must be a list of registry ids")
    return MembershipTable(rows, str(doc.get("checked") or ""), frozenset(without), path)


def check_against_registry(table: MembershipTable, registry: Registry) -> list[str]:
    """Problems that stop the build: unknown actor ids, and actors without a verified QID.

    An actor may lack a QID only when the table says so (``without_qid``); once the registry
    gives it one it must leave that list, so the list cannot go stale.
    """
    problems = []
    for i, row in enumerate(table.rows):
        for ref in (row.member, row.organization):
            actor = registry.actors.get(ref)
            if actor is None:
                problems.append(f"memberships[{i}]: {ref!r} is not a registry id")
            elif not actor.qid and ref not in table.without_qid:
                problems.append(f"memberships[{i}]: registry actor {ref!r} has no qid")
    for ref in sorted(table.without_qid):
        actor = registry.actors.get(ref)
        if actor is None:
            problems.append(f"without_qid: {ref!r} is not a registry id")
        elif actor.qid:
            problems.append(f"without_qid: {ref!r} now has qid {actor.qid}; remove it there")
    return list(dict.fromkeys(problems))


# --- building the curated graph -------------------------------------------------------------


def _statement_id(member_qid: str, org_qid: str, start: FuzzyDate | None) -> str:
    return f"{member_qid}-{MEMBER_OF}-{org_qid}" + (f"-{start.value}" if start else "")


def actor_iri(actor: Actor) -> str:
    """The IRI reference data uses for an actor: its Wikidata item, else its entity IRI."""
    return str(WD[actor.qid]) if actor.qid else vocab.entity_iri(actor.id)


def build_curated_reference(
    registry_path: str | Path | None = None, table_path: Path | None = None
) -> rdflib.Graph:
    """The curated reference facts as an rdflib graph, QIDs looked up in the actor registry.

    Why rdflib: this runs when the data changes (and in tests), not in the build; rdflib's
    Turtle writer gives a readable, prefixed file to review in a pull request.
    Raises :class:`DataFileError` listing every table entry whose actor is not in the
    registry or has no verified QID (see :func:`check_against_registry`): a QID is never
    guessed.
    """
    import rdflib
    from rdflib import Literal as RLiteral
    from rdflib import URIRef as U

    registry_path = Path(registry_path or default_registry_path())
    if not registry_path.exists():
        raise DataFileError(f"{registry_path}: actor registry not found (QIDs come from it)")
    registry = load_registry(registry_path)
    table = load_membership_table(table_path)
    problems = check_against_registry(table, registry)
    if problems:
        raise DataFileError(f"{table.path} vs {registry_path}: " + "; ".join(problems))

    g = rdflib.Graph()
    for prefix, ns in vocab.PREFIXES.items():
        g.bind(prefix, ns, override=True)
    g.bind("pqv", str(PQ) + "value/")
    g.bind("ref", str(REFERENCE))
    dataset = U(vocab.REFERENCE_GRAPH)
    g.add((dataset, vocab.RDF.type, vocab.VOID.Dataset))
    g.add((dataset, vocab.DCTERMS.title, RLiteral("Curated reference facts", lang="en")))
    g.add((dataset, vocab.DCTERMS.description, RLiteral(
        "Memberships stated by official pages, aligned to Wikidata identifiers; kept apart "
        "from what the articles say.", lang="en")))
    if table.checked:
        g.add((dataset, vocab.DCTERMS.modified, RLiteral(table.checked, datatype=vocab.XSD.date)))

    def date(s: U, value: FuzzyDate | None, prop: U, precision: U) -> None:
        if value is not None:
            g.add((s, prop, RLiteral(value.datetime_lexical, datatype=vocab.XSD.dateTime)))
            g.add((s, precision, RLiteral(value.precision.value)))

    for row in table.rows:
        member, org = registry.actors[row.member], registry.actors[row.organization]
        m, o = U(actor_iri(member)), U(actor_iri(org))
        g.add((m, vocab.RDFS.label, RLiteral(member.label, lang="en")))
        g.add((o, vocab.RDFS.label, RLiteral(org.label, lang="en")))
        node = U(REFERENCE[f"membership/{member.id}-{org.id}-{row.status.value}"])
        g.add((node, vocab.RDF.type, KG.Membership))
        g.add((node, KG.member, m))
        g.add((node, KG.organization, o))
        g.add((node, KG.membershipStatus, KGC[row.status.value]))
        date(node, row.start, KG.startDate, KG.startDatePrecision)
        date(node, row.end, KG.endDate, KG.endDatePrecision)
        g.add((node, vocab.DCTERMS.source, U(row.source)))
        if row.date_evidence:
            g.add((node, vocab.RDFS.seeAlso, U(row.date_evidence)))
        if row.note:
            g.add((node, vocab.SKOS.note, RLiteral(row.note, lang="en")))
        if row.status not in WIKIDATA_STATUSES or not (member.qid and org.qid):
            continue
        sid = _statement_id(member.qid, org.qid, row.start)
        st = U(REFERENCE["statement/" + sid])
        g.add((node, vocab.PROV.alternateOf, st))
        g.add((m, P[MEMBER_OF], st))
        g.add((st, vocab.RDF.type, WIKIBASE.Statement))
        g.add((st, PS[MEMBER_OF], o))
        g.add((st, WIKIBASE.rank, WIKIBASE.NormalRank))
        g.add((st, vocab.DCTERMS.source, U(row.source)))
        for prop, value in ((START_TIME, row.start), (END_TIME, row.end)):
            if value is None:
                continue
            lexical = value.datetime_lexical + "Z"
            time_node = U(REFERENCE[f"value/{sid}-{prop}"])
            wd_time = RLiteral(lexical, datatype=vocab.XSD.dateTime, normalize=False)
            g.add((st, PQ[prop], wd_time))
            g.add((st, PQ["value/" + prop], time_node))
            g.add((time_node, vocab.RDF.type, WIKIBASE.TimeValue))
            g.add((time_node, WIKIBASE.timeValue, wd_time))
            g.add((time_node, WIKIBASE.timePrecision, RLiteral(
                PRECISION_CODE[value.precision.value], datatype=vocab.XSD.integer)))
        if row.end is None:
            g.add((m, WDT[MEMBER_OF], o))
    return g


def write_curated_reference(
    registry_path: str | Path | None = None, out: Path | None = None
) -> int:
    """Regenerate ``curated.ttl`` from the table and the registry; returns the triple count."""
    graph = build_curated_reference(registry_path)
    out = Path(out or CURATED_FILE)
    header = (
        "# Generated by `python -m kg.reference` from kg/data/reference/memberships.json and\n"
        "# the actor registry. Do not edit by hand: edit the table and regenerate.\n"
    )
    out.write_text(header + graph.serialize(format="turtle"), encoding="utf-8")
    return len(graph)


# --- loading into a store ---------------------------------------------------------------------


def _in_reference_graph(triples: Iterable[Triple]) -> list[Quad]:
    g = NamedNode(str(vocab.REFERENCE_GRAPH))
    return list(dict.fromkeys(Quad(t.subject, t.predicate, t.object, g) for t in triples))


def curated_quads(path: Path | None = None) -> list[Quad]:
    """The curated Turtle as quads of the reference graph (pyoxigraph only, no rdflib)."""
    path = Path(path or CURATED_FILE)
    if not path.exists():
        raise DataFileError(
            f"{path}: curated reference data not generated yet (run `python -m kg.reference`)"
        )
    try:
        return _in_reference_graph(pyoxigraph.parse(path=str(path), format=RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise DataFileError(f"{path}: not valid Turtle ({exc})") from None


def _replace_reference_graph(store: Store, quads: list[Quad]) -> int:
    return replace_graph(store, vocab.REFERENCE_GRAPH, quads)


def load_reference(store: Store, path: Path | None = None) -> int:
    """Replace the reference graph of ``store`` with the curated data; returns its triple count.

    Called by the build inside a new store version (so the non-transactional bulk path of
    ``kg.store.replace_graph`` is safe: a failed build discards the whole version).
    """
    return _replace_reference_graph(store, curated_quads(path))


# --- refreshing from a SPARQL endpoint -------------------------------------------------------


def _sparql(name: str) -> str:
    return resources.files("kg").joinpath("sparql", "reference", name).read_text(encoding="utf-8")


def curated_organizations(path: Path | None = None) -> list[str]:
    """QIDs of the organisations whose memberships the curated data states with P463."""
    store = Store()
    store.extend(curated_quads(path))
    rows = store.query(
        _sparql("organizations.rq"), default_graph=NamedNode(str(vocab.REFERENCE_GRAPH))
    )
    return [row["org"].value.removeprefix(str(WD)) for row in rows]


def construct_query(organizations: Iterable[str]) -> str:
    """``memberships.rq`` with its ``VALUES ?org`` slot filled with the given QIDs.

    Why not bindings: a remote endpoint takes query text only. Every value is checked to be a
    bare QID first, so nothing but ``wd:Q123`` tokens can reach the query.
    """
    qids = sorted(set(organizations))
    bad = [q for q in qids if not _QID_RE.match(q)]
    if bad or not qids:
        raise DataFileError(f"organisations must be QIDs like Q7184, got {bad or 'none'}")
    lines = _sparql("memberships.rq").split("\n")
    slots = [i for i, line in enumerate(lines) if line.strip() == VALUES_SLOT]
    if len(slots) != 1:
        raise DataFileError(f"kg/sparql/reference/memberships.rq: needs one {VALUES_SLOT!r} line")
    indent = lines[slots[0]][: len(lines[slots[0]]) - len(lines[slots[0]].lstrip())]
    lines[slots[0]] = indent + "VALUES ?org { " + " ".join(f"wd:{q}" for q in qids) + " }"
    return "\n".join(lines)


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _fetch_once(endpoint: str, query: str, timeout: float) -> tuple[bytes, str]:
    from SPARQLWrapper import GET, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        SPARQLWrapperException,
    )

    client = SPARQLWrapper(endpoint, agent=USER_AGENT)
    client.setMethod(GET)  # WDQS caches GET responses; the query is short
    client.setOnlyConneg(True)  # no "format=" parameter: ask with Accept only
    client.setReturnFormat(TURTLE)
    client.setTimeout(max(1, round(timeout)))
    client.setQuery(query)
    try:
        result = client.query()
        body = result.response.read()
        media_type = result.info().get("content-type", "text/turtle")
    except urllib.error.HTTPError as exc:
        if exc.code in RETRY_STATUSES:
            wait = _retry_after(exc.headers.get("Retry-After"))
            raise _Retryable(f"HTTP {exc.code}", wait) from None
        raise RemoteEndpointError(f"{endpoint}: HTTP {exc.code} {exc.reason}") from None
    except EndPointInternalError:
        raise _Retryable("HTTP 500") from None
    except SPARQLWrapperException as exc:  # 400, 401, 404, 414: retrying will not help
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RemoteEndpointError(f"{endpoint}: {first}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise _Retryable(f"{type(exc).__name__}: {reason}") from None
    return body, media_type


def fetch_construct(
    endpoint: str,
    query: str,
    *,
    timeout: float = 60.0,
    retries: int = 4,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Triple]:
    """Run a CONSTRUCT query on a remote endpoint politely and parse the answer.

    Polite means: a descriptive User-Agent with the project URL, a timeout per request, and
    up to ``retries`` retries on 429/5xx, timeouts and dropped connections, waiting what the
    server's ``Retry-After`` asks (capped at 120 s) or else ``backoff * 2**attempt`` seconds.
    Raises :class:`RemoteEndpointError` once retries are spent or on an error that a retry
    cannot fix (bad query, not found, unparseable answer).
    """
    attempt = 0
    while True:
        try:
            body, media_type = _fetch_once(endpoint, query, timeout)
            break
        except _Retryable as exc:
            if attempt >= retries:
                raise RemoteEndpointError(
                    f"{endpoint}: {exc.reason}; gave up after {attempt + 1} attempts"
                ) from None
            delay = exc.retry_after if exc.retry_after is not None else backoff * 2**attempt
            sleep(min(delay, MAX_DELAY))
            attempt += 1
    fmt = RdfFormat.from_media_type(media_type.split(";")[0].strip()) or RdfFormat.TURTLE
    try:
        return list(pyoxigraph.parse(body, format=fmt))
    except (SyntaxError, ValueError) as exc:
        raise RemoteEndpointError(f"{endpoint}: answer is not valid {fmt.name} ({exc})") from None


def _wd_date(value: Literal | None, code: Literal | None) -> FuzzyDate | None:
    """A Wikidata time value at its precision (dates before year 1000 or BCE are dropped)."""
    if value is None:
        return None
    m = _WD_TIME_RE.match(value.value)
    if not m:
        return None
    precision = CODE_PRECISION.get(int(code.value), "day") if code is not None else "day"
    parts = {"year": m.group(1), "month": m.group(1) + "-" + m.group(2)}
    return FuzzyDate(parts.get(precision, "-".join(m.groups())))


def wikidata_quads(triples: Iterable[Triple], endpoint: str, retrieved: datetime) -> list[Quad]:
    """Fetched Wikidata triples plus the truthy triples and our ``kg:Membership`` shape.

    Each membership's ``dcterms:source`` is the endpoint and ``prov:generatedAtTime`` the
    retrieval time: these facts say what Wikidata said then, not what an official page says.
    """
    triples = list(triples)
    scratch = Store()
    scratch.extend(Quad(t.subject, t.predicate, t.object) for t in triples)
    out = list(triples)
    source = NamedNode(endpoint)
    when = Literal(retrieved.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD_DATETIME)

    def add(s: NamedNode, p: str, o: NamedNode | Literal | str) -> None:
        out.append(Triple(s, NamedNode(str(p)), NamedNode(str(o)) if isinstance(o, str) else o))

    for row in scratch.query(_sparql("statements.rq")):
        member, st, org = row["member"], row["st"], row["org"]
        if not all(isinstance(x, NamedNode) for x in (member, st, org)):
            continue
        start = _wd_date(row["start"], row["startPrecision"])
        end = _wd_date(row["end"], row["endPrecision"])
        if end is None:
            add(member, WDT[MEMBER_OF], org)
        digest = hashlib.sha1(st.value.encode()).hexdigest()[:16]
        node = NamedNode(str(REFERENCE["wikidata/membership/" + digest]))
        status = MembershipStatus.FORMER if end else MembershipStatus.MEMBER
        add(node, vocab.RDF.type, KG.Membership)
        add(node, KG.member, member)
        add(node, KG.organization, org)
        add(node, KG.membershipStatus, KGC[status.value])
        for value, prop, precision in (
            (start, KG.startDate, KG.startDatePrecision),
            (end, KG.endDate, KG.endDatePrecision),
        ):
            if value is not None:
                add(node, prop, Literal(value.datetime_lexical, datatype=XSD_DATETIME))
                add(node, precision, Literal(value.precision.value))
        add(node, vocab.PROV.alternateOf, st)
        add(node, vocab.DCTERMS.source, source)
        add(node, vocab.PROV.generatedAtTime, when)
    dataset = NamedNode(str(vocab.REFERENCE_GRAPH))
    add(dataset, vocab.PROV.wasDerivedFrom, source)
    add(dataset, vocab.PROV.generatedAtTime, when)
    return _in_reference_graph(out)


def refresh_reference(
    settings: Settings,
    timeout: float = 60.0,
    *,
    store: Store | None = None,
    endpoint: str | None = None,
    organizations: Iterable[str] | None = None,
    curated_path: Path | None = None,
    retries: int = 4,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    now: datetime | None = None,
) -> int:
    """Fetch memberships from a SPARQL endpoint and rewrite the reference graph with them.

    The graph becomes the curated facts plus what the endpoint (default
    ``settings.wikidata_endpoint``) states about the same organisations, in both shapes.
    Everything is fetched and converted before the store is touched, so a failing endpoint
    (:class:`RemoteEndpointError`) leaves the store as it was. Without ``store`` the store at
    ``settings.store`` gets a new version through ``kg.store`` (readers never see a half
    write). Returns the number of triples in the reference graph.
    """
    endpoint = endpoint or settings.wikidata_endpoint
    curated = curated_quads(curated_path)
    orgs = list(organizations) if organizations is not None else curated_organizations(
        curated_path
    )
    fetched = fetch_construct(
        endpoint, construct_query(orgs), timeout=timeout, retries=retries, backoff=backoff,
        sleep=sleep,
    )
    fetched_quads = wikidata_quads(fetched, endpoint, now or datetime.now(UTC))
    quads = list(dict.fromkeys([*curated, *fetched_quads]))
    if store is not None:
        n = _replace_reference_graph(store, quads)
        store.flush()
        return n
    root = Path(settings.store)
    with writer_lock(root), new_version(root) as version:
        assert version.store is not None
        n = _refresh_into(version.store, quads)
    return n


def _refresh_into(store: Store, quads: list[Quad]) -> int:
    """Write the refreshed reference graph, then recompute what depends on it.

    Why: ``kg:memberOf`` shortcuts come from reference memberships too, and the VoID counts
    describe every graph; a refresh that left them as they were would serve stale shortcuts
    until the next build that changes something.
    """
    from kg import derive, void

    n = _replace_reference_graph(store, quads)
    derive.materialise(store)
    void.write_void(store)
    return n


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.reference [REGISTRY]``: regenerate curated.ttl from the table."""
    args = sys.argv[1:] if argv is None else argv
    try:
        n = write_curated_reference(args[0] if args else None)
    except DataFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(f"wrote {n} triples to {CURATED_FILE}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
