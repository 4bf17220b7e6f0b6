"""Errors a user can cause or fix, each saying how every surface reports it.

Why: one hierarchy mapped in one place (``server/errors.py`` for HTTP, ``kg/cli.py`` for the
shell) means a user's mistake is never a 500 or a traceback. Library errors are wrapped where
we first understand them (pyoxigraph ``SyntaxError`` -> :class:`QuerySyntaxError`).
"""

from __future__ import annotations


class KGError(Exception):
    """Base class: ``status`` is the HTTP status, ``exit_code`` the CLI exit code."""

    status: int = 500
    exit_code: int = 1


class UsageError(KGError):
    """A bad option or argument."""

    status, exit_code = 400, 2


class CorpusError(KGError):
    """An article file that cannot be read as text (names the file and the reason)."""

    status, exit_code = 422, 3

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DataFileError(KGError):
    """A packaged data file (registry, lexicon, pattern) is malformed; names file and line."""

    status, exit_code = 500, 4


class StoreUnavailable(KGError):
    """The store directory is missing, locked or not an Oxigraph store."""

    status, exit_code = 503, 5


class QuerySyntaxError(KGError):
    """A SPARQL query or update that does not parse (message carries line and column)."""

    status, exit_code = 400, 6


class UnknownQuery(KGError):
    """No saved query of that name."""

    status, exit_code = 404, 7


class ParameterError(KGError):
    """A saved-query parameter is missing or not of its declared type."""

    status, exit_code = 400, 8

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"parameter {name!r}: {reason}")


class QueryTimeout(KGError):
    """A query ran past the configured time limit and was stopped."""

    status, exit_code = 503, 9


class ValidationFailed(KGError):
    """SHACL validation found violations."""

    status, exit_code = 422, 10


class RemoteEndpointError(KGError):
    """A remote SPARQL endpoint (e.g. Wikidata) failed after retries."""

    status, exit_code = 502, 11
