"""Browser libraries installed by npm, served from ``node_modules`` through an allow-list.

Why: the UI must work offline (no CDN) and the repository must not carry third-party bundles,
so ``npm ci`` installs them from ``package.json``/``package-lock.json`` and this blueprint serves
exactly the files the pages load. A URL names a short package key and a file; only pairs in
:data:`VENDOR_FILES` resolve, so no path from the request ever reaches the file system and
``..`` cannot escape. When ``node_modules`` is missing, :func:`vendor_url` returns None and the
pages fall back to their server-rendered content with a note on how to install.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, send_file, url_for

from kg.config import PROJECT_ROOT

bp = Blueprint("assets", __name__)

#: URL key -> (folder inside node_modules, files the pages may load from it).
VENDOR_FILES: dict[str, tuple[str, frozenset[str]]] = {
    "yasgui": ("@zazuko/yasgui/build", frozenset({"yasgui.min.js", "yasgui.min.css"})),
    "cytoscape": ("cytoscape/dist", frozenset({"cytoscape.min.js"})),
    "vis-timeline": ("vis-timeline", frozenset({
        "standalone/umd/vis-timeline-graph2d.min.js",
        "styles/vis-timeline-graph2d.min.css",
    })),
}

#: How to install the libraries, shown on pages when they are missing.
INSTALL_HINT = "npm ci --no-audit --no-fund"


def init_app(app: Flask, node_modules: Path | None = None) -> None:
    """Register the blueprint; ``node_modules`` defaults to the checkout's folder.

    Why configurable: tests point it at an empty folder to check the no-JavaScript fallback.
    """
    app.config.setdefault("KG_NODE_MODULES", node_modules or PROJECT_ROOT / "node_modules")
    app.register_blueprint(bp)
    app.add_template_global(vendor_url)
    app.add_template_global(INSTALL_HINT, "vendor_install_hint")


def vendor_path(package: str, filename: str) -> Path | None:
    """The file on disk for an allowed (package, file) pair, or None if not allowed/installed."""
    entry = VENDOR_FILES.get(package)
    if entry is None or filename not in entry[1]:
        return None
    path = Path(current_app.config["KG_NODE_MODULES"]) / entry[0] / filename
    return path if path.is_file() else None


def vendor_url(package: str, filename: str) -> str | None:
    """URL of a vendor file for templates, or None when it is not installed."""
    if vendor_path(package, filename) is None:
        return None
    return url_for("assets.vendor", package=package, filename=filename)


@bp.get("/static/vendor/<package>/<path:filename>")
def vendor(package: str, filename: str) -> Response:
    """One allow-listed file from node_modules (cached by the browser for a day)."""
    path = vendor_path(package, filename)
    if path is None:
        abort(404, description=f"{package}/{filename} is not a served library file (or npm "
                               f"packages are not installed: run '{INSTALL_HINT}')")
    return send_file(path, max_age=86400)


@bp.get("/favicon.ico")
def favicon() -> Response:
    """The site icon (browsers ask for it; a 404 would show up as a console error)."""
    return send_file(Path(__file__).parent / "static" / "favicon.svg", mimetype="image/svg+xml",
                     max_age=86400)
