"""Pages and linked-data routes: ``/`` (query editor), ``/network``, ``/timeline``,
``/entity/<id>``, ``/article/<id>``, ``/fact/<id>``, ``/concept/<id>``, ``/ontology``.

Each view is one call into ``server/linked.py`` (linked data, entity and article pages) or
``server/graphs.py`` (network and timeline data). Pages are server-rendered HTML first; the
JavaScript libraries (``server/assets.py``) only add the editor, the graph and the timeline.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request

from kg import vocab
from server import graphs, linked

bp = Blueprint("pages", __name__)


@bp.app_context_processor
def template_helpers() -> dict[str, object]:
    """Helpers every template may use (option lists are callables: only pages that show a
    form pay for their query)."""
    return {"href": linked.local_href, "local": linked.local_name,
            "config_prefixes": vocab.PREFIXES, "entity_options": graphs.entity_options,
            "article_options": graphs.article_options,
            "highlight": linked.highlight,
            "class_colours": graphs.CLASS_COLOURS, "edge_colours": graphs.EDGE_COLOURS}


def _page(template: str, **context: object) -> Response:
    return Response(render_template(template, **context),
                    content_type="text/html; charset=utf-8")


@bp.get("/")
def home() -> Response:
    """Entry page: the YASGUI query editor with the saved queries, then entities and articles."""
    return linked.home()


@bp.get("/network")
def network() -> Response:
    """Network of actors (stances, memberships, partnerships), filtered by the URL."""
    data = graphs.network(graphs.read_filters(request.args))
    return _page("network.html", data=data, articles=graphs.article_options())


@bp.get("/network.json")
def network_json() -> Response:
    """The network view's data: ``{"nodes": [...], "edges": [...]}``."""
    return jsonify(graphs.network(graphs.read_filters(request.args)))


@bp.get("/timeline")
def timeline() -> Response:
    """Dated stances and events of an actor, or of a pair of actors."""
    return _page("timeline.html", data=graphs.timeline(graphs.read_filters(request.args)))


@bp.get("/timeline.json")
def timeline_json() -> Response:
    """The timeline view's data: ``{"items": [...]}``."""
    return jsonify(graphs.timeline(graphs.read_filters(request.args)))


@bp.get("/entity/<entity_id>")
def entity(entity_id: str) -> Response:
    """An entity: HTML for browsers, its description in RDF otherwise."""
    return linked.entity_response(entity_id)


@bp.get("/article/<article_id>")
def article(article_id: str) -> Response:
    """An article: HTML for browsers, its named graph in RDF otherwise."""
    return linked.article_response(article_id)


@bp.get("/fact/<fact_id>")
def fact(fact_id: str) -> Response:
    """A fact, evidence or mention node."""
    return linked.resource_response("fact", fact_id)


@bp.get("/concept/<concept_id>")
def concept(concept_id: str) -> Response:
    """A SKOS concept of the ontology's controlled vocabularies (polarity, stance kind …)."""
    return linked.resource_response("concept", concept_id)


@bp.get("/ontology")
def ontology() -> Response:
    """The ontology in its serialisations, or its HTML documentation."""
    return linked.ontology_response()
