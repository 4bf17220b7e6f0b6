"""Media types, content negotiation and the serializers behind them.

Why: one table maps every media type we speak to one serializer (the Datasette renderer
pattern, STYLE.md §3), so views never negotiate or serialize themselves. Negotiation honours
q-values through Werkzeug's ``MIMEAccept``; a ``format``/``output`` parameter overrides
``Accept`` the way Fuseki and Virtuoso do. The serializers run on the query threads
(``server/jobs.py``), so they only use pyoxigraph, msgspec and the standard library: results
are cut at the row cap there, before the request thread gets them. Results within the cap are
written by pyoxigraph itself (into a byte budget, rows counted from the bytes); only results
over the cap go through the Python writers, which can stop at the cap.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import msgspec
import pyoxigraph as ox

from kg import vocab

#: Result kinds a query can produce.
SOLUTIONS, BOOLEAN, GRAPH = "solutions", "boolean", "graph"


@dataclass(frozen=True)
class Format:
    """One output format: its key, the media type we answer with, and aliases we accept."""

    key: str
    media_type: str
    aliases: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # values accepted by ``format=``/``output=`` and URL suffixes
    charset: bool = True

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8" if self.charset else self.media_type


RESULT_FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", ("application/json",), ("json", "srj")),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"),
           ("xml", "srx")),
    Format("csv", "text/csv", (), ("csv",)),
    Format("tsv", "text/tab-separated-values", (), ("tsv",)),
)
RDF_FORMATS: tuple[Format, ...] = (
    Format("turtle", "text/turtle", ("application/x-turtle",), ("turtle", "ttl")),
    Format("ntriples", "application/n-triples", (), ("ntriples", "nt", "n-triples")),
    Format("nquads", "application/n-quads", (), ("nquads", "nq", "n-quads")),
    Format("trig", "application/trig", (), ("trig",)),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"),
           ("rdfxml", "rdf", "xml", "rdf+xml")),
    Format("jsonld", "application/ld+json", ("application/json",),
           ("jsonld", "json-ld", "json")),
)
HTML = Format("html", "text/html", ("application/xhtml+xml",), ("html",))

_RESULTS_BY_KEY = {f.key: f for f in RESULT_FORMATS}
_RDF_BY_KEY = {f.key: f for f in RDF_FORMATS}
_OX_RESULTS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
               "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_OX_RDF = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
           "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
           "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}


class NotAcceptableFormat(Exception):
    # Mapped to 406 in server/errors.py.
    """Nothing the client accepts can be produced; carries what we could have offered."""

    def __init__(self, offered: Sequence[Format]) -> None:
        self.offered = [f.media_type for f in offered]
        super().__init__("none of the acceptable media types can be produced; available: "
                         + ", ".join(self.offered))


def formats_for(kind: str) -> tuple[Format, ...]:
    """The formats a result kind can be written in (ASK: JSON and XML only, as specified)."""
    if kind == GRAPH:
        return RDF_FORMATS
    if kind == BOOLEAN:
        return RESULT_FORMATS[:2]
    return RESULT_FORMATS


def negotiate(accept: object, offered: Sequence[Format], override: str | None = None) -> Format:
    """Pick the format to answer with.

    ``override`` (a ``format``/``output`` value or URL suffix: a short name or a media type)
    wins over ``Accept``. Otherwise the best match by q-value among ``offered``; the first
    offered format is the default when ``Accept`` is absent. Raises NotAcceptableFormat.
    """
    if override:
        wanted = override.strip().lower()
        for f in offered:
            if wanted in f.names or wanted == f.media_type or wanted in f.aliases:
                return f
        raise NotAcceptableFormat(offered)
    if not accept:  # no Accept header: anything goes
        return offered[0]
    candidates: list[str] = []
    owner: dict[str, Format] = {}
    # Primary media types before aliases: "text/*" means CSV, not the text/xml alias of XML.
    pairs = [(f.media_type, f) for f in offered] + [(a, f) for f in offered for a in f.aliases]
    for mt, fmt in pairs:
        if mt not in owner:
            owner[mt] = fmt
            candidates.append(mt)
    best = accept.best_match(candidates)  # type: ignore[attr-defined]
    if best is None:
        raise NotAcceptableFormat(offered)
    return owner[best]


def prefers(accept: object, media_type: str) -> bool:
    """Whether ``media_type`` is named in Accept with a q above any wildcard's (browsers)."""
    named, wildcard = 0.0, 0.0
    for value, q in accept:  # type: ignore[attr-defined]
        if value == media_type:
            named = max(named, q)
        elif value in ("*/*", media_type.split("/")[0] + "/*"):
            wildcard = max(wildcard, q)
    return named > 0 and named >= wildcard


def result_format(key: str) -> Format:
    """The Format for a key of either table."""
    return _RESULTS_BY_KEY.get(key) or _RDF_BY_KEY[key]


# --- serializers (run on the query threads) ----------------------------------------------------


