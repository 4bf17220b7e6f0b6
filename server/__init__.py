"""The SPARQL endpoint server: a Flask application factory (see ``create_app``)."""

from __future__ import annotations

from flask import Flask

from kg.config import Settings


def create_app(settings: Settings | None = None) -> Flask:
    """Build the app for one Settings: blueprints, error handlers, CORS, metrics, workers.

    Why a factory (flaskr): tests build apps with their own settings; nothing runs at import.
    The worker pool starts lazily on the first query, or eagerly from ``kg serve``.
    """
    from server import assets, cors, errors, metrics, openapi, pages, saved, sparql
    from server.workers import WorkerPool

    settings = settings or Settings()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.config["JSON_SORT_KEYS"] = False
    app.extensions["kg_settings"] = settings
    app.extensions["kg_pool"] = WorkerPool(settings.store, settings.workers)
    cors.init_app(app)
    for bp in (sparql.bp, saved.bp, pages.bp, metrics.bp, openapi.bp):
        app.register_blueprint(bp)
    assets.init_app(app)
    metrics.init_app(app)
    errors.register_error_handlers(app)
    return app
