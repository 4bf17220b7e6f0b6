"""The SPARQL endpoint server: a Flask application factory (see ``create_app``)."""

from __future__ import annotations

from flask import Flask

from kg.config import Settings


def create_app(settings: Settings | None = None) -> Flask:
    """Build the app for one Settings: blueprints, error handlers, CORS, metrics, executor.

    Why a factory (flaskr): tests build apps with their own settings; nothing runs at import.
    The query executor opens the store lazily on the first query, or eagerly in each
    ``kg serve`` worker process.
    """
    from server import assets, cors, errors, metrics, openapi, pages, saved, sparql
    from server.executor import QueryExecutor

    settings = settings or Settings()
    app = Flask(__name__)
    # One byte over the limit: Werkzeug stops reading a chunked body (no Content-Length) at
    # MAX_CONTENT_LENGTH without an error; a body that reaches it is refused by the view.
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes + 1
    app.config["JSON_SORT_KEYS"] = False
    app.extensions["kg_settings"] = settings
    app.extensions["kg_metrics"] = metrics.ServerMetrics()
    app.extensions["kg_executor"] = QueryExecutor(settings.store, settings.threads,
                                                  app.extensions["kg_metrics"])
    cors.init_app(app)
    for bp in (sparql.bp, saved.bp, pages.bp, metrics.bp, openapi.bp):
        app.register_blueprint(bp)
    assets.init_app(app)
    metrics.init_app(app)
    errors.register_error_handlers(app)
    return app
