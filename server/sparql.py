"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (queries; updates only with a token).

Why so short: the Protocol's rules live in ``server/protocol.py``, running and rendering in
``server/runner.py``, errors in ``server/errors.py``; the view only dispatches.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from server import runner
from server.protocol import DESCRIPTION, UPDATE, parse_request

bp = Blueprint("sparql", __name__)


@bp.route("/sparql", methods=["GET", "POST"], strict_slashes=False)
def endpoint() -> Response:
    """Query (GET, POST form, POST sparql-query), service description, or refused update."""
    limit = current_app.extensions["kg_settings"].max_request_bytes
    preq = parse_request(
        request.method, request.query_string, request.mimetype, dict(request.mimetype_params),
        _body(limit) if request.method == "POST" else b"", limit,
    )
    if preq.operation == DESCRIPTION:
        return runner.service_description(preq.format_override)
    if preq.operation == UPDATE:
        return runner.protocol_update(preq, request.headers.get("Authorization"))
    return runner.protocol_query(preq)


def _body(limit: int) -> bytes:
    """The POST body, refused (413) past ``limit`` bytes, with or without Content-Length."""
    body = request.get_data(cache=True)
    if len(body) > limit:
        raise RequestEntityTooLarge()
    return body
