"""What the views call: run a Protocol query, a saved query or an internal query.

Why: views stay linear (parse -> one call -> render, STYLE.md §2 and convention 6); this module
holds the glue between a request, content negotiation (``server/formats.py``), the internal
SPARQL files (``kg/sparql/server/*.rq``, read with ``importlib.resources``) and the query executor.
It also turns an :class:`~server.jobs.Outcome` into an HTTP response, including the row-cap
signal (206 + ``X-Result-Truncated``; see ``docs/http-statuses.md``).
"""

from __future__ import annotations

import hmac
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from flask import Response, current_app, render_template, request
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg import vocab
from kg.config import Settings
from kg.errors import KGError
from kg.saved_queries import SavedQuery, load_saved_queries
from server import formats
from server.description import describe_service, serialize_description
from server.executor import QueryExecutor
from server.formats import BOOLEAN, GRAPH, SOLUTIONS, Format, NotAcceptableFormat
from server.jobs import NotAcceptableResult, Outcome, QueryJob
from server.protocol import ProtocolError, ProtocolRequest

TRUNCATED_STATUS = 206


def settings() -> Settings:
    """The Settings the app was created with."""
    return current_app.extensions["kg_settings"]


def executor() -> QueryExecutor:
    """The app's query executor."""
    return current_app.extensions["kg_executor"]


def saved_queries() -> dict[str, SavedQuery]:
    """The saved queries, parsed once per app (``queries/`` is read-only while serving)."""
    ext = current_app.extensions
    if "kg_saved" not in ext:
        ext["kg_saved"] = load_saved_queries(settings().queries)
    return ext["kg_saved"]


@lru_cache(maxsize=64)
def internal_query(name: str) -> str:
    """Text of ``kg/sparql/server/<name>.rq`` (internal queries of the server)."""
    return (resources.files("kg") / "sparql" / "server" / f"{name}.rq").read_text("utf-8")


def negotiated_formats(kinds: tuple[str, ...], override: str | None) -> dict[str, str | None]:
    """Format key per result kind the client accepts (None where it accepts none)."""
    return dict(_negotiated(request.headers.get("Accept", ""), kinds, override))


@lru_cache(maxsize=512)
def _negotiated(accept_header: str, kinds: tuple[str, ...],
                override: str | None) -> tuple[tuple[str, str | None], ...]:
    """Negotiation depends only on the Accept text: clients repeat theirs, so it is cached
    (matching q-values against every format was a fifth of a small query's server time)."""
    accept = parse_accept_header(accept_header, MIMEAccept)
    out: list[tuple[str, str | None]] = []
    for kind in kinds:
        try:
            out.append((kind, formats.negotiate(accept, formats.formats_for(kind), override).key))
        except NotAcceptableFormat:
            out.append((kind, None))
    return tuple(out)


def run_job(job: QueryJob) -> Outcome:
    """Run a job on the executor within the configured time limit."""
    try:
        return executor().run(job, settings().query_timeout)
    except NotAcceptableResult as exc:
        raise NotAcceptableFormat(formats.formats_for(exc.kind)) from None


def protocol_query(preq: ProtocolRequest) -> Response:
    """Answer a Protocol query (dataset from the request, base IRI = the endpoint URL).

    Our prefixes (``kg:``, ``entity:``, ``wd:`` …, ``vocab.PREFIXES``) are predeclared, as the
    Wikidata Query Service does for its own: a query may use them without a ``PREFIX`` line,
    and a ``PREFIX`` in the query still wins.
    """
    job = QueryJob(
        sparql=preq.text,
        formats=negotiated_formats((SOLUTIONS, BOOLEAN, GRAPH), preq.format_override),
        max_rows=settings().max_rows,
        prefixes=vocab.PREFIXES,
        base_iri=request.base_url,
        default_graph=preq.default_graphs if preq.has_dataset else None,
        named_graphs=preq.named_graphs if preq.has_dataset else None,
        union_default=preq.union_default,
    )
    return outcome_response(run_job(job))


def saved_query(saved: SavedQuery, args: dict[str, str], override: str | None) -> Response:
    """Bind and run a saved query; QIDs given for actor parameters are resolved first."""
    bound = saved.bind(args)
    subs: dict[str, Any] = dict(bound.substitutions)
    for var in bound.wikidata_params:  # wd:Q… -> our entity via owl:sameAs, when we have one
        rows = select("resolve_wikidata", wd_iri=subs[var].value)
        if rows:
            subs[var] = _iri_subs({"x": rows[0]["entity"]["value"]})["_x"]
    kind = {"ASK": BOOLEAN, "SELECT": SOLUTIONS}.get(bound.query_type, GRAPH)
    job = QueryJob(
        sparql=bound.sparql, formats=negotiated_formats((kind,), override),
        max_rows=settings().max_rows, substitutions=subs, prefixes=vocab.PREFIXES,
    )
    if job.formats[kind] is None:
        raise NotAcceptableFormat(formats.formats_for(kind))
    outcome = run_job(job)
    response = outcome_response(outcome)
    if saved.pagination:
        known = {p.name for p in saved.params} | {"format", "output"}
        response.headers["Link"] = page_links(
            saved.pagination, bound.page, {k: v for k, v in args.items() if k in known},
            outcome.rows)
    return response


