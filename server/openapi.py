"""``/openapi.json``: an OpenAPI 3 document for ``/sparql`` and every saved query.

Why generated: the saved queries are data, so their parameters, types, enums and defaults are
described from the same ``SavedQuery`` objects that bind them; the document cannot drift.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from kg.saved_queries import Param, SavedQuery
from server import formats, runner

bp = Blueprint("openapi", __name__)

_SCHEMA = {"integer": {"type": "integer"}, "decimal": {"type": "number"},
           "double": {"type": "number"}, "boolean": {"type": "boolean"},
           "dateTime": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2}(T[0-9:]+Z?)?)?)?$"},
           "date": {"type": "string", "format": "date"}}


def _param_schema(p: Param) -> dict[str, object]:
    schema: dict[str, object] = dict(_SCHEMA.get(p.kind, {"type": "string"}))
    if p.kind == "iri":
        schema["description"] = p.describe()
    if p.enum:
        schema = {"type": "string", "enum": list(p.enum)}
    if p.default is not None:
        schema["default"] = p.default
    return schema


def _content(kind: str) -> dict[str, object]:
    fmts = formats.RDF_FORMATS if kind in ("CONSTRUCT", "DESCRIBE") else \
        formats.RESULT_FORMATS[:2] if kind == "ASK" else formats.RESULT_FORMATS
    return {f.media_type: {"schema": {"type": "string"}} for f in fmts}


def _responses(kind: str) -> dict[str, object]:
    err = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {
        "200": {"description": "the results", "content": _content(kind)},
        "206": {"description": "results cut at the row cap (X-Result-Truncated: true)",
                "content": _content(kind)},
        "400": {"description": "a parameter is missing or malformed", "content": err},
        "406": {"description": "no acceptable result format"},
        "503": {"description": "time limit reached or store unavailable", "content": err},
    }


def _operation(q: SavedQuery) -> dict[str, object]:
    params = [{"name": p.name, "in": "query", "required": p.required and p.default is None,
               "description": p.describe(), "schema": _param_schema(p)} for p in q.params]
    if q.pagination:
        params.append({"name": "page", "in": "query", "required": False,
                       "description": f"page of {q.pagination} rows",
                       "schema": {"type": "integer", "minimum": 1, "default": 1}})
    return {"get": {"operationId": q.name.replace("-", "_"), "summary": q.summary,
                    "description": q.description, "tags": list(q.tags) or ["queries"],
                    "parameters": params, "responses": _responses(q.query_type)}}


def build_document(server_url: str, queries: list[SavedQuery]) -> dict[str, object]:
    """The whole OpenAPI 3.0 document."""
    paths: dict[str, object] = {
        "/sparql": {
            "get": {"operationId": "sparql_get", "summary": "SPARQL 1.1 query (or service "
                    "description without a query)", "parameters": [
                        {"name": "query", "in": "query", "required": False,
                         "schema": {"type": "string"}},
                        {"name": "default-graph-uri", "in": "query", "required": False,
                         "schema": {"type": "array", "items": {"type": "string"}}},
                        {"name": "named-graph-uri", "in": "query", "required": False,
                         "schema": {"type": "array", "items": {"type": "string"}}},
                        {"name": "format", "in": "query", "required": False,
                         "schema": {"type": "string"}}],
                    "responses": _responses("SELECT")},
            "post": {"operationId": "sparql_post", "summary": "SPARQL 1.1 query by POST",
                     "requestBody": {"content": {
                         "application/x-www-form-urlencoded": {"schema": {
                             "type": "object", "properties": {"query": {"type": "string"}},
                             "required": ["query"]}},
                         "application/sparql-query": {"schema": {"type": "string"}}}},
                     "responses": _responses("SELECT")},
        },
        "/queries": {"get": {"operationId": "list_queries", "summary": "the saved queries",
                             "responses": {"200": {"description": "list",
                                                   "content": {"application/json": {}}}}}},
    }
    for q in queries:
        paths[f"/queries/{q.name}"] = _operation(q)
    return {
        "openapi": "3.0.3",
        "info": {"title": "geo-kg SPARQL endpoint and saved queries", "version": "0.1.0",
                 "description": "Read-only SPARQL 1.1 endpoint over a geopolitics knowledge "
                                "graph, with saved, parameterised queries."},
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {"schemas": {"Error": {"type": "object", "properties": {
            "error": {"type": "string"}, "status": {"type": "integer"}}}}},
    }


@bp.get("/openapi.json")
def document() -> Response:
    """The OpenAPI document."""
    return jsonify(build_document(request.host_url.rstrip("/"),
                                  list(runner.saved_queries().values())))
