"""Facts export: one JSON object per article in the gold format, read back from the store.

Why SPARQL over the store and not the extractor's Python objects: the export must show what
the graph really holds, so a fact lost or mangled between extraction and the store shows up
in the scores (``kg evaluate``). Each fact type has one SELECT in ``kg/sparql/facts/``; every
query runs with the article's graph plus the entity graph as its default graph, so it sees one
article's facts and the canonical names, labels and Wikidata links of its entities.

Format (``../shared/eval/README.md``): an entity's ``id`` is its Wikidata QID when the entity
graph links it (``owl:sameAs wd:Q…``), else its IRI; facts use the same ids. Output is
deterministic: entities by id, facts by their fields in order, mentions in text order.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode, Store

from kg import gold_format, vocab
from kg.errors import UsageError
from kg.facts import EntityClass, EventType
from kg.store import open_store, run_query

if TYPE_CHECKING:
    from kg.config import Settings

#: Fallback when the entity graph gives no class (should not happen after a build).
DEFAULT_ENTITY_TYPE = ("Organization", False)
_ENTITY_CLASSES = frozenset(c.value for c in EntityClass)
_EVENT_CLASSES = frozenset(t.value for t in EventType)
TOP_KEYS = (
    "article", "published", "published_basis", "entities", "memberships", "partnerships",
    "stances", "statements", "events", "roles",
)
_DATE_LENGTH = {"year": 4, "month": 7, "day": 10}


def _sparql(name: str) -> str:
    return resources.files("kg").joinpath("sparql", "facts", name).read_text(encoding="utf-8")


def _local(term: Any) -> str:
    """Local name of an IRI (after ``#`` or the last ``/``)."""
    value = term.value
    return value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _value(term: Any) -> str | None:
    return None if term is None else term.value


def fuzzy_date(value: Literal | None, precision: Literal | None) -> str | None:
    """``YYYY[-MM[-DD]]`` from an ``xsd:dateTime`` and its precision (day when unknown)."""
    if value is None:
        return None
    length = _DATE_LENGTH.get(_value(precision) or "day", 10)
    return value.value[:length]


def _rows(store: Store, name: str, graphs: list[NamedNode]) -> Iterable[Any]:
    return run_query(store, _sparql(name), default_graph=graphs)


def _sorted(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    unique = {json.dumps(i, ensure_ascii=False): i for i in items}  # field order is fixed
    return [unique[k] for k in sorted(unique)]


class _Ids:
    """Entity IRI -> export id (QID when linked, else the IRI), shared by all facts."""

    def __init__(self) -> None:
        self.by_iri: dict[str, str] = {}

    def __call__(self, term: Any) -> str | None:
        if term is None:
            return None
        return self.by_iri.get(term.value, term.value)


def _entities(store: Store, graphs: list[NamedNode], ids: _Ids) -> list[dict[str, Any]]:
    info: dict[str, dict[str, Any]] = {}
    for row in _rows(store, "entities.rq", graphs):
        iri = row["entity"].value
        rec = info.setdefault(iri, {"labels": set(), "classes": set(), "items": set()})
        if row["label"] is not None:
            rec["labels"].add(row["label"].value)
        if row["class"] is not None:
            rec["classes"].add(_local(row["class"]))
        if row["item"] is not None:
            rec["items"].add(_local(row["item"]))
    mentions: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in _rows(store, "mentions.rq", graphs[:1]):
        mentions[row["entity"].value].append((int(row["begin"].value), row["text"].value))

    merged: dict[str, dict[str, Any]] = {}
    for iri in sorted(info):
        rec = info[iri]
        eid = min(rec["items"]) if rec["items"] else iri
        ids.by_iri[iri] = eid
        known = sorted(c for c in rec["classes"] if c in _ENTITY_CLASSES)
        etype, collective = gold_format.entity_type(known[0]) if known else DEFAULT_ENTITY_TYPE
        label = min(rec["labels"]) if rec["labels"] else _local(NamedNode(iri))
        entry = merged.setdefault(eid, {"id": eid, "label": label, "type": etype, "_m": []})
        if collective:
            entry["collective"] = True
        entry["_m"].extend(mentions.get(iri, []))
    out = []
    for eid in sorted(merged):
        entry = merged.pop(eid)
        seen: dict[str, None] = {}
        for _, text in sorted(entry.pop("_m")):
            seen.setdefault(text, None)
        entry["mentions"] = list(seen)
        out.append(entry)
    return out


def _memberships(store: Store, graphs: list[NamedNode], ids: _Ids) -> list[dict[str, Any]]:
    out = []
    for row in _rows(store, "memberships.rq", graphs):
        item = {
            "member": ids(row["member"]),
            "organization": ids(row["organization"]),
            "evidence": _value(row["sentence"]),
        }
        status = _local(row["status"]) if row["status"] is not None else "fullMember"
        if status != "fullMember":  # partner, observer, candidate, formerMember
            item["status"] = status
        out.append(item)
    return _sorted(out)


def _partnerships(store: Store, graphs: list[NamedNode], ids: _Ids) -> list[dict[str, Any]]:
    facts: dict[str, dict[str, Any]] = {}
    for row in _rows(store, "partnerships.rq", graphs):
        rec = facts.setdefault(row["fact"].value, {
            "parties": set(), "domains": set(), "evidence": _value(row["sentence"]),
            "past": row["status"] is not None and _local(row["status"]) == "past",
        })
        rec["parties"].add(ids(row["party"]))
        if row["domain"] is not None:
            rec["domains"].add(_local(row["domain"]))
    out = []
    for rec in facts.values():
        item: dict[str, Any] = {
            "parties": sorted(rec["parties"]),
            "domains": sorted(rec["domains"]),
            "evidence": rec["evidence"],
        }
        if rec["past"]:
            item["temporal"] = "past"
        out.append(item)
    return _sorted(out)


def _stances(store: Store, graphs: list[NamedNode], ids: _Ids) -> list[dict[str, Any]]:
    out = []
    for row in _rows(store, "stances.rq", graphs):
        kind = _local(row["kind"]) if row["kind"] is not None else "otherKind"
        out.append({
            "holder": ids(row["holder"]),
            "target": ids(row["target"]),
            "polarity": _local(row["polarity"]) if row["polarity"] is not None else "neutral",
            "kind": gold_format.stance_kind(kind),
            "evidence": _value(row["sentence"]),
            "quote": _value(row["quote"]),
        })
    return _sorted(out)


def _statements(store: Store, graphs: list[NamedNode], ids: _Ids) -> list[dict[str, Any]]:
    return _sorted(
        {
            "speaker": ids(row["speaker"]),
            "on_behalf_of": ids(row["onBehalfOf"]),
            "quote": row["quote"].value,
            "evidence": _value(row["sentence"]),
        }
        for row in _rows(store, "statements.rq", graphs)
    )


def _events(store: Store, graphs: list[NamedNode], ids: _Ids) -> list[dict[str, Any]]:
    facts: dict[str, dict[str, Any]] = {}
    for row in _rows(store, "events.rq", graphs):
        cls = _local(row["class"])
        rec = facts.setdefault(row["fact"].value, {
            "id": row["fact"].value,
            "label": _value(row["label"]) or "",
            "type": gold_format.event_type(cls) if cls in _EVENT_CLASSES else "Other",
            "date": fuzzy_date(row["date"], row["precision"]),
            "participants": set(),
            "place": ids(row["place"]),
            "evidence": _value(row["sentence"]),
        })
        if row["participant"] is not None:
            rec["participants"].add(ids(row["participant"]))
    out = []
    for rec in facts.values():
        rec["participants"] = sorted(rec["participants"])
        out.append(rec)
    return _sorted(out)


def _roles(store: Store, graphs: list[NamedNode], ids: _Ids) -> list[dict[str, Any]]:
    return _sorted(
        {
            "person": ids(row["person"]),
            "role": row["role"].value,
            "of": ids(row["of"]),
            "evidence": _value(row["sentence"]),
        }
        for row in _rows(store, "roles.rq", graphs)
    )


def article_ids(store: Store) -> list[tuple[str, Any]]:
    """``(article_id, metadata row)`` for every article graph in the store, sorted by id."""
    prefix = vocab.article_graph("")
    out = []
    for row in run_query(store, _sparql("articles.rq")):
        graph = row["g"].value
        if graph.startswith(prefix):
            out.append((graph[len(prefix):], row))
    return sorted(out, key=lambda pair: pair[0])


def export_article(store: Store, article_id: str, meta: Any = None) -> dict[str, Any]:
    """One article's facts in the gold format, all read with SPARQL from ``store``."""
    if meta is None:
        meta = dict(article_ids(store)).get(article_id)
        if meta is None:
            raise UsageError(f"no article {article_id!r} in the store")
    graphs = [NamedNode(vocab.article_graph(article_id)), NamedNode(str(vocab.ENTITY_GRAPH))]
    ids = _Ids()
    entities = _entities(store, graphs, ids)
    doc = {
        "article": _value(meta["sourceFile"]) or article_id,
        "published": fuzzy_date(meta["issued"], meta["precision"]),
        "published_basis": _value(meta["basis"]),
        "entities": entities,
        "memberships": _memberships(store, graphs, ids),
        "partnerships": _partnerships(store, graphs, ids),
        "stances": _stances(store, graphs, ids),
        "statements": _statements(store, graphs, ids),
        "events": _events(store, graphs, ids),
        "roles": _roles(store, graphs, ids),
    }
    return {key: doc[key] for key in TOP_KEYS}


def export_store(store: Store, out_dir: Path) -> int:
    """Write ``<article_id>.json`` for every article graph of ``store``; returns the count."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out_dir} ({exc.strerror})") from None
    n = 0
    for article_id, meta in article_ids(store):
        doc = export_article(store, article_id, meta)
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        try:
            (out_dir / f"{article_id}.json").write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {out_dir / article_id}.json ({exc.strerror})") from None
        n += 1
    return n


def export_facts(settings: Settings, out_dir: Path) -> int:
    """``kg facts``: export every article of the store at ``settings.store`` (opened read-only)."""
    return export_store(open_store(Path(settings.store), read_only=True), out_dir)
