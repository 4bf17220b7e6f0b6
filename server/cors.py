"""CORS for ``/sparql`` and the saved-query API, preflight included.

Why by hand: four headers on a few routes; YASGUI, Comunica and notebooks in a browser need
them, and a dependency for this would be more code to trust than the code itself. Flask answers
``OPTIONS`` automatically (with ``Allow``); this adds the CORS headers to it and to every answer
of the covered routes. No credentials are involved, so ``*`` is the right origin.
"""

from __future__ import annotations

from flask import Flask, Response, request

PATHS = ("/sparql", "/queries", "/openapi.json")
EXPOSED = ("X-Result-Truncated", "X-Result-Row-Cap", "X-Result-Rows", "Content-Range",
           "Warning")


def init_app(app: Flask) -> None:
    """Register the after-request hook that adds the CORS headers."""

    @app.after_request
    def _cors(response: Response) -> Response:
        if not request.path.startswith(PATHS):
            return response
        headers = response.headers
        headers["Access-Control-Allow-Origin"] = "*"
        headers["Access-Control-Expose-Headers"] = ", ".join(EXPOSED)
        if request.method == "OPTIONS":
            headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            headers["Access-Control-Allow-Headers"] = request.headers.get(
                "Access-Control-Request-Headers", "Content-Type, Accept, Authorization")
            headers["Access-Control-Max-Age"] = "3600"
        return response
