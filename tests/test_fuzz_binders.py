"""Property-based tests of the parameter binders and the Protocol parser (no server).

Why here, in-process: these two functions are where untrusted text first meets our code, and
running them directly lets hypothesis try thousands of values in a second or two. The
properties are what the HTTP layer relies on: every input either becomes a term (bound with
``substitutions=``, never pasted into the query text) or raises the one error type that maps
to a 4xx; nothing else escapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.config import Settings
from kg.errors import ParameterError
from kg.saved_queries import (
    LITERAL_KINDS,
    PAGE_MARKER_RE,
    Param,
    SavedQuery,
    load_saved_queries,
)
from server.protocol import FORM, SPARQL_QUERY, SPARQL_UPDATE, ProtocolError, parse_request
from tests.reliability.figures import Tally

CATEGORY = "fuzzing"
SAVED: dict[str, SavedQuery] = load_saved_queries(Settings().queries)
PARAMS: list[Param] = [p for q in SAVED.values() for p in q.params]
KINDS = [Param(name=f"x_{k}", variable=f"_x_{k}", required=True, kind=k,
               datatype=LITERAL_KINDS[k]) for k in LITERAL_KINDS]
FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])

#: Pieces an attacker strings together: SPARQL syntax, IRI breakers, prefixes, numbers.
ATOMS = ['"', "'", "<", ">", "{", "}", ";", "#", " ", "\n", "\x00", "\\", "?", "$", ":",
         "DROP ALL", "} ; DROP ALL ; {", "http://", "https://", "urn:", "entity:", "wd:",
         "kg:", "Q", "Q148", "china", "..", "/", "%", "%FF", "1", "-", ".", "e", "T", "Z",
         "2023", "-02-30", "\u202e", "\ufffd", "ü", "a" * 250]
TERM = Tally(CATEGORY, "hypothesis: saved-query parameter values (Param.to_term)")
BIND = Tally(CATEGORY, "hypothesis: whole saved-query argument sets (SavedQuery.bind)")
PARSE = Tally(CATEGORY, "hypothesis: raw Protocol requests (parse_request)")


@pytest.fixture(scope="module", autouse=True)
def _record_module_tallies() -> Iterator[None]:
    """Write the tallies of the module-level @given tests once they have all run."""
    yield
    for tally in (TERM, BIND, PARSE):
        if tally.tried:
            tally.record()


hostile_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(ATOMS), max_size=12).map("".join),
    st.from_regex(r"(https?|urn|ftp|entity|wd|kg)?:?[A-Za-z0-9 <>\"{}|^`\\/.:#?-]{0,60}",
                  fullmatch=True),
)


def _check_term(p: Param, raw: str) -> str:
    try:
        term = p.to_term(raw)
    except ParameterError as exc:
        assert exc.name == p.name and exc.reason
        return "ParameterError (400)"
    if p.kind == "iri":
        assert isinstance(term, ox.NamedNode)
        ox.NamedNode(term.value)  # a valid IRI, or this raises
        assert not any(c in term.value for c in ' <>"{}|^`\\\n')
    else:
        assert isinstance(term, ox.Literal)
    return "bound as a term"


@settings(max_examples=600, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(param=st.sampled_from(PARAMS + KINDS), raw=hostile_text)
def test_every_value_is_a_term_or_a_parameter_error(param: Param, raw: str) -> None:
    """``Param.to_term``: a valid term, or ParameterError naming the parameter; nothing else."""
    TERM.add(_check_term(param, raw))


@FUZZ
@given(name=st.sampled_from(sorted(SAVED)),
       args=st.dictionaries(st.sampled_from(["holder", "actor", "target", "from", "to",
                                             "since", "class", "page", "article", "other",
                                             "polarity", "text", "x"]),
                            hostile_text, max_size=5))
def test_binding_never_changes_the_query_text(name: str, args: dict[str, str]) -> None:
    """``SavedQuery.bind``: the text is the file's, plus only our own LIMIT/OFFSET clause."""
    saved = SAVED[name]
    try:
        bound = saved.bind(args)
    except ParameterError:
        BIND.add("ParameterError (400)")
        return
    BIND.add("bound")
    clauses = re.findall(r"LIMIT [0-9]+ OFFSET [0-9]+", bound.sparql)
    assert len(clauses) == (1 if saved.pagination else 0)
    marker = PAGE_MARKER_RE.search(saved.text)
    if not clauses:
        assert bound.sparql == saved.text
    elif marker:  # the clause stands exactly where the file's '# @page' line was
        assert bound.sparql == saved.text.replace(marker.group(0), clauses[0], 1)
    else:  # appended after the file's text
        assert bound.sparql == f"{saved.text.rstrip()}\n{clauses[0]}\n"
    assert set(bound.substitutions) <= {p.variable for p in saved.params}


MIMETYPES = ["", FORM, SPARQL_QUERY, SPARQL_UPDATE, "text/plain", "multipart/form-data",
             "application/json"]


@FUZZ
@given(method=st.sampled_from(["GET", "POST"]),
       query_string=st.one_of(st.binary(max_size=200),
                              st.lists(st.sampled_from([b"query=", b"update=", b"&", b"%FF",
                                                        b"ASK{}", b"default-graph-uri=",
                                                        b"named-graph-uri=", b"urn:x", b"%0A",
                                                        b"format=", b"using-graph-uri="]),
                                       max_size=10).map(b"".join)),
       mimetype=st.sampled_from(MIMETYPES),
       params=st.dictionaries(st.sampled_from(["charset", "boundary"]),
                              st.sampled_from(["utf-8", "UTF8", "latin-1", "", "x" * 50]),
                              max_size=2),
       body=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)))
def test_protocol_parser_returns_a_request_or_a_protocol_error(
        method: str, query_string: bytes, mimetype: str, params: dict[str, str],
        body: bytes) -> None:
    """``parse_request``: any bytes give a ProtocolRequest or a ProtocolError (400/413/415)."""
    try:
        preq = parse_request(method, query_string, mimetype, params, body, 1_000)
    except ProtocolError as exc:
        assert exc.status in (400, 413, 415) and str(exc)
        assert len(str(exc)) < 400
        PARSE.add(f"ProtocolError ({exc.status})")
        return
    PARSE.add(f"parsed ({preq.operation})")
    for iri in (*preq.default_graphs, *preq.named_graphs):
        ox.NamedNode(iri)  # graph IRIs that passed the check are valid IRIs