def page_links(size: int, page: int, args: dict[str, str], rows: int) -> str:
    """RFC 8288 ``Link`` header for a paginated saved query, as grlc sends it.

    ``first`` always, ``prev`` after page 1, ``next`` when this page came back full (a full
    last page gives one empty next page: cheaper than counting the whole result). ``args``
    holds only the query's own parameters: unknown ones are not echoed into a header.
    """
    from urllib.parse import urlencode

    def url(n: int) -> str:
        return f"{request.base_url}?{urlencode({**args, 'page': str(n)})}"

    links = [f'<{url(1)}>; rel="first"']
    if page > 1:
        links.append(f'<{url(page - 1)}>; rel="prev"')
    if rows >= size:
        links.append(f'<{url(page + 1)}>; rel="next"')
    return ", ".join(links)


def _iri_subs(params: dict[str, str]) -> dict[str, Any]:
    import pyoxigraph as ox

    return {f"_{k}": ox.NamedNode(v) for k, v in params.items()}


def select(name: str, **iris: str) -> list[dict[str, dict[str, str]]]:
    """Rows (SPARQL JSON bindings) of an internal SELECT, IRI parameters bound as ``?_name``."""
    job = QueryJob(sparql=internal_query(name), formats={SOLUTIONS: "json"},
                   max_rows=settings().max_rows, substitutions=_iri_subs(iris),
                   prefixes=vocab.PREFIXES)
    return json.loads(run_job(job).body)["results"]["bindings"]


def construct(name: str, fmt: Format, **iris: str) -> Outcome:
    """An internal CONSTRUCT serialized in ``fmt``."""
    job = QueryJob(sparql=internal_query(name), formats={GRAPH: fmt.key},
                   max_rows=settings().max_rows, substitutions=_iri_subs(iris),
                   prefixes=vocab.PREFIXES)
    return run_job(job)


def outcome_response(outcome: Outcome) -> Response:
    """HTTP response for an executed job: 200, or 206 + headers when the row cap cut it."""
    fmt = formats.result_format(outcome.format_key)
    response = Response(outcome.body, content_type=fmt.content_type)
    response.headers["X-Result-Rows"] = str(outcome.rows)
    response.headers["Vary"] = "Accept"
    if outcome.truncated:
        cap = settings().max_rows
        response.status_code = TRUNCATED_STATUS
        response.headers["X-Result-Truncated"] = "true"
        response.headers["X-Result-Row-Cap"] = str(cap)
        response.headers["Content-Range"] = f"rows 0-{max(cap - 1, 0)}/*"
        response.headers["Warning"] = f'199 - "result truncated at the row cap of {cap} rows"'
    return response


class UpdateRefused(KGError):
    """SPARQL Update is not accepted by this endpoint (403)."""

    status = 403


def protocol_update(preq: ProtocolRequest, authorization: str | None) -> Response:
    """Apply a SPARQL Update if the operator enabled updates and the bearer token matches.

    Why this shape: the workers hold the live store version read-only; an accepted update is
    written by ``kg.store`` as a new copy-on-write version (in a killable process, under the
    same time limit), which the workers then re-open. Without a configured token, or with a
    wrong one, nothing is touched and the answer is 403.
    """
    token = settings().update_token
    if not token:
        raise UpdateRefused("SPARQL Update is disabled: this endpoint is read-only. Change the "
                            "data with 'kg build' or 'kg load'; the server picks up new versions.")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                             token.encode()):
        raise UpdateRefused("SPARQL Update needs 'Authorization: Bearer <token>' with the "
                            "operator's update token.")
    if preq.has_dataset:
        raise ProtocolError("using-graph-uri/using-named-graph-uri are not supported; use "
                            "USING/WITH in the update")
    version = executor().run_update(preq.text, request.base_url, settings().query_timeout)
    return Response(f"update applied; store version {version}\n",
                    content_type="text/plain; charset=utf-8")


def service_description(override: str | None) -> Response:
    """GET /sparql without a query: SD in RDF, or the HTML query page for browsers."""
    offered = (*(formats.result_format(k) for k in ("turtle", "rdfxml", "jsonld", "ntriples")),
               formats.HTML)
    fmt = formats.negotiate(request.accept_mimetypes, offered, override)
    graphs = [row["g"]["value"] for row in select("graphs")]
    s = settings()
    if fmt is formats.HTML:
        return Response(render_template(
            "sparql.html", endpoint=request.base_url, graphs=graphs,
            queries=saved_queries().values(), timeout=s.query_timeout, row_cap=s.max_rows,
            result_formats=formats.RESULT_FORMATS, rdf_formats=formats.RDF_FORMATS,
        ), content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
    voids = [row["dataset"]["value"] for row in select("void_dataset")]
    graph = describe_service(request.base_url, graphs, voids, s.max_rows, s.query_timeout,
                             updates=bool(s.update_token))
    return Response(serialize_description(graph, fmt), content_type=fmt.content_type,
                    headers={"Vary": "Accept"})


def prefers_html() -> bool:
    """Whether the client (a browser) ranks text/html above every data format."""
    return formats.prefers(request.accept_mimetypes, "text/html")


def saved_query_page(saved: SavedQuery, args: dict[str, str]) -> Response:
    """HTML page of a saved query: description, parameter form and, if runnable, results."""
    rows: list[dict[str, dict[str, str]]] | None = None
    columns: list[str] = []
    error: str | None = None
    missing = [p.name for p in saved.params if p.required and not args.get(p.name)
               and p.default is None]
    if not missing and saved.query_type == "SELECT":
        try:
            response = saved_query(saved, args, "json")
            data = json.loads(response.get_data())
            columns = [v for v in data["head"]["vars"] if not v.startswith("_")]
            rows = data["results"]["bindings"]
        except KGError as exc:  # shown on the page: the form is how the user fixes it
            error = str(exc)
    return Response(render_template("query.html", q=saved, args=args, rows=rows,
                                    columns=columns, error=error, missing=missing),
                    content_type="text/html; charset=utf-8")
