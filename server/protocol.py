"""Reading a SPARQL 1.1 Protocol request: which operation, which text, which dataset.

Why a module of its own: the Protocol's rules (one ``query``, the three POST shapes, UTF-8 only,
``default-graph-uri``/``named-graph-uri`` from the URL and the form) are easy to get subtly
wrong, so they live in one function with one error type instead of inside a view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from kg.errors import KGError

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
QUERY, UPDATE, DESCRIPTION = "query", "update", "description"


class ProtocolError(KGError):
    """A request that breaks the SPARQL Protocol (400, 413 or 415, carried per instance)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class ProtocolRequest:
    """A parsed Protocol request."""

    operation: str  # QUERY, UPDATE or DESCRIPTION (GET without a query)
    text: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format_override: str | None = None

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)

    @property
    def union_default(self) -> bool:
        """Whether the default graph should be the union of all graphs.

        Why: that is our default dataset, but pyoxigraph's union flag overrides a query's own
        ``FROM``/``FROM NAMED``; so when the query declares a dataset we leave it alone.
        """
        return not declares_dataset(self.text)


def _pairs(raw: bytes, what: str) -> list[tuple[str, str]]:
    try:
        # Raw (not percent-encoded) bytes must be UTF-8 too: decoding them as Latin-1 let
        # "query=ASK{}\xff" through as "ASK{}ÿ".
        return parse_qsl(raw.decode("utf-8"), keep_blank_values=True, encoding="utf-8",
                         errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(f"the {what} is not UTF-8 (percent-decoded bytes)") from None


def check_query_string(query_string: bytes) -> None:
    """Raise ProtocolError (400) unless the URL's parameters are UTF-8 after percent-decoding.

    Why: Werkzeug's ``request.args`` silently turns bad bytes into U+FFFD, so a saved-query
    parameter such as ``?text=%FF`` would be bound as a different value than the one sent.
    """
    _pairs(query_string, "query string")


def _values(pairs: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in pairs if k == name]


def _check_charset(params: dict[str, str], mimetype: str) -> None:
    charset = params.get("charset", "utf-8").strip().lower()
    if charset not in ("utf-8", "utf8"):
        raise ProtocolError(
            f"{mimetype} bodies must be UTF-8 (charset={charset[:40]} is not supported)", 415)


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the request body is not valid UTF-8 ({exc.reason} at byte "
                            f"{exc.start})") from None


def parse_request(method: str, query_string: bytes, mimetype: str,
                  mimetype_params: dict[str, str], body: bytes,
                  max_bytes: int) -> ProtocolRequest:
    """Read the operation of one request; raise ProtocolError when the Protocol is broken."""
    if len(query_string) > max_bytes:
        raise ProtocolError(f"the query string is larger than {max_bytes} bytes", 413)
    url = _pairs(query_string, "query string")
    if method == "GET":
        if _values(url, "update"):
            raise ProtocolError("SPARQL Update is not allowed with GET (and this endpoint is "
                                "read-only)")
        return _build(url, QUERY if _values(url, "query") else DESCRIPTION, where="URL")
    if not mimetype:
        raise ProtocolError(f"a POST needs a Content-Type: {FORM}, {SPARQL_QUERY} or "
                            f"{SPARQL_UPDATE}", 415)
    if mimetype == FORM:
        _check_charset(mimetype_params, mimetype)
        form = _pairs(body, "form body")
        pairs = url + form
        if _values(form, "update") or _values(url, "update"):
            _single(pairs, "update")
            if _values(pairs, "query"):
                raise ProtocolError("a request carries either 'query' or 'update', not both")
            return _update(pairs, _values(pairs, "update")[0])
        if not _values(form, "query"):
            raise ProtocolError("the form has no 'query' parameter")
        return _build(pairs, QUERY, where="form")
    if mimetype == SPARQL_QUERY:
        _check_charset(mimetype_params, mimetype)
        if _values(url, "query"):
            raise ProtocolError(f"with {SPARQL_QUERY} the query is the body; do not also give "
                                "a 'query' URL parameter")
        text = _utf8(body)
        return _build([*url, ("query", text)], QUERY, where="body")
    if mimetype == SPARQL_UPDATE:
        _check_charset(mimetype_params, mimetype)
        return _update(url, _utf8(body))
    raise ProtocolError(f"unsupported Content-Type {mimetype[:80]!r}: use {FORM}, "
                        f"{SPARQL_QUERY} or {SPARQL_UPDATE}", 415)


def _update(pairs: list[tuple[str, str]], text: str) -> ProtocolRequest:
    if not text.strip():
        raise ProtocolError("the update is empty")
    return ProtocolRequest(
        UPDATE, text,
        default_graphs=tuple(_graph_iri(v) for v in _values(pairs, "using-graph-uri")),
        named_graphs=tuple(_graph_iri(v) for v in _values(pairs, "using-named-graph-uri")),
    )


def _single(pairs: list[tuple[str, str]], name: str) -> str:
    values = _values(pairs, name)
    if len(values) > 1:
        raise ProtocolError(f"the '{name}' parameter was given {len(values)} times; give "
                            "exactly one")
    return values[0]


def _build(pairs: list[tuple[str, str]], operation: str, where: str) -> ProtocolRequest:
    text = ""
    if operation == QUERY:
        text = _single(pairs, "query")
        if not text.strip():
            raise ProtocolError(f"the query in the {where} is empty")
    override = (_values(pairs, "format") or _values(pairs, "output") or [None])[0]
    return ProtocolRequest(
        operation, text,
        default_graphs=tuple(_graph_iri(v) for v in _values(pairs, "default-graph-uri")),
        named_graphs=tuple(_graph_iri(v) for v in _values(pairs, "named-graph-uri")),
        format_override=override or None,
    )


# \Z, not $: "$" also matches before a trailing newline ("urn:x%0A").
_IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*\Z")


def _graph_iri(value: str) -> str:
    if not _IRI_RE.match(value):
        raise ProtocolError(f"graph IRI {value[:80]!r} is not an absolute IRI")
    return value


# A query declares its own dataset when FROM appears as a keyword: strip comments, strings,
# IRIs and variables first so that "?from", "<…/from>" or "# from" do not count.
_STRIP_RE = re.compile(
    r"""("{3}.*?"{3}|'{3}.*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>"""
    r"""|#[^\n]*|[?$][A-Za-z0-9_]+)""",
    re.DOTALL,
)
_FROM_RE = re.compile(r"(?<![\w:.-])FROM\s+(NAMED\s+)?(<>|[A-Za-z_][\w.-]*:|:)", re.IGNORECASE)


def declares_dataset(text: str) -> bool:
    """Whether a query has a ``FROM``/``FROM NAMED`` clause (heuristic lexer, see above).

    Most queries never spell "from" at all; they skip the lexer, which cost a tenth of the
    server's own time per request (the regex runs over the whole query text).
    """
    if "from" not in text.lower():
        return False
    stripped = _STRIP_RE.sub(lambda m: "<>" if m.group(0).startswith("<") else " ", text)
    return bool(_FROM_RE.search(stripped))
