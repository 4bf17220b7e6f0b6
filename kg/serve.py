"""``kg serve``: run the Flask app under waitress, with the query workers around it.

Why waitress: a production WSGI server in pure Python with a thread pool; the threads only
wait on worker processes (``server/workers.py``), so a handful of them serve many clients.
"""

from __future__ import annotations

import logging
import signal
import sys

from kg.config import Settings


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


def run_server(settings: Settings) -> None:
    """Serve until interrupted; workers are started first and stopped on the way out.

    A store that cannot be opened is a one-line error before anything listens (like a Fuseki
    dataset that is not there), not a server that answers 503 to every query.
    """
    from pathlib import Path

    from waitress import create_server

    from kg.store import open_store
    from server import create_app

    open_store(Path(settings.store))  # raises StoreUnavailable with the reason; then closed

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = create_app(settings)
    pool = app.extensions["kg_pool"]
    pool.start()
    server = create_server(
        app, host=settings.host, port=settings.port, threads=max(8, settings.workers * 4),
        max_request_body_size=settings.max_request_bytes + 65536, ident="kg-sparql",
        channel_timeout=max(120, int(settings.query_timeout) + 30),
    )
    signal.signal(signal.SIGTERM, _stop)
    print(f"serving {settings.store} on http://{settings.host}:{server.effective_port}/sparql",
          file=sys.stderr, flush=True)
    try:
        server.run()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.close()
        pool.close()
