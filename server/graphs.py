"""Data of the network and timeline views, shaped for cytoscape.js and vis-timeline.

Why a module of its own: the views stay thin (parse → one call → render) and the same dicts
feed the HTML page (embedded JSON plus a server-rendered table for readers without
JavaScript) and the ``.json`` routes. SPARQL lives in ``kg/sparql/server/network.rq`` and
``timeline.rq``; this module only reads the filters, groups rows and picks colours.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass

from kg.errors import ParameterError
from server import runner
from server.linked import check_id, local_href, local_name

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: Event classes of the ontology; an event node also carries its superclasses.
_GENERIC_EVENT_TYPES = {"Event"}


#: Colours per entity class (network nodes, legend) — kept here so the legend and JS agree.
CLASS_COLOURS = {
    "State": "#1f77b4", "Person": "#ff7f0e", "Organization": "#2ca02c",
    "InternationalOrganization": "#17becf", "Alliance": "#9467bd", "PartnershipGroup": "#8c564b",
    "CollectiveActor": "#7f7f7f", "Region": "#bcbd22", "Place": "#e377c2", "Actor": "#444444",
}
#: Node shapes per entity class, so class is not told by colour alone.
CLASS_SHAPES = {
    "State": "round-rectangle", "Person": "ellipse", "Organization": "diamond",
    "InternationalOrganization": "hexagon", "Alliance": "star", "PartnershipGroup": "octagon",
    "CollectiveActor": "round-triangle", "Region": "barrel", "Place": "tag",
}
#: Edge colours per stance polarity and per relation kind.
EDGE_COLOURS = {"negative": "#c62828", "positive": "#2e7d32", "neutral": "#757575",
                "membership": "#1565c0", "partnership": "#6a1b9a"}


@dataclass(frozen=True)
class Filters:
    """The network/timeline filters of one request, already checked."""

    actor: str | None = None
    other: str | None = None
    article: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def as_args(self) -> dict[str, str]:
        """The filters as URL arguments (for links and the form)."""
        pairs = (("actor", self.actor), ("other", self.other), ("article", self.article),
                 ("from", self.date_from), ("to", self.date_to))
        return {k: v for k, v in pairs if v}


def _date(name: str, raw: str | None) -> str | None:
    value = (raw or "").strip()
    if not value:
        return None
    if not _DATE_RE.match(value):
        raise ParameterError(name, f"{value[:40]!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _id(kind: str, raw: str | None) -> str | None:
    """A bare id from a bare id, a CURIE (``entity:nato``) or a full IRI under our base."""
    value = (raw or "").strip()
    if not value:
        return None
    base = runner.settings().base_iri + kind + "/"
    for prefix in (base, kind + ":"):
        if value.startswith(prefix):
            value = value[len(prefix):]
    return check_id(kind, value)


def read_filters(args: Mapping[str, str]) -> Filters:
    """Filters from request arguments; a malformed value is a 400 naming the parameter."""
    return Filters(actor=_id("entity", args.get("actor")), other=_id("entity", args.get("other")),
                   article=_id("article", args.get("article")),
                   date_from=_date("from", args.get("from")), date_to=_date("to", args.get("to")))


def _v(row: Mapping[str, Mapping[str, str]], name: str) -> str | None:
    cell = row.get(name)
    return cell["value"] if cell else None


def _in_range(date: str | None, f: Filters) -> bool:
    """Whether a date (ISO lexical form) falls in [from, to); undated facts pass no range.

    Why in Python: ISO dates compare as strings, and binding optional literals in a grouped
    query runs into pyoxigraph's substitution rules; the rows are already narrowed by SPARQL.
    """
    if not (f.date_from or f.date_to):
        return True
    if not date:
        return False
    return (not f.date_from or date >= f.date_from) and (not f.date_to or date < f.date_to)


def _iris(f: Filters) -> dict[str, str]:
    base = runner.settings().base_iri
    iris = {}
    if f.actor:
        iris["actor_iri"] = base + "entity/" + f.actor
    if f.other:
        iris["other_iri"] = base + "entity/" + f.other
    if f.article:
        iris["article_iri"] = base + "article/" + f.article
    return iris


def network(f: Filters) -> dict[str, object]:
    """Nodes and edges for cytoscape.js: stances (directed, by polarity, weighted by count),
    memberships and partnerships, narrowed by article, actor and date range.
    """
    iris = _iris(f)
    iris.pop("other_iri", None)
    nodes: OrderedDict[str, dict[str, object]] = OrderedDict()
    edges: OrderedDict[tuple[str, ...], dict[str, object]] = OrderedDict()
    # With an actor, start from the actor's facts (network_actor.rq); otherwise scan them all.
    for row in runner.select("network_actor" if "actor_iri" in iris else "network", **iris):
        if not _in_range(_v(row, "date"), f):
            continue
        kind = local_name(_v(row, "type") or "").lower()
        source, target = _v(row, "source") or "", _v(row, "target") or ""
        for iri, side in ((source, "source"), (target, "target")):
            if iri not in nodes:
                cls = local_name(_v(row, side + "Class") or "") or "Actor"
                nodes[iri] = {"id": iri, "label": _v(row, side + "Label") or local_name(iri),
                              "cls": cls, "href": local_href(iri) or iri,
                              "color": CLASS_COLOURS.get(cls, "#444444"),
                              "shape": CLASS_SHAPES.get(cls, "ellipse")}
        polarity = local_name(_v(row, "polarity") or "") or None
        key = (kind, source, target, polarity or "")
        edge = edges.get(key)
        if edge is None:
            edge = edges[key] = {"id": f"e{len(edges)}", "source": source, "target": target,
                                 "kind": kind, "polarity": polarity, "count": 0, "facts": [],
                                 "color": EDGE_COLOURS.get(polarity if kind == "stance"
                                                           else kind, "#757575")}
        edge["count"] += 1  # type: ignore[operator]
        edge["facts"].append(_v(row, "fact"))  # type: ignore[union-attr]
    for edge in edges.values():
        edge["width"] = round(1.5 + 2.5 * math.log2(edge["count"]), 2)  # type: ignore[arg-type]
        edge["label"] = _edge_label(edge)
    node_list = sorted(nodes.values(), key=lambda n: (str(n["cls"]), str(n["label"])))
    return {"filters": f.as_args(), "nodes": node_list, "edges": list(edges.values())}


def _edge_label(edge: Mapping[str, object]) -> str:
    kind = str(edge["kind"])
    text = {"stance": f"{edge['polarity'] or ''} stance", "membership": "member of",
            "partnership": "partner"}.get(kind, kind)
    return f"{text} ×{edge['count']}" if int(edge["count"]) > 1 else text  # type: ignore[call-overload]


def timeline(f: Filters) -> dict[str, object]:
    """Dated stances and events of one actor (and optionally a second one), oldest first."""
    items: OrderedDict[str, dict[str, object]] = OrderedDict()
    if f.actor:
        for row in runner.select("timeline", **_iris(f)):
            date = (_v(row, "date") or "")[:10]
            if not _in_range(date, f):
                continue
            fact = _v(row, "fact") or ""
            cls = local_name(_v(row, "type") or "")
            item = items.get(fact)
            if item is not None:  # an event node also carries its superclasses
                if item["cls"] in _GENERIC_EVENT_TYPES:
                    item["cls"] = cls
                continue
            items[fact] = _timeline_item(row, fact, cls, date)
    for item in items.values():
        item["title"] = _item_title(item)
        item["group"] = "stance" if item["cls"] == "Stance" else "event"
    return {"filters": f.as_args(), "items": list(items.values())}


def _timeline_item(row: Mapping[str, Mapping[str, str]], fact: str, cls: str, date: str
                   ) -> dict[str, object]:
    own = _v(row, "ownDate") == "true"
    return {
        "id": fact, "href": local_href(fact) or fact, "cls": cls, "date": date,
        "own_date": own, "label": _v(row, "label"),
        "holder": _v(row, "holder"), "holder_label": _v(row, "holderLabel"),
        "target": _v(row, "target"), "target_label": _v(row, "targetLabel"),
        "polarity": local_name(_v(row, "polarity") or "") or None,
        "kind": local_name(_v(row, "kind") or "") or None,
        "sentence": _v(row, "sentence"), "anchor": _v(row, "anchor"),
        "article": _v(row, "article"), "article_href": local_href(_v(row, "article") or ""),
        "article_title": _v(row, "title"),
    }


def _item_title(item: Mapping[str, object]) -> str:
    if item["cls"] == "Stance":
        holder = item["holder_label"] or local_name(str(item["holder"]))
        target = item["target_label"] or local_name(str(item["target"]))
        return f"{holder} → {target}: {item['kind'] or ''} ({item['polarity'] or '?'})"
    return f"{item['cls']}: {item['label'] or ''}".strip()


def entity_options() -> list[tuple[str, str, str]]:
    """(id, label, class) of every entity, for suggestions in forms."""
    rows = runner.select("entities")
    seen: dict[str, tuple[str, str, str]] = {}
    for row in rows:
        iri = _v(row, "entity") or ""
        seen.setdefault(iri, (local_name(iri), _v(row, "label") or local_name(iri),
                              local_name(_v(row, "class") or "")))
    return sorted(seen.values(), key=lambda e: e[1].lower())


def article_options() -> list[tuple[str, str]]:
    """(id, title or id with date) of every article, for the network filter."""
    out = []
    for row in runner.select("articles"):
        iri = _v(row, "article") or ""
        date = (_v(row, "issued") or "")[:10]
        title = _v(row, "title") or local_name(iri)
        out.append((local_name(iri), f"{title} ({date})" if date else title))
    return out
