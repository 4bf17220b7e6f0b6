"""Linked data: entity, article, fact and ontology IRIs dereference on this server.

Why: ``<base>entity/<id>`` ↔ ``/entity/<id>`` (and ``article/``, ``fact/``, ``ontology``) lets
any client follow an IRI from a query result to a page for people (HTML) or a description for
machines (Turtle, JSON-LD, RDF/XML, N-Triples by ``Accept``). Ids are checked against a strict
pattern before they reach a query or the file system, so ``..`` or slashes never get through.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

from flask import Response, render_template, request

from kg import vocab
from kg.errors import KGError
from server import formats, runner
from server.formats import Format

_RDFLIB = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
           "rdfxml": "xml", "jsonld": "json-ld"}

#: Section of the entity page for each (fact class, role of the entity in it).
SECTIONS = (
    ("Memberships", "Membership", None),
    ("Partnerships", "Partnership", None),
    ("Roles", "Role", None),
    ("Stances held", "Stance", "holder"),
    ("Stances received", "Stance", "target"),
    ("Quotations", "Statement", None),
    ("Events", None, None),
)


#: IRIs under the base that this server dereferences (others link to the IRI itself).
SERVED = ("entity/", "article/", "fact/", "concept/", "ontology")


class UnknownResource(KGError):
    """No entity, article, fact or ontology file of that id (404)."""

    status = 404


def check_id(kind: str, value: str) -> str:
    """The id if it is well-formed; otherwise UnknownResource (404) naming the rule."""
    if not vocab.is_local_id(value):
        raise UnknownResource(f"{value[:80]!r} is not a valid {kind} id (letters, digits, "
                              "'-', '_' and '.', not starting with a dot)")
    return value


def page_format() -> Format:
    """HTML for browsers, else an RDF format by Accept/``format=`` (Turtle by default)."""
    return formats.negotiate(request.accept_mimetypes, (*formats.RDF_FORMATS, formats.HTML),
                             request.args.get("format"))


def local_href(iri: str) -> str | None:
    """Local URL for an IRI under our base, the IRI itself for http(s), else None."""
    base = runner.settings().base_iri
    if iri.startswith(base) and iri[len(base):].startswith(SERVED):
        return "/" + iri[len(base):]
    if urlsplit(iri).scheme in ("http", "https"):
        return iri
    return None


def local_name(iri: str) -> str:
    """The last segment of an IRI (after ``#`` or ``/``)."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1]


def _v(row: dict[str, dict[str, str]], name: str) -> str | None:
    cell = row.get(name)
    return cell["value"] if cell else None


def _rdf(name: str, fmt: Format, what: str, **iris: str) -> Response:
    outcome = runner.construct(name, fmt, **iris)
    if outcome.rows == 0:
        raise UnknownResource(f"no {what} here")
    return runner.outcome_response(outcome)


def _html(template: str, **context: object) -> Response:
    return Response(render_template(template, **context), content_type="text/html; charset=utf-8",
                    headers={"Vary": "Accept"})


def group_facts(rows: list[dict[str, dict[str, str]]]) -> list[dict[str, object]]:
    """Rows of entity_facts/article_facts (one per fact × party) -> one dict per fact."""
    facts: OrderedDict[str, dict[str, object]] = OrderedDict()
    for row in rows:
        iri = _v(row, "fact") or ""
        fact = facts.get(iri)
        if fact is None:
            fact = {k: _v(row, k) for k in ("type", "role", "polarity", "kind", "quote",
                                            "quoted", "roleName", "formerPost", "label",
                                            "date", "sentence", "article", "title", "anchor",
                                            "begin", "end")}
            fact["iri"] = iri
            fact["sentence_parts"] = highlight(fact["sentence"] or "", fact["anchor"])
            fact["class"] = local_name(fact["type"] or "")
            fact["parties"] = []
            facts[iri] = fact
        other_role = _v(row, "otherRole") or _v(row, "role")
        other = _v(row, "other") or _v(row, "party")
        label = _v(row, "otherLabel") or _v(row, "partyLabel")
        if other and other_role:
            party = (local_name(other_role), other, label or local_name(other))
            if party not in fact["parties"]:  # type: ignore[operator]
                fact["parties"].append(party)  # type: ignore[union-attr]
    return list(facts.values())


def highlight(sentence: str, anchor: str | None) -> list[tuple[str, bool]]:
    """The sentence cut into (text, is_evidence) parts around the evidence's exact words.

    Why by search and not by offsets: the graph keeps the evidence's offsets in the article
    but not the sentence's, and the anchor is a substring of its sentence by construction.
    """
    at = sentence.find(anchor) if anchor else -1
    if at < 0 or not anchor:
        return [(sentence, False)] if sentence else []
    parts = [(sentence[:at], False), (anchor, True), (sentence[at + len(anchor):], False)]
    return [p for p in parts if p[0]]


def text_runs(text: str, mentions: list[dict[str, str | None]],
              spans: list[tuple[int, int]]) -> list[dict[str, object]]:
    """The article text as runs (a mention or plain text), each cut into offset pieces.

    Why pieces: every evidence span starts and ends on a piece boundary, so the page can
    highlight a fact's evidence by marking the pieces inside ``[begin, end)`` (JavaScript) or
    jump to ``#t<begin>`` (without it). Overlapping mentions keep the first, longest one.
    """
    cuts = {0, len(text)}
    for b, e in spans:
        cuts.update((max(0, min(b, len(text))), max(0, min(e, len(text)))))
    chosen, last_end = [], 0
    for m in mentions:
        b, e = int(m["begin"] or 0), int(m["end"] or 0)
        if b >= last_end and 0 <= b < e <= len(text):
            chosen.append((b, e, m))
            cuts.update((b, e))
            last_end = e
    ordered = sorted(cuts)
    runs: list[dict[str, object]] = []
    pos = 0
    for b, e, m in [*chosen, (len(text), len(text), None)]:
        if pos < b:
            runs.append({"mention": None, "pieces": _pieces(text, ordered, pos, b)})
        if m is not None:
            runs.append({"mention": m, "pieces": _pieces(text, ordered, b, e)})
        pos = max(pos, e)
    return runs


def _pieces(text: str, cuts: list[int], start: int, end: int) -> list[tuple[int, int, str]]:
    inner = [c for c in cuts if start < c < end]
    edges = [start, *inner, end]
    return [(a, b, text[a:b]) for a, b in pairwise(edges) if a < b]


def _section(fact: dict[str, object]) -> str:
    cls, role = fact["class"], local_name(str(fact.get("role") or ""))
    for title, want_cls, want_role in SECTIONS:
        if want_cls == cls and (want_role is None or want_role == role):
            return title
    return "Events"


def entity_response(entity_id: str) -> Response:
    """``/entity/<id>``: HTML page or the entity's description in RDF."""
    check_id("entity", entity_id)
    iri = runner.settings().base_iri + "entity/" + entity_id
    fmt = page_format()
    if fmt is not formats.HTML:
        return _rdf("entity_describe", fmt, f"entity {entity_id!r}", entity_iri=iri)
    props = runner.select("entity", entity_iri=iri)
    facts = group_facts(runner.select("entity_facts", entity_iri=iri))
    if not props and not facts:
        raise UnknownResource(f"no entity {entity_id!r}")
    by_p: dict[str, list[tuple[str, str | None]]] = {}
    for row in props:
        by_p.setdefault(_v(row, "p") or "", []).append((_v(row, "o") or "", _v(row, "oLabel")))
    sections: OrderedDict[str, list[dict[str, object]]] = OrderedDict(
        (title, []) for title, _, _ in SECTIONS)
    for fact in facts:
        sections[_section(fact)].append(fact)
    labels = [o for o, _ in by_p.get(str(vocab.RDFS.label), [])]
    return _html(
        "entity.html", iri=iri, id=entity_id, label=labels[0] if labels else entity_id,
        classes=[o for o, _ in by_p.get(str(vocab.RDF.type), [])],
        same_as=[o for o, _ in by_p.get(str(vocab.OWL.sameAs), [])],
        aliases=sorted({o for o, _ in by_p.get(str(vocab.SKOS.altLabel), [])}),
        other_props=[(p, values) for p, values in sorted(by_p.items()) if p not in {
            str(vocab.RDFS.label), str(vocab.RDF.type), str(vocab.OWL.sameAs),
            str(vocab.SKOS.altLabel), str(vocab.SKOS.prefLabel)}],
        sections=[(t, fs) for t, fs in sections.items() if fs],
    )


def article_response(article_id: str) -> Response:
    """``/article/<id>``: HTML page (title, date, text, facts) or the article graph in RDF."""
    check_id("article", article_id)
    base = runner.settings().base_iri
    iri, graph = base + "article/" + article_id, base + "graph/article/" + article_id
    fmt = page_format()
    if fmt is not formats.HTML:
        return _rdf("article_describe", fmt, f"article {article_id!r}", graph_iri=graph)
    rows = runner.select("article", article_iri=iri, graph_iri=graph)
    if not rows:
        raise UnknownResource(f"no article {article_id!r}")
    article = {k: _v(rows[0], k) for k in ("title", "issued", "language", "text", "source")}
    facts = group_facts(runner.select("article_facts", graph_iri=graph))
    mentions = [{k: _v(r, k) for k in ("begin", "end", "entity", "label", "class")}
                for r in runner.select("article_mentions", graph_iri=graph)]
    spans = [(int(str(f["begin"])), int(str(f["end"]))) for f in facts
             if f["begin"] is not None and f["end"] is not None]
    runs = text_runs(article["text"] or "", mentions, spans)
    classes = sorted({local_name(m["class"] or "") for m in mentions if m["class"]})
    return _html("article.html", iri=iri, id=article_id, article=article, facts=facts,
                 runs=runs, classes=classes)


def resource_response(kind: str, local_id: str) -> Response:
    """``/fact/<id>``, ``/concept/<id>``: a node's triples (and a fact's evidence)."""
    check_id(kind, local_id)
    iri = runner.settings().base_iri + f"{kind}/" + local_id
    fmt = page_format()
    if fmt is not formats.HTML:
        return _rdf("resource_describe", fmt, f"{kind} {local_id!r}", resource_iri=iri)
    rows = runner.select("resource", resource_iri=iri)
    if not rows:
        raise UnknownResource(f"no {kind} {local_id!r}")
    props = [(_v(r, "p") or "", _v(r, "o") or "", _v(r, "oLabel"), r["o"]["type"])
             for r in rows]
    return _html("fact.html", iri=iri, id=local_id, props=props)


@lru_cache(maxsize=16)
def _converted(path: str, mtime: float, key: str) -> bytes:
    from rdflib import Graph

    data = Graph().parse(path, format="turtle").serialize(format=_RDFLIB[key])
    return data.encode() if isinstance(data, str) else data


def ontology_response() -> Response:
    """``/ontology``: ``ontology/kg.ttl`` (or ``kg.owl``, or a conversion) by Accept; HTML docs."""
    folder = Path(runner.settings().ontology_dir)
    ttl, owl = folder / "kg.ttl", folder / "kg.owl"
    offered = tuple(formats.result_format(k) for k in ("turtle", "rdfxml", "jsonld", "ntriples"))
    fmt = formats.negotiate(request.accept_mimetypes, (*offered, formats.HTML),
                            request.args.get("format"))
    if not ttl.is_file():
        raise UnknownResource("the ontology has not been written yet (ontology/kg.ttl)")
    if fmt is formats.HTML:
        docs = folder.parent / "docs" / "ontology" / "index.html"
        if docs.is_file():
            return Response(docs.read_bytes(), content_type="text/html; charset=utf-8")
        return _html("ontology.html", terms=_ontology_terms(str(ttl), ttl.stat().st_mtime),
                     iri=vocab.ONTOLOGY_IRI)
    if fmt.key == "turtle":
        body = ttl.read_bytes()
    elif fmt.key == "rdfxml" and owl.is_file():
        body = owl.read_bytes()
    else:
        body = _converted(str(ttl), ttl.stat().st_mtime, fmt.key)
    return Response(body, content_type=fmt.content_type, headers={"Vary": "Accept"})


@lru_cache(maxsize=4)
def _ontology_terms(path: str, mtime: float) -> list[tuple[str, str, str, str]]:
    """(local name, kind, label, definition) of each class and property, for the HTML page."""
    from rdflib import Graph

    g = Graph().parse(path, format="turtle")
    ns = str(vocab.KG._NS)
    out = []
    for s in set(g.subjects()):
        if not str(s).startswith(ns):
            continue
        kinds = sorted(local_name(str(t)) for t in g.objects(s, vocab.RDF.type))
        label = next(iter(g.objects(s, vocab.RDFS.label)), "")
        definition = next(iter(g.objects(s, vocab.SKOS.definition)), "") or next(
            iter(g.objects(s, vocab.RDFS.comment)), "")
        out.append((str(s)[len(ns):], ", ".join(kinds), str(label), str(definition)))
    return sorted(out)


def home() -> Response:
    """``/``: the query editor (saved queries offered, our prefixes preset), then entities and
    articles to browse."""
    entities = [(_v(r, "entity"), _v(r, "label"), local_name(_v(r, "class") or ""))
                for r in runner.select("entities")]
    articles = [(_v(r, "article"), _v(r, "title"), _v(r, "issued"))
                for r in runner.select("articles")]
    queries = [{"name": q.name, "summary": q.summary, "text": q.text}
               for q in runner.saved_queries().values()]
    return _html("home.html", entities=entities, articles=articles, queries=queries,
                 endpoint=request.host_url + "sparql", base=runner.settings().base_iri,
                 served=list(SERVED))
