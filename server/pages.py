"""Pages and linked-data routes: ``/``, ``/entity/<id>``, ``/article/<id>``, ``/fact/<id>``,
``/concept/<id>``, ``/ontology``. Each view is one call into ``server/linked.py``.
"""

from __future__ import annotations

from flask import Blueprint, Response

from kg import vocab
from server import linked

bp = Blueprint("pages", __name__)


@bp.app_context_processor
def template_helpers() -> dict[str, object]:
    """Helpers every template may use."""
    return {"href": linked.local_href, "local": linked.local_name,
            "config_prefixes": vocab.PREFIXES}


@bp.get("/")
def home() -> Response:
    """Entry page."""
    return linked.home()


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