def _term_json(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != str(vocab.XSD.string):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {  # type: ignore[dict-item]
            "subject": _term_json(term.subject), "predicate": _term_json(term.predicate),
            "object": _term_json(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def _term_xml(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype.value != str(vocab.XSD.string):
            attr = f" datatype={quoteattr(term.datatype.value)}"
        else:
            attr = ""
        return f"<literal{attr}>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return ("<triple><subject>" + _term_xml(term.subject) + "</subject><predicate>"
                + _term_xml(term.predicate) + "</predicate><object>" + _term_xml(term.object)
                + "</object></triple>")
    raise TypeError(f"not an RDF term: {term!r}")


def _term_csv(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


#: Bytes a result may take per row of the cap before the whole-result path gives up.
BYTES_PER_CAPPED_ROW = 1024


class _Budget(io.RawIOBase):
    """A write target for pyoxigraph's serializer that stops it past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.data = bytearray()
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data += b
        if len(self.data) > self.limit:
            raise _OverBudget
        return len(b)


class _OverBudget(Exception):
    pass


def _within_cap(result: ox.QuerySolutions | ox.QueryTriples, fmt: object,
                count: Callable[[bytes], int], max_rows: int) -> tuple[bytes, int] | None:
    """``result`` written by pyoxigraph into the byte budget, with ``count`` rows; None if
    it overran the budget or the row cap."""
    sink = _Budget(max(64_000, max_rows * BYTES_PER_CAPPED_ROW))
    try:
        result.serialize(sink, format=fmt)  # type: ignore[arg-type]
    except _OverBudget:
        return None
    body = bytes(sink.data)
    rows = count(body)
    return (body, rows) if rows <= max_rows else None


class _Bindings(msgspec.Struct):
    bindings: list[msgspec.Raw]


class _ResultsDocument(msgspec.Struct):
    results: _Bindings


#: Reads a SPARQL JSON result down to its list of rows, each row left as undecoded bytes.
_JSON_ROWS = msgspec.json.Decoder(_ResultsDocument)


def _count_rows(body: bytes, key: str) -> int:
    """Rows in a serialized result, exactly, without building a Python object per term.

    JSON is parsed by msgspec only down to the ``bindings`` array (each row stays raw bytes):
    8x faster than ``json.loads`` of the whole answer, which cost a 100-row query 0.16 ms,
    more than Flask's own share of the request (``bench/RESULTS.md``).
    """
    if key == "json":
        return len(_JSON_ROWS.decode(body).results.bindings)
    if key == "xml":
        return body.count(b"<result>")  # "<" inside values is escaped
    if key == "tsv":
        return max(0, body.count(b"\n") - 1)  # terms are written with escaped newlines
    return max(0, sum(1 for _ in csv.reader(io.StringIO(body.decode()))) - 1)


def serialize_whole_solutions(result: ox.QuerySolutions, key: str,
                              max_rows: int) -> tuple[bytes, int] | None:
    """The whole result serialized by pyoxigraph, with its row count; None past the row cap.

    Why: pyoxigraph's own writers are 3x faster than building a Python object per term (the
    largest part of the HTTP overhead for a 100-row answer, ``bench/RESULTS.md``), but they
    cannot stop at the row cap. So the serializer writes into a byte budget of
    ``BYTES_PER_CAPPED_ROW`` per capped row, and the rows are counted afterwards; a result
    over either limit returns None and the caller cuts it at the cap with
    :func:`serialize_solutions` instead (the rare, slow path).
    """
    return _within_cap(result, _OX_RESULTS[key], lambda body: _count_rows(body, key), max_rows)


#: Graph formats with one triple per line (values escape their newlines), so lines = triples.
LINE_FORMATS = ("ntriples", "nquads")


def serialize_whole_triples(result: ox.QueryTriples, key: str,
                            max_rows: int) -> tuple[bytes, int] | None:
    """CONSTRUCT/DESCRIBE triples written by pyoxigraph in a line format, with their count;
    None past the row cap or the byte budget (see :func:`serialize_whole_solutions`)."""
    return _within_cap(result, _OX_RDF[key], lambda body: body.count(b"\n"), max_rows)


def serialize_solutions(variables: Sequence[str], rows: Iterable[Sequence[object]],
                        key: str) -> bytes:
    """SPARQL 1.1 JSON/XML/CSV/TSV results for already-cut rows (values aligned to variables).

    Why our own writer: pyoxigraph serializes a whole ``QuerySolutions`` iterator and cannot
    stop at the row cap, so a result over the cap is cut in Python and written here (results
    within the cap take :func:`serialize_whole_solutions`). The four formats are small, fully
    specified and tested here.
    """
    if key == "json":
        bindings = [{v: _term_json(t) for v, t in zip(variables, row, strict=True)
                     if t is not None} for row in rows]
        return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode()
    if key == "xml":
        out = [f'<?xml version="1.0"?>\n<sparql xmlns={quoteattr(_SRX_NS)}>', "<head>"]
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(v)}>{_term_xml(t)}</binding>"
                    for v, t in zip(variables, row, strict=True) if t is not None]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode()
    if key == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([_term_csv(t) for t in row])
        return buf.getvalue().encode()
    if key == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"unknown results format {key!r}")


def _srx_namespace() -> str:
    """The SPARQL results XML namespace, read from pyoxigraph's own output.

    Why: ``kg/vocab.py`` is the only home of IRI literals and does not declare this one.
    """
    xml = ox.Store().query("ASK {}").serialize(format=ox.QueryResultsFormat.XML).decode()
    found = re.search(r'<sparql xmlns="([^"]+)"', xml)
    assert found, xml
    return found.group(1)


_SRX_NS = _srx_namespace()


def serialize_boolean(result: object, key: str) -> bytes:
    """An ASK result (pyoxigraph ``QueryBoolean``) as SPARQL JSON or XML."""
    return result.serialize(format=_OX_RESULTS[key])  # type: ignore[attr-defined]


def serialize_triples(triples: Iterable[object], key: str) -> bytes:
    """CONSTRUCT/DESCRIBE triples in an RDF format; Turtle and TriG get our prefixes."""
    fmt = _OX_RDF[key]
    prefixes = vocab.PREFIXES if key in ("turtle", "trig") else None
    return ox.serialize(list(triples), format=fmt, prefixes=prefixes)
