"""The saved-query API: ``GET /queries`` lists, ``GET /queries/<name>[.ext]`` runs one.

Why: analysts and tools call named, documented, parameterised questions instead of pasting
SPARQL (Datasette's canned queries; grlc's decorated ``.rq`` files). Parameters are read and
bound by ``kg/saved_queries.py``; this blueprint only dispatches and renders.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from kg.saved_queries import SavedQuery, get_saved_query
from server import formats, runner
from server.protocol import check_query_string

bp = Blueprint("saved", __name__)

#: URL suffixes and the ``format`` override they stand for.
SUFFIXES = {"json": "json", "csv": "csv", "tsv": "tsv", "xml": "xml", "ttl": "turtle",
            "nt": "ntriples", "jsonld": "jsonld", "rdf": "rdfxml", "html": "html", "rq": "rq"}


def describe(q: SavedQuery) -> dict[str, object]:
    """JSON description of one saved query (also used by the OpenAPI document)."""
    return {
        "name": q.name, "summary": q.summary, "description": q.description,
        "tags": list(q.tags), "method": q.method, "query_type": q.query_type,
        "pagination": q.pagination, "url": url_for("saved.show", name=q.name, _external=True),
        "params": [{"name": p.name, "required": p.required, "type": p.kind,
                    "lang": p.lang, "datatype": p.datatype, "default": p.default,
                    "enum": list(p.enum), "accepts": p.describe()} for p in q.params],
    }


def split_suffix(name: str) -> tuple[str, str | None]:
    """``stances-toward.csv`` -> (``stances-toward``, ``csv``); unknown suffixes stay."""
    base, dot, ext = name.rpartition(".")
    if dot and ext in SUFFIXES:
        return base, SUFFIXES[ext]
    return name, None


@bp.get("/queries", strict_slashes=False)
@bp.get("/queries.json", defaults={"as_json": True}, endpoint="index_json")
def index(as_json: bool = False) -> Response:
    """All saved queries: JSON for tools, HTML for browsers."""
    queries = runner.saved_queries().values()
    fmt = formats.negotiate(request.accept_mimetypes, (formats.result_format("json"),
                                                       formats.HTML),
                            "json" if as_json else request.args.get("format"))
    if fmt is formats.HTML:
        return Response(render_template("queries.html", queries=queries),
                        content_type="text/html; charset=utf-8")
    return jsonify({"queries": [describe(q) for q in queries]})


@bp.get("/queries/<path:name>")
def show(name: str) -> Response:
    """Run a saved query (content negotiation, suffix or ``format=``); HTML for browsers."""
    name, suffix = split_suffix(name)
    check_query_string(request.query_string)
    saved = get_saved_query(runner.saved_queries(), name)
    override = suffix or request.args.get("format") or request.args.get("output")
    if override == "rq":
        return Response(saved.text, content_type="application/sparql-query; charset=utf-8")
    if override == "html" or (override is None and runner.prefers_html()):
        return runner.saved_query_page(saved, request.args.to_dict())
    return runner.saved_query(saved, request.args.to_dict(), override)
