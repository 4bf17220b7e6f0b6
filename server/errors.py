"""Every error of the server becomes one body shape, chosen by where it happened.

Why one place (Datasette's ``handle_exception``, Flask's "API errors as JSON"): views only
raise. ``/sparql`` answers plain text, because SPARQL clients show the body as-is; the API
(``/queries``, ``/openapi.json``, ``/health``, any ``.json`` URL) answers
``{"error": …, "status": …}``; pages answer HTML for browsers. A user's mistake is a 4xx with a
readable reason, never a 500.
"""

from __future__ import annotations

import json

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge

from kg.errors import KGError
from server.formats import NotAcceptableFormat, prefers

API_PREFIXES = ("/queries", "/openapi.json", "/health", "/metrics")


def body_shape() -> str:
    """'text', 'json' or 'html' for the current request."""
    path = request.path
    if path.startswith("/sparql"):
        return "text"
    accept = request.accept_mimetypes
    html = prefers(accept, "text/html")
    if path.endswith(".json") or (path.startswith(API_PREFIXES) and not html):
        return "json"
    if html:
        return "html"
    return "json" if prefers(accept, "application/json") else "text"


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error body in the shape this request calls for."""
    shape = body_shape()
    if shape == "json":
        response = Response(
            json.dumps({"error": message, "status": status}, ensure_ascii=False),
            content_type="application/json")
    elif shape == "html":
        response = Response(render_template("error.html", status=status, message=message),
                            content_type="text/html; charset=utf-8")
    else:
        response = Response(f"{status} {_reason(status)}: {message}\n",
                            content_type="text/plain; charset=utf-8")
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def register_error_handlers(app: Flask) -> None:
    """Install the handlers: KGError subclasses, 406, HTTP errors and the last-resort 500."""

    @app.errorhandler(KGError)
    def kg_error(exc: KGError) -> Response:
        headers = {"Retry-After": "5"} if exc.status == 503 else None
        return error_response(exc.status, str(exc), headers)

    @app.errorhandler(NotAcceptableFormat)
    def not_acceptable(exc: NotAcceptableFormat) -> Response:
        return error_response(406, str(exc))

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc: RequestEntityTooLarge) -> Response:
        limit = app.extensions["kg_settings"].max_request_bytes
        return error_response(413, f"the request body is larger than the limit of {limit} bytes")

    @app.errorhandler(InternalServerError)
    def internal(exc: InternalServerError) -> Response:
        app.logger.error("unhandled error on %s", request.path,
                         exc_info=exc.original_exception or exc)
        return error_response(500, "internal server error; the server log has the details")

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        headers = {k: v for k, v in exc.get_headers() if k.lower() == "allow"}
        message = exc.description or _reason(status)
        if status == 405:
            message = (f"method {request.method} is not allowed here; use "
                       f"{headers.get('Allow', 'GET')}")
        return error_response(status, message, headers)
